#include "names/run_names.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ostream>
#include <string>

#include "common/error.h"
#include "text/utf8.h"

namespace koterm::names {

NamesKind names_kind_from(const std::string& name) {
  if (name == "auto") return NamesKind::automatic;
  if (name == "korean") return NamesKind::korean;
  if (name == "loanword") return NamesKind::loanword;
  throw UsageError("--kind: expected auto, korean or loanword; found \"" + name + "\"");
}

void RunNamesOptions::validate() const {
  if (hangul.empty()) {
    throw UsageError("names: expected a Korean name in Hangul, e.g. koterm names 노규덕");
  }
  if (max == 0) throw UsageError("--max: expected a number of candidates of at least 1");
  if (auto bad = text::find_invalid_utf8(hangul); bad != std::string::npos) {
    throw UsageError("names: the Korean name is not valid UTF-8 (byte " + std::to_string(bad + 1) +
                     "); hint: check the terminal's encoding");
  }
  std::size_t i = 0;
  std::size_t col = 1;
  bool any = false;
  while (i < hangul.size()) {
    std::size_t len = 0;
    const char32_t cp = text::decode_utf8(hangul, i, &len);
    if (!text::is_hangul_syllable(cp) && cp != U' ' && cp != U'-' && cp != U'·') {
      throw UsageError("names: expected Hangul syllables; found \"" + hangul.substr(i, len) +
                       "\" at character " + std::to_string(col) + " of \"" + hangul +
                       "\"; hint: give the Korean form first, then the English spellings");
    }
    any = any || text::is_hangul_syllable(cp);
    i += len;
    ++col;
  }
  if (!any) throw UsageError("names: expected a Korean name in Hangul; found only spaces or hyphens");
}

namespace {

MatchKind match_kind(NamesKind k) {
  switch (k) {
    case NamesKind::korean: return MatchKind::korean_name;
    case NamesKind::loanword: return MatchKind::loanword;
    case NamesKind::automatic: break;
  }
  return MatchKind::transliteration;
}

std::string fixed3(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

}  // namespace

int run_names(const RunNamesOptions& options, std::istream& /*in*/, std::ostream& out,
              Diagnostics& /*diagnostics*/) {
  options.validate();
  if (options.english.empty()) {
    const bool name = options.kind == NamesKind::korean ||
                      (options.kind == NamesKind::automatic && looks_like_korean_name(options.hangul));
    if (name) {
      for (const auto& c : name_candidates(options.hangul, options.max)) out << c.en << '\n';
    } else {
      out << romanize(options.hangul, System::revised) << '\n';
      if (options.max > 1) out << romanize(options.hangul, System::mccune_reischauer) << '\n';
    }
    return 0;
  }
  const NameMatcher matcher(options.hangul, match_kind(options.kind));
  struct Row {
    std::size_t index;
    double score;
  };
  std::vector<Row> rows;
  for (std::size_t i = 0; i < options.english.size(); ++i) {
    rows.push_back({i, matcher.score(options.english[i])});
  }
  // Ranked on the printed value, so equal printed scores keep the input order.
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return std::llround(a.score * 1000) > std::llround(b.score * 1000);
  });
  for (const auto& r : rows) out << options.english[r.index] << '\t' << fixed3(r.score) << '\n';
  return 0;
}

}  // namespace koterm::names
