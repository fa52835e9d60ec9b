// `koterm extract` over many article pairs or a large aligned corpus: threads, progress,
// per-article fault isolation, and shards whose counts are written to a stats file.
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "batch/progress.h"
#include "batch/runner.h"
#include "common/diagnostics.h"
#include "terms/run_extract.h"
#include "text/inputs.h"

namespace koterm::batch {

// Shard I of N (1-based): the I-th of N contiguous, nearly equal slices of the article
// list (or of the line pairs of an aligned corpus).
struct Shard {
  std::size_t index = 1;
  std::size_t count = 1;
  bool whole() const { return count == 1; }
};

// Parses "I/N" (1 <= I <= N); throws UsageError.
Shard parse_shard(const std::string& text);

struct BatchOptions {
  // Worker threads reading, checking, segmenting and aligning article pairs (0: all cores).
  unsigned threads = 0;
  Shard shard;
  // With a path: write the counts of this shard there (stats file format) instead of a
  // glossary: its pass-1 counts, or with --from-stats (round 2) only its links.
  std::string stats_out;
  // Checks the values; throws UsageError.
  void validate() const;
};

// One slice [begin, end) of `count` items for `shard`.
std::pair<std::size_t, std::size_t> shard_range(std::size_t count, Shard shard);

// An article pair of a batch: its id, its two files and where it was listed.
using ArticleJob = text::ArticlePair;

// The article pairs of a run, with ids: manifest rows (id column), folder names (NAME of
// NAME.ko.txt) or the Korean path of KO EN pairs. A folder's Korean file without an
// English one is a warning in `diags` and not a job.
std::vector<ArticleJob> list_articles(const terms::ExtractRunOptions& options, std::istream& in,
                                      Diagnostics& diags);

// Extracts from the article pairs of `options` (manifest, folder or KO EN pairs) or its
// aligned corpus. A pair that cannot be read (missing file, bad encoding, empty or swapped
// side) is skipped with a warning naming its id; the rest completes, and a summary line
// follows. Writes the glossary to `out` (or, with -g and no -o, saves the -g file), or with
// stats_out only the counts of the shard. Returns 0, or 1 when some pairs were skipped;
// throws InputError when none could be read.
int run_extract_batch(const terms::ExtractRunOptions& options, const BatchOptions& batch,
                      std::istream& in, std::ostream& out, Diagnostics& diags,
                      Progress* progress);

}  // namespace koterm::batch
