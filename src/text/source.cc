#include "text/source.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "text/utf8.h"

namespace koterm::text {

const char* lang_name(Lang lang) { return lang == Lang::ko ? "ko" : "en"; }

std::string display_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

namespace {

std::string hex_byte(unsigned char b) {
  static const char* digits = "0123456789ABCDEF";
  std::string s = "0x";
  s += digits[b >> 4];
  s += digits[b & 15];
  return s;
}

std::string mib(std::size_t bytes) {
  std::ostringstream os;
  os << (bytes >> 20) << " MiB";
  return os.str();
}

// How a limit is raised, as the end of a message: "(raise it with --max-file-mb)".
std::string raise_hint(const std::string& option) {
  return option.empty() ? "(a fixed limit for this input)" : "(raise it with " + option + ")";
}

// Line and column (1-based, characters) of byte `at` in raw bytes, counting "\n" as the
// line break; used before a SourceText exists.
SourcePos raw_position(const std::string& path, std::string_view bytes, std::size_t at,
                       std::size_t skip_prefix) {
  std::size_t line = 1, line_start = skip_prefix;
  for (std::size_t i = skip_prefix; i < at && i < bytes.size(); ++i)
    if (bytes[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  std::size_t col = 1;
  for (std::size_t i = line_start; i < at && i < bytes.size(); ++i)
    if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80) ++col;
  return {path, line, col};
}

// Share of byte pairs that form valid CP949 / EUC-KR double-byte characters among the
// non-ASCII bytes: close to 1 for Korean legacy-encoded text.
bool looks_like_cp949(std::string_view bytes) {
  std::size_t pairs = 0, bad = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    auto b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80) continue;
    if (b >= 0x81 && b <= 0xFE && i + 1 < bytes.size()) {
      auto t = static_cast<unsigned char>(bytes[i + 1]);
      if ((t >= 0x41 && t <= 0x5A) || (t >= 0x61 && t <= 0x7A) || (t >= 0x81 && t <= 0xFE)) {
        ++pairs;
        ++i;
        continue;
      }
    }
    ++bad;
  }
  return pairs >= 2 && bad * 20 <= pairs;
}

// Whether a UTF-16 code unit is something a Korean or English news text is made of: ASCII
// text characters, Latin-1, general punctuation, CJK symbols, compatibility and conjoining
// jamo, Hangul syllables, CJK ideographs (hanja) and full-width forms.
bool plausible_text_unit(unsigned unit) {
  if (unit < 0x80) return unit >= 0x20 ? unit != 0x7F : (unit == '\t' || unit == '\n' || unit == '\r');
  return (unit >= 0xA0 && unit <= 0xFF) || (unit >= 0x1100 && unit <= 0x11FF) ||
         (unit >= 0x2000 && unit <= 0x206F) || (unit >= 0x3000 && unit <= 0x303F) ||
         (unit >= 0x3130 && unit <= 0x318F) || (unit >= 0x4E00 && unit <= 0x9FFF) ||
         (unit >= 0xAC00 && unit <= 0xD7A3) || (unit >= 0xFF00 && unit <= 0xFFEF);
}

// Korean UTF-16 without a BOM: its Hangul units have no zero byte, so the NUL count of
// utf16_guess() misses it. Read the start as UTF-16 in byte order `le`: nearly every unit is
// text, some are Hangul syllables, and at least one byte is zero (a space or an ASCII
// letter) or the bytes are not UTF-8 at all.
bool looks_like_korean_utf16(std::string_view bytes, bool le) {
  std::size_t n = std::min<std::size_t>(bytes.size(), 4096) & ~std::size_t{1};
  std::size_t units = 0, text = 0, hangul = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    unsigned lo = static_cast<unsigned char>(bytes[le ? i : i + 1]);
    unsigned hi = static_cast<unsigned char>(bytes[le ? i + 1 : i]);
    unsigned unit = hi << 8 | lo;
    ++units;
    if (plausible_text_unit(unit)) ++text;
    if (unit >= 0xAC00 && unit <= 0xD7A3) ++hangul;
  }
  return units >= 2 && hangul * 5 >= units && text * 20 >= units * 19;
}

// UTF-16 without a BOM: many NUL bytes at alternating positions, or Korean text that reads
// as UTF-16 but not as UTF-8.
const char* utf16_guess(std::string_view bytes) {
  std::size_t n = std::min<std::size_t>(bytes.size(), 4096);
  std::size_t even_nul = 0, odd_nul = 0;
  for (std::size_t i = 0; i < n; ++i)
    if (bytes[i] == '\0') (i % 2 == 0 ? even_nul : odd_nul)++;
  if (n >= 4 && odd_nul * 3 >= n && even_nul * 10 < n) return "UTF-16LE";
  if (n >= 4 && even_nul * 3 >= n && odd_nul * 10 < n) return "UTF-16BE";
  // Valid UTF-8 without NUL bytes is UTF-8, however it reads as UTF-16.
  if (even_nul + odd_nul == 0 && find_invalid_utf8(bytes) == std::string_view::npos) return nullptr;
  const bool le = looks_like_korean_utf16(bytes, true), be = looks_like_korean_utf16(bytes, false);
  if (le != be) return le ? "UTF-16LE" : "UTF-16BE";
  return nullptr;
}

// The length of the UTF-8 sequence a lead byte starts (0 for a byte that cannot start one).
std::size_t utf8_sequence_length(unsigned char b) {
  if (b >= 0xC2 && b <= 0xDF) return 2;
  if (b >= 0xE0 && b <= 0xEF) return 3;
  if (b >= 0xF0 && b <= 0xF4) return 4;
  return 0;
}

// Whether bytes[at..] is the beginning of a UTF-8 sequence cut off by the end of the file.
bool truncated_at_end(std::string_view bytes, std::size_t at) {
  std::size_t len = utf8_sequence_length(static_cast<unsigned char>(bytes[at]));
  if (len == 0 || at + len <= bytes.size()) return false;
  for (std::size_t k = at + 1; k < bytes.size(); ++k)
    if ((static_cast<unsigned char>(bytes[k]) & 0xC0) != 0x80) return false;
  return true;
}

// Characters of two or more bytes in valid UTF-8 `bytes`.
std::size_t multibyte_chars(std::string_view bytes) {
  std::size_t n = 0;
  for (char c : bytes)
    if ((static_cast<unsigned char>(c) & 0xC0) == 0xC0) ++n;
  return n;
}

void check_encoding(const std::string& path, std::string_view bytes, const ReadLimits& limits) {
  const std::string shown = path;
  if (bytes.empty()) throw InputError({shown}, "the file is empty; expected UTF-8 text");
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                            (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    const char* enc = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    throw InputError({shown, 1, 1}, std::string("the file is ") + enc +
                                        " (byte order mark found); koterm reads UTF-8: convert "
                                        "it with: iconv -f UTF-16 -t UTF-8 " +
                                        shown + " > " + shown + ".utf8");
  }
  if (const char* enc = utf16_guess(bytes))
    throw InputError({shown, 1, 1}, std::string("the file looks like ") + enc +
                                        " without a byte order mark; koterm reads UTF-8: "
                                        "convert it with: iconv -f " +
                                        enc + " -t UTF-8 " + shown + " > " + shown + ".utf8");
  std::size_t skip = has_utf8_bom(bytes) ? 3 : 0;
  std::size_t line_start = skip, line_no = 1;
  for (std::size_t i = skip; i <= bytes.size(); ++i) {
    if (i == bytes.size() || bytes[i] == '\n') {
      if (i - line_start > limits.max_line_bytes) {
        SourcePos pos{shown, line_no, 1};
        throw LimitError(pos, "line is " + std::to_string(i - line_start) +
                                  " bytes long, over the limit of " +
                                  (limits.max_line_bytes % 1024 == 0
                                       ? std::to_string(limits.max_line_bytes >> 10) + " KiB"
                                       : std::to_string(limits.max_line_bytes) + " bytes") +
                                  " per line " + raise_hint(limits.line_option) +
                                  "; is this really line-broken text?");
      }
      line_start = i + 1;
      ++line_no;
    }
  }
  std::size_t bad = find_invalid_utf8(bytes.substr(skip));
  if (bad != std::string_view::npos) bad += skip;
  for (std::size_t i = skip; i < bytes.size() && (bad == std::string_view::npos || i < bad); ++i)
    if (bytes[i] == '\0') {
      throw InputError(raw_position(shown, bytes, i, skip),
                       "NUL byte: this looks like a binary file, not text");
    }
  if (bad == std::string_view::npos) return;
  auto b = static_cast<unsigned char>(bytes[bad]);
  if (truncated_at_end(bytes, bad)) {
    std::string got;
    for (std::size_t k = bad; k < bytes.size(); ++k) got += (got.empty() ? "" : " ") + hex_byte(static_cast<unsigned char>(bytes[k]));
    throw InputError(raw_position(shown, bytes, bad, skip),
                     "truncated UTF-8 sequence at the end of the file: " + got + " begins a " +
                         std::to_string(utf8_sequence_length(b)) +
                         "-byte character but the file ends after " + std::to_string(bytes.size() - bad) +
                         "; was the file cut off while it was written or downloaded?");
  }
  std::string msg = "invalid UTF-8 byte " + hex_byte(b);
  // Plenty of valid UTF-8 Korean before the bad byte is UTF-8 with a damaged byte, not
  // EUC-KR (whose byte pairs UTF-8 Korean also forms).
  if (multibyte_chars(bytes.substr(skip, bad - skip)) >= 8)
    msg += "; the text before it is valid UTF-8, so this byte is damaged: fix or remove it";
  else if (looks_like_cp949(bytes))
    msg += "; the file looks like EUC-KR/CP949 Korean: convert it with: iconv -f CP949 -t UTF-8 " +
           shown + " > " + shown + ".utf8";
  else if (std::count(bytes.begin(), bytes.end(), '\0') > 0)
    msg += "; this looks like a binary file, not text";
  throw InputError(raw_position(shown, bytes, bad, skip), msg);
}

const icu::Normalizer2& nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || n == nullptr) throw InternalError("ICU NFC normaliser unavailable");
  return *n;
}

// Folds U+FF01..U+FF5E to ASCII and U+3000 to a space; returns 0 when `cp` is not folded.
char32_t fold_fullwidth(char32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) return cp - 0xFF01 + 0x21;
  if (cp == 0x3000) return U' ';
  return 0;
}

}  // namespace

SourceText SourceText::from_bytes(std::string path, std::string bytes, const ReadLimits& limits) {
  if (bytes.size() > limits.max_file_bytes)
    throw LimitError({path}, "the file is " + mib(bytes.size()) + ", over the limit of " +
                                 mib(limits.max_file_bytes) + " " + raise_hint(limits.file_option));
  check_encoding(path, bytes, limits);
  SourceText s;
  s.path_ = std::move(path);
  s.original_ = std::move(bytes);
  s.build();
  return s;
}

void SourceText::build() {
  const std::string_view in = original_;
  bom_bytes_ = has_utf8_bom(in) ? 3 : 0;
  orig_line_starts_.push_back(0);
  for (std::size_t i = 0; i < in.size(); ++i)
    if (in[i] == '\n') orig_line_starts_.push_back(i + 1);

  normalized_.reserve(in.size());
  anchors_.push_back({0, bom_bytes_});
  const icu::Normalizer2& norm = nfc();

  // Walk the text in runs that NFC leaves alone, handling CR and full-width characters
  // inline; a run that is not in NFC is normalised as a whole and recorded as one changed
  // chunk in the offset map.
  std::size_t i = bom_bytes_;
  auto mark_change = [&](std::size_t orig_begin, std::size_t orig_end, std::size_t norm_begin) {
    if (anchors_.back().norm != norm_begin) anchors_.push_back({norm_begin, orig_begin});
    else anchors_.back().orig = orig_begin;
    anchors_.push_back({normalized_.size(), orig_end});
  };
  while (i < in.size()) {
    auto c = static_cast<unsigned char>(in[i]);
    if (c < 0x80) {
      if (c == '\r') {
        std::size_t nb = normalized_.size();
        normalized_ += '\n';
        std::size_t end = (i + 1 < in.size() && in[i + 1] == '\n') ? i + 2 : i + 1;
        if (end != i + 1) mark_change(i, end, nb);
        i = end;
        continue;
      }
      normalized_ += static_cast<char>(c);
      ++i;
      continue;
    }
    // A run of non-ASCII characters: NFC only combines a character with those before it,
    // and ASCII (but a preceding letter) never takes part.
    // A combining mark may compose with the ASCII letter before it: take that letter in.
    if (i > bom_bytes_ && static_cast<unsigned char>(in[i - 1]) < 0x80 && in[i - 1] != '\n' &&
        in[i - 1] != '\r' && !normalized_.empty() && anchors_.back().norm < normalized_.size()) {
      normalized_.pop_back();
      --i;
    }
    std::size_t run_end = i + 1;
    while (run_end < in.size() && static_cast<unsigned char>(in[run_end]) >= 0x80) run_end += 1;
    // Split the run into NFC segments (a character with a boundary before it starts one),
    // so that a changed segment maps back to exactly its own original bytes.
    std::size_t seg_begin = i;
    while (seg_begin < run_end) {
      std::size_t seg_end = seg_begin, len = 0;
      decode_utf8(in, seg_end, &len);
      seg_end += len;
      while (seg_end < run_end) {
        char32_t cp = decode_utf8(in, seg_end, &len);
        if (norm.hasBoundaryBefore(static_cast<UChar32>(cp))) break;
        seg_end += len;
      }
      std::string_view seg = in.substr(seg_begin, seg_end - seg_begin);
      std::size_t first_len = 0;
      char32_t first = decode_utf8(seg, 0, &first_len);
      if (first_len == seg.size()) {
        // One character: only full-width folding can change it.
        if (char32_t f = fold_fullwidth(first)) {
          std::size_t nb = normalized_.size();
          normalized_ += static_cast<char>(f);
          mark_change(seg_begin, seg_end, nb);
        } else {
          normalized_.append(seg);
        }
      } else {
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(
            icu::StringPiece(seg.data(), static_cast<int32_t>(seg.size())));
        icu::UnicodeString out;
        UErrorCode status = U_ZERO_ERROR;
        norm.normalize(u, out, status);
        if (U_FAILURE(status)) throw InternalError("ICU NFC normalisation failed");
        std::string utf8;
        out.toUTF8String(utf8);
        std::string folded;
        for (std::size_t k = 0; k < utf8.size();) {
          std::size_t l = 0;
          char32_t cp = decode_utf8(utf8, k, &l);
          if (char32_t f = fold_fullwidth(cp)) folded += static_cast<char>(f);
          else folded.append(utf8, k, l);
          k += l;
        }
        std::size_t nb = normalized_.size();
        normalized_ += folded;
        if (folded != seg) mark_change(seg_begin, seg_end, nb);
      }
      seg_begin = seg_end;
    }
    i = run_end;
  }

  std::size_t start = 0;
  for (std::size_t k = 0; k <= normalized_.size(); ++k) {
    if (k == normalized_.size() || normalized_[k] == '\n') {
      if (k == normalized_.size() && start == k && k > 0) break;  // final newline
      lines_.push_back({start, k});
      start = k + 1;
    }
  }
}

std::size_t SourceText::original_offset(std::size_t norm_byte) const {
  auto it = std::upper_bound(anchors_.begin(), anchors_.end(), norm_byte,
                             [](std::size_t v, const Anchor& a) { return v < a.norm; });
  const Anchor& a = *std::prev(it);
  std::size_t orig = a.orig + (norm_byte - a.norm);
  if (it != anchors_.end()) orig = std::min(orig, it->orig);
  return std::min(orig, original_.size());
}

std::string_view SourceText::original_text(Span norm) const {
  Span o = original_span(norm);
  return std::string_view(original_).substr(o.byte_begin, o.byte_count());
}

SourcePos SourceText::position(std::size_t orig_byte) const {
  auto it = std::upper_bound(orig_line_starts_.begin(), orig_line_starts_.end(), orig_byte);
  std::size_t line_index = static_cast<std::size_t>(it - orig_line_starts_.begin()) - 1;
  std::size_t start = orig_line_starts_[line_index];
  if (line_index == 0) start = bom_bytes_;
  std::size_t col = 1;
  for (std::size_t k = start; k < orig_byte && k < original_.size(); ++k)
    if ((static_cast<unsigned char>(original_[k]) & 0xC0) != 0x80) ++col;
  return {path_, line_index + 1, col};
}

namespace {

// Reads a stream in chunks and stops as soon as it passes the size limit, so that input
// without a known size (standard input, a pipe, /dev/zero) is refused instead of filling memory.
std::string read_bounded(std::istream& in, const std::string& shown, const ReadLimits& limits) {
  std::string bytes;
  std::vector<char> chunk(std::size_t{1} << 16);
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    bytes.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > limits.max_file_bytes)
      throw LimitError({shown}, "the input is larger than the limit of " + mib(limits.max_file_bytes) +
                                    " " + raise_hint(limits.file_option));
  }
  if (in.bad()) throw InputError({shown}, "read error");
  return bytes;
}

}  // namespace

std::string read_file_bytes(const std::string& path, std::istream& stdin_stream,
                            const ReadLimits& limits) {
  const std::string shown = display_name(path);
  std::string bytes;
  if (path == "-") {
    bytes = read_bounded(stdin_stream, shown, limits);
  } else {
    namespace fs = std::filesystem;
    std::error_code ec;
    auto st = fs::status(path, ec);
    if (ec || !fs::exists(st)) throw InputError({shown}, "no such file");
    if (fs::is_directory(st)) throw InputError({shown}, "is a directory, expected a file");
    std::ifstream f(path, std::ios::binary);
    if (!f) throw InputError({shown}, std::string("cannot open the file: ") + std::strerror(errno));
    auto size = fs::file_size(path, ec);
    if (!ec && size > limits.max_file_bytes)
      throw LimitError({shown}, "the file is " + mib(size) + ", over the limit of " +
                                    mib(limits.max_file_bytes) + " " + raise_hint(limits.file_option));
    bytes = read_bounded(f, shown, limits);
  }
  return bytes;
}

SourceText read_source(const std::string& path, std::istream& stdin_stream, const ReadLimits& limits) {
  return SourceText::from_bytes(display_name(path), read_file_bytes(path, stdin_stream, limits), limits);
}

}  // namespace koterm::text
