// Zones of a scraped news article: which input lines are navigation and UI boilerplate, the
// headline, a subheadline, a photo caption or credit, a byline, or body text. Nothing is
// deleted: every non-blank line gets a zone, and later stages decide what to use. The line
// patterns are data (src/text/data/zone-patterns.tsv), not code.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "text/source.h"

namespace koterm::text {

enum class Zone { boilerplate, headline, subheadline, caption, credit, byline, body };

// "boilerplate", "headline", "subheadline", "caption", "credit", "byline", "body".
const char* zone_name(Zone zone);

struct ZoneOptions {
  // The first content line before any body line is the headline when it has at most this
  // many characters and does not end like a sentence (a final period).
  std::size_t headline_max_chars = 300;
  // Lines between the headline and the body are subheadlines when they are at most this
  // long and do not end with a final period.
  std::size_t subheadline_max_chars = 250;
  // At most this many subheadlines follow a headline.
  std::size_t max_subheadlines = 2;
};

struct LineZone {
  Span line;        // the line in normalized(), surrounding spaces trimmed; empty for a blank line
  Zone zone = Zone::body;
  Span byline;      // a byline opening a body line ("[아시아경제 최대열 기자] ..."), else empty
  bool blank() const { return line.byte_count() == 0; }
};

// The compiled zone patterns (built once from the embedded data file; cheap to share).
class ZonePatterns {
 public:
  ZonePatterns();
  ~ZonePatterns();
  ZonePatterns(ZonePatterns&&) noexcept;
  ZonePatterns& operator=(ZonePatterns&&) noexcept;
  ZonePatterns(const ZonePatterns&) = delete;
  ZonePatterns& operator=(const ZonePatterns&) = delete;

  // Parses patterns in the data-file format (KIND<TAB>ICU regex, '#' comments); `name`
  // names the data in error messages. Throws InputError for an unknown kind or a bad regex.
  static ZonePatterns parse(std::string_view data, std::string_view name);

  // What a single line (trimmed, normalised) is by its own look, without context: boilerplate,
  // credit, byline, caption or (for anything else) body. `*byline_bytes` receives the length
  // of a byline that opens a body line, or 0.
  Zone classify_line(std::string_view line, std::size_t* byline_bytes) const;

 private:
  struct Impl;
  Impl* impl_ = nullptr;
};

// The built-in patterns (parsed on first use; thread-safe).
const ZonePatterns& default_zone_patterns();

// Zones of every line of `source` (one entry per line of source.lines(), blank lines
// included with an empty span).
std::vector<LineZone> classify_zones(const SourceText& source, const ZoneOptions& options = {},
                                     const ZonePatterns& patterns = default_zone_patterns());

// The same for lines given as spans into `text`.
std::vector<LineZone> classify_zones(std::string_view text, const std::vector<Span>& lines,
                                     const ZoneOptions& options = {},
                                     const ZonePatterns& patterns = default_zone_patterns());

}  // namespace koterm::text
