#include "terms/interner.h"

#include <cstring>

namespace koterm::terms {

std::uint32_t Interner::hash_of(std::string_view s) {
  // Eight bytes at a time, each step a multiply and a shift; the length goes in first.
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
  const char* p = s.data();
  std::size_t n = s.size();
  auto mix = [](std::uint64_t v) {
    v *= 0xBF58476D1CE4E5B9ull;
    return v ^ (v >> 31);
  };
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, p, 8);
    h = mix(h ^ w);
  }
  if (n > 0) {
    std::uint64_t w = 0;
    std::memcpy(&w, p, n);
    h = mix(h ^ w ^ (std::uint64_t{n} << 59));
  }
  h = mix(h ^ (h >> 29));
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

void Interner::grow() {
  std::vector<Slot> bigger(slots_.empty() ? 64 : slots_.size() * 2);
  const std::size_t mask = bigger.size() - 1;
  for (const Slot& s : slots_) {
    if (s.id_plus_1 == 0) continue;
    std::size_t i = s.hash & mask;
    while (bigger[i].id_plus_1 != 0) i = (i + 1) & mask;
    bigger[i] = s;
  }
  slots_ = std::move(bigger);
}

std::size_t Interner::slot_of(std::string_view s, std::uint32_t h) const {
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = h & mask;
  while (slots_[i].id_plus_1 != 0 && (slots_[i].hash != h || views_[slots_[i].id_plus_1 - 1] != s)) i = (i + 1) & mask;
  return i;
}

std::uint32_t Interner::intern(std::string_view s) {
  if ((views_.size() + 1) * 2 > slots_.size()) grow();
  const std::uint32_t h = hash_of(s);
  const std::size_t i = slot_of(s, h);
  if (slots_[i].id_plus_1 != 0) return slots_[i].id_plus_1 - 1;
  const std::string& stored = storage_.emplace_back(s);
  const auto id = static_cast<std::uint32_t>(views_.size());
  views_.push_back(stored);
  slots_[i] = {id + 1, h};
  return id;
}

std::uint32_t Interner::find(std::string_view s) const {
  if (slots_.empty()) return none;
  const Slot& slot = slots_[slot_of(s, hash_of(s))];
  return slot.id_plus_1 != 0 ? slot.id_plus_1 - 1 : none;
}

}  // namespace koterm::terms
