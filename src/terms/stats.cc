#include "terms/stats.h"

#include <algorithm>

namespace koterm::terms {

const char* unit_zone_name(UnitZone zone) {
  switch (zone) {
    case UnitZone::body: return "body";
    case UnitZone::headline: return "headline";
    case UnitZone::subheadline: return "subheadline";
    case UnitZone::caption: return "caption";
    case UnitZone::byline: return "byline";
    case UnitZone::credit: return "credit";
    case UnitZone::boilerplate: return "boilerplate";
  }
  return "body";
}

std::uint32_t Stats::intern_ko(std::string_view key) {
  std::uint32_t id = ko.intern(key);
  if (id >= ko_count.size()) ko_count.resize(id + 1, 0);
  return id;
}

std::uint32_t Stats::intern_en(std::string_view candidate) {
  std::uint32_t id = en.intern(candidate);
  if (id >= en_count.size()) en_count.resize(id + 1, 0);
  return id;
}

void Stats::merge(const Stats& other) {
  std::vector<std::uint32_t> ko_map(other.ko.size());
  std::vector<std::uint32_t> en_map(other.en.size());
  std::vector<std::uint32_t> surface_map(other.ko_surface.size());
  for (std::uint32_t i = 0; i < other.ko.size(); ++i) ko_map[i] = intern_ko(other.ko.str(i));
  for (std::uint32_t i = 0; i < other.en.size(); ++i) en_map[i] = intern_en(other.en.str(i));
  for (std::uint32_t i = 0; i < other.ko_surface.size(); ++i)
    surface_map[i] = ko_surface.intern(other.ko_surface.str(i));
  for (std::uint32_t i = 0; i < other.ko_count.size(); ++i) ko_count[ko_map[i]] += other.ko_count[i];
  for (std::uint32_t i = 0; i < other.en_count.size(); ++i) en_count[en_map[i]] += other.en_count[i];
  auto remap = [&](std::uint64_t key) { return pair_key(ko_map[pair_ko(key)], en_map[pair_en(key)]); };
  other.pair_count.for_each([&](std::uint64_t key, std::uint32_t v) { pair_count[remap(key)] += v; });
  other.gloss_count.for_each([&](std::uint64_t key, std::uint32_t v) { gloss_count[remap(key)] += v; });
  other.ko_spelling_count.for_each([&](std::uint64_t key, std::uint32_t v) {
    ko_spelling_count[pair_key(ko_map[pair_ko(key)], surface_map[pair_en(key)])] += v;
  });
  other.link.for_each([&](std::uint64_t key, const LinkInfo& v) {
    LinkInfo& mine = link[remap(key)];
    mine.links += v.links;
    mine.first_mentions += v.first_mentions;
    mine.body_links += v.body_links;
    mine.zones = static_cast<std::uint8_t>(mine.zones | v.zones);
    mine.example_unit = std::min(mine.example_unit, v.example_unit);
    mine.best_score = std::max(mine.best_score, v.best_score);
  });
  units += other.units;
}

}  // namespace koterm::terms
