// `koterm segment`: paragraphs and sentences of one file, as text or JSON.
#pragma once

#include <iosfwd>
#include <string>

#include "common/diagnostics.h"
#include "segment/segment.h"

namespace koterm::segment {

enum class OutputFormat { text, json };

// Parses "text" / "json"; throws UsageError otherwise.
OutputFormat output_format_from(const std::string& name);

struct RunSegmentOptions {
  std::string path;                        // the file; "-" reads `in`
  text::Lang lang = text::Lang::ko;
  OutputFormat format = OutputFormat::text;
  text::ReadLimits limits;
  SegmentOptions segment;
  // Throws UsageError when no file is given.
  void validate() const;
};

// Writes the segmentation of options.path to `out`:
//   text: one sentence per line as it stands in the file, a blank line between paragraphs
//         (every non-blank input line is a paragraph, boilerplate included);
//   json: {"path","lang","paragraphs":[{"line","zone","byte_begin","byte_end","text",
//         ["byline":{...}],"sentences":[{"zone","line","col","byte_begin","byte_end","text"}]}]}
//         with byte offsets into the original file.
// A file without body text gets a warning. Returns the exit code (0).
int run_segment(const RunSegmentOptions& options, std::istream& in, std::ostream& out,
                Diagnostics& diagnostics);

}  // namespace koterm::segment
