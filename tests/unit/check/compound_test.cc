// Glossary terms inside longer words: a common noun closing a Korean compound (컴퓨터 in
// 수퍼컴퓨터) is part of another term, and an English compound (supercomputer) renders it.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "check/check.h"
#include "check/match.h"

namespace koterm::check {
namespace {

using glossary::TermStatus;

glossary::Entry entry(std::string ko, std::string en, glossary::Kind kind) {
  glossary::Entry e;
  e.id = ko;
  e.ko = std::move(ko);
  e.en = en;
  glossary::Variant v;
  v.en = std::move(en);
  v.status = TermStatus::preferred;
  e.variants = {v};
  e.kind = kind;
  e.status = glossary::EntryStatus::approved;
  return e;
}

glossary::Glossary compound_glossary() {
  glossary::Glossary g;
  g.terms = {entry("컴퓨터", "computer", glossary::Kind::technical),
             entry("한반도평화교섭본부장",
                   "Special Representative for Korean Peninsula Peace and Security Affairs",
                   glossary::Kind::title)};
  return g;
}

std::vector<Finding> check_lines(const std::string& ko, const std::string& en,
                                 const glossary::Glossary& g) {
  auto k = std::make_shared<const text::SourceText>(text::SourceText::from_bytes("a.ko", ko));
  auto e = std::make_shared<const text::SourceText>(text::SourceText::from_bytes("a.en", en));
  return Checker(CheckOptions{}, &g).run(split_aligned(k, e, 0)).findings;
}

TEST(TermIndex, MarksATermClosingALongerWord) {
  glossary::Glossary g = compound_glossary();
  TermIndex index(g);
  KeyCache keys;
  std::vector<KoHit> hits = index.find_ko("수퍼컴퓨터를 공개했고 이 컴퓨터는 빠르다.", keys);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_TRUE(hits[0].inside_word);
  EXPECT_FALSE(hits[1].inside_word);
  hits = index.find_ko("외교부한반도평화교섭본부장이 왔다.", keys);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_TRUE(hits[0].inside_word);
}

TEST(Checker, CommonNounOnlyInsideALongerWordIsNotMissing) {
  glossary::Glossary g = compound_glossary();
  EXPECT_TRUE(check_lines("연구소가 수퍼컴퓨터를 공개했다.\n",
                          "The laboratory showed off its new machine.\n", g)
                  .empty());
}

TEST(Checker, EnglishCompoundRendersTheTermOfAKoreanCompound) {
  glossary::Glossary g = compound_glossary();
  // The second, stand-alone 컴퓨터 refers back to the 수퍼컴퓨터 of the same sentence.
  EXPECT_TRUE(check_lines("이 수퍼컴퓨터는 이 컴퓨터를 쓰는 연구자들에게 쓸모가 많다.\n",
                          "The supercomputer has many uses, say researchers who use it.\n", g)
                  .empty());
}

TEST(Checker, LongerGlossaryTermClosingWithTheTermCountsAsItsCompound) {
  glossary::Glossary g = compound_glossary();
  g.terms.push_back(entry("수퍼컴퓨터", "supercomputer", glossary::Kind::technical));
  TermIndex index(g);
  KeyCache keys;
  std::vector<KoHit> hits = index.find_ko("이 수퍼컴퓨터는 이 컴퓨터를 쓴다.", keys);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].entry, 2u);  // the longer term wins over the one inside it
  EXPECT_FALSE(hits[0].inside_word);
  EXPECT_EQ(hits[1].entry, 0u);
  EXPECT_TRUE(check_lines("이 수퍼컴퓨터는 이 컴퓨터를 쓰는 연구자들에게 쓸모가 많다.\n",
                          "The supercomputer has many uses, say researchers who use it.\n", g)
                  .empty());
}

TEST(Checker, StandAloneCommonNounIsStillMissing) {
  glossary::Glossary g = compound_glossary();
  auto f = check_lines("이 컴퓨터는 빠르다.\n", "The supercomputer is fast.\n", g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].type, FindingType::missing);
  EXPECT_EQ(f[0].ko, "컴퓨터");
  f = check_lines("이 컴퓨터는 빠르다.\n", "The machine is fast.\n", g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].type, FindingType::missing);
}

TEST(Checker, OneWordNameWrittenAsTwoWordsRendersIt) {
  glossary::Glossary g;
  g.terms = {entry("슬라이다이얼", "Slydial", glossary::Kind::other)};
  EXPECT_TRUE(check_lines("슬라이다이얼은 발신자 번호 확인 기능이 필요하다.\n",
                          "Sly dialers must have the caller ID feature activated.\n", g)
                  .empty());
  auto f = check_lines("슬라이다이얼은 발신자 번호 확인 기능이 필요하다.\n",
                       "Users must have the caller ID feature activated.\n", g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].type, FindingType::missing);
}

TEST(Checker, TitleWrittenAgainstAnotherWordIsStillMissing) {
  glossary::Glossary g = compound_glossary();
  auto f = check_lines("외교부한반도평화교섭본부장이 방한했다.\n", "A senior official visited Seoul.\n", g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].type, FindingType::missing);
  EXPECT_EQ(f[0].ko, "한반도평화교섭본부장");
}

}  // namespace
}  // namespace koterm::check
