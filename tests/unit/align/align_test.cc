#include "align/align.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "common/error.h"

namespace koterm::align {
namespace {

using Ids = std::vector<std::size_t>;

std::vector<std::pair<Ids, Ids>> shape(const std::vector<Bead>& beads) {
  std::vector<std::pair<Ids, Ids>> out;
  for (const auto& b : beads) out.emplace_back(b.ko, b.en);
  return out;
}

const std::vector<std::string_view> k_ko = {
    "북한이 24일 동해상으로 탄도미사일 2발을 발사했다고 합동참모본부가 밝혔다.",
    "사진=연합뉴스",
    "미사일은 약 600km를 비행한 뒤 일본 배타적경제수역 밖에 떨어졌다.",
    "정부는 국가안전보장회의(NSC)를 긴급 소집했다.",
    "국방부는 올해 국방 예산으로 1억1천만 달러를 추가 배정했다.",
    "한미 양국은 다음 달 연합훈련을 실시할 예정이다.",
};
const std::vector<std::string_view> k_en = {
    "North Korea fired two ballistic missiles into the East Sea on the 24th, the Joint Chiefs of Staff said.",
    "The missiles flew about 600 km before landing outside Japan's exclusive economic zone.",
    "The government convened an emergency meeting of the National Security Council (NSC).",
    "The Defense Ministry added $110 million to this year's defense budget. South Korea and the "
    "United States will hold joint drills next month.",
    "Photo by Yonhap",
};

TEST(Align, FindsOneToOneMergesAndCredits) {
  auto beads = align(k_ko, k_en, AlignOptions{});
  std::vector<std::pair<Ids, Ids>> expected = {
      {{0}, {0}}, {{1}, {}}, {{2}, {1}}, {{3}, {2}}, {{4, 5}, {3}}, {{}, {4}}};
  EXPECT_EQ(shape(beads), expected);
  for (const auto& b : beads) {
    EXPECT_GE(b.confidence, 0.0);
    EXPECT_LE(b.confidence, 1.0);
    EXPECT_EQ(b.low_confidence, b.confidence < 0.5);
  }
}

TEST(Align, IsDeterministic) {
  EXPECT_EQ(align(k_ko, k_en, AlignOptions{}), align(k_ko, k_en, AlignOptions{}));
}

TEST(Align, CreditLinesAreNeverForcedOntoContent) {
  // Without the credit rule, the lone Korean credit could pair with the English credit.
  std::vector<std::string_view> ko = {"김민준 기자"};
  std::vector<std::string_view> en = {"Photo by Yonhap"};
  auto beads = align(ko, en, AlignOptions{});
  std::vector<std::pair<Ids, Ids>> expected = {{{0}, {}}, {{}, {0}}};
  EXPECT_EQ(shape(beads), expected);
}

TEST(Align, KnownBoilerplateFromZonesIsOneSided) {
  std::vector<SentenceInput> ko = {{"본문 바로가기", true}, {"정부는 회의를 긴급 소집했다.", false}};
  std::vector<SentenceInput> en = {{"The government convened an emergency meeting.", false}};
  auto beads = align(ko, en, AlignOptions{});
  std::vector<std::pair<Ids, Ids>> expected = {{{0}, {}}, {{1}, {0}}};
  EXPECT_EQ(shape(beads), expected);
}

TEST(Align, OneSideEmptyGivesOneSidedBeads) {
  std::vector<std::string_view> none;
  auto beads = align(k_ko, none, AlignOptions{});
  ASSERT_EQ(beads.size(), k_ko.size());
  for (std::size_t i = 0; i < beads.size(); ++i) {
    EXPECT_EQ(beads[i].ko, Ids{i});
    EXPECT_TRUE(beads[i].en.empty());
  }
  auto other = align(none, k_en, AlignOptions{});
  ASSERT_EQ(other.size(), k_en.size());
  EXPECT_TRUE(other[0].ko.empty());
  EXPECT_TRUE(align(none, none, AlignOptions{}).empty());
}

TEST(Align, AnchorsFixWhatLengthAloneGetsWrong) {
  // Two Korean sentences of the same length, one English translation: only the number tells
  // which Korean sentence it translates (8,200억 = 820 billion), in either order.
  std::vector<std::string_view> staff_first = {"직원은 모두 4,500명이다.", "매출은 8,200억 원이다."};
  std::vector<std::string_view> sales_first = {"매출은 8,200억 원이다.", "직원은 모두 4,500명이다."};
  std::vector<std::string_view> en = {"Sales were 820 billion won."};
  std::vector<std::pair<Ids, Ids>> second = {{{0}, {}}, {{1}, {0}}};
  std::vector<std::pair<Ids, Ids>> first = {{{0}, {0}}, {{1}, {}}};
  EXPECT_EQ(shape(align(staff_first, en, AlignOptions{})), second);
  EXPECT_EQ(shape(align(sales_first, en, AlignOptions{})), first);
  AlignOptions length_only;
  length_only.use_anchors = false;
  EXPECT_TRUE(shape(align(staff_first, en, length_only)) != second ||
              shape(align(sales_first, en, length_only)) != first);
}

TEST(Align, DeletedSentenceWhoseAnchorsFitNoNeighbourStaysUnlinked) {
  // The translation dropped the Korean sentence about the F-35s and says more than the
  // Korean in its first sentence, so that by length the dropped sentence would join the
  // first; its anchors (F-35, 20, 2030) are nowhere in the English, so it is left unlinked.
  std::vector<std::string_view> ko = {k_ko[0], "공군은 F-35 20대를 2030년까지 도입한다.", k_ko[2]};
  std::vector<std::string_view> en = {
      "North Korea fired two ballistic missiles into the East Sea on the 24th, the Joint Chiefs "
      "of Staff said in a text message sent to reporters in Seoul on Monday morning.",
      k_en[1]};
  std::vector<std::pair<Ids, Ids>> expected = {{{0}, {0}}, {{1}, {}}, {{2}, {1}}};
  EXPECT_EQ(shape(align(ko, en, AlignOptions{})), expected);
  AlignOptions no_penalty;
  no_penalty.anchor_unmatched = 0;
  no_penalty.anchor_orphan = 0;
  EXPECT_NE(shape(align(ko, en, no_penalty)), expected);
}

TEST(Align, SecondPassFitsTheLengthModelToTheDocument) {
  // Fourteen pairs whose English is exactly 2.5 times the Korean, one English line holding
  // two translations: the spread learnt from the document is far tighter than the prior, so
  // the beads come out the same but with more confidence.
  std::vector<std::string> ko_store, en_store;
  for (std::size_t k = 0; k < 14; ++k) {
    const std::size_t chars = 10 + (k * 7) % 23;
    std::string ko;
    for (std::size_t c = 0; c < chars; ++c) ko += "가";
    ko_store.push_back(ko);
    en_store.push_back(std::string(chars * 5 / 2, 'a'));
  }
  std::vector<std::string_view> ko(ko_store.begin(), ko_store.end());
  std::vector<std::string_view> en;
  std::string merged = en_store[6] + " " + en_store[7];
  for (std::size_t k = 0; k < 14; ++k) {
    if (k == 7) continue;
    en.push_back(k == 6 ? std::string_view(merged) : std::string_view(en_store[k]));
  }
  AlignOptions o;
  o.use_anchors = false;
  const auto fitted = align(ko, en, o);
  ASSERT_EQ(fitted.size(), 13U);
  EXPECT_EQ(fitted[6].ko, (Ids{6, 7}));
  EXPECT_EQ(fitted[6].en, Ids{6});
  o.second_pass = false;
  const auto prior = align(ko, en, o);
  ASSERT_EQ(shape(prior), shape(fitted));
  double fitted_sum = 0, prior_sum = 0;
  for (std::size_t b = 0; b < fitted.size(); ++b) {
    fitted_sum += fitted[b].confidence;
    prior_sum += prior[b].confidence;
  }
  EXPECT_GT(fitted_sum, prior_sum + 0.5);
}

TEST(Align, BandWidensWhenThePathLeavesTheDiagonal) {
  // 60 Korean-only credit lines ahead of the content push the path far off the diagonal.
  std::vector<std::string> ko_store(60, "사진=연합뉴스");
  std::vector<std::string_view> ko(ko_store.begin(), ko_store.end());
  std::vector<std::string_view> en;
  for (std::size_t i = 0; i < 20; ++i) {
    ko.push_back(k_ko[0]);
    en.push_back(k_en[0]);
  }
  AlignOptions o;
  o.min_band = 2;
  o.band_fraction = 0.0;
  auto beads = align(ko, en, o);
  ASSERT_EQ(beads.size(), 80U);
  for (std::size_t i = 0; i < 60; ++i) EXPECT_TRUE(beads[i].en.empty()) << i;
  for (std::size_t i = 60; i < 80; ++i) {
    EXPECT_EQ(beads[i].ko, Ids{i});
    EXPECT_EQ(beads[i].en, Ids{i - 60});
  }
}

// A long pair: the example repeated, with one English-only sentence in every third copy.
struct LongPair {
  std::vector<std::string_view> ko, en;
};
LongPair long_pair(std::size_t copies) {
  LongPair p;
  for (std::size_t c = 0; c < copies; ++c) {
    p.ko.insert(p.ko.end(), k_ko.begin(), k_ko.end());
    p.en.insert(p.en.end(), k_en.begin(), k_en.end());
    if (c % 3 == 1) p.en.push_back("Kim Jong Un, who turned 40 this year, has ruled since 2011.");
  }
  return p;
}

TEST(Align, BeamKeepsBeadsAndConfidences) {
  const LongPair p = long_pair(30);
  AlignOptions wide;
  wide.beam = 1e6;
  const auto with_beam = align(p.ko, p.en, AlignOptions{});
  const auto without = align(p.ko, p.en, wide);
  ASSERT_EQ(shape(with_beam), shape(without));
  for (std::size_t b = 0; b < with_beam.size(); ++b) {
    EXPECT_NEAR(with_beam[b].confidence, without[b].confidence, 1e-6) << b;
  }
}

TEST(Align, CreditFarFromTheStartIsUnlinkedWithFullConfidence) {
  // The confidence of a 0:1 bead sums over the rows whose band holds its column; a credit
  // line deep in a long document (it can never be linked) must get the whole mass.
  const LongPair p = long_pair(30);
  const auto beads = align(p.ko, p.en, AlignOptions{});
  std::size_t seen = 0;
  for (const auto& b : beads) {
    if (!b.ko.empty() || b.en.size() != 1 || p.en[b.en[0]] != "Photo by Yonhap") continue;
    ++seen;
    EXPECT_NEAR(b.confidence, 1.0, 1e-6) << b.en[0];
  }
  EXPECT_EQ(seen, 30U);
}

TEST(AlignOptions, ValidateNamesTheBadValue) {
  auto message = [](AlignOptions o) {
    try {
      o.validate();
    } catch (const UsageError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  AlignOptions o;
  EXPECT_EQ(message(o), "");
  o.sigma = 0;
  EXPECT_EQ(message(o), "align option sigma must be a positive number; found 0.000000");
  o = AlignOptions{};
  o.min_ratio = 3;
  o.max_ratio = 2;
  EXPECT_EQ(message(o), "align option min_ratio must not exceed max_ratio; found 3.000000 > 2.000000");
  o = AlignOptions{};
  o.cost_skip = -1;
  EXPECT_EQ(message(o), "align option cost_skip must be zero or a positive number; found -1.000000");
  o = AlignOptions{};
  o.min_band = 0;
  EXPECT_EQ(message(o), "align option min_band must be at least 1; found 0");
  o = AlignOptions{};
  o.min_confidence = 1.5;
  EXPECT_EQ(message(o), "align option min_confidence must be in [0,1]; found 1.500000");
  o = AlignOptions{};
  o.temperature = -2;
  EXPECT_EQ(message(o), "align option temperature must be a positive number; found -2.000000");
  o = AlignOptions{};
  o.beam = 0;
  EXPECT_EQ(message(o), "align option beam must be a positive number; found 0.000000");
  o = AlignOptions{};
  o.anchor_unmatched = -0.5;
  EXPECT_EQ(message(o), "align option anchor_unmatched must be zero or a positive number; found -0.500000");
  o = AlignOptions{};
  o.anchor_orphan = -1;
  EXPECT_EQ(message(o), "align option anchor_orphan must be zero or a positive number; found -1.000000");
  o = AlignOptions{};
  o.min_sigma = 0;
  EXPECT_EQ(message(o), "align option min_sigma must be a positive number; found 0.000000");
  o = AlignOptions{};
  o.prior_beads = -3;
  EXPECT_EQ(message(o), "align option prior_beads must be zero or a positive number; found -3.000000");
  o = AlignOptions{};
  o.tail_weight = 1;
  EXPECT_EQ(message(o), "align option tail_weight must be in (0,1); found 1.000000");
  o = AlignOptions{};
  o.tail_scale = 0.5;
  EXPECT_EQ(message(o), "align option tail_scale must be at least 1; found 0.500000");
}

}  // namespace
}  // namespace koterm::align
