#include "segment/run_segment.h"

#include <nlohmann/json.hpp>

#include <istream>
#include <ostream>

#include "common/error.h"

namespace koterm::segment {

OutputFormat output_format_from(const std::string& name) {
  if (name == "text") return OutputFormat::text;
  if (name == "json") return OutputFormat::json;
  throw UsageError("--format must be text or json, not \"" + name + "\"");
}

void RunSegmentOptions::validate() const {
  if (path.empty()) throw UsageError("segment: no input file given (use - for standard input)");
}

namespace {

void add_span(nlohmann::ordered_json& j, const text::SourceText& source, text::Span norm) {
  const text::Span orig = source.original_span(norm);
  const SourcePos pos = source.position(orig.byte_begin);
  j["line"] = pos.line;
  j["col"] = pos.col;
  j["byte_begin"] = orig.byte_begin;
  j["byte_end"] = orig.byte_end;
  j["text"] = std::string(source.original_text(norm));
}

void write_text(const Document& doc, std::ostream& out) {
  bool first = true;
  for (const Paragraph& p : doc.paragraphs) {
    if (!first) out << '\n';
    first = false;
    for (std::size_t i = 0; i < p.sentence_count; ++i)
      out << doc.original_text(doc.sentences[p.first_sentence + i]) << '\n';
  }
}

void write_json(const Document& doc, std::ostream& out) {
  const text::SourceText& source = *doc.source;
  nlohmann::ordered_json root;
  root["path"] = source.path();
  root["lang"] = text::lang_name(doc.lang);
  nlohmann::ordered_json paragraphs = nlohmann::ordered_json::array();
  for (const Paragraph& p : doc.paragraphs) {
    nlohmann::ordered_json jp;
    jp["zone"] = zone_name(p.zone);
    add_span(jp, source, p.span);
    if (p.byline.byte_count() > 0) {
      nlohmann::ordered_json jb;
      add_span(jb, source, p.byline);
      jp["byline"] = std::move(jb);
    }
    nlohmann::ordered_json sentences = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < p.sentence_count; ++i) {
      const Sentence& s = doc.sentences[p.first_sentence + i];
      nlohmann::ordered_json js;
      js["zone"] = zone_name(s.zone);
      add_span(js, source, s.span);
      sentences.push_back(std::move(js));
    }
    jp["sentences"] = std::move(sentences);
    paragraphs.push_back(std::move(jp));
  }
  root["paragraphs"] = std::move(paragraphs);
  out << root.dump(1) << '\n';
}

}  // namespace

int run_segment(const RunSegmentOptions& options, std::istream& in, std::ostream& out,
                Diagnostics& diagnostics) {
  options.validate();
  const text::SourceText source = text::read_source(options.path, in, options.limits);
  const Document doc = segment(source, options.lang, options.segment);
  bool body = false;
  for (const Paragraph& p : doc.paragraphs) body = body || p.zone == Zone::body;
  if (!body)
    diagnostics.warning({source.path()}, doc.paragraphs.empty()
                                             ? "no text: the file has only blank lines"
                                             : "no body text: every line is boilerplate, a "
                                               "headline, a caption, a credit or a byline");
  if (options.format == OutputFormat::json)
    write_json(doc, out);
  else
    write_text(doc, out);
  return 0;
}

}  // namespace koterm::segment
