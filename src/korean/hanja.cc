#include "korean/hanja.h"

#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <vector>

#include "common/error.h"
#include "korean/lexicon.h"
#include "text/utf8.h"

#ifndef KOTERM_DEFAULT_HANJA_TABLE
#define KOTERM_DEFAULT_HANJA_TABLE "/usr/share/libhangul/hanja/hanja.txt"
#endif

namespace koterm::korean {
namespace {

std::string missing_hint() {
  return "install Debian's libhangul-data (scripts/install-deps.sh) or point KOTERM_HANJA_TABLE "
         "at a libhangul hanja.txt";
}

std::size_t count_occurrences(std::string_view haystack, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string_view::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

}  // namespace

HanjaTable HanjaTable::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw InputError(SourcePos{path, 0, 0}, "cannot read the hanja table; " + missing_hint());
  }
  struct Candidate {
    std::string reading;
    std::size_t mentions;
  };
  std::unordered_map<char32_t, std::vector<Candidate>> candidates;
  std::string line;
  std::size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::size_t c1 = line.find(':');
    if (c1 == std::string::npos) continue;
    std::size_t c2 = line.find(':', c1 + 1);
    if (c2 == std::string::npos) continue;
    std::string_view reading(line.data(), c1);
    std::string_view hanja(line.data() + c1 + 1, c2 - c1 - 1);
    std::string_view gloss(line.data() + c2 + 1, line.size() - c2 - 1);
    if (text::find_invalid_utf8(line) != std::string::npos) {
      throw InputError(SourcePos{path, line_no, 1}, "the hanja table is not valid UTF-8; " + missing_hint());
    }
    std::size_t len = 0;
    if (hanja.empty()) continue;
    char32_t h = text::decode_utf8(hanja, 0, &len);
    if (len != hanja.size() || !text::is_hanja(h) || text::char_count(reading) != 1) continue;
    candidates[h].push_back({std::string(reading), count_occurrences(gloss, reading)});
  }
  HanjaTable table;
  for (auto& [h, list] : candidates) {
    const Candidate* best = &list.front();
    for (const auto& c : list) {
      if (c.mentions > best->mentions) best = &c;
    }
    table.readings_.emplace(h, best->reading);
  }
  if (table.readings_.empty()) {
    throw InputError(SourcePos{path, 0, 0},
                     "the hanja table has no \"reading:hanja:gloss\" lines; " + missing_hint());
  }
  return table;
}

std::string_view HanjaTable::reading(char32_t hanja) const {
  auto it = readings_.find(hanja);
  return it == readings_.end() ? std::string_view{} : std::string_view{it->second};
}

std::string hanja_table_path() {
  const char* env = std::getenv("KOTERM_HANJA_TABLE");
  if (env != nullptr && *env != '\0') return env;
  return KOTERM_DEFAULT_HANJA_TABLE;
}

const HanjaTable& default_hanja_table() {
  // Tables are loaded once per path and kept for the life of the process; a failed load
  // is not remembered, so the error repeats with the same message.
  static std::mutex mutex;
  static std::map<std::string, HanjaTable> loaded;
  std::string path = hanja_table_path();
  std::lock_guard<std::mutex> lock(mutex);
  auto it = loaded.find(path);
  if (it == loaded.end()) it = loaded.emplace(path, HanjaTable::load(path)).first;
  return it->second;
}

std::string_view headline_abbreviation(char32_t hanja) {
  const auto& ab = detail::lexicon().abbreviations;
  auto it = ab.find(hanja);
  return it == ab.end() ? std::string_view{} : std::string_view{it->second};
}

}  // namespace koterm::korean
