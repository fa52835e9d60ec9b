#include "text/inputs.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace koterm::text {
namespace {

namespace fs = std::filesystem;

std::string input_error(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.pos().str() + ": " + e.message();
  }
  return "(no InputError)";
}

std::string usage_error(const std::function<void()>& f) {
  try {
    f();
  } catch (const UsageError& e) {
    return e.what();
  }
  return "(no UsageError)";
}

std::vector<ArticlePair> manifest(const std::string& text, const std::string& base = "news") {
  return parse_manifest(SourceText::from_bytes("m.tsv", text), base);
}

TEST(Manifest, ReadsRowsWithIdsPathsAndTheirCells) {
  auto pairs = manifest(
      "id\tko\ten\n"
      "# 2021년 기사\n"
      "\n"
      "북핵\tko/nk.ko.txt\t/archive/nk.en.txt\n"
      "\t../iaea.ko.txt\tiaea.en.txt\n");
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0].id, "북핵");
  EXPECT_EQ(pairs[0].ko_path, "news/ko/nk.ko.txt");
  EXPECT_EQ(pairs[0].en_path, "/archive/nk.en.txt");  // absolute paths are kept
  EXPECT_EQ(pairs[0].where.str(), "m.tsv:4:1");
  // Columns count characters: "북핵" and the TAB put the Korean path at column 4.
  EXPECT_EQ(pairs[0].ko_where.str(), "m.tsv:4:4");
  EXPECT_EQ(pairs[0].en_where.str(), "m.tsv:4:17");
  EXPECT_TRUE(pairs[0].from_manifest());
  // An empty id is named after its line; ".." is resolved lexically.
  EXPECT_EQ(pairs[1].id, "line 5");
  EXPECT_EQ(pairs[1].ko_path, "iaea.ko.txt");
  EXPECT_EQ(pairs[1].en_path, "news/iaea.en.txt");
  EXPECT_EQ(pairs[1].ko_where.str(), "m.tsv:5:2");
}

TEST(Manifest, WithoutAFolderPathsStayAsWritten) {
  auto pairs = manifest("a\t./a.ko.txt\ta.en.txt\n", "");
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].ko_path, "a.ko.txt");
  EXPECT_EQ(pairs[0].en_path, "a.en.txt");
}

TEST(Manifest, ErrorsNameTheManifestLineAndColumn) {
  EXPECT_EQ(input_error([] { manifest("id\tko\ten\nenvoy\tenvoy.ko.txt\n"); }),
            "m.tsv:2:1: expected 3 TAB-separated columns (id, Korean path, English path); found 2 "
            "in \"envoy\tenvoy.ko.txt\"");
  EXPECT_EQ(input_error([] { manifest("a\tb\tc\td\n"); }),
            "m.tsv:1:1: expected 3 TAB-separated columns (id, Korean path, English path); found 4 "
            "in \"a\tb\tc\td\"");
  // A long line is cut at a character boundary.
  std::string long_line = "평화";
  for (int i = 0; i < 30; ++i) long_line += "교섭";
  EXPECT_EQ(input_error([&] { manifest(long_line + "\n"); }),
            "m.tsv:1:1: expected 3 TAB-separated columns (id, Korean path, English path); found 1 "
            "in \"" + long_line.substr(0, 60) + "...\"");
  // 60 bytes would end inside a syllable here: the fragment stops before it.
  EXPECT_EQ(input_error([&] { manifest("x" + long_line + "\n"); }),
            "m.tsv:1:1: expected 3 TAB-separated columns (id, Korean path, English path); found 1 "
            "in \"x" + long_line.substr(0, 57) + "...\"");
  EXPECT_EQ(input_error([] { manifest("한국\t\tk.en.txt\n"); }),
            "m.tsv:1:4: the Korean path (column 2) is empty in \"한국\t\tk.en.txt\"");
  EXPECT_EQ(input_error([] { manifest("x\tk.ko.txt\t \n"); }),
            "m.tsv:1:12: the English path (column 3) is empty in \"x\tk.ko.txt\t \"");
  EXPECT_EQ(input_error([] { manifest("# only a comment\n\n"); }),
            "m.tsv: the manifest lists no article pairs");
  EXPECT_EQ(input_error([] { manifest("id\tko\ten\n"); }), "m.tsv: the manifest lists no article pairs");
}

TEST(Manifest, StandardInputPathsAreRelativeToTheCurrentFolder) {
  std::istringstream in("a\tsub/a.ko.txt\tsub/a.en.txt\n");
  auto pairs = read_manifest("-", in, {});
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].ko_path, "sub/a.ko.txt");
  EXPECT_EQ(pairs[0].where.str(), "<stdin>:1:1");
}

class Folder : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::path(::testing::TempDir()) / ("koterm-inputs-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  void TearDown() override { fs::remove_all(dir); }
  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir / name, std::ios::binary) << text;
  }
  fs::path dir;
};

TEST_F(Folder, PairsAreSortedAndALoneKoreanFileIsAWarning) {
  write("b.ko.txt", "북한은 미사일을 발사했다.\n");
  write("b.en.txt", "North Korea fired a missile.\n");
  write("a.ko.txt", "국제원자력기구\n");
  write("a.en.txt", "the IAEA\n");
  write("c.ko.txt", "혼자 남은 기사\n");
  write("notes.txt", "not an article\n");
  Diagnostics diags;
  auto pairs = read_directory(dir.string(), diags);
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0].id, "a");
  EXPECT_EQ(pairs[0].ko_path, (dir / "a.ko.txt").string());
  EXPECT_EQ(pairs[0].en_path, (dir / "a.en.txt").string());
  EXPECT_FALSE(pairs[0].from_manifest());
  EXPECT_EQ(pairs[1].id, "b");
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].str(),
            (dir / "c.ko.txt").string() + ": warning: no c.en.txt beside it; skipped");
}

TEST_F(Folder, ErrorsNameTheFolder) {
  Diagnostics diags;
  const std::string d = dir.string();
  EXPECT_EQ(input_error([&] { read_directory(d, diags); }),
            d + ": no NAME.ko.txt + NAME.en.txt pairs in this folder");
  write("x.ko.txt", "한국\n");
  EXPECT_EQ(input_error([&] { read_directory(d + "/x.ko.txt", diags); }),
            d + "/x.ko.txt: not a folder; --dir expects a folder of NAME.ko.txt and NAME.en.txt files");
  EXPECT_EQ(input_error([&] { read_directory(d + "/nowhere", diags); }), d + "/nowhere: no such folder");
}

TEST_F(Folder, AManifestRowPointingNowhereIsReportedAtItsCell) {
  write("a.ko.txt", "한국\n");
  fs::create_directories(dir / "sub.en.txt");
  auto pairs = parse_manifest(SourceText::from_bytes("m.tsv",
                                                     "id\tko\ten\n"
                                                     "a\ta.ko.txt\tgone.en.txt\n"
                                                     "b\tgone.ko.txt\ta.ko.txt\n"
                                                     "c\ta.ko.txt\tsub.en.txt\n"
                                                     "d\ta.ko.txt\t-\n"),
                              dir.string());
  ASSERT_EQ(pairs.size(), 4u);
  const std::string d = dir.string();
  EXPECT_EQ(input_error([&] { require_listed_files(pairs[0]); }),
            "m.tsv:2:12: English file " + d + "/gone.en.txt: no such file");
  EXPECT_EQ(input_error([&] { require_listed_files(pairs[1]); }),
            "m.tsv:3:3: Korean file " + d + "/gone.ko.txt: no such file");
  EXPECT_EQ(input_error([&] { require_listed_files(pairs[2]); }),
            "m.tsv:4:12: English file " + d + "/sub.en.txt: is a folder, expected a file");
  // Standard input is left to the caller; so are command-line pairs (read_source names them).
  EXPECT_NO_THROW(require_listed_files(pairs[3]));
  EXPECT_NO_THROW(require_listed_files(pairs_from_arguments({"gone.ko.txt", "gone.en.txt"})[0]));
}

TEST(Arguments, PairsTakeTheKoreanPathAsId) {
  auto pairs = pairs_from_arguments({"nk.ko.txt", "nk.en.txt", "-", "b.en.txt"});
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0].id, "nk.ko.txt");
  EXPECT_EQ(pairs[0].en_path, "nk.en.txt");
  EXPECT_EQ(pairs[1].ko_path, "-");
  EXPECT_EQ(pairs[1].where.str(), "");
  EXPECT_EQ(usage_error([] { pairs_from_arguments({"a", "b", "c"}); }),
            "article files come in pairs (KO EN); got 3 paths");
}

TEST(Arguments, ListArticlePairsTakesTheGivenKind) {
  std::istringstream in("m1\tk.ko.txt\te.en.txt\n");
  Diagnostics diags;
  auto from_manifest = list_article_pairs({}, "-", "", in, {}, diags);
  ASSERT_EQ(from_manifest.size(), 1u);
  EXPECT_EQ(from_manifest[0].id, "m1");
  auto from_args = list_article_pairs({"a.ko.txt", "a.en.txt"}, "", "", in, {}, diags);
  ASSERT_EQ(from_args.size(), 1u);
  EXPECT_EQ(from_args[0].id, "a.ko.txt");
}

TEST(InputKinds, ValidateNamesTheProblem) {
  const std::vector<std::string> none, one{"a.ko.txt"}, two{"a.ko.txt", "a.en.txt"};
  EXPECT_EQ(usage_error([&] { validate_input_kinds(none, "", "", "", ""); }),
            "no input: give KO EN article pairs, --manifest FILE, --dir FOLDER or --aligned KO EN");
  EXPECT_EQ(usage_error([&] { validate_input_kinds(one, "", "", "", ""); }),
            "article files come in pairs (KO EN); got 1 path");
  EXPECT_EQ(usage_error([&] { validate_input_kinds(two, "m.tsv", "", "", ""); }),
            "give only one kind of input: KO EN pairs, --manifest, --dir or --aligned");
  EXPECT_EQ(usage_error([&] { validate_input_kinds(none, "", "news", "k", "e"); }),
            "give only one kind of input: KO EN pairs, --manifest, --dir or --aligned");
  EXPECT_EQ(usage_error([&] { validate_input_kinds(none, "", "", "k.txt", ""); }),
            "--aligned takes two files: KO EN");
  EXPECT_NO_THROW(validate_input_kinds(two, "", "", "", ""));
  EXPECT_NO_THROW(validate_input_kinds(none, "", "news", "", ""));
}

}  // namespace
}  // namespace koterm::text
