// Small UTF-8 helpers shared by every stage (no ICU needed for these).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace koterm::text {

inline bool has_utf8_bom(std::string_view s) {
  return s.size() >= 3 && s[0] == '\xEF' && s[1] == '\xBB' && s[2] == '\xBF';
}

// Offset of the first byte that is not part of valid UTF-8 (no overlongs, no surrogates,
// nothing above U+10FFFF), or npos.
std::size_t find_invalid_utf8(std::string_view s);

// Decodes the code point at s[at]; *len receives its byte length. Input must be valid UTF-8
// (an invalid byte decodes as U+FFFD of length 1). Inline: every stage's scanning loops call it
// for each character.
inline char32_t decode_utf8(std::string_view s, std::size_t at, std::size_t* len) {
  auto c = static_cast<unsigned char>(s[at]);
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (n == 0 || at + n > s.size()) {
    *len = 1;
    return 0xFFFD;
  }
  char32_t cp = c & (0xFFU >> (n + 1));
  for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[at + k]) & 0x3FU);
  *len = n;
  return cp;
}

void append_utf8(std::string& out, char32_t cp);

// Number of code points.
inline std::size_t char_count(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

inline bool is_hangul_syllable(char32_t cp) { return cp >= 0xAC00 && cp <= 0xD7A3; }
inline bool is_hanja(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0xF900 && cp <= 0xFAFF);
}

}  // namespace koterm::text
