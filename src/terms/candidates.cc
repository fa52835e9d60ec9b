#include "terms/candidates.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "common/data_lines.h"
#include "text/utf8.h"

namespace koterm::embedded {
std::string_view terms_en_titles();
}  // namespace koterm::embedded

namespace koterm::terms {
namespace {

// en_titles.txt by last word: "minister" -> {{"prime", "minister"}, {"minister"}, ...}.
const std::unordered_map<std::string, std::vector<std::vector<std::string>>>& titles_by_last_word() {
  static const auto table = [] {
    std::unordered_map<std::string, std::vector<std::vector<std::string>>> out;
    for (std::string_view line : data_lines(embedded::terms_en_titles())) {
      std::vector<std::string> words;
      std::size_t i = 0;
      while (i < line.size()) {
        std::size_t j = line.find(' ', i);
        if (j == std::string_view::npos) j = line.size();
        if (j > i) words.emplace_back(line.substr(i, j - i));
        i = j + 1;
      }
      if (!words.empty()) out[words.back()].push_back(std::move(words));
    }
    return out;
  }();
  return table;
}

std::string lower_word(std::string_view s, const EnWord& w) {
  std::string out(s.substr(w.byte_begin, w.byte_end - w.byte_begin));
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// True when a title of en_titles.txt ends at word k ("Prime Minister" at "Minister").
bool title_ends_at(std::string_view s, const std::vector<EnWord>& words, std::size_t k) {
  const auto& table = titles_by_last_word();
  auto it = table.find(lower_word(s, words[k]));
  if (it == table.end()) return false;
  for (const auto& title : it->second) {
    if (title.size() > k + 1) continue;
    bool match = true;
    for (std::size_t t = 0; t + 1 < title.size() && match; ++t)
      match = lower_word(s, words[k + 1 - title.size() + t]) == title[t];
    if (match) return true;
  }
  return false;
}

// True when words [b, e) are exactly one title of en_titles.txt.
bool title_span(std::string_view s, const std::vector<EnWord>& words, std::size_t b, std::size_t e) {
  const auto& table = titles_by_last_word();
  auto it = table.find(lower_word(s, words[e - 1]));
  if (it == table.end()) return false;
  for (const auto& title : it->second) {
    if (title.size() != e - b) continue;
    bool match = true;
    for (std::size_t t = 0; t + 1 < title.size() && match; ++t) match = lower_word(s, words[b + t]) == title[t];
    if (match) return true;
  }
  return false;
}

// A word that may start or end a capitalised span.
bool cap_word(const EnWord& w) {
  if (!w.capitalized) return false;
  if (w.acronym) return true;
  return !w.function_word;
}

// A word that may start or end a lower-case noun phrase.
bool content_word(const EnWord& w) {
  return !w.capitalized && !w.function_word && !w.has_digit && w.byte_end > w.byte_begin + 1;
}

void join_words(std::string_view s, const std::vector<EnWord>& words, std::size_t b,
                std::size_t e, std::string& out) {
  out.clear();
  for (std::size_t k = b; k < e; ++k) {
    if (k > b) out += ' ';
    out.append(s.substr(words[k].byte_begin, words[k].byte_end - words[k].byte_begin));
  }
}

void push(std::vector<Cand>& out, std::uint32_t id, std::uint32_t surface, std::size_t b,
          std::size_t e, std::uint8_t flags) {
  Cand c;
  c.id = id;
  c.surface = surface;
  c.word_begin = static_cast<std::uint16_t>(b);
  c.word_end = static_cast<std::uint16_t>(e);
  c.flags = flags;
  out.push_back(c);
}

bool starts_with_digit(std::string_view s) { return !s.empty() && s[0] >= '0' && s[0] <= '9'; }

// A stem that is a number with a counter (24일, 3개국) rather than a term: digits with
// fewer than three Hangul syllables after them. 6자회담 is a term.
bool numeric_stem(std::string_view s) {
  if (!starts_with_digit(s)) return false;
  std::size_t i = 0;
  while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == ',')) ++i;
  std::size_t syllables = 0;
  for (std::size_t k = i; k < s.size();) {
    std::size_t len = 0;
    if (!text::is_hangul_syllable(text::decode_utf8(s, k, &len))) return true;
    ++syllables;
    k += len;
  }
  return syllables < 3;
}

}  // namespace

void english_candidates(std::string_view s, const std::vector<EnWord>& words,
                        const CandidateLimits& limits, Interner& en, std::vector<Cand>& out) {
  std::string buf;
  const std::size_t n = words.size();
  if (n > 0xFFFF) return;  // word ranges are 16-bit; such a "sentence" is not one
  // Capitalised spans: maximal runs of capitalised words with inner connectors.
  std::size_t i = 0;
  while (i < n) {
    if (!cap_word(words[i])) {
      ++i;
      continue;
    }
    std::size_t j = i + 1;  // run is [i, j)
    std::size_t last_cap = i;
    while (j < n && !words[j - 1].break_after) {
      if (cap_word(words[j])) {
        last_cap = j;
        ++j;
      } else if (words[j].connector && !words[j].capitalized) {
        ++j;
      } else {
        break;
      }
    }
    std::size_t run_end = last_cap + 1;
    // Where a title meets the name after it ("Prime Minister | Ehud Olmert"): no
    // candidate spans that seam.
    std::vector<std::uint8_t> title_end(run_end - i);
    for (std::size_t k = i; k < run_end; ++k) title_end[k - i] = title_ends_at(s, words, k);
    std::vector<std::size_t> seams;
    for (std::size_t k = i; k + 1 < run_end; ++k)
      if (cap_word(words[k + 1]) && title_end[k - i] && !title_end[k + 1 - i]) seams.push_back(k + 1);
    for (std::size_t b = i; b < run_end; ++b) {
      if (!cap_word(words[b])) continue;
      for (std::size_t e = b + 1; e <= run_end && e - b <= limits.max_en_words; ++e) {
        if (!cap_word(words[e - 1])) continue;
        if (std::any_of(seams.begin(), seams.end(), [&](std::size_t seam) { return b < seam && seam < e; }))
          break;
        join_words(s, words, b, e, buf);
        std::uint8_t flags = cand_capitalized;
        if (e - b == 1 && words[b].acronym) flags |= cand_acronym;
        if (title_end[e - 1 - i] && title_span(s, words, b, e)) flags |= cand_title;
        std::uint32_t id = en.intern(buf);
        push(out, id, id, b, e, flags);
        // "SLBMs" also stands for "SLBM".
        if (e - b == 1 && words[b].acronym && buf.size() > 2 && buf.back() == 's' &&
            buf[buf.size() - 2] >= 'A' && buf[buf.size() - 2] <= 'Z') {
          buf.pop_back();
          std::uint32_t sid = en.intern(buf);
          push(out, sid, sid, b, e, flags);
        }
      }
    }
    i = run_end;
  }
  // Lower-case noun phrases: content words with inner "of" / "of the".
  for (std::size_t b = 0; b < n; ++b) {
    if (!content_word(words[b])) continue;
    std::size_t contents = 0;
    for (std::size_t e = b; e < n && e - b < limits.max_en_words; ++e) {
      const EnWord& w = words[e];
      if (content_word(w)) {
        ++contents;
        if (contents > limits.max_en_content_words) break;
        join_words(s, words, b, e + 1, buf);
        std::uint32_t id = en.intern(buf);
        push(out, id, id, b, e + 1, cand_lower);
      } else if (w.connector && !w.capitalized && e > b) {
        std::string_view t = s.substr(w.byte_begin, w.byte_end - w.byte_begin);
        std::string_view prev = s.substr(words[e - 1].byte_begin,
                                         words[e - 1].byte_end - words[e - 1].byte_begin);
        bool ok = t == "of" || (t == "the" && prev == "of");
        if (!ok) break;
      } else {
        break;
      }
      if (w.break_after) break;
    }
  }
}

void korean_candidates(const std::vector<KoWord>& words, const CandidateLimits& limits,
                       Interner& ko_keys, Interner& ko_surfaces, std::vector<Cand>& out) {
  std::string key;
  std::string surface;
  const std::size_t n = words.size();
  if (n > 0xFFFF) return;
  auto acronym = [](std::string_view s) {
    std::size_t upper = 0;
    for (char c : s) {
      if (c >= 'a' && c <= 'z') return false;
      if (c >= 'A' && c <= 'Z') ++upper;
    }
    return upper >= 2;
  };
  for (std::size_t i = 0; i < n; ++i) {
    if (words[i].stem.empty() || numeric_stem(words[i].stem)) continue;
    // Inside a gloss only an acronym is a term of its own (FDA of "(Food and Drug
    // Administration, FDA)"); the rest is the gloss, linked to the Korean term before it.
    if (words[i].in_gloss && words[i].latin) {
      if (acronym(words[i].stem))
        push(out, ko_keys.intern(words[i].stem), ko_surfaces.intern(words[i].stem), i, i + 1,
             static_cast<std::uint8_t>(cand_latin | cand_acronym));
      continue;
    }
    key.clear();
    surface.clear();
    bool all_latin = true;
    for (std::size_t j = i; j < n && j - i < limits.max_ko_eojeols; ++j) {
      const KoWord& w = words[j];
      if (w.stem.empty() || numeric_stem(w.stem)) break;
      if (j > i && (w.latin != words[i].latin || w.in_gloss)) break;  // Latin and Hangul do not mix in a run
      if (j > i && w.opens_quote) break;
      key.append(w.stem);
      if (j > i) surface += ' ';
      surface.append(w.stem);
      all_latin = all_latin && w.latin;
      bool single_syllable = j == i && text::char_count(w.stem) == 1 && !w.latin;
      if (!w.alt_stem.empty() && !all_latin) {
        // The other reading of the last eojeol (매케인 beside 매케 + 인).
        std::string alt_key = key.substr(0, key.size() - w.stem.size());
        alt_key.append(w.alt_stem);
        std::string alt_surface = surface.substr(0, surface.size() - w.stem.size());
        alt_surface.append(w.alt_stem);
        push(out, ko_keys.intern(alt_key), ko_surfaces.intern(alt_surface), i, j + 1, 0);
      }
      if (!single_syllable) {
        std::uint8_t flags = all_latin ? static_cast<std::uint8_t>(cand_latin | cand_acronym) : 0;
        if (all_latin) {
          // Latin keys keep their spaces: "ASCI White" is not "ASCIWhite".
          push(out, ko_keys.intern(surface), ko_surfaces.intern(surface), i, j + 1, flags);
        } else {
          push(out, ko_keys.intern(key), ko_surfaces.intern(surface), i, j + 1, flags);
        }
      }
      if (!w.bare) break;
    }
  }
}

}  // namespace koterm::terms
