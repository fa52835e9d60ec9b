// Checks of a glossary beyond its YAML shape: unique ids, no duplicate Korean terms with
// overlapping validity, real calendar dates, one preferred English form that agrees with
// "en", known zones. parse_yaml runs them; `koterm glossary validate` reports them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostics.h"
#include "glossary/model.h"

namespace koterm::glossary {

// Where the parts of one entry were in the file (empty path when unknown).
struct EntryPositions {
  SourcePos entry, id, ko, en, valid_from, valid_until;
  std::vector<SourcePos> variants;
};

// True for an ISO date "YYYY-MM-DD" that exists in the calendar.
bool is_iso_date(std::string_view s);

// Zones koterm knows: headline, subheadline, caption, byline, body.
bool is_known_zone(std::string_view zone);

// Reports problems of `g` to `diags`; `where[i]` locates g.terms[i] (may be shorter, then
// the glossary's name is used as position).
void check_glossary(const Glossary& g, const std::vector<EntryPositions>& where, Diagnostics& diags);

// parse_yaml that also returns the positions of every entry (for validate and lookup output).
Glossary parse_yaml_checked(std::string_view bytes, const std::string& path, Diagnostics& diags,
                            std::vector<EntryPositions>* positions);

}  // namespace koterm::glossary
