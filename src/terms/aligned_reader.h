// A line-aligned corpus (line i of the Korean file translates line i of the English one)
// read block by block, so that extraction holds one block of lines in memory instead of
// both files:
//
//   AlignedReader r(ko_path, en_path, stdin, limits);  // checks both files, counts lines
//   r.seek(first);                                       // a shard's first line pair
//   for (AlignedBlock b; r.next(b, last);)
//     for (std::size_t i = 0; i < b.count; ++i) use(b.first + i + 1, b.ko_line(i), b.en_line(i));
//
// Each block goes through text::SourceText::from_bytes like a whole file (strict UTF-8,
// NFC, full-width folding, CRLF), and an error names the line of the file. The files must
// have the same number of lines (trailing empty lines aside): the constructor throws the
// same InputError as before any work is done. Standard input ("-", one side at most) is
// read whole first, since it cannot be read twice.
#pragma once

#include <cstddef>
#include <fstream>
#include <istream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>

#include "text/source.h"

namespace koterm::terms {

struct AlignedBlock {
  std::size_t first = 0;  // 0-based index of the block's first line pair
  std::size_t count = 0;  // line pairs in the block
  text::SourceText ko;    // the block's lines, each ending in "\n"
  text::SourceText en;
  std::string_view ko_line(std::size_t i) const { return line(ko, i); }
  std::string_view en_line(std::size_t i) const { return line(en, i); }

 private:
  static std::string_view line(const text::SourceText& s, std::size_t i) {
    const text::Span& sp = s.lines()[i];
    return std::string_view(s.normalized()).substr(sp.byte_begin, sp.byte_count());
  }
};

class AlignedReader {
 public:
  // Opens both files (errors as text::read_source gives them), counts their lines and
  // throws InputError when the counts differ.
  AlignedReader(const std::string& ko_path, const std::string& en_path, std::istream& stdin_stream,
                const text::ReadLimits& limits, std::size_t block_lines = 16384);
  ~AlignedReader();
  AlignedReader(const AlignedReader&) = delete;
  AlignedReader& operator=(const AlignedReader&) = delete;

  // Line pairs (a final empty line, or several, is not a pair).
  std::size_t line_pairs() const { return pairs_; }
  const std::string& ko_path() const { return ko_.shown; }
  const std::string& en_path() const { return en_.shown; }

  // Skips to line pair `first` (0-based; only forwards).
  void seek(std::size_t first);
  // The next block of line pairs before `end` (0-based, exclusive; capped at line_pairs());
  // false when there is none. The first block of each file is also checked for its
  // language (text::require_language).
  bool next(AlignedBlock& block, std::size_t end);

 private:
  struct Side {
    std::string shown;                    // path as messages show it
    std::unique_ptr<std::istream> owned;  // the file, or standard input read whole
    std::istream* in = nullptr;
    std::size_t lines = 0;                // lines read so far
    std::size_t last_text_line = 0;       // 1-based number of the last non-empty line
    bool checked_language = false;
  };
  Side ko_, en_;
  text::ReadLimits limits_;
  std::size_t block_lines_;
  std::size_t pairs_ = 0;
  std::size_t at_ = 0;  // next line pair

  void open(Side& side, const std::string& path, std::istream& stdin_stream);
  text::SourceText read_block(Side& side, std::size_t count, bool ko);
};

}  // namespace koterm::terms
