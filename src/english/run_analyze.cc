#include "english/run_analyze.h"

#include <nlohmann/json.hpp>
#include <ostream>

#include "common/error.h"
#include "english/tokens.h"
#include "korean/analyze.h"

namespace koterm::english {

AnalyzeFormat analyze_format_from(const std::string& name) {
  if (name == "tsv") return AnalyzeFormat::tsv;
  if (name == "json") return AnalyzeFormat::json;
  throw UsageError("--format must be tsv or json, not \"" + name + "\"");
}

void AnalyzeOptions::validate() const {
  if (path.empty()) throw UsageError("analyze: no input file given (use - for standard input)");
}

namespace {

// The matching key of one analysed eojeol: its stem when particles or the copula follow,
// else the whole eojeol (what korean::term_key gives for a one-word phrase).
std::string eojeol_key(std::string_view original_word) { return korean::term_key(original_word); }

std::string token_flags(const Token& t) {
  std::string f = t.is_word ? "word" : "punct";
  if (t.capitalized) f += ",cap";
  if (t.is_acronym) f += ",acronym";
  return f;
}

}  // namespace

int run_analyze(const AnalyzeOptions& options, std::istream& in, std::ostream& out, Diagnostics& diagnostics) {
  (void)diagnostics;
  text::SourceText src = text::read_source(options.path, in, options.limits);
  const std::string& norm = src.normalized();
  nlohmann::ordered_json lines = nlohmann::ordered_json::array();
  for (std::size_t li = 0; li < src.lines().size(); ++li) {
    const text::Span line = src.lines()[li];
    std::string_view line_text(norm.data() + line.byte_begin, line.byte_count());
    nlohmann::ordered_json items = nlohmann::ordered_json::array();
    auto shift = [&](text::Span s) {
      return text::Span{s.byte_begin + line.byte_begin, s.byte_end + line.byte_begin};
    };
    if (options.lang == text::Lang::ko) {
      for (const korean::Eojeol& e : korean::analyze(line_text)) {
        text::Span norm_span = shift(e.span);
        std::string_view shown = src.original_text(norm_span);
        std::string key = eojeol_key(line_text.substr(e.span.byte_begin, e.span.byte_count()));
        if (options.format == AnalyzeFormat::tsv) {
          out << shown << '\t' << e.stem << '\t' << e.tail << '\t' << korean::tail_kind_name(e.tail_kind) << '\t'
              << key << '\n';
        } else {
          text::Span o = src.original_span(norm_span);
          items.push_back({{"text", std::string(shown)},
                           {"byte_begin", o.byte_begin},
                           {"byte_end", o.byte_end},
                           {"stem", e.stem},
                           {"tail", e.tail},
                           {"tail_kind", korean::tail_kind_name(e.tail_kind)},
                           {"key", key}});
        }
      }
    } else {
      for (const Token& t : tokenize(line_text)) {
        text::Span norm_span = shift(t.span);
        std::string_view shown = src.original_text(norm_span);
        std::string key = t.is_word ? term_key(line_text.substr(t.span.byte_begin, t.span.byte_count())) : "";
        if (options.format == AnalyzeFormat::tsv) {
          out << shown << '\t' << key << '\t' << token_flags(t) << '\n';
        } else {
          text::Span o = src.original_span(norm_span);
          items.push_back({{"text", std::string(shown)},
                           {"byte_begin", o.byte_begin},
                           {"byte_end", o.byte_end},
                           {"key", key},
                           {"is_word", t.is_word},
                           {"capitalized", t.capitalized},
                           {"is_acronym", t.is_acronym}});
        }
      }
    }
    if (options.format == AnalyzeFormat::json && !items.empty()) {
      lines.push_back({{"line", li + 1}, {"items", std::move(items)}});
    }
  }
  if (options.format == AnalyzeFormat::json) {
    nlohmann::ordered_json doc = {{"path", text::display_name(options.path)},
                                  {"lang", text::lang_name(options.lang)},
                                  {"lines", std::move(lines)}};
    out << doc.dump(1) << '\n';
  }
  return 0;
}

}  // namespace koterm::english
