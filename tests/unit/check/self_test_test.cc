#include "check/self_test.h"

#include <gtest/gtest.h>

namespace koterm::check {
namespace {

glossary::Glossary mofa_glossary() {
  glossary::Glossary g;
  glossary::Entry e;
  e.id = "mofa";
  e.ko = "외교부";
  e.en = "Ministry of Foreign Affairs";
  e.status = glossary::EntryStatus::approved;
  e.kind = glossary::Kind::org;
  e.variants.push_back({"Ministry of Foreign Affairs", glossary::TermStatus::preferred, 0, {}, false, 0, ""});
  e.variants.push_back({"Ministry of Foreign Affairs and Trade", glossary::TermStatus::superseded, 0, {}, false, 0, ""});
  g.terms.push_back(e);
  return g;
}

TEST(SelfTest, PassingPairHasNoFinding) {
  auto g = mofa_glossary();
  glossary::SelfTest t{"외교부는 이날 성명을 발표했다.", "The Ministry of Foreign Affairs issued a statement.", "pass"};
  EXPECT_EQ(run_self_test(g, g.terms[0], t), "");
}

// Regression: the superseded "Ministry of Foreign Affairs and Trade" contains the preferred
// form, which used to count as accepted and hid the finding.
TEST(SelfTest, SupersededFormContainingThePreferredOneIsFlagged) {
  auto g = mofa_glossary();
  glossary::SelfTest t{"외교부는 이날 성명을 발표했다.",
                       "The Ministry of Foreign Affairs and Trade issued a statement.", "flag"};
  EXPECT_EQ(run_self_test(g, g.terms[0], t), "");
  glossary::SelfTest wrong{t.ko, t.en, "pass"};
  EXPECT_NE(run_self_test(g, g.terms[0], wrong).find("check reports"), std::string::npos);
}

TEST(SelfTest, FlagExpectedButNothingFoundSaysSo) {
  auto g = mofa_glossary();
  glossary::SelfTest t{"외교부는 이날 성명을 발표했다.", "The Ministry of Foreign Affairs issued a statement.", "flag"};
  EXPECT_EQ(run_self_test(g, g.terms[0], t), "check reports nothing on 외교부");
}

}  // namespace
}  // namespace koterm::check
