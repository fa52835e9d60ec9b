// `koterm extract`: bilingual term extraction into a YAML glossary.
#pragma once

#include <functional>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "common/diagnostics.h"
#include "glossary/model.h"
#include "terms/aligned_reader.h"
#include "terms/extract.h"
#include "text/source.h"

namespace koterm::terms {

struct ExtractRunOptions {
  // Article pairs: KO EN [KO EN ...]; each pair is segmented and aligned first.
  std::vector<std::string> pairs;
  // TSV: id, Korean path, English path (paths relative to the manifest's folder).
  std::string manifest;
  // A folder of NAME.ko.txt + NAME.en.txt pairs.
  std::string directory;
  // A line-aligned corpus: line i of aligned_ko translates line i of aligned_en.
  std::string aligned_ko;
  std::string aligned_en;
  // A stats file (koterm stats merge) to start from instead of counting the inputs: the
  // inputs are then only linked against it; without inputs its links give the glossary.
  std::string from_stats;
  // -g: an existing glossary to update (its entries also count as evidence).
  std::string glossary_path;
  // -o: where the glossary goes ("" or "-": `out`; with -g and no -o the -g file is
  // rewritten). cli/ handles the file itself; this is only consulted for -g.
  std::string output_path;
  ExtractOptions extract;
  text::ReadLimits limits;

  // Exactly one kind of input, paired paths (or none with from_stats); throws UsageError.
  void validate() const;
  // Any article pair, manifest, folder or aligned corpus given.
  bool has_inputs() const {
    return !pairs.empty() || !manifest.empty() || !directory.empty() || !aligned_ko.empty();
  }
};

// Reads the inputs, extracts, and writes the glossary as YAML to `out`, or, with -g and no
// -o, saves the updated glossary to the -g file. Soft problems (skipped lines, articles
// without a counterpart) go to `diags`. Returns the exit code (0).
int run_extract(const ExtractRunOptions& options, std::istream& in, std::ostream& out,
                Diagnostics& diags);

// Adds the line pairs [begin, end) of `reader` to `x` as the units of one document, block
// by block (a blank line pair is left out; one with a blank side is skipped and counted).
// Calls done(n) after each block with the line pairs read so far. Returns the skipped count.
// With `read_ahead`, the next block is read on a thread of its own while this one is added
// (a run asked to use one thread leaves it out).
std::size_t add_aligned(Extractor& x, AlignedReader& reader, std::size_t begin, std::size_t end,
                        const std::function<void(std::size_t)>& done = {}, bool read_ahead = true);

// The extraction itself on already-open inputs (for tests): the glossary before any merge.
glossary::Glossary extract_aligned(const text::SourceText& ko, const text::SourceText& en,
                                   const ExtractOptions& options, Diagnostics& diags,
                                   const glossary::Glossary* given = nullptr);
glossary::Glossary extract_articles(const std::vector<std::pair<text::SourceText, text::SourceText>>& articles,
                                    const ExtractOptions& options, Diagnostics& diags,
                                    const glossary::Glossary* given = nullptr);

}  // namespace koterm::terms
