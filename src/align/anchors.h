// Sentence features for the aligner: length in characters, whether the line is boilerplate,
// and lexical anchors — keys that a Korean sentence and its translation share without a
// dictionary: numbers (1억1천만 달러 = $110 million, 24일 = the 24th, 9월 = September), Latin
// tokens inside Korean (SLBM, UN), hanja abbreviations (美 = U.S.), double quotes and, when a
// glossary is given, its entries.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "glossary/model.h"

namespace koterm::align {

struct Anchor {
  std::uint64_t key = 0;
  float weight = 0.0F;
  bool strict = false;  // counts as evidence against a bead when left unmatched (numbers)
  bool operator<(const Anchor& o) const { return key < o.key; }
};

struct SentenceFeatures {
  double char_count = 0.0;       // characters other than whitespace
  bool boilerplate = false;
  std::vector<Anchor> anchors;   // sorted by key
};

// Numbers of a sentence as values (1억1천만 -> 1.1e8, "$110 million" -> 1.1e8), in order.
std::vector<double> korean_numbers(std::string_view text);
std::vector<double> english_numbers(std::string_view text);

// Consonant skeletons for transliterated names (data/phonetic.tsv): "오바마" -> "PM",
// "Obama" -> "PM", "매케인" -> "MKN", "McCain" -> "MKN".
std::string korean_skeleton(std::string_view hangul);
std::string english_skeleton(std::string_view word);

// Whether a trimmed line is a credit, byline or copyright note (data/boilerplate.tsv).
bool is_korean_boilerplate(std::string_view line);
bool is_english_boilerplate(std::string_view line);

// Computes the features of every sentence of both sides. Anchors that need a partner on the
// English side (Latin tokens, hanja, glossary entries) are looked for only when the Korean
// document has them. `lexical` turns on every anchor family but glossary entries;
// `use_lexicon` (with `lexical`) adds the entries of the news lexicon (data/lexicon.tsv).
struct DocumentFeatures {
  std::vector<SentenceFeatures> ko;
  std::vector<SentenceFeatures> en;
};
DocumentFeatures compute_features(const std::vector<std::string_view>& ko,
                                  const std::vector<std::string_view>& en, bool lexical,
                                  bool detect_boilerplate, const glossary::Glossary* glossary,
                                  bool use_lexicon = true);

}  // namespace koterm::align
