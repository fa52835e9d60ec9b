#include "names/names.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace koterm::names {
namespace {

struct RomanCase {
  const char* hangul;
  System system;
  const char* expected;
};

class Romanize : public ::testing::TestWithParam<RomanCase> {};

TEST_P(Romanize, AppliesTheSystemsSoundChanges) {
  EXPECT_EQ(romanize(GetParam().hangul, GetParam().system), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Words, Romanize,
    ::testing::Values(
        RomanCase{"독립문", System::revised, "dongnimmun"},       // nasalisation
        RomanCase{"신라", System::revised, "silla"},              // lateralisation
        RomanCase{"종로", System::revised, "jongno"},             // ㄹ after ㅇ → n
        RomanCase{"설악산", System::revised, "seoraksan"},        // liaison
        RomanCase{"묵호", System::revised, "mukho"},              // no aspiration written in nouns
        RomanCase{"좋고", System::revised, "joko"},               // ㅎ + ㄱ → k
        RomanCase{"같이", System::revised, "gachi"},              // palatalisation
        RomanCase{"한국", System::revised, "hanguk"},
        RomanCase{"SLBM 발사", System::revised, "SLBM balsa"},   // non-Hangul copied
        RomanCase{"한국", System::mccune_reischauer, "han’guk"},  // n'g apostrophe
        RomanCase{"부산", System::mccune_reischauer, "pusan"},    // initial p
        RomanCase{"대구", System::mccune_reischauer, "taegu"},    // voiced between vowels
        RomanCase{"서울", System::mccune_reischauer, "sŏul"},
        RomanCase{"열도", System::mccune_reischauer, "yŏlto"},    // t stays voiceless after l
        RomanCase{"갈비", System::mccune_reischauer, "kalbi"},    // b voiced after l
        RomanCase{"원신-리", System::mccune_reischauer, "wŏnsil-li"},  // sound change across a hyphen
        RomanCase{"쉽다", System::mccune_reischauer, "shwipta"}));

TEST(RomanizeName, SurnameThenGivenNameWithoutSoundChanges) {
  EXPECT_EQ(romanize_name("노규덕", System::revised), "No Gyudeok");
  EXPECT_EQ(romanize_name("노규덕", System::mccune_reischauer), "No Kyu-tŏk");
  EXPECT_EQ(romanize_name("남궁민", System::revised), "Namgung Min");  // two-syllable surname
  EXPECT_EQ(romanize_name("동 방국", System::mccune_reischauer), "Tong Pang-kuk");  // split given
}

TEST(NameCandidates, CustomarySpellingFirst) {
  auto c = name_candidates("노규덕");
  ASSERT_EQ(c.size(), 20u);
  EXPECT_EQ(c[0].en, "Noh Kyu-duk");
  EXPECT_DOUBLE_EQ(c[0].score, 1.0);
  bool roh = false;
  for (std::size_t i = 0; i < c.size(); ++i) {
    roh = roh || c[i].en == "Roh Kyu-duk";
    if (i > 0) {
      EXPECT_LE(c[i].score, c[i - 1].score) << c[i].en;
    }
    EXPECT_GE(c[i].score, 0.0);
  }
  EXPECT_TRUE(roh);
  EXPECT_EQ(name_candidates("이명박", 3)[0].en, "Lee Myung-bak");
  EXPECT_EQ(name_candidates("김", 5).size(), 5u);  // no surname split: syllables only
  EXPECT_TRUE(name_candidates("Kim").empty());
  EXPECT_TRUE(name_candidates("노규덕", 0).empty());
}

TEST(NameCandidates, Deterministic) {
  auto a = name_candidates("정동영");
  auto b = name_candidates("정동영");
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].en, b[i].en);
}

TEST(MatchName, CustomarySpellingsOrdersAndSecondReferences) {
  const double exact = match_name("노규덕", "Noh Kyu-duk");
  EXPECT_DOUBLE_EQ(exact, 1.0);
  EXPECT_DOUBLE_EQ(match_name("노규덕", "Noh Kyuduk"), 1.0);    // joined
  EXPECT_DOUBLE_EQ(match_name("노규덕", "Noh Kyu Duk"), 1.0);   // spaced
  EXPECT_DOUBLE_EQ(match_name("노규덕", "NOH KYU-DUK"), 1.0);   // case
  EXPECT_GT(match_name("노규덕", "Roh Kyu-duk"), 0.9);
  EXPECT_LT(match_name("노규덕", "Roh Kyu-duk"), exact);
  EXPECT_GT(match_name("노규덕", "No Gyu-deok"), 0.75);         // Revised Romanization
  EXPECT_GT(match_name("노규덕", "Kyu-duk Noh"), 0.9);          // given name first
  EXPECT_GT(match_name("성김", "Sung Kim"), 0.9);
  const double surname = match_name("노규덕", "Noh");
  const double titled = match_name("노규덕", "Director General Noh");
  EXPECT_GT(surname, 0.5);
  EXPECT_GT(titled, 0.3);
  EXPECT_LT(titled, surname);
  EXPECT_LT(surname, match_name("노규덕", "Kyu-duk Noh"));
  EXPECT_LT(match_name("노규덕", "Kim Jong-un"), 0.2);
  EXPECT_DOUBLE_EQ(match_name("노규덕", ""), 0.0);
  EXPECT_DOUBLE_EQ(match_name("Noh", "Noh"), 0.0);  // not Hangul
}

TEST(MatchName, RegressionSpellingSplitInsideASyllable) {
  // Lee Sub-young for 이수병: the hyphen falls inside 병; must still beat the surname alone.
  EXPECT_GT(match_name("이수병", "Lee Sub-young"), match_name("이수병", "Lee"));
}

TEST(MatchLoanword, ForeignNamesAndLoanwordsBySound) {
  const double full = match_loanword("로렌스 리버모아", "Lawrence Livermore");
  EXPECT_GT(full, 0.6);
  EXPECT_GT(full, match_loanword("로렌스 리버모아", "Livermore"));
  EXPECT_LT(match_loanword("로렌스 리버모아", "Lotte Hotel"), 0.2);
  EXPECT_GT(match_loanword("도어스테핑", "doorstepping"), 0.8);
  EXPECT_GT(match_loanword("롯데호텔", "Lotte Hotel"), 0.7);
  EXPECT_GT(match_loanword("버락 오바마", "Barack Obama"), 0.85);
  EXPECT_GT(match_loanword("버락 오바마", "Barack Obama"), match_loanword("버락 오바마", "Obama"));
  EXPECT_GT(match_loanword("도쿠다 시게오", "Shigeo Tokuda"), 0.5);  // family name last in English
  EXPECT_GT(match_loanword("데이빗 죤슨", "David Johnson"), match_loanword("데이빗 죤슨", "Johnson"));
  EXPECT_DOUBLE_EQ(match_loanword("오바마", "Obama"), 1.0);
  // South Slavic dž and ć, spelt dz and c in English news, are 지 and 치 in Korean.
  EXPECT_GT(match_loanword("카라지치", "Karadzic"), 0.6);
  EXPECT_LT(match_loanword("오바마", "Kasparov"), 0.2);
}

TEST(MatchTransliteration, BestOfNameAndLoanword) {
  for (const char* en : {"Noh Kyu-duk", "Noh", "Sung Kim"}) {
    EXPECT_GE(match_transliteration("노규덕", en), match_name("노규덕", en)) << en;
  }
  EXPECT_DOUBLE_EQ(match_transliteration("오바마", "Obama"), 1.0);
  EXPECT_DOUBLE_EQ(match_transliteration("도어스테핑", "doorstepping"), match_loanword("도어스테핑", "doorstepping"));
}

TEST(LooksLikeKoreanName, SurnameAndGivenName) {
  EXPECT_TRUE(looks_like_korean_name("노규덕"));
  EXPECT_TRUE(looks_like_korean_name("남궁민"));
  EXPECT_TRUE(looks_like_korean_name("김구"));
  EXPECT_FALSE(looks_like_korean_name("김"));            // surname alone
  EXPECT_FALSE(looks_like_korean_name("노 규덕"));       // space
  EXPECT_FALSE(looks_like_korean_name("도어스테핑"));    // five syllables
  EXPECT_FALSE(looks_like_korean_name("로렌스"));        // 스: loanword vowel
  EXPECT_FALSE(looks_like_korean_name("Kim"));
  EXPECT_FALSE(looks_like_korean_name(""));
}

TEST(NameMatcher, SameScoresAsTheFreeFunctions) {
  const NameMatcher name("노규덕", MatchKind::korean_name);
  const NameMatcher loan("로렌스 리버모아", MatchKind::loanword);
  const NameMatcher any("노규덕");
  EXPECT_EQ(name.hangul(), "노규덕");
  for (const char* en : {"Noh Kyu-duk", "Roh", "Lawrence Livermore", "North Korea"}) {
    EXPECT_DOUBLE_EQ(name.score(en), match_name("노규덕", en)) << en;
    EXPECT_DOUBLE_EQ(loan.score(en), match_loanword("로렌스 리버모아", en)) << en;
    EXPECT_DOUBLE_EQ(any.score(en), match_transliteration("노규덕", en)) << en;
    EXPECT_GE(any.score(en), 0.0);
    EXPECT_LE(any.score(en), 1.0);
  }
  NameMatcher moved = NameMatcher("오바마");
  EXPECT_DOUBLE_EQ(moved.score("Obama"), 1.0);
}

TEST(NameMatcher, OverlongStringsScoreZero) {
  const NameMatcher m("노규덕");
  std::string long_en = "Noh Kyu-duk";
  while (long_en.size() <= 256) long_en += " and Noh Kyu-duk";
  EXPECT_DOUBLE_EQ(m.score(long_en), 0.0);
  std::string long_ko;
  for (int i = 0; i < 41; ++i) long_ko += "노";
  EXPECT_DOUBLE_EQ(match_transliteration(long_ko, "Noh"), 0.0);
}

TEST(Surnames, SpellingsOfASurnameAloneAreKnown) {
  EXPECT_TRUE(is_surname("김"));
  EXPECT_TRUE(is_surname("남궁"));
  EXPECT_FALSE(is_surname("김정"));  // a surname with more after it is not one
  EXPECT_FALSE(is_surname("대표"));
  for (const char* en : {"Kim", "KIM", "Gim"}) EXPECT_TRUE(spells_surname("김", en)) << en;
  for (const char* en : {"Noh", "Roh", "No"}) EXPECT_TRUE(spells_surname("노", en)) << en;
  EXPECT_FALSE(spells_surname("김", "Ki"));
  EXPECT_FALSE(spells_surname("김", "Noh"));
  EXPECT_FALSE(spells_surname("김대표", "Kim"));
  EXPECT_FALSE(spells_surname("김", ""));
}

}  // namespace
}  // namespace koterm::names
