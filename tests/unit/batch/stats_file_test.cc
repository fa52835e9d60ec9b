#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "batch/stats_file.h"
#include "common/error.h"
#include "terms/extract.h"
#include "text/source.h"

namespace koterm::batch {
namespace {

const std::string fixtures = std::string(KOTERM_FIXTURES) + "/terms/";

std::vector<std::string> lines_of(const std::string& path) {
  std::ifstream f(path);
  std::vector<std::string> out;
  for (std::string l; std::getline(f, l);) out.push_back(l);
  return out;
}

// Pass-1 counts of lines [begin, end) of the small aligned corpus; with `link`, pass 2 too.
terms::Stats count_lines(std::size_t begin, std::size_t end, bool link = false) {
  static const std::vector<std::string> ko = lines_of(fixtures + "small.ko.txt");
  static const std::vector<std::string> en = lines_of(fixtures + "small.en.txt");
  terms::Extractor x(terms::ExtractOptions{});
  std::uint32_t doc = x.add_document("small.ko.txt", "small.en.txt");
  for (std::size_t i = begin; i < end && i < ko.size(); ++i)
    x.add_unit({ko[i], en[i], doc, static_cast<std::uint32_t>(i + 1), static_cast<std::uint32_t>(i + 1),
                terms::UnitZone::body});
  if (link) x.finish();
  terms::Stats copy;
  copy.merge(x.stats());
  return copy;
}

TEST(StatsFile, RoundTripsToTheSameBytes) {
  for (bool link : {false, true}) {
    terms::Stats s = count_lines(0, 11, link);
    std::string text = stats_to_string(s);
    EXPECT_EQ(text.substr(0, 15), "koterm-stats\t1\n");
    EXPECT_NE(text.find("국제원자력기구\t"), std::string::npos);
    EXPECT_NE(text.find("\nInternational Atomic Energy Agency\t"), std::string::npos);
    EXPECT_EQ(text.find("\nlinks\t0\n") == std::string::npos, link);
    terms::Stats back = parse_stats("all.stats", text);
    EXPECT_EQ(stats_to_string(back), text);
    EXPECT_EQ(back.units, 11u);
  }
}

TEST(StatsFile, MergingShardsGivesTheCountsOfTheWholeInAnyOrderAndGrouping) {
  const std::string whole = stats_to_string(count_lines(0, 11));
  const std::vector<std::vector<std::pair<std::size_t, std::size_t>>> splits = {
      {{0, 11}}, {{0, 5}, {5, 11}}, {{0, 3}, {3, 4}, {4, 11}}, {{0, 1}, {1, 2}, {2, 9}, {9, 11}}};
  for (const auto& split : splits) {
    std::vector<std::string> parts;
    for (auto [b, e] : split) parts.push_back(stats_to_string(count_lines(b, e)));
    // Left to right, right to left, and parts merged in pairs first.
    terms::Stats forward, backward;
    for (const auto& p : parts) forward.merge(parse_stats("part", p));
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) backward.merge(parse_stats("part", *it));
    EXPECT_EQ(stats_to_string(forward), whole);
    EXPECT_EQ(stats_to_string(backward), whole);
    if (parts.size() >= 3) {
      terms::Stats tail;
      for (std::size_t i = 1; i < parts.size(); ++i) tail.merge(parse_stats("part", parts[i]));
      terms::Stats grouped = parse_stats("part", stats_to_string(tail));
      grouped.merge(parse_stats("part", parts[0]));
      EXPECT_EQ(stats_to_string(grouped), whole);
    }
  }
}

TEST(StatsFile, StringsWithTabsNewlinesAndBackslashesSurvive) {
  terms::Stats s;
  s.ko_count[s.intern_ko("탭\t안")] += 1;
  s.en_count[s.intern_en("a\\b\nc")] += 2;
  s.units = 1;
  std::string text = stats_to_string(s);
  EXPECT_NE(text.find("탭\\t안\t1\n"), std::string::npos);
  EXPECT_NE(text.find("a\\\\b\\nc\t2\n"), std::string::npos);
  terms::Stats back = parse_stats("x.stats", text);
  EXPECT_EQ(back.ko.str(0), "탭\t안");
  EXPECT_EQ(back.en.str(0), "a\\b\nc");
}

TEST(StatsFile, MergeFilesReadsEveryPart) {
  std::string dir = ::testing::TempDir();
  std::string a = dir + "/koterm-batch-a.stats", b = dir + "/koterm-batch-b.stats";
  std::ofstream(a) << stats_to_string(count_lines(0, 6));
  std::ofstream(b) << stats_to_string(count_lines(6, 11));
  std::istringstream none;
  EXPECT_EQ(stats_to_string(merge_stats_files({b, a}, none)), stats_to_string(count_lines(0, 11)));
}

std::string error_of(const std::string& text) {
  try {
    parse_stats("part-2.stats", text);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

const std::string good =
    "koterm-stats\t1\nunits\t2\nko\t2\n국방부\t2\n통일부\t1\nsurface\t1\n통일부\nen\t1\n"
    "Defense Ministry\t2\npairs\t1\n0\t0\t2\nspellings\t1\n1\t0\t1\nglosses\t0\n"
    "links\t1\n0\t0\t2\t1\t2\t1\t0\t0.75\nend\n";

TEST(StatsFileErrors, TheGoodSampleParses) {
  terms::Stats s = parse_stats("good.stats", good);
  EXPECT_EQ(stats_to_string(s), good);
}

TEST(StatsFileErrors, EveryMessageNamesPathLineAndByteOffset) {
  struct Case {
    std::string text;
    std::string message;
  };
  auto replace = [](std::string s, const std::string& from, const std::string& to) {
    return s.replace(s.find(from), from.size(), to);
  };
  const std::vector<Case> cases = {
      {"id\tko\ten\n",
       "part-2.stats:1:1: not a koterm stats file: expected the header \"koterm-stats<TAB>1\"; "
       "found \"id\tko\ten\"; hint: stats files are written by koterm extract --stats-out (byte offset 0)"},
      {replace(good, "koterm-stats\t1", "koterm-stats\t2"),
       "part-2.stats:1:14: stats format version 2 is not supported; this koterm reads version 1 "
       "(write the parts again with this koterm) (byte offset 13)"},
      {good.substr(0, good.find("links")),
       "part-2.stats:15:1: the file ends where the \"links\" section was expected; the stats file is "
       "truncated (was its writer stopped?) (byte offset 138)"},
      {replace(good, "units\t2", "units\tzwei"),
       "part-2.stats:2:7: expected a whole number; found \"zwei\" (byte offset 21)"},
      {replace(good, "국방부\t2", "국방부"),
       "part-2.stats:4:1: expected 2 TAB-separated fields in Korean keys; found 1 (byte offset 28)"},
      {replace(good, "국방부\t2\n통일부\t1", "통일부\t2\n국방부\t1"),
       "part-2.stats:5:1: Korean keys are not in sorted order or repeat \"국방부\"; the file was "
       "changed by hand or is damaged (byte offset 40)"},
      {replace(good, "pairs\t1\n0\t0", "pairs\t1\n0\t7"),
       "part-2.stats:11:3: the number 7 is out of range (at most 0) (byte offset 106)"},
      {replace(good, "surface\t1", "surfaces\t1"),
       "part-2.stats:6:1: expected the \"surface\" section; found \"surfaces\" (byte offset 52)"},
      {replace(good, "0.75", "viel"),
       "part-2.stats:16:15: expected a score (a non-negative decimal number); found \"viel\" (byte offset 160)"},
      {replace(good, "Defense Ministry", "Defense\\x"),
       "part-2.stats:9:8: a backslash must be followed by \\, t or n (byte offset 84)"},
      {replace(good, "links\t1", "links\t0"),
       "part-2.stats:16:1: expected the \"end\" line; found \"0\t0\t2\t1\t2\t1\t0\t0.75\"; a section holds "
       "more rows than its header says (byte offset 146)"},
      {good + "extra\n", "part-2.stats:18:1: unexpected data after the \"end\" line (byte offset 169)"},
  };
  for (const Case& c : cases) EXPECT_EQ(error_of(c.text), c.message) << c.text;
}

TEST(StatsFileErrors, AMissingPartNamesItsPath) {
  std::istringstream none;
  try {
    merge_stats_files({"no-such-part.stats"}, none);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.pos().path, "no-such-part.stats");
  }
}

}  // namespace
}  // namespace koterm::batch
