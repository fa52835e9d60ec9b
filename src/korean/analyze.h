// Korean analysis for term matching: each eojeol (space-separated word) is split into its
// noun stem and what follows it (particles, the copula, a 하다/되다 verb ending, a noun
// suffix), and a spacing-insensitive key makes variants of one term compare equal.
// The rules are lexicon-light: particle, ending and suffix tables plus a small list of
// nouns and non-nouns, all data files under data/ compiled into the binary.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/source.h"

namespace koterm::korean {

// What follows the noun stem inside an eojeol.
enum class TailKind { none, particle, copula, verb, noun_suffix, other };
const char* tail_kind_name(TailKind kind);

struct Eojeol {
  text::Span span;     // bytes in the analysed string
  std::string stem;    // noun stem (maximal noun run; Latin/digits/hanja count), "" when none
  std::string tail;    // the rest of the eojeol after the stem ("" when none)
  TailKind tail_kind = TailKind::none;
};

// Eojeols split on whitespace (ASCII and Unicode spaces), in order. `sentence` must be
// valid UTF-8 (text::read_source guarantees it).
std::vector<Eojeol> analyze(std::string_view sentence);

// Analyses one eojeol (no whitespace inside); span covers the whole of `eojeol`.
Eojeol analyze_eojeol(std::string_view eojeol);

// The noun stem of one eojeol ("" when it has none).
std::string stem_of(std::string_view eojeol);

// Spacing-insensitive matching key of a Korean term or phrase: particles and the copula are
// stripped from the last eojeol, spaces removed, hanja headline abbreviations expanded
// (美 → 미국 ...) and other hanja read through the hanja table.
// term_key("한반도 평화교섭본부장은") == term_key("한반도평화교섭본부장")
std::string term_key(std::string_view phrase);

}  // namespace koterm::korean
