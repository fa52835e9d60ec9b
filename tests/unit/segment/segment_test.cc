#include "segment/segment.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "segment/run_segment.h"
#include "segment/tables.h"

namespace koterm::segment {
namespace {

std::string read(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

TEST(Segment, KeepsEveryLineOfTheBundledKoreanExample) {
  const text::SourceText src = text::SourceText::from_bytes(
      "nk-envoy.ko.txt", read(std::string(KOTERM_SOURCE_DIR) + "/examples/nk-envoy.ko.txt"));
  const Document doc = segment(src, text::Lang::ko);
  std::size_t non_blank = 0;
  for (const text::Span& line : src.lines())
    if (line.byte_count() > 0) ++non_blank;
  ASSERT_EQ(doc.paragraphs.size(), non_blank);
  EXPECT_EQ(doc.paragraphs.front().zone, Zone::boilerplate);
  EXPECT_EQ(doc.paragraphs.back().zone, Zone::boilerplate);
  std::vector<Zone> zones;
  for (const Paragraph& p : doc.paragraphs) zones.push_back(p.zone);
  EXPECT_NE(std::find(zones.begin(), zones.end(), Zone::headline), zones.end());
  EXPECT_NE(std::find(zones.begin(), zones.end(), Zone::caption), zones.end());
  // Sentences tile their paragraphs in order.
  std::size_t next = 0;
  for (const Paragraph& p : doc.paragraphs) {
    EXPECT_EQ(p.first_sentence, next);
    EXPECT_GE(p.sentence_count, 1u);
    next += p.sentence_count;
  }
  EXPECT_EQ(next, doc.sentences.size());
}

TEST(Segment, MarksTheBylineButKeepsTheSentenceInTheBody) {
  const text::SourceText src = text::SourceText::from_bytes(
      "a.txt", "[아시아경제 최대열 기자] 성 김 대표는 24일 \"기대한다\"고 말했다. 이어 떠났다.\n");
  const Document doc = segment(src, text::Lang::ko);
  ASSERT_EQ(doc.paragraphs.size(), 1u);
  EXPECT_EQ(doc.paragraphs[0].zone, Zone::body);
  EXPECT_EQ(src.original_text(doc.paragraphs[0].byline), "[아시아경제 최대열 기자] ");
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.text(doc.sentences[0]),
            "[아시아경제 최대열 기자] 성 김 대표는 24일 \"기대한다\"고 말했다.");
}

TEST(Segment, GivesTheOriginalBytesOfANormalisedSentence) {
  // Full-width letters and digits are folded for analysis; the user sees their own text.
  const text::SourceText src = text::SourceText::from_bytes(
      "a.txt", "ＳＬＢＭ을 발사했다. 미국은 우려했다.\r\n");
  const Document doc = segment(src, text::Lang::ko);
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.text(doc.sentences[0]), "SLBM을 발사했다.");
  EXPECT_EQ(doc.original_text(doc.sentences[0]), "ＳＬＢＭ을 발사했다.");
  EXPECT_EQ(doc.original_text(doc.sentences[1]), "미국은 우려했다.");
}

TEST(Segment, OnlyBoilerplateIsStillKept) {
  const text::SourceText src = text::SourceText::from_bytes("a.txt", "Text Size\n\nClose\nTop\n");
  const Document doc = segment(src, text::Lang::en);
  ASSERT_EQ(doc.paragraphs.size(), 3u);
  EXPECT_EQ(doc.paragraphs[1].line, 3u);
  for (const Paragraph& p : doc.paragraphs) EXPECT_EQ(p.zone, Zone::boilerplate);
}

TEST(Segment, WithoutZonesEveryLineIsBodyAndSplit) {
  SegmentOptions o;
  o.detect_zones = false;
  const text::SourceText src =
      text::SourceText::from_bytes("a.txt", "Close\nThe first. The second.\n");
  const Document doc = segment(src, text::Lang::en, o);
  ASSERT_EQ(doc.paragraphs.size(), 2u);
  EXPECT_EQ(doc.paragraphs[0].zone, Zone::body);
  EXPECT_EQ(doc.paragraphs[1].sentence_count, 2u);
}

TEST(Segment, AHeadlineIsOneSentenceEvenWithAnEllipsis) {
  const text::SourceText src = text::SourceText::from_bytes(
      "a.txt", "Envoy \"Expects Cooperation... North Korea Must Come to Dialogue\"\nKim said so. He left.\n");
  const Document doc = segment(src, text::Lang::en);
  ASSERT_EQ(doc.paragraphs.size(), 2u);
  EXPECT_EQ(doc.paragraphs[0].zone, Zone::headline);
  EXPECT_EQ(doc.paragraphs[0].sentence_count, 1u);
  EXPECT_EQ(doc.paragraphs[1].sentence_count, 2u);
}

TEST(RunSegment, PrintsOneSentencePerLineAndABlankLineBetweenParagraphs) {
  RunSegmentOptions o;
  o.path = "-";
  o.lang = text::Lang::ko;
  std::istringstream in("닫기\n\n첫 문장이다. 둘째 문장이다.\n");
  std::ostringstream out;
  Diagnostics diags;
  EXPECT_EQ(run_segment(o, in, out, diags), 0);
  EXPECT_EQ(out.str(), "닫기\n\n첫 문장이다.\n둘째 문장이다.\n");
  EXPECT_TRUE(diags.empty());
}

TEST(RunSegment, JsonGivesZonesAndOriginalByteOffsets) {
  RunSegmentOptions o;
  o.path = "-";
  o.lang = text::Lang::en;
  o.format = OutputFormat::json;
  std::istringstream in("\xEF\xBB\xBFTop\nOne. Two.\n");
  std::ostringstream out;
  Diagnostics diags;
  run_segment(o, in, out, diags);
  const std::string json = out.str();
  EXPECT_NE(json.find("\"zone\": \"boilerplate\""), std::string::npos);
  // "Two." starts at byte 12 of the file: a 3-byte BOM, "Top\n", "One. ".
  EXPECT_NE(json.find("\"byte_begin\": 12,\n     \"byte_end\": 16,\n     \"text\": \"Two.\""),
            std::string::npos)
      << json;
}

TEST(RunSegment, WarnsWhenThereIsNoBodyText) {
  RunSegmentOptions o;
  o.path = "-";
  std::istringstream in("본문 바로가기\n맨 위로\n");
  std::ostringstream out;
  Diagnostics diags;
  run_segment(o, in, out, diags);
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].message,
            "no body text: every line is boilerplate, a headline, a caption, a credit or a byline");
}

TEST(RunSegment, RefusesAMissingFileName) {
  RunSegmentOptions o;
  try {
    o.validate();
    FAIL();
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "segment: no input file given (use - for standard input)");
  }
}

TEST(RunSegment, RefusesAnUnknownFormat) {
  try {
    output_format_from("xml");
    FAIL();
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "--format must be text or json, not \"xml\"");
  }
}

std::string tables_error(const std::string& abbr, const std::string& starters,
                         const std::string& quotes, const std::string& verbs,
                         const std::string& headline_endings = "") {
  try {
    parse_split_tables(abbr, starters, quotes, verbs, headline_endings);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(SplitTables, ReportBadRows) {
  EXPECT_EQ(tables_error("# c\nMr.\n", "", "", ""),
            "src/segment/data/abbreviations.tsv:2:1: expected 2 tab-separated fields; found \"Mr.\"");
  EXPECT_EQ(tables_error("Mr.\tname\n", "", "", ""),
            "src/segment/data/abbreviations.tsv: \"Mr.\": expected title or ordinary; found \"name\"");
  EXPECT_EQ(tables_error("", "The\tx\n", "", ""),
            "src/segment/data/sentence-starters.tsv:1:1: expected 1 tab-separated fields; found \"The\tx\"");
  EXPECT_EQ(tables_error("", "", "라고\tsome\n", ""),
            "src/segment/data/quote-particles-ko.tsv: \"라고\": expected whole or prefix; found \"some\"");
  EXPECT_EQ(tables_error("", "", "", "fr\tdit\twhole\n"),
            "src/segment/data/speech-verbs.tsv: \"dit\": expected language ko or en; found \"fr\"");
  EXPECT_EQ(tables_error("", "", "", "", "듯\twhole\n"),
            "src/segment/data/headline-endings-ko.tsv:1:1: expected 1 tab-separated fields; found \"듯\twhole\"");
}

TEST(SplitTables, BuiltInTablesLoad) {
  const SplitTables& t = default_split_tables();
  EXPECT_EQ(t.abbreviations.at("Mr."), AbbreviationKind::title);
  EXPECT_EQ(t.abbreviations.at("U.S."), AbbreviationKind::ordinary);
  EXPECT_TRUE(t.quote_endings_ko.matches("라고"));
  EXPECT_TRUE(t.speech_verbs_ko.matches("말했습니다"));
  EXPECT_FALSE(t.speech_verbs_en.matches("table"));
  EXPECT_EQ(t.headline_endings_ko.count("듯"), 1u);
}

}  // namespace
}  // namespace koterm::segment

namespace koterm::segment {
namespace {

TEST(Segment, ALineOfInvisibleSpacesIsStillOneSentence) {
  const text::SourceText src =
      text::SourceText::from_bytes("a.txt", "첫 문장이다.\n\xE2\x80\x8B\n둘째 문장이다.\n");
  const Document doc = segment(src, text::Lang::ko);
  ASSERT_EQ(doc.paragraphs.size(), 3u);
  EXPECT_EQ(doc.paragraphs[1].sentence_count, 1u);
  EXPECT_EQ(doc.sentences.size(), 3u);
}

}  // namespace
}  // namespace koterm::segment
