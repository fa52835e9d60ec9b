// `koterm align KO EN`: reads an article pair (segmented here, or one sentence per line with
// --presegmented), aligns it and writes the beads as beads, tsv, json or tmx.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "align/align.h"
#include "common/diagnostics.h"
#include "glossary/model.h"
#include "text/source.h"

namespace koterm::align {

enum class Format { beads, tsv, json, tmx };

// Parses "beads" / "tsv" / "json" / "tmx"; throws UsageError otherwise.
Format format_from(const std::string& name);

struct RunAlignOptions {
  std::string ko_path;             // "-" reads standard input (only one side may)
  std::string en_path;
  bool presegmented = false;       // one sentence per line; line k is sentence k
  std::string glossary_path;       // empty: none
  Format format = Format::beads;
  AlignOptions align;
  text::ReadLimits limits;

  // Throws UsageError naming the problem.
  void validate() const;
};

// A side of an article pair as the aligner sees it.
struct SideText {
  const text::SourceText* source = nullptr;
  std::vector<text::Span> spans;   // into source->normalized(), one per sentence
  std::vector<bool> boilerplate;   // per sentence
};

// One sentence per line (every line, blank ones marked as boilerplate).
SideText presegmented_side(const text::SourceText& source);
// Sentences from the segmenter; boilerplate, credit and byline zones are boilerplate.
SideText segmented_side(const text::SourceText& source, text::Lang lang);

// Writes `beads` in `format`. Low-confidence beads are flagged in every format.
void write_beads(const std::vector<Bead>& beads, const SideText& ko, const SideText& en,
                 Format format, std::ostream& out);

// Returns the exit code (0). Warnings (one side empty, low-confidence beads) go to `diags`.
int run_align(const RunAlignOptions& options, std::istream& in, std::ostream& out,
              Diagnostics& diags);

}  // namespace koterm::align
