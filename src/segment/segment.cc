#include "segment/segment.h"

#include "segment/splitter.h"
#include "text/utf8.h"

namespace koterm::segment {

std::string_view Document::text(const Sentence& s) const {
  return std::string_view(source->normalized()).substr(s.span.byte_begin, s.span.byte_count());
}
std::string_view Document::text(const Paragraph& p) const {
  return std::string_view(source->normalized()).substr(p.span.byte_begin, p.span.byte_count());
}
std::string_view Document::original_text(const Sentence& s) const {
  return source->original_text(s.span);
}
std::string_view Document::original_text(const Paragraph& p) const {
  return source->original_text(p.span);
}

namespace {

bool split_zone(Zone zone, const SegmentOptions& options) {
  return zone == Zone::body || (zone == Zone::caption && options.split_captions);
}

}  // namespace

Document segment(const text::SourceText& source, text::Lang lang, const SegmentOptions& options) {
  Document doc;
  doc.source = &source;
  doc.lang = lang;
  const std::string& norm = source.normalized();
  std::vector<text::LineZone> zones;
  if (options.detect_zones) {
    zones = text::classify_zones(source, options.zones);
  } else {
    zones = text::classify_zones(norm, source.lines(), options.zones, text::ZonePatterns{});
  }
  SentenceSplitter splitter(lang, options);
  for (std::size_t i = 0; i < zones.size(); ++i) {
    const text::LineZone& z = zones[i];
    if (z.blank()) continue;
    Paragraph para;
    para.span = z.line;
    para.line = i + 1;
    para.zone = options.detect_zones ? z.zone : Zone::body;
    para.byline = z.byline;
    para.first_sentence = doc.sentences.size();
    if (split_zone(para.zone, options)) {
      std::string_view body = std::string_view(norm).substr(z.line.byte_begin, z.line.byte_count());
      for (const text::Span& s : splitter.split(body))
        doc.sentences.push_back({{z.line.byte_begin + s.byte_begin, z.line.byte_begin + s.byte_end},
                                 doc.paragraphs.size(), para.zone});
      // A line of invisible spaces only (U+200B ...): still one sentence, so no line is lost.
      if (doc.sentences.size() == para.first_sentence)
        doc.sentences.push_back({z.line, doc.paragraphs.size(), para.zone});
    } else {
      doc.sentences.push_back({z.line, doc.paragraphs.size(), para.zone});
    }
    para.sentence_count = doc.sentences.size() - para.first_sentence;
    doc.paragraphs.push_back(para);
  }
  return doc;
}

std::vector<text::Span> split_sentences(std::string_view paragraph, text::Lang lang,
                                        const SegmentOptions& options) {
  SentenceSplitter splitter(lang, options);
  return splitter.split(paragraph);
}

}  // namespace koterm::segment
