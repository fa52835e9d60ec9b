#include "text/language.h"

#include <string>

#include "common/error.h"
#include "text/utf8.h"

namespace koterm::text {

namespace {

bool is_hangul_letter(char32_t c) {
  return is_hangul_syllable(c) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3131 && c <= 0x318E) ||
         (c >= 0xA960 && c <= 0xA97F) || (c >= 0xD7B0 && c <= 0xD7FF);
}

bool is_latin_letter(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

}  // namespace

ScriptCounts count_scripts(std::string_view s) {
  ScriptCounts n;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t len = 1;
    char32_t c = static_cast<unsigned char>(s[i]) < 0x80 ? static_cast<char32_t>(s[i]) : decode_utf8(s, i, &len);
    if (is_hangul_letter(c)) {
      if (n.hangul++ == 0) n.first_hangul_byte = i;
    } else if (is_latin_letter(c)) {
      if (n.latin++ == 0) n.first_latin_byte = i;
    }
    i += len;
  }
  return n;
}

void require_language(const SourceText& source, Lang lang) {
  const ScriptCounts n = count_scripts(source.normalized());
  const std::size_t letters = n.hangul + n.latin;
  if (letters < language_check_min_letters) return;
  const std::string counts = std::to_string(n.hangul) + " of its " + std::to_string(letters) + " letters are Hangul";
  if (lang == Lang::ko && n.hangul * 10 < letters)
    throw InputError(source.position_of_normalized(n.first_latin_byte),
                     "expected the Korean article, but only " + counts +
                         "; is this the English side? (the Korean file comes first: KO EN)");
  if (lang == Lang::en && n.hangul * 2 > letters)
    throw InputError(source.position_of_normalized(n.first_hangul_byte),
                     "expected the English translation, but " + counts +
                         "; is this the Korean side? (the English file comes second: KO EN)");
}

}  // namespace koterm::text
