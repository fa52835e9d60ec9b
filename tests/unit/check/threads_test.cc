// koterm check over a batch on several threads: the same report for any thread count, and a
// broken article pair of a manifest skipped with its id while the rest is checked.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "check/run_check.h"
#include "common/error.h"

namespace koterm::check {
namespace {

namespace fs = std::filesystem;

std::string read_all(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

void write(const fs::path& p, const std::string& text) {
  std::ofstream f(p, std::ios::binary);
  f << text;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
    s.replace(pos, from.size(), to);
  return s;
}

// A folder with a manifest of six article pairs: the bundled example, and copies of it whose
// English renders the envoy's title and the end-of-war declaration differently.
class CheckBatch : public ::testing::Test {
 protected:
  void SetUp() override {
    // One folder per process and test: ctest runs the tests of this fixture at once.
    dir_ = fs::temp_directory_path() /
           ("koterm-check-threads-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    const fs::path ex = fs::path(KOTERM_SOURCE_DIR) / "examples";
    const std::string ko = read_all(ex / "nk-envoy.ko.txt");
    const std::string en = read_all(ex / "nk-envoy.en.txt");
    std::ostringstream m;
    m << "id\tko\ten\n";
    for (int i = 0; i < 6; ++i) {
      std::string e = en;
      if (i % 3 == 1) e = replace_all(e, "Special Representative for North Korea", "Special Envoy for North Korea");
      if (i % 3 == 2) e = replace_all(e, "End-of-War Declaration", "end-of-war declaration");
      const std::string id = "a" + std::to_string(i);
      write(dir_ / (id + ".ko.txt"), ko);
      write(dir_ / (id + ".en.txt"), e);
      m << id << '\t' << id << ".ko.txt\t" << id << ".en.txt\n";
    }
    write(dir_ / "m.tsv", m.str());
  }
  void TearDown() override { fs::remove_all(dir_); }

  CheckRunOptions options(const std::string& manifest, unsigned threads) const {
    CheckRunOptions o;
    o.manifest = (dir_ / manifest).string();
    o.format = Format::json;
    o.check.threads = threads;
    for (const char* g : {"titles.yaml", "north-korea.yaml", "government.yaml"})
      o.glossary_paths.push_back((fs::path(KOTERM_SOURCE_DIR) / "glossaries" / g).string());
    return o;
  }

  fs::path dir_;
};

TEST_F(CheckBatch, ReportIsTheSameForAnyThreadCount) {
  for (bool glossaries : {true, false}) {
    std::string first;
    int first_code = -1;
    for (unsigned threads : {1u, 2u, 4u}) {
      CheckRunOptions o = options("m.tsv", threads);
      if (!glossaries) o.glossary_paths.clear();
      std::istringstream in;
      std::ostringstream out;
      Diagnostics d;
      int code = run_check(o, in, out, d);
      EXPECT_TRUE(d.empty());
      if (threads == 1) {
        first = out.str();
        first_code = code;
        // Something to compare: glossary findings in every article, or without glossaries
        // the batch-wide inconsistency.
        EXPECT_NE(first.find(glossaries ? "\"missing\"" : "(batch)"), std::string::npos) << first;
        continue;
      }
      EXPECT_EQ(code, first_code) << threads << " threads";
      EXPECT_EQ(out.str(), first) << threads << " threads";
    }
  }
}

TEST_F(CheckBatch, BrokenPairOfAManifestIsSkippedWithItsId) {
  std::string m = read_all(dir_ / "m.tsv");
  write(dir_ / "broken.tsv", m + "gone\tgone.ko.txt\tgone.en.txt\n");
  std::istringstream in;
  std::ostringstream whole, with_broken;
  Diagnostics d0, d;
  CheckRunOptions o = options("m.tsv", 2);
  o.fail_on = Severity::error;  // findings alone do not fail
  EXPECT_EQ(run_check(o, in, whole, d0), 0);
  o.manifest = (dir_ / "broken.tsv").string();
  EXPECT_EQ(run_check(o, in, with_broken, d), 1);
  EXPECT_EQ(with_broken.str(), whole.str());
  ASSERT_EQ(d.items().size(), 2u);
  const std::string& skipped = d.items()[0].message;
  EXPECT_EQ(skipped.substr(skipped.size() - 30), " [article pair \"gone\" skipped]");
  EXPECT_EQ(d.items()[1].message,
            "1 of 7 article pair(s) skipped (listed above); the other 6 were checked");
}

TEST_F(CheckBatch, ManifestOfOnlyBrokenPairsIsAnInputError) {
  write(dir_ / "none.tsv", "x\tx.ko.txt\tx.en.txt\n");
  std::istringstream in;
  std::ostringstream out;
  Diagnostics d;
  CheckRunOptions o = options("none.tsv", 2);
  try {
    run_check(o, in, out, d);
    ADD_FAILURE() << "no error";
  } catch (const InputError& e) {
    const std::string what = e.what();
    const std::string start = o.manifest + ": none of the 1 article pair(s) could be read; the first (\"x\"): ";
    EXPECT_EQ(what.substr(0, start.size()), start);
  }
}

TEST(RunCheck, RejectsTooManyThreadsWithItsText) {
  CheckRunOptions o;
  o.pairs = {"a.ko.txt", "a.en.txt"};
  o.check.threads = 5000;
  try {
    o.validate();
    ADD_FAILURE() << "no error";
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()), "--threads must be between 1 and 1024");
  }
}

}  // namespace
}  // namespace koterm::check
