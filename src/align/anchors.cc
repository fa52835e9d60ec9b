#include "align/anchors.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <array>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "common/error.h"
#include "text/source.h"
#include "text/utf8.h"

namespace koterm::embedded {
std::string_view align_boilerplate();
std::string_view align_numbers_en();
std::string_view align_numbers_ko();
std::string_view align_hanja();
std::string_view align_phonetic();
std::string_view align_particles();
std::string_view align_stopwords_en();
std::string_view align_lexicon();
}  // namespace koterm::embedded

namespace koterm::align {
namespace {

// A table keyed by a first or last character: a flat array for Hangul syllables, a map for
// the rest.
struct CharIndex {
  std::vector<std::vector<std::size_t>> hangul = std::vector<std::vector<std::size_t>>(11172);
  std::map<char32_t, std::vector<std::size_t>> other;

  std::vector<std::size_t>& at(char32_t cp) {
    return text::is_hangul_syllable(cp) ? hangul[cp - 0xAC00] : other[cp];
  }
  const std::vector<std::size_t>* find(char32_t cp) const {
    if (text::is_hangul_syllable(cp)) {
      const auto& v = hangul[cp - 0xAC00];
      return v.empty() ? nullptr : &v;
    }
    auto it = other.find(cp);
    return it == other.end() ? nullptr : &it->second;
  }
};

// ---- data tables -------------------------------------------------------------------------

// Splits an embedded TSV into rows of fields, skipping comments and blank lines.
std::vector<std::vector<std::string>> read_table(std::string_view data, const char* name,
                                                 std::size_t fields) {
  std::vector<std::vector<std::string>> rows;
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos < data.size()) {
    std::size_t end = data.find('\n', pos);
    if (end == std::string_view::npos) end = data.size();
    std::string_view line = data.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> row;
    std::size_t start = 0;
    while (true) {
      std::size_t tab = line.find('\t', start);
      row.emplace_back(line.substr(start, tab == std::string_view::npos ? line.npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (row.size() != fields) {
      throw InternalError(std::string("embedded table ") + name + " line " +
                          std::to_string(line_no) + ": expected " + std::to_string(fields) +
                          " fields");
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// Hash of std::string keys that also takes a std::string_view, so that lookups build no
// string.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view v) const { return std::hash<std::string_view>{}(v); }
};
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

enum class Match { exact, prefix, suffix, contains };

struct BoilerplateRule {
  text::Lang lang;
  Match match;
  std::size_t max_chars;
  std::string text;
};

struct Tables {
  std::vector<BoilerplateRule> boilerplate;
  StringMap<double> en_numbers;  // number words (lookup only)
  StringMap<double> en_scales;
  StringMap<double> en_months;
  std::map<char32_t, double> ko_small;
  std::map<char32_t, double> ko_big;
  std::map<char32_t, std::vector<std::string>> hanja;
  // Consonant skeletons (data/phonetic.tsv): classes of Hangul initials and finals, English
  // graphemes longest first.
  std::array<char, 19> ko_initial{};
  std::array<char, 28> ko_final{};
  struct Grapheme {
    std::string letters;
    std::string classes;
    std::size_t consumed;
  };
  std::vector<Grapheme> en_graphemes;
  std::array<std::vector<std::size_t>, 26> graphemes_by_letter;  // indices, longest first
  std::vector<std::string> particles;  // longest first
  CharIndex particles_by_last;
  std::unordered_set<std::string, StringHash, std::equal_to<>> en_stopwords;
  struct LexiconEntry {
    std::string ko;
    std::vector<std::string> en;  // lowercase forms, a final * matches any ending
    bool whole_word = false;      // one syllable: only as a word of its own, or before a particle
    std::uint64_t key = 0;        // the anchor key
  };
  std::vector<LexiconEntry> lexicon;
  CharIndex lexicon_by_first;
  std::vector<char32_t> lexicon_second;  // per entry: its second character, 0 for one
};

std::uint64_t fnv1a(char tag, std::string_view s);

Tables load_tables() {
  Tables t;
  for (auto& row : read_table(embedded::align_boilerplate(), "boilerplate.tsv", 4)) {
    BoilerplateRule r;
    r.lang = row[0] == "ko" ? text::Lang::ko : text::Lang::en;
    if (row[1] == "exact") r.match = Match::exact;
    else if (row[1] == "prefix") r.match = Match::prefix;
    else if (row[1] == "suffix") r.match = Match::suffix;
    else if (row[1] == "contains") r.match = Match::contains;
    else throw InternalError("embedded table boilerplate.tsv: unknown match " + row[1]);
    r.max_chars = static_cast<std::size_t>(std::strtoul(row[2].c_str(), nullptr, 10));
    r.text = row[3];
    t.boilerplate.push_back(std::move(r));
  }
  for (auto& row : read_table(embedded::align_numbers_en(), "numbers_en.tsv", 3)) {
    double v = std::strtod(row[1].c_str(), nullptr);
    if (row[2] == "number") t.en_numbers[row[0]] = v;
    else if (row[2] == "scale") t.en_scales[row[0]] = v;
    else t.en_months[row[0]] = v;
  }
  for (auto& row : read_table(embedded::align_numbers_ko(), "numbers_ko.tsv", 3)) {
    std::size_t len = 0;
    char32_t cp = text::decode_utf8(row[0], 0, &len);
    double v = std::strtod(row[1].c_str(), nullptr);
    (row[2] == "small" ? t.ko_small : t.ko_big)[cp] = v;
  }
  for (auto& row : read_table(embedded::align_hanja(), "hanja.tsv", 2)) {
    std::size_t len = 0;
    char32_t cp = text::decode_utf8(row[0], 0, &len);
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start <= row[1].size()) {
      std::size_t comma = row[1].find(',', start);
      if (comma == std::string::npos) comma = row[1].size();
      if (comma > start) words.push_back(row[1].substr(start, comma - start));
      start = comma + 1;
    }
    t.hanja[cp] = std::move(words);
  }
  for (auto& row : read_table(embedded::align_phonetic(), "phonetic.tsv", 4)) {
    char cls = row[2] == "-" ? '\0' : row[2][0];
    auto index = static_cast<std::size_t>(std::strtoul(row[1].c_str(), nullptr, 10));
    if (row[0] == "ko-initial" && index < t.ko_initial.size()) {
      t.ko_initial[index] = cls;
    } else if (row[0] == "ko-final" && index < t.ko_final.size()) {
      t.ko_final[index] = cls;
    } else if (row[0] == "en") {
      t.en_graphemes.push_back({row[1], row[2] == "-" ? std::string() : row[2],
                                static_cast<std::size_t>(std::strtoul(row[3].c_str(), nullptr, 10))});
    } else {
      throw InternalError("embedded table phonetic.tsv: bad row " + row[0] + " " + row[1]);
    }
  }
  std::stable_sort(t.en_graphemes.begin(), t.en_graphemes.end(),
                   [](const Tables::Grapheme& a, const Tables::Grapheme& b) {
                     return a.letters.size() > b.letters.size();
                   });
  for (std::size_t g = 0; g < t.en_graphemes.size(); ++g) {
    char first = t.en_graphemes[g].letters.empty() ? '\0' : t.en_graphemes[g].letters[0];
    if (first < 'a' || first > 'z') throw InternalError("embedded table phonetic.tsv: bad grapheme");
    t.graphemes_by_letter[static_cast<std::size_t>(first - 'a')].push_back(g);
  }
  for (auto& row : read_table(embedded::align_particles(), "particles.tsv", 1)) {
    t.particles.push_back(row[0]);
  }
  std::stable_sort(t.particles.begin(), t.particles.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  for (std::size_t p = 0; p < t.particles.size(); ++p) {
    const std::string& particle = t.particles[p];
    std::size_t at = particle.size();
    while (at > 0 && (static_cast<unsigned char>(particle[at - 1]) & 0xC0) == 0x80) --at;
    std::size_t len = 0;
    t.particles_by_last.at(text::decode_utf8(particle, at - 1, &len)).push_back(p);
  }
  for (auto& row : read_table(embedded::align_stopwords_en(), "stopwords_en.tsv", 1)) {
    t.en_stopwords.insert(row[0]);
  }
  for (auto& row : read_table(embedded::align_lexicon(), "lexicon.tsv", 2)) {
    Tables::LexiconEntry e;
    e.ko = row[0];
    std::size_t start = 0;
    while (start < row[1].size()) {
      std::size_t comma = row[1].find(',', start);
      if (comma == std::string::npos) comma = row[1].size();
      if (comma > start) e.en.push_back(row[1].substr(start, comma - start));
      start = comma + 1;
    }
    std::size_t len = 0;
    char32_t first = text::decode_utf8(e.ko, 0, &len);
    e.whole_word = len == e.ko.size();
    e.key = fnv1a('x', e.ko);
    std::size_t second_len = 0;
    t.lexicon_second.push_back(e.whole_word ? 0 : text::decode_utf8(e.ko, len, &second_len));
    t.lexicon_by_first.at(first).push_back(t.lexicon.size());
    t.lexicon.push_back(std::move(e));
  }
  return t;
}

const Tables& tables() {
  static const Tables t = load_tables();
  return t;
}

// ---- small helpers -----------------------------------------------------------------------

std::uint64_t fnv1a(char tag, std::string_view s) {
  std::uint64_t h = 1469598103934665603ULL;
  auto mix = [&h](unsigned char c) {
    h ^= c;
    h *= 1099511628211ULL;
  };
  mix(static_cast<unsigned char>(tag));
  for (char c : s) mix(static_cast<unsigned char>(c));
  return h;
}

std::uint64_t number_key(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return fnv1a('n', buf);
}

// Whether `s` holds `p` at byte `at` (a plain loop: the strings are a few bytes long).
bool holds_at(std::string_view s, std::size_t at, std::string_view p) {
  if (at > s.size() || s.size() - at < p.size()) return false;
  for (std::size_t k = 0; k < p.size(); ++k) {
    if (s[at + k] != p[k]) return false;
  }
  return true;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Reads digits with thousands commas and one decimal point at s[i]; advances i.
double read_digits(std::string_view s, std::size_t& i) {
  std::string digits;
  bool seen_point = false;
  while (i < s.size()) {
    char c = s[i];
    if (is_digit(c)) {
      digits += c;
      ++i;
    } else if (c == ',' && !seen_point && !digits.empty() && i + 3 < s.size() &&
               is_digit(s[i + 1]) && is_digit(s[i + 2]) && is_digit(s[i + 3]) &&
               (i + 4 >= s.size() || !is_digit(s[i + 4]))) {
      ++i;  // thousands separator
    } else if (c == '.' && !seen_point && i + 1 < s.size() && is_digit(s[i + 1])) {
      digits += c;
      seen_point = true;
      ++i;
    } else {
      break;
    }
  }
  return std::strtod(digits.c_str(), nullptr);
}

bool word_at(std::string_view lower_text, std::size_t at, std::string_view word) {
  if (lower_text.compare(at, word.size(), word) != 0) return false;
  if (at > 0 && is_alnum(lower_text[at - 1])) return false;
  std::size_t end = at + word.size();
  return end >= lower_text.size() || !is_alnum(lower_text[end]);
}

// Whether `phrase` occurs at word boundaries; a final '*' lets the last word go on.
bool contains_word(std::string_view lower_text, std::string_view phrase) {
  bool open_end = !phrase.empty() && phrase.back() == '*';
  if (open_end) phrase.remove_suffix(1);
  if (phrase.empty()) return false;
  for (std::size_t at = lower_text.find(phrase); at != std::string_view::npos;
       at = lower_text.find(phrase, at + 1)) {
    if (open_end ? (at == 0 || !is_alnum(lower_text[at - 1])) : word_at(lower_text, at, phrase)) {
      return true;
    }
  }
  return false;
}

bool is_single_word(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return is_alnum(c); });
}

double count_chars(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {  // ASCII: no decoding
      if (s[i] != ' ' && s[i] != '\t') ++n;
      ++i;
      continue;
    }
    std::size_t len = 1;
    char32_t cp = text::decode_utf8(s, i, &len);
    if (cp != 0x00A0 && cp != 0x3000) ++n;
    i += len;
  }
  return static_cast<double>(n);
}

float number_weight(double v) {
  bool small = v >= 0 && v <= 12 && std::floor(v) == v;
  return small ? 0.5F : 1.0F;
}

void add_number(std::vector<Anchor>& out, double v, bool strict) {
  out.push_back({number_key(v), number_weight(v), strict});
}

bool has_quote_ko(std::string_view s) {
  for (std::string_view q : {"\"", "\u201C", "\u201D", "\u2018", "\u2019", "'", "\u300C", "\u300E"}) {
    if (s.find(q) != std::string_view::npos) return true;
  }
  return false;
}

bool has_quote_en(std::string_view s) {
  for (std::string_view q : {"\"", "\u201C", "\u201D"}) {
    if (s.find(q) != std::string_view::npos) return true;
  }
  return false;
}

constexpr float k_quote_weight = 0.4F;
constexpr float k_latin_weight = 1.0F;
constexpr float k_hanja_weight = 0.5F;
constexpr float k_glossary_weight = 1.0F;
constexpr float k_lexicon_weight = 0.6F;

void finish(std::vector<Anchor>& anchors) {
  std::sort(anchors.begin(), anchors.end(), [](const Anchor& a, const Anchor& b) {
    if (a.key != b.key) return a.key < b.key;
    return a.weight > b.weight;
  });
}

bool matches_rule(const BoilerplateRule& r, std::string_view line, std::size_t line_chars) {
  if (r.max_chars != 0 && line_chars > r.max_chars) return false;
  switch (r.match) {
    case Match::exact: return line == r.text;
    case Match::prefix: return line.substr(0, r.text.size()) == r.text;
    case Match::suffix:
      return line.size() >= r.text.size() && line.substr(line.size() - r.text.size()) == r.text;
    case Match::contains: return line.find(r.text) != std::string_view::npos;
  }
  return false;
}

bool is_boilerplate(text::Lang lang, std::string_view line) {
  line = trim(line);
  if (line.empty()) return true;
  const std::size_t chars = text::char_count(line);
  for (const auto& r : tables().boilerplate) {
    if (r.lang == lang && matches_rule(r, line, chars)) return true;
  }
  return false;
}

// Whether the `size` bytes at `at` of a Korean sentence are a word of their own: no Hangul
// syllable before them, and after them the end of the word or one particle that ends it
// (별 in 별이 but not in 특별, 산 in 산에서 but not in 생산).
bool whole_word_at(std::string_view s, std::size_t at, std::size_t size) {
  auto hangul_at = [&s](std::size_t i, std::size_t* len) {
    return i < s.size() && text::is_hangul_syllable(text::decode_utf8(s, i, len));
  };
  if (at > 0) {
    std::size_t start = at - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    std::size_t len = 1;
    if (hangul_at(start, &len)) return false;
  }
  std::size_t end = at + size;
  std::size_t len = 1;
  while (hangul_at(end, &len)) end += len;
  std::string_view rest = s.substr(at + size, end - at - size);
  if (rest.empty()) return true;
  const auto& particles = tables().particles;
  return std::find(particles.begin(), particles.end(), rest) != particles.end();
}

constexpr float k_name_weight = 0.8F;
constexpr std::size_t k_skeleton_max = 4;
constexpr std::size_t k_skeleton_min = 2;

void push_class(std::string& skeleton, char cls) {
  if (cls != '\0' && (skeleton.empty() || skeleton.back() != cls)) skeleton += cls;
}

}  // namespace

std::string english_skeleton(std::string_view word) {
  const Tables& t = tables();
  std::string lower_word = lowercase(word);
  std::string out;
  std::size_t i = 0;
  while (i < lower_word.size()) {
    const Tables::Grapheme* hit = nullptr;
    char c = lower_word[i];
    if (c >= 'a' && c <= 'z') {
      for (std::size_t g : t.graphemes_by_letter[static_cast<std::size_t>(c - 'a')]) {
        const auto& gr = t.en_graphemes[g];
        if (holds_at(lower_word, i, gr.letters)) {
          hit = &gr;
          break;
        }
      }
    }
    if (hit == nullptr) {
      ++i;
      continue;
    }
    for (char cls : hit->classes) push_class(out, cls);
    i += hit->consumed;
  }
  return out;
}

std::string korean_skeleton(std::string_view hangul) {
  const Tables& t = tables();
  std::string out;
  for (std::size_t i = 0; i < hangul.size();) {
    std::size_t len = 1;
    char32_t cp = text::decode_utf8(hangul, i, &len);
    i += len;
    if (!text::is_hangul_syllable(cp)) continue;
    std::size_t index = cp - 0xAC00;
    push_class(out, t.ko_initial[index / 588]);
    push_class(out, t.ko_final[index % 28]);
  }
  return out;
}

namespace {

// skeleton_key(korean_skeleton(word)) without building the whole skeleton: only its first
// k_skeleton_max classes count.
std::uint64_t korean_skeleton_key(std::string_view word) {
  const Tables& t = tables();
  std::array<char, k_skeleton_max> out{};
  std::size_t size = 0;
  auto push = [&](char cls) {
    if (cls != '\0' && size < k_skeleton_max && (size == 0 || out[size - 1] != cls)) out[size++] = cls;
  };
  for (std::size_t i = 0; i < word.size() && size < k_skeleton_max;) {
    std::size_t len = 1;
    char32_t cp = text::decode_utf8(word, i, &len);
    i += len;
    if (!text::is_hangul_syllable(cp)) continue;
    std::size_t index = cp - 0xAC00;
    push(t.ko_initial[index / 588]);
    push(t.ko_final[index % 28]);
  }
  if (size < k_skeleton_min) return 0;
  return fnv1a('t', std::string_view(out.data(), size));
}

// The key of a skeleton worth comparing, or 0.
std::uint64_t skeleton_key(std::string skeleton) {
  if (skeleton.size() < k_skeleton_min) return 0;
  if (skeleton.size() > k_skeleton_max) skeleton.resize(k_skeleton_max);
  return fnv1a('t', skeleton);
}

// Skeleton keys of English words, computed once per distinct word of a document: `words`
// holds whether a capitalised word passes the name filter and its key (0: skeleton too
// short), `pairs` the key of two capitalised words written together.
struct NameWord {
  bool name = false;
  std::uint64_t key = 0;
};
struct EnglishNameCache {
  StringMap<NameWord> words;
  StringMap<std::uint64_t> pairs;
  std::string scratch;
};

// Skeleton keys of the capitalised, non-stopword words of an English sentence.
std::vector<std::uint64_t> english_name_keys(std::string_view s, EnglishNameCache& cache) {
  const Tables& t = tables();
  std::vector<std::uint64_t> keys;
  for (std::size_t i = 0; i < s.size();) {
    if (!is_alpha(s[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && is_alpha(s[j])) ++j;
    std::string_view w = s.substr(i, j - i);
    i = j;
    if (!(w[0] >= 'A' && w[0] <= 'Z')) continue;
    auto known = cache.words.find(w);
    if (known == cache.words.end()) {
      bool acronym = std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
      NameWord word;
      word.name = !acronym && w.size() >= 2 && t.en_stopwords.count(lowercase(w)) == 0;
      if (word.name) word.key = skeleton_key(english_skeleton(w));
      known = cache.words.emplace(std::string(w), word).first;
    }
    if (!known->second.name) continue;
    if (known->second.key != 0) keys.push_back(known->second.key);
    // Two capitalised words in a row may be one Hangul word (Hun Sen = 훈센).
    std::size_t k2 = j;
    if (k2 < s.size() && s[k2] == ' ' && k2 + 1 < s.size() && s[k2 + 1] >= 'A' && s[k2 + 1] <= 'Z') {
      std::size_t e = k2 + 1;
      while (e < s.size() && is_alpha(s[e])) ++e;
      cache.scratch.assign(w);
      cache.scratch += s.substr(k2 + 1, e - k2 - 1);
      auto pair = cache.pairs.find(cache.scratch);
      if (pair == cache.pairs.end()) {
        pair = cache.pairs.emplace(cache.scratch, skeleton_key(english_skeleton(cache.scratch))).first;
      }
      if (pair->second != 0) keys.push_back(pair->second);
    }
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

// Skeleton keys of the Hangul words of a Korean sentence (each word whole and without a
// final particle), at least two syllables.
std::vector<std::uint64_t> korean_name_keys(std::string_view s) {
  const Tables& t = tables();
  std::vector<std::uint64_t> keys;
  auto add = [&keys](std::string_view word) {
    if (text::char_count(word) < 2) return;
    if (std::uint64_t k = korean_skeleton_key(word); k != 0) keys.push_back(k);
  };
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    char32_t cp = text::decode_utf8(s, i, &len);
    if (!text::is_hangul_syllable(cp)) {
      i += len;
      continue;
    }
    std::size_t j = i;
    while (j < s.size()) {
      std::size_t l2 = 1;
      if (!text::is_hangul_syllable(text::decode_utf8(s, j, &l2))) break;
      j += l2;
    }
    std::string_view word = s.substr(i, j - i);
    add(word);
    std::size_t last_len = 0;
    if (const auto* by_last = t.particles_by_last.find(text::decode_utf8(s, j - 3, &last_len))) {
      for (std::size_t index : *by_last) {
        const std::string& p = t.particles[index];
        if (word.size() > p.size() && word.substr(word.size() - p.size()) == p) {
          add(word.substr(0, word.size() - p.size()));
          break;
        }
      }
    }
    i = j;
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

}  // namespace

// ---- numbers -----------------------------------------------------------------------------

std::vector<double> korean_numbers(std::string_view s) {
  const Tables& t = tables();
  std::vector<double> out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (!is_digit(s[i]) || (i > 0 && (is_alnum(s[i - 1]) || s[i - 1] == '.'))) {
      ++i;
      continue;
    }
    double total = 0, section = 0, pending = read_digits(s, i);
    bool has_pending = true;
    while (i < s.size()) {
      if (is_digit(s[i])) {
        if (has_pending) break;
        pending = read_digits(s, i);
        has_pending = true;
        continue;
      }
      std::size_t len = 1;
      char32_t cp = text::decode_utf8(s, i, &len);
      if (auto it = t.ko_small.find(cp); it != t.ko_small.end()) {
        section += (has_pending ? pending : 1.0) * it->second;
        has_pending = false;
      } else if (auto big = t.ko_big.find(cp); big != t.ko_big.end()) {
        section += has_pending ? pending : 0.0;
        if (section == 0) section = 1;
        total += section * big->second;
        section = 0;
        has_pending = false;
      } else {
        break;
      }
      i += len;
    }
    out.push_back(total + section + (has_pending ? pending : 0.0));
  }
  return out;
}

namespace {

// english_numbers of a text already lowercased.
std::vector<double> english_numbers_lower(std::string_view lower_text) {
  const Tables& t = tables();
  std::vector<double> out;
  // The scale word after position i (skipping spaces and one hyphen), or 1.
  auto scale_after = [&](std::size_t& i) {
    std::size_t j = i;
    while (j < lower_text.size() && (lower_text[j] == ' ' || lower_text[j] == '-')) ++j;
    std::size_t k = j;
    while (k < lower_text.size() && is_alpha(lower_text[k])) ++k;
    auto it = t.en_scales.find(std::string_view(lower_text).substr(j, k - j));
    if (k > j && it != t.en_scales.end()) {
      i = k;
      return it->second;
    }
    return 1.0;
  };
  std::size_t i = 0;
  while (i < lower_text.size()) {
    char c = lower_text[i];
    if (is_digit(c) && (i == 0 || !is_alpha(lower_text[i - 1]))) {
      double v = read_digits(lower_text, i);
      while (i < lower_text.size() && is_alpha(lower_text[i])) ++i;  // 24th, 1990s
      v *= scale_after(i);
      out.push_back(v);
    } else if (is_alpha(c)) {
      std::size_t j = i;
      while (j < lower_text.size() && is_alpha(lower_text[j])) ++j;
      std::string_view w = std::string_view(lower_text).substr(i, j - i);
      bool at_start = i == 0 || !is_alnum(lower_text[i - 1]);
      i = j;
      if (!at_start) continue;
      if (auto it = t.en_numbers.find(w); it != t.en_numbers.end()) {
        out.push_back(it->second * scale_after(i));
      } else if (auto m = t.en_months.find(w); m != t.en_months.end()) {
        out.push_back(m->second);
      }
    } else {
      ++i;
    }
  }
  return out;
}

}  // namespace

std::vector<double> english_numbers(std::string_view s) { return english_numbers_lower(lowercase(s)); }

bool is_korean_boilerplate(std::string_view line) { return is_boilerplate(text::Lang::ko, line); }
bool is_english_boilerplate(std::string_view line) { return is_boilerplate(text::Lang::en, line); }

// ---- features ----------------------------------------------------------------------------

DocumentFeatures compute_features(const std::vector<std::string_view>& ko,
                                  const std::vector<std::string_view>& en, bool lexical,
                                  bool detect_boilerplate, const glossary::Glossary* glossary,
                                  bool use_lexicon) {
  const Tables& t = tables();
  DocumentFeatures doc;
  doc.ko.resize(ko.size());
  doc.en.resize(en.size());

  // Korean-side keys that need an English partner: key -> (weight, English phrases).
  struct Wanted {
    float weight;
    std::vector<std::string> phrases;
  };
  std::map<std::uint64_t, Wanted> wanted;

  std::vector<std::vector<std::string>> glossary_ko;
  if (glossary != nullptr) {
    for (const auto& e : glossary->terms) {
      std::vector<std::string> forms;
      if (!e.ko.empty()) forms.push_back(e.ko);
      for (const auto& v : e.ko_variants) {
        if (!v.ko.empty()) forms.push_back(v.ko);
      }
      glossary_ko.push_back(std::move(forms));
    }
  }

  // Transliterated names: skeleton keys shared by both documents.
  std::vector<std::vector<std::uint64_t>> en_names(en.size()), ko_names(ko.size());
  if (lexical) {
    std::vector<std::uint64_t> en_all, ko_all;
    EnglishNameCache name_cache;
    for (std::size_t s = 0; s < en.size(); ++s) {
      en_names[s] = english_name_keys(en[s], name_cache);
      en_all.insert(en_all.end(), en_names[s].begin(), en_names[s].end());
    }
    std::sort(en_all.begin(), en_all.end());
    for (std::size_t s = 0; s < ko.size(); ++s) {
      auto keys = korean_name_keys(ko[s]);
      for (auto k : keys) {
        if (std::binary_search(en_all.begin(), en_all.end(), k)) ko_names[s].push_back(k);
      }
      ko_all.insert(ko_all.end(), ko_names[s].begin(), ko_names[s].end());
    }
    std::sort(ko_all.begin(), ko_all.end());
    for (auto& keys : en_names) {
      std::erase_if(keys, [&ko_all](std::uint64_t k) {
        return !std::binary_search(ko_all.begin(), ko_all.end(), k);
      });
    }
  }

  for (std::size_t s = 0; s < ko.size(); ++s) {
    std::string_view text = ko[s];
    SentenceFeatures& f = doc.ko[s];
    for (auto k : ko_names[s]) f.anchors.push_back({k, k_name_weight, false});
    f.char_count = count_chars(text);
    f.boilerplate = trim(text).empty() || (detect_boilerplate && is_korean_boilerplate(text));
    if (lexical) {
      for (double v : korean_numbers(text)) add_number(f.anchors, v, true);
      if (has_quote_ko(text)) f.anchors.push_back({fnv1a('q', ""), k_quote_weight, false});
      for (std::size_t i = 0; i < text.size();) {
        if (is_alpha(text[i])) {
          std::size_t j = i;
          while (j < text.size() && is_alnum(text[j])) ++j;
          if (j - i >= 2 && (i == 0 || !is_alnum(text[i - 1]))) {
            std::string w = lowercase(text.substr(i, j - i));
            std::uint64_t key = fnv1a('w', w);
            f.anchors.push_back({key, k_latin_weight, false});
            wanted.try_emplace(key, Wanted{k_latin_weight, {w}});
          }
          i = j;
          continue;
        }
        std::size_t len = 1;
        char32_t cp = text::decode_utf8(text, i, &len);
        if (text::is_hanja(cp)) {
          if (auto it = t.hanja.find(cp); it != t.hanja.end()) {
            std::string ch(text.substr(i, len));
            std::uint64_t key = fnv1a('h', ch);
            f.anchors.push_back({key, k_hanja_weight, false});
            if (wanted.find(key) == wanted.end()) wanted.emplace(key, Wanted{k_hanja_weight, it->second});
          }
        }
        i += len;
      }
    }
    if (lexical && use_lexicon) {
      for (std::size_t i = 0; i < text.size();) {
        std::size_t len = 1;
        char32_t cp = text::decode_utf8(text, i, &len);
        if (const auto* starting = t.lexicon_by_first.find(cp)) {
          // The character after this one, to pass over entries whose second one differs.
          std::size_t next_len = 0;
          const char32_t next = i + len < text.size() ? text::decode_utf8(text, i + len, &next_len) : 0;
          for (std::size_t e : *starting) {
            if (t.lexicon_second[e] != 0 && t.lexicon_second[e] != next) continue;
            const auto& entry = t.lexicon[e];
            // The first character is the one looked up: compare the rest.
            if (!holds_at(text, i + len, std::string_view(entry.ko).substr(len))) continue;
            if (entry.whole_word && !whole_word_at(text, i, entry.ko.size())) continue;
            f.anchors.push_back({entry.key, k_lexicon_weight, false});
            if (wanted.find(entry.key) == wanted.end()) {
              wanted.emplace(entry.key, Wanted{k_lexicon_weight, entry.en});
            }
          }
        }
        i += len;
      }
    }
    if (glossary != nullptr) {
      for (std::size_t g = 0; g < glossary_ko.size(); ++g) {
        for (const auto& form : glossary_ko[g]) {
          if (text.find(form) == std::string_view::npos) continue;
          std::uint64_t key = fnv1a('g', std::to_string(g));
          f.anchors.push_back({key, k_glossary_weight, false});
          if (wanted.find(key) == wanted.end()) {
            const auto& e = glossary->terms[g];
            Wanted w{k_glossary_weight, {}};
            if (!e.en.empty()) w.phrases.push_back(lowercase(e.en));
            for (const auto& v : e.variants) {
              if (!v.en.empty()) w.phrases.push_back(lowercase(v.en));
            }
            wanted.emplace(key, std::move(w));
          }
          break;
        }
      }
    }
    finish(f.anchors);
  }

  // English: single words are looked up in a table, longer phrases searched for.
  StringMap<std::vector<std::uint64_t>> by_word;
  std::vector<std::pair<std::uint64_t, const std::string*>> by_phrase;
  std::vector<std::pair<std::uint64_t, std::string>> by_prefix;  // single words ending in *
  for (const auto& [key, w] : wanted) {
    for (const auto& p : w.phrases) {
      if (is_single_word(p)) {
        by_word[p].push_back(key);
      } else if (p.size() > 1 && p.back() == '*' &&
                 is_single_word(std::string_view(p).substr(0, p.size() - 1))) {
        by_prefix.emplace_back(key, p.substr(0, p.size() - 1));
      } else {
        by_phrase.emplace_back(key, &p);
      }
    }
  }
  // A phrase that begins with a word followed by a non-word character can only occur where
  // that word is a word of the sentence (contains_word matches at word starts): such phrases
  // are looked at only for sentences holding their first word; the others always.
  StringMap<std::vector<std::size_t>> phrases_by_first_word;  // indices into by_phrase
  std::vector<std::size_t> phrases_anywhere;
  for (std::size_t p = 0; p < by_phrase.size(); ++p) {
    std::string_view phrase = *by_phrase[p].second;
    std::size_t end = 0;
    while (end < phrase.size() && is_alnum(phrase[end])) ++end;
    if (end > 0 && end < phrase.size() && phrase[end] != '*') {
      phrases_by_first_word[std::string(phrase.substr(0, end))].push_back(p);
    } else {
      phrases_anywhere.push_back(p);
    }
  }
  std::vector<std::size_t> phrases;
  std::array<std::vector<std::size_t>, 256> prefixes_by_first;  // indices into by_prefix
  for (std::size_t p = 0; p < by_prefix.size(); ++p) {
    prefixes_by_first[static_cast<unsigned char>(by_prefix[p].second[0])].push_back(p);
  }
  std::vector<std::uint64_t> found;
  std::vector<std::string_view> words;
  for (std::size_t s = 0; s < en.size(); ++s) {
    std::string_view text = en[s];
    SentenceFeatures& f = doc.en[s];
    f.char_count = count_chars(text);
    f.boilerplate = trim(text).empty() || (detect_boilerplate && is_english_boilerplate(text));
    for (auto k : en_names[s]) f.anchors.push_back({k, k_name_weight, false});
    const std::string lower_text = lowercase(text);
    if (lexical) {
      for (double v : english_numbers_lower(lower_text)) {
        add_number(f.anchors, v, true);
      }
      if (has_quote_en(text)) f.anchors.push_back({fnv1a('q', ""), k_quote_weight, false});
    }
    if (wanted.empty()) {
      finish(f.anchors);
      continue;
    }
    found.clear();
    words.clear();
    for (std::size_t i = 0; i < lower_text.size();) {
      if (!is_alnum(lower_text[i])) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < lower_text.size() && is_alnum(lower_text[j])) ++j;
      std::string_view w = std::string_view(lower_text).substr(i, j - i);
      words.push_back(w);
      if (auto it = by_word.find(w); it != by_word.end()) {
        found.insert(found.end(), it->second.begin(), it->second.end());
      }
      i = j;
    }
    for (std::string_view w : words) {
      for (std::size_t p : prefixes_by_first[static_cast<unsigned char>(w[0])]) {
        const auto& [key, prefix] = by_prefix[p];
        if (holds_at(w, 0, prefix)) found.push_back(key);
      }
    }
    phrases = phrases_anywhere;
    for (std::string_view w : words) {
      if (auto it = phrases_by_first_word.find(w); it != phrases_by_first_word.end()) {
        phrases.insert(phrases.end(), it->second.begin(), it->second.end());
      }
    }
    std::sort(phrases.begin(), phrases.end());
    phrases.erase(std::unique(phrases.begin(), phrases.end()), phrases.end());
    for (std::size_t p : phrases) {
      const auto& [key, phrase] = by_phrase[p];
      if (contains_word(lower_text, *phrase)) found.push_back(key);
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    for (std::uint64_t key : found) f.anchors.push_back({key, wanted.at(key).weight, false});
    finish(f.anchors);
  }
  return doc;
}

}  // namespace koterm::align
