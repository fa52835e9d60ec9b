// Reading a user's text file: strict UTF-8 with helpful messages for other encodings,
// normalisation (NFC, full-width Latin and digits folded to ASCII, CRLF to LF, BOM dropped)
// with a map back to the original byte offsets, and line:col positions for messages.
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace koterm::text {

enum class Lang { ko, en };
const char* lang_name(Lang lang);

// A half-open byte range.
struct Span {
  std::size_t byte_begin = 0;
  std::size_t byte_end = 0;
  std::size_t byte_count() const { return byte_end - byte_begin; }
  bool operator==(const Span&) const = default;
};

struct ReadLimits {
  // Larger files are refused with a message naming the limit.
  std::size_t max_file_bytes = std::size_t{256} << 20;
  // A longer line is refused: a scraper that lost its line breaks.
  std::size_t max_line_bytes = std::size_t{1} << 20;
  // The command-line options that raise the limits ("--max-file-mb", "--max-line-kb"), named
  // in the messages. Empty: the reader's command has no such option, and the message says
  // the limit is fixed for this input instead of pointing at an option that does not exist.
  std::string file_option;
  std::string line_option;
};

// A text as the user gave it and as koterm works on it.
class SourceText {
 public:
  // Validates and normalises `bytes`; throws InputError naming `path:line:col`.
  static SourceText from_bytes(std::string path, std::string bytes, const ReadLimits& limits = {});

  const std::string& path() const { return path_; }
  const std::string& original() const { return original_; }
  // NFC, full-width ASCII folded, "\n" line ends, no BOM.
  const std::string& normalized() const { return normalized_; }

  // Byte offset in original() of byte offset `norm_byte` of normalized() (0..size()).
  std::size_t original_offset(std::size_t norm_byte) const;
  Span original_span(Span norm) const {
    return {original_offset(norm.byte_begin), original_offset(norm.byte_end)};
  }
  // The original text behind a normalised span, as the user wrote it.
  std::string_view original_text(Span norm) const;

  // 1-based line and column (in characters) of a byte of original().
  SourcePos position(std::size_t orig_byte) const;
  SourcePos position_of_normalized(std::size_t norm_byte) const {
    return position(original_offset(norm_byte));
  }

  // The normalised text split into lines (spans into normalized(), without "\n").
  // Line i of this list is line i+1 of the user's file.
  const std::vector<Span>& lines() const { return lines_; }

 private:
  struct Anchor {
    std::size_t norm;
    std::size_t orig;
  };
  std::string path_;
  std::string original_;
  std::string normalized_;
  std::vector<Anchor> anchors_;          // where normalised and original offsets shift
  std::vector<std::size_t> orig_line_starts_;  // byte offset of each original line
  std::size_t bom_bytes_ = 0;
  std::vector<Span> lines_;

  void build();
};

// Reads a file (or standard input for "-", shown as "<stdin>"); throws InputError for a
// missing, unreadable, directory, empty, binary, UTF-16, EUC-KR or otherwise invalid file.
SourceText read_source(const std::string& path, std::istream& stdin_stream,
                       const ReadLimits& limits = {});

// Reads raw bytes of a file with the same checks on existence and size (no decoding).
std::string read_file_bytes(const std::string& path, std::istream& stdin_stream,
                            const ReadLimits& limits = {});

// Display name of a path: "<stdin>" for "-".
std::string display_name(const std::string& path);

}  // namespace koterm::text
