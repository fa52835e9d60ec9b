// `koterm names`: romanisation candidates for a Korean name, or scores of given English
// spellings against a Hangul name or transliteration.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

#include "common/diagnostics.h"
#include "names/names.h"

namespace koterm::names {

enum class NamesKind { automatic, korean, loanword };

// Parses "auto" / "korean" / "loanword"; throws UsageError otherwise.
NamesKind names_kind_from(const std::string& name);

struct RunNamesOptions {
  std::string hangul;                // the Korean name or transliteration
  std::vector<std::string> english;  // spellings to score; empty: print candidates
  std::size_t max = 20;              // candidates printed when `english` is empty
  NamesKind kind = NamesKind::automatic;
  // Throws UsageError when `hangul` is empty or not Hangul, or max is 0.
  void validate() const;
};

// No English given: the candidates, best first, one per line (for a Korean name: customary
// spellings; otherwise the Revised Romanization and McCune-Reischauer forms).
// English given: "spelling<TAB>score" per spelling, score with three decimals, best first,
// ties in input order. Returns the exit code (0).
int run_names(const RunNamesOptions& options, std::istream& in, std::ostream& out,
              Diagnostics& diagnostics);

}  // namespace koterm::names
