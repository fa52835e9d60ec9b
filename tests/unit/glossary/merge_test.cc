#include "glossary/merge.h"

#include <gtest/gtest.h>

#include "glossary/yaml.h"

namespace koterm::glossary {
namespace {

Glossary fixture(const std::string& name) {
  Diagnostics d;
  Glossary g = load(std::string(KOTERM_FIXTURES) + "/glossary/" + name, d);
  EXPECT_EQ(d.count(Severity::warning), 0u);
  return g;
}

const Entry& by_ko(const Glossary& g, const std::string& ko) {
  for (const auto& e : g.terms)
    if (e.ko == ko) return e;
  throw std::runtime_error("no entry " + ko);
}

const Variant* variant(const Entry& e, const std::string& en) {
  for (const auto& v : e.variants)
    if (v.en == en) return &v;
  return nullptr;
}

TEST(GlossaryMerge, ApprovedEntryKeepsHumanDecisions) {
  Glossary g = fixture("small.yaml");
  merge_into(g, fixture("update.yaml"));
  const Entry& e = by_ko(g, "외교부");
  EXPECT_EQ(e.id, "mofa");
  EXPECT_EQ(e.en, "Ministry of Foreign Affairs");  // the update preferred "Foreign Ministry"
  EXPECT_EQ(e.status, EntryStatus::approved);
  EXPECT_EQ(e.note, "Name since 2013.");
  EXPECT_EQ(variant(e, "Ministry of Foreign Affairs")->status, TermStatus::preferred);
  EXPECT_EQ(variant(e, "Foreign Ministry")->status, TermStatus::admitted);
  EXPECT_EQ(variant(e, "Ministry of Foreign Affairs and Trade")->status, TermStatus::superseded);
}

TEST(GlossaryMerge, EvidenceAccumulates) {
  Glossary g = fixture("small.yaml");
  merge_into(g, fixture("update.yaml"));
  const Entry& e = by_ko(g, "외교부");
  EXPECT_EQ(e.count, 10u);
  EXPECT_EQ(variant(e, "Foreign Ministry")->count, 5u);
  EXPECT_EQ(variant(e, "Foreign Ministry")->zones, (std::vector<std::string>{"caption"}));
  EXPECT_EQ(e.sources, (std::vector<std::string>{"a.txt", "b.txt"}));
  ASSERT_EQ(e.examples.size(), 1u);
  EXPECT_EQ(e.examples[0].source, "b.txt:3");
}

TEST(GlossaryMerge, NewVariantsArriveAsCandidates) {
  Glossary g = fixture("small.yaml");
  merge_into(g, fixture("update.yaml"));
  const Variant* v = variant(by_ko(g, "외교부"), "South Korean foreign ministry");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->status, TermStatus::admitted);
  EXPECT_EQ(v->count, 1u);
}

TEST(GlossaryMerge, RejectedPairNeverComesBack) {
  Glossary g = fixture("small.yaml");
  merge_into(g, fixture("update.yaml"));
  const Entry& e = by_ko(g, "평화협정");
  EXPECT_EQ(e.status, EntryStatus::rejected);
  EXPECT_EQ(e.note, "Wrong pairing; see peace treaty.");
  EXPECT_TRUE(e.variants.empty());
  int entries = 0;
  for (const auto& t : g.terms) entries += t.ko == "평화협정";
  EXPECT_EQ(entries, 1);
}

TEST(GlossaryMerge, HumanDecisionInUpdateWinsOverMachineCandidate) {
  Glossary g = fixture("small.yaml");
  merge_into(g, fixture("update.yaml"));
  const Entry& e = by_ko(g, "비핵화");
  EXPECT_EQ(e.status, EntryStatus::approved);
  EXPECT_EQ(e.en, "denuclearization");
  EXPECT_EQ(variant(e, "denuclearization")->status, TermStatus::preferred);
  EXPECT_EQ(variant(e, "denuclearisation")->status, TermStatus::admitted);
}

TEST(GlossaryMerge, NewEntriesAreAppendedInOrder) {
  Glossary g = fixture("small.yaml");
  merge_into(g, fixture("update.yaml"));
  ASSERT_EQ(g.terms.size(), 5u);
  EXPECT_EQ(g.terms.back().ko, "개성공단");
  EXPECT_EQ(g.terms.back().id, "t-4444");
}

TEST(GlossaryMerge, IsDeterministicAndIdempotentOnText) {
  Glossary a = fixture("small.yaml");
  Glossary b = fixture("small.yaml");
  merge_into(a, fixture("update.yaml"));
  merge_into(b, fixture("update.yaml"));
  EXPECT_EQ(to_yaml(a), to_yaml(b));
  Glossary c = fixture("small.yaml");
  merge_into(c, Glossary{});
  EXPECT_EQ(to_yaml(c), to_yaml(fixture("small.yaml")));
}

TEST(GlossaryMerge, ClashingIdsOfDifferentTermsGetASuffix) {
  Glossary base;
  Entry a;
  a.id = "t-1";
  a.ko = "외교부";
  a.en = "Ministry of Foreign Affairs";
  base.terms.push_back(a);
  Glossary up;
  Entry b;
  b.id = "t-1";
  b.ko = "통일부";
  b.en = "Ministry of Unification";
  up.terms.push_back(b);
  merge_into(base, up);
  ASSERT_EQ(base.terms.size(), 2u);
  EXPECT_EQ(base.terms[1].id, "t-1-2");
}

TEST(GlossaryMerge, MatchesByKoreanVariant) {
  Glossary base;
  Entry a;
  a.id = "nis";
  a.ko = "국가정보원";
  a.en = "National Intelligence Service";
  a.status = EntryStatus::approved;
  a.ko_variants.push_back(KoVariant{"국정원", TermStatus::admitted, 0});
  base.terms.push_back(a);
  Glossary up;
  Entry b;
  b.id = "t-9";
  b.ko = "국정원";
  b.en = "NIS";
  b.count = 3;
  b.variants.push_back(Variant{"NIS", TermStatus::preferred, 3, {}, true, 0, ""});
  up.terms.push_back(b);
  merge_into(base, up);
  ASSERT_EQ(base.terms.size(), 1u);
  EXPECT_EQ(base.terms[0].count, 3u);
  EXPECT_EQ(base.terms[0].ko_variants.size(), 1u);
  ASSERT_NE(variant(base.terms[0], "NIS"), nullptr);
  EXPECT_EQ(variant(base.terms[0], "NIS")->status, TermStatus::admitted);
}

TEST(GlossaryMerge, ExamplesAreCapped) {
  Glossary base;
  Entry a;
  a.id = "a";
  a.ko = "비핵화";
  a.en = "denuclearization";
  base.terms.push_back(a);
  Glossary up = base;
  for (int i = 0; i < 9; ++i)
    up.terms[0].examples.push_back(Example{"비핵화 " + std::to_string(i), "denuclearization", ""});
  merge_into(base, up);
  EXPECT_EQ(base.terms[0].examples.size(), max_examples);
}

}  // namespace
}  // namespace koterm::glossary
