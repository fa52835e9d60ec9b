// Evidence for a (Korean, English) pair that holds even in a single article, in [0,1]:
//   identity        Latin in the Korean text rendered as is (FDA = FDA, UN = U.N.)
//   expansion       an acronym and its expansion (FDA = Food and Drug Administration,
//                   SLBM = submarine-launched ballistic missile)
//   gloss           the English given in parentheses after the Korean term
//   transliteration a name or loanword in Hangul and its spelling (names stage)
//   glossary        an entry of a glossary given with -g
//   letter names    an acronym spelt out in Hangul letter names (유엔 = UN, 시엔엔 = CNN)
//   headline hanja  the English acronym of a one-hanja abbreviation (美 = US, U.S.), from
//                   the aligner's table, for the Korean word it stands for (미국)
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "glossary/model.h"

namespace koterm::terms {

class Evidence {
 public:
  explicit Evidence(const glossary::Glossary* given = nullptr);

  // A cheap test whether score() can be above zero; keeps name matching out of the pairs
  // that cannot be names.
  bool worth_checking(std::string_view ko_key, std::string_view en, bool ko_latin,
                      bool en_capitalized, std::string_view ko_gloss) const;
  // `glossed`: `en` was seen in parentheses right after the Korean term; `ko_gloss`: a
  // Latin gloss seen after the Korean term ("" if none).
  double score(std::string_view ko_key, std::string_view en, bool glossed,
               std::string_view ko_gloss) const;
  // The aligner's news lexicon: whether it has the Korean word, and whether the whole English
  // candidate is one of its renderings (오전 = morning). Used to break ties of association,
  // never as evidence of its own.
  bool in_lexicon(std::string_view ko_key) const;
  bool lexicon_renders(std::string_view ko_key, std::string_view en) const;
  // The English form a given glossary prefers for this Korean key, or nullptr.
  const std::string* preferred(std::string_view ko_key) const;

  static bool is_latin(std::string_view s);
  // Upper-case letters and digits of `s` (dots, spaces, hyphens dropped): "U.S." -> "US".
  static std::string letters_upper(std::string_view s);
  // Initials of the words of `en` (hyphenated parts count as words, connectors skipped):
  // "Food and Drug Administration" -> "FDA", "submarine-launched ballistic missiles" -> "SLBM".
  static std::string initials(std::string_view en);

 private:
  std::unordered_map<std::string, std::vector<std::string>> given_;  // ko key -> English forms
  std::unordered_map<std::string, std::string> given_preferred_;
  // Korean word a headline hanja stands for (미국) -> lower-case English renderings.
  std::unordered_map<std::string, std::vector<std::string>> hanja_en_;
  // Hangul readings of each Latin letter A-Z (latin_letter_names.tsv).
  std::vector<std::vector<std::string>> letter_names_;
  bool spells_letters(std::string_view ko_key, std::string_view letters) const;
  // Korean word -> lower-case renderings of the news lexicon ("govern*": a word prefix).
  std::unordered_map<std::string, std::vector<std::string>> lexicon_;
};

// How well `en` renders the Hangul `ko` as a name or loanword, 0 when `ko` is not Hangul.
double best_transliteration(std::string_view ko, std::string_view en);

}  // namespace koterm::terms
