#include "glossary/yaml.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "common/error.h"
#include "glossary/validate.h"

namespace koterm::glossary {
namespace {

std::string read(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

std::string fixture(const std::string& name) { return std::string(KOTERM_FIXTURES) + "/glossary/" + name; }

// "version: 1 ... terms:" followed by `terms`.
std::string doc(const std::string& terms) {
  return "version: 1\nname: t\nterms:\n" + terms;
}

std::vector<std::string> messages(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d.items()) out.push_back(x.str());
  return out;
}

TEST(GlossaryYaml, ReadsEveryField) {
  Diagnostics d;
  Glossary g = load(fixture("small.yaml"), d);
  EXPECT_TRUE(d.empty()) << (d.empty() ? "" : d.items()[0].str());
  ASSERT_EQ(g.terms.size(), 4u);
  EXPECT_EQ(g.name, "small");
  EXPECT_EQ(g.header_comment, "A small glossary for koterm's tests.\n");
  const Entry& e = g.terms[0];
  EXPECT_EQ(e.id, "mofa");
  EXPECT_EQ(e.ko, "외교부");
  EXPECT_EQ(e.en, "Ministry of Foreign Affairs");
  ASSERT_EQ(e.variants.size(), 3u);
  EXPECT_EQ(e.variants[0].status, TermStatus::preferred);
  EXPECT_EQ(e.variants[0].count, 4u);
  EXPECT_EQ(e.variants[0].zones, (std::vector<std::string>{"body", "headline"}));
  EXPECT_TRUE(e.variants[1].short_form);
  EXPECT_EQ(e.variants[2].status, TermStatus::superseded);
  EXPECT_EQ(e.kind, Kind::org);
  EXPECT_EQ(e.status, EntryStatus::approved);
  EXPECT_EQ(e.valid_from, "2013-03-23");
  EXPECT_EQ(e.count, 6u);
  EXPECT_EQ(e.line, 7u);
  EXPECT_EQ(g.terms[2].status, EntryStatus::rejected);
  EXPECT_DOUBLE_EQ(g.terms[3].score, 0.42);
}

TEST(GlossaryYaml, RewriteIsByteIdentical) {
  Diagnostics d;
  Glossary g = load(fixture("small.yaml"), d);
  std::string once = to_yaml(g);
  Diagnostics d2;
  Glossary again = parse_yaml(once, "again.yaml", d2);
  EXPECT_TRUE(d2.empty());
  EXPECT_EQ(to_yaml(again), once);
  EXPECT_EQ(once, read(fixture("small.yaml")));  // the fixture is in koterm's own layout
}

TEST(GlossaryYaml, AwkwardStringsSurviveARoundTrip) {
  const std::vector<std::string> strings = {
      "yes", "no", "null", "~", "123", "1.5", "2013-03-23", "- dash", "key: value", "a # not a comment",
      "\"quoted\"", "'single'", "back\\slash", "line\nbreak", "tab\there", " leading space", "trailing space ",
      "[flow]", "{map}", "a, b", "@at", "`tick", "%pct", "!bang", "&amp", "*star", "|pipe", ">gt", "?q",
      "한반도 \"평화\" 교섭", "U.S.-North Korea", "colon at end:", "\x01control"};
  Glossary g;
  g.name = "round trip";
  int n = 0;
  for (const auto& s : strings) {
    Entry e;
    e.id = "id-" + std::to_string(n++);
    e.ko = "용어" + std::to_string(n);
    e.en = s;
    e.note = s;
    e.sources = {s};
    Variant v;
    v.en = s;
    v.status = TermStatus::preferred;
    v.zones = {"body"};
    e.variants.push_back(v);
    g.terms.push_back(e);
  }
  Diagnostics d;
  Glossary back = parse_yaml(to_yaml(g), "rt.yaml", d);
  ASSERT_EQ(back.terms.size(), strings.size()) << to_yaml(g);
  for (std::size_t i = 0; i < strings.size(); ++i) {
    EXPECT_EQ(back.terms[i].en, strings[i]);
    EXPECT_EQ(back.terms[i].note, strings[i]);
    ASSERT_EQ(back.terms[i].sources.size(), 1u);
    EXPECT_EQ(back.terms[i].sources[0], strings[i]);
    EXPECT_EQ(back.terms[i].variants.at(0).en, strings[i]);
  }
}

struct BadCase {
  const char* name;
  std::string yaml;
  std::string expected;  // one of the diagnostics, "path:line:col: severity: message"
};

class GlossaryYamlProblems : public ::testing::TestWithParam<BadCase> {};

TEST_P(GlossaryYamlProblems, AreReportedWithPosition) {
  Diagnostics d;
  parse_yaml(GetParam().yaml, "g.yaml", d);
  auto all = messages(d);
  EXPECT_NE(std::find(all.begin(), all.end(), GetParam().expected), all.end())
      << "got:\n" << [&] { std::string s; for (auto& m : all) s += m + "\n"; return s; }();
}

const std::string term_ok = "  - id: a\n    ko: 외교부\n    en: Ministry of Foreign Affairs\n";

INSTANTIATE_TEST_SUITE_P(
    All, GlossaryYamlProblems,
    ::testing::Values(
        BadCase{"unknown_top_key", "version: 1\ncolour: blue\nterms: []\n",
                "g.yaml:2:1: warning: unknown key \"colour\" in the glossary (ignored; known keys: version, name, "
                "source_lang, target_lang, terms)"},
        BadCase{"unknown_term_key", doc(term_ok + "    colour: blue\n"),
                "g.yaml:7:5: warning: unknown key \"colour\" in a term (ignored; known keys: id, ko, ko_variants, en, "
                "variants, kind, status, note, valid_from, valid_until, count, score, sources, examples, tests)"},
        BadCase{"bad_kind", doc(term_ok + "    kind: organisation\n"),
                "g.yaml:7:11: error: \"kind\" must be one of person, org, title, place, acronym, policy, technical, "
                "other; found \"organisation\""},
        BadCase{"bad_status", doc(term_ok + "    status: aproved\n"),
                "g.yaml:7:13: error: \"status\" must be one of candidate, approved, rejected; found \"aproved\""},
        BadCase{"bad_variant_status", doc(term_ok + "    variants:\n      - en: MOFA\n        status: forbidden\n"),
                "g.yaml:9:17: error: \"status\" must be one of preferred, admitted, deprecated, superseded; found "
                "\"forbidden\""},
        BadCase{"bad_date", doc(term_ok + "    valid_from: 2013-02-30\n"),
                "g.yaml:7:17: error: \"valid_from\" must be a date YYYY-MM-DD; found \"2013-02-30\""},
        BadCase{"bad_date_text", doc(term_ok + "    valid_until: March 2013\n"),
                "g.yaml:7:18: error: \"valid_until\" must be a date YYYY-MM-DD; found \"March 2013\""},
        BadCase{"dates_reversed", doc(term_ok + "    valid_from: \"2014-01-01\"\n    valid_until: \"2013-01-01\"\n"),
                "g.yaml:8:18: error: \"valid_until\" 2013-01-01 is before \"valid_from\" 2014-01-01"},
        BadCase{"count_not_number", doc(term_ok + "    count: many\n"),
                "g.yaml:7:12: error: \"count\" must be a whole number >= 0; found \"many\""},
        BadCase{"score_out_of_range", doc(term_ok + "    score: 1.5\n"),
                "g.yaml:7:12: error: \"score\" must be between 0 and 1; found 1.5"},
        BadCase{"score_not_number", doc(term_ok + "    score: high\n"),
                "g.yaml:7:12: error: \"score\" must be a number between 0 and 1; found \"high\""},
        BadCase{"short_form_not_bool", doc(term_ok + "    variants:\n      - en: MOFA\n        short_form: sometimes\n"),
                "g.yaml:9:21: error: \"short_form\" must be true or false; found \"sometimes\""},
        BadCase{"en_is_a_list", doc("  - id: a\n    ko: 외교부\n    en: [a, b]\n"),
                "g.yaml:6:9: error: \"en\" must be a string; found a list"},
        BadCase{"sources_scalar", doc(term_ok + "    sources: a.txt\n"),
                "g.yaml:7:14: error: \"sources\" must be a list, e.g. [a.txt]; found a scalar"},
        BadCase{"terms_not_list", "version: 1\nterms: 3\n", "g.yaml:2:8: error: \"terms\" must be a list of terms; found a scalar"},
        BadCase{"term_not_map", doc("  - 외교부\n"),
                "g.yaml:4:5: error: a term must be a map with at least \"id\", \"ko\" and \"en\"; found a scalar"},
        BadCase{"missing_id", doc("  - ko: 외교부\n    en: Ministry of Foreign Affairs\n"),
                "g.yaml:4:5: error: a term needs a non-empty \"id\""},
        BadCase{"missing_ko", doc("  - id: a\n    en: Ministry of Foreign Affairs\n"),
                "g.yaml:4:5: error: a term needs a non-empty \"ko\" (its Korean form)"},
        BadCase{"missing_en", doc("  - id: a\n    ko: 외교부\n"),
                "g.yaml:4:5: error: a term needs a non-empty \"en\" (its preferred English form)"},
        BadCase{"missing_version", "terms: []\n", "g.yaml:1:1: error: the glossary needs \"version: 1\" at the top"},
        BadCase{"missing_terms", "version: 1\n", "g.yaml:1:1: error: the glossary needs a \"terms:\" list"},
        BadCase{"version_2", "version: 2\nterms: []\n",
                "g.yaml:1:10: error: unsupported glossary version 2; this koterm reads version 1"},
        BadCase{"wrong_lang", "version: 1\nsource_lang: ja\nterms: []\n",
                "g.yaml:2:14: error: \"source_lang\" must be ko (koterm glossaries are Korean to English); found \"ja\""},
        BadCase{"duplicate_key", doc(term_ok + "    ko: 통일부\n"), "g.yaml:7:5: error: duplicate key \"ko\" in a term"},
        BadCase{"duplicate_id", doc(term_ok + "  - id: a\n    ko: 통일부\n    en: Ministry of Unification\n"),
                "g.yaml:7:9: error: duplicate id \"a\" (first used on line 4)"},
        BadCase{"duplicate_korean",
                doc(term_ok + "  - id: b\n    ko: 외교부\n    en: Foreign Ministry\n"),
                "g.yaml:8:9: error: duplicate Korean term \"외교부\" (also on line 4); merge the entries or give them "
                "valid_from/valid_until periods that do not overlap"},
        BadCase{"preferred_differs",
                doc(term_ok + "    variants:\n      - en: Foreign Ministry\n        status: preferred\n"),
                "g.yaml:8:9: error: the preferred variant \"Foreign Ministry\" differs from \"en\" \"Ministry of Foreign "
                "Affairs\"; make it admitted or change \"en\""},
        BadCase{"two_preferred",
                doc(term_ok + "    variants:\n      - en: Ministry of Foreign Affairs\n        status: preferred\n"
                              "      - en: Foreign Ministry\n        status: preferred\n"),
                "g.yaml:6:9: error: term \"a\" has 2 preferred variants; at most one may be preferred"},
        BadCase{"variant_twice",
                doc(term_ok + "    variants:\n      - en: MOFA\n      - en: MOFA\n"),
                "g.yaml:9:9: error: variant \"MOFA\" is listed twice"},
        BadCase{"variant_without_en", doc(term_ok + "    variants:\n      - status: admitted\n"),
                "g.yaml:8:9: error: a variant needs a non-empty \"en\""},
        BadCase{"unknown_zone", doc(term_ok + "    variants:\n      - en: MOFA\n        zones: [footer]\n"),
                "g.yaml:8:9: warning: unknown zone \"footer\" (known: headline, subheadline, caption, byline, body)"},
        BadCase{"test_expect", doc(term_ok + "    tests:\n      - ko: 외교부는\n        en: The ministry\n        expect: maybe\n"),
                "g.yaml:10:17: error: \"expect\" must be pass or flag; found \"maybe\""},
        BadCase{"test_no_expect", doc(term_ok + "    tests:\n      - ko: 외교부는\n        en: The ministry\n"),
                "g.yaml:8:9: error: a self-test needs \"expect: pass\" or \"expect: flag\""},
        BadCase{"test_no_en", doc(term_ok + "    tests:\n      - ko: 외교부는\n        expect: pass\n"),
                "g.yaml:8:9: error: a self-test needs both \"ko\" and \"en\" sentences"},
        BadCase{"example_not_map", doc(term_ok + "    examples: [text]\n"),
                "g.yaml:7:16: error: an example must be a map with \"ko\" and \"en\"; found a scalar"},
        BadCase{"alias", doc(term_ok + "    note: &n hello\n    kind: *n\n"),
                "g.yaml:8:11: error: \"kind\" must be one of person, org, title, place, acronym, policy, technical, "
                "other; found an alias"},
        BadCase{"second_document", "version: 1\nterms: []\n---\nversion: 1\n",
                "g.yaml:4:1: warning: a second YAML document is ignored"}),
    [](const ::testing::TestParamInfo<BadCase>& p) { return std::string(p.param.name); });

TEST(GlossaryYaml, ReportsAllProblemsNotJustTheFirst) {
  Diagnostics d;
  Glossary g = load(fixture("errors.yaml"), d);
  EXPECT_EQ(d.count(Severity::error), 8u);
  EXPECT_EQ(d.count(Severity::warning), 9u);  // errors count as at least warnings
  EXPECT_EQ(g.terms.size(), 3u);
}

TEST(GlossaryYaml, StreamedTermsKeepTheirPlaceBesideBrokenItems) {
  // Map items are read while yaml-cpp parses; other items afterwards, in list order.
  Diagnostics d;
  Glossary g = parse_yaml(doc("  - 외교부\n" + term_ok + "  - [x]\n  - id: b\n    ko: 통일부\n    en: Ministry of Unification\n"),
                          "g.yaml", d);
  ASSERT_EQ(g.terms.size(), 4u);
  EXPECT_EQ(g.terms[1].id, "a");
  EXPECT_EQ(g.terms[1].line, 5u);
  EXPECT_EQ(g.terms[3].id, "b");
  EXPECT_EQ(g.terms[3].ko, "통일부");
  EXPECT_EQ(d.count(Severity::error), 2u);
}

TEST(GlossaryYaml, SameKoreanTermInDisjointPeriodsIsFine) {
  Diagnostics d;
  parse_yaml(doc("  - id: a\n    ko: 행정안전부\n    en: Ministry of the Interior and Safety\n    valid_from: \"2017-07-26\"\n"
                 "  - id: b\n    ko: 행정안전부\n    en: Ministry of Public Administration and Security\n"
                 "    valid_from: \"2008-02-29\"\n    valid_until: \"2013-03-22\"\n"),
             "g.yaml", d);
  EXPECT_TRUE(d.empty()) << d.items()[0].str();
}

TEST(GlossaryYaml, ColumnsCountCharactersNotBytes) {
  Diagnostics d;
  parse_yaml(doc("  - {id: a, ko: 외교부, en: x, kind: bad}\n"), "g.yaml", d);
  auto all = messages(d);
  ASSERT_FALSE(all.empty());
  EXPECT_EQ(all[0].substr(0, 12), "g.yaml:4:35:");
}

TEST(GlossaryYaml, SyntaxErrorThrowsWithPosition) {
  Diagnostics d;
  try {
    parse_yaml("version: 1\nterms: [a, b\nname: x\n", "g.yaml", d);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), "g.yaml:3:5: YAML syntax error: end of sequence flow not found");
  }
}

TEST(GlossaryYaml, TopLevelMustBeAMap) {
  Diagnostics d;
  try {
    parse_yaml("- a\n- b\n", "g.yaml", d);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "g.yaml:1:1: a glossary must be a YAML map starting with \"version: 1\"; found a list (see glossaries/SCHEMA.md)");
  }
}

TEST(GlossaryYaml, TsvGivenAsYamlIsNotAMap) {
  Diagnostics d;
  EXPECT_THROW(parse_yaml("외교부\tMinistry of Foreign Affairs\n", "g.yaml", d), InputError);
}

TEST(GlossaryYaml, DeepFlowNestingIsRefusedBeforeParsing) {
  std::string deep = "version: 1\nterms: " + std::string(100000, '[') + "\n";
  Diagnostics d;
  try {
    parse_yaml(deep, "deep.yaml", d);
    FAIL() << "no error";
  } catch (const LimitError& e) {
    EXPECT_EQ(std::string(e.what()),
              "deep.yaml:2:72: flow nesting ('[' or '{') deeper than 64 levels; a glossary needs a handful (the "
              "limit is max_yaml_depth in glossary/yaml.h)");
  }
}

TEST(GlossaryYaml, DeepBlockNestingIsRefused) {
  std::string deep = "version: 1\nterms:\n";
  for (int i = 0; i < 200; ++i) deep += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- \n";
  Diagnostics d;
  EXPECT_THROW(parse_yaml(deep, "deep.yaml", d), LimitError);
}

TEST(GlossaryYaml, BracketsInsideQuotesDoNotCount) {
  std::string text = doc(term_ok + "    note: \"" + std::string(100, '[') + "\"\n");
  Diagnostics d;
  Glossary g = parse_yaml(text, "g.yaml", d);
  EXPECT_EQ(g.terms.at(0).note, std::string(100, '['));
}

TEST(GlossaryYaml, InvalidUtf8IsAnInputError) {
  Diagnostics d;
  EXPECT_THROW(parse_yaml("version: 1\nname: \xff\xfe\nterms: []\n", "g.yaml", d), InputError);
}

TEST(GlossaryYaml, MissingFileIsAnInputError) {
  Diagnostics d;
  EXPECT_THROW(load(fixture("no-such-file.yaml"), d), InputError);
}

TEST(GlossaryDates, CalendarRules) {
  EXPECT_TRUE(is_iso_date("2013-03-23"));
  EXPECT_TRUE(is_iso_date("2024-02-29"));
  EXPECT_FALSE(is_iso_date("2023-02-29"));
  EXPECT_FALSE(is_iso_date("1900-02-29"));
  EXPECT_TRUE(is_iso_date("2000-02-29"));
  EXPECT_FALSE(is_iso_date("2013-13-01"));
  EXPECT_FALSE(is_iso_date("2013-3-23"));
  EXPECT_FALSE(is_iso_date("2013/03/23"));
}

}  // namespace
}  // namespace koterm::glossary
