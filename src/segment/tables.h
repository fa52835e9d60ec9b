// The data tables of the sentence splitter (src/segment/data/*.tsv, embedded in the binary):
// abbreviations, English sentence starters, Korean quotation endings and verbs of saying.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "text/source.h"

namespace koterm::segment {

enum class AbbreviationKind { title, ordinary };

// A word list where an entry matches a whole word or, when marked "prefix", its start.
struct WordList {
  std::set<std::string, std::less<>> whole;
  std::vector<std::string> prefixes;
  bool matches(std::string_view word) const;
};

struct SplitTables {
  std::map<std::string, AbbreviationKind, std::less<>> abbreviations;  // "U.S." -> ordinary
  std::set<std::string, std::less<>> sentence_starters;                // "The", "He", ...
  WordList quote_endings_ko;                                           // 라고, 하며, ...
  WordList speech_verbs_en;                                            // said, asked, ...
  WordList speech_verbs_ko;                                            // 말했, 물었, ...
  std::set<std::string, std::less<>> headline_endings_ko;              // 듯
};

// Splits a table into rows of tab-separated fields, skipping '#' comments and blank lines;
// each row must have between `min_fields` and `max_fields` fields. Throws InputError naming
// `name:line` otherwise.
std::vector<std::vector<std::string>> parse_tsv(std::string_view data, std::string_view name,
                                                std::size_t min_fields, std::size_t max_fields);

// Builds the tables from the texts of the data files (names used in messages).
SplitTables parse_split_tables(std::string_view abbreviations, std::string_view starters,
                               std::string_view quote_endings, std::string_view speech_verbs,
                               std::string_view headline_endings = {});

// The built-in tables (parsed once; immutable).
const SplitTables& default_split_tables();

}  // namespace koterm::segment
