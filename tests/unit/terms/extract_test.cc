#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>

#include "glossary/yaml.h"
#include "terms/run_extract.h"
#include "terms/stats.h"
#include "text/source.h"

namespace koterm::terms {
namespace {

const std::string fixtures = std::string(KOTERM_FIXTURES) + "/terms/";

glossary::Glossary extract_small(const ExtractOptions& options = {}) {
  std::istringstream none;
  text::SourceText ko = text::read_source(fixtures + "small.ko.txt", none);
  text::SourceText en = text::read_source(fixtures + "small.en.txt", none);
  Diagnostics diags;
  return extract_aligned(ko, en, options, diags);
}

const glossary::Entry* find(const glossary::Glossary& g, const std::string& ko) {
  for (const auto& e : g.terms)
    if (e.ko == ko) return &e;
  return nullptr;
}

const glossary::Variant* variant(const glossary::Entry& e, const std::string& en) {
  for (const auto& v : e.variants)
    if (v.en == en) return &v;
  return nullptr;
}

TEST(ExtractAligned, FindsTermsAcrossLines) {
  glossary::Glossary g = extract_small();
  const glossary::Entry* iaea = find(g, "국제원자력기구");
  ASSERT_NE(iaea, nullptr);
  EXPECT_EQ(iaea->en, "International Atomic Energy Agency");
  EXPECT_EQ(iaea->count, 3u);
  EXPECT_EQ(iaea->status, glossary::EntryStatus::candidate);
  EXPECT_GT(iaea->score, 0.5);
  EXPECT_LE(iaea->score, 1.0);
  ASSERT_FALSE(iaea->examples.empty());
  EXPECT_NE(iaea->examples[0].source.find("small.ko.txt:1"), std::string::npos);
}

TEST(ExtractAligned, ClustersEveryRenderingOfOneTerm) {
  glossary::Glossary g = extract_small();
  const glossary::Entry* e = find(g, "종전선언");
  ASSERT_NE(e, nullptr);
  EXPECT_NE(variant(*e, "end-of-war declaration"), nullptr);
  EXPECT_NE(variant(*e, "declaration of the end of the war"), nullptr);
  std::size_t preferred = 0;
  for (const auto& v : e->variants) preferred += v.status == glossary::TermStatus::preferred;
  EXPECT_EQ(preferred, 1u);
}

TEST(ExtractAligned, RecognisesShortForms) {
  glossary::Glossary g = extract_small();
  const glossary::Entry* e = find(g, "성 김");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->en, "Sung Kim");
  const glossary::Variant* kim = variant(*e, "Kim");
  ASSERT_NE(kim, nullptr);
  EXPECT_TRUE(kim->short_form);
  EXPECT_FALSE(variant(*e, "Sung Kim")->short_form);
}

TEST(ExtractAligned, SameInputSameBytes) {
  EXPECT_EQ(glossary::to_yaml(extract_small()), glossary::to_yaml(extract_small()));
}

TEST(ExtractAligned, SameGlossaryForAnyThreadCount) {
  ExtractOptions one;
  const std::string expected = glossary::to_yaml(extract_small(one));
  for (std::size_t threads : {2u, 3u, 7u}) {
    for (std::size_t block : {1u, 2u, 4096u}) {
      ExtractOptions many;
      many.threads = threads;
      many.link_block = block;
      EXPECT_EQ(glossary::to_yaml(extract_small(many)), expected) << threads << " threads, block " << block;
    }
  }
}

TEST(ExtractAligned, SameGlossaryWhenUnitsWaitInATemporaryFile) {
  const std::string expected = glossary::to_yaml(extract_small());
  for (std::size_t threads : {1u, 3u}) {
    ExtractOptions spilled;
    spilled.spill_memory = 0;  // every block of units goes to the file
    spilled.link_block = 2;
    spilled.threads = threads;
    EXPECT_EQ(glossary::to_yaml(extract_small(spilled)), expected) << threads << " threads";
  }
}

TEST(ExtractAligned, RefusesFilesOfDifferentLength) {
  std::istringstream none;
  text::SourceText ko = text::read_source(fixtures + "small.ko.txt", none);
  text::SourceText en = text::read_source(fixtures + "short.en.txt", none);
  Diagnostics diags;
  try {
    extract_aligned(ko, en, {}, diags);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.pos().line, 11u);
    EXPECT_NE(std::string(e.what()).find(
                  "--aligned needs line i of one file to translate line i of the other; "),
              std::string::npos);
    EXPECT_NE(std::string(e.what()).find("has 11 lines but"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("has 10; hint: for articles that are not line-aligned, give them as KO EN"),
              std::string::npos);
  }
}

TEST(ExtractRunOptions, ValidateNamesTheProblem) {
  ExtractRunOptions o;
  auto message = [&] {
    try {
      o.validate();
    } catch (const UsageError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_EQ(message(), "no input: give KO EN article pairs, --manifest FILE, --dir FOLDER or --aligned KO EN");
  o.pairs = {"a.ko.txt"};
  EXPECT_EQ(message(), "article files come in pairs (KO EN); got 1 path");
  o.manifest = "m.tsv";
  EXPECT_EQ(message(), "give only one kind of input: KO EN pairs, --manifest, --dir or --aligned");
  o = {};
  o.aligned_ko = "a";
  EXPECT_EQ(message(), "--aligned takes two files: KO EN");
  o.aligned_en = "b";
  o.extract.min_entry_score = 2;
  EXPECT_EQ(message(), "--min-score must be between 0 and 1");
  o.extract.min_entry_score = 0.3;
  o.extract.min_link_score = -1;
  EXPECT_EQ(message(), "--min-link-score must be between 0 and 1");
  o.extract.min_link_score = 0.1;
  o.extract.limits.max_ko_eojeols = 0;
  EXPECT_EQ(message(), "the longest Korean candidate must span 1 to 8 eojeols");
  o.extract.limits.max_ko_eojeols = 5;
  o.extract.limits.max_en_words = 40;
  EXPECT_EQ(message(), "the longest English candidate must span 1 to 16 words");
}

TEST(RunExtract, ManifestErrorsNamePathAndLine) {
  std::istringstream in("id\tko\ten\nart1\tonly-one-column\n");
  ExtractRunOptions o;
  o.manifest = "-";
  std::ostringstream out;
  Diagnostics diags;
  try {
    run_extract(o, in, out, diags);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.pos().line, 2u);
    EXPECT_EQ(e.message(),
              "expected 3 TAB-separated columns (id, Korean path, English path); found 2 in "
              "\"art1\tonly-one-column\"");
  }
  std::istringstream empty("# nothing\n");
  try {
    run_extract(o, empty, out, diags);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.message(), "the manifest lists no article pairs");
  }
}

TEST(RunExtract, DirectoryErrors) {
  ExtractRunOptions o;
  o.directory = fixtures + "small.ko.txt";
  std::istringstream in;
  std::ostringstream out;
  Diagnostics diags;
  try {
    run_extract(o, in, out, diags);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.message(), "not a folder; --dir expects a folder of NAME.ko.txt and NAME.en.txt files");
  }
  o.directory = KOTERM_FIXTURES;  // holds only folders
  try {
    run_extract(o, in, out, diags);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.message(), "no NAME.ko.txt + NAME.en.txt pairs in this folder");
  }
}

TEST(RunExtract, WritesYamlGlossary) {
  ExtractRunOptions o;
  o.aligned_ko = fixtures + "small.ko.txt";
  o.aligned_en = fixtures + "small.en.txt";
  std::istringstream in;
  std::ostringstream out;
  Diagnostics diags;
  EXPECT_EQ(run_extract(o, in, out, diags), 0);
  Diagnostics parse_diags;
  glossary::Glossary g = glossary::parse_yaml(out.str(), "out.yaml", parse_diags);
  EXPECT_EQ(parse_diags.count(Severity::error), 0u);
  EXPECT_NE(find(g, "국제원자력기구"), nullptr);
  o.aligned_en = "-";
  o.aligned_ko = "-";
  try {
    run_extract(o, in, out, diags);
    FAIL() << "expected UsageError";
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()), "--aligned: only one of KO and EN can be standard input (-)");
  }
}

TEST(Stats, MergeIsAssociativeOverStrings) {
  auto make = [](const std::string& ko, const std::string& en, std::uint32_t n) {
    Stats s;
    std::uint32_t k = s.intern_ko(ko);
    std::uint32_t e = s.intern_en(en);
    s.ko_count[k] += n;
    s.en_count[e] += n;
    s.pair_count[pair_key(k, e)] += n;
    s.link[pair_key(k, e)].links += n;
    s.units += n;
    return s;
  };
  auto dump = [](const Stats& s) {
    std::vector<std::string> rows;
    s.pair_count.for_each([&](std::uint64_t key, std::uint32_t c) {
      rows.push_back(std::string(s.ko.str(pair_ko(key))) + "|" + std::string(s.en.str(pair_en(key))) +
                     "|" + std::to_string(c) + "|" + std::to_string(s.ko_count[pair_ko(key)]));
    });
    std::sort(rows.begin(), rows.end());
    return rows;
  };
  Stats left = make("북한", "North Korea", 2);
  Stats b1 = make("미국", "U.S.", 3);
  left.merge(b1);
  Stats c1 = make("북한", "North Korea", 1);
  left.merge(c1);
  Stats right = make("북한", "North Korea", 1);
  Stats b2 = make("미국", "U.S.", 3);
  Stats a2 = make("북한", "North Korea", 2);
  b2.merge(right);
  a2.merge(b2);
  EXPECT_EQ(dump(left), dump(a2));
  EXPECT_EQ(left.units, 6u);
  EXPECT_EQ(dump(left), (std::vector<std::string>{"미국|U.S.|3|3", "북한|North Korea|3|3"}));
}

TEST(ExtractArticles, BundledExamplePair) {
  std::istringstream none;
  const std::string ex = std::string(KOTERM_SOURCE_DIR) + "/examples/";
  std::vector<std::pair<text::SourceText, text::SourceText>> articles;
  articles.emplace_back(text::read_source(ex + "nk-envoy.ko.txt", none),
                        text::read_source(ex + "nk-envoy.en.txt", none));
  Diagnostics diags;
  glossary::Glossary g = extract_articles(articles, {}, diags);
  const glossary::Entry* noh = find(g, "노규덕");
  ASSERT_NE(noh, nullptr);
  EXPECT_EQ(noh->en, "Noh Kyu-duk");
  const glossary::Entry* slbm = find(g, "SLBM");
  ASSERT_NE(slbm, nullptr);
  EXPECT_NE(variant(*slbm, "submarine-launched ballistic missiles"), nullptr);
  const glossary::Entry* missile = find(g, "잠수함발사탄도미사일");
  ASSERT_NE(missile, nullptr);
  EXPECT_EQ(missile->en, "submarine-launched ballistic missiles");
  // 성 김 does not swallow the following 미국 (U.S.).
  const glossary::Entry* kim = find(g, "성 김");
  ASSERT_NE(kim, nullptr);
  EXPECT_EQ(kim->en, "Sung Kim");
  // 김 대표 = "Kim" and 노 본부장 = "Noh": the surname alone is the named person's short form,
  // and the bare title is not linked to the surname ("대표 = Kim").
  const glossary::Variant* kim_short = variant(*kim, "Kim");
  ASSERT_NE(kim_short, nullptr);
  EXPECT_TRUE(kim_short->short_form);
  const glossary::Variant* noh_short = variant(*noh, "Noh");
  ASSERT_NE(noh_short, nullptr);
  EXPECT_TRUE(noh_short->short_form);
  EXPECT_EQ(noh->en, "Noh Kyu-duk");
  EXPECT_EQ(find(g, "대표"), nullptr);
  EXPECT_EQ(find(g, "김 대표"), nullptr);
  // The title is keyed without the ministry before it (외교부 = "Ministry of Foreign
  // Affairs" elsewhere in the English), and the subheadline's form is a variant by likeness.
  const glossary::Entry* title = find(g, "한반도평화교섭본부장");
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(title->en, "Director General for Korean Peninsula Peace and Security Affairs");
  EXPECT_NE(variant(*title, "Director of Peace Negotiations Headquarters"), nullptr);
  EXPECT_EQ(find(g, "외교부 한반도평화교섭본부장"), nullptr);
  // "Director General Noh" for 노 본부장: the bare title's rendering begins the full title's,
  // so it is the full title's short form.
  const glossary::Variant* dg = variant(*title, "Director General");
  ASSERT_NE(dg, nullptr);
  EXPECT_TRUE(dg->short_form);
  // 유엔 spells U-N; the residual 안전보장이사회 = "Security Council" composes with it.
  const glossary::Entry* unsc = find(g, "유엔 안전보장이사회");
  ASSERT_NE(unsc, nullptr);
  EXPECT_EQ(unsc->en, "UN Security Council");
  const glossary::Entry* mofa = find(g, "외교부");
  ASSERT_NE(mofa, nullptr);
  EXPECT_EQ(mofa->en, "Ministry of Foreign Affairs");
  // The headline's envoy is the body's special representative, by likeness; 美 beside it is
  // linked to "US" first, so the likeness takes the whole phrase after it.
  const glossary::Entry* envoy = find(g, "대북특별대표");
  ASSERT_NE(envoy, nullptr);
  EXPECT_EQ(envoy->en, "Special Representative for North Korea");
  EXPECT_NE(variant(*envoy, "North Korea Nuclear Envoy"), nullptr);
  // The headline's rendering, seen once, is a variant by likeness to the usual one.
  const glossary::Entry* eow = find(g, "종전선언");
  ASSERT_NE(eow, nullptr);
  EXPECT_EQ(eow->en, "declaration of the end of the war");
  EXPECT_NE(variant(*eow, "End-of-War Declaration"), nullptr);
  // 美 of the headline is 미국, rendered "US" there and "U.S." in the body.
  const glossary::Entry* us = find(g, "미국");
  ASSERT_NE(us, nullptr);
  EXPECT_NE(variant(*us, "US"), nullptr);
}

// Regression: in one bead every pair is seen once, so association (Dice 1 for everything)
// linked arbitrary words; the title left over after the name is linked pairs by elimination.
TEST(ExtractAligned, ResidualTitleInASingleBeadPairsByElimination) {
  std::istringstream none;
  text::SourceText ko = text::read_source(fixtures + "residual.ko.txt", none);
  text::SourceText en = text::read_source(fixtures + "residual.en.txt", none);
  Diagnostics diags;
  glossary::Glossary g = extract_aligned(ko, en, {}, diags);
  const glossary::Entry* noh = find(g, "노규덕");
  ASSERT_NE(noh, nullptr);
  EXPECT_EQ(noh->en, "Noh Kyu-duk");
  const glossary::Entry* title = find(g, "한반도평화교섭본부장");
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(title->en, "Director of Peace Negotiations Headquarters");
}

TEST(ExtractAligned, NamesSpeltOutWinOverAssociationAndWordOrder) {
  std::istringstream none;
  text::SourceText ko = text::read_source(fixtures + "names.ko.txt", none);
  text::SourceText en = text::read_source(fixtures + "names.en.txt", none);
  Diagnostics diags;
  glossary::Glossary g = extract_aligned(ko, en, {}, diags);
  // 이스탄불 = Istanbul does not grow into 굴러 이스탄불 = "Istanbul Gov.": 굴러 belongs to
  // the name spelt out beside it.
  const glossary::Entry* guler = find(g, "무아메르 굴러");
  ASSERT_NE(guler, nullptr);
  EXPECT_EQ(guler->en, "Muammer Guler");
  EXPECT_EQ(find(g, "굴러 이스탄불"), nullptr);
  // Family name first in Korean, last in English; 도쿠다 is not 도쿠 + the copula 다.
  const glossary::Entry* tokuda = find(g, "도쿠다 시게오");
  ASSERT_NE(tokuda, nullptr);
  EXPECT_EQ(tokuda->en, "Shigeo Tokuda");
  // A given name never used alone is no entry of its own.
  EXPECT_EQ(find(g, "시게오"), nullptr);
}

}  // namespace
}  // namespace koterm::terms
