// The sentence splitter behind segment::split_sentences: ICU's sentence break iterator
// proposes boundaries, koterm's own scan adds the ones ICU misses (a period before a small
// letter, a digit or a symbol; a Korean sentence ending before Latin text), and rules over
// the data tables in data/ drop the false ones (abbreviations, initials, a quotation that
// goes on with 라고/he said); a heading glued to the sentence that repeats it is cut off
// ("Testosterone Testosterone, produced ..."). Reuse one splitter for many paragraphs: building it is the costly
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
  // Adds the sentence [begin, end), first cutting off a heading glued to it.
  void push_sentence(std::vector<text::Span>& out, std::string_view p, std::size_t begin,
                     std::size_t end) const;
};

}  // namespace koterm::segment
