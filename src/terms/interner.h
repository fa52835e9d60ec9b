// Interned strings: every candidate term is counted by a dense 32-bit id, so the counting
// loops touch integers, never std::string copies.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace koterm::terms {

class Interner {
 public:
  Interner() = default;
  Interner(const Interner&) = delete;
  Interner& operator=(const Interner&) = delete;
  Interner(Interner&&) = default;
  Interner& operator=(Interner&&) = default;

  // The id of `s`, assigning the next one when `s` is new.
  std::uint32_t intern(std::string_view s);
  // The id of `s` or `none` when it was never interned.
  std::uint32_t find(std::string_view s) const;
  std::string_view str(std::uint32_t id) const { return views_[id]; }
  std::size_t size() const { return views_.size(); }

  static constexpr std::uint32_t none = ~std::uint32_t{0};

 private:
  std::deque<std::string> storage_;  // stable addresses for the views
  std::vector<std::string_view> views_;
  // Open addressing with linear probing over the ids (load factor at most 1/2): a slot holds
  // id + 1 (0: empty) and 32 bits of the string's hash, so that most probes compare no text.
  struct Slot {
    std::uint32_t id_plus_1 = 0;
    std::uint32_t hash = 0;
  };
  std::vector<Slot> slots_;
  static std::uint32_t hash_of(std::string_view s);
  // The slot that holds `s` (hash `h`), or the empty slot where it would go.
  std::size_t slot_of(std::string_view s, std::uint32_t h) const;
  void grow();
};

}  // namespace koterm::terms
