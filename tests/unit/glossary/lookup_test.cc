#include "glossary/lookup.h"

#include <gtest/gtest.h>

#include "glossary/yaml.h"

namespace koterm::glossary {
namespace {

class GlossaryLookup : public ::testing::Test {
 protected:
  void SetUp() override {
    Diagnostics d;
    g_ = load(std::string(KOTERM_FIXTURES) + "/glossary/small.yaml", d);
  }
  std::vector<std::string> ids(const std::string& query) {
    LookupIndex index(g_);
    std::vector<std::string> out;
    for (const auto& h : index.find(query)) out.push_back(g_.terms[h.entry_index].id);
    return out;
  }
  Glossary g_;
};

TEST_F(GlossaryLookup, KoreanWithParticle) {
  EXPECT_EQ(ids("한반도평화교섭본부장은"), std::vector<std::string>{"kpp-rep"});
  EXPECT_EQ(ids("외교부가"), std::vector<std::string>{"mofa"});
}

TEST_F(GlossaryLookup, KoreanWithSpacing) {
  EXPECT_EQ(ids("한반도 평화교섭 본부장"), std::vector<std::string>{"kpp-rep"});
}

TEST_F(GlossaryLookup, EnglishIgnoresCase) {
  EXPECT_EQ(ids("ministry of foreign affairs"), std::vector<std::string>{"mofa"});
  EXPECT_EQ(ids("FOREIGN MINISTRY"), std::vector<std::string>{"mofa"});
}

TEST_F(GlossaryLookup, EnglishVariantFindsEntry) {
  EXPECT_EQ(ids("Director General for Korean Peninsula Peace and Security Affairs"),
            std::vector<std::string>{"kpp-rep"});
}

TEST_F(GlossaryLookup, NothingMatches) {
  EXPECT_TRUE(ids("국방부").empty());
  EXPECT_TRUE(ids("Ministry of Unification").empty());
}

TEST_F(GlossaryLookup, ReportsTheMatchedForm) {
  LookupIndex index(g_);
  auto hits = index.find("Foreign Ministry");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].matched_form, "Foreign Ministry");
  EXPECT_TRUE(hits[0].via_english);
  EXPECT_TRUE(hits[0].exact);
}

}  // namespace
}  // namespace koterm::glossary
