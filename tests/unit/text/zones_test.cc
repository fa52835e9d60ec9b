#include "text/zones.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace koterm::text {
namespace {

std::vector<std::string> zones_of(const std::string& text) {
  SourceText s = SourceText::from_bytes("a.txt", text);
  std::vector<std::string> out;
  for (const LineZone& z : classify_zones(s)) out.push_back(z.blank() ? "-" : zone_name(z.zone));
  return out;
}

TEST(Zones, TellsTheLinesOfAScrapedKoreanArticleApart) {
  const std::string text =
      "본문 바로가기\n글자크기\n\n닫기\n"
      "美 대북특별대표 \"종전선언 포함 韓과 협력 기대…北, 대화 나와야\"\n"
      "성 김 美 대북특별대표, 노규덕 본부장과 비공개 회동\n"
      "노규덕 본부장과 성 김 대표가 24일 협의를 하고 있다. 사진=공동취재단\n"
      "[아시아경제 최대열 기자] 성 김 대표는 24일 \"협력하기를 기대한다\"고 말했다.\n"
      "김 대표는 이날 회동한 뒤 이같이 밝혔다.\n"
      "<저작권자ⓒ 아시아경제 무단전재 배포금지>\n"
      "맨 위로\n";
  EXPECT_EQ(zones_of(text),
            (std::vector<std::string>{"boilerplate", "boilerplate", "-", "boilerplate", "headline",
                                      "subheadline", "caption", "body", "body", "boilerplate",
                                      "boilerplate"}));
}

TEST(Zones, TellsTheLinesOfAScrapedEnglishArticleApart) {
  const std::string text =
      "bar_progress\nText Size\nClose\n"
      "US Envoy \"Looks Forward to Cooperation... North Korea Should Come to Talks\"\n"
      "Sung Kim Meets Privately with Noh Kyu-duk\n"
      "Noh Kyu-duk and Sung Kim hold talks in Seoul on the 24th. Photo by Joint Press Corps\n"
      "[Asia Economy Reporter Choi Dae-yeol] Sung Kim said on the 24th, \"We look forward.\"\n"
      "© Asia Economy. All rights reserved.\n"
      "Special Coverage\nJoin us on social!\nTop\n";
  EXPECT_EQ(zones_of(text),
            (std::vector<std::string>{"boilerplate", "boilerplate", "boilerplate", "headline",
                                      "subheadline", "caption", "body", "boilerplate",
                                      "boilerplate", "boilerplate", "boilerplate"}));
}

TEST(Zones, MarksABylineThatOpensTheFirstBodyLine) {
  SourceText s = SourceText::from_bytes(
      "a.txt", "[아시아경제 최대열 기자] 성 김 대표는 24일 말했다.\n(Seoul=Yonhap) -- Kim said so.\n");
  auto zones = classify_zones(s);
  ASSERT_EQ(zones.size(), 2u);
  EXPECT_EQ(zones[0].zone, Zone::body);
  EXPECT_EQ(s.normalized().substr(zones[0].byline.byte_begin, zones[0].byline.byte_count()),
            "[아시아경제 최대열 기자] ");
  EXPECT_EQ(s.normalized().substr(zones[1].byline.byte_begin, zones[1].byline.byte_count()),
            "(Seoul=Yonhap) -- ");
}

TEST(Zones, KnowsCreditAndBylineLines) {
  EXPECT_EQ(zones_of("기사 본문이다.\n사진=연합뉴스\n김민준 기자 mjkim@example.com\nBy Choi Dae-yeol\n"),
            (std::vector<std::string>{"body", "credit", "byline", "byline"}));
}

TEST(Zones, ABodySentenceAboutCopyrightIsNotBoilerplate) {
  EXPECT_EQ(zones_of("The court heard a long copyright case that began in 2019 between two "
                     "publishers over the rights to a series of textbooks used in schools across "
                     "the country, and the ruling is expected to shape how news articles are "
                     "reused by aggregators and search engines for years to come.\n"),
            (std::vector<std::string>{"body"}));
}

TEST(Zones, AFirstLineEndingWithAPeriodIsBodyNotHeadline) {
  EXPECT_EQ(zones_of("정부는 24일 대책을 발표했다.\n두 번째 문단이다.\n"),
            (std::vector<std::string>{"body", "body"}));
}

TEST(Zones, NamesEveryZone) {
  EXPECT_STREQ(zone_name(Zone::boilerplate), "boilerplate");
  EXPECT_STREQ(zone_name(Zone::headline), "headline");
  EXPECT_STREQ(zone_name(Zone::subheadline), "subheadline");
  EXPECT_STREQ(zone_name(Zone::caption), "caption");
  EXPECT_STREQ(zone_name(Zone::credit), "credit");
  EXPECT_STREQ(zone_name(Zone::byline), "byline");
  EXPECT_STREQ(zone_name(Zone::body), "body");
}

std::string parse_error(const std::string& data) {
  try {
    ZonePatterns::parse(data, "p.tsv");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(ZonePatterns, ReportsALineWithoutTab) {
  EXPECT_EQ(parse_error("# comment\nboilerplate 닫기\n"),
            "p.tsv:2:1: expected KIND<TAB>PATTERN; found \"boilerplate 닫기\"");
}

TEST(ZonePatterns, ReportsAnUnknownKind) {
  EXPECT_EQ(parse_error("footer\t닫기\n"),
            "p.tsv:1:1: unknown pattern kind \"footer\"; expected boilerplate, credit, byline, "
            "caption or byline-start");
}

TEST(ZonePatterns, ReportsABadRegularExpression) {
  EXPECT_EQ(parse_error("credit\t(사진=\n"),
            "p.tsv:1:12: bad regular expression (U_REGEX_MISMATCHED_PAREN); found \"(사진=\"");
}

TEST(ZonePatterns, ClassifiesWithCustomPatterns) {
  ZonePatterns p = ZonePatterns::parse("boilerplate\t(?i)print\ncaption\t/사진=\\S+$\n", "p.tsv");
  std::size_t byline = 0;
  EXPECT_EQ(p.classify_line("PRINT", &byline), Zone::boilerplate);
  EXPECT_EQ(p.classify_line("회담 장면 /사진=뉴스1", &byline), Zone::caption);
  EXPECT_EQ(p.classify_line("본문이다.", &byline), Zone::body);
}

}  // namespace
}  // namespace koterm::text
