// Swapped or mismatched language sides: an English article given as the Korean side (or the
// other way round) is refused with the position of the first letter of the wrong script,
// while Korean news full of Latin acronyms and English pages with Korean navigation lines pass.
#include <string>

#include <gtest/gtest.h>

#include "common/error.h"
#include "text/language.h"
#include "text/source.h"

using koterm::InputError;
using koterm::text::Lang;
using koterm::text::SourceText;

namespace {

const char* const kEnglish =
    "Text Size\n\nSung Kim, the U.S. Special Representative for North Korea, said on the 24th, \"We look "
    "forward to continuing to work together.\"\n";
const char* const kKorean =
    "본문 바로가기\n\n[아시아경제 최대열 기자] 성 김 미국 국무부 대북특별대표는 24일 \"한국이 제안한 종전선언을 포함해 "
    "다양한 아이디어와 구상을 함께 모색하는 데 계속 협력하기를 기대한다\"고 말했다.\n";

std::string error_of(const std::string& path, const std::string& text, Lang lang) {
  try {
    koterm::text::require_language(SourceText::from_bytes(path, text), lang);
  } catch (const InputError& e) {
    return e.pos().str() + ": " + e.message();
  }
  return "";
}

}  // namespace

TEST(SwappedSides, EnglishGivenAsKoreanIsRefused) {
  EXPECT_EQ(error_of("envoy.en.txt", kEnglish, Lang::ko),
            "envoy.en.txt:1:1: expected the Korean article, but only 0 of its 104 letters are Hangul; is this the "
            "English side? (the Korean file comes first: KO EN)");
}

TEST(SwappedSides, KoreanGivenAsEnglishIsRefused) {
  EXPECT_EQ(error_of("envoy.ko.txt", kKorean, Lang::en),
            "envoy.ko.txt:1:1: expected the English translation, but 78 of its 78 letters are Hangul; is this the "
            "Korean side? (the English file comes second: KO EN)");
}

TEST(SwappedSides, RightSidesPass) {
  EXPECT_EQ(error_of("envoy.ko.txt", kKorean, Lang::ko), "");
  EXPECT_EQ(error_of("envoy.en.txt", kEnglish, Lang::en), "");
}

TEST(SwappedSides, KoreanWithManyAcronymsAndEnglishWithKoreanNavigationPass) {
  std::string ko = "북한은 SLBM과 ICBM, MIRV 기술을 UN 안보리 결의 위반 속에 개발했다고 CNN과 NHK가 보도했다.\n";
  std::string en = std::string("본문 바로가기\n글자크기\n") + kEnglish;
  EXPECT_EQ(error_of("a.ko.txt", ko, Lang::ko), "");
  EXPECT_EQ(error_of("a.en.txt", en, Lang::en), "");
}

TEST(SwappedSides, ShortTextsAreNotJudged) {
  EXPECT_EQ(error_of("short.ko.txt", "Photo by Joint Press Corps\n", Lang::ko), "");
  EXPECT_EQ(error_of("short.en.txt", "사진=공동취재단\n", Lang::en), "");
}

TEST(SwappedSides, PositionPointsAtTheFirstLetterOfTheWrongScript) {
  std::string text = "2021. 11. 24.\n" + std::string(kEnglish);
  EXPECT_EQ(error_of("dated.txt", text, Lang::ko).substr(0, 14), "dated.txt:2:1:");
}

TEST(SwappedSides, CountsLettersOnly) {
  auto n = koterm::text::count_scripts("北 2021년 U.S. ㄱ café!");
  EXPECT_EQ(n.hangul, 2u);  // 년 and the jamo ㄱ; hanja do not count
  EXPECT_EQ(n.latin, 6u);   // U, S, c, a, f, é
  EXPECT_EQ(n.first_hangul_byte, 8u);
  EXPECT_EQ(n.first_latin_byte, 12u);
}
