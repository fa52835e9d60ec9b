// Fuzzes romanisation and name matching: the input is a Hangul side and an English side
// separated by a tab. Scores must be probabilities; nothing may throw.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "names/names.h"
#include "text/utf8.h"

using koterm::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 4096) return 0;
  std::string s = koterm::fuzz::bytes_of(data, size);
  if (koterm::text::find_invalid_utf8(s) != std::string::npos) return 0;
  auto [ko, en] = koterm::fuzz::split_once(s, "\t");
  namespace n = koterm::names;
  for (n::System sys : {n::System::revised, n::System::mccune_reischauer}) {
    require(koterm::text::find_invalid_utf8(n::romanize(ko, sys)) == std::string::npos, "romanize: invalid UTF-8");
    require(koterm::text::find_invalid_utf8(n::romanize_name(ko, sys)) == std::string::npos,
            "romanize_name: invalid UTF-8");
  }
  for (const n::Candidate& c : n::name_candidates(ko, 8))
    require(std::isfinite(c.score) && c.score >= 0.0 && c.score <= 1.0, "candidate score outside [0,1]");
  const double scores[] = {n::match_name(ko, en), n::match_loanword(ko, en), n::match_transliteration(ko, en)};
  for (double v : scores) require(std::isfinite(v) && v >= 0.0 && v <= 1.0, "match score outside [0,1]");
  n::NameMatcher m(ko);
  require(m.score(en) == scores[2], "NameMatcher disagrees with match_transliteration");
  (void)n::looks_like_korean_name(ko);
  return 0;
}
