#include "terms/aligned_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/error.h"
#include "terms/run_extract.h"

namespace koterm::terms {
namespace {

namespace fs = std::filesystem;

// A folder of its own per process and test (ctest runs tests at once).
class AlignedReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("koterm-aligned-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& bytes) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  fs::path dir_;
};

const std::string ko_text =
    "북한은 오늘 탄도미사일을 발사했다.\n"
    "합동참모본부는 동해상으로 발사했다고 밝혔다.\n"
    "\n"
    "정부는 국가안전보장회의를 열었다.\n"
    "유엔 안전보장이사회가 회의를 소집했다.\n";
const std::string en_text =
    "North Korea fired a ballistic missile today.\n"
    "The Joint Chiefs of Staff said it was fired into the East Sea.\n"
    "\n"
    "The government convened the National Security Council.\n"
    "The UN Security Council called a meeting.\n";

std::vector<std::string> read_all(AlignedReader& r, std::size_t end, std::vector<std::size_t>* firsts = nullptr) {
  std::vector<std::string> out;
  for (AlignedBlock b; r.next(b, end);) {
    if (firsts != nullptr) firsts->push_back(b.first);
    for (std::size_t i = 0; i < b.count; ++i)
      out.push_back(std::string(b.ko_line(i)) + " = " + std::string(b.en_line(i)));
  }
  return out;
}

TEST_F(AlignedReaderTest, ReadsLinePairsInBlocks) {
  std::istringstream none;
  AlignedReader r(write("a.ko", ko_text), write("a.en", en_text), none, {}, 2);
  EXPECT_EQ(r.line_pairs(), 5u);
  std::vector<std::size_t> firsts;
  std::vector<std::string> pairs = read_all(r, r.line_pairs(), &firsts);
  ASSERT_EQ(pairs.size(), 5u);
  EXPECT_EQ(pairs[0], "북한은 오늘 탄도미사일을 발사했다. = North Korea fired a ballistic missile today.");
  EXPECT_EQ(pairs[2], " = ");
  EXPECT_EQ(pairs[4], "유엔 안전보장이사회가 회의를 소집했다. = The UN Security Council called a meeting.");
  EXPECT_EQ(firsts, (std::vector<std::size_t>{0, 2, 4}));
}

TEST_F(AlignedReaderTest, SeeksToAShard) {
  std::istringstream none;
  AlignedReader r(write("a.ko", ko_text), write("a.en", en_text), none, {}, 2);
  r.seek(3);
  std::vector<std::string> pairs = read_all(r, 4);
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0], "정부는 국가안전보장회의를 열었다. = The government convened the National Security Council.");
}

TEST_F(AlignedReaderTest, StandardInputOnOneSide) {
  std::istringstream in(en_text);
  AlignedReader r(write("a.ko", ko_text), "-", in, {}, 3);
  EXPECT_EQ(r.en_path(), "<stdin>");
  EXPECT_EQ(read_all(r, r.line_pairs()).size(), 5u);
}

TEST_F(AlignedReaderTest, TrailingEmptyLinesAreNotPairs) {
  std::istringstream none;
  AlignedReader r(write("a.ko", ko_text + "\n\n"), write("a.en", en_text), none, {});
  EXPECT_EQ(r.line_pairs(), 5u);
}

TEST_F(AlignedReaderTest, DifferentLengthsNameTheShorterFile) {
  std::istringstream none;
  const std::string ko = write("a.ko", ko_text);
  const std::string en = write("a.en", "North Korea fired a ballistic missile today.\n");
  try {
    AlignedReader r(ko, en, none, {});
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.pos().line, 2u);
    EXPECT_EQ(e.message(), "--aligned needs line i of one file to translate line i of the other; " + ko +
                               " has 5 lines but " + en +
                               " has 1; hint: for articles that are not line-aligned, give them as KO EN");
  }
}

TEST_F(AlignedReaderTest, AnErrorInALaterBlockNamesTheLineOfTheFile) {
  std::istringstream none;
  std::string bad = ko_text;
  bad.insert(bad.rfind("유엔"), "\xFF");  // line 5
  AlignedReader r(write("a.ko", bad), write("a.en", en_text), none, {}, 2);
  try {
    read_all(r, r.line_pairs());
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.pos().line, 5u);
    EXPECT_EQ(e.pos().col, 1u);
    EXPECT_NE(e.message().find("invalid UTF-8 byte 0xFF"), std::string::npos) << e.message();
  }
}

TEST_F(AlignedReaderTest, AddAlignedReadsAheadAndStillStopsAtTheBadLine) {
  std::istringstream none;
  std::string bad = ko_text;
  bad.insert(bad.rfind("유엔"), "\xFF");  // line 5, in the third block
  // Read ahead on another thread or, as with --threads 1, in turn: the same.
  for (bool ahead : {true, false}) {
    AlignedReader r(write("a.ko", bad), write("a.en", en_text), none, {}, 2);
    Extractor x({});
    std::vector<std::size_t> done;
    try {
      add_aligned(x, r, 0, r.line_pairs(), [&](std::size_t n) { done.push_back(n); }, ahead);
      ADD_FAILURE() << "no error, read ahead: " << ahead;
    } catch (const InputError& e) {
      EXPECT_EQ(e.pos().line, 5u);
    }
    EXPECT_EQ(done, (std::vector<std::size_t>{2, 4})) << ahead;  // the blocks before it were added
  }
}

TEST_F(AlignedReaderTest, AddAlignedAddsEveryLinePairOfAShard) {
  std::istringstream none;
  AlignedReader r(write("a.ko", ko_text), write("a.en", en_text), none, {}, 2);
  Extractor x({});
  std::vector<std::size_t> done;
  EXPECT_EQ(add_aligned(x, r, 1, 5, [&](std::size_t n) { done.push_back(n); }), 0u);
  EXPECT_EQ(done, (std::vector<std::size_t>{2, 4}));
  EXPECT_EQ(x.stats().units, 3u);  // lines 2, 4 and 5; line 3 is blank on both sides
  AlignedReader r1(write("b.ko", ko_text), write("b.en", en_text), none, {}, 2);
  Extractor x1({});
  EXPECT_EQ(add_aligned(x1, r1, 1, 5, {}, false), 0u);
  EXPECT_EQ(x1.stats().units, 3u);
}

TEST_F(AlignedReaderTest, MissingAndEmptyFilesGetTheWholeFileMessages) {
  std::istringstream none;
  const std::string en = write("a.en", en_text);
  try {
    AlignedReader r((dir_ / "absent.ko").string(), en, none, {});
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.message(), "no such file");
  }
  try {
    AlignedReader r(write("empty.ko", ""), en, none, {});
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.message(), "the file is empty; expected UTF-8 text");
  }
}

TEST_F(AlignedReaderTest, SwappedSidesAreRefusedInTheFirstBlock) {
  std::istringstream none;
  AlignedReader r(write("a.ko", en_text), write("a.en", ko_text), none, {}, 2);
  AlignedBlock b;
  EXPECT_THROW(r.next(b, r.line_pairs()), InputError);
}

}  // namespace
}  // namespace koterm::terms
