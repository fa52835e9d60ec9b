#include "terms/kinds.h"

#include <map>
#include <string>

#include "common/data_lines.h"

namespace koterm::embedded {
std::string_view terms_en_heads();
}  // namespace koterm::embedded

namespace koterm::terms {
namespace {

const std::map<std::string, glossary::Kind, std::less<>>& head_table() {
  static const auto table = [] {
    std::map<std::string, glossary::Kind, std::less<>> t;
    for (std::string_view line : data_lines(embedded::terms_en_heads())) {
      std::size_t tab = line.find('\t');
      if (tab == std::string_view::npos) continue;
      auto kind = glossary::kind_from(line.substr(tab + 1));
      if (kind) t.emplace(std::string(line.substr(0, tab)), *kind);
    }
    return t;
  }();
  return table;
}

bool is_acronym(std::string_view s) {
  std::size_t upper = 0, lower = 0;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') ++upper;
    if (c >= 'a' && c <= 'z') ++lower;
  }
  return upper >= 2 && lower <= 1 && s.find(' ') == std::string_view::npos;
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
  if (!en.empty() && en[0] >= 'a' && en[0] <= 'z') return glossary::Kind::technical;
  if (transliteration >= 0.6) return glossary::Kind::person;
  return glossary::Kind::other;
}

}  // namespace koterm::terms
