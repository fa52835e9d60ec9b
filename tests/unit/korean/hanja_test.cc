// Hanja readings from a libhangul table, headline abbreviations, and the messages when the
// table is missing.
#include "korean/hanja.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "common/error.h"
#include "korean/analyze.h"

namespace koterm::korean {
namespace {

const std::string k_fixtures = std::string(KOTERM_FIXTURES) + "/korean";

// Sets KOTERM_HANJA_TABLE for one test and restores it afterwards.
class HanjaEnv {
 public:
  explicit HanjaEnv(const std::string& path) {
    const char* old = std::getenv("KOTERM_HANJA_TABLE");
    had_ = old != nullptr;
    if (had_) old_ = old;
    setenv("KOTERM_HANJA_TABLE", path.c_str(), 1);
  }
  ~HanjaEnv() {
    if (had_) {
      setenv("KOTERM_HANJA_TABLE", old_.c_str(), 1);
    } else {
      unsetenv("KOTERM_HANJA_TABLE");
    }
  }

 private:
  bool had_ = false;
  std::string old_;
};

TEST(HanjaTable, ReadsTheUsualReading) {
  HanjaTable t = HanjaTable::load(k_fixtures + "/hanja-mini.txt");
  EXPECT_EQ(t.reading(U'美'), "미");
  EXPECT_EQ(t.reading(U'北'), "북");  // the reading its glosses use, not 배
  EXPECT_EQ(t.reading(U'核'), "핵");
  EXPECT_EQ(t.reading(U'水'), "");
  EXPECT_EQ(t.size(), 3u);
}

TEST(HanjaTable, MissingTableNamesThePathAndTheFix) {
  try {
    HanjaTable::load("/nonexistent/hanja.txt");
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.pos().path, "/nonexistent/hanja.txt");
    EXPECT_EQ(e.message(),
              "cannot read the hanja table; install Debian's libhangul-data (scripts/install-deps.sh) or "
              "point KOTERM_HANJA_TABLE at a libhangul hanja.txt");
  }
}

TEST(HanjaTable, TableWithoutEntriesIsRefused) {
  try {
    HanjaTable::load(k_fixtures + "/hanja-empty.txt");
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.message(),
              "the hanja table has no \"reading:hanja:gloss\" lines; install Debian's libhangul-data "
              "(scripts/install-deps.sh) or point KOTERM_HANJA_TABLE at a libhangul hanja.txt");
  }
}

TEST(HanjaTable, EnvironmentOverridesThePath) {
  HanjaEnv env(k_fixtures + "/hanja-mini.txt");
  EXPECT_EQ(hanja_table_path(), k_fixtures + "/hanja-mini.txt");
  EXPECT_EQ(default_hanja_table().reading(U'核'), "핵");
  EXPECT_EQ(term_key("北核"), "북한핵");  // abbreviation, then the table's reading
}

TEST(HanjaTable, TermKeyWithAMissingTableFailsClearly) {
  HanjaEnv env("/nonexistent/hanja.txt");
  EXPECT_EQ(term_key("美"), "미국");  // abbreviations need no table
  EXPECT_THROW(term_key("核"), InputError);
  // Analysis itself never needs the table.
  EXPECT_EQ(stem_of("核을"), "核");
}

TEST(HanjaTable, DebianTableReadsHeadlineHanja) {
  if (!std::filesystem::exists("/usr/share/libhangul/hanja/hanja.txt")) {
    GTEST_SKIP() << "libhangul-data is not installed";
  }
  HanjaTable t = HanjaTable::load("/usr/share/libhangul/hanja/hanja.txt");
  EXPECT_EQ(t.reading(U'美'), "미");
  EXPECT_EQ(t.reading(U'北'), "북");
  EXPECT_EQ(t.reading(U'韓'), "한");
  EXPECT_EQ(t.reading(U'日'), "일");
}

TEST(HeadlineAbbreviation, ExpandsTheSeven) {
  EXPECT_EQ(headline_abbreviation(U'美'), "미국");
  EXPECT_EQ(headline_abbreviation(U'北'), "북한");
  EXPECT_EQ(headline_abbreviation(U'韓'), "한국");
  EXPECT_EQ(headline_abbreviation(U'日'), "일본");
  EXPECT_EQ(headline_abbreviation(U'中'), "중국");
  EXPECT_EQ(headline_abbreviation(U'與'), "여당");
  EXPECT_EQ(headline_abbreviation(U'野'), "야당");
  EXPECT_EQ(headline_abbreviation(U'核'), "");
}

}  // namespace
}  // namespace koterm::korean
