#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "terms/candidates.h"
#include "terms/ko_words.h"
#include "terms/words.h"

namespace koterm::terms {
namespace {

std::vector<std::string> word_texts(const std::string& s) {
  std::vector<EnWord> words;
  scan_english(s, words);
  std::vector<std::string> out;
  for (const auto& w : words) out.push_back(s.substr(w.byte_begin, w.byte_end - w.byte_begin));
  return out;
}

TEST(ScanEnglish, KeepsAbbreviationsHyphensAndCutsPossessives) {
  EXPECT_EQ(word_texts("North Korea's End-of-War Declaration, the U.S. and Sen. McCain"),
            (std::vector<std::string>{"North", "Korea", "End-of-War", "Declaration", "the", "U.S.",
                                      "and", "Sen.", "McCain"}));
}

TEST(ScanEnglish, MarksBreaksAcronymsAndSentenceStarts) {
  std::string s = "Kim said, \"SLBMs are worrying.\" The talks";
  std::vector<EnWord> w;
  scan_english(s, w);
  ASSERT_EQ(w.size(), 7u);
  EXPECT_TRUE(w[0].sentence_initial);
  EXPECT_TRUE(w[1].break_after);      // "said,"
  EXPECT_TRUE(w[2].acronym);          // SLBMs
  EXPECT_TRUE(w[5].function_word);    // The
  EXPECT_TRUE(w[5].sentence_initial);
  EXPECT_FALSE(w[6].capitalized);
}

std::vector<std::string> en_candidates(const std::string& s) {
  std::vector<EnWord> words;
  scan_english(s, words);
  Interner en;
  std::vector<Cand> cands;
  english_candidates(s, words, CandidateLimits{}, en, cands);
  std::vector<std::string> out;
  for (const auto& c : cands) out.emplace_back(en.str(c.id));
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

TEST(EnglishCandidates, CapitalisedSpansWithConnectors) {
  auto c = en_candidates(
      "Noh Kyu-duk, Director General for Korean Peninsula Peace and Security Affairs at the "
      "Ministry of Foreign Affairs, said");
  EXPECT_TRUE(has(c, "Noh Kyu-duk"));
  EXPECT_TRUE(has(c, "Director General for Korean Peninsula Peace and Security Affairs"));
  EXPECT_TRUE(has(c, "Director General"));
  EXPECT_TRUE(has(c, "Ministry of Foreign Affairs"));
  EXPECT_FALSE(has(c, "Affairs at"));
  EXPECT_FALSE(has(c, "the Ministry of Foreign Affairs"));
  EXPECT_FALSE(has(c, "Kyu-duk, Director"));
}

TEST(EnglishCandidates, TitlesAreMarked) {
  const std::string s = "Director General Noh said Prime Minister Olmert agreed.";
  std::vector<EnWord> words;
  scan_english(s, words);
  Interner en;
  std::vector<Cand> cands;
  english_candidates(s, words, CandidateLimits{}, en, cands);
  std::vector<std::string> titles, others;
  for (const auto& c : cands) ((c.flags & cand_title) ? titles : others).emplace_back(en.str(c.id));
  EXPECT_TRUE(has(titles, "Director General"));
  EXPECT_TRUE(has(titles, "Prime Minister"));
  EXPECT_TRUE(has(others, "Noh"));
  EXPECT_TRUE(has(others, "General") || has(titles, "General"));  // "general" is a title too
  EXPECT_FALSE(has(titles, "Prime"));
}

TEST(EnglishCandidates, LowerCaseNounPhrasesWithOfAndAcronymSingulars) {
  auto c = en_candidates(
      "the proposal for a declaration of the end of the war and submarine-launched ballistic "
      "missiles (SLBMs)");
  EXPECT_TRUE(has(c, "declaration of the end of the war"));
  EXPECT_TRUE(has(c, "submarine-launched ballistic missiles"));
  EXPECT_TRUE(has(c, "SLBMs"));
  EXPECT_TRUE(has(c, "SLBM"));
  EXPECT_FALSE(has(c, "the proposal"));
  EXPECT_FALSE(has(c, "proposal for"));
}

std::vector<std::string> ko_candidates(const std::string& s, KoreanWords& kw) {
  std::vector<KoWord> words;
  kw.analyze(s, words);
  Interner keys, surfaces;
  std::vector<Cand> cands;
  korean_candidates(words, CandidateLimits{}, keys, surfaces, cands);
  std::vector<std::string> out;
  for (const auto& c : cands) out.emplace_back(surfaces.str(c.surface));
  return out;
}

TEST(KoreanCandidates, NounRunsStopAtParticles) {
  KoreanWords kw;
  auto c = ko_candidates("노규덕 외교부 한반도평화교섭본부장과 성 김 대표가 만났다.", kw);
  EXPECT_TRUE(has(c, "노규덕"));
  EXPECT_TRUE(has(c, "외교부 한반도평화교섭본부장"));
  EXPECT_TRUE(has(c, "한반도평화교섭본부장"));
  EXPECT_TRUE(has(c, "성 김"));
  // A particle ends a run: 본부장과 does not continue into 성 김.
  EXPECT_FALSE(has(c, "한반도평화교섭본부장 성"));
}

TEST(KoreanCandidates, QuotationsStartTermsOfTheirOwn) {
  KoreanWords kw;
  // A run of nouns does not continue into an opening quotation mark, spaced or glued.
  auto c = ko_candidates("영화 ‘다크 나이트’의 인기가 높다.", kw);
  EXPECT_TRUE(has(c, "다크 나이트"));
  EXPECT_FALSE(has(c, "영화 다크 나이트"));
  c = ko_candidates("그리스어로 쓰여진‘코덱스 시나이티쿠스(Codex Sinaiticus)’ 필사본", kw);
  EXPECT_TRUE(has(c, "코덱스 시나이티쿠스"));
}

TEST(KoreanCandidates, CopulaDaWithWordsAfterItEndsANoun) {
  KoreanWords kw;
  // 도쿠다 is not 도쿠 + the copula when the sentence goes on after it.
  auto c = ko_candidates("다른 퇴직자처럼 도쿠다 시게오는 정장을 입었다.", kw);
  EXPECT_TRUE(has(c, "도쿠다 시게오"));
  EXPECT_FALSE(has(c, "도쿠"));
  // At the end of the sentence it stays the copula: 스타다 is "is a star".
  c = ko_candidates("도쿠다 시게오는 포르노 스타다", kw);
  EXPECT_TRUE(has(c, "스타"));
  EXPECT_FALSE(has(c, "스타다"));
}

TEST(KoreanCandidates, NamesEndingInJiBeforeAnotherWord) {
  KoreanWords kw;
  // 사르코지 and 조지 end like a verb's 지, but a verb's 지 goes on to 않다 or 못하다.
  auto c = ko_candidates("프랑스 니콜라 사르코지 대통령은 진행자인 조지 스테파노풀로스에게 물었다.", kw);
  EXPECT_TRUE(has(c, "니콜라 사르코지"));
  EXPECT_TRUE(has(c, "사르코지 대통령"));
  EXPECT_TRUE(has(c, "조지 스테파노풀로스"));
  c = ko_candidates("그는 회의에 가지 않았고 발표하지 못했다.", kw);
  EXPECT_FALSE(has(c, "가지"));
  EXPECT_FALSE(has(c, "발표하지"));
}

TEST(KoreanWords, SplitsParenthesisedGlosses) {
  KoreanWords kw;
  std::vector<KoWord> words;
  kw.analyze("북한은 잠수함발사탄도미사일(SLBM) 등을 발사했다.", words);
  ASSERT_GE(words.size(), 3u);
  EXPECT_EQ(words[1].stem, "잠수함발사탄도미사일");
  EXPECT_EQ(words[1].gloss, "SLBM");
  EXPECT_FALSE(words[1].bare);
  EXPECT_EQ(words[2].stem, "SLBM");
  EXPECT_TRUE(words[2].latin);
}

}  // namespace
}  // namespace koterm::terms
