// Findings of `koterm check`: plain data, produced by check.h and written by report.h.
// A finding is an expected outcome, never an exception.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostics.h"

namespace koterm::check {

enum class FindingType { deprecated, missing, inconsistent, ambiguous, name };
inline constexpr std::size_t finding_type_count = 5;

// "deprecated", "missing", "inconsistent", "ambiguous", "name".
const char* type_name(FindingType t);
std::optional<FindingType> type_from(std::string_view s);
std::optional<Severity> severity_from(std::string_view s);

// A place in one of the user's files, with the sentence (or aligned sentences) around it.
struct Place {
  std::string path;
  std::size_t line = 0;     // 1-based; 0 when unknown
  std::size_t col = 0;      // 1-based, in characters
  std::string sentence;     // the sentence(s) of the bead on this side, as the user wrote them
  std::string zone;         // "body", "headline", ...
};

// One occurrence of a form: the English form as written, and where it and its Korean term are.
struct Occurrence {
  std::string ko;           // the Korean term as written
  std::string en;           // the English form as written ("" for a missing rendering)
  Place ko_place;
  Place en_place;
};

// One English form of a finding with every place it occurs.
struct FoundForm {
  std::string en;                       // as first written
  std::vector<Occurrence> occurrences;  // in text order
};

struct Finding {
  FindingType type = FindingType::missing;
  Severity severity = Severity::warning;
  bool headline_only = false;           // every departing occurrence is in a headline zone
  std::string article;                  // article id (manifest id, file name)
  std::string ko;                       // the Korean term (for ambiguous: both, "A / B")
  std::string entry_id;                 // glossary entry id, "" without one
  std::vector<std::string> expected;    // the forms the glossary or the article expects
  std::vector<FoundForm> found;         // the forms found, with places
  Place ko_place;                       // where the finding points (first departing occurrence)
  Place en_place;
  std::string message;                  // one line, no path
  // Why a "missing" finding may be no omission at all, which gives it the severity of the
  // "uncertain" column (info by default); "" when there is no such reason:
  //   "neighbour"       an accepted form is in the English of the bead before or after (the
  //                     content moved across beads); the message names its line;
  //   "anaphora"        the English holds words that may stand for the term (a pronoun that
  //                     fits the term's kind and Korean case, after an earlier mention, or
  //                     a definite description such as "the agency"), listed in
  //                     possible_renderings;
  //   "metonym"         the English holds a word that may stand for the term (Paris for
  //                     France, the Web for the Internet), listed in possible_renderings;
  //   "modifier"        a one-word general noun that only modifies the next Korean noun
  //                     (해변 모래), which the English may render alone ("the sand");
  //   "partial"         the English of the bead is much shorter than its Korean;
  //   "unrelated"       the bead's English shares none of the numbers, Latin-script names
  //                     and other glossary terms of its Korean (another story);
  //   "low_confidence"  the bead's alignment is uncertain.
  std::string uncertain;
  std::vector<std::string> possible_renderings;  // as written, in text order
};

// Severity of each type, in body text, in headlines and when the finding is uncertain
// (Finding::uncertain); a level of nullopt switches the type off.
struct SeverityTable {
  std::array<std::optional<Severity>, finding_type_count> body{};
  std::array<std::optional<Severity>, finding_type_count> headline{};
  std::array<std::optional<Severity>, finding_type_count> uncertain{};

  // The defaults from src/check/data/severities.tsv.
  static SeverityTable defaults();
  // Applies "TYPE=LEVEL", "TYPE:headline=LEVEL" or "TYPE:uncertain=LEVEL" (LEVEL: info,
  // warning, error, off); throws UsageError naming what was expected.
  void apply(std::string_view setting);
  // An uncertain finding in a headline gets the lower of the two levels (off when either is).
  std::optional<Severity> of(FindingType t, bool headline_only, bool is_uncertain = false) const;
};

}  // namespace koterm::check
