#include "align/run_align.h"

#include <cmath>
#include <cstdio>
#include <istream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <pugixml.hpp>
#include <sstream>

#include "common/error.h"
#include "glossary/yaml.h"
#include "segment/segment.h"
#include "text/language.h"

namespace koterm::align {

Format format_from(const std::string& name) {
  if (name == "beads") return Format::beads;
  if (name == "tsv") return Format::tsv;
  if (name == "json") return Format::json;
  if (name == "tmx") return Format::tmx;
  throw UsageError("--format must be beads, tsv, json or tmx; found \"" + name + "\"");
}

void RunAlignOptions::validate() const {
  if (ko_path.empty() || en_path.empty()) {
    throw UsageError("align needs two files, the Korean article and its English translation");
  }
  if (ko_path == "-" && en_path == "-") {
    throw UsageError("only one of KO and EN can be standard input (\"-\")");
  }
  align.validate();
}

SideText presegmented_side(const text::SourceText& source) {
  SideText side;
  side.source = &source;
  const std::string& norm = source.normalized();
  for (const text::Span& line : source.lines()) {
    text::Span s = line;
    while (s.byte_begin < s.byte_end && (norm[s.byte_begin] == ' ' || norm[s.byte_begin] == '\t')) {
      ++s.byte_begin;
    }
    while (s.byte_end > s.byte_begin && (norm[s.byte_end - 1] == ' ' || norm[s.byte_end - 1] == '\t')) {
      --s.byte_end;
    }
    side.spans.push_back(s);
    side.boilerplate.push_back(s.byte_begin == s.byte_end);
  }
  return side;
}

SideText segmented_side(const text::SourceText& source, text::Lang lang) {
  SideText side;
  side.source = &source;
  segment::Document doc = segment::segment(source, lang);
  for (const segment::Sentence& s : doc.sentences) {
    side.spans.push_back(s.span);
    side.boilerplate.push_back(s.zone == text::Zone::boilerplate || s.zone == text::Zone::credit ||
                               s.zone == text::Zone::byline);
  }
  return side;
}

namespace {

std::string_view sentence_text(const SideText& side, std::size_t k) {
  const text::Span& s = side.spans[k];
  return std::string_view(side.source->normalized()).substr(s.byte_begin, s.byte_count());
}

std::string joined_text(const SideText& side, const std::vector<std::size_t>& ids) {
  std::string out;
  for (std::size_t k : ids) {
    if (!out.empty()) out += ' ';
    out += sentence_text(side, k);
  }
  return out;
}

std::string id_list(const std::vector<std::size_t>& ids) {
  std::string out;
  for (std::size_t k : ids) {
    if (!out.empty()) out += ',';
    out += std::to_string(k);
  }
  return out;
}

std::string fixed3(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

double rounded3(double v) { return std::round(v * 1000.0) / 1000.0; }

// Tabs and newlines cannot appear inside a TSV field.
std::string tsv_field(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

nlohmann::json spans_json(const SideText& side, const std::vector<std::size_t>& ids) {
  nlohmann::json arr = nlohmann::json::array();
  for (std::size_t k : ids) {
    text::Span orig = side.source->original_span(side.spans[k]);
    arr.push_back({{"byte_begin", orig.byte_begin}, {"byte_end", orig.byte_end}});
  }
  return arr;
}

void write_tmx(const std::vector<Bead>& beads, const SideText& ko, const SideText& en,
               std::ostream& out) {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  auto tmx = doc.append_child("tmx");
  tmx.append_attribute("version") = "1.4";
  auto header = tmx.append_child("header");
  header.append_attribute("creationtool") = "koterm";
  header.append_attribute("creationtoolversion") = "1";
  header.append_attribute("segtype") = "sentence";
  header.append_attribute("o-tmf") = "koterm";
  header.append_attribute("adminlang") = "en";
  header.append_attribute("srclang") = "ko";
  header.append_attribute("datatype") = "plaintext";
  auto body = tmx.append_child("body");
  for (const Bead& b : beads) {
    if (b.ko.empty() || b.en.empty()) continue;  // a translation unit needs both languages
    auto tu = body.append_child("tu");
    auto prop = [&tu](const char* type, const std::string& value) {
      auto p = tu.append_child("prop");
      p.append_attribute("type") = type;
      p.text().set(value.c_str());
    };
    prop("x-ko-sentences", id_list(b.ko));
    prop("x-en-sentences", id_list(b.en));
    prop("x-confidence", fixed3(b.confidence));
    if (b.low_confidence) prop("x-low-confidence", "yes");
    auto tuv_ko = tu.append_child("tuv");
    tuv_ko.append_attribute("xml:lang") = "ko";
    tuv_ko.append_child("seg").text().set(joined_text(ko, b.ko).c_str());
    auto tuv_en = tu.append_child("tuv");
    tuv_en.append_attribute("xml:lang") = "en";
    tuv_en.append_child("seg").text().set(joined_text(en, b.en).c_str());
  }
  doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
}

struct LoadedSide {
  std::optional<text::SourceText> source;
  SideText side;
};

LoadedSide load_side(const std::string& path, text::Lang lang, const RunAlignOptions& o,
                     std::istream& in) {
  LoadedSide loaded;
  std::string bytes = text::read_file_bytes(path, in, o.limits);
  if (bytes.empty()) return loaded;  // an empty side: every bead is one-sided
  loaded.source.emplace(text::SourceText::from_bytes(text::display_name(path), std::move(bytes), o.limits));
  text::require_language(*loaded.source, lang);  // swapped or mismatched sides
  loaded.side = o.presegmented ? presegmented_side(*loaded.source)
                               : segmented_side(*loaded.source, lang);
  return loaded;
}

SourcePos sentence_pos(const SideText& side, std::size_t k) {
  return side.source->position_of_normalized(side.spans[k].byte_begin);
}

}  // namespace

void write_beads(const std::vector<Bead>& beads, const SideText& ko, const SideText& en,
                 Format format, std::ostream& out) {
  switch (format) {
    case Format::beads:
      for (const Bead& b : beads) {
        out << id_list(b.ko) << '\t' << id_list(b.en);
        if (b.low_confidence) out << "\tlow";
        out << '\n';
      }
      break;
    case Format::tsv:
      out << "ko\ten\tconfidence\tflag\tko_text\ten_text\n";
      for (const Bead& b : beads) {
        out << id_list(b.ko) << '\t' << id_list(b.en) << '\t' << fixed3(b.confidence) << '\t'
            << (b.low_confidence ? "low" : "") << '\t' << tsv_field(joined_text(ko, b.ko)) << '\t'
            << tsv_field(joined_text(en, b.en)) << '\n';
      }
      break;
    case Format::json: {
      nlohmann::json arr = nlohmann::json::array();
      for (const Bead& b : beads) {
        arr.push_back({{"ko", b.ko},
                       {"en", b.en},
                       {"confidence", rounded3(b.confidence)},
                       {"low_confidence", b.low_confidence},
                       {"ko_text", joined_text(ko, b.ko)},
                       {"en_text", joined_text(en, b.en)},
                       {"ko_spans", b.ko.empty() ? nlohmann::json::array() : spans_json(ko, b.ko)},
                       {"en_spans", b.en.empty() ? nlohmann::json::array() : spans_json(en, b.en)}});
      }
      nlohmann::json root = {
          {"ko_file", ko.source != nullptr ? ko.source->path() : std::string()},
          {"en_file", en.source != nullptr ? en.source->path() : std::string()},
          {"beads", arr}};
      out << root.dump(2) << '\n';
      break;
    }
    case Format::tmx: write_tmx(beads, ko, en, out); break;
  }
}

int run_align(const RunAlignOptions& options, std::istream& in, std::ostream& out,
              Diagnostics& diags) {
  options.validate();
  std::optional<glossary::Glossary> gloss;
  if (!options.glossary_path.empty()) gloss = glossary::load(options.glossary_path, diags);
  LoadedSide ko = load_side(options.ko_path, text::Lang::ko, options, in);
  LoadedSide en = load_side(options.en_path, text::Lang::en, options, in);

  std::vector<SentenceInput> ko_in, en_in;
  for (std::size_t k = 0; k < ko.side.spans.size(); ++k) {
    ko_in.push_back({sentence_text(ko.side, k), ko.side.boilerplate[k]});
  }
  for (std::size_t k = 0; k < en.side.spans.size(); ++k) {
    en_in.push_back({sentence_text(en.side, k), en.side.boilerplate[k]});
  }
  if (ko_in.empty() != en_in.empty()) {
    const std::string& empty_path = ko_in.empty() ? options.ko_path : options.en_path;
    diags.warning({text::display_name(empty_path)},
                  "no sentences; every sentence of the other file is left unaligned");
  }
  std::vector<Bead> beads = align(ko_in, en_in, options.align, gloss ? &*gloss : nullptr);
  for (const Bead& b : beads) {
    if (!b.low_confidence) continue;
    SourcePos pos = !b.ko.empty() ? sentence_pos(ko.side, b.ko.front())
                                  : sentence_pos(en.side, b.en.front());
    diags.warning(pos, "low-confidence bead (" + fixed3(b.confidence) + "): ko [" +
                           id_list(b.ko) + "] en [" + id_list(b.en) + "]");
  }
  write_beads(beads, ko.side, en.side, options.format, out);
  return 0;
}

}  // namespace koterm::align
