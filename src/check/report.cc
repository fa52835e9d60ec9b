#include "check/report.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "common/error.h"
#include "text/utf8.h"

namespace koterm::check {

Format format_from(const std::string& s) {
  if (s == "text") return Format::text;
  if (s == "json") return Format::json;
  if (s == "tsv") return Format::tsv;
  if (s == "html") return Format::html;
  throw UsageError("--format: unknown format \"" + s + "\"; expected text, json, tsv or html");
}

namespace {

// At most `max_chars` characters of `s`, cut at a character boundary, "…" appended when cut.
std::string clip(const std::string& s, std::size_t max_chars) {
  std::size_t chars = 0, i = 0;
  while (i < s.size()) {
    if (chars == max_chars) return s.substr(0, i) + "…";
    std::size_t len = 1;
    text::decode_utf8(s, i, &len);
    i += len;
    ++chars;
  }
  return s;
}

std::string where(const Place& p) {
  return p.path + ":" + std::to_string(p.line) + ":" + std::to_string(p.col);
}

const char* colour_of(Severity s) {
  switch (s) {
    case Severity::error: return "\x1b[1;31m";
    case Severity::warning: return "\x1b[1;35m";
    case Severity::info: return "\x1b[1;36m";
  }
  return "";
}

nlohmann::ordered_json place_json(const Place& p) {
  nlohmann::ordered_json j;
  j["file"] = p.path;
  j["line"] = p.line;
  j["column"] = p.col;
  j["zone"] = p.zone;
  return j;
}

std::string tsv_cell(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

void write_text(const std::vector<Finding>& findings, std::ostream& out, bool color) {
  const char* bold = color ? "\x1b[1m" : "";
  const char* reset = color ? "\x1b[0m" : "";
  const char* dim = color ? "\x1b[2m" : "";
  for (const Finding& f : findings) {
    out << bold << where(f.en_place) << ":" << reset << " " << (color ? colour_of(f.severity) : "")
        << severity_name(f.severity) << reset << ": " << bold << f.ko << reset << ": " << f.message
        << " [" << type_name(f.type) << "]\n";
    // Each form with its places (at most three each), then the sentences of the main place.
    for (const FoundForm& ff : f.found) {
      std::size_t shown = 0;
      for (const Occurrence& o : ff.occurrences) {
        if (shown++ == 3) {
          out << "    " << dim << "... " << ff.occurrences.size() - 3 << " more" << reset << "\n";
          break;
        }
        out << "    " << where(o.en_place) << ": \"" << o.en << "\" for " << o.ko << " ("
            << where(o.ko_place) << ", " << o.en_place.zone << ")\n";
      }
    }
    out << "    " << dim << "ko: " << reset << clip(f.ko_place.sentence, 200) << "\n";
    out << "    " << dim << "en: " << reset << clip(f.en_place.sentence, 300) << "\n";
  }
  std::map<Severity, std::size_t> counts;
  for (const Finding& f : findings) ++counts[f.severity];
  out << findings.size() << " finding" << (findings.size() == 1 ? "" : "s") << " ("
      << counts[Severity::error] << " error, " << counts[Severity::warning] << " warning, "
      << counts[Severity::info] << " info)\n";
}

void write_json(const std::vector<Finding>& findings, std::ostream& out) {
  nlohmann::ordered_json root;
  root["schema"] = "koterm-check";
  root["version"] = 1;
  std::map<Severity, std::size_t> counts;
  for (const Finding& f : findings) ++counts[f.severity];
  nlohmann::ordered_json summary;
  summary["findings"] = findings.size();
  summary["error"] = counts[Severity::error];
  summary["warning"] = counts[Severity::warning];
  summary["info"] = counts[Severity::info];
  root["summary"] = summary;
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Finding& f : findings) {
    nlohmann::ordered_json j;
    j["type"] = type_name(f.type);
    j["severity"] = severity_name(f.severity);
    j["headline_only"] = f.headline_only;
    j["article"] = f.article;
    j["ko"] = f.ko;
    j["entry"] = f.entry_id.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(f.entry_id);
    j["expected"] = f.expected;
    nlohmann::ordered_json found = nlohmann::ordered_json::array();
    for (const FoundForm& ff : f.found) {
      nlohmann::ordered_json fj;
      fj["en"] = ff.en;
      fj["count"] = ff.occurrences.size();
      nlohmann::ordered_json occs = nlohmann::ordered_json::array();
      for (const Occurrence& o : ff.occurrences) {
        nlohmann::ordered_json oj;
        oj["ko_text"] = o.ko;
        oj["en_text"] = o.en;
        oj["ko"] = place_json(o.ko_place);
        oj["en"] = place_json(o.en_place);
        occs.push_back(std::move(oj));
      }
      fj["occurrences"] = std::move(occs);
      found.push_back(std::move(fj));
    }
    j["found"] = std::move(found);
    nlohmann::ordered_json ko = place_json(f.ko_place);
    ko["sentence"] = f.ko_place.sentence;
    nlohmann::ordered_json en = place_json(f.en_place);
    en["sentence"] = f.en_place.sentence;
    j["ko_location"] = std::move(ko);
    j["en_location"] = std::move(en);
    j["message"] = f.message;
    j["uncertain"] = f.uncertain.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(f.uncertain);
    j["possible_renderings"] = f.possible_renderings;
    list.push_back(std::move(j));
  }
  root["findings"] = std::move(list);
  out << root.dump(2) << "\n";
}

void write_tsv(const std::vector<Finding>& findings, std::ostream& out) {
  out << "type\tseverity\tko\tfound\texpected\ten_file\ten_line\ten_column\tko_file\tko_line\t"
         "ko_column\tmessage\n";
  for (const Finding& f : findings) {
    std::string found, expected;
    for (const FoundForm& ff : f.found) found += (found.empty() ? "" : " | ") + ff.en;
    for (const std::string& e : f.expected) expected += (expected.empty() ? "" : " | ") + e;
    out << type_name(f.type) << '\t' << severity_name(f.severity) << '\t' << tsv_cell(f.ko) << '\t'
        << tsv_cell(found) << '\t' << tsv_cell(expected) << '\t' << tsv_cell(f.en_place.path) << '\t'
        << f.en_place.line << '\t' << f.en_place.col << '\t' << tsv_cell(f.ko_place.path) << '\t'
        << f.ko_place.line << '\t' << f.ko_place.col << '\t' << tsv_cell(f.message) << '\n';
  }
}

namespace {

// The text of `spans` (one side of a unit) with highlights marked.
std::string marked(const text::SourceText& src, const std::vector<text::Span>& spans,
                   const std::vector<const Highlight*>& hl) {
  std::string out;
  for (const text::Span& s : spans) {
    if (!out.empty()) out += ' ';
    std::size_t at = s.byte_begin;
    for (const Highlight* h : hl) {
      if (h->span.byte_begin < at || h->span.byte_end > s.byte_end) continue;
      out += html_escape(src.original_text({at, h->span.byte_begin}));
      out += h->flagged ? "<mark class=\"bad\">" : "<mark>";
      out += html_escape(src.original_text(h->span));
      out += "</mark>";
      at = h->span.byte_end;
    }
    out += html_escape(src.original_text({at, s.byte_end}));
  }
  return out;
}

constexpr const char* html_style = R"(
body{font-family:"Noto Sans CJK KR","Noto Sans KR","Apple SD Gothic Neo","Malgun Gothic",sans-serif;margin:1.5em;color:#222;background:#fafafa}
h1{font-size:1.4em;margin:0 0 .3em}h2{font-size:1.1em;margin:1.5em 0 .5em;color:#333}
.summary{margin-bottom:1em;color:#444}
table{border-collapse:collapse;width:100%;background:#fff;table-layout:fixed}
th,td{border:1px solid #ddd;padding:.45em .6em;vertical-align:top;font-size:.92em;line-height:1.45}
th{background:#eef1f5;text-align:left}
td.n{color:#888;font-size:.8em}
col.n{width:4em}col.ko,col.en{width:36%}col.f{width:24%}
tr.headline td{background:#f7f7fb;font-weight:600}
mark{background:#d6ecff;border-radius:2px;padding:0 1px}
mark.bad{background:#ffd2cc;border-bottom:2px solid #d33}
.finding{margin:0 0 .4em;padding:.3em .4em;border-left:4px solid #888;background:#f5f5f5;font-size:.9em}
.finding.error{border-color:#c62828;background:#fdecea}
.finding.warning{border-color:#b35c00;background:#fff4e5}
.finding.info{border-color:#1565c0;background:#e8f1fb}
.tag{font-size:.75em;text-transform:uppercase;letter-spacing:.04em;color:#555;margin-right:.4em}
.none{color:#2e7d32}
)";

}  // namespace

void write_html(const std::vector<Article>& articles, const CheckResult& result, std::ostream& out) {
  std::map<Severity, std::size_t> counts;
  for (const Finding& f : result.findings) ++counts[f.severity];
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<title>koterm check</title>\n<style>" << html_style << "</style>\n</head>\n<body>\n"
      << "<h1>koterm check</h1>\n<div class=\"summary\">" << result.findings.size() << " finding"
      << (result.findings.size() == 1 ? "" : "s") << ": " << counts[Severity::error] << " error, "
      << counts[Severity::warning] << " warning, " << counts[Severity::info] << " info</div>\n";
  // Findings attached to the unit holding their English place (by path and line).
  for (std::size_t ai = 0; ai < articles.size(); ++ai) {
    const Article& a = articles[ai];
    std::vector<const Highlight*> ko_hl, en_hl;
    for (const Highlight& h : result.highlights)
      if (h.article == ai) (h.en_side ? en_hl : ko_hl).push_back(&h);
    auto drop_overlaps = [](std::vector<const Highlight*>& v) {
      std::vector<const Highlight*> kept;
      for (const Highlight* h : v)
        if (kept.empty() || h->span.byte_begin >= kept.back()->span.byte_end) kept.push_back(h);
        else if (h->flagged && !kept.back()->flagged && h->span.byte_begin == kept.back()->span.byte_begin)
          kept.back() = h;
      v = kept;
    };
    drop_overlaps(ko_hl);
    drop_overlaps(en_hl);
    out << "<h2>" << html_escape(a.id) << "</h2>\n<table>\n<colgroup><col class=\"n\"><col class=\"ko\">"
        << "<col class=\"en\"><col class=\"f\"></colgroup>\n"
        << "<tr><th>line</th><th>" << html_escape(a.ko->path()) << "</th><th>"
        << html_escape(a.en->path()) << "</th><th>findings</th></tr>\n";
    for (const Unit& u : a.units) {
      const std::size_t en_first = a.en->position_of_normalized(u.en.front().byte_begin).line;
      const std::size_t en_last = a.en->position_of_normalized(u.en.back().byte_end).line;
      const std::size_t ko_line = a.ko->position_of_normalized(u.ko.front().byte_begin).line;
      std::vector<text::Span> en_spans = u.en;
      out << "<tr" << (u.zone == text::Zone::headline || u.zone == text::Zone::subheadline
                           ? " class=\"headline\""
                           : "")
          << "><td class=\"n\">" << ko_line << "<br>" << en_first << "</td><td lang=\"ko\">"
          << marked(*a.ko, u.ko, ko_hl) << "</td><td>" << marked(*a.en, en_spans, en_hl)
          << "</td><td>";
      for (const Finding& f : result.findings) {
        if (f.article != a.id || f.en_place.path != a.en->path() || f.en_place.line < en_first ||
            f.en_place.line > en_last)
          continue;
        out << "<div class=\"finding " << severity_name(f.severity) << "\"><span class=\"tag\">"
            << severity_name(f.severity) << " · " << type_name(f.type) << "</span><b>"
            << html_escape(f.ko) << "</b>: " << html_escape(f.message) << "</div>";
      }
      out << "</td></tr>\n";
    }
    out << "</table>\n";
  }
  // Findings not tied to one article (across the batch).
  bool any = false;
  for (const Finding& f : result.findings) {
    if (f.article != "(batch)") continue;
    if (!any) out << "<h2>Across the batch</h2>\n";
    any = true;
    out << "<div class=\"finding " << severity_name(f.severity) << "\"><span class=\"tag\">"
        << severity_name(f.severity) << " · " << type_name(f.type) << "</span><b>"
        << html_escape(f.ko) << "</b>: " << html_escape(f.message) << "</div>\n";
  }
  if (result.findings.empty()) out << "<p class=\"none\">No findings.</p>\n";
  out << "</body>\n</html>\n";
}

}  // namespace koterm::check
