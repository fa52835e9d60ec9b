// Korean eojeol analysis: one table per rule class (particles, copula, verbs, suffixes,
// numbers and Latin, non-nouns), tails and spans, matching keys.
#include "korean/analyze.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace koterm::korean {
namespace {

struct StemCase {
  const char* eojeol;
  const char* stem;
};

void expect_stems(const std::vector<StemCase>& cases) {
  for (const auto& c : cases) EXPECT_EQ(stem_of(c.eojeol), c.stem) << c.eojeol;
}

TEST(KoreanAnalyze, ParticlesAreStripped) {
  expect_stems({{"북한은", "북한"},     {"세계를", "세계"},   {"중세에", "중세"},
                {"뒤에서", "뒤"},       {"친구에게", "친구"}, {"오물로", "오물"},
                {"돈으로", "돈"},       {"폴란드와", "폴란드"}, {"활동과", "활동"},
                {"정부도", "정부"},     {"오늘부터", "오늘"}, {"나라보다", "나라"},
                {"아이처럼", "아이"},   {"소가", "소"},       {"사회의", "사회"}});
}

TEST(KoreanAnalyze, StackedParticlesAreStripped) {
  expect_stems({{"집에서는", "집"}, {"대표로서의", "대표"}, {"기관으로서의", "기관"},
                {"아들에게는", "아들"}, {"2030년까지는", "2030년"}, {"북한과의", "북한"}});
}

TEST(KoreanAnalyze, ParticlePhonologyKeepsNounsWhole) {
  // 가/는/를/와 follow vowels, 이/은/을/과 consonants: 국가 is not 국+가, 마을 not 마+을.
  expect_stems({{"국가", "국가"}, {"마을", "마을"}, {"아이", "아이"}, {"사이에", "사이"}});
}

TEST(KoreanAnalyze, ListedNounsEndingLikeParticles) {
  expect_stems({{"회의", "회의"}, {"결과를", "결과"}, {"정도로", "정도"}, {"민주주의", "민주주의"},
                {"금요일", "금요일"}, {"인명피해를", "인명피해"}});
}

TEST(KoreanAnalyze, CopulaIsStripped) {
  expect_stems({{"학생이다", "학생"}, {"선수였다", "선수"}, {"문제입니다", "문제"},
                {"사실이라는", "사실"}, {"나라라는", "나라"}, {"때문이다", "때문"}});
}

TEST(KoreanAnalyze, CopulaInAfterANoun) {
  // The adnominal copula 인 (장관인 그는) after nouns of every shape, and after a noun ending
  // in 인 itself (대변인+인).
  expect_stems({{"장관인", "장관"}, {"대변인인", "대변인"}, {"오바마인", "오바마"},
                {"단체인", "단체"}, {"후보인", "후보"}, {"프로그램인", "프로그램"}});
}

TEST(KoreanAnalyze, TransliterationEndingInInIsOneNoun) {
  // An open syllable that reads no hanja before 인 ends a transliteration (McCain,
  // hurricane, Spain): the whole is the noun, bare or before a particle.
  expect_stems({{"매케인", "매케인"}, {"매케인과", "매케인"}, {"매케인은", "매케인"},
                {"매케인의", "매케인"}, {"허리케인", "허리케인"}, {"스페인", "스페인"},
                {"포크레인", "포크레인"}});
  const Eojeol e = analyze_eojeol("매케인");
  EXPECT_EQ(e.tail, "");
  EXPECT_EQ(e.tail_kind, TailKind::none);
}

TEST(KoreanAnalyze, InBeforePunctuationIsNoCopula) {
  // The adnominal copula needs a noun after it: before punctuation 인 ends the noun.
  expect_stems({{"후세인,", "후세인"}, {"후세인.", "후세인"}, {"장관인", "장관"}});
  const Eojeol e = analyze_eojeol("장관인,");
  EXPECT_EQ(e.stem, "장관인");
  EXPECT_EQ(e.tail, ",");
}

TEST(KoreanAnalyze, ListedNounsEndingInIn) {
  expect_stems({{"대변인", "대변인"}, {"대변인은", "대변인"}, {"변호인", "변호인"}, {"외국인", "외국인"}});
}

TEST(KoreanAnalyze, CopulaFormsEndingInAStrongVerbEnding) {
  // 거나, 지만, 면서, 는데 rule out a noun after a verb stem, not after the copula 이/였.
  expect_stems({{"사람이거나", "사람"}, {"학생이지만", "학생"}, {"선수였지만", "선수"},
                {"기자이면서", "기자"}, {"교사였는데", "교사"}, {"먹거나", ""}, {"모르지만", ""}});
}

TEST(KoreanAnalyze, ContractionsBeforePunctuation) {
  expect_stems({{"겁니다.", "것"}, {"걸까요?\"", "것"}, {"건가요?", "것"}, {"거야.", "거"},
                {"“겁니다”", "것"}});
}

TEST(KoreanAnalyze, ContractedTopicParticles) {
  expect_stems({{"현재로선", "현재"}, {"정부로선", "정부"}, {"입장으로선", "입장"}, {"친구한텐", "친구"}});
}

TEST(KoreanAnalyze, ConnectiveFormOfAKnownVerbHasNoStem) {
  expect_stems({{"먹어", ""}, {"받아", ""}, {"앉아", ""}, {"좋아,", ""}, {"만들어", ""},
                {"날아", ""}, {"이루어", ""}});
  // Nouns ending in 아/어: a one-syllable open stem is no verb here, and -어 (語) nouns stay.
  expect_stems({{"자아", "자아"}, {"단어", "단어"}, {"영어", "영어"}, {"언어", "언어"}});
}

TEST(KoreanAnalyze, HadaVerbsKeepTheirNoun) {
  expect_stems({{"발표했다", "발표"}, {"발표하는", "발표"}, {"발표한", "발표"},
                {"사용되는", "사용"}, {"사용됐다", "사용"}, {"발전시킨", "발전"},
                {"말했다", "말"}, {"협력하기를", "협력"}, {"자연스러운", "자연"},
                {"생산된다는", "생산"}, {"재미있는", "재미"}, {"초대받았다", "초대"}});
}

TEST(KoreanAnalyze, AdjectiveRootsAndVerbsHaveNoStem) {
  expect_stems({{"중요한", ""}, {"깨끗하지", ""}, {"다양한", ""}, {"하는", ""},
                {"있다", ""}, {"먹는", ""}, {"좋은", ""}, {"위해", ""},
                {"좋아한다", ""}, {"만들어내는", ""}, {"알려진", ""}, {"되기를", ""}});
}

TEST(KoreanAnalyze, PluralAndNounSuffixesEndTheStem) {
  expect_stems({{"도시들은", "도시"}, {"나라들처럼", "나라"}, {"경제적인", "경제"},
                {"일상적으로", "일상"}, {"선생님이", "선생"}, {"하나씩", "하나"},
                {"목적", "목적"}, {"치명적인", ""}});
}

TEST(KoreanAnalyze, DependentNounsAreNouns) {
  expect_stems({{"것이다", "것"}, {"수", "수"}, {"1992년에", "1992년"}, {"24일", "24일"},
                {"3년간", "3년간"}, {"겁니다", "것"}});
}

TEST(KoreanAnalyze, LatinAndNumbersSplitFromParticles) {
  expect_stems({{"SLBM을", "SLBM"}, {"SLBM이다", "SLBM"}, {"1억1천만", "1억1천만"},
                {"달러", "달러"}, {"90%의", "90"}, {"1,000명이", "1,000명"},
                {"So-ra와", "So-ra"}, {"100여", "100"}, {"11일,", "11일"}});
}

TEST(KoreanAnalyze, PronounsAdverbsAndDeterminersAreNotNouns) {
  expect_stems({{"우리가", ""}, {"그는", ""}, {"이것은", ""}, {"매우", ""}, {"함께", ""},
                {"모든", ""}, {"그리고", ""}});
}

TEST(KoreanAnalyze, SymbolsAroundTheWord) {
  expect_stems({{"\"종전선언을", "종전선언"}, {"'진주만'의", "진주만"}, {"(SLBM)", "SLBM"},
                {"…", ""}, {"美", "美"}, {"韓과", "韓"}});
}

TEST(KoreanAnalyze, TailAndKind) {
  Eojeol e = analyze_eojeol("북한은");
  EXPECT_EQ(e.stem, "북한");
  EXPECT_EQ(e.tail, "은");
  EXPECT_EQ(e.tail_kind, TailKind::particle);
  e = analyze_eojeol("발표했다.");
  EXPECT_EQ(e.tail, "했다.");
  EXPECT_EQ(e.tail_kind, TailKind::verb);
  e = analyze_eojeol("학생이다");
  EXPECT_EQ(e.tail_kind, TailKind::copula);
  e = analyze_eojeol("도시들은");
  EXPECT_EQ(e.tail, "들은");
  EXPECT_EQ(e.tail_kind, TailKind::noun_suffix);
  e = analyze_eojeol("북한");
  EXPECT_EQ(e.tail, "");
  EXPECT_EQ(e.tail_kind, TailKind::none);
  e = analyze_eojeol("매우");
  EXPECT_EQ(e.stem, "");
  EXPECT_EQ(e.tail, "매우");
  EXPECT_EQ(e.tail_kind, TailKind::other);
  EXPECT_STREQ(tail_kind_name(TailKind::noun_suffix), "noun_suffix");
}

TEST(KoreanAnalyze, SplitsOnEveryKindOfSpaceAndKeepsByteSpans) {
  std::string s = "북한은  SLBM을\t발사했다\u00a0 24일";
  std::vector<Eojeol> words = analyze(s);
  ASSERT_EQ(words.size(), 4u);
  EXPECT_EQ(s.substr(words[0].span.byte_begin, words[0].span.byte_count()), "북한은");
  EXPECT_EQ(s.substr(words[1].span.byte_begin, words[1].span.byte_count()), "SLBM을");
  EXPECT_EQ(s.substr(words[2].span.byte_begin, words[2].span.byte_count()), "발사했다");
  EXPECT_EQ(words[3].stem, "24일");
  EXPECT_TRUE(analyze("   ").empty());
}

TEST(KoreanAnalyze, LongEojeolIsAnalysedWithoutOverflow) {
  std::string longword;
  for (int i = 0; i < 100; ++i) longword += "가나";
  longword += "는";
  Eojeol e = analyze_eojeol(longword);
  EXPECT_FALSE(e.stem.empty());
  EXPECT_LE(e.stem.size(), longword.size());
}

TEST(KoreanTermKey, SpacingAndParticlesDoNotMatter) {
  EXPECT_EQ(term_key("한반도 평화교섭본부장은"), term_key("한반도평화교섭본부장"));
  EXPECT_EQ(term_key("한반도평화교섭본부장"), "한반도평화교섭본부장");
  EXPECT_EQ(term_key("종전 선언을"), term_key("종전선언"));
  EXPECT_EQ(term_key("한·미 정상회담"), term_key("한미정상회담"));
  EXPECT_EQ(term_key("SLBM을"), "slbm");
  EXPECT_NE(term_key("발표했다"), term_key("발표"));  // a verb keeps its ending
}

TEST(KoreanTermKey, HeadlineAbbreviationsExpand) {
  EXPECT_EQ(term_key("美 국무부"), term_key("미국 국무부는"));
  EXPECT_EQ(term_key("北"), "북한");
  EXPECT_EQ(term_key("韓美"), "한국미국");
  EXPECT_EQ(term_key("與野"), "여당야당");
  EXPECT_EQ(term_key("日 정부"), "일본정부");
  EXPECT_EQ(term_key("中"), "중국");
}

}  // namespace
}  // namespace koterm::korean
