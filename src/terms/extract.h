// Term extraction over aligned units (sentence pairs, or the Korean and English sides of an
// alignment bead): candidates on both sides, co-occurrence counts over the whole input
// (Stats, pass 1), competitive linking inside every unit with association and single-article
// evidence (pass 2), then one glossary entry per Korean term with all of its English
// renderings as variants.
//
//   Extractor x(options);
//   auto doc = x.add_document("a.ko.txt", "a.en.txt");
//   x.add_unit({ko_sentence, en_sentence, doc, ko_line, en_line, UnitZone::body});
//   ...
//   glossary::Glossary g = x.finish();
//
// add_unit copies the strings it is given; pass 1 counts units in blocks and hands them to a
// spill (memory, then a temporary file) that pass 2 reads back, so memory is bounded by the
// vocabulary, the pairs counted and a block of units, not by the number of units.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "glossary/model.h"
#include "terms/candidates.h"
#include "terms/stats.h"

namespace koterm::terms {

struct ExtractOptions {
  CandidateLimits limits;
  // A pair is linked inside a unit only at this score or above.
  double min_link_score = 0.08;
  // An entry is written only at this calibrated score or above.
  double min_entry_score = 0.25;
  // A variant is kept only at this confidence of its own or above (or with evidence).
  double min_variant_score = 0.2;
  // Diagnosis: every linked pair becomes a variant, whatever its counts (--all-links).
  bool keep_all_links = false;
  // Examples per entry.
  std::size_t max_examples = 2;
  // Threads of both passes (the result is the same for any number); with one, nothing runs
  // on another thread.
  std::size_t threads = 1;
  // Units each thread links per block before the block's decisions are counted (memory
  // for pending decisions against thread start-up cost).
  std::size_t link_block = 4096;
  // Bytes of counted units (texts, candidates) kept in memory for pass 2; beyond that they
  // wait in an unnamed temporary file ($TMPDIR, else /tmp), so that memory does not grow
  // with the corpus. 0: every block goes to the file.
  std::size_t spill_memory = std::size_t{64} << 20;
  // Checks the values; throws UsageError naming the bad one.
  void validate() const;
};

struct Unit {
  std::string_view ko;
  std::string_view en;
  std::uint32_t doc = 0;      // from add_document
  std::uint32_t ko_line = 0;  // 1-based line of the Korean sentence (0: unknown)
  std::uint32_t en_line = 0;
  UnitZone zone = UnitZone::body;
};

class Extractor {
 public:
  explicit Extractor(ExtractOptions options, const glossary::Glossary* given = nullptr);
  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // A new article (or corpus): first mentions are counted per document, examples name its
  // paths. Returns its index for Unit::doc.
  std::uint32_t add_document(std::string ko_path, std::string en_path);
  // Pass 1 on one unit: candidates and co-occurrence counts.
  void add_unit(const Unit& unit);
  // Pass 2 and clustering.
  glossary::Glossary finish();

  // Sharded runs in two rounds (see docs/batch.md). Round 1 counts every shard (stats()) and
  // the counts are merged. Round 2 gives each shard the merged counts with use_counts()
  // before its add_unit() calls, so that its units are linked against the whole corpus,
  // and link_counts() returns only the links of the shard (strings and pass-2 counts; the
  // pass-1 counts are zero, so that merging them with the counts adds up). Finally an
  // Extractor given the merged counts and links with use_counts() and no units builds the
  // glossary with finish() (entries then carry no example sentences).
  void use_counts(Stats counts);
  Stats link_counts();

  const Stats& stats() const;

  // Diagnosis: called with one line per link decision (unit, pair, score) during finish().
  void set_trace(std::function<void(std::string_view)> trace);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace koterm::terms
