#include "glossary/validate.h"

#include <algorithm>
#include <map>
#include <set>

namespace koterm::glossary {

bool is_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  int parts[3] = {0, 0, 0};
  std::size_t starts[3] = {0, 5, 8};
  std::size_t lens[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (std::size_t i = starts[p]; i < starts[p] + lens[p]; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      parts[p] = parts[p] * 10 + (s[i] - '0');
    }
  }
  int y = parts[0], m = parts[1], d = parts[2];
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int max_day = days[m - 1];
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) max_day = 29;
  return d <= max_day;
}

bool is_known_zone(std::string_view zone) {
  return zone == "headline" || zone == "subheadline" || zone == "caption" || zone == "byline" || zone == "body";
}

namespace {

// Validity periods as comparable strings ("" = open end).
bool periods_overlap(const Entry& a, const Entry& b) {
  const std::string lo = "0000-00-00", hi = "9999-99-99";
  const std::string& a_from = a.valid_from.empty() ? lo : a.valid_from;
  const std::string& b_from = b.valid_from.empty() ? lo : b.valid_from;
  const std::string& a_until = a.valid_until.empty() ? hi : a.valid_until;
  const std::string& b_until = b.valid_until.empty() ? hi : b.valid_until;
  return a_from <= b_until && b_from <= a_until;
}

}  // namespace

void check_glossary(const Glossary& g, const std::vector<EntryPositions>& where, Diagnostics& diags) {
  auto at = [&](std::size_t i, SourcePos EntryPositions::*field) {
    if (i < where.size()) {
      const SourcePos& p = where[i].*field;
      if (!p.path.empty()) return p;
      if (!where[i].entry.path.empty()) return where[i].entry;
    }
    return SourcePos{g.name};
  };
  std::map<std::string, std::size_t> ids;
  std::map<std::string, std::vector<std::size_t>> by_ko;
  for (std::size_t i = 0; i < g.terms.size(); ++i) {
    const Entry& e = g.terms[i];
    if (!e.id.empty()) {
      auto [it, fresh] = ids.emplace(e.id, i);
      if (!fresh)
        diags.error(at(i, &EntryPositions::id), "duplicate id \"" + e.id + "\" (first used on line " +
                                                    std::to_string(g.terms[it->second].line) + ")");
    }
    bool dates_ok = true;
    if (!e.valid_from.empty() && !is_iso_date(e.valid_from)) {
      diags.error(at(i, &EntryPositions::valid_from),
                  "\"valid_from\" must be a date YYYY-MM-DD; found \"" + e.valid_from + "\"");
      dates_ok = false;
    }
    if (!e.valid_until.empty() && !is_iso_date(e.valid_until)) {
      diags.error(at(i, &EntryPositions::valid_until),
                  "\"valid_until\" must be a date YYYY-MM-DD; found \"" + e.valid_until + "\"");
      dates_ok = false;
    }
    if (dates_ok && !e.valid_from.empty() && !e.valid_until.empty() && e.valid_until < e.valid_from)
      diags.error(at(i, &EntryPositions::valid_until),
                  "\"valid_until\" " + e.valid_until + " is before \"valid_from\" " + e.valid_from);
    std::size_t preferred = 0;
    for (std::size_t v = 0; v < e.variants.size(); ++v) {
      const Variant& var = e.variants[v];
      SourcePos vpos = (i < where.size() && v < where[i].variants.size()) ? where[i].variants[v]
                                                                            : at(i, &EntryPositions::en);
      if (var.status == TermStatus::preferred) {
        ++preferred;
        if (!e.en.empty() && var.en != e.en)
          diags.error(vpos, "the preferred variant \"" + var.en + "\" differs from \"en\" \"" + e.en +
                                "\"; make it admitted or change \"en\"");
      }
      for (std::size_t w = 0; w < v; ++w)
        if (e.variants[w].en == var.en) {
          diags.error(vpos, "variant \"" + var.en + "\" is listed twice");
          break;
        }
      for (const auto& z : var.zones)
        if (!is_known_zone(z))
          diags.warning(vpos, "unknown zone \"" + z + "\" (known: headline, subheadline, caption, byline, body)");
    }
    if (preferred > 1)
      diags.error(at(i, &EntryPositions::en), "term \"" + e.id + "\" has " + std::to_string(preferred) +
                                                  " preferred variants; at most one may be preferred");
    if (!e.ko.empty()) by_ko[e.ko].push_back(i);
  }
  for (const auto& [ko, list] : by_ko) {
    for (std::size_t a = 1; a < list.size(); ++a) {
      for (std::size_t b = 0; b < a; ++b) {
        if (periods_overlap(g.terms[list[a]], g.terms[list[b]])) {
          diags.error(at(list[a], &EntryPositions::ko),
                      "duplicate Korean term \"" + ko + "\" (also on line " + std::to_string(g.terms[list[b]].line) +
                          "); merge the entries or give them valid_from/valid_until periods that do not overlap");
          break;
        }
      }
    }
  }
}

}  // namespace koterm::glossary
