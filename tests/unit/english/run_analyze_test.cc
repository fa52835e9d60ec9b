// `koterm analyze` through the library (run_analyze) and through the command line.
#include "english/run_analyze.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>

#include "cli/app.h"
#include "common/error.h"

namespace koterm::english {
namespace {

std::string run(const std::string& input, text::Lang lang, AnalyzeFormat format) {
  AnalyzeOptions o;
  o.path = "-";
  o.lang = lang;
  o.format = format;
  std::istringstream in(input);
  std::ostringstream out;
  Diagnostics d;
  EXPECT_EQ(run_analyze(o, in, out, d), 0);
  return out.str();
}

TEST(RunAnalyze, KoreanTsvShowsTheEojeolAsWrittenAndItsStem) {
  // Full-width digits are folded for analysis, but the eojeol column shows the original.
  std::string out = run("북한은 １９９２년에\r\n\r\n우리가 발표했다.\n", text::Lang::ko, AnalyzeFormat::tsv);
  EXPECT_EQ(out,
            "북한은\t북한\t은\tparticle\t북한\n"
            "１９９２년에\t1992년\t에\tparticle\t1992년\n"
            "우리가\t\t우리가\tparticle\t우리가\n"
            "발표했다.\t발표\t했다.\tverb\t발표했다\n");
}

TEST(RunAnalyze, EnglishTsvGivesKeysAndFlags) {
  std::string out = run("The U.S.'s talks.\n", text::Lang::en, AnalyzeFormat::tsv);
  EXPECT_EQ(out,
            "The\tthe\tword,cap\n"
            "U.S.'s\tus\tword,cap,acronym\n"
            "talks\ttalks\tword\n"
            ".\t\tpunct\n");
}

TEST(RunAnalyze, JsonHasOffsetsIntoTheOriginalFile) {
  std::string out = run("\xEF\xBB\xBF북한은 SLBM을\n", text::Lang::ko, AnalyzeFormat::json);
  auto doc = nlohmann::json::parse(out);
  EXPECT_EQ(doc["lang"], "ko");
  EXPECT_EQ(doc["path"], "<stdin>");
  const auto& items = doc["lines"][0]["items"];
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0]["text"], "북한은");
  EXPECT_EQ(items[0]["byte_begin"], 3);  // after the BOM
  EXPECT_EQ(items[1]["stem"], "SLBM");
  EXPECT_EQ(items[1]["tail_kind"], "particle");
}

TEST(RunAnalyze, BadFormatAndMissingFileAreUsageErrors) {
  try {
    analyze_format_from("csv");
    FAIL();
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "--format must be tsv or json, not \"csv\"");
  }
  try {
    AnalyzeOptions o;
    o.validate();
    FAIL();
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "analyze: no input file given (use - for standard input)");
  }
}

TEST(AnalyzeCommand, ExitCodesAndMessages) {
  std::istringstream in("북한은\n");
  std::ostringstream out, err;
  cli::Io io{in, out, err};
  EXPECT_EQ(cli::run_main({"analyze", "--lang", "ko", "-"}, io), 0);
  EXPECT_EQ(out.str(), "북한은\t북한\t은\tparticle\t북한\n");
  std::ostringstream out2, err2;
  cli::Io io2{in, out2, err2};
  EXPECT_EQ(cli::run_main({"analyze", "--lang", "fr", "-"}, io2), 2);
  EXPECT_NE(err2.str().find("--lang must be ko or en, not \"fr\""), std::string::npos) << err2.str();
}

}  // namespace
}  // namespace koterm::english
