#include "text/zones.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>
#include <utility>

#include "text/utf8.h"

namespace koterm::embedded {
std::string_view text_zone_patterns();
}

namespace koterm::text {

const char* zone_name(Zone zone) {
  switch (zone) {
    case Zone::boilerplate: return "boilerplate";
    case Zone::headline: return "headline";
    case Zone::subheadline: return "subheadline";
    case Zone::caption: return "caption";
    case Zone::credit: return "credit";
    case Zone::byline: return "byline";
    case Zone::body: return "body";
  }
  return "body";
}

namespace {

// How a pattern is applied to a line.
enum class Kind { boilerplate, credit, byline, caption, byline_start };

struct KindName {
  std::string_view name;
  Kind kind;
};
constexpr KindName kKinds[] = {{"boilerplate", Kind::boilerplate},
                               {"credit", Kind::credit},
                               {"byline", Kind::byline},
                               {"caption", Kind::caption},
                               {"byline-start", Kind::byline_start}};

icu::UnicodeString to_unicode(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

}  // namespace

struct ZonePatterns::Impl {
  struct Pattern {
    Kind kind;
    std::unique_ptr<icu::RegexPattern> regex;
  };
  std::vector<Pattern> patterns;
};

ZonePatterns::ZonePatterns() : impl_(new Impl) {}
ZonePatterns::~ZonePatterns() { delete impl_; }
ZonePatterns::ZonePatterns(ZonePatterns&& other) noexcept : impl_(std::exchange(other.impl_, nullptr)) {}
ZonePatterns& ZonePatterns::operator=(ZonePatterns&& other) noexcept {
  if (this != &other) {
    delete impl_;
    impl_ = std::exchange(other.impl_, nullptr);
  }
  return *this;
}

ZonePatterns ZonePatterns::parse(std::string_view data, std::string_view name) {
  ZonePatterns result;
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos < data.size()) {
    std::size_t end = data.find('\n', pos);
    if (end == std::string_view::npos) end = data.size();
    std::string_view line = data.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    SourcePos where{std::string(name), line_no, 1};
    std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos)
      throw InputError(where, "expected KIND<TAB>PATTERN; found \"" + std::string(line) + "\"");
    std::string_view kind_name = line.substr(0, tab);
    std::string_view regex = line.substr(tab + 1);
    const KindName* found = nullptr;
    for (const auto& k : kKinds)
      if (k.name == kind_name) found = &k;
    if (found == nullptr)
      throw InputError(where, "unknown pattern kind \"" + std::string(kind_name) +
                                  "\"; expected boilerplate, credit, byline, caption or byline-start");
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error{};
    std::unique_ptr<icu::RegexPattern> compiled(
        icu::RegexPattern::compile(to_unicode(regex), 0, parse_error, status));
    if (U_FAILURE(status) || !compiled) {
      where.col = tab + 2 + static_cast<std::size_t>(parse_error.offset < 0 ? 0 : parse_error.offset);
      throw InputError(where, std::string("bad regular expression (") + u_errorName(status) +
                                  "); found \"" + std::string(regex) + "\"");
    }
    result.impl_->patterns.push_back({found->kind, std::move(compiled)});
  }
  return result;
}

Zone ZonePatterns::classify_line(std::string_view line, std::size_t* byline_bytes) const {
  if (byline_bytes != nullptr) *byline_bytes = 0;
  const icu::UnicodeString u = to_unicode(line);
  // A whole-line kind wins over a caption or a byline that opens the line, and the first
  // whole-line pattern in file order decides.
  Zone whole = Zone::body;
  bool caption = false;
  int32_t byline_end = 0;
  for (const auto& p : impl_->patterns) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> m(p.regex->matcher(u, status));
    if (U_FAILURE(status) || !m) throw InternalError("ICU regex matcher unavailable");
    switch (p.kind) {
      case Kind::boilerplate:
      case Kind::credit:
      case Kind::byline:
        if (m->matches(status) && U_SUCCESS(status))
          return p.kind == Kind::boilerplate ? Zone::boilerplate
                 : p.kind == Kind::credit    ? Zone::credit
                                             : Zone::byline;
        break;
      case Kind::caption:
        if (!caption && m->find(status) && U_SUCCESS(status)) caption = true;
        break;
      case Kind::byline_start:
        if (byline_end == 0 && m->lookingAt(status) && U_SUCCESS(status))
          byline_end = m->end(status);
        break;
    }
  }
  if (caption) return Zone::caption;
  if (byline_end > 0 && byline_bytes != nullptr) {
    std::string prefix;
    u.tempSubString(0, byline_end).toUTF8String(prefix);
    *byline_bytes = prefix.size();
  }
  return whole;
}

const ZonePatterns& default_zone_patterns() {
  static const ZonePatterns patterns =
      ZonePatterns::parse(embedded::text_zone_patterns(), "src/text/data/zone-patterns.tsv");
  return patterns;
}

namespace {

// Whether a line ends like a sentence: a final period (not an ellipsis), possibly followed by
// closing quotes or brackets.
bool ends_with_period(std::string_view line) {
  std::size_t i = line.size();
  while (i > 0) {
    std::size_t start = i - 1;
    while (start > 0 && (static_cast<unsigned char>(line[start]) & 0xC0) == 0x80) --start;
    std::size_t len = 0;
    char32_t cp = decode_utf8(line, start, &len);
    const bool closer = cp == U'"' || cp == U'\'' || cp == U')' || cp == U']' ||
                        cp == U'\u201D' || cp == U'\u2019' || cp == U'\u300D' || cp == U'\u300F';
    if (closer) {
      i = start;
      continue;
    }
    return cp == U'.' && !(start > 0 && line[start - 1] == '.');
  }
  return false;
}

Span trim(std::string_view text, Span s) {
  while (s.byte_begin < s.byte_end && is_space_byte(text[s.byte_begin])) ++s.byte_begin;
  while (s.byte_end > s.byte_begin && is_space_byte(text[s.byte_end - 1])) --s.byte_end;
  // NBSP (U+00A0, C2 A0) and ideographic space are folded before this point except NBSP.
  while (s.byte_end - s.byte_begin >= 2 && text.substr(s.byte_begin, 2) == "\xC2\xA0") s.byte_begin += 2;
  while (s.byte_end - s.byte_begin >= 2 && text.substr(s.byte_end - 2, 2) == "\xC2\xA0") s.byte_end -= 2;
  return s;
}

}  // namespace

std::vector<LineZone> classify_zones(std::string_view text, const std::vector<Span>& lines,
                                     const ZoneOptions& options, const ZonePatterns& patterns) {
  std::vector<LineZone> out;
  out.reserve(lines.size());
  bool seen_body = false;
  bool have_headline = false;
  std::size_t subheadlines = 0;
  for (const Span& raw : lines) {
    LineZone z;
    z.line = trim(text, raw);
    if (z.blank()) {
      z.line = {raw.byte_begin, raw.byte_begin};
      out.push_back(z);
      continue;
    }
    std::string_view line = text.substr(z.line.byte_begin, z.line.byte_count());
    std::size_t byline_bytes = 0;
    z.zone = patterns.classify_line(line, &byline_bytes);
    if (z.zone == Zone::body) {
      const std::size_t chars = char_count(line);
      const bool sentence_like = ends_with_period(line);
      if (!seen_body && !have_headline && byline_bytes == 0 && !sentence_like &&
          chars <= options.headline_max_chars) {
        z.zone = Zone::headline;
        have_headline = true;
      } else if (!seen_body && have_headline && byline_bytes == 0 && !sentence_like &&
                 subheadlines < options.max_subheadlines && chars <= options.subheadline_max_chars) {
        z.zone = Zone::subheadline;
        ++subheadlines;
      } else {
        seen_body = true;
        if (byline_bytes > 0)
          z.byline = {z.line.byte_begin, z.line.byte_begin + byline_bytes};
      }
    } else if (z.zone == Zone::caption || z.zone == Zone::byline) {
      // A caption or a byline closes the headline block: what follows is body.
      have_headline = true;
      subheadlines = options.max_subheadlines;
    }
    out.push_back(z);
  }
  return out;
}

std::vector<LineZone> classify_zones(const SourceText& source, const ZoneOptions& options,
                                     const ZonePatterns& patterns) {
  return classify_zones(source.normalized(), source.lines(), options, patterns);
}

}  // namespace koterm::text
