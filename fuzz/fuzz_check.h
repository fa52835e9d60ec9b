// Shared helpers of the fuzz targets: an invariant check that aborts (so libFuzzer records the
// input as a crash) and the input turned into a string.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

namespace koterm::fuzz {

// Aborts with a message when an invariant of the code under test does not hold.
inline void require(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "koterm fuzz: invariant broken: %s\n", what);
    std::abort();
  }
}

inline std::string bytes_of(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// Splits `s` at the first occurrence of `sep`; the second half is empty when it is absent.
inline std::pair<std::string_view, std::string_view> split_once(std::string_view s, std::string_view sep) {
  std::size_t at = s.find(sep);
  if (at == std::string_view::npos) return {s, {}};
  return {s.substr(0, at), s.substr(at + sep.size())};
}

}  // namespace koterm::fuzz
