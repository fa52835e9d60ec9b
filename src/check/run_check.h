// `koterm check`: reads article pairs (KO EN pairs, a manifest, a folder or a line-aligned
// corpus) and a glossary if given, runs the checks and writes the findings.
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "batch/progress.h"
#include "check/check.h"
#include "check/report.h"
#include "common/diagnostics.h"
#include "text/source.h"

namespace koterm::check {

struct CheckRunOptions {
  std::vector<std::string> pairs;          // KO EN [KO EN ...]
  std::string manifest;                    // TSV: id, Korean path, English path
  std::string directory;                   // NAME.ko.txt + NAME.en.txt
  std::string aligned_ko, aligned_en;      // a line-aligned corpus
  std::size_t article_lines = 0;           // --aligned: line pairs per article (0: one article)
  std::vector<std::string> glossary_paths; // -g, repeatable: their entries are concatenated
  Format format = Format::text;
  Severity fail_on = Severity::warning;    // exit 1 when a finding is at least this severe
  bool color = false;                      // ANSI colours in text output
  CheckOptions check;
  text::ReadLimits limits;

  // Exactly one kind of input, paired paths; throws UsageError.
  void validate() const;
};

// Returns 0 when no finding reaches `fail_on` and every article pair was read, 1 otherwise.
// Article pairs are read and aligned, then checked, on options.check.threads threads (the
// output is the same for any number). A pair of a manifest or a folder that cannot be read
// is a warning naming its id and is skipped; one named on the command line is an InputError.
// `reading` and `checking` (optional) hear how far the two passes are.
int run_check(const CheckRunOptions& options, std::istream& in, std::ostream& out,
              Diagnostics& diags, batch::Progress* reading = nullptr,
              batch::Progress* checking = nullptr);

}  // namespace koterm::check
