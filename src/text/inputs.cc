#include "text/inputs.h"

#include <algorithm>
#include <filesystem>

namespace koterm::text {

namespace {

namespace fs = std::filesystem;

bool blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; });
}

// A cell of a TAB-separated line: its text and byte offset in the line.
struct Cell {
  std::string_view text;
  std::size_t byte_begin = 0;
};

std::vector<Cell> split_tabs(std::string_view line) {
  std::vector<Cell> cells;
  std::size_t pos = 0;
  while (true) {
    std::size_t tab = line.find('\t', pos);
    std::size_t end = tab == std::string_view::npos ? line.size() : tab;
    cells.push_back({line.substr(pos, end - pos), pos});
    if (tab == std::string_view::npos) break;
    pos = tab + 1;
  }
  return cells;
}

// The start of a line for a message: at most 60 bytes, cut before a whole character.
std::string quoted_fragment(std::string_view line) {
  std::size_t n = std::min<std::size_t>(line.size(), 60);
  while (n > 0 && n < line.size() && (static_cast<unsigned char>(line[n]) & 0xC0) == 0x80) --n;
  return "\"" + std::string(line.substr(0, n)) + (n < line.size() ? "...\"" : "\"");
}

}  // namespace

void validate_input_kinds(const std::vector<std::string>& pairs, const std::string& manifest,
                          const std::string& directory, const std::string& aligned_ko,
                          const std::string& aligned_en) {
  int kinds = (!pairs.empty() ? 1 : 0) + (!manifest.empty() ? 1 : 0) + (!directory.empty() ? 1 : 0) +
              (!aligned_ko.empty() || !aligned_en.empty() ? 1 : 0);
  if (kinds == 0)
    throw UsageError(
        "no input: give KO EN article pairs, --manifest FILE, --dir FOLDER or --aligned KO EN");
  if (kinds > 1)
    throw UsageError("give only one kind of input: KO EN pairs, --manifest, --dir or --aligned");
  if (pairs.size() % 2 != 0)
    throw UsageError("article files come in pairs (KO EN); got " + std::to_string(pairs.size()) +
                     " path" + (pairs.size() == 1 ? "" : "s"));
  if (aligned_ko.empty() != aligned_en.empty())
    throw UsageError("--aligned takes two files: KO EN");
}

std::vector<ArticlePair> parse_manifest(const SourceText& manifest, const std::string& base) {
  const fs::path base_dir(base.empty() ? "." : base);
  auto resolve = [&](std::string_view p) {
    if (p == "-") return std::string(p);  // standard input: the caller decides
    fs::path f{std::string(p)};
    return (f.is_absolute() || base.empty() ? f : base_dir / f).lexically_normal().string();
  };
  std::vector<ArticlePair> out;
  std::size_t line_no = 0;
  for (const Span& sp : manifest.lines()) {
    ++line_no;
    std::string_view line(manifest.normalized().data() + sp.byte_begin, sp.byte_count());
    if (blank(line) || line[0] == '#') continue;
    std::vector<Cell> cells = split_tabs(line);
    if (line_no == 1 && cells.size() >= 3 && cells[0].text == "id") continue;  // header
    auto at = [&](std::size_t byte_in_line) {
      return manifest.position_of_normalized(sp.byte_begin + byte_in_line);
    };
    if (cells.size() != 3)
      throw InputError(at(0), "expected 3 TAB-separated columns (id, Korean path, English path); found " +
                                  std::to_string(cells.size()) + " in " + quoted_fragment(line));
    for (std::size_t c = 1; c < 3; ++c)
      if (blank(cells[c].text))
        throw InputError(at(cells[c].byte_begin),
                         std::string("the ") + (c == 1 ? "Korean" : "English") +
                             " path (column " + std::to_string(c + 1) + ") is empty in " +
                             quoted_fragment(line));
    ArticlePair p;
    p.id = cells[0].text.empty() ? "line " + std::to_string(line_no) : std::string(cells[0].text);
    p.ko_path = resolve(cells[1].text);
    p.en_path = resolve(cells[2].text);
    p.where = at(0);
    p.ko_where = at(cells[1].byte_begin);
    p.en_where = at(cells[2].byte_begin);
    out.push_back(std::move(p));
  }
  if (out.empty()) throw InputError({manifest.path()}, "the manifest lists no article pairs");
  return out;
}

std::vector<ArticlePair> read_manifest(const std::string& path, std::istream& in,
                                       const ReadLimits& limits) {
  SourceText src = read_source(path, in, limits);
  return parse_manifest(src, path == "-" ? std::string() : fs::path(path).parent_path().string());
}

std::vector<ArticlePair> read_directory(const std::string& dir, Diagnostics& diags) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) throw InputError({dir}, "no such folder");
  if (!fs::is_directory(dir, ec))
    throw InputError({dir}, "not a folder; --dir expects a folder of NAME.ko.txt and NAME.en.txt files");
  std::vector<std::string> names;
  fs::directory_iterator it(dir, ec);
  if (ec) throw InputError({dir}, "cannot list the folder: " + ec.message());
  for (const auto& e : it) {
    std::string n = e.path().filename().string();
    if (n.size() > 7 && n.compare(n.size() - 7, 7, ".ko.txt") == 0) names.push_back(n.substr(0, n.size() - 7));
  }
  std::sort(names.begin(), names.end());
  std::vector<ArticlePair> out;
  for (const auto& n : names) {
    fs::path ko = fs::path(dir) / (n + ".ko.txt");
    fs::path en = fs::path(dir) / (n + ".en.txt");
    if (!fs::exists(en, ec)) {
      diags.warning({ko.string()}, "no " + en.filename().string() + " beside it; skipped");
      continue;
    }
    ArticlePair p;
    p.id = n;
    p.ko_path = ko.string();
    p.en_path = en.string();
    p.where = {ko.string()};
    p.ko_where = p.where;
    p.en_where = {en.string()};
    out.push_back(std::move(p));
  }
  if (out.empty()) throw InputError({dir}, "no NAME.ko.txt + NAME.en.txt pairs in this folder");
  return out;
}

std::vector<ArticlePair> pairs_from_arguments(const std::vector<std::string>& paths) {
  if (paths.size() % 2 != 0)
    throw UsageError("article files come in pairs (KO EN); got " + std::to_string(paths.size()) +
                     " path" + (paths.size() == 1 ? "" : "s"));
  std::vector<ArticlePair> out;
  for (std::size_t i = 0; i + 1 < paths.size(); i += 2) {
    ArticlePair p;
    p.id = paths[i];
    p.ko_path = paths[i];
    p.en_path = paths[i + 1];
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<ArticlePair> list_article_pairs(const std::vector<std::string>& pairs,
                                            const std::string& manifest,
                                            const std::string& directory, std::istream& in,
                                            const ReadLimits& limits, Diagnostics& diags) {
  if (!manifest.empty()) return read_manifest(manifest, in, limits);
  if (!directory.empty()) return read_directory(directory, diags);
  return pairs_from_arguments(pairs);
}

void require_listed_files(const ArticlePair& pair) {
  if (!pair.from_manifest()) return;
  auto require = [](const std::string& path, const SourcePos& cell, const char* side) {
    if (path == "-") return;
    std::error_code ec;
    auto st = fs::status(path, ec);
    if (ec || !fs::exists(st))
      throw InputError(cell, std::string(side) + " file " + path + ": no such file");
    if (fs::is_directory(st))
      throw InputError(cell, std::string(side) + " file " + path + ": is a folder, expected a file");
  };
  require(pair.ko_path, pair.ko_where, "Korean");
  require(pair.en_path, pair.en_where, "English");
}

}  // namespace koterm::text
