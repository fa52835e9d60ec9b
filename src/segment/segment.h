// Paragraphs and sentences of an article. Every non-blank input line is a paragraph (none is
// dropped, boilerplate included) with the zone it belongs to (text/zones.h); body and caption
// paragraphs are split into sentences by ICU's sentence break iterator corrected with rules and
// abbreviation data for Korean and English (src/segment/data/); other zones are one sentence.
// Spans point into source.normalized(); original_text() gives the user's own bytes.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "text/source.h"
#include "text/zones.h"

namespace koterm::segment {

using text::Zone;
using text::zone_name;

struct Sentence {
  text::Span span;          // into source.normalized(), surrounding spaces trimmed
  std::size_t paragraph = 0;  // index into Document::paragraphs
  Zone zone = Zone::body;
};

struct Paragraph {
  text::Span span;          // into source.normalized(): the line, surrounding spaces trimmed
  std::size_t line = 0;     // 1-based line of the user's file
  Zone zone = Zone::body;
  std::size_t first_sentence = 0;
  std::size_t sentence_count = 0;
  text::Span byline;        // a byline opening a body paragraph ("[... 기자] ..."), else empty
};

struct SegmentOptions {
  // Tell zones apart (boilerplate, headline, caption, ...). When false every line is body.
  bool detect_zones = true;
  // Split captions into sentences as well as body paragraphs (headlines, subheadlines,
  // credits, bylines and boilerplate lines are always one sentence each).
  bool split_captions = true;
  // Correct ICU with koterm's rules and abbreviation data. When false the result is ICU's
  // sentence break iterator alone (kept for comparison).
  bool use_rules = true;
  // Keep a quotation that holds several sentences in one sentence with the words around it
  // ("He said, "Yes. We will." and left.").
  bool keep_quotations = false;
  text::ZoneOptions zones;
};

struct Document {
  const text::SourceText* source = nullptr;
  text::Lang lang = text::Lang::ko;
  std::vector<Paragraph> paragraphs;  // every non-blank input line is a paragraph
  std::vector<Sentence> sentences;

  // The normalised text of a sentence (or paragraph).
  std::string_view text(const Sentence& s) const;
  std::string_view text(const Paragraph& p) const;
  // The same text as it stands in the user's file.
  std::string_view original_text(const Sentence& s) const;
  std::string_view original_text(const Paragraph& p) const;
};

// Segments `source`; the Document keeps a pointer to it (keep `source` alive).
Document segment(const text::SourceText& source, text::Lang lang, const SegmentOptions& options = {});

// Splits one paragraph's text (no newlines) into sentence spans relative to `paragraph`
// (surrounding spaces trimmed; empty for a blank paragraph).
std::vector<text::Span> split_sentences(std::string_view paragraph, text::Lang lang,
                                        const SegmentOptions& options = {});

}  // namespace koterm::segment
