// The word level terms/ works on: English words scanned for phrase building (hyphenated
// compounds, abbreviations such as "U.S." and "Sen.", possessives cut off) and Korean
// eojeols with their noun stems (from korean::analyze, see ko_words.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace koterm::terms {

struct EnWord {
  std::uint32_t byte_begin = 0;   // into the sentence
  std::uint32_t byte_end = 0;     // possessive "'s" excluded
  bool capitalized = false;       // starts with an upper-case letter or is an acronym
  bool acronym = false;           // two or more capitals, digits allowed: SLBM, U.S., G20
  bool function_word = false;     // in en_function_words.txt (compared in lower case)
  bool connector = false;         // of / for / and / the ... (en_connectors.txt)
  bool sentence_initial = false;  // first word of a sentence
  bool break_after = false;       // punctuation or a possessive ends any phrase here
  bool has_digit = false;
};

// Word tables of the English side (function words, connectors, abbreviations), built once
// from the embedded data files.
class EnglishTables {
 public:
  static const EnglishTables& get();
  bool is_function_word(std::string_view lower) const;
  bool is_connector(std::string_view lower) const;
  bool is_abbreviation(std::string_view with_period) const;

 private:
  EnglishTables();
  std::vector<std::string> function_words_;  // sorted
  std::vector<std::string> connectors_;      // sorted
  std::vector<std::string> abbreviations_;   // sorted
};

// Scans an English sentence (UTF-8) into words; `out` is cleared first.
void scan_english(std::string_view sentence, std::vector<EnWord>& out);

struct KoWord {
  std::uint32_t byte_begin = 0;  // the eojeol in the sentence
  std::uint32_t byte_end = 0;
  std::string_view stem;         // noun stem ("" if none), a view into a stable store
  bool bare = false;             // the eojeol is its stem: no particle or ending follows
  bool latin = false;            // the stem is Latin script (FDA, ASCI)
  bool in_gloss = false;         // inside parentheses after a Korean word
  bool opens_quote = false;      // begins with an opening quotation mark or bracket: 영화
                                 // ‘다크 나이트’ starts a term at 다크, not at 영화
  std::string_view gloss;        // "SLBM" of 잠수함발사탄도미사일(SLBM), else ""
  // A second reading of the whole eojeol as a noun when the analysis cut off a final 인
  // as the copula (매케인 = 매케 + 인 or the name 매케인), else "".
  std::string_view alt_stem;
};

}  // namespace koterm::terms
