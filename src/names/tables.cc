// Parsing of the compiled-in tables of the names stage and Hangul decomposition.
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "names/hangul.h"
#include "text/utf8.h"

namespace koterm::embedded {
std::string_view names_surnames();
std::string_view names_letters();
std::string_view names_name_letters();
std::string_view names_loanword_letters();
}  // namespace koterm::embedded

namespace koterm::names::detail {
namespace {

constexpr std::string_view kOnsetLetters[kOnsetCount] = {
    "ㄱ", "ㄲ", "ㄴ", "ㄷ", "ㄸ", "ㄹ", "ㅁ", "ㅂ", "ㅃ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅉ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"};
constexpr std::string_view kVowelLetters[kVowelCount] = {
    "ㅏ", "ㅐ", "ㅑ", "ㅒ", "ㅓ", "ㅔ", "ㅕ", "ㅖ", "ㅗ", "ㅘ", "ㅙ",
    "ㅚ", "ㅛ", "ㅜ", "ㅝ", "ㅞ", "ㅟ", "ㅠ", "ㅡ", "ㅢ", "ㅣ"};
constexpr std::string_view kCodaLetters[kCodaCount] = {
    "",   "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ",
    "ㄿ", "ㅀ", "ㅁ", "ㅂ", "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"};

template <std::size_t N>
int index_of(const std::string_view (&letters)[N], std::string_view letter) {
  for (std::size_t i = 0; i < N; ++i) {
    if (!letters[i].empty() && letters[i] == letter) return static_cast<int>(i);
  }
  return -1;
}

std::vector<std::string_view> split(std::string_view line, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    std::size_t end = line.find(sep, start);
    if (end == std::string_view::npos) {
      out.push_back(line.substr(start));
      return out;
    }
    out.push_back(line.substr(start, end - start));
    start = end + 1;
  }
}

// Data lines of an embedded table: comments (#) and blank lines skipped, split on tabs.
template <typename Fn>
void for_each_row(std::string_view table, std::string_view name, std::size_t fields, Fn fn) {
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos < table.size()) {
    std::size_t end = table.find('\n', pos);
    if (end == std::string_view::npos) end = table.size();
    std::string_view line = table.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    auto cols = split(line, '\t');
    if (cols.size() != fields) {
      throw InternalError("names table " + std::string(name) + " line " + std::to_string(line_no) +
                          ": expected " + std::to_string(fields) + " fields");
    }
    fn(cols, line_no);
  }
}

double parse_cost(std::string_view s, std::string_view table, std::size_t line_no) {
  std::string tmp(s);
  char* end = nullptr;
  double v = std::strtod(tmp.c_str(), &end);
  if (tmp.empty() || end != tmp.c_str() + tmp.size() || v < 0) {
    throw InternalError("names table " + std::string(table) + " line " + std::to_string(line_no) +
                        ": bad cost");
  }
  return v;
}

LetterTable parse_letter_table(std::string_view table, std::string_view name) {
  LetterTable t;
  for_each_row(table, name, 4, [&](const std::vector<std::string_view>& c, std::size_t line_no) {
    Spelling sp{std::string(c[2]), parse_cost(c[3], name, line_no)};
    int idx = -1;
    if (c[0] == "onset" && (idx = onset_of_letter(c[1])) >= 0) {
      t.onset[static_cast<std::size_t>(idx)].push_back(sp);
    } else if (c[0] == "vowel" && (idx = vowel_of_letter(c[1])) >= 0) {
      t.vowel[static_cast<std::size_t>(idx)].push_back(sp);
    } else if (c[0] == "coda" && (idx = coda_of_letter(c[1])) >= 0) {
      t.coda[static_cast<std::size_t>(idx)].push_back(sp);
    } else if (c[0] == "syllable") {
      t.syllable[std::string(c[1])].push_back(sp);
    } else {
      throw InternalError("names table " + std::string(name) + " line " + std::to_string(line_no) +
                          ": unknown slot or letter");
    }
  });
  return t;
}

}  // namespace

bool decompose(char32_t cp, Syllable* out) {
  if (!text::is_hangul_syllable(cp)) return false;
  const int s = static_cast<int>(cp - 0xAC00);
  out->onset = s / (kVowelCount * kCodaCount);
  out->vowel = (s / kCodaCount) % kVowelCount;
  out->coda = s % kCodaCount;
  return true;
}

char32_t compose(const Syllable& s) {
  return static_cast<char32_t>(0xAC00 + (s.onset * kVowelCount + s.vowel) * kCodaCount + s.coda);
}

int onset_of_letter(std::string_view letter) { return index_of(kOnsetLetters, letter); }
int vowel_of_letter(std::string_view letter) { return index_of(kVowelLetters, letter); }
int coda_of_letter(std::string_view letter) { return index_of(kCodaLetters, letter); }

int onset_of_coda(int coda) {
  switch (coda) {
    case C_G: return O_G;
    case C_KK: return O_KK;
    case C_N: return O_N;
    case C_D: return O_D;
    case C_L: return O_R;
    case C_M: return O_M;
    case C_B: return O_B;
    case C_S: return O_S;
    case C_SS: return O_SS;
    case C_J: return O_J;
    case C_CH: return O_CH;
    case C_K: return O_K;
    case C_T: return O_T;
    case C_P: return O_P;
    case C_H: return O_H;
    default: return -1;
  }
}

const std::vector<SurnameEntry>& surnames() {
  static const std::vector<SurnameEntry> table = [] {
    std::vector<SurnameEntry> out;
    for_each_row(embedded::names_surnames(), "surnames.tsv", 4,
                 [&](const std::vector<std::string_view>& c, std::size_t) {
                   SurnameEntry e;
                   e.hangul = std::string(c[0]);
                   e.rr = std::string(c[1]);
                   e.mr = std::string(c[2]);
                   for (auto s : split(c[3], '|')) {
                     if (!s.empty()) e.spellings.emplace_back(s);
                   }
                   out.push_back(std::move(e));
                 });
    return out;
  }();
  return table;
}

const SurnameEntry* find_surname(std::string_view hangul) {
  const SurnameEntry* best = nullptr;
  for (const auto& e : surnames()) {
    if (hangul.substr(0, e.hangul.size()) == e.hangul &&
        (best == nullptr || e.hangul.size() > best->hangul.size())) {
      best = &e;
    }
  }
  return best;
}

const LetterTable& name_letters() {
  static const LetterTable t = parse_letter_table(embedded::names_name_letters(), "name-letters.tsv");
  return t;
}

const LetterTable& loanword_letters() {
  static const LetterTable t =
      parse_letter_table(embedded::names_loanword_letters(), "loanword-letters.tsv");
  return t;
}

const RomanLetters& roman_letters() {
  static const RomanLetters t = [] {
    RomanLetters r;
    for_each_row(embedded::names_letters(), "letters.tsv", 5,
                 [&](const std::vector<std::string_view>& c, std::size_t line_no) {
                   auto val = [](std::string_view v) { return v == "-" ? std::string() : std::string(v); };
                   int idx = -1;
                   if (c[0] == "onset" && (idx = onset_of_letter(c[1])) >= 0) {
                     auto i = static_cast<std::size_t>(idx);
                     r.rr_onset[i] = val(c[2]);
                     r.mr_onset[i] = val(c[3]);
                     r.mr_onset_voiced[i] = val(c[4]);
                   } else if (c[0] == "vowel" && (idx = vowel_of_letter(c[1])) >= 0) {
                     auto i = static_cast<std::size_t>(idx);
                     r.rr_vowel[i] = val(c[2]);
                     r.mr_vowel[i] = val(c[3]);
                   } else if (c[0] == "coda" && (idx = coda_of_letter(c[1])) >= 0) {
                     auto i = static_cast<std::size_t>(idx);
                     r.rr_coda[i] = val(c[2]);
                     r.mr_coda[i] = val(c[3]);
                   } else {
                     throw InternalError("names table letters.tsv line " + std::to_string(line_no) +
                                         ": unknown slot or letter");
                   }
                 });
    return r;
  }();
  return t;
}

bool hangul_syllables(std::string_view s, std::vector<Syllable>* out,
                      std::vector<std::size_t>* word_starts) {
  out->clear();
  if (word_starts != nullptr) word_starts->clear();
  bool new_word = true;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t len = 0;
    char32_t cp = text::decode_utf8(s, i, &len);
    i += len;
    if (cp == U' ' || cp == U'\t' || cp == U'·' || cp == U'-') {
      new_word = true;
      continue;
    }
    Syllable syl;
    if (!decompose(cp, &syl)) return false;
    if (new_word && word_starts != nullptr) word_starts->push_back(out->size());
    new_word = false;
    out->push_back(syl);
  }
  return !out->empty();
}

}  // namespace koterm::names::detail
