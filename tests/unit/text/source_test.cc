#include "text/source.h"
#include "text/utf8.h"

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

// UTF-8 text re-encoded as UTF-16 without a byte order mark.
std::string utf16(std::string_view utf8, bool le) {
  std::string out;
  for (std::size_t i = 0; i < utf8.size();) {
    std::size_t len = 0;
    char32_t cp = decode_utf8(utf8, i, &len);
    i += len;
    auto unit = static_cast<unsigned>(cp);
    char hi = static_cast<char>(unit >> 8), lo = static_cast<char>(unit & 0xFF);
    out += le ? lo : hi;
    out += le ? hi : lo;
  }
  return out;
}

// Regression: Korean UTF-16 has no zero high bytes in its Hangul, so it was not recognised
// and its spaces' zero bytes made it "a binary file".
TEST(SourceTextErrors, KoreanUtf16WithoutBomIsRecognised) {
  EXPECT_EQ(error_of(utf16("북한은 21일 미사일을 발사했다.\n", true)),
            "a.txt:1:1: the file looks like UTF-16LE without a byte order mark; koterm reads UTF-8: "
            "convert it with: iconv -f UTF-16LE -t UTF-8 a.txt > a.txt.utf8");
  EXPECT_EQ(error_of(utf16("북한은 21일 미사일을 발사했다.\n", false)),
            "a.txt:1:1: the file looks like UTF-16BE without a byte order mark; koterm reads UTF-8: "
            "convert it with: iconv -f UTF-16BE -t UTF-8 a.txt > a.txt.utf8");
  // Hangul only: not a single zero byte.
  EXPECT_EQ(error_of(utf16("대한민국국회의장", true)).substr(0, 67),
            "a.txt:1:1: the file looks like UTF-16LE without a byte order mark; ");
  // UTF-8 Korean is never taken for UTF-16, and a binary file with zero bytes stays binary.
  EXPECT_EQ(error_of("북한은 21일 미사일을 발사했다.\n한반도평화교섭본부장\n"), "");
  std::string binary;
  for (unsigned i = 0; i < 512; ++i) binary += static_cast<char>((i * 37u) % 7u == 0 ? 0 : (i * 151u) & 0xFF);
  EXPECT_EQ(error_of(binary).find("UTF-16"), std::string::npos) << error_of(binary);
}

// Regression: a UTF-8 file cut off inside its last character was called EUC-KR.
TEST(SourceTextErrors, TruncatedLastCharacterIsNotEucKr) {
  std::string text = "북한은 21일 미사일을 발사했다.\n외교부는 이를 규탄했";
  std::string cut = text + std::string("다").substr(0, 2);
  EXPECT_EQ(error_of(cut),
            "a.txt:2:12: truncated UTF-8 sequence at the end of the file: 0xEB 0x8B begins a 3-byte "
            "character but the file ends after 2; was the file cut off while it was written or "
            "downloaded?");
  EXPECT_EQ(error_of(text + "\xEB").substr(0, 77),
            "a.txt:2:12: truncated UTF-8 sequence at the end of the file: 0xEB begins a 3-");
}

TEST(SourceTextErrors, DamagedByteInUtf8KoreanIsNotEucKr) {
  EXPECT_EQ(error_of("북한은 21일 미사일을 발사했다.\n외교부\x80는 규탄했다.\n"),
            "a.txt:2:4: invalid UTF-8 byte 0x80; the text before it is valid UTF-8, so this byte is "
            "damaged: fix or remove it");
}

TEST(SourceTextErrors, EmptyAndBinaryFiles) {
  EXPECT_EQ(error_of(""), "a.txt: the file is empty; expected UTF-8 text");
  EXPECT_EQ(error_of(std::string("ab\ncd\0ef", 8)), "a.txt:2:3: NUL byte: this looks like a binary file, not text");
}

TEST(SourceTextErrors, OverlongAndSurrogatesAreInvalid) {
  EXPECT_EQ(error_of("x\xC0\xAF"), "a.txt:1:2: invalid UTF-8 byte 0xC0");
  EXPECT_EQ(error_of("\xED\xA0\x80"), "a.txt:1:1: invalid UTF-8 byte 0xED");
}

std::string limit_error_of(const std::string& bytes, const ReadLimits& limits) {
  try {
    SourceText::from_bytes("a.txt", bytes, limits);
  } catch (const LimitError& e) {
    return e.what();
  }
  return "";
}

TEST(SourceTextErrors, LongLineNamesTheLimitAndTheOptionThatRaisesIt) {
  ReadLimits limits;
  limits.max_line_bytes = 10;
  limits.line_option = "--max-line-kb";
  EXPECT_EQ(limit_error_of("short\n0123456789abc\n", limits),
            "a.txt:2:1: line is 13 bytes long, over the limit of 10 bytes per line (raise it with "
            "--max-line-kb); is this really line-broken text?");
  limits.max_line_bytes = 2048;
  EXPECT_EQ(limit_error_of("짧은 줄\n" + std::string(3000, 'x'), limits),
            "a.txt:2:1: line is 3000 bytes long, over the limit of 2 KiB per line (raise it with "
            "--max-line-kb); is this really line-broken text?");
}

// Regression: glossary import and export said "raise it with --max-line-kb", an option those
// commands do not have. Without an option to name, the message says the limit is fixed.
TEST(SourceTextErrors, ALimitWithoutAnOptionIsCalledFixed) {
  ReadLimits limits;
  limits.max_line_bytes = 2048;
  limits.max_file_bytes = std::size_t{1} << 20;
  EXPECT_EQ(limit_error_of("짧은 줄\n" + std::string(3000, 'x'), limits),
            "a.txt:2:1: line is 3000 bytes long, over the limit of 2 KiB per line (a fixed limit "
            "for this input); is this really line-broken text?");
  limits.max_line_bytes = std::size_t{4} << 20;
  EXPECT_EQ(limit_error_of(std::string((std::size_t{2} << 20) + 5, 'x'), limits),
            "a.txt: the file is 2 MiB, over the limit of 1 MiB (a fixed limit for this input)");
  limits.file_option = "--max-file-mb";
  EXPECT_EQ(limit_error_of(std::string((std::size_t{2} << 20) + 5, 'x'), limits),
            "a.txt: the file is 2 MiB, over the limit of 1 MiB (raise it with --max-file-mb)");
  std::istringstream big(std::string((std::size_t{3} << 20), 'x'));
  limits.file_option.clear();
  try {
    read_file_bytes("-", big, limits);
    FAIL();
  } catch (const LimitError& e) {
    EXPECT_EQ(std::string(e.what()),
              "<stdin>: the input is larger than the limit of 1 MiB (a fixed limit for this input)");
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
