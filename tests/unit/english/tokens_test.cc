// English tokens and matching keys.
#include "english/tokens.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace koterm::english {
namespace {

std::vector<std::string> texts(const std::string& s) {
  std::vector<std::string> out;
  for (const Token& t : tokenize(s)) out.push_back(s.substr(t.span.byte_begin, t.span.byte_count()));
  return out;
}

TEST(EnglishTokenize, WordsAcronymsNumbersAndPunctuation) {
  EXPECT_EQ(texts("The U.S. and N. Korea's end-of-war talks cost $1,000.5 million."),
            (std::vector<std::string>{"The", "U.S.", "and", "N", ".", "Korea's", "end-of-war", "talks", "cost",
                                      "$", "1,000.5", "million", "."}));
  EXPECT_EQ(texts("“Join us”—now!"), (std::vector<std::string>{"“", "Join", "us", "”", "—", "now", "!"}));
  EXPECT_EQ(texts("It ended. Then"), (std::vector<std::string>{"It", "ended", ".", "Then"}));
  EXPECT_TRUE(tokenize(" \t ").empty());
}

TEST(EnglishTokenize, Flags) {
  std::vector<Token> t = tokenize("NATO's U.S. envoy Kim");
  ASSERT_EQ(t.size(), 4u);
  EXPECT_TRUE(t[0].is_acronym);
  EXPECT_TRUE(t[0].capitalized);
  EXPECT_TRUE(t[1].is_acronym);
  EXPECT_FALSE(t[2].is_acronym);
  EXPECT_FALSE(t[2].capitalized);
  EXPECT_TRUE(t[3].capitalized);
  EXPECT_FALSE(t[3].is_acronym);
  EXPECT_TRUE(t[3].is_word);
  EXPECT_FALSE(tokenize(",")[0].is_word);
}

TEST(EnglishTermKey, Equivalences) {
  EXPECT_EQ(term_key("End-of-War Declarations"), term_key("end of war declaration"));
  EXPECT_EQ(term_key("the U.S.'s"), term_key("US"));
  EXPECT_EQ(term_key("U.S."), "us");
  EXPECT_EQ(term_key("Korea’s envoys"), term_key("Korea envoy"));
  EXPECT_EQ(term_key("SLBMs"), term_key("SLBM"));
  EXPECT_EQ(term_key("policies"), "policy");
  EXPECT_EQ(term_key("crises"), "crisis");
  EXPECT_EQ(term_key("boxes"), "box");
  EXPECT_EQ(term_key("peace talks"), "peace talks");
  EXPECT_EQ(term_key("the news"), "news");
  EXPECT_EQ(term_key("status"), "status");
  EXPECT_EQ(term_key("1,000.5"), "1,000.5");
  EXPECT_TRUE(tokenize("SLBMs")[0].is_acronym);
  EXPECT_EQ(term_key("address"), "address");
  EXPECT_EQ(term_key("a"), "a");
  EXPECT_NE(term_key("North Korea"), term_key("South Korea"));
}

}  // namespace
}  // namespace koterm::english
