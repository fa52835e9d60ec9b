// Fuzzes the text reader (strict UTF-8, normalisation, offset map, positions) and the
// segmenter (zones, paragraphs, sentences) in both languages. Input errors are expected;
// anything else that escapes, and every broken span or offset invariant, is a crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "common/error.h"
#include "fuzz_check.h"
#include "segment/segment.h"
#include "text/source.h"

using koterm::fuzz::require;

namespace {

void check_source(const koterm::text::SourceText& src) {
  const std::string& norm = src.normalized();
  const std::string& orig = src.original();
  std::size_t prev = 0;
  // Offsets map monotonically into the original file (sampled, so huge inputs stay fast).
  const std::size_t step = norm.size() / 512 + 1;
  for (std::size_t i = 0; i <= norm.size(); i += step) {
    std::size_t o = src.original_offset(i);
    require(o <= orig.size(), "original_offset beyond the original text");
    require(o >= prev, "original_offset not monotonic");
    prev = o;
    koterm::SourcePos pos = src.position(o);
    require(pos.line >= 1 && pos.col >= 1, "position() below 1:1");
  }
  require(src.original_offset(norm.size()) <= orig.size(), "end offset beyond the original text");
  std::size_t line_end = 0;
  for (const koterm::text::Span& line : src.lines()) {
    require(line.byte_begin >= line_end && line.byte_begin <= line.byte_end, "lines out of order");
    require(line.byte_end <= norm.size(), "line beyond the text");
    line_end = line.byte_end;
    (void)src.original_text(line);
  }
}

void check_document(const koterm::segment::Document& doc, const koterm::text::SourceText& src) {
  const std::size_t n = src.normalized().size();
  for (const auto& p : doc.paragraphs) {
    require(p.span.byte_begin <= p.span.byte_end && p.span.byte_end <= n, "paragraph span out of range");
    require(p.first_sentence + p.sentence_count <= doc.sentences.size(), "paragraph sentences out of range");
    require(p.line >= 1 && p.line <= src.lines().size(), "paragraph line out of range");
    (void)doc.original_text(p);
  }
  std::size_t prev_end = 0;
  for (const auto& s : doc.sentences) {
    require(s.span.byte_begin <= s.span.byte_end && s.span.byte_end <= n, "sentence span out of range");
    require(s.span.byte_begin >= prev_end, "sentences overlap or go backwards");
    require(s.paragraph < doc.paragraphs.size(), "sentence names a missing paragraph");
    const auto& p = doc.paragraphs[s.paragraph];
    require(s.span.byte_begin >= p.span.byte_begin && s.span.byte_end <= p.span.byte_end,
            "sentence outside its paragraph");
    prev_end = s.span.byte_end;
    (void)doc.original_text(s);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  koterm::text::ReadLimits limits;
  limits.max_file_bytes = std::size_t{1} << 20;
  limits.max_line_bytes = std::size_t{64} << 10;
  try {
    koterm::text::SourceText src = koterm::text::SourceText::from_bytes("fuzz.txt", koterm::fuzz::bytes_of(data, size), limits);
    check_source(src);
    for (koterm::text::Lang lang : {koterm::text::Lang::ko, koterm::text::Lang::en}) {
      check_document(koterm::segment::segment(src, lang), src);
      koterm::segment::SegmentOptions raw;
      raw.use_rules = false;
      raw.detect_zones = false;
      check_document(koterm::segment::segment(src, lang, raw), src);
    }
  } catch (const koterm::InputError&) {
    // Bad input is reported, not crashed on: that is the expected outcome.
  }
  return 0;
}
