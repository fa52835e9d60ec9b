#include "glossary/yaml.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "common/error.h"
#include "glossary/lock.h"
#include "glossary/validate.h"
#include "text/source.h"

namespace koterm::glossary {

namespace {

// ---------------------------------------------------------------------------------------
// Nesting guard: yaml-cpp recurses once per nesting level, so a file of 100,000 "[" would
// exhaust the stack. The text is scanned first; quoted scalars and comments are skipped.

bool scalar_may_start_after(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '[' || c == '{' || c == ',' || c == ':' || c == '-' ||
         c == '?';
}

void check_nesting(const text::SourceText& src) {
  const std::string& t = src.normalized();
  std::size_t flow_depth = 0;
  std::size_t line_start = 0;
  bool at_indent = true;
  std::size_t i = 0;
  const std::size_t n = t.size();
  auto too_deep = [&](std::size_t at, const std::string& what) {
    throw LimitError(src.position_of_normalized(at),
                     what + " deeper than " + std::to_string(max_yaml_depth) +
                         " levels; a glossary needs a handful (the limit is max_yaml_depth in glossary/yaml.h)");
  };
  while (i < n) {
    char c = t[i];
    if (c == '\n') {
      line_start = i + 1;
      at_indent = true;
      ++i;
      continue;
    }
    if (at_indent) {
      if (c == ' ' || c == '\t' || ((c == '-' || c == '?') && i + 1 < n && (t[i + 1] == ' ' || t[i + 1] == '\n'))) {
        // Block nesting: indentation and "- " indicators. Each level needs at least one
        // column, so the column bounds the depth.
        if (i - line_start >= 4 * max_yaml_depth) too_deep(i, "block nesting (indentation)");
        ++i;
        continue;
      }
      at_indent = false;
    }
    char prev = i == line_start ? '\n' : t[i - 1];
    if (c == '#' && (prev == ' ' || prev == '\t' || prev == '\n')) {
      while (i < n && t[i] != '\n') ++i;
      continue;
    }
    if ((c == '"' || c == '\'') && scalar_may_start_after(prev)) {
      char q = c;
      ++i;
      while (i < n) {
        if (q == '"' && t[i] == '\\') {
          i += 2;
          continue;
        }
        if (t[i] == q) {
          if (q == '\'' && i + 1 < n && t[i + 1] == '\'') {
            i += 2;
            continue;
          }
          break;
        }
        ++i;
      }
      ++i;
      continue;
    }
    if (c == '[' || c == '{') {
      if (++flow_depth > max_yaml_depth) too_deep(i, "flow nesting ('[' or '{')");
    } else if ((c == ']' || c == '}') && flow_depth > 0) {
      --flow_depth;
    }
    ++i;
  }
}

// ---------------------------------------------------------------------------------------
// A light tree built from yaml-cpp's events, with the byte offset of every node.

struct YNode {
  enum class Type { null, scalar, seq, map, alias };
  Type type = Type::null;
  bool quoted = false;
  std::size_t byte = 0;          // offset in the normalised text
  std::string value;             // scalars
  std::vector<YNode> items;      // sequence items; for maps key, value, key, value, ...
};

class TreeBuilder : public YAML::EventHandler {
 public:
  // `on_term` receives each entry of the first document's first top-level "terms" list as
  // soon as it is complete; its subtree is dropped afterwards, so a large glossary is never
  // held twice (as a tree and as entries).
  TreeBuilder(std::vector<YNode>& docs, std::function<void(const YNode&)> on_term)
      : docs_(docs), on_term_(std::move(on_term)) {}
  bool streamed_terms() const { return streamed_; }

  void OnDocumentStart(const YAML::Mark&) override { stack_.clear(); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t) override { add(make(YNode::Type::null, m)); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { add(make(YNode::Type::alias, m)); }
  void OnScalar(const YAML::Mark& m, const std::string& tag, YAML::anchor_t, const std::string& value) override {
    YNode node = make(YNode::Type::scalar, m);
    node.quoted = tag == "!";
    node.value = value;
    add(std::move(node));
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    open(make(YNode::Type::seq, m));
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    open(make(YNode::Type::map, m));
  }
  void OnMapEnd() override {
    if (stack_.size() == 3 && in_terms_list()) {
      YNode& term = *stack_.back();
      on_term_(term);
      term.items.clear();
      term.items.shrink_to_fit();
    }
    close();
  }

 private:
  std::vector<YNode>& docs_;
  std::function<void(const YNode&)> on_term_;
  std::vector<YNode*> stack_;
  const YNode* terms_list_ = nullptr;  // the list being streamed
  bool streamed_ = false;

  // Is the innermost-but-one open node the first document's first top-level "terms" list?
  bool in_terms_list() {
    const YNode* root = stack_[0];
    const YNode* list = stack_[1];
    if (docs_.size() != 1 || root != &docs_[0] || root->type != YNode::Type::map || list->type != YNode::Type::seq)
      return false;
    if (terms_list_ == nullptr) {
      const auto& items = root->items;
      if (items.size() < 2 || &items.back() != list) return false;
      const YNode& key = items[items.size() - 2];
      if (key.type != YNode::Type::scalar || key.value != "terms") return false;
      for (std::size_t i = 0; i + 2 < items.size(); i += 2)
        if (items[i].type == YNode::Type::scalar && items[i].value == "terms") return false;  // a second "terms"
      terms_list_ = list;
      streamed_ = true;
    }
    return list == terms_list_;
  }

  static YNode make(YNode::Type type, const YAML::Mark& m) {
    YNode node;
    node.type = type;
    node.byte = m.pos < 0 ? 0 : static_cast<std::size_t>(m.pos);
    return node;
  }
  YNode* add(YNode node) {
    if (stack_.empty()) {
      docs_.push_back(std::move(node));
      return &docs_.back();
    }
    auto& items = stack_.back()->items;
    items.push_back(std::move(node));
    return &items.back();
  }
  // Children are only appended to the innermost open node, so pointers into open nodes
  // stay valid.
  void open(YNode node) { stack_.push_back(add(std::move(node))); }
  void close() {
    if (!stack_.empty()) stack_.pop_back();
  }
};

// ---------------------------------------------------------------------------------------
// From the tree to the model, reporting every problem.

const char* type_name(YNode::Type t) {
  switch (t) {
    case YNode::Type::null: return "nothing";
    case YNode::Type::scalar: return "a scalar";
    case YNode::Type::seq: return "a list";
    case YNode::Type::map: return "a map";
    case YNode::Type::alias: return "an alias";
  }
  return "nothing";
}

class Reader {
 public:
  Reader(const text::SourceText& src, Diagnostics& diags) : src_(src), diags_(diags) {}

  SourcePos pos(const YNode& n) const { return src_.position_of_normalized(std::min(n.byte, src_.normalized().size())); }
  std::size_t line_of(const YNode& n) const { return pos(n).line; }
  void error(const YNode& n, const std::string& msg) { diags_.error(pos(n), msg); }
  void warning(const YNode& n, const std::string& msg) { diags_.warning(pos(n), msg); }

  // Calls `field(key, value)` for every key of a map; reports non-scalar and duplicate keys.
  template <class F>
  void for_each_field(const YNode& map, const std::string& what, F field) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i + 1 < map.items.size(); i += 2) {
      const YNode& k = map.items[i];
      const YNode& v = map.items[i + 1];
      if (k.type != YNode::Type::scalar) {
        error(k, what + " keys must be plain words; found " + type_name(k.type));
        continue;
      }
      if (!seen.insert(k.value).second) {
        error(k, "duplicate key \"" + k.value + "\" in " + what);
        continue;
      }
      field(k, v);
    }
  }

  bool string_field(const YNode& k, const YNode& v, std::string& out) {
    if (v.type == YNode::Type::null) {
      out.clear();
      return true;
    }
    if (v.type != YNode::Type::scalar) {
      error(v, "\"" + k.value + "\" must be a string; found " + type_name(v.type));
      return false;
    }
    out = v.value;
    return true;
  }

  bool count_field(const YNode& k, const YNode& v, std::size_t& out) {
    if (v.type == YNode::Type::null) return true;
    if (v.type == YNode::Type::scalar && !v.quoted && !v.value.empty()) {
      const char* b = v.value.data();
      const char* e = b + v.value.size();
      std::size_t x = 0;
      auto r = std::from_chars(b, e, x);
      if (r.ec == std::errc() && r.ptr == e) {
        out = x;
        return true;
      }
    }
    error(v, "\"" + k.value + "\" must be a whole number >= 0; found " + describe(v));
    return false;
  }

  bool score_field(const YNode& k, const YNode& v, double& out) {
    if (v.type == YNode::Type::null) return true;
    if (v.type == YNode::Type::scalar && !v.quoted && !v.value.empty()) {
      const char* b = v.value.data();
      const char* e = b + v.value.size();
      double x = 0;
      auto r = std::from_chars(b, e, x);
      if (r.ec == std::errc() && r.ptr == e && std::isfinite(x)) {
        if (x < 0.0 || x > 1.0) {
          error(v, "\"" + k.value + "\" must be between 0 and 1; found " + v.value);
          return false;
        }
        out = x;
        return true;
      }
    }
    error(v, "\"" + k.value + "\" must be a number between 0 and 1; found " + describe(v));
    return false;
  }

  bool bool_field(const YNode& k, const YNode& v, bool& out) {
    if (v.type == YNode::Type::scalar && !v.quoted) {
      if (v.value == "true") {
        out = true;
        return true;
      }
      if (v.value == "false") {
        out = false;
        return true;
      }
    }
    error(v, "\"" + k.value + "\" must be true or false; found " + describe(v));
    return false;
  }

  bool string_list_field(const YNode& k, const YNode& v, std::vector<std::string>& out) {
    out.clear();
    if (v.type == YNode::Type::null) return true;
    if (v.type == YNode::Type::scalar) {
      error(v, "\"" + k.value + "\" must be a list, e.g. [" + v.value + "]; found a scalar");
      return false;
    }
    if (v.type != YNode::Type::seq) {
      error(v, "\"" + k.value + "\" must be a list of strings; found " + type_name(v.type));
      return false;
    }
    bool ok = true;
    for (const auto& item : v.items) {
      if (item.type != YNode::Type::scalar) {
        error(item, "items of \"" + k.value + "\" must be strings; found " + type_name(item.type));
        ok = false;
        continue;
      }
      out.push_back(item.value);
    }
    return ok;
  }

  static std::string describe(const YNode& v) {
    if (v.type == YNode::Type::scalar) return "\"" + v.value + "\"";
    return type_name(v.type);
  }

  template <class E>
  bool enum_field(const YNode& k, const YNode& v, E& out, std::optional<E> (*from)(std::string_view),
                  const char* allowed) {
    if (v.type == YNode::Type::scalar) {
      if (auto e = from(v.value)) {
        out = *e;
        return true;
      }
    }
    error(v, "\"" + k.value + "\" must be one of " + allowed + "; found " + describe(v));
    return false;
  }

  void unknown_key(const YNode& k, const std::string& what, const char* known) {
    warning(k, "unknown key \"" + k.value + "\" in " + what + " (ignored; known keys: " + known + ")");
  }

  Diagnostics& diags() { return diags_; }

 private:
  const text::SourceText& src_;
  Diagnostics& diags_;
};

constexpr const char* term_statuses = "preferred, admitted, deprecated, superseded";
constexpr const char* entry_statuses = "candidate, approved, rejected";
constexpr const char* kinds = "person, org, title, place, acronym, policy, technical, other";

void read_variant(Reader& r, const YNode& node, Variant& v) {
  if (node.type == YNode::Type::scalar) {
    v.en = node.value;
    return;
  }
  if (node.type != YNode::Type::map) {
    r.error(node, "a variant must be a map with \"en\" and \"status\"; found " + std::string(type_name(node.type)));
    return;
  }
  bool has_en = false;
  r.for_each_field(node, "a variant", [&](const YNode& k, const YNode& val) {
    const std::string& key = k.value;
    if (key == "en") has_en = r.string_field(k, val, v.en);
    else if (key == "status") r.enum_field(k, val, v.status, &term_status_from, term_statuses);
    else if (key == "count") r.count_field(k, val, v.count);
    else if (key == "first_mentions") r.count_field(k, val, v.first_mentions);
    else if (key == "zones") r.string_list_field(k, val, v.zones);
    else if (key == "short_form") r.bool_field(k, val, v.short_form);
    else if (key == "note") r.string_field(k, val, v.note);
    else r.unknown_key(k, "a variant", "en, status, count, first_mentions, zones, short_form, note");
  });
  if (!has_en || v.en.empty()) r.error(node, "a variant needs a non-empty \"en\"");
}

void read_ko_variant(Reader& r, const YNode& node, KoVariant& v) {
  if (node.type == YNode::Type::scalar) {
    v.ko = node.value;
    return;
  }
  if (node.type != YNode::Type::map) {
    r.error(node, "a Korean variant must be a string or a map with \"ko\"; found " + std::string(type_name(node.type)));
    return;
  }
  r.for_each_field(node, "a Korean variant", [&](const YNode& k, const YNode& val) {
    if (k.value == "ko") r.string_field(k, val, v.ko);
    else if (k.value == "status") r.enum_field(k, val, v.status, &term_status_from, term_statuses);
    else if (k.value == "count") r.count_field(k, val, v.count);
    else r.unknown_key(k, "a Korean variant", "ko, status, count");
  });
  if (v.ko.empty()) r.error(node, "a Korean variant needs a non-empty \"ko\"");
}

template <class T, class F>
void read_list(Reader& r, const YNode& k, const YNode& v, std::vector<T>& out, F read_one) {
  out.clear();
  if (v.type == YNode::Type::null) return;
  if (v.type != YNode::Type::seq) {
    r.error(v, "\"" + k.value + "\" must be a list; found " + type_name(v.type));
    return;
  }
  out.reserve(v.items.size());
  for (const auto& item : v.items) {
    out.emplace_back();
    read_one(r, item, out.back());
  }
}

void read_example(Reader& r, const YNode& node, Example& ex) {
  if (node.type != YNode::Type::map) {
    r.error(node, "an example must be a map with \"ko\" and \"en\"; found " + std::string(type_name(node.type)));
    return;
  }
  r.for_each_field(node, "an example", [&](const YNode& k, const YNode& val) {
    if (k.value == "ko") r.string_field(k, val, ex.ko);
    else if (k.value == "en") r.string_field(k, val, ex.en);
    else if (k.value == "source") r.string_field(k, val, ex.source);
    else r.unknown_key(k, "an example", "ko, en, source");
  });
  if (ex.ko.empty() && ex.en.empty()) r.error(node, "an example needs \"ko\" or \"en\"");
}

void read_test(Reader& r, const YNode& node, SelfTest& t) {
  if (node.type != YNode::Type::map) {
    r.error(node, "a self-test must be a map with \"ko\", \"en\" and \"expect\"; found " +
                      std::string(type_name(node.type)));
    return;
  }
  const YNode* expect_node = nullptr;
  r.for_each_field(node, "a self-test", [&](const YNode& k, const YNode& val) {
    if (k.value == "ko") r.string_field(k, val, t.ko);
    else if (k.value == "en") r.string_field(k, val, t.en);
    else if (k.value == "expect") {
      expect_node = &val;
      r.string_field(k, val, t.expect);
    } else r.unknown_key(k, "a self-test", "ko, en, expect");
  });
  if (t.ko.empty() || t.en.empty()) r.error(node, "a self-test needs both \"ko\" and \"en\" sentences");
  if (!expect_node) r.error(node, "a self-test needs \"expect: pass\" or \"expect: flag\"");
  else if (t.expect != "pass" && t.expect != "flag")
    r.error(*expect_node, "\"expect\" must be pass or flag; found \"" + t.expect + "\"");
}

void read_entry(Reader& r, const YNode& node, Entry& e, EntryPositions& where) {
  e.line = r.line_of(node);
  where.entry = r.pos(node);
  if (node.type != YNode::Type::map) {
    r.error(node, "a term must be a map with at least \"id\", \"ko\" and \"en\"; found " +
                      std::string(type_name(node.type)));
    return;
  }
  bool has_id = false, has_ko = false, has_en = false;
  r.for_each_field(node, "a term", [&](const YNode& k, const YNode& v) {
    const std::string& key = k.value;
    if (key == "id") {
      has_id = r.string_field(k, v, e.id);
      where.id = r.pos(v);
    } else if (key == "ko") {
      has_ko = r.string_field(k, v, e.ko);
      where.ko = r.pos(v);
    } else if (key == "ko_variants") {
      read_list(r, k, v, e.ko_variants, read_ko_variant);
    } else if (key == "en") {
      has_en = r.string_field(k, v, e.en);
      where.en = r.pos(v);
    } else if (key == "variants") {
      read_list(r, k, v, e.variants, read_variant);
      where.variants.clear();
      for (const auto& item : v.items) where.variants.push_back(r.pos(item));
    } else if (key == "kind") {
      r.enum_field(k, v, e.kind, &kind_from, kinds);
    } else if (key == "status") {
      r.enum_field(k, v, e.status, &entry_status_from, entry_statuses);
    } else if (key == "note") {
      r.string_field(k, v, e.note);
    } else if (key == "valid_from") {
      r.string_field(k, v, e.valid_from);
      where.valid_from = r.pos(v);
    } else if (key == "valid_until") {
      r.string_field(k, v, e.valid_until);
      where.valid_until = r.pos(v);
    } else if (key == "count") {
      r.count_field(k, v, e.count);
    } else if (key == "score") {
      r.score_field(k, v, e.score);
    } else if (key == "sources") {
      r.string_list_field(k, v, e.sources);
    } else if (key == "examples") {
      read_list(r, k, v, e.examples, read_example);
    } else if (key == "tests") {
      read_list(r, k, v, e.tests, read_test);
    } else {
      r.unknown_key(k, "a term",
                    "id, ko, ko_variants, en, variants, kind, status, note, valid_from, valid_until, count, "
                    "score, sources, examples, tests");
    }
  });
  if (!has_id || e.id.empty()) r.error(node, "a term needs a non-empty \"id\"");
  if (!has_ko || e.ko.empty()) r.error(node, "a term needs a non-empty \"ko\" (its Korean form)");
  if (!has_en || e.en.empty()) r.error(node, "a term needs a non-empty \"en\" (its preferred English form)");
}

Glossary read_glossary(Reader& r, const YNode& root, std::vector<EntryPositions>& where, bool streamed,
                       std::vector<Entry>& streamed_terms, std::vector<EntryPositions>& streamed_where) {
  Glossary g;
  bool has_version = false, has_terms = false;
  r.for_each_field(root, "the glossary", [&](const YNode& k, const YNode& v) {
    const std::string& key = k.value;
    if (key == "version") {
      has_version = true;
      std::size_t version = 0;
      if (r.count_field(k, v, version)) {
        if (version != 1)
          r.error(v, "unsupported glossary version " + std::to_string(version) + "; this koterm reads version 1");
        else
          g.version = 1;
      }
    } else if (key == "name") {
      r.string_field(k, v, g.name);
    } else if (key == "source_lang" || key == "target_lang") {
      std::string lang;
      if (r.string_field(k, v, lang)) {
        const char* want = key == "source_lang" ? "ko" : "en";
        if (lang != want)
          r.error(v, "\"" + key + "\" must be " + want + " (koterm glossaries are Korean to English); found \"" +
                         lang + "\"");
      }
    } else if (key == "terms") {
      has_terms = true;
      if (v.type == YNode::Type::null) return;
      if (v.type != YNode::Type::seq) {
        r.error(v, "\"terms\" must be a list of terms; found " + std::string(type_name(v.type)));
        return;
      }
      g.terms.resize(v.items.size());
      where.resize(v.items.size());
      std::size_t next = 0;  // maps of this list were read while streaming, in order
      for (std::size_t i = 0; i < v.items.size(); ++i) {
        if (streamed && v.items[i].type == YNode::Type::map && next < streamed_terms.size()) {
          g.terms[i] = std::move(streamed_terms[next]);
          where[i] = std::move(streamed_where[next]);
          ++next;
        } else {
          read_entry(r, v.items[i], g.terms[i], where[i]);
        }
      }
    } else {
      r.unknown_key(k, "the glossary", "version, name, source_lang, target_lang, terms");
    }
  });
  if (!has_version) r.error(root, "the glossary needs \"version: 1\" at the top");
  if (!has_terms) r.error(root, "the glossary needs a \"terms:\" list");
  return g;
}

// The comment lines at the very top of the file (before any content), kept across rewrites.
std::string header_comment_of(const std::string& t) {
  std::size_t i = 0;
  std::string out;
  while (i < t.size()) {
    std::size_t end = t.find('\n', i);
    if (end == std::string::npos) end = t.size();
    std::string_view line(t.data() + i, end - i);
    if (line.empty() || line[0] != '#') break;
    line.remove_prefix(1);
    if (!line.empty() && line[0] == ' ') line.remove_prefix(1);
    out.append(line);
    out += '\n';
    i = end + 1;
  }
  return out;
}

}  // namespace

Glossary parse_yaml_checked(std::string_view bytes, const std::string& path, Diagnostics& diags,
                            std::vector<EntryPositions>* positions) {
  text::SourceText src = text::SourceText::from_bytes(path, std::string(bytes));
  check_nesting(src);
  std::vector<YNode> docs;
  Reader reader(src, diags);
  std::vector<Entry> streamed_terms;
  std::vector<EntryPositions> streamed_where;
  bool streamed = false;
  {
    std::istringstream in(src.normalized());
    YAML::Parser parser(in);
    TreeBuilder builder(docs, [&](const YNode& term) {
      streamed_terms.emplace_back();
      streamed_where.emplace_back();
      read_entry(reader, term, streamed_terms.back(), streamed_where.back());
    });
    try {
      // Only the first document is used and a second one is warned about; reading stops there,
      // since yaml-cpp 0.7 returns the same empty document forever after a stray ',' at the top
      // level (jbeder/yaml-cpp#1040).
      while (docs.size() < 2 && parser.HandleNextDocument(builder)) {
      }
    } catch (const YAML::Exception& e) {
      std::size_t byte = e.mark.pos < 0 ? 0 : static_cast<std::size_t>(e.mark.pos);
      byte = std::min(byte, src.normalized().size());
      throw InputError(src.position_of_normalized(byte), "YAML syntax error: " + e.msg);
    }
    streamed = builder.streamed_terms();
  }
  if (docs.empty() || docs[0].type != YNode::Type::map) {
    SourcePos p = docs.empty() ? SourcePos{path, 1, 1} : src.position_of_normalized(docs[0].byte);
    throw InputError(p, "a glossary must be a YAML map starting with \"version: 1\"; found " +
                            std::string(docs.empty() ? "nothing" : type_name(docs[0].type)) +
                            " (see glossaries/SCHEMA.md)");
  }
  for (std::size_t i = 1; i < docs.size(); ++i) reader.warning(docs[i], "a second YAML document is ignored");
  std::vector<EntryPositions> where;
  Glossary g = read_glossary(reader, docs[0], where, streamed, streamed_terms, streamed_where);
  docs.clear();
  g.header_comment = header_comment_of(src.normalized());
  check_glossary(g, where, diags);
  if (positions) *positions = std::move(where);
  return g;
}

Glossary parse_yaml(std::string_view text, const std::string& path, Diagnostics& diags) {
  return parse_yaml_checked(text, path, diags, nullptr);
}

Glossary load(const std::string& path, Diagnostics& diags) {
  std::istringstream no_stdin;
  if (path == "-") throw UsageError("a glossary must be a file, not standard input");
  std::string bytes = text::read_file_bytes(path, no_stdin);
  return parse_yaml(bytes, path, diags);
}

// ---------------------------------------------------------------------------------------
// Writing.

namespace {

bool looks_special(std::string_view s) {
  static const char* const words[] = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~",
                                      "True", "False", "Yes", "No", "On", "Off", "Null", "NULL", "TRUE",
                                      "FALSE", "YES", "NO", "ON", "OFF", "Y", "N"};
  for (const char* w : words)
    if (s == w) return true;
  // Numbers (and things yaml could read as numbers or dates) stay strings by quoting.
  bool numeric_start = (s[0] >= '0' && s[0] <= '9') || s[0] == '.' || s[0] == '+';
  if (numeric_start) {
    bool all_numberish = true;
    for (char c : s)
      if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E' || c == '_' ||
            c == ':' || c == 'x' || c == 'o'))
        all_numberish = false;
    if (all_numberish) return true;
  }
  return false;
}

bool plain_ok(std::string_view s, bool in_flow) {
  if (s.empty()) return false;
  if (s.front() == ' ' || s.back() == ' ' || s.back() == ':') return false;
  static const std::string_view first_bad = "-?:,[]{}#&*!|>'\"%@`";
  if (first_bad.find(s.front()) != std::string_view::npos) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7f) return false;
    if (c == ':' && i + 1 < s.size() && s[i + 1] == ' ') return false;
    if (c == '#' && i > 0 && s[i - 1] == ' ') return false;
    // Flow indicators would end a plain scalar inside [a, b].
    if (in_flow && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}')) return false;
  }
  // U+0085, U+2028, U+2029 are line breaks to YAML.
  if (s.find("\xC2\x85") != std::string_view::npos || s.find("\xE2\x80\xA8") != std::string_view::npos ||
      s.find("\xE2\x80\xA9") != std::string_view::npos)
    return false;
  return !looks_special(s);
}

void put_scalar(std::string& out, std::string_view s, bool in_flow = false) {
  if (plain_ok(s, in_flow)) {
    out.append(s);
    return;
  }
  out += '"';
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02X", c);
          out += buf;
        } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x85) {
          out += "\\N";
          ++i;
        } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                   (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
          out += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\L" : "\\P";
          i += 2;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

void put_field(std::string& out, const char* indent, const char* key, std::string_view value) {
  if (value.empty()) return;
  out += indent;
  out += key;
  out += ": ";
  put_scalar(out, value);
  out += '\n';
}

void put_count(std::string& out, const char* indent, const char* key, std::size_t value) {
  if (value == 0) return;
  out += indent;
  out += key;
  out += ": ";
  out += std::to_string(value);
  out += '\n';
}

void put_list(std::string& out, const char* indent, const char* key, const std::vector<std::string>& items) {
  if (items.empty()) return;
  out += indent;
  out += key;
  out += ": [";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    put_scalar(out, items[i], true);
  }
  out += "]\n";
}

// Shortest decimal that reads back to the same double, at most 4 decimals for scores.
std::string format_score(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", x);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.push_back('0');
  return s;
}

}  // namespace

std::string to_yaml(const Glossary& g) {
  std::string out;
  out.reserve(256 + g.terms.size() * 256);
  std::string header = g.header_comment;
  if (header.empty()) header = "koterm glossary (schema: glossaries/SCHEMA.md). Comments other than this header are not kept.\n";
  std::size_t i = 0;
  while (i < header.size()) {
    std::size_t end = header.find('\n', i);
    if (end == std::string::npos) end = header.size();
    out += "#";
    if (end > i) {
      out += ' ';
      out.append(header, i, end - i);
    }
    out += '\n';
    i = end + 1;
  }
  out += "version: 1\n";
  put_field(out, "", "name", g.name);
  out += "source_lang: ko\ntarget_lang: en\n";
  if (g.terms.empty()) {
    out += "terms: []\n";
    return out;
  }
  out += "terms:\n";
  for (const Entry& e : g.terms) {
    out += "  - id: ";
    put_scalar(out, e.id);
    out += '\n';
    put_field(out, "    ", "ko", e.ko);
    if (!e.ko_variants.empty()) {
      out += "    ko_variants:\n";
      for (const auto& v : e.ko_variants) {
        out += "      - ko: ";
        put_scalar(out, v.ko);
        out += "\n        status: ";
        out += name_of(v.status);
        out += '\n';
        put_count(out, "        ", "count", v.count);
      }
    }
    put_field(out, "    ", "en", e.en);
    if (!e.variants.empty()) {
      out += "    variants:\n";
      for (const auto& v : e.variants) {
        out += "      - en: ";
        put_scalar(out, v.en);
        out += "\n        status: ";
        out += name_of(v.status);
        out += '\n';
        put_count(out, "        ", "count", v.count);
        put_count(out, "        ", "first_mentions", v.first_mentions);
        put_list(out, "        ", "zones", v.zones);
        if (v.short_form) out += "        short_form: true\n";
        put_field(out, "        ", "note", v.note);
      }
    }
    out += "    kind: ";
    out += name_of(e.kind);
    out += "\n    status: ";
    out += name_of(e.status);
    out += '\n';
    put_field(out, "    ", "note", e.note);
    put_field(out, "    ", "valid_from", e.valid_from);
    put_field(out, "    ", "valid_until", e.valid_until);
    put_count(out, "    ", "count", e.count);
    if (e.score != 0.0) {
      out += "    score: ";
      out += format_score(e.score);
      out += '\n';
    }
    put_list(out, "    ", "sources", e.sources);
    if (!e.examples.empty()) {
      out += "    examples:\n";
      for (const auto& ex : e.examples) {
        if (ex.ko.empty() && ex.en.empty() && ex.source.empty()) continue;
        const char* lead = "      - ";
        if (!ex.ko.empty()) {
          out += lead;
          out += "ko: ";
          put_scalar(out, ex.ko);
          out += '\n';
          lead = "        ";
        }
        if (!ex.en.empty()) {
          out += lead;
          out += "en: ";
          put_scalar(out, ex.en);
          out += '\n';
          lead = "        ";
        }
        if (!ex.source.empty()) {
          out += lead;
          out += "source: ";
          put_scalar(out, ex.source);
          out += '\n';
        }
      }
    }
    if (!e.tests.empty()) {
      out += "    tests:\n";
      for (const auto& t : e.tests) {
        out += "      - ko: ";
        put_scalar(out, t.ko);
        out += "\n        en: ";
        put_scalar(out, t.en);
        out += "\n        expect: ";
        put_scalar(out, t.expect);
        out += '\n';
      }
    }
  }
  return out;
}

void save(const Glossary& g, const std::string& path) {
  GlossaryLock lock(path);
  save_locked(g, path);
}

}  // namespace koterm::glossary
