// Sentence alignment of a Korean article and its English translation: a banded dynamic
// programme over beads (1:1, 1:0, 0:1, 2:1, 1:2, 2:2, and 1:3 / 3:1 when enabled) whose
// cost combines a Korean–English length model (ratio estimated per document pair) with
// lexical anchors that need no dictionary (numbers with Korean units, Latin tokens inside
// Korean, hanja abbreviations, quotes) and, when given, glossary entries. Boilerplate lines
// (credits, bylines, copyright notes) are left unlinked. Each bead gets a posterior
// confidence in [0,1] from a forward–backward pass over the same band.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "glossary/model.h"

namespace koterm::align {

// One bead: 0-based sentence indices of each side (ascending, consecutive), either side
// possibly empty (a sentence left without counterpart).
struct Bead {
  std::vector<std::size_t> ko;
  std::vector<std::size_t> en;
  double confidence = 0.0;     // posterior probability of this bead, in [0,1]
  bool low_confidence = false; // confidence < AlignOptions::min_confidence

  bool operator==(const Bead&) const = default;
};

struct AlignOptions {
  // Components (for ablation): the length model is always on.
  bool use_anchors = true;         // numbers, Latin tokens, hanja, quotes
  bool use_lexicon = true;         // with use_anchors: entries of the news lexicon
  bool use_glossary = true;        // glossary entries, when a glossary is given
  bool use_boilerplate = true;     // credit/byline/copyright lines forced to 1:0 / 0:1
  bool allow_three = true;         // 1:3 and 3:1 beads

  // Length model: log(en_chars / (ratio * ko_chars)) ~ Normal(0, sigma^2), characters
  // counted without spaces; ratio estimated per document pair, clamped to this range.
  double sigma = 0.60;
  double min_ratio = 1.2;
  double max_ratio = 3.5;
  // Loose translations stray from the length model: the density is a normal of `sigma`
  // mixed with a normal `tail_scale` times wider, of weight `tail_weight`.
  double tail_weight = 0.05;
  double tail_scale = 3.0;
  // Second pass: ratio and sigma re-estimated from the 1:1 beads of the first (sigma kept in
  // [min_sigma, sigma]), shrunk towards the prior with the weight of `prior_beads` beads.
  bool second_pass = true;
  double min_sigma = 0.15;
  double prior_beads = 3.0;

  // Bead costs (negative log prior, added to the length and anchor costs).
  double cost_skip = 1.5;          // 1:0 and 0:1 of a content sentence
  double cost_boilerplate = 0.0;   // 1:0 and 0:1 of a boilerplate line
  double cost_merge = 1.5;         // 2:1 and 1:2
  double cost_two_two = 5.0;       // 2:2
  double cost_three = 6.0;         // 1:3 and 3:1

  // Anchors: bonus per matched anchor weight, penalty per anchor weight left unmatched
  // on both sides of a bead (only the smaller side's unmatched weight counts).
  double anchor_bonus = 1.5;
  double anchor_mismatch = 0.8;
  // Penalty per anchor weight left unmatched inside a bead, on either side: anchors the
  // other document also holds (`anchor_unmatched`) and anchors it does not (`anchor_orphan`).
  // They make a sentence whose anchors fit no neighbour cheaper to leave unlinked than to
  // merge into a bead.
  double anchor_unmatched = 0.2;
  double anchor_orphan = 0.2;

  // Search: band half-width around the diagonal, at least `min_band` sentences or
  // `band_fraction` of the longer side; doubled while the best path touches its edge.
  std::size_t min_band = 6;
  double band_fraction = 0.02;
  // Beam inside the band: a cell more than `beam` (in cost units) worse than the best cell
  // of its row, by both its Viterbi cost and its forward score, starts no bead.
  double beam = 25.0;

  // Posterior temperature and the threshold under which a bead is flagged.
  double temperature = 1.0;
  double min_confidence = 0.5;

  // Throws UsageError naming the first bad value.
  void validate() const;
};

// What the aligner knows about one sentence.
struct SentenceInput {
  std::string_view text;
  bool boilerplate = false;  // known boilerplate (zone, empty line): aligned 1:0 / 0:1
};

// Aligns two sentence lists. With options.use_boilerplate, lines that look like credits,
// bylines or copyright notices (data/boilerplate.tsv) are also treated as boilerplate.
// One side empty: every sentence of the other side in a one-sided bead.
std::vector<Bead> align(const std::vector<SentenceInput>& ko, const std::vector<SentenceInput>& en,
                        const AlignOptions& options, const glossary::Glossary* glossary = nullptr);

std::vector<Bead> align(const std::vector<std::string_view>& ko,
                        const std::vector<std::string_view>& en, const AlignOptions& options,
                        const glossary::Glossary* glossary = nullptr);

}  // namespace koterm::align
