// Open-addressing hash map from 64-bit keys to small values, for the hot counting loops
// of extraction (pair counts keyed by (ko id << 32 | en id)). Linear probing, power-of-two
// capacity, load factor at most 1/2. The key ~0 is reserved as "empty".
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace koterm::terms {

inline std::uint64_t pair_key(std::uint32_t ko_id, std::uint32_t en_id) {
  return (std::uint64_t{ko_id} << 32) | en_id;
}
inline std::uint32_t pair_ko(std::uint64_t key) { return static_cast<std::uint32_t>(key >> 32); }
inline std::uint32_t pair_en(std::uint64_t key) { return static_cast<std::uint32_t>(key); }

template <typename V>
class FlatMap64 {
 public:
  static constexpr std::uint64_t empty_key = ~std::uint64_t{0};

  FlatMap64() { rehash(16); }

  // The value for `key`, default-constructed when new.
  V& operator[](std::uint64_t key) {
    if ((size_ + 1) * 2 > slots_.size()) rehash(slots_.size() * 2);
    std::size_t i = slot_of(key);
    while (true) {
      Slot& s = slots_[i];
      if (s.key == key) return s.value;
      if (s.key == empty_key) {
        s.key = key;
        s.value = V{};
        ++size_;
        return s.value;
      }
      i = (i + 1) & mask_;
    }
  }

  const V* find(std::uint64_t key) const {
    std::size_t i = slot_of(key);
    while (true) {
      const Slot& s = slots_[i];
      if (s.key == key) return &s.value;
      if (s.key == empty_key) return nullptr;
      i = (i + 1) & mask_;
    }
  }

  // Asks the processor to bring `key`'s first slot into the cache: a hint for lookups
  // that follow shortly (it changes nothing else).
  void prefetch(std::uint64_t key) const { __builtin_prefetch(&slots_[slot_of(key)]); }

  std::size_t size() const { return size_; }

  // Calls f(key, value) for every entry, in slot order (not deterministic across
  // insertion orders: callers sort what they print).
  template <typename F>
  void for_each(F&& f) const {
    for (const Slot& s : slots_)
      if (s.key != empty_key) f(s.key, s.value);
  }

 private:
  struct Slot {
    std::uint64_t key = empty_key;
    V value{};
  };
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;

  std::size_t slot_of(std::uint64_t key) const {
    std::uint64_t h = key * 0x9E3779B97F4A7C15ull;
    h ^= h >> 29;
    return static_cast<std::size_t>(h) & mask_;
  }

  void rehash(std::size_t capacity) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    size_ = 0;
    for (const Slot& s : old)
      if (s.key != empty_key) (*this)[s.key] = s.value;
  }
};

}  // namespace koterm::terms
