// The glossary as koterm holds it in memory (schema version 1, see glossaries/SCHEMA.md).
// Plain data: glossary/ reads and writes it as YAML (yaml-cpp stays inside glossary/),
// terms/ fills it, check/ reads it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace koterm::glossary {

// TBX-style status of one English (or Korean) form.
enum class TermStatus { preferred, admitted, deprecated, superseded };
// Review state of an entry.
enum class EntryStatus { candidate, approved, rejected };
enum class Kind { person, org, title, place, acronym, policy, technical, other };

const char* name_of(TermStatus s);
const char* name_of(EntryStatus s);
const char* name_of(Kind k);
std::optional<TermStatus> term_status_from(std::string_view s);
std::optional<EntryStatus> entry_status_from(std::string_view s);
std::optional<Kind> kind_from(std::string_view s);

// Where a form was seen: "headline", "subheadline", "caption", "byline", "body".
using Zone = std::string;

struct Variant {
  std::string en;
  TermStatus status = TermStatus::admitted;
  std::size_t count = 0;
  std::vector<Zone> zones;          // sorted, unique
  bool short_form = false;          // "Director General" for the full title, "Kim" for "Sung Kim"
  std::size_t first_mentions = 0;   // how many times it was the first mention in an article
  std::string note;
};

struct KoVariant {
  std::string ko;
  TermStatus status = TermStatus::admitted;
  std::size_t count = 0;
};

struct Example {
  std::string ko;       // the Korean sentence
  std::string en;       // the aligned English sentence
  std::string source;   // "path:line" or "corpus:line"
};

// A self-test: `check` must pass the pair (expect == "pass") or flag it (expect == "flag").
struct SelfTest {
  std::string ko;
  std::string en;
  std::string expect;   // "pass" | "flag"
};

struct Entry {
  std::string id;                   // stable, e.g. "mofa-dg-peace" or "t-3f2a9c1b"
  std::string ko;                   // preferred Korean form
  std::vector<KoVariant> ko_variants;
  std::string en;                   // preferred English form
  std::vector<Variant> variants;    // every English rendering, the preferred one included
  Kind kind = Kind::other;
  EntryStatus status = EntryStatus::candidate;
  std::string note;
  std::string valid_from;           // ISO date "YYYY-MM-DD" or "" (open)
  std::string valid_until;          // ISO date or ""
  std::size_t count = 0;            // occurrences of the Korean term
  double score = 0.0;               // calibrated confidence in [0,1]
  std::vector<std::string> sources; // sorted, unique
  std::vector<Example> examples;
  std::vector<SelfTest> tests;
  std::size_t line = 0;             // line in the YAML file it was read from (0 if none)
};

struct Glossary {
  int version = 1;
  std::string name;
  std::string source_lang = "ko";
  std::string target_lang = "en";
  std::string header_comment;       // kept across rewrites (yaml-cpp drops other comments)
  std::vector<Entry> terms;
};

}  // namespace koterm::glossary
