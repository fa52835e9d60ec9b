#include "glossary/exchange.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/error.h"
#include "glossary/validate.h"
#include "glossary/yaml.h"

namespace koterm::glossary {
namespace {

std::string read(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

Glossary small() {
  Diagnostics d;
  return load(std::string(KOTERM_FIXTURES) + "/glossary/small.yaml", d);
}

TEST(GlossaryTbx, RoundTripKeepsTermsVariantsAndStatuses) {
  Glossary g = small();
  std::string tbx = export_glossary(g, Format::tbx);
  Diagnostics d;
  Glossary back = import_glossary(tbx, Format::tbx, "small.tbx", d);
  EXPECT_TRUE(d.empty()) << d.items()[0].str();
  ASSERT_EQ(back.terms.size(), g.terms.size());
  for (std::size_t i = 0; i < g.terms.size(); ++i) {
    const Entry& a = g.terms[i];
    const Entry& b = back.terms[i];
    EXPECT_EQ(b.id, a.id);
    EXPECT_EQ(b.ko, a.ko);
    EXPECT_EQ(b.en, a.en);
    EXPECT_EQ(b.kind, a.kind);
    EXPECT_EQ(b.status, a.status);
    EXPECT_EQ(b.note, a.note);
    EXPECT_EQ(b.valid_from, a.valid_from);
    EXPECT_EQ(b.count, a.count);
    // An entry without variants gets its preferred form as one.
    std::vector<Variant> want = a.variants;
    if (want.empty()) want.push_back(Variant{a.en, TermStatus::preferred, 0, {}, false, 0, ""});
    ASSERT_EQ(b.variants.size(), want.size()) << a.id;
    for (std::size_t v = 0; v < want.size(); ++v) {
      EXPECT_EQ(b.variants[v].en, want[v].en);
      EXPECT_EQ(b.variants[v].status, want[v].status);
      EXPECT_EQ(b.variants[v].count, want[v].count);
      EXPECT_EQ(b.variants[v].short_form, want[v].short_form);
    }
  }
}

TEST(GlossaryTbx, HasAdministrativeStatusPerTerm) {
  std::string tbx = export_glossary(small(), Format::tbx);
  EXPECT_NE(tbx.find("<tbx type=\"TBX-Basic\""), std::string::npos);
  EXPECT_NE(tbx.find("<term>Ministry of Foreign Affairs and Trade</term>\n            <termNote "
                     "type=\"administrativeStatus\">supersededTerm-admn-sts</termNote>"),
            std::string::npos)
      << tbx;
}

TEST(GlossaryTbx, ReadsTbx2008TermEntries) {
  const std::string tbx =
      "<?xml version=\"1.0\"?>\n<martif type=\"TBX-Basic\"><text><body>\n"
      "<termEntry id=\"c1\"><langSet xml:lang=\"ko-KR\"><tig><term>통일부</term></tig></langSet>"
      "<langSet xml:lang=\"en-US\"><tig><term>Ministry of Unification</term>"
      "<termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote></tig>"
      "<tig><term>Ministry of National Unification</term>"
      "<termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</termNote></tig></langSet></termEntry>\n"
      "</body></text></martif>\n";
  Diagnostics d;
  Glossary g = import_glossary(tbx, Format::tbx, "old.tbx", d);
  ASSERT_EQ(g.terms.size(), 1u);
  EXPECT_EQ(g.terms[0].id, "c1");
  EXPECT_EQ(g.terms[0].ko, "통일부");
  EXPECT_EQ(g.terms[0].en, "Ministry of Unification");
  ASSERT_EQ(g.terms[0].variants.size(), 2u);
  EXPECT_EQ(g.terms[0].variants[1].status, TermStatus::deprecated);
}

TEST(GlossaryTbx, MalformedXmlNamesThePosition) {
  Diagnostics d;
  try {
    import_glossary("<tbx>\n<text><body>\n<conceptEntry></body>", Format::tbx, "bad.tbx", d);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), "bad.tbx:3:17: malformed TBX (XML): Start-end tags mismatch");
  }
}

TEST(GlossaryTbx, WrongRootElement) {
  Diagnostics d;
  try {
    import_glossary("<html><body/></html>", Format::tbx, "page.tbx", d);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), "page.tbx:1:1: not a TBX file: the root element is <html>, expected <tbx> or <martif>");
  }
}

TEST(GlossaryTbx, UnknownAdministrativeStatus) {
  const std::string tbx =
      "<tbx><text><body><conceptEntry id=\"x\"><langSec xml:lang=\"ko\"><termSec><term>외교부</term></termSec></langSec>"
      "<langSec xml:lang=\"en\"><termSec><term>MOFA</term><termNote type=\"administrativeStatus\">okTerm</termNote>"
      "</termSec></langSec></conceptEntry></body></text></tbx>";
  Diagnostics d;
  import_glossary(tbx, Format::tbx, "x.tbx", d);
  ASSERT_EQ(d.count(Severity::error), 1u);
  EXPECT_EQ(d.items()[0].str(),
            "x.tbx:1:156: error: unknown administrativeStatus \"okTerm\" (preferredTerm-admn-sts, "
            "admittedTerm-admn-sts, deprecatedTerm-admn-sts, supersededTerm-admn-sts)");
}

TEST(GlossaryTsv, ExportIsOmegaTThreeColumns) {
  std::string tsv = export_glossary(small(), Format::tsv);
  EXPECT_EQ(tsv,
            "외교부\tMinistry of Foreign Affairs\tName since 2013.\n"
            "외교부\tForeign Ministry\tadmitted variant of Ministry of Foreign Affairs\n"
            "한반도평화교섭본부장\tSpecial Representative for Korean Peninsula Peace and Security Affairs\t\n"
            "한반도평화교섭본부장\tDirector General for Korean Peninsula Peace and Security Affairs\tadmitted variant of "
            "Special Representative for Korean Peninsula Peace and Security Affairs\n"
            "비핵화\tdenuclearisation\t\n");
}

TEST(GlossaryTsv, ImportsOmegaTLinesAndGroupsVariants) {
  Diagnostics d;
  Glossary g = import_glossary("외교부\tMinistry of Foreign Affairs\tofficial\n외교부\tForeign Ministry\n통일부\tMinistry of Unification\n",
                               Format::tsv, "g.tsv", d);
  EXPECT_TRUE(d.empty());
  ASSERT_EQ(g.terms.size(), 2u);
  EXPECT_EQ(g.terms[0].en, "Ministry of Foreign Affairs");
  EXPECT_EQ(g.terms[0].note, "official");
  ASSERT_EQ(g.terms[0].variants.size(), 2u);
  EXPECT_EQ(g.terms[0].variants[1].en, "Foreign Ministry");
  EXPECT_EQ(g.terms[0].variants[1].status, TermStatus::admitted);
  EXPECT_EQ(g.terms[0].id, make_id("외교부"));
  EXPECT_EQ(g.name, "g");
}

TEST(GlossaryTsv, WrongColumnCount) {
  Diagnostics d;
  import_glossary("외교부\tMinistry of Foreign Affairs\n통일부\n", Format::tsv, "g.tsv", d);
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(d.items()[0].str(),
            "g.tsv:2:1: error: expected 2 or 3 tab-separated columns (Korean, English, comment); found 1");
}

TEST(GlossaryTsv, ImportsTheGovernmentGlossaryExcerpt) {
  // tests/fixtures/glossary/gov-excerpt.tsv: rows of teampopong/popong.com-glossary (Apache-2.0).
  std::string path = std::string(KOTERM_FIXTURES) + "/glossary/gov-excerpt.tsv";
  Diagnostics d;
  Glossary g = import_glossary(read(path), Format::tsv, path, d);
  ASSERT_EQ(g.terms.size(), 8u);  // 건의안 has no English
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(d.items()[0].str(), path + ":5:1: warning: the English column is empty; the row is skipped");
  const Entry& e = g.terms[1];
  EXPECT_EQ(e.ko, "간사");
  EXPECT_EQ(e.en, "Ranking Member");
  ASSERT_EQ(e.variants.size(), 3u);
  EXPECT_EQ(e.variants[2].en, "Vice Chairman");
  EXPECT_EQ(e.variants[2].status, TermStatus::admitted);
  EXPECT_EQ(g.terms[5].note, "http://www.nanet.go.kr/");
  Diagnostics check;
  check_glossary(g, {}, check);
  EXPECT_TRUE(check.empty());
}

TEST(GlossaryTsv, ImportsTheWholeGovernmentGlossaryFromShared) {
  // Reads ../shared/glossaries-import/ko-en-government-glossary.tsv when it is there.
  std::string path = std::string(KOTERM_SHARED_DIR) + "/glossaries-import/ko-en-government-glossary.tsv";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "../shared is absent";
  Diagnostics d;
  Glossary g = import_glossary(read(path), Format::tsv, path, d);
  EXPECT_EQ(d.count(Severity::error), 0u);
  EXPECT_GT(g.terms.size(), 1000u);
  Diagnostics check;
  check_glossary(g, {}, check);
  EXPECT_EQ(check.count(Severity::error), 0u);
  Diagnostics again;
  Glossary reread = parse_yaml(to_yaml(g), "imported.yaml", again);
  EXPECT_EQ(again.count(Severity::error), 0u);
  EXPECT_EQ(reread.terms.size(), g.terms.size());
}

TEST(GlossaryCsv, ExportHasHeaderAndQuotes) {
  Glossary g = small();
  g.terms[0].note = "Name since 2013, \"official\".";
  std::string csv = export_glossary(g, Format::csv);
  EXPECT_EQ(csv.substr(0, csv.find('\n') + 1), "ID,Korean,English,English status,Kind,Entry status,Note\r\n");
  EXPECT_NE(csv.find("mofa,외교부,Ministry of Foreign Affairs,preferred,org,approved,\"Name since 2013, \"\"official\"\".\"\r\n"),
            std::string::npos)
      << csv;
  EXPECT_EQ(csv.find("평화협정"), std::string::npos);  // rejected entries stay out
}

TEST(GlossaryCsv, RoundTrip) {
  Glossary g = small();
  g.terms[0].note = "Name since 2013, \"official\".\nSecond line.";
  std::erase_if(g.terms, [](const Entry& e) { return e.status == EntryStatus::rejected; });
  Diagnostics d;
  Glossary back = import_glossary(export_glossary(g, Format::csv), Format::csv, "g.csv", d);
  EXPECT_TRUE(d.empty()) << d.items()[0].str();
  ASSERT_EQ(back.terms.size(), g.terms.size());
  for (std::size_t i = 0; i < g.terms.size(); ++i) {
    EXPECT_EQ(back.terms[i].id, g.terms[i].id);
    EXPECT_EQ(back.terms[i].en, g.terms[i].en);
    EXPECT_EQ(back.terms[i].kind, g.terms[i].kind);
    EXPECT_EQ(back.terms[i].status, g.terms[i].status);
    EXPECT_EQ(back.terms[i].variants.size(), std::max<std::size_t>(g.terms[i].variants.size(), 1));
  }
  EXPECT_EQ(back.terms[0].note, g.terms[0].note);
  EXPECT_EQ(back.terms[0].variants[2].status, TermStatus::superseded);
}

TEST(GlossaryCsv, HeaderMustNameKoreanAndEnglish) {
  Diagnostics d;
  try {
    import_glossary("source,target\n외교부,MOFA\n", Format::csv, "g.csv", d);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "g.csv:1:1: the CSV header must name a Korean and an English column (e.g. \"Korean,English\"); found "
              "\"source,target\"");
  }
}

TEST(GlossaryCsv, UnclosedQuote) {
  Diagnostics d;
  try {
    import_glossary("Korean,English\n외교부,\"MOFA\n", Format::csv, "g.csv", d);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), "g.csv:2:5: a quoted CSV field is never closed; add the closing '\"'");
  }
}

TEST(GlossaryCsv, WrongFieldCount) {
  Diagnostics d;
  import_glossary("Korean,English\n외교부,MOFA,extra\n", Format::csv, "g.csv", d);
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(d.items()[0].str(), "g.csv:2:1: error: expected 2 comma-separated fields as in the header; found 3");
}

TEST(GlossaryCsv, UnknownEnglishStatus) {
  Diagnostics d;
  import_glossary("Korean,English,English status\n외교부,MOFA,forbidden\n", Format::csv, "g.csv", d);
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(d.items()[0].str(),
            "g.csv:2:1: error: unknown English status \"forbidden\" (preferred, admitted, deprecated, superseded)");
}

TEST(GlossaryJson, ExportParsesAndKeepsFields) {
  auto j = nlohmann::json::parse(export_glossary(small(), Format::json));
  EXPECT_EQ(j["version"], 1);
  ASSERT_EQ(j["terms"].size(), 4u);
  EXPECT_EQ(j["terms"][0]["ko"], "외교부");
  EXPECT_EQ(j["terms"][0]["variants"][2]["status"], "superseded");
  EXPECT_EQ(j["terms"][3]["score"], 0.42);
  EXPECT_EQ(export_glossary(small(), Format::json), export_glossary(small(), Format::json));
}

TEST(GlossaryFormats, Names) {
  EXPECT_EQ(format_from("tbx"), Format::tbx);
  EXPECT_EQ(format_from("xlsx"), std::nullopt);
  EXPECT_STREQ(name_of(Format::csv), "csv");
}

TEST(GlossaryImport, JsonIsNotAnImportFormat) {
  Diagnostics d;
  try {
    import_glossary("{}", Format::json, "g.json", d);
    FAIL() << "no error";
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()), "import reads tsv, csv or tbx (--from); JSON is an export format");
  }
}

}  // namespace
}  // namespace koterm::glossary
