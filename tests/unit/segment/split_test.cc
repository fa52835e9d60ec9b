#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "segment/segment.h"
#include "segment/splitter.h"

namespace koterm::segment {
namespace {

std::vector<std::string> split(const std::string& paragraph, text::Lang lang,
                               const SegmentOptions& options = {}) {
  std::vector<std::string> out;
  for (const text::Span& s : split_sentences(paragraph, lang, options))
    out.push_back(paragraph.substr(s.byte_begin, s.byte_count()));
  return out;
}

struct Case {
  const char* name;
  text::Lang lang;
  const char* paragraph;
  std::vector<std::string> sentences;
};

class SplitTable : public ::testing::TestWithParam<Case> {};

TEST_P(SplitTable, Splits) {
  const Case& c = GetParam();
  EXPECT_EQ(split(c.paragraph, c.lang), c.sentences) << c.name;
}

const text::Lang ko = text::Lang::ko;
const text::Lang en = text::Lang::en;

INSTANTIATE_TEST_SUITE_P(
    English, SplitTable,
    ::testing::Values(
        Case{"UsBeforeACapitalNoun", en, "The U.S. State Department said so. Kim agreed.",
             {"The U.S. State Department said so.", "Kim agreed."}},
        Case{"UsEndingASentence", en, "He met envoys in the U.S. The talks went well.",
             {"He met envoys in the U.S.", "The talks went well."}},
        Case{"Titles", en, "Mr. Kim met Gen. Brooks and Dr. Lee. They talked.",
             {"Mr. Kim met Gen. Brooks and Dr. Lee.", "They talked."}},
        Case{"Initials", en, "George W. Bush met Kim Dae-jung. It was 2001.",
             {"George W. Bush met Kim Dae-jung.", "It was 2001."}},
        Case{"MonthsAndNumbers", en, "It opened on Jan. 5 at No. 10 Downing St. in London. Crowds came.",
             {"It opened on Jan. 5 at No. 10 Downing St. in London.", "Crowds came."}},
        Case{"CompanyAbbreviation", en, "Samsung Electronics Co. said profit rose. Shares fell.",
             {"Samsung Electronics Co. said profit rose.", "Shares fell."}},
        Case{"QuestionInsideQuoteThenSaid", en, "\"Why now?\" he asked. Nobody answered.",
             {"\"Why now?\" he asked.", "Nobody answered."}},
        Case{"QuoteThenShortAttribution", en, "\"We are ready.\" Kim said. The talks ended.",
             {"\"We are ready.\" Kim said.", "The talks ended."}},
        Case{"PeriodInsideClosingQuote", en, "He said, \"We hope so.\" The envoys agreed.",
             {"He said, \"We hope so.\"", "The envoys agreed."}},
        Case{"SmallLetterAfterAPlainPeriod", en, "The plan failed. that was clear.",
             {"The plan failed.", "that was clear."}},
        Case{"AbbreviationInACompound", en, "Ties with the Korea-U.S. alliance grew. Both sides agreed.",
             {"Ties with the Korea-U.S. alliance grew.", "Both sides agreed."}},
        Case{"UrlQueryIsNotAnEnd", en, "See www.example.com/article.asp?id=3 for more. Thanks.",
             {"See www.example.com/article.asp?id=3 for more.", "Thanks."}},
        Case{"EllipsisBeforeSmallLetter", en, "He paused... then he spoke. It was late.",
             {"He paused... then he spoke.", "It was late."}},
        Case{"AmPm", en, "They met at 10 a.m. Monday and left at 3 p.m. The talks were long.",
             {"They met at 10 a.m. Monday and left at 3 p.m.", "The talks were long."}},
        Case{"ListNumberOpensASentence", en, "Risks are not understood. 3. Arginine Some doctors use it.",
             {"Risks are not understood.", "3. Arginine Some doctors use it."}},
        Case{"StandaloneClosingQuote", en, "He said, \"We changed our position. \" Police came.",
             {"He said, \"We changed our position. \"", "Police came."}},
        Case{"ExclamationAndQuestion", en, "Stop! Who goes there? Nobody.",
             {"Stop!", "Who goes there?", "Nobody."}},
        Case{"ColonBeforeASentenceStarter", en,
             "Big time blood money at the weekend box office: The vampire romance opens at number 1.",
             {"Big time blood money at the weekend box office:", "The vampire romance opens at number 1."}},
        Case{"ColonBeforeAQuotedSentence", en,
             "Here's AP White House correspondent Mark Smith: “The specifics haven't been disclosed.”",
             {"Here's AP White House correspondent Mark Smith:", "“The specifics haven't been disclosed.”"}},
        Case{"ColonAfterAVerbOfSayingStaysOne", en, "Kate McCann said: \"We look forward to it.\"",
             {"Kate McCann said: \"We look forward to it.\""}},
        Case{"ColonAfterASpeakerLabelStaysOne", en, "Giles' father: When I was young, men never cooked.",
             {"Giles' father: When I was young, men never cooked."}},
        Case{"ColonInANumberedSenseStaysOne", en,
             "2. a particular occasion of state of affairs: They might not offer me much money.",
             {"2. a particular occasion of state of affairs: They might not offer me much money."}},
        Case{"ColonBeforeAProperNounStaysOne", en,
             "The trees were seen on Europe's most famous streets: Milan's Piazza della Scala and more.",
             {"The trees were seen on Europe's most famous streets: Milan's Piazza della Scala and more."}},
        Case{"ColonInsideAQuotedTitleStaysOne", en,
             "Visitors to the superb exhibition \"Hadrian: The Empire\" came in crowds.",
             {"Visitors to the superb exhibition \"Hadrian: The Empire\" came in crowds."}},
        Case{"SemicolonBeforeASentenceStarter", en,
             "Roman history isn't done and dusted; The exhibition brings together 180 objects.",
             {"Roman history isn't done and dusted;", "The exhibition brings together 180 objects."}},
        Case{"SemicolonBeforeASmallLetterStaysOne", en,
             "The backhoe had crushed the front end of a minibus; it was unclear if anyone was inside.",
             {"The backhoe had crushed the front end of a minibus; it was unclear if anyone was inside."}},
        Case{"QuotationClosedWithoutATerminator", en,
             "I shouted, 'I will give you whatever you want ' His pleas went unheeded.",
             {"I shouted, 'I will give you whatever you want '", "His pleas went unheeded."}},
        Case{"CurlyQuotationClosedWithoutATerminator", en,
             "They chanted “no more war” The police watched.",
             {"They chanted “no more war”", "The police watched."}},
        Case{"CommaBeforeAClosingQuoteStaysOne", en,
             "\"I will be an engineer here someday,\" I said to myself.",
             {"\"I will be an engineer here someday,\" I said to myself."}},
        Case{"ApostropheIsNotAClosingQuote", en, "It was the players' The fans' day.",
             {"It was the players' The fans' day."}},
        Case{"PeriodQuoteThenSmallLetterEnds", en,
             "Agriculture stood in the way of deals.\" had their first vote in May.",
             {"Agriculture stood in the way of deals.\"", "had their first vote in May."}},
        Case{"PeriodQuoteThenAttributionStaysOne", en,
             "\"We will revise the article.\" he said in a news conference.",
             {"\"We will revise the article.\" he said in a news conference."}},
        Case{"PeriodQuoteThenLaterAttributionStaysOne", en,
             "\"That is Oxford.\" the guide explained to us. We went in.",
             {"\"That is Oxford.\" the guide explained to us.", "We went in."}},
        Case{"QuestionQuoteThenSmallLetterStaysOne", en,
             "Panels ask \"Head Scarf?\" or \"Prophet Muhammad?\" on one side.",
             {"Panels ask \"Head Scarf?\" or \"Prophet Muhammad?\" on one side."}},
        Case{"HeadingRepeatedByItsSentence", en,
             "Ask about the risks. Testosterone Testosterone, produced by both sexes, boosts libido.",
             {"Ask about the risks.", "Testosterone", "Testosterone, produced by both sexes, boosts libido."}},
        Case{"TwoWordHeadingRepeatedAtParagraphStart", en,
             "Green tea Green tea lowers blood pressure. It is cheap.",
             {"Green tea", "Green tea lowers blood pressure.", "It is cheap."}},
        Case{"RepeatedSmallWordIsNoHeading", en, "Very very few came. They left.",
             {"Very very few came.", "They left."}},
        Case{"HyphenatedNameIsNoHeading", en, "Boutros Boutros-Ghali spoke. He left.",
             {"Boutros Boutros-Ghali spoke.", "He left."}}));

INSTANTIATE_TEST_SUITE_P(
    Korean, SplitTable,
    ::testing::Values(
        Case{"TwoSentences", ko, "김 대표는 이날 회동한 뒤 이같이 밝혔다. 이번 방한은 일주일 만이다.",
             {"김 대표는 이날 회동한 뒤 이같이 밝혔다.", "이번 방한은 일주일 만이다."}},
        Case{"QuotationGoesOnWithRago", ko, "그는 \"협력하기를 기대한다.\"라고 말했다. 회담은 끝났다.",
             {"그는 \"협력하기를 기대한다.\"라고 말했다.", "회담은 끝났다."}},
        Case{"QuotationGoesOnAfterASpace", ko, "소년이 \"들어와요.\" 라고 말했다. 나는 들어갔다.",
             {"소년이 \"들어와요.\" 라고 말했다.", "나는 들어갔다."}},
        Case{"QuestionQuotationWithHago", ko, "내가 “점심 다 됐어요?” 하고 물었다. 남편은 대답했다.",
             {"내가 “점심 다 됐어요?” 하고 물었다.", "남편은 대답했다."}},
        Case{"QuotationWithShortAttribution", ko, "\"그럴지도 모르죠.\" 사장이 말했다. 우리는 웃었다.",
             {"\"그럴지도 모르죠.\" 사장이 말했다.", "우리는 웃었다."}},
        Case{"Initial", ko, "조지 W. 부시 전 대통령이 방한했다. 회담이 열렸다.",
             {"조지 W. 부시 전 대통령이 방한했다.", "회담이 열렸다."}},
        Case{"UsInKorean", ko, "그는 U.S. 스틸을 방문했다. 이어 귀국했다.",
             {"그는 U.S. 스틸을 방문했다.", "이어 귀국했다."}},
        Case{"EndBeforeLatinSmallLetters", ko, "월드시리즈 5차전을 치르게 됩니다. despondent 실망한",
             {"월드시리즈 5차전을 치르게 됩니다.", "despondent 실망한"}},
        Case{"MissingPeriodAfterPastDeclarative", ko, "그는 \"쉽지 않았다\"고 말했다 그는 다시 웃었다.",
             {"그는 \"쉽지 않았다\"고 말했다", "그는 다시 웃었다."}},
        Case{"DateStampEndsAListItem", ko, "국방개혁안 우려      2005.10 뉴욕서 테러 추도식 열려",
             {"국방개혁안 우려      2005.10", "뉴욕서 테러 추도식 열려"}},
        Case{"DateInProseIsNotAnEnd", ko, "2005.10 현재 통계가 나왔다.", {"2005.10 현재 통계가 나왔다."}},
        Case{"EnglishSentenceAfterKorean", ko, "투표용지 기입소 US plans to lift sanctions 미국, 곧 제재 풀 듯",
             {"투표용지 기입소", "US plans to lift sanctions 미국, 곧 제재 풀 듯"}},
        Case{"EllipsisAndQuotesBetweenSentences", ko, "“팔아서 식량을 사야죠…” “다른 사람들은 반대한다.”",
             {"“팔아서 식량을 사야죠…”", "“다른 사람들은 반대한다.”"}},
        Case{"StrayPeriodJoinsTheSentenceBefore", ko, "그는 강하게 부인했다. . 라이스 장관은 떠났다.",
             {"그는 강하게 부인했다. .", "라이스 장관은 떠났다."}},
        Case{"DecimalNumber", ko, "성장률은 2.5%였다. 물가는 3.1% 올랐다.",
             {"성장률은 2.5%였다.", "물가는 3.1% 올랐다."}},
        Case{"HeadlineEndingBeforeAQuotation", ko, "한일 외교 장관 파키스탄서 만날 듯 ˝미국 비상국은 조사를 시작했다.",
             {"한일 외교 장관 파키스탄서 만날 듯", "˝미국 비상국은 조사를 시작했다."}},
        Case{"DeutBeforeAVerbStaysOne", ko, "유가는 고공행진을 하는 듯 보였다. 시장은 불안했다.",
             {"유가는 고공행진을 하는 듯 보였다.", "시장은 불안했다."}},
        Case{"DeutInsideAWordStaysOne", ko, "배트맨이 마스크를 쓰듯 “다크나이트” 스타도 사생활을 감춘다.",
             {"배트맨이 마스크를 쓰듯 “다크나이트” 스타도 사생활을 감춘다."}},
        Case{"CommaTypedForAPeriod", ko, "군은 대청소 작전에 착수했다, 오랜 기간 소각 설비 작업이 진행됐다.",
             {"군은 대청소 작전에 착수했다,", "오랜 기간 소각 설비 작업이 진행됐다."}},
        Case{"PastDeclarativeCommaBeforeAQuotationStaysOne", ko, "소년이 대답했다, \"고맙다, 얘야.\"",
             {"소년이 대답했다, \"고맙다, 얘야.\""}},
        Case{"PresentTenseCommaStaysOne", ko, "그는 에쉬와간다, 황기 같은 허브를 권한다.",
             {"그는 에쉬와간다, 황기 같은 허브를 권한다."}}));

TEST(Split, BlankParagraphHasNoSentences) {
  EXPECT_TRUE(split("", ko).empty());
  EXPECT_TRUE(split("   \t ", en).empty());
}

TEST(Split, TrimsSurroundingSpaces) {
  EXPECT_EQ(split("  첫 문장이다.   둘째 문장이다.  ", ko),
            (std::vector<std::string>{"첫 문장이다.", "둘째 문장이다."}));
}

TEST(Split, IcuAloneSplitsAfterAnAbbreviationThatTheRulesKeep) {
  SegmentOptions icu_only;
  icu_only.use_rules = false;
  const std::string p = "Mr. Kim met Gen. Brooks in Seoul. They talked.";
  EXPECT_GT(split(p, en, icu_only).size(), split(p, en).size());
}

TEST(Split, SplitterIsReusableAcrossParagraphs) {
  SentenceSplitter splitter(en, {});
  EXPECT_EQ(splitter.split("One. Two.").size(), 2u);
  EXPECT_EQ(splitter.split("Only one here").size(), 1u);
  EXPECT_EQ(splitter.split("A. B. C.").size(), 1u);  // initials
}

}  // namespace
}  // namespace koterm::segment

namespace koterm::segment {
namespace {

TEST(Split, KeepQuotationsHoldsAQuotedPassageTogether) {
  SegmentOptions o;
  o.keep_quotations = true;
  const std::string p = "He said, \"Absolutely. I am an actor.\" Then he left.";
  EXPECT_EQ(split(p, text::Lang::en, o),
            (std::vector<std::string>{"He said, \"Absolutely. I am an actor.\"", "Then he left."}));
  EXPECT_EQ(split(p, text::Lang::en).size(), 3u);
}

}  // namespace
}  // namespace koterm::segment

namespace koterm::segment {
namespace {

TEST(Split, AContractedStarterEndsASentenceAfterAnAbbreviation) {
  EXPECT_EQ(split("I work until 5:00 p.m. I'm going to study.", text::Lang::en),
            (std::vector<std::string>{"I work until 5:00 p.m.", "I'm going to study."}));
}

}  // namespace
}  // namespace koterm::segment

namespace koterm::segment {
namespace {

TEST(Split, AnEllipsisInsideAQuotationIsAPause) {
  EXPECT_EQ(split("Envoy \"Expects Cooperation... North Korea Must Come\" Noh met Kim. Kim left.",
                  text::Lang::en),
            (std::vector<std::string>{
                "Envoy \"Expects Cooperation... North Korea Must Come\" Noh met Kim.", "Kim left."}));
}

}  // namespace
}  // namespace koterm::segment
