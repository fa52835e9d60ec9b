// Reading and writing glossaries as YAML (schema version 1, glossaries/SCHEMA.md).
// yaml-cpp stays behind this header.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/diagnostics.h"
#include "glossary/model.h"

namespace koterm::glossary {

// Flow ([ {) or block nesting deeper than this is refused with a LimitError before yaml-cpp
// sees the text (yaml-cpp recurses once per level).
inline constexpr std::size_t max_yaml_depth = 64;

// Parses a glossary. Every problem (wrong types, unknown keys, duplicate Korean terms, bad
// status, kind or date values, malformed self-tests) goes to `diags` as path:line:col, all
// of them; entries with errors are still returned as far as they could be read. Throws
// InputError only when nothing sensible can be read (invalid UTF-8, YAML syntax error, the
// top level is not a map) and LimitError when the nesting is too deep.
Glossary parse_yaml(std::string_view text, const std::string& path, Diagnostics& diags);

// Reads and parses a file ("-" is not accepted: a glossary is a file).
Glossary load(const std::string& path, Diagnostics& diags);

// Deterministic, diff-friendly YAML: fixed key order, empty fields left out, entries in the
// order given. The same glossary always gives the same bytes; parse_yaml(to_yaml(g)) == g.
std::string to_yaml(const Glossary& g);

// Writes atomically (temporary file, fsync, rename) while holding the glossary's lock.
void save(const Glossary& g, const std::string& path);

}  // namespace koterm::glossary
