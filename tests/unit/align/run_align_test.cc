#include "align/run_align.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "common/error.h"

namespace koterm::align {
namespace {

using ::testing::HasSubstr;

const std::string k_dir = std::string(KOTERM_FIXTURES) + "/align/";

std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

RunAlignOptions small(Format format) {
  RunAlignOptions o;
  o.ko_path = k_dir + "small.ko";
  o.en_path = k_dir + "small.en";
  o.presegmented = true;
  o.format = format;
  return o;
}

std::string run(const RunAlignOptions& o, Diagnostics& diags, const std::string& input = "") {
  std::istringstream in(input);
  std::ostringstream out;
  EXPECT_EQ(run_align(o, in, out, diags), 0);
  return out.str();
}

TEST(RunAlign, BeadsFormatIsWhatTheScorerReads) {
  Diagnostics diags;
  EXPECT_EQ(run(small(Format::beads), diags), slurp(k_dir + "small.beads"));
  EXPECT_TRUE(diags.empty());
}

TEST(RunAlign, TsvHasConfidenceAndTexts) {
  Diagnostics diags;
  std::string out = run(small(Format::tsv), diags);
  std::istringstream lines(out);
  std::string header, first;
  std::getline(lines, header);
  std::getline(lines, first);
  EXPECT_EQ(header, "ko\ten\tconfidence\tflag\tko_text\ten_text");
  EXPECT_THAT(first, ::testing::StartsWith("0\t0\t0.9"));
  EXPECT_THAT(first, HasSubstr("\t\t북한이 24일"));
  EXPECT_THAT(first, HasSubstr("\tNorth Korea fired"));
  EXPECT_THAT(out, HasSubstr("4,5\t3\t"));
  EXPECT_THAT(out, HasSubstr("국방부는 올해 국방 예산으로 1억1천만 달러를 추가 배정했다. 한미 양국은"));
}

TEST(RunAlign, JsonHasOffsetsIntoTheOriginalFiles) {
  Diagnostics diags;
  auto j = nlohmann::json::parse(run(small(Format::json), diags));
  ASSERT_EQ(j["beads"].size(), 6U);
  const auto& b = j["beads"][2];
  EXPECT_EQ(b["ko"], nlohmann::json::array({2}));
  EXPECT_EQ(b["en"], nlohmann::json::array({1}));
  EXPECT_GE(b["confidence"].get<double>(), 0.5);
  EXPECT_EQ(b["low_confidence"], false);
  std::string ko = slurp(k_dir + "small.ko");
  auto begin = b["ko_spans"][0]["byte_begin"].get<std::size_t>();
  auto end = b["ko_spans"][0]["byte_end"].get<std::size_t>();
  EXPECT_EQ(ko.substr(begin, end - begin), b["ko_text"].get<std::string>());
  EXPECT_EQ(j["beads"][1]["en"], nlohmann::json::array());
}

TEST(RunAlign, TmxHasOneUnitPerTwoSidedBead) {
  Diagnostics diags;
  std::string out = run(small(Format::tmx), diags);
  EXPECT_THAT(out, HasSubstr("<tmx version=\"1.4\">"));
  EXPECT_THAT(out, HasSubstr("srclang=\"ko\""));
  EXPECT_THAT(out, HasSubstr("<tuv xml:lang=\"ko\">"));
  EXPECT_THAT(out, HasSubstr("<seg>The government convened an emergency meeting of the National Security Council (NSC).</seg>"));
  std::size_t units = 0;
  for (std::size_t at = out.find("<tu>"); at != std::string::npos; at = out.find("<tu>", at + 1)) ++units;
  EXPECT_EQ(units, 4U);
  EXPECT_THAT(out, ::testing::Not(HasSubstr("Photo by Yonhap")));
}

TEST(RunAlign, LowConfidenceBeadsAreFlaggedAndReported) {
  RunAlignOptions o = small(Format::beads);
  o.align.min_confidence = 1.0;  // every bead is below it
  Diagnostics diags;
  std::string out = run(o, diags);
  EXPECT_THAT(out, HasSubstr("0\t0\tlow\n"));
  ASSERT_FALSE(diags.empty());
  EXPECT_THAT(diags.items()[0].str(), HasSubstr("small.ko:1:1: warning: low-confidence bead (0."));
  EXPECT_THAT(diags.items()[0].str(), HasSubstr("): ko [0] en [0]"));
  o.format = Format::tsv;
  EXPECT_THAT(run(o, diags), HasSubstr("\tlow\t"));
  o.format = Format::json;
  EXPECT_THAT(run(o, diags), HasSubstr("\"low_confidence\": true"));
  o.format = Format::tmx;
  EXPECT_THAT(run(o, diags), HasSubstr("<prop type=\"x-low-confidence\">yes</prop>"));
}

TEST(RunAlign, EmptySideWarnsAndLeavesTheOtherUnaligned) {
  RunAlignOptions o = small(Format::beads);
  o.en_path = "-";
  Diagnostics diags;
  std::string out = run(o, diags, "");
  EXPECT_EQ(out, "0\t\n1\t\n2\t\n3\t\n4\t\n5\t\n");
  ASSERT_EQ(diags.items().size(), 1U);
  EXPECT_EQ(diags.items()[0].str(), "<stdin>: warning: no sentences; every sentence of the other file is left unaligned");
}

TEST(RunAlign, BlankPresegmentedLinesKeepTheirIndex) {
  RunAlignOptions o = small(Format::beads);
  o.en_path = "-";
  Diagnostics diags;
  std::string out = run(o, diags, "\nNorth Korea fired two ballistic missiles on the 24th.\n");
  EXPECT_THAT(out, ::testing::StartsWith("\t0\n0\t1\n"));
}

TEST(RunAlign, UsageErrorsNameTheProblem) {
  RunAlignOptions o = small(Format::beads);
  o.ko_path = "-";
  o.en_path = "-";
  Diagnostics diags;
  std::istringstream in;
  std::ostringstream out;
  try {
    run_align(o, in, out, diags);
    FAIL() << "expected a UsageError";
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "only one of KO and EN can be standard input (\"-\")");
  }
  o.ko_path = "";
  try {
    run_align(o, in, out, diags);
    FAIL() << "expected a UsageError";
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "align needs two files, the Korean article and its English translation");
  }
  try {
    format_from("xml");
    FAIL() << "expected a UsageError";
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "--format must be beads, tsv, json or tmx; found \"xml\"");
  }
  EXPECT_EQ(format_from("tmx"), Format::tmx);
}

TEST(RunAlign, MissingFileIsAnInputError) {
  RunAlignOptions o = small(Format::beads);
  o.en_path = k_dir + "no-such-file.en";
  Diagnostics diags;
  std::istringstream in;
  std::ostringstream out;
  EXPECT_THROW(run_align(o, in, out, diags), InputError);
}

}  // namespace
}  // namespace koterm::align
