// Exchange formats of the translation world: TBX-Basic (with an administrative status per
// term), OmegaT's three-column tab-separated glossary, a CSV with a header row for memoQ and
// Trados, and JSON. XML is written with pugixml and JSON with nlohmann_json.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/diagnostics.h"
#include "glossary/model.h"
#include "text/source.h"

namespace koterm::glossary {

enum class Format { tbx, tsv, csv, json };

const char* name_of(Format f);
std::optional<Format> format_from(std::string_view s);

// The whole glossary in `format`. Deterministic. Rejected entries are left out of TSV and
// CSV (they are for translators' tools); TBX and JSON keep everything.
std::string export_glossary(const Glossary& g, Format format);

struct ImportOptions {
  // Status given to imported entries (TBX carries its own in a koterm note when present).
  EntryStatus status = EntryStatus::candidate;
  // Kind of imported entries when the file does not say.
  Kind kind = Kind::other;
  // Name of the glossary ("" = the file's stem).
  std::string name;
  // Size and line-length limits of the file read (glossary import's --max-file-mb and
  // --max-line-kb).
  text::ReadLimits limits;
};

// Reads `bytes` of a TSV, CSV or TBX file. Problems of single rows or entries go to `diags`
// as path:line:col (the row is skipped); throws InputError when the file cannot be read at
// all (bad encoding, malformed XML, no header where one is needed).
// TSV: OmegaT's "Korean<TAB>English[<TAB>comment]" lines, or a header row naming the
// columns (term_ko/ko/Korean and term_en/en/English; " / " separates English variants).
// CSV: a header row naming Korean and English columns (others optional: ID, English status,
// Kind, Entry status, Note), as export writes it.
Glossary import_glossary(std::string_view bytes, Format format, const std::string& path, Diagnostics& diags,
                         const ImportOptions& options = {});

// The id an imported entry gets: "t-" and 8 hex digits of a hash of its Korean form.
std::string make_id(std::string_view ko);

}  // namespace koterm::glossary
