// Is a text in the language the user said? Catches swapped or mismatched article pairs (an
// English file given as the Korean side, two English files) before they are aligned into
// nonsense. Only letters count: Hangul (syllables and jamo) against Latin letters; digits,
// punctuation, hanja and other scripts are ignored, so Korean news full of acronyms (SLBM,
// U.S.) and English pages with a few Korean navigation lines both pass.
#pragma once

#include <cstddef>
#include <string_view>

#include "text/source.h"

namespace koterm::text {

struct ScriptCounts {
  std::size_t hangul = 0;  // Hangul syllables and jamo
  std::size_t latin = 0;   // A-Z, a-z and Latin letters with diacritics (U+00C0-U+024F)
  std::size_t first_hangul_byte = std::string_view::npos;  // byte offset of the first one
  std::size_t first_latin_byte = std::string_view::npos;
};

// Counts the letters of valid UTF-8 `s`.
ScriptCounts count_scripts(std::string_view s);

// Below this many letters a text is too short to judge and always passes.
inline constexpr std::size_t language_check_min_letters = 40;

// Throws InputError, naming the first letter of the wrong script, when `source` is clearly not
// in `lang`: Korean with fewer than one letter in ten Hangul, or English with more than half of
// its letters Hangul.
void require_language(const SourceText& source, Lang lang);

}  // namespace koterm::text
