// Hanja readings from the table Debian's libhangul-data ships (lines "reading:hanja:gloss"),
// and the headline abbreviations (美 → 미국) from data/hanja_abbreviations.tsv.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace koterm::korean {

class HanjaTable {
 public:
  // Reads a libhangul hanja.txt; throws InputError naming the path when it cannot be read
  // or holds no single-character entries.
  static HanjaTable load(const std::string& path);

  // The usual hangul reading of one hanja ("" when unknown). When the table lists several
  // readings, the one its glosses use most wins (北: 북 over 배), ties by table order.
  std::string_view reading(char32_t hanja) const;
  std::size_t size() const { return readings_.size(); }

 private:
  std::unordered_map<char32_t, std::string> readings_;
};

// Where the table is: $KOTERM_HANJA_TABLE, else the path configured at build time
// (CMake cache KOTERM_HANJA_TABLE).
std::string hanja_table_path();

// The table at hanja_table_path(), loaded on first use and kept; throws like load().
const HanjaTable& default_hanja_table();

// The expansion of a headline abbreviation (美 → 미국, 北 → 북한 ...), "" when none.
std::string_view headline_abbreviation(char32_t hanja);

}  // namespace koterm::korean
