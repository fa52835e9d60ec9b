#include "text/source.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace koterm::text {
namespace {

std::string error_of(const std::string& bytes) {
  try {
    SourceText::from_bytes("a.txt", bytes);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(SourceText, KeepsPlainUtf8AsIs) {
  auto s = SourceText::from_bytes("a.txt", "한반도평화교섭본부장\nNoh Kyu-duk\n");
  EXPECT_EQ(s.normalized(), "한반도평화교섭본부장\nNoh Kyu-duk\n");
  ASSERT_EQ(s.lines().size(), 2u);
  EXPECT_EQ(s.original_offset(3), 3u);
}

TEST(SourceText, DropsBomAndMapsOffsetsBack) {
  auto s = SourceText::from_bytes("a.txt", "\xEF\xBB\xBFSLBM을 발사\n");
  EXPECT_EQ(s.normalized(), "SLBM을 발사\n");
  EXPECT_EQ(s.original_offset(0), 3u);
  EXPECT_EQ(s.position(3).col, 1u);
  EXPECT_EQ(s.original_text({0, 4}), "SLBM");
}

TEST(SourceText, TurnsCrlfIntoLf) {
  auto s = SourceText::from_bytes("a.txt", "첫째 줄\r\n둘째 줄\r\n");
  EXPECT_EQ(s.normalized(), "첫째 줄\n둘째 줄\n");
  ASSERT_EQ(s.lines().size(), 2u);
  Span second = s.lines()[1];
  EXPECT_EQ(s.original_text(second), "둘째 줄");
  EXPECT_EQ(s.position_of_normalized(second.byte_begin).line, 2u);
}

TEST(SourceText, FoldsFullWidthLatinAndDigitsButKeepsInterpunct) {
  auto s = SourceText::from_bytes("a.txt", "ＳＬＢＭ　２０２１년 남ㆍ북 ㄱ");
  EXPECT_EQ(s.normalized(), "SLBM 2021년 남ㆍ북 ㄱ");
  // "2021년" begins after 5 folded characters; its original offset is 5 * 3 bytes.
  EXPECT_EQ(s.original_offset(5), 15u);
  EXPECT_EQ(s.original_text({5, 12}), "２０２１년");
}

TEST(SourceText, ComposesDecomposedHangul) {
  // 한 as conjoining jamo (U+1112 U+1161 U+11AB), as macOS file names and some scrapers write.
  auto s = SourceText::from_bytes("a.txt", "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB국");
  EXPECT_EQ(s.normalized(), "한국");
  EXPECT_EQ(s.original_offset(3), 9u);
}

TEST(SourceText, ComposesLatinWithCombiningMark) {
  auto s = SourceText::from_bytes("a.txt", "Seoul cafe\xCC\x81 x");
  EXPECT_EQ(s.normalized(), "Seoul caf\xC3\xA9 x");
}

TEST(SourceText, PositionsCountCharactersNotBytes) {
  auto s = SourceText::from_bytes("a.txt", "가나다\n라마 바");
  SourcePos p = s.position(std::string("가나다\n라마 ").size());
  EXPECT_EQ(p.line, 2u);
  EXPECT_EQ(p.col, 4u);
}

TEST(SourceTextErrors, InvalidByteNamesLineColAndByte) {
  EXPECT_EQ(error_of("좋은 글\n나쁜 \xFF 바이트"), "a.txt:2:4: invalid UTF-8 byte 0xFF");
}

TEST(SourceTextErrors, EucKrIsRecognised) {
  // "한국어 문장" in EUC-KR.
  std::string euckr = "\xC7\xD1\xB1\xB9\xBE\xEE \xB9\xAE\xC0\xE5";
  EXPECT_EQ(error_of(euckr),
            "a.txt:1:1: invalid UTF-8 byte 0xC7; the file looks like EUC-KR/CP949 Korean: "
            "convert it with: iconv -f CP949 -t UTF-8 a.txt > a.txt.utf8");
}

TEST(SourceTextErrors, Utf16WithBomIsRecognised) {
  EXPECT_EQ(error_of(std::string("\xFF\xFEh\0i\0", 6)),
            "a.txt:1:1: the file is UTF-16LE (byte order mark found); koterm reads UTF-8: "
            "convert it with: iconv -f UTF-16 -t UTF-8 a.txt > a.txt.utf8");
}

TEST(SourceTextErrors, Utf16WithoutBomIsRecognised) {
  std::string s("N\0o\0h\0 \0K\0i\0m\0", 14);
  EXPECT_NE(error_of(s).find("looks like UTF-16LE without a byte order mark"), std::string::npos);
}

TEST(SourceTextErrors, EmptyAndBinaryFiles) {
  EXPECT_EQ(error_of(""), "a.txt: the file is empty; expected UTF-8 text");
  EXPECT_EQ(error_of(std::string("ab\ncd\0ef", 8)), "a.txt:2:3: NUL byte: this looks like a binary file, not text");
}

TEST(SourceTextErrors, OverlongAndSurrogatesAreInvalid) {
  EXPECT_EQ(error_of("x\xC0\xAF"), "a.txt:1:2: invalid UTF-8 byte 0xC0");
  EXPECT_EQ(error_of("\xED\xA0\x80"), "a.txt:1:1: invalid UTF-8 byte 0xED");
}

TEST(SourceTextErrors, LongLineNamesTheLimit) {
  ReadLimits limits;
  limits.max_line_bytes = 10;
  try {
    SourceText::from_bytes("a.txt", "short\n0123456789abc\n", limits);
    FAIL();
  } catch (const LimitError& e) {
    EXPECT_EQ(std::string(e.what()),
              "a.txt:2:1: line is 13 bytes long, over the limit of 0 KiB per line (raise it with "
              "--max-line-kb); is this really line-broken text?");
  }
}

TEST(ReadSource, MissingFileAndDirectory) {
  std::istringstream in;
  EXPECT_THROW(read_source("no/such/file.txt", in), InputError);
  try {
    read_source(KOTERM_FIXTURES, in);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("is a directory, expected a file"), std::string::npos);
  }
}

TEST(ReadSource, DashReadsStandardInput) {
  std::istringstream in("표준 입력\n");
  auto s = read_source("-", in);
  EXPECT_EQ(s.path(), "<stdin>");
  EXPECT_EQ(s.normalized(), "표준 입력\n");
}

}  // namespace
}  // namespace koterm::text
