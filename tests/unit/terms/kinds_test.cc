#include <gtest/gtest.h>

#include <optional>

#include "terms/kinds.h"

namespace koterm::terms {
namespace {

using glossary::Kind;

TEST(GuessKind, ReadsTheEnglishHeadWord) {
  EXPECT_EQ(guess_kind("통일부", "Ministry of Unification", 0.0), Kind::org);
  EXPECT_EQ(guess_kind("국제올림픽위원회", "International Olympic Committee", 0.0), Kind::org);
  EXPECT_EQ(guess_kind("대북특별대표", "Special Representative", 0.0), Kind::title);
  EXPECT_EQ(guess_kind("종전선언", "End-of-War Declaration", 0.0), Kind::policy);
  EXPECT_EQ(guess_kind("국제올림픽위원회", "IOC", 0.0), Kind::acronym);
  EXPECT_EQ(guess_kind("암호화", "encryption", 0.0), Kind::technical);
}

TEST(GuessKind, ATransliteratedCountryOrCapitalIsAPlaceNotAPerson) {
  EXPECT_EQ(guess_kind("바그다드", "Baghdad", 0.9), Kind::place);
  EXPECT_EQ(guess_kind("서울", "Seoul", 0.8), Kind::place);
  EXPECT_EQ(guess_kind("필리핀", "Philippines", 0.8), Kind::place);
  // A transliterated name not listed stays a person.
  EXPECT_EQ(guess_kind("무가베", "Mugabe", 0.9), Kind::person);
  EXPECT_EQ(guess_kind("무가베", "Mugabe", 0.3), Kind::other);
}

TEST(CapitalOf, NamesTheCapitalOfAListedCountry) {
  EXPECT_EQ(capital_of("France"), "Paris");
  EXPECT_EQ(capital_of("South Korea"), "Seoul");
  EXPECT_EQ(capital_of("Paris"), "");
  EXPECT_EQ(capital_of("france"), "");
}

TEST(KindFromKoreanBefore, ReadsAnApposition) {
  EXPECT_EQ(kind_from_korean_before("카카의 이적설은 영국 구단인 "), Kind::org);
  EXPECT_EQ(kind_from_korean_before("이라크의 수도 "), Kind::place);
  EXPECT_EQ(kind_from_korean_before("명문 축구클럽인"), Kind::org);
  EXPECT_EQ(kind_from_korean_before("미국 대통령 "), Kind::person);
  // A particle or another word says nothing; 인 after a word that is no kind noun neither.
  EXPECT_EQ(kind_from_korean_before("경찰이 "), std::nullopt);
  EXPECT_EQ(kind_from_korean_before("가장 중요한 "), std::nullopt);
  EXPECT_EQ(kind_from_korean_before("주인 "), std::nullopt);
  EXPECT_EQ(kind_from_korean_before(""), std::nullopt);
}

}  // namespace
}  // namespace koterm::terms
