// Fuzzes the Korean analyser: eojeol splitting, noun stems, tails and the spacing-insensitive
// term key. The analyser's contract asks for valid UTF-8, so other inputs are skipped.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "korean/analyze.h"
#include "text/utf8.h"

using koterm::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string s = koterm::fuzz::bytes_of(data, size);
  if (koterm::text::find_invalid_utf8(s) != std::string::npos) return 0;
  std::size_t prev_end = 0;
  for (const koterm::korean::Eojeol& e : koterm::korean::analyze(s)) {
    require(e.span.byte_begin >= prev_end && e.span.byte_begin < e.span.byte_end && e.span.byte_end <= s.size(),
            "eojeol span out of range or out of order");
    prev_end = e.span.byte_end;
    require(koterm::text::find_invalid_utf8(e.stem) == std::string::npos, "stem is not valid UTF-8");
    require(koterm::text::find_invalid_utf8(e.tail) == std::string::npos, "tail is not valid UTF-8");
    std::string_view word(s.data() + e.span.byte_begin, e.span.byte_count());
    koterm::korean::Eojeol again = koterm::korean::analyze_eojeol(word);
    require(again.stem == e.stem && again.tail == e.tail, "analyze and analyze_eojeol disagree");
    require(koterm::korean::stem_of(word) == e.stem, "stem_of and analyze disagree");
  }
  std::string key = koterm::korean::term_key(s);
  require(koterm::text::find_invalid_utf8(key) == std::string::npos, "term_key is not valid UTF-8");
  return 0;
}
