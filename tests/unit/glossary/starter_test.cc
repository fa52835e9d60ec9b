// The starter glossaries in glossaries/ are valid, warning-free, rewrite to the same bytes
// and together hold at least 300 entries.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "glossary/lookup.h"
#include "glossary/yaml.h"

namespace koterm::glossary {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> starter_files() {
  std::vector<std::string> out;
  for (const auto& f : fs::directory_iterator(std::string(KOTERM_SOURCE_DIR) + "/glossaries"))
    if (f.path().extension() == ".yaml") out.push_back(f.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

TEST(StarterGlossaries, AreValidAndCanonical) {
  std::size_t total = 0;
  auto files = starter_files();
  ASSERT_GE(files.size(), 4u);
  for (const auto& path : files) {
    Diagnostics d;
    Glossary g = load(path, d);
    for (const auto& x : d.items()) ADD_FAILURE() << x.str();
    total += g.terms.size();
    std::ifstream f(path, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    EXPECT_EQ(to_yaml(g), s.str()) << path << " is not in koterm's canonical layout";
    for (const auto& e : g.terms) EXPECT_EQ(e.status, EntryStatus::approved) << path << ": " << e.id;
  }
  EXPECT_GE(total, 300u);
}

TEST(StarterGlossaries, ForeignMinistryRenaming) {
  Diagnostics d;
  Glossary g = load(std::string(KOTERM_SOURCE_DIR) + "/glossaries/government.yaml", d);
  LookupIndex index(g);
  auto hits = index.find("외교통상부는");
  ASSERT_EQ(hits.size(), 1u);
  const Entry& old_name = g.terms[hits[0].entry_index];
  EXPECT_EQ(old_name.en, "Ministry of Foreign Affairs and Trade");
  EXPECT_EQ(old_name.valid_until, "2013-03-22");
  hits = index.find("외교부");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(g.terms[hits[0].entry_index].valid_from, "2013-03-23");
}

TEST(StarterGlossaries, PeaceEnvoyTitle) {
  Diagnostics d;
  Glossary g = load(std::string(KOTERM_SOURCE_DIR) + "/glossaries/titles.yaml", d);
  LookupIndex index(g);
  auto hits = index.find("한반도평화교섭본부장은");
  ASSERT_EQ(hits.size(), 1u);
  const Entry& e = g.terms[hits[0].entry_index];
  EXPECT_EQ(e.en, "Special Representative for Korean Peninsula Peace and Security Affairs");
  EXPECT_TRUE(std::any_of(e.variants.begin(), e.variants.end(), [](const Variant& v) {
    return v.en == "Director General for Korean Peninsula Peace and Security Affairs";
  }));
}

}  // namespace
}  // namespace koterm::glossary
