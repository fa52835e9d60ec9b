// The sentence splitter behind segment::split_sentences: ICU's sentence break iterator
// proposes boundaries, koterm's own scan adds the ones ICU misses (a period before a small
// letter, a digit or a symbol; a Korean sentence ending before Latin text), and rules over
// the data tables in data/ drop the false ones (abbreviations, initials, a quotation that
// goes on with 라고/he said). Reuse one splitter for many paragraphs: building it is the costly
// part (ICU's rules and the tables).
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "segment/segment.h"

namespace koterm::segment {

class SentenceSplitter {
 public:
  SentenceSplitter(text::Lang lang, const SegmentOptions& options);
  ~SentenceSplitter();
  SentenceSplitter(const SentenceSplitter&) = delete;
  SentenceSplitter& operator=(const SentenceSplitter&) = delete;

  // Sentence spans of one paragraph (no newlines), relative to `paragraph`, trimmed.
  std::vector<text::Span> split(std::string_view paragraph);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace koterm::segment
