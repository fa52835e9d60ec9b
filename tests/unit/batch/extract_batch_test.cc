#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "batch/run_extract_batch.h"
#include "batch/stats_file.h"
#include "common/error.h"

namespace koterm::batch {
namespace {

namespace fs = std::filesystem;
const std::string fixtures = std::string(KOTERM_FIXTURES) + "/batch/";

struct Result {
  int code = -1;
  std::string out;
  Diagnostics diags;
};

Result run(terms::ExtractRunOptions o, BatchOptions b = {}) {
  Result r;
  std::istringstream in;
  std::ostringstream out;
  r.code = run_extract_batch(o, b, in, out, r.diags, nullptr);
  r.out = out.str();
  return r;
}

terms::ExtractRunOptions manifest(const std::string& path) {
  terms::ExtractRunOptions o;
  o.manifest = path;
  return o;
}

std::string messages(const Diagnostics& d) {
  std::string s;
  for (const auto& x : d.items()) s += x.str() + "\n";
  return s;
}

TEST(ExtractBatch, OutputIsTheSameBytesWhateverTheThreadCount) {
  std::string one;
  for (unsigned t : {1u, 2u, 4u}) {
    BatchOptions b;
    b.threads = t;
    Result r = run(manifest(fixtures + "good.tsv"), b);
    EXPECT_EQ(r.code, 0);
    if (t == 1) {
      one = r.out;
      EXPECT_NE(one.find("ko: 국제원자력기구"), std::string::npos);
      EXPECT_NE(one.find("en: Sung Kim"), std::string::npos);
    }
    EXPECT_EQ(r.out, one) << t << " threads";
  }
}

TEST(ExtractBatch, SameGlossaryAsTheSerialExtraction) {
  terms::ExtractRunOptions o = manifest(fixtures + "good.tsv");
  std::istringstream in;
  std::ostringstream out;
  Diagnostics diags;
  terms::run_extract(o, in, out, diags);
  BatchOptions b;
  b.threads = 3;
  EXPECT_EQ(run(o, b).out, out.str());
}

TEST(ExtractBatch, ABrokenPairIsSkippedWithItsIdAndTheRestCompletes) {
  Result r = run(manifest(fixtures + "broken.tsv"));
  EXPECT_EQ(r.code, 1);
  std::string m = messages(r.diags);
  // The missing file is reported at its cell of the manifest, the line to fix.
  const std::string gone = fs::path(fixtures + "gone.ko.txt").lexically_normal().string();
  EXPECT_NE(m.find(fs::path(fixtures + "broken.tsv").string() + ":4:6: warning: Korean file " + gone +
                   ": no such file [article pair \"gone\" skipped]\n"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("warning: 1 of 5 article pair(s) skipped (listed above); the other 4 were extracted"),
            std::string::npos)
      << m;
  // The four good pairs give the glossary of the good manifest.
  EXPECT_EQ(r.out, run(manifest(fixtures + "good.tsv")).out);
}

class BrokenFolder : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::path(::testing::TempDir()) / ("koterm-batch-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const char* n : {"iaea", "peace", "envoy"}) {
      fs::copy_file(fixtures + n + ".ko.txt", dir / (std::string(n) + ".ko.txt"));
      fs::copy_file(fixtures + n + ".en.txt", dir / (std::string(n) + ".en.txt"));
    }
  }
  void TearDown() override { fs::remove_all(dir); }
  void write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir / name, std::ios::binary) << bytes;
  }
  fs::path dir;
};

TEST_F(BrokenFolder, BadEncodingAndAnEmptySideAreSkipped) {
  write("euc.ko.txt", "\xb1\xb9\xc1\xa6 \xbf\xf8\xc0\xda\xb7\xc2\n");
  write("euc.en.txt", "International atomic energy\n");
  write("empty.ko.txt", "국제원자력기구는 이란의 핵 시설을 사찰했다.\n");
  write("empty.en.txt", "");
  terms::ExtractRunOptions o;
  o.directory = dir.string();
  BatchOptions b;
  b.threads = 2;
  Result r = run(o, b);
  EXPECT_EQ(r.code, 1);
  std::string m = messages(r.diags);
  EXPECT_NE(m.find("[article pair \"euc\" skipped]"), std::string::npos) << m;
  EXPECT_NE(m.find("[article pair \"empty\" skipped]"), std::string::npos) << m;
  EXPECT_NE(m.find("2 of 5 article pair(s) skipped"), std::string::npos) << m;
  EXPECT_NE(r.out.find("ko: 국제원자력기구"), std::string::npos);
}

TEST_F(BrokenFolder, NothingReadableIsAnError) {
  terms::ExtractRunOptions o;
  o.pairs = {(dir / "iaea.ko.txt").string(), (dir / "nowhere.en.txt").string()};
  try {
    run(o);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), (dir / "iaea.ko.txt").string() +
                                         ": none of the 1 article pair(s) could be read; nothing was written; the first (\"" +
                                         (dir / "iaea.ko.txt").string() + "\"): " +
                                         (dir / "nowhere.en.txt").string() + ": no such file");
  }
}

TEST(ExtractBatch, ShardCountsMergeToTheCountsOfTheWholeRun) {
  const std::string tmp = ::testing::TempDir();
  BatchOptions whole;
  whole.stats_out = tmp + "/koterm-whole.stats";
  EXPECT_EQ(run(manifest(fixtures + "good.tsv"), whole).out, "");
  std::istringstream none;
  const std::string expected = stats_to_string(read_stats(whole.stats_out, none));
  for (std::size_t n : {2u, 3u, 4u}) {
    std::vector<std::string> parts;
    for (std::size_t i = n; i >= 1; --i) {  // any order
      BatchOptions b;
      b.shard = {i, n};
      b.stats_out = tmp + "/koterm-part-" + std::to_string(i) + ".stats";
      run(manifest(fixtures + "good.tsv"), b);
      parts.push_back(b.stats_out);
    }
    EXPECT_EQ(stats_to_string(merge_stats_files(parts, none)), expected) << n << " shards";
  }
}

void write_stats_file(const terms::Stats& st, const std::string& path) {
  std::ofstream f(path, std::ios::binary);
  f << stats_to_string(st);
}

// The three steps of a sharded run (docs/batch.md) with n shards, written to `tmp`:
// the glossary made from the merged counts and links.
std::string two_round_glossary(const std::string& tmp, std::size_t n) {
  std::istringstream none;
  const std::string tag = tmp + "/koterm-2r-" + std::to_string(n);
  std::vector<std::string> counts;
  for (std::size_t i = n; i >= 1; --i) {  // any order
    BatchOptions b;
    b.shard = {i, n};
    b.stats_out = tag + "-counts-" + std::to_string(i) + ".stats";
    EXPECT_EQ(run(manifest(fixtures + "good.tsv"), b).code, 0);
    counts.push_back(b.stats_out);
  }
  const std::string merged = tag + "-counts.stats";
  write_stats_file(merge_stats_files(counts, none), merged);
  std::vector<std::string> all{merged};
  for (std::size_t i = 1; i <= n; ++i) {
    terms::ExtractRunOptions o = manifest(fixtures + "good.tsv");
    o.from_stats = merged;
    BatchOptions b;
    b.shard = {i, n};
    b.stats_out = tag + "-links-" + std::to_string(i) + ".stats";
    EXPECT_EQ(run(o, b).code, 0);
    all.push_back(b.stats_out);
  }
  const std::string everything = tag + "-all.stats";
  write_stats_file(merge_stats_files(all, none), everything);
  terms::ExtractRunOptions last;
  last.from_stats = everything;
  return run(last).out;
}

TEST(ExtractBatch, TwoRoundShardsGiveTheSameGlossaryForAnySplit) {
  const std::string tmp = ::testing::TempDir();
  const std::string one = two_round_glossary(tmp, 1);
  EXPECT_NE(one.find("  - id: "), std::string::npos);
  EXPECT_EQ(one.find("examples:"), std::string::npos);  // no unit texts at the last step
  EXPECT_EQ(two_round_glossary(tmp, 2), one);
  EXPECT_EQ(two_round_glossary(tmp, 3), one);
  // The same entries as a run over the inputs in one go.
  auto ids = [](const std::string& yaml) {
    std::vector<std::string> out;
    std::istringstream lines(yaml);
    for (std::string l; std::getline(lines, l);)
      if (l.rfind("  - id: ", 0) == 0 || l.rfind("    ko: ", 0) == 0 || l.rfind("    en: ", 0) == 0)
        out.push_back(l);
    return out;
  };
  EXPECT_EQ(ids(one), ids(run(manifest(fixtures + "good.tsv")).out));
}

TEST(ExtractBatch, FromStatsRefusesTheWrongFile) {
  const std::string tmp = ::testing::TempDir();
  BatchOptions counts;
  counts.stats_out = tmp + "/koterm-fs-counts.stats";
  run(manifest(fixtures + "good.tsv"), counts);
  terms::ExtractRunOptions no_inputs;
  no_inputs.from_stats = counts.stats_out;
  try {
    run(no_inputs);
    FAIL() << "counts without links made a glossary";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("holds counts but no links"), std::string::npos) << e.what();
  }
  terms::ExtractRunOptions linked = manifest(fixtures + "good.tsv");
  linked.from_stats = counts.stats_out;
  BatchOptions links;
  links.stats_out = tmp + "/koterm-fs-links.stats";
  run(linked, links);
  linked.from_stats = links.stats_out;
  try {
    run(linked);
    FAIL() << "links were counted twice";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("holds links already"), std::string::npos) << e.what();
  }
}

TEST(ExtractBatch, AlignedShardsMergeToo) {
  const std::string terms_fixtures = std::string(KOTERM_FIXTURES) + "/terms/";
  terms::ExtractRunOptions o;
  o.aligned_ko = terms_fixtures + "small.ko.txt";
  o.aligned_en = terms_fixtures + "small.en.txt";
  const std::string tmp = ::testing::TempDir();
  BatchOptions whole;
  whole.stats_out = tmp + "/koterm-aligned-whole.stats";
  run(o, whole);
  std::vector<std::string> parts;
  for (std::size_t i = 1; i <= 3; ++i) {
    BatchOptions b;
    b.shard = {i, 3};
    b.stats_out = tmp + "/koterm-aligned-" + std::to_string(i) + ".stats";
    run(o, b);
    parts.push_back(b.stats_out);
  }
  std::istringstream none;
  EXPECT_EQ(stats_to_string(merge_stats_files(parts, none)),
            stats_to_string(read_stats(whole.stats_out, none)));
}

TEST(Shard, ParsesAndSlices) {
  Shard s = parse_shard("3/8");
  EXPECT_EQ(s.index, 3u);
  EXPECT_EQ(s.count, 8u);
  // Slices cover everything once.
  std::size_t covered = 0;
  for (std::size_t i = 1; i <= 8; ++i) {
    auto [b, e] = shard_range(101, {i, 8});
    EXPECT_EQ(b, covered);
    covered = e;
  }
  EXPECT_EQ(covered, 101u);
}

TEST(Shard, BadValuesAreUsageErrors) {
  for (const char* bad : {"3", "0/4", "5/4", "a/b", "1/0", "2/-3", ""}) {
    try {
      parse_shard(bad);
      FAIL() << bad;
    } catch (const UsageError& e) {
      EXPECT_EQ(std::string(e.what()),
                std::string("--shard takes I/N with 1 <= I <= N (the I-th of N shards, like 3/8); got \"") + bad + "\"");
    }
  }
}

TEST(BatchOptions, ValidateNamesTheProblem) {
  BatchOptions b;
  b.shard = {1, 2};
  try {
    b.validate();
    FAIL();
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()),
              "--shard needs --stats-out PART: a shard's counts are merged with koterm stats merge "
              "before the glossary is made");
  }
  BatchOptions t;
  t.threads = 5000;
  try {
    t.validate();
    FAIL();
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()), "--threads must be between 1 and 1024");
  }
}

TEST(ExtractBatch, StandardInputIsRefusedInABatch) {
  terms::ExtractRunOptions o;
  o.pairs = {"-", fixtures + "iaea.en.txt"};
  try {
    run(o);
    FAIL();
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()),
              "a batch run reads article files, not standard input (-); article pair \"-\"");
  }
}

}  // namespace
}  // namespace koterm::batch
