#include "terms/kinds.h"

#include <map>
#include <string>

#include "common/data_lines.h"

namespace koterm::embedded {
std::string_view terms_en_heads();
std::string_view terms_en_capitals();
std::string_view terms_ko_kind_nouns();
}  // namespace koterm::embedded

namespace koterm::terms {
namespace {

using Table = std::map<std::string, std::string, std::less<>>;

// word<TAB>value lines of a data file.
Table two_columns(std::string_view data) {
  Table t;
  for (std::string_view line : data_lines(data)) {
    std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    t.emplace(std::string(line.substr(0, tab)), std::string(line.substr(tab + 1)));
  }
  return t;
}

using KindTable = std::map<std::string, glossary::Kind, std::less<>>;

KindTable kind_table(std::string_view data) {
  KindTable t;
  for (const auto& [word, kind] : two_columns(data))
    if (auto k = glossary::kind_from(kind)) t.emplace(word, *k);
  return t;
}

const KindTable& head_table() {
  static const KindTable table = kind_table(embedded::terms_en_heads());
  return table;
}

const KindTable& ko_noun_table() {
  static const KindTable table = kind_table(embedded::terms_ko_kind_nouns());
  return table;
}

const Table& capitals() {
  static const Table table = two_columns(embedded::terms_en_capitals());
  return table;
}

bool is_country_or_capital(std::string_view en) {
  if (capitals().count(en) > 0) return true;
  for (const auto& [country, capital] : capitals())
    if (capital == en) return true;
  return false;
}

bool is_acronym(std::string_view s) {
  std::size_t upper = 0, lower = 0;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') ++upper;
    if (c >= 'a' && c <= 'z') ++lower;
  }
  return upper >= 2 && lower <= 1 && s.find(' ') == std::string_view::npos;
}

// The kind of the longest listed noun closing `word`, if any.
std::optional<glossary::Kind> closing_noun(std::string_view word) {
  std::optional<glossary::Kind> best;
  std::size_t best_len = 0;
  for (const auto& [noun, kind] : ko_noun_table())
    if (noun.size() > best_len && word.size() >= noun.size() &&
        word.compare(word.size() - noun.size(), noun.size(), noun) == 0) {
      best = kind;
      best_len = noun.size();
    }
  return best;
}

}  // namespace

glossary::Kind guess_kind(std::string_view ko, std::string_view en, double transliteration) {
  if (is_acronym(ko) || is_acronym(en)) return glossary::Kind::acronym;
  std::size_t sp = en.rfind(' ');
  std::string_view last = sp == std::string_view::npos ? en : en.substr(sp + 1);
  std::size_t first_sp = en.find(' ');
  std::string_view first = first_sp == std::string_view::npos ? en : en.substr(0, first_sp);
  const auto& table = head_table();
  auto it = table.find(last);
  if (it != table.end()) return it->second;
  auto it_first = table.find(first);
  if (it_first != table.end() && it_first->second == glossary::Kind::org)
    return glossary::Kind::org;  // "Ministry of Foreign Affairs"
  // A country or a capital is transliterated like a name (바그다드 = Baghdad) but no person.
  if (is_country_or_capital(en)) return glossary::Kind::place;
  if (!en.empty() && en[0] >= 'a' && en[0] <= 'z') return glossary::Kind::technical;
  if (transliteration >= 0.6) return glossary::Kind::person;
  return glossary::Kind::other;
}

std::string_view capital_of(std::string_view country_en) {
  auto it = capitals().find(country_en);
  return it == capitals().end() ? std::string_view() : std::string_view(it->second);
}

std::optional<glossary::Kind> kind_from_korean_before(std::string_view before) {
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  std::size_t sp = before.rfind(' ');
  std::string_view word = sp == std::string_view::npos ? before : before.substr(sp + 1);
  if (word.empty()) return std::nullopt;
  if (auto k = closing_noun(word)) return k;
  // The copula's adnominal form: 구단인 (which is a club).
  constexpr std::string_view copula = "인";
  if (word.size() > copula.size() && word.compare(word.size() - copula.size(), copula.size(), copula) == 0)
    return closing_noun(word.substr(0, word.size() - copula.size()));
  return std::nullopt;
}

}  // namespace koterm::terms
