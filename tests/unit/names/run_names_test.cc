#include "names/run_names.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "common/error.h"

namespace koterm::names {
namespace {

std::string run(const RunNamesOptions& o) {
  std::istringstream in;
  std::ostringstream out;
  Diagnostics d;
  EXPECT_EQ(run_names(o, in, out, d), 0);
  EXPECT_TRUE(d.empty());
  return out.str();
}

std::string usage_error(const RunNamesOptions& o) {
  try {
    o.validate();
  } catch (const UsageError& e) {
    return e.what();
  }
  return "";
}

TEST(RunNames, CandidatesOnePerLine) {
  RunNamesOptions o;
  o.hangul = "노규덕";
  o.max = 3;
  EXPECT_EQ(run(o), "Noh Kyu-duk\nNoh Kyu-deok\nNoh Gyu-duk\n");
}

TEST(RunNames, NotANameGivesBothRomanisations) {
  RunNamesOptions o;
  o.hangul = "로렌스";
  EXPECT_EQ(run(o), "rorenseu\nnorensŭ\n");
}

TEST(RunNames, ScoresBestFirstWithThreeDecimals) {
  RunNamesOptions o;
  o.hangul = "노규덕";
  o.english = {"No Gyu-deok", "Noh Kyu-duk", "Roh Kyu-duk"};
  EXPECT_EQ(run(o), "Noh Kyu-duk\t1.000\nRoh Kyu-duk\t0.973\nNo Gyu-deok\t0.827\n");
}

TEST(RunNames, TiesKeepTheInputOrder) {
  RunNamesOptions o;
  o.hangul = "노규덕";
  o.english = {"Kim", "NOH KYU-DUK", "Park", "Noh Kyu-duk"};
  EXPECT_EQ(run(o), "NOH KYU-DUK\t1.000\nNoh Kyu-duk\t1.000\nKim\t0.000\nPark\t0.000\n");
}

TEST(RunNames, KindLoanwordSkipsTheNameReading) {
  RunNamesOptions o;
  o.hangul = "노규덕";
  o.kind = NamesKind::loanword;
  o.english = {"Noh"};
  EXPECT_EQ(run(o), "Noh\t0.000\n");
}

TEST(RunNames, ErrorMessages) {
  RunNamesOptions o;
  EXPECT_EQ(usage_error(o), "names: expected a Korean name in Hangul, e.g. koterm names 노규덕");
  o.hangul = "노Kyu";
  EXPECT_EQ(usage_error(o),
            "names: expected Hangul syllables; found \"K\" at character 2 of \"노Kyu\"; hint: give the "
            "Korean form first, then the English spellings");
  o.hangul = " - ";
  EXPECT_EQ(usage_error(o), "names: expected a Korean name in Hangul; found only spaces or hyphens");
  o.hangul = "노\xff";
  EXPECT_EQ(usage_error(o), "names: the Korean name is not valid UTF-8 (byte 4); hint: check the terminal's encoding");
  o.hangul = "노규덕";
  o.max = 0;
  EXPECT_EQ(usage_error(o), "--max: expected a number of candidates of at least 1");
  try {
    names_kind_from("name");
    ADD_FAILURE();
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "--kind: expected auto, korean or loanword; found \"name\"");
  }
  EXPECT_EQ(names_kind_from("korean"), NamesKind::korean);
}

}  // namespace
}  // namespace koterm::names
