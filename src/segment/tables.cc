#include "segment/tables.h"

#include "common/error.h"

namespace koterm::embedded {
std::string_view segment_abbreviations();
std::string_view segment_sentence_starters();
std::string_view segment_quote_particles_ko();
std::string_view segment_speech_verbs();
std::string_view segment_headline_endings_ko();
}  // namespace koterm::embedded

namespace koterm::segment {

bool WordList::matches(std::string_view word) const {
  if (whole.find(word) != whole.end()) return true;
  for (const auto& p : prefixes)
    if (word.size() >= p.size() && word.substr(0, p.size()) == p) return true;
  return false;
}

std::vector<std::vector<std::string>> parse_tsv(std::string_view data, std::string_view name,
                                                std::size_t min_fields, std::size_t max_fields) {
  std::vector<std::vector<std::string>> rows;
  std::size_t pos = 0, line_no = 0;
  while (pos < data.size()) {
    std::size_t end = data.find('\n', pos);
    if (end == std::string_view::npos) end = data.size();
    std::string_view line = data.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (true) {
      std::size_t tab = line.find('\t', start);
      fields.emplace_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (fields.size() < min_fields || fields.size() > max_fields || fields.front().empty())
      throw InputError({std::string(name), line_no, 1},
                       "expected " + std::to_string(min_fields) +
                           (min_fields == max_fields ? "" : "-" + std::to_string(max_fields)) +
                           " tab-separated fields; found \"" + std::string(line) + "\"");
    rows.push_back(std::move(fields));
  }
  return rows;
}

namespace {

void add_word(WordList& list, const std::string& word, const std::string& how,
              std::string_view name) {
  if (how == "whole")
    list.whole.insert(word);
  else if (how == "prefix")
    list.prefixes.push_back(word);
  else
    throw InputError({std::string(name)}, "\"" + word + "\": expected whole or prefix; found \"" + how + "\"");
}

}  // namespace

SplitTables parse_split_tables(std::string_view abbreviations, std::string_view starters,
                               std::string_view quote_endings, std::string_view speech_verbs,
                               std::string_view headline_endings) {
  SplitTables t;
  const std::string_view abbr_name = "src/segment/data/abbreviations.tsv";
  for (const auto& row : parse_tsv(abbreviations, abbr_name, 2, 2)) {
    if (row[1] == "title")
      t.abbreviations[row[0]] = AbbreviationKind::title;
    else if (row[1] == "ordinary")
      t.abbreviations[row[0]] = AbbreviationKind::ordinary;
    else
      throw InputError({std::string(abbr_name)},
                       "\"" + row[0] + "\": expected title or ordinary; found \"" + row[1] + "\"");
  }
  for (const auto& row : parse_tsv(starters, "src/segment/data/sentence-starters.tsv", 1, 1))
    t.sentence_starters.insert(row[0]);
  const std::string_view quote_name = "src/segment/data/quote-particles-ko.tsv";
  for (const auto& row : parse_tsv(quote_endings, quote_name, 2, 2))
    add_word(t.quote_endings_ko, row[0], row[1], quote_name);
  const std::string_view verbs_name = "src/segment/data/speech-verbs.tsv";
  for (const auto& row : parse_tsv(speech_verbs, verbs_name, 3, 3)) {
    if (row[0] == "en")
      add_word(t.speech_verbs_en, row[1], row[2], verbs_name);
    else if (row[0] == "ko")
      add_word(t.speech_verbs_ko, row[1], row[2], verbs_name);
    else
      throw InputError({std::string(verbs_name)},
                       "\"" + row[1] + "\": expected language ko or en; found \"" + row[0] + "\"");
  }
  for (const auto& row : parse_tsv(headline_endings, "src/segment/data/headline-endings-ko.tsv", 1, 1))
    t.headline_endings_ko.insert(row[0]);
  return t;
}

const SplitTables& default_split_tables() {
  static const SplitTables tables = parse_split_tables(
      embedded::segment_abbreviations(), embedded::segment_sentence_starters(),
      embedded::segment_quote_particles_ko(), embedded::segment_speech_verbs(),
      embedded::segment_headline_endings_ko());
  return tables;
}

}  // namespace koterm::segment
