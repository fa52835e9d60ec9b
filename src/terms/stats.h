// The counts extraction is built on, kept apart from the scoring that reads them so that a
// corpus can be counted in shards and the shards merged (associative, and the output does
// not depend on the merge order: everything printed is sorted by strings).
//
// Pass 1 (co-occurrence): in how many aligned units each Korean key, each English candidate
// and each (Korean, English) pair occur, which spaced spellings a Korean key had, and the
// parenthesised glosses seen after a Korean term.
// Pass 2 (links): how often competitive linking linked a pair, in which zones, how often as
// the Korean term's first mention in an article, and one example unit.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "terms/flat_map.h"
#include "terms/interner.h"

namespace koterm::terms {

// Zones a unit can come from; bit i of a zone mask is zone i.
enum class UnitZone : std::uint8_t { body, headline, subheadline, caption, byline, credit, boilerplate };
inline constexpr std::size_t unit_zone_count = 7;
const char* unit_zone_name(UnitZone zone);

struct LinkInfo {
  std::uint32_t links = 0;
  std::uint32_t first_mentions = 0;
  std::uint32_t body_links = 0;
  std::uint8_t zones = 0;                       // mask of UnitZone bits
  std::uint64_t example_unit = ~std::uint64_t{0};  // smallest unit ordinal that linked it
  float best_score = 0;
};

struct Stats {
  Interner ko;          // Korean keys (spacing removed)
  Interner ko_surface;  // Korean spellings as written (spaces kept)
  Interner en;          // English candidates
  std::vector<std::uint32_t> ko_count;  // units holding the key, by ko id
  std::vector<std::uint32_t> en_count;  // units holding the candidate, by en id
  FlatMap64<std::uint32_t> pair_count;  // pair_key(ko, en) -> units holding both
  FlatMap64<std::uint32_t> ko_spelling_count;  // pair_key(ko, ko_surface) -> count
  FlatMap64<std::uint32_t> gloss_count;        // pair_key(ko, en) -> "ko(en)" seen
  FlatMap64<LinkInfo> link;                    // pass 2
  std::uint64_t units = 0;

  std::uint32_t intern_ko(std::string_view key);
  std::uint32_t intern_en(std::string_view candidate);

  // Adds `other`'s counts to this one (ids are re-mapped through the strings).
  void merge(const Stats& other);
};

}  // namespace koterm::terms
