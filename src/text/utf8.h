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
// (an invalid byte decodes as U+FFFD of length 1).
char32_t decode_utf8(std::string_view s, std::size_t at, std::size_t* len);

void append_utf8(std::string& out, char32_t cp);

// Number of code points.
std::size_t char_count(std::string_view s);

inline bool is_hangul_syllable(char32_t cp) { return cp >= 0xAC00 && cp <= 0xD7A3; }
inline bool is_hanja(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0xF900 && cp <= 0xFAFF);
}

}  // namespace koterm::text
