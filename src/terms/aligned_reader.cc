#include "terms/aligned_reader.h"

#include <algorithm>
#include <filesystem>
#include <utility>

#include "common/error.h"
#include "text/language.h"

namespace koterm::terms {

AlignedReader::AlignedReader(const std::string& ko_path, const std::string& en_path,
                             std::istream& stdin_stream, const text::ReadLimits& limits,
                             std::size_t block_lines)
    : limits_(limits), block_lines_(std::max<std::size_t>(1, block_lines)) {
  open(ko_, ko_path, stdin_stream);
  open(en_, en_path, stdin_stream);
  const std::size_t nk = ko_.last_text_line, ne = en_.last_text_line;
  if (nk != ne) {
    const Side& shorter = nk < ne ? ko_ : en_;
    throw InputError({shorter.shown, std::min(nk, ne) + 1, 1},
                     "--aligned needs line i of one file to translate line i of the other; " +
                         ko_.shown + " has " + std::to_string(nk) + " lines but " + en_.shown +
                         " has " + std::to_string(ne) +
                         "; hint: for articles that are not line-aligned, give them as KO EN");
  }
  pairs_ = nk;
}

AlignedReader::~AlignedReader() = default;

void AlignedReader::open(Side& side, const std::string& path, std::istream& stdin_stream) {
  namespace fs = std::filesystem;
  side.shown = text::display_name(path);
  if (path == "-") {
    side.owned = std::make_unique<std::istringstream>(text::read_file_bytes(path, stdin_stream, limits_));
  } else {
    std::error_code ec;
    const auto st = fs::status(path, ec);
    auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
    const bool usable = !ec && fs::exists(st) && !fs::is_directory(st) && *file;
    const auto size = usable ? fs::file_size(path, ec) : 0;
    // A missing, unreadable or oversized file: the whole-file reader names the problem
    // (and should it read the file after all, its bytes are used).
    if (!usable || ec || size > limits_.max_file_bytes)
      side.owned = std::make_unique<std::istringstream>(text::read_file_bytes(path, stdin_stream, limits_));
    else
      side.owned = std::move(file);
  }
  side.in = side.owned.get();
  // Counting pass: lines, and the last one with text (CR alone counts as empty).
  std::string line;
  std::size_t lines = 0;
  bool any = false;
  while (std::getline(*side.in, line)) {
    ++lines;
    any = true;
    if (!line.empty() && line != "\r") side.last_text_line = lines;
  }
  if (side.in->bad()) throw InputError({side.shown}, "read error");
  // An empty file gets the whole-file reader's message.
  if (!any) text::SourceText::from_bytes(side.shown, std::string(), limits_);
  side.in->clear();
  side.in->seekg(0);
}

void AlignedReader::seek(std::size_t first) {
  std::string line;
  for (; at_ < first && at_ < pairs_; ++at_) {
    for (Side* side : {&ko_, &en_}) {
      std::getline(*side->in, line);
      ++side->lines;
    }
  }
}

bool AlignedReader::next(AlignedBlock& block, std::size_t end) {
  end = std::min(end, pairs_);
  if (at_ >= end) return false;
  const std::size_t count = std::min(block_lines_, end - at_);
  block.first = at_;
  block.count = count;
  block.ko = read_block(ko_, count, true);
  block.en = read_block(en_, count, false);
  at_ += count;
  return true;
}

text::SourceText AlignedReader::read_block(Side& side, std::size_t count, bool ko) {
  std::string bytes, line;
  for (std::size_t i = 0; i < count; ++i) {
    if (!std::getline(*side.in, line)) throw InputError({side.shown}, "read error");
    bytes += line;
    bytes += '\n';
  }
  const std::size_t before = side.lines;
  side.lines += count;
  // Positions inside the block become positions in the file.
  auto shift = [&](const SourcePos& pos) {
    SourcePos p = pos;
    if (p.line > 0) p.line += before;
    return p;
  };
  text::SourceText s;
  try {
    s = text::SourceText::from_bytes(side.shown, std::move(bytes), limits_);
  } catch (const LimitError& e) {
    throw LimitError(shift(e.pos()), e.message());
  } catch (const InputError& e) {
    throw InputError(shift(e.pos()), e.message());
  }
  if (!side.checked_language) {
    side.checked_language = true;
    text::require_language(s, ko ? text::Lang::ko : text::Lang::en);
  }
  return s;
}

}  // namespace koterm::terms
