// The checks of `koterm check` on aligned article pairs:
//   deprecated    a deprecated or superseded glossary variant where a preferred form exists;
//   missing       a glossary term in the Korean with none of its accepted English forms in
//                 the aligned English (short forms and surname-only mentions accepted);
//   inconsistent  one Korean term rendered with different English forms in one article
//                 (or, without a glossary, across a batch), found without any glossary;
//   ambiguous     one English form used for two different Korean terms;
//   name          a Korean name spelt differently from the glossary or from its first mention.
//
//   std::vector<Article> articles = ...;       // load_article / split_aligned
//   Checker c(options, glossary_or_nullptr);
//   CheckResult r = c.run(articles);
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "batch/progress.h"
#include "check/finding.h"
#include "glossary/model.h"
#include "text/source.h"
#include "text/zones.h"

namespace koterm::check {

// One aligned unit: a bead of an article pair (or one line pair of a line-aligned corpus).
struct Unit {
  std::vector<text::Span> ko;   // sentences, into ko source normalized()
  std::vector<text::Span> en;   // sentences, into en source normalized()
  text::Zone zone = text::Zone::body;
  double confidence = 1.0;
};

// An article pair with its units. Several articles may share one pair of sources (the
// pseudo-articles of a line-aligned corpus).
struct Article {
  std::string id;
  std::shared_ptr<const text::SourceText> ko;
  std::shared_ptr<const text::SourceText> en;
  std::vector<Unit> units;
};

// Segments and aligns one article pair into units (boilerplate and one-sided beads dropped).
Article load_article(std::string id, std::shared_ptr<const text::SourceText> ko,
                     std::shared_ptr<const text::SourceText> en,
                     const glossary::Glossary* glossary);

// A line-aligned corpus cut into pseudo-articles of `lines_per_article` line pairs (0: one
// article). Throws InputError when the line counts differ.
std::vector<Article> split_aligned(std::shared_ptr<const text::SourceText> ko,
                                   std::shared_ptr<const text::SourceText> en,
                                   std::size_t lines_per_article);

struct CheckOptions {
  SeverityTable severities = SeverityTable::defaults();
  // Glossary entries with status "candidate" are checked for "missing" only at this score
  // or above (an extracted glossary holds uncertain pairs; approved entries always count).
  double min_candidate_score = 0.7;
  // ... and only when the extractor saw the pair at least this many times.
  std::size_t min_candidate_count = 2;
  // Renderings found without a glossary: a Korean term is considered when it has at least
  // this many Hangul syllables (shorter words are too general to have one rendering).
  std::size_t min_term_syllables = 4;
  // Beads below this alignment confidence are not checked.
  double min_bead_confidence = 0.3;
  // A "missing" rendering is uncertain (Finding::uncertain, a lower severity) on a bead
  // below this alignment confidence ...
  double uncertain_bead_confidence = 0.5;
  // ... or when the bead's English is shorter, relative to its Korean, than this share of
  // the article's English-to-Korean length ratio (a partial translation).
  double partial_length_ratio = 0.5;
  // ... or when the English of the bead before or after holds an accepted form, and either
  // more of them than its Korean mentions the term, or the content visibly moved: this bead's
  // English-to-Korean length ratio (relative to the article's) below moved_short_ratio and
  // the neighbour's above moved_long_ratio.
  double moved_short_ratio = 0.7;
  double moved_long_ratio = 1.1;
  // ... or when the bead's Korean holds at least this many anchors (numbers, capitalised
  // Latin-script words, other glossary terms) and its English under a quarter of them
  // (another story).
  std::size_t min_story_anchors = 3;
  // A spelling counts as a rendering of a Korean name at this names::match_name score.
  double min_name_score = 0.75;
  // Report terms rendered differently in different articles of a batch (no glossary).
  bool across_batch = true;
  // Run the term extractor (terms/) over the input first: an English phrase it links to
  // another Korean term is never taken as a rendering of this one.
  bool use_term_links = true;
  // Threads checking articles and linking terms (0: one per core); the findings are the
  // same for any number.
  unsigned threads = 1;

  // Throws UsageError naming the bad value.
  void validate() const;
};

// Where a term occurs, for highlighting: byte ranges in normalized() of one side.
struct Highlight {
  std::size_t article = 0;
  bool en_side = false;
  text::Span span;
  bool flagged = false;   // part of a finding
};

struct CheckResult {
  std::vector<Finding> findings;      // sorted: article, English line, column, type, term
  std::vector<Highlight> highlights;  // sorted, for the HTML report
};

class Checker {
 public:
  Checker(CheckOptions options, const glossary::Glossary* glossary);
  ~Checker();
  Checker(const Checker&) = delete;
  Checker& operator=(const Checker&) = delete;

  // `progress` (optional) hears of each article checked, in article order.
  CheckResult run(const std::vector<Article>& articles, batch::Progress* progress = nullptr) const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace koterm::check
