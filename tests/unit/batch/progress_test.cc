#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "batch/run_extract_batch.h"
#include "cli/progress.h"
#include "common/error.h"

namespace koterm::cli {
namespace {

TEST(StderrProgress, ATerminalGetsABarThatEndsWithANewline) {
  std::ostringstream err;
  StderrProgress p(err, true, "article pairs");
  p.start(4);
  for (std::size_t i = 1; i <= 4; ++i) p.advance(i, i >= 3 ? 1 : 0);
  p.finish(4, 1);
  std::string s = err.str();
  // The last redraw: a full bar, the counts, the skipped pairs and the elapsed time.
  std::size_t last = s.rfind('\r');
  ASSERT_NE(last, std::string::npos);
  std::string line = s.substr(last + 1);
  const std::string head = "[##############################] 4/4 article pairs, 1 skipped, ";
  EXPECT_EQ(line.substr(0, head.size()), head);
  EXPECT_NE(line.find(" elapsed\x1b[K\n"), std::string::npos) << line;
}

TEST(StderrProgress, AShortRunPrintsNothingWhenNotATerminal) {
  std::ostringstream err;
  StderrProgress p(err, false, "line pairs");
  p.start(3);
  for (std::size_t i = 1; i <= 3; ++i) p.advance(i, 0);
  p.finish(3, 0);
  EXPECT_EQ(err.str(), "");
}

TEST(ExtractBatchOptions, StatsOutAndOutputTogetherAreAUsageError) {
  terms::ExtractRunOptions o;
  o.manifest = std::string(KOTERM_FIXTURES) + "/batch/good.tsv";
  o.output_path = "terms.yaml";
  batch::BatchOptions b;
  b.stats_out = "part.stats";
  std::istringstream in;
  std::ostringstream out;
  Diagnostics diags;
  try {
    batch::run_extract_batch(o, b, in, out, diags, nullptr);
    FAIL();
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()), "--stats-out writes counts, not a glossary; leave out -o (or --stats-out)");
  }
}

}  // namespace
}  // namespace koterm::cli
