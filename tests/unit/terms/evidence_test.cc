#include <gtest/gtest.h>

#include "terms/evidence.h"

namespace koterm::terms {
namespace {

TEST(Evidence, InitialsAndLetters) {
  EXPECT_EQ(Evidence::initials("Food and Drug Administration"), "FDA");
  EXPECT_EQ(Evidence::initials("submarine-launched ballistic missiles"), "SLBM");
  EXPECT_EQ(Evidence::initials("Centers for Disease Control and Prevention"), "CDCP");
  EXPECT_EQ(Evidence::letters_upper("U.N."), "UN");
}

TEST(Evidence, IdentityExpansionGlossAndNames) {
  Evidence ev;
  EXPECT_DOUBLE_EQ(ev.score("UN", "U.N.", false, ""), 1.0);
  EXPECT_DOUBLE_EQ(ev.score("FDA", "Food and Drug Administration", false, ""), 0.9);
  EXPECT_DOUBLE_EQ(ev.score("CDC", "Centers for Disease Control and Prevention", false, ""), 0.9);
  EXPECT_DOUBLE_EQ(ev.score("FDA", "Federal Reserve", false, ""), 0.0);
  EXPECT_DOUBLE_EQ(ev.score("잠수함발사탄도미사일", "submarine-launched ballistic missiles", false, "SLBM"), 0.9);
  EXPECT_DOUBLE_EQ(ev.score("국제원자력기구", "International Atomic Energy Agency", true, ""), 0.95);
  EXPECT_GE(ev.score("노규덕", "Noh Kyu-duk", false, ""), 0.6);
  EXPECT_DOUBLE_EQ(ev.score("외교부", "Noh Kyu-duk", false, ""), 0.0);
}

TEST(Evidence, HeadlineHanjaAcronyms) {
  Evidence ev;
  // 美 is keyed 미국: its acronyms are evidence, the pronoun and the capital are not.
  EXPECT_DOUBLE_EQ(ev.score("미국", "US", false, ""), 0.8);
  EXPECT_DOUBLE_EQ(ev.score("미국", "U.S.", false, ""), 0.8);
  EXPECT_DOUBLE_EQ(ev.score("미국", "us", false, ""), 0.0);
  EXPECT_DOUBLE_EQ(ev.score("미국", "Washington", false, ""), 0.0);
}

TEST(Evidence, AcronymsSpeltInLetterNames) {
  Evidence ev;
  EXPECT_DOUBLE_EQ(ev.score("유엔", "UN", false, ""), 0.9);
  EXPECT_DOUBLE_EQ(ev.score("유엔", "U.N.", false, ""), 0.9);
  EXPECT_DOUBLE_EQ(ev.score("시엔엔", "CNN", false, ""), 0.9);
  EXPECT_DOUBLE_EQ(ev.score("씨엔엔", "CNN", false, ""), 0.9);
  EXPECT_DOUBLE_EQ(ev.score("아이비엠", "IBM", false, ""), 0.9);
  EXPECT_LT(ev.score("유엔", "UK", false, ""), 0.9);
  EXPECT_LT(ev.score("유엔", "Union", false, ""), 0.9);
}

TEST(Evidence, FamilyNameFirstInKoreanLastInEnglish) {
  Evidence ev;
  EXPECT_GE(ev.score("도쿠다시게오", "Shigeo Tokuda", false, ""), 0.7);
  // Turning the words round is no licence to drop one: "United" is not part of 맨체스터.
  EXPECT_LT(ev.score("맨체스터", "Manchester United", false, ""), ev.score("맨체스터", "Manchester", false, ""));
}

TEST(Evidence, GivenGlossaryDecides) {
  glossary::Glossary g;
  glossary::Entry e;
  e.ko = "종전선언";
  e.en = "end-of-war declaration";
  e.status = glossary::EntryStatus::approved;
  g.terms.push_back(e);
  Evidence ev(&g);
  EXPECT_DOUBLE_EQ(ev.score("종전선언", "end-of-war declaration", false, ""), 1.0);
  ASSERT_NE(ev.preferred("종전선언"), nullptr);
  EXPECT_EQ(*ev.preferred("종전선언"), "end-of-war declaration");
  EXPECT_TRUE(ev.worth_checking("종전선언", "anything", false, false, ""));
}

TEST(Evidence, CheapFilterKeepsNamesOut) {
  Evidence ev;
  EXPECT_TRUE(ev.worth_checking("노규덕", "Noh Kyu-duk", false, true, ""));
  EXPECT_FALSE(ev.worth_checking("노규덕", "nuclear envoy", false, false, ""));
  EXPECT_FALSE(ev.worth_checking("노규덕", "A", false, true, ""));
}

}  // namespace
}  // namespace koterm::terms
