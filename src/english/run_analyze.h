// `koterm analyze`: the Korean eojeol analysis or the English tokens of one file, as TSV or
// JSON. It lives in english/ because it uses both analysers (korean/ comes before english/).
#pragma once

#include <iosfwd>
#include <string>

#include "common/diagnostics.h"
#include "text/source.h"

namespace koterm::english {

enum class AnalyzeFormat { tsv, json };

// Parses "tsv" / "json"; throws UsageError otherwise.
AnalyzeFormat analyze_format_from(const std::string& name);

struct AnalyzeOptions {
  std::string path;                 // the file; "-" reads `in`
  text::Lang lang = text::Lang::ko;
  AnalyzeFormat format = AnalyzeFormat::tsv;
  text::ReadLimits limits;
  // Throws UsageError when no file is given.
  void validate() const;
};

// Writes the analysis of options.path to `out`, every line of the file in order:
//   tsv, ko: one line per eojeol, "eojeol<TAB>stem<TAB>tail<TAB>tail_kind<TAB>key", the eojeol
//            as it stands in the file, stem, tail and key empty when there is none;
//   tsv, en: one line per token, "token<TAB>key<TAB>flags" (flags: word, cap, acronym, comma-joined);
//   json: {"path","lang","lines":[{"line","items":[{"text","byte_begin","byte_end",...}]}]}
//         with byte offsets into the original file.
// Returns the exit code (0).
int run_analyze(const AnalyzeOptions& options, std::istream& in, std::ostream& out, Diagnostics& diagnostics);

}  // namespace koterm::english
