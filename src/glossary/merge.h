// Merging glossaries: a batch run or an import brought into a curated glossary. Human
// decisions win.
#pragma once

#include "glossary/model.h"

namespace koterm::glossary {

// Brings `update` into `base`. Entries are matched by Korean form (preferred or variant),
// then by id.
// - An approved or rejected entry of `base` keeps its en, status, note, kind and dates.
// - A rejected (ko, en) pair never comes back: a variant `base` marks deprecated in a
//   rejected entry stays out, and an update's variant equal to a rejected entry's en is
//   dropped.
// - Counts, first mentions, zones, examples and sources accumulate (sources and zones
//   sorted and unique, examples unique, at most max_examples per entry).
// - New variants arrive as candidates (status admitted); new entries arrive with the
//   update's status unless base is curated for that term.
// The result is deterministic: base's order is kept, new entries are appended in the
// update's order.
void merge_into(Glossary& base, const Glossary& update);

inline constexpr std::size_t max_examples = 5;

}  // namespace koterm::glossary
