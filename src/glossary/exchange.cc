#include "glossary/exchange.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <sstream>

#include "common/error.h"
#include "glossary/validate.h"
#include "text/source.h"

namespace koterm::glossary {

const char* name_of(Format f) {
  switch (f) {
    case Format::tbx: return "tbx";
    case Format::tsv: return "tsv";
    case Format::csv: return "csv";
    case Format::json: return "json";
  }
  return "tsv";
}

std::optional<Format> format_from(std::string_view s) {
  for (auto f : {Format::tbx, Format::tsv, Format::csv, Format::json})
    if (s == name_of(f)) return f;
  return std::nullopt;
}

std::string make_id(std::string_view ko) {
  std::uint32_t h = 2166136261u;  // FNV-1a
  for (char c : ko) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "t-%08x", static_cast<unsigned>(h));
  return buf;
}

namespace {

// ---------------------------------------------------------------------------------------
// TBX

const char* admin_status(TermStatus s) {
  switch (s) {
    case TermStatus::preferred: return "preferredTerm-admn-sts";
    case TermStatus::admitted: return "admittedTerm-admn-sts";
    case TermStatus::deprecated: return "deprecatedTerm-admn-sts";
    case TermStatus::superseded: return "supersededTerm-admn-sts";
  }
  return "admittedTerm-admn-sts";
}

std::optional<TermStatus> from_admin_status(std::string_view s) {
  for (auto v : {TermStatus::preferred, TermStatus::admitted, TermStatus::deprecated, TermStatus::superseded})
    if (s == admin_status(v)) return v;
  return std::nullopt;
}

// koterm's fields that TBX-Basic has no data category for travel in notes "koterm-<key>: value".
constexpr std::string_view note_prefix = "koterm-";

void add_term(pugi::xml_node lang_sec, const std::string& term, TermStatus status, bool short_form,
              bool acronym, std::size_t count) {
  pugi::xml_node ts = lang_sec.append_child("termSec");
  ts.append_child("term").text().set(term.c_str());
  pugi::xml_node st = ts.append_child("termNote");
  st.append_attribute("type") = "administrativeStatus";
  st.text().set(admin_status(status));
  if (short_form || acronym) {
    pugi::xml_node tt = ts.append_child("termNote");
    tt.append_attribute("type") = "termType";
    tt.text().set(acronym ? "acronym" : "shortForm");
  }
  if (count > 0) {
    pugi::xml_node n = ts.append_child("note");
    n.text().set((std::string(note_prefix) + "count: " + std::to_string(count)).c_str());
  }
}

void add_note(pugi::xml_node parent, const std::string& key, const std::string& value) {
  if (value.empty()) return;
  parent.append_child("note").text().set((std::string(note_prefix) + key + ": " + value).c_str());
}

std::string export_tbx(const Glossary& g) {
  pugi::xml_document doc;
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  pugi::xml_node tbx = doc.append_child("tbx");
  tbx.append_attribute("type") = "TBX-Basic";
  tbx.append_attribute("style") = "dca";
  tbx.append_attribute("xml:lang") = "ko";
  tbx.append_attribute("xmlns") = "urn:iso:std:iso:30042:ed-2";
  pugi::xml_node header = tbx.append_child("tbxHeader").append_child("fileDesc");
  pugi::xml_node title = header.append_child("titleStmt").append_child("title");
  title.text().set(g.name.empty() ? "koterm glossary" : g.name.c_str());
  header.append_child("sourceDesc").append_child("p").text().set("Written by koterm from a version 1 glossary");
  pugi::xml_node body = tbx.append_child("text").append_child("body");
  for (const Entry& e : g.terms) {
    pugi::xml_node ce = body.append_child("conceptEntry");
    ce.append_attribute("id") = e.id.c_str();
    if (!e.note.empty()) ce.append_child("note").text().set(e.note.c_str());
    add_note(ce, "kind", name_of(e.kind));
    add_note(ce, "status", name_of(e.status));
    add_note(ce, "valid_from", e.valid_from);
    add_note(ce, "valid_until", e.valid_until);
    if (e.count > 0) add_note(ce, "count", std::to_string(e.count));
    pugi::xml_node ko = ce.append_child("langSec");
    ko.append_attribute("xml:lang") = "ko";
    add_term(ko, e.ko, TermStatus::preferred, false, false, 0);
    for (const auto& kv : e.ko_variants) add_term(ko, kv.ko, kv.status, false, false, kv.count);
    pugi::xml_node en = ce.append_child("langSec");
    en.append_attribute("xml:lang") = "en";
    bool en_listed = std::any_of(e.variants.begin(), e.variants.end(), [&](const Variant& v) { return v.en == e.en; });
    if (!en_listed) add_term(en, e.en, TermStatus::preferred, false, e.kind == Kind::acronym, 0);
    for (const auto& v : e.variants) add_term(en, v.en, v.status, v.short_form, false, v.count);
  }
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return out.str();
}

// ---------------------------------------------------------------------------------------
// TSV and CSV

std::string tsv_field(std::string_view s) {
  std::string out;
  for (char c : s) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
  return out;
}

std::string export_tsv(const Glossary& g) {
  std::string out;
  for (const Entry& e : g.terms) {
    if (e.status == EntryStatus::rejected) continue;
    std::string comment = e.note;
    out += tsv_field(e.ko) + "\t" + tsv_field(e.en) + "\t" + tsv_field(comment) + "\n";
    for (const auto& v : e.variants) {
      if (v.en == e.en || v.status != TermStatus::admitted) continue;
      out += tsv_field(e.ko) + "\t" + tsv_field(v.en) + "\t" + tsv_field("admitted variant of " + e.en) + "\n";
    }
  }
  return out;
}

std::string csv_field(std::string_view s) {
  bool quote = s.find_first_of(",\"\n\r") != std::string_view::npos || (!s.empty() && (s.front() == ' ' || s.back() == ' '));
  if (!quote) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

constexpr const char* csv_header = "ID,Korean,English,English status,Kind,Entry status,Note";

std::string export_csv(const Glossary& g) {
  std::string out = std::string(csv_header) + "\r\n";
  auto row = [&](const Entry& e, const std::string& en, TermStatus st, const std::string& note) {
    out += csv_field(e.id) + "," + csv_field(e.ko) + "," + csv_field(en) + "," + name_of(st) + "," +
           name_of(e.kind) + "," + name_of(e.status) + "," + csv_field(note) + "\r\n";
  };
  for (const Entry& e : g.terms) {
    if (e.status == EntryStatus::rejected) continue;
    bool en_listed = std::any_of(e.variants.begin(), e.variants.end(), [&](const Variant& v) { return v.en == e.en; });
    if (!en_listed) row(e, e.en, TermStatus::preferred, e.note);
    for (const auto& v : e.variants) row(e, v.en, v.status, v.en == e.en ? e.note : v.note);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// JSON

std::string export_json(const Glossary& g) {
  using nlohmann::ordered_json;
  ordered_json root;
  root["version"] = g.version;
  root["name"] = g.name;
  root["source_lang"] = "ko";
  root["target_lang"] = "en";
  ordered_json terms = ordered_json::array();
  for (const Entry& e : g.terms) {
    ordered_json j;
    j["id"] = e.id;
    j["ko"] = e.ko;
    ordered_json kvs = ordered_json::array();
    for (const auto& kv : e.ko_variants) kvs.push_back({{"ko", kv.ko}, {"status", name_of(kv.status)}, {"count", kv.count}});
    j["ko_variants"] = kvs;
    j["en"] = e.en;
    ordered_json vs = ordered_json::array();
    for (const auto& v : e.variants) {
      ordered_json jv;
      jv["en"] = v.en;
      jv["status"] = name_of(v.status);
      jv["count"] = v.count;
      jv["first_mentions"] = v.first_mentions;
      jv["zones"] = v.zones;
      jv["short_form"] = v.short_form;
      jv["note"] = v.note;
      vs.push_back(jv);
    }
    j["variants"] = vs;
    j["kind"] = name_of(e.kind);
    j["status"] = name_of(e.status);
    j["note"] = e.note;
    j["valid_from"] = e.valid_from;
    j["valid_until"] = e.valid_until;
    j["count"] = e.count;
    char score[32];
    std::snprintf(score, sizeof score, "%.4f", e.score);
    j["score"] = std::stod(score);
    j["sources"] = e.sources;
    ordered_json exs = ordered_json::array();
    for (const auto& ex : e.examples) exs.push_back({{"ko", ex.ko}, {"en", ex.en}, {"source", ex.source}});
    j["examples"] = exs;
    ordered_json ts = ordered_json::array();
    for (const auto& t : e.tests) ts.push_back({{"ko", t.ko}, {"en", t.en}, {"expect", t.expect}});
    j["tests"] = ts;
    terms.push_back(std::move(j));
  }
  root["terms"] = std::move(terms);
  return root.dump(2) + "\n";
}

// ---------------------------------------------------------------------------------------
// Import helpers

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

std::vector<std::string> split_variants(const std::string& s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (true) {
    std::size_t j = s.find(" / ", i);
    std::string part = trim(std::string_view(s).substr(i, j == std::string::npos ? std::string::npos : j - i));
    if (!part.empty() && std::find(out.begin(), out.end(), part) == out.end()) out.push_back(part);
    if (j == std::string::npos) break;
    i = j + 3;
  }
  return out;
}

// Collects imported (ko, en) pairs into entries, one per Korean form, in file order.
class Collector {
 public:
  Collector(Glossary& g, const ImportOptions& o) : g_(g), options_(o) {}

  Entry& entry_for(const std::string& ko, std::size_t line, const std::string& id) {
    auto it = index_.find(ko);
    if (it != index_.end()) return g_.terms[it->second];
    Entry e;
    e.ko = ko;
    e.id = id.empty() ? make_id(ko) : id;
    e.kind = options_.kind;
    e.status = options_.status;
    e.line = line;
    index_.emplace(ko, g_.terms.size());
    g_.terms.push_back(std::move(e));
    return g_.terms.back();
  }

  // The first English form of an entry is preferred, later ones admitted unless stated.
  static void add_en(Entry& e, const std::string& en, std::optional<TermStatus> status) {
    for (const auto& v : e.variants)
      if (v.en == en) return;
    Variant v;
    v.en = en;
    if (e.en.empty() && (!status || *status == TermStatus::preferred)) {
      e.en = en;
      v.status = TermStatus::preferred;
    } else {
      v.status = status && *status != TermStatus::preferred ? *status : TermStatus::admitted;
    }
    e.variants.push_back(std::move(v));
  }

 private:
  Glossary& g_;
  const ImportOptions& options_;
  std::map<std::string, std::size_t> index_;
};

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

int column_of(const std::vector<std::string>& header, std::initializer_list<const char*> names) {
  for (std::size_t i = 0; i < header.size(); ++i)
    for (const char* n : names)
      if (lower(trim(header[i])) == n) return static_cast<int>(i);
  return -1;
}

std::vector<std::string> split_tabs(std::string_view line) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (true) {
    std::size_t j = line.find('\t', i);
    out.emplace_back(line.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i));
    if (j == std::string_view::npos) break;
    i = j + 1;
  }
  return out;
}

void finish_entries(Glossary& g, const std::string& path, Diagnostics& diags) {
  std::vector<Entry> kept;
  kept.reserve(g.terms.size());
  for (auto& e : g.terms) {
    if (e.en.empty()) {
      // Only non-preferred forms were given: the first becomes preferred.
      if (e.variants.empty()) {
        diags.warning({path, e.line}, "no English form for \"" + e.ko + "\"; the row is skipped");
        continue;
      }
      e.en = e.variants.front().en;
      e.variants.front().status = TermStatus::preferred;
    }
    kept.push_back(std::move(e));
  }
  g.terms = std::move(kept);
}

Glossary import_tsv(const text::SourceText& src, const ImportOptions& o, Diagnostics& diags) {
  Glossary g;
  Collector c(g, o);
  const auto& lines = src.lines();
  const std::string& t = src.normalized();
  int ko_col = 0, en_col = 1, note_col = 2;
  std::size_t first = 0;
  std::size_t expect_cols = 0;  // 0: OmegaT (2 or 3)
  if (!lines.empty()) {
    auto header = split_tabs(std::string_view(t).substr(lines[0].byte_begin, lines[0].byte_count()));
    int k = column_of(header, {"term_ko", "ko", "korean", "source"});
    int e = column_of(header, {"term_en", "en", "english", "target"});
    if (k >= 0 && e >= 0) {
      ko_col = k;
      en_col = e;
      note_col = column_of(header, {"note", "comment", "description", "description_or_url_ko"});
      first = 1;
      expect_cols = header.size();
    }
  }
  for (std::size_t i = first; i < lines.size(); ++i) {
    std::string_view line = std::string_view(t).substr(lines[i].byte_begin, lines[i].byte_count());
    if (trim(line).empty()) continue;
    auto cols = split_tabs(line);
    SourcePos pos = src.position_of_normalized(lines[i].byte_begin);
    if (expect_cols == 0 ? (cols.size() < 2 || cols.size() > 3) : cols.size() != expect_cols) {
      diags.error(pos, expect_cols == 0
                           ? "expected 2 or 3 tab-separated columns (Korean, English, comment); found " +
                                 std::to_string(cols.size())
                           : "expected " + std::to_string(expect_cols) + " tab-separated columns as in the header; found " +
                                 std::to_string(cols.size()));
      continue;
    }
    std::string ko = trim(cols[static_cast<std::size_t>(ko_col)]);
    std::string en = trim(cols[static_cast<std::size_t>(en_col)]);
    if (ko.empty() || en.empty()) {
      diags.warning(pos, ko.empty() ? "the Korean column is empty; the row is skipped"
                                    : "the English column is empty; the row is skipped");
      continue;
    }
    Entry& e = c.entry_for(ko, pos.line, "");
    for (const auto& v : split_variants(en)) Collector::add_en(e, v, std::nullopt);
    if (note_col >= 0 && static_cast<std::size_t>(note_col) < cols.size() && e.note.empty())
      e.note = trim(cols[static_cast<std::size_t>(note_col)]);
  }
  finish_entries(g, src.path(), diags);
  return g;
}

// RFC 4180 records; a quoted field may span lines.
struct CsvRecord {
  std::vector<std::string> fields;
  std::size_t byte = 0;
};

std::vector<CsvRecord> parse_csv(const text::SourceText& src, Diagnostics& diags) {
  const std::string& t = src.normalized();
  std::vector<CsvRecord> out;
  std::size_t i = 0;
  while (i < t.size()) {
    CsvRecord rec;
    rec.byte = i;
    std::string field;
    bool done = false;
    while (!done) {
      if (i < t.size() && t[i] == '"') {
        std::size_t open = i++;
        bool closed = false;
        while (i < t.size()) {
          if (t[i] == '"') {
            if (i + 1 < t.size() && t[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            closed = true;
            break;
          }
          field += t[i++];
        }
        if (!closed) {
          throw InputError(src.position_of_normalized(open), "a quoted CSV field is never closed; add the closing '\"'");
        }
        if (i < t.size() && t[i] != ',' && t[i] != '\n') {
          diags.error(src.position_of_normalized(i), "unexpected text after a quoted CSV field; double '\"' inside quotes");
          while (i < t.size() && t[i] != ',' && t[i] != '\n') ++i;
        }
      } else {
        while (i < t.size() && t[i] != ',' && t[i] != '\n') field += t[i++];
      }
      rec.fields.push_back(std::move(field));
      field.clear();
      if (i >= t.size() || t[i] == '\n') done = true;
      ++i;
    }
    bool blank = rec.fields.size() == 1 && trim(rec.fields[0]).empty();
    if (!blank) out.push_back(std::move(rec));
  }
  return out;
}

Glossary import_csv(const text::SourceText& src, const ImportOptions& o, Diagnostics& diags) {
  Glossary g;
  Collector c(g, o);
  auto recs = parse_csv(src, diags);
  if (recs.empty()) throw InputError({src.path()}, "the CSV file has no rows");
  const auto& header = recs[0].fields;
  int ko_col = column_of(header, {"korean", "ko", "term_ko", "ko-kr"});
  int en_col = column_of(header, {"english", "en", "term_en", "en-us", "en-gb"});
  if (ko_col < 0 || en_col < 0)
    throw InputError(src.position_of_normalized(recs[0].byte),
                     "the CSV header must name a Korean and an English column (e.g. \"Korean,English\"); found \"" +
                         trim(src.normalized().substr(recs[0].byte, src.normalized().find('\n', recs[0].byte) - recs[0].byte)) + "\"");
  int id_col = column_of(header, {"id"});
  int st_col = column_of(header, {"english status", "term status"});
  int kind_col = column_of(header, {"kind"});
  int est_col = column_of(header, {"entry status", "status"});
  int note_col = column_of(header, {"note", "comment", "definition"});
  for (std::size_t r = 1; r < recs.size(); ++r) {
    const auto& f = recs[r].fields;
    SourcePos pos = src.position_of_normalized(recs[r].byte);
    if (f.size() != header.size()) {
      diags.error(pos, "expected " + std::to_string(header.size()) + " comma-separated fields as in the header; found " +
                           std::to_string(f.size()));
      continue;
    }
    auto get = [&](int col) { return col < 0 ? std::string() : trim(f[static_cast<std::size_t>(col)]); };
    std::string ko = get(ko_col), en = get(en_col);
    if (ko.empty() || en.empty()) {
      diags.warning(pos, ko.empty() ? "the Korean column is empty; the row is skipped"
                                    : "the English column is empty; the row is skipped");
      continue;
    }
    std::optional<TermStatus> st;
    if (st_col >= 0 && !get(st_col).empty()) {
      st = term_status_from(get(st_col));
      if (!st) {
        diags.error(pos, "unknown English status \"" + get(st_col) + "\" (preferred, admitted, deprecated, superseded)");
        continue;
      }
    }
    Entry& e = c.entry_for(ko, pos.line, get(id_col));
    if (kind_col >= 0 && !get(kind_col).empty()) {
      if (auto k = kind_from(get(kind_col))) e.kind = *k;
      else diags.warning(pos, "unknown kind \"" + get(kind_col) + "\"; using " + name_of(e.kind));
    }
    if (est_col >= 0 && !get(est_col).empty()) {
      if (auto s = entry_status_from(get(est_col))) e.status = *s;
      else diags.warning(pos, "unknown entry status \"" + get(est_col) + "\"; using " + name_of(e.status));
    }
    bool is_preferred = !st || *st == TermStatus::preferred;
    for (const auto& v : split_variants(en)) Collector::add_en(e, v, st);
    if (is_preferred && e.note.empty()) e.note = get(note_col);
  }
  finish_entries(g, src.path(), diags);
  return g;
}

std::string_view lang_of(pugi::xml_node n) {
  std::string_view l = n.attribute("xml:lang").value();
  if (l.empty()) l = n.attribute("lang").value();
  return l.substr(0, 2);
}

Glossary import_tbx(const text::SourceText& src, const ImportOptions& o, Diagnostics& diags) {
  Glossary g;
  pugi::xml_document doc;
  const std::string& t = src.normalized();
  pugi::xml_parse_result r = doc.load_buffer(t.data(), t.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!r) {
    std::size_t at = std::min(static_cast<std::size_t>(std::max<std::ptrdiff_t>(r.offset, 0)), t.size());
    throw InputError(src.position_of_normalized(at), std::string("malformed TBX (XML): ") + r.description());
  }
  pugi::xml_node root = doc.document_element();
  if (std::string_view(root.name()) != "tbx" && std::string_view(root.name()) != "martif")
    throw InputError({src.path(), 1, 1}, "not a TBX file: the root element is <" + std::string(root.name()) +
                                             ">, expected <tbx> or <martif>");
  pugi::xml_node body = root.child("text").child("body");
  // offset_debug() points at an element's name; positions point at its '<'.
  auto offset_pos = [&](pugi::xml_node n) {
    std::ptrdiff_t at = n.offset_debug();
    if (at > 0 && t[static_cast<std::size_t>(at - 1)] == '<') --at;
    return src.position_of_normalized(std::min(static_cast<std::size_t>(at < 0 ? 0 : at), t.size()));
  };
  Collector c(g, o);
  for (pugi::xml_node ce : body.children()) {
    std::string_view tag = ce.name();
    if (tag != "conceptEntry" && tag != "termEntry") continue;
    SourcePos pos = offset_pos(ce);
    std::vector<std::pair<std::string, TermStatus>> ko_terms;
    std::vector<std::pair<std::string, TermStatus>> en_terms;
    std::map<std::string, std::size_t> counts;
    std::vector<std::string> short_forms;
    for (pugi::xml_node ls : ce.children()) {
      std::string_view lt = ls.name();
      if (lt != "langSec" && lt != "langSet") continue;
      std::string_view lang = lang_of(ls);
      for (pugi::xml_node ts : ls.children()) {
        std::string_view tt = ts.name();
        if (tt != "termSec" && tt != "tig" && tt != "ntig") continue;
        pugi::xml_node holder = tt == "ntig" ? ts.child("termGrp") : ts;
        std::string term = trim(holder.child_value("term"));
        if (term.empty()) {
          diags.error(offset_pos(ts), "a <" + std::string(tt) + "> without a <term>");
          continue;
        }
        TermStatus st = TermStatus::admitted;
        bool has_status = false;
        for (pugi::xml_node tn : holder.children("termNote")) {
          std::string_view type = tn.attribute("type").value();
          std::string value = trim(tn.child_value());
          if (type == "administrativeStatus") {
            if (auto s = from_admin_status(value)) {
              st = *s;
              has_status = true;
            } else {
              diags.error(offset_pos(tn), "unknown administrativeStatus \"" + value +
                                              "\" (preferredTerm-admn-sts, admittedTerm-admn-sts, "
                                              "deprecatedTerm-admn-sts, supersededTerm-admn-sts)");
            }
          } else if (type == "termType" && value == "shortForm") {
            short_forms.push_back(term);
          }
        }
        for (pugi::xml_node n : holder.children("note")) {
          std::string v = n.child_value();
          std::string key = std::string(note_prefix) + "count: ";
          if (v.rfind(key, 0) == 0) counts[std::string(lang) + term] = std::strtoul(v.c_str() + key.size(), nullptr, 10);
        }
        if (lang == "ko") {
          if (!has_status && ko_terms.empty()) st = TermStatus::preferred;
          ko_terms.emplace_back(term, st);
        } else if (lang == "en") {
          en_terms.emplace_back(term, has_status ? st : (en_terms.empty() ? TermStatus::preferred : TermStatus::admitted));
        }
      }
    }
    if (ko_terms.empty() || en_terms.empty()) {
      diags.warning(pos, std::string("a concept entry without ") + (ko_terms.empty() ? "a Korean" : "an English") +
                             " term is skipped");
      continue;
    }
    // The Korean preferred term heads the entry; the others are Korean variants.
    auto ko_head = std::find_if(ko_terms.begin(), ko_terms.end(), [](const auto& p) { return p.second == TermStatus::preferred; });
    if (ko_head == ko_terms.end()) ko_head = ko_terms.begin();
    Entry& e = c.entry_for(ko_head->first, pos.line, ce.attribute("id").value());
    for (const auto& [ko, st] : ko_terms)
      if (ko != e.ko) e.ko_variants.push_back(KoVariant{ko, st, counts["ko" + ko]});
    for (const auto& [en, st] : en_terms) {
      Collector::add_en(e, en, st);
      for (auto& v : e.variants)
        if (v.en == en) {
          v.count = counts["en" + en];
          v.short_form = std::find(short_forms.begin(), short_forms.end(), en) != short_forms.end();
        }
    }
    for (pugi::xml_node n : ce.children("note")) {
      std::string v = n.child_value();
      if (v.rfind(note_prefix, 0) != 0) {
        if (e.note.empty()) e.note = v;
        continue;
      }
      std::size_t colon = v.find(": ");
      if (colon == std::string::npos) continue;
      std::string key = v.substr(note_prefix.size(), colon - note_prefix.size());
      std::string value = v.substr(colon + 2);
      if (key == "kind") {
        if (auto k = kind_from(value)) e.kind = *k;
      } else if (key == "status") {
        if (auto s = entry_status_from(value)) e.status = *s;
      } else if (key == "valid_from") {
        e.valid_from = value;
      } else if (key == "valid_until") {
        e.valid_until = value;
      } else if (key == "count") {
        e.count = std::strtoul(value.c_str(), nullptr, 10);
      }
    }
  }
  finish_entries(g, src.path(), diags);
  return g;
}

}  // namespace

std::string export_glossary(const Glossary& g, Format format) {
  switch (format) {
    case Format::tbx: return export_tbx(g);
    case Format::tsv: return export_tsv(g);
    case Format::csv: return export_csv(g);
    case Format::json: return export_json(g);
  }
  return export_tsv(g);
}

Glossary import_glossary(std::string_view bytes, Format format, const std::string& path, Diagnostics& diags,
                         const ImportOptions& options) {
  text::SourceText src = text::SourceText::from_bytes(path, std::string(bytes), options.limits);
  Glossary g;
  switch (format) {
    case Format::tsv: g = import_tsv(src, options, diags); break;
    case Format::csv: g = import_csv(src, options, diags); break;
    case Format::tbx: g = import_tbx(src, options, diags); break;
    case Format::json: throw UsageError("import reads tsv, csv or tbx (--from); JSON is an export format");
  }
  g.name = options.name.empty() ? std::filesystem::path(path).stem().string() : options.name;
  return g;
}

}  // namespace koterm::glossary
