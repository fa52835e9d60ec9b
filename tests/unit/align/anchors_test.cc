#include "align/anchors.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace koterm::align {
namespace {

struct NumberCase {
  std::string text;
  std::vector<double> values;
};

TEST(KoreanNumbers, ReadsDigitsWithKoreanUnits) {
  const std::vector<NumberCase> cases = {
      {"이 1억1천만 달러 짜리 설비", {110000000.0}},
      {"초당 12조3천억 번의 계산", {12300000000000.0}},
      {"8,192개의 마이크로 프로세서", {8192.0}},
      {"9월 11일 테러 공격", {9.0, 11.0}},
      {"물가가 3.5% 올랐다", {3.5}},
      {"3억권의 책", {300000000.0}},
      {"5백만 명", {5000000.0}},
      {"숫자가 없는 문장", {}},
      {"G20 정상회의", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(korean_numbers(c.text), c.values) << c.text;
}

TEST(EnglishNumbers, ReadsDigitsScalesWordsAndMonths) {
  const std::vector<NumberCase> cases = {
      {"the $110 million wonder", {110000000.0}},
      {"12.3 trillion calculations a second", {12300000000000.0}},
      {"It has 8,192 microprocessors", {8192.0}},
      {"on the 24th, officials said", {24.0}},
      {"the September 11 attacks", {9.0, 11.0}},
      {"In the two-page letter", {2.0}},
      {"in the 1990s", {1990.0}},
      {"two million people", {2000000.0}},
      {"no figures here", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(english_numbers(c.text), c.values) << c.text;
}

TEST(Boilerplate, RecognisesCreditsBylinesAndCopyright) {
  for (const char* line : {"사진=연합뉴스", "사진 제공=CNN", "김민준 기자", "(서울=연합뉴스) 윤서준 기자 =",
                           "<저작권자 ⓒ 연합뉴스, 무단 전재-재배포 금지>", "[ⓒ 중앙일보, 무단 전재 및 재배포 금지]"}) {
    EXPECT_TRUE(is_korean_boilerplate(line)) << line;
  }
  for (const char* line : {"Photo by Yonhap", "(Reporting by John Smith; Editing by Jane Doe)",
                           "CNN's Kim Lee contributed to this report.",
                           "Copyright 2008 CNN. All rights reserved.", "E-mail to a friend"}) {
    EXPECT_TRUE(is_english_boilerplate(line)) << line;
  }
}

TEST(Boilerplate, LeavesContentAlone) {
  EXPECT_FALSE(is_korean_boilerplate("정부는 국가안전보장회의를 긴급 소집했다고 담당 기자가 전했다며 관계자들이 말했다."));
  EXPECT_FALSE(is_korean_boilerplate("북한이 24일 탄도미사일 2발을 발사했다."));
  EXPECT_FALSE(is_english_boilerplate("Photographs by the spacecraft show a frozen lake."));
  EXPECT_FALSE(is_english_boilerplate("The government convened an emergency meeting."));
}

TEST(Skeletons, MatchTransliteratedNames) {
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"오바마", "Obama"},     {"매케인", "McCain"},   {"말리키", "Maliki"},
      {"아흐메다바드", "Ahmedabad"}, {"타로각", "Taroko"}, {"기륭", "Keelung"},
      {"로렌스", "Lawrence"},  {"포사다", "Posada"},
  };
  for (const auto& [ko, en] : pairs) {
    EXPECT_EQ(korean_skeleton(ko), english_skeleton(en)) << ko << " / " << en;
    EXPECT_GE(korean_skeleton(ko).size(), 2U) << ko;
  }
  EXPECT_NE(korean_skeleton("오바마"), english_skeleton("McCain"));
}

bool shares_anchor(const SentenceFeatures& a, const SentenceFeatures& b) {
  for (const auto& x : a.anchors) {
    for (const auto& y : b.anchors) {
      if (x.key == y.key) return true;
    }
  }
  return false;
}

TEST(Features, AnchorsLinkTranslationsOnly) {
  std::vector<std::string_view> ko = {"ASCI White는 IBM社가 고안한 것이다.", "오바마는 이라크를 방문했다.",
                                      "그는 말없이 떠났다."};
  std::vector<std::string_view> en = {"ASCI White was designed by IBM Corp.", "Obama visited Iraq.",
                                      "He left without a word."};
  DocumentFeatures doc = compute_features(ko, en, true, true, nullptr);
  EXPECT_TRUE(shares_anchor(doc.ko[0], doc.en[0]));
  EXPECT_TRUE(shares_anchor(doc.ko[1], doc.en[1]));
  EXPECT_FALSE(shares_anchor(doc.ko[0], doc.en[1]));
  EXPECT_FALSE(shares_anchor(doc.ko[1], doc.en[0]));
  DocumentFeatures plain = compute_features(ko, en, false, true, nullptr);
  EXPECT_TRUE(plain.ko[0].anchors.empty());
  EXPECT_TRUE(plain.en[1].anchors.empty());
}

TEST(Features, GlossaryEntriesBecomeAnchors) {
  glossary::Glossary g;
  glossary::Entry e;
  e.ko = "한반도평화교섭본부장";
  e.en = "Director General for Korean Peninsula Peace and Security Affairs";
  glossary::Variant v;
  v.en = "Director of Peace Negotiations Headquarters";
  e.variants.push_back(v);
  g.terms.push_back(e);
  std::vector<std::string_view> ko = {"노규덕 한반도평화교섭본부장과 만났다."};
  std::vector<std::string_view> en = {"He met the Director of Peace Negotiations Headquarters."};
  EXPECT_FALSE(shares_anchor(compute_features(ko, en, false, true, nullptr).ko[0],
                             compute_features(ko, en, false, true, nullptr).en[0]));
  DocumentFeatures doc = compute_features(ko, en, false, true, &g);
  EXPECT_TRUE(shares_anchor(doc.ko[0], doc.en[0]));
}

// Whether a Korean sentence and an English sentence aligned alone share an anchor.
bool pair_shares_anchor(std::string_view ko, std::string_view en) {
  DocumentFeatures doc = compute_features({ko}, {en}, true, false, nullptr);
  return shares_anchor(doc.ko[0], doc.en[0]);
}

TEST(Features, LexiconLinksCommonNewsWords) {
  EXPECT_TRUE(pair_shares_anchor("국방부는 휴전 협상이 재개됐다고 밝혔다.",
                                 "The ceasefire talks have resumed, the Pentagon said."));
  EXPECT_TRUE(pair_shares_anchor("관광객 수가 크게 늘었다.", "Tourist numbers grew sharply."));
  EXPECT_FALSE(pair_shares_anchor("관광객 수가 크게 늘었다.", "The weather was fine."));
}

TEST(Features, LexiconCanBeLeftOut) {
  // The ablation switch (--no-lexicon): the same pair shares nothing without the lexicon,
  // while a Latin token is still an anchor.
  const std::vector<std::string_view> ko = {"관광객 수가 크게 늘었다.", "UN 회의가 열렸다."};
  const std::vector<std::string_view> en = {"Tourist numbers grew sharply.", "The UN met."};
  const DocumentFeatures without = compute_features(ko, en, true, false, nullptr, false);
  EXPECT_FALSE(shares_anchor(without.ko[0], without.en[0]));
  EXPECT_TRUE(shares_anchor(without.ko[1], without.en[1]));
  const DocumentFeatures with = compute_features(ko, en, true, false, nullptr, true);
  EXPECT_TRUE(shares_anchor(with.ko[0], with.en[0]));
}

TEST(Features, OneSyllableLexiconWordsMatchOnlyAsWords) {
  // 별 (star) alone or before a particle, not inside 특별 (special).
  EXPECT_TRUE(pair_shares_anchor("별이 빛난다.", "The stars shine."));
  EXPECT_TRUE(pair_shares_anchor("밤하늘에 별 하나.", "One star in the night sky."));
  EXPECT_FALSE(pair_shares_anchor("특별한 날이다.", "A special day under the stars."));
  // Longer entries still match inside a longer word: 관광객들 (tourists).
  EXPECT_TRUE(pair_shares_anchor("관광객들이 몰렸다.", "Tourists flocked."));
}

TEST(Features, CountsCharactersWithoutSpaces) {
  std::vector<std::string_view> ko = {"한국 어"};
  std::vector<std::string_view> en = {"ab c"};
  DocumentFeatures doc = compute_features(ko, en, true, true, nullptr);
  EXPECT_EQ(doc.ko[0].char_count, 3.0);
  EXPECT_EQ(doc.en[0].char_count, 3.0);
}

}  // namespace
}  // namespace koterm::align
