#include "glossary/lookup.h"

#include <algorithm>

#include "english/tokens.h"
#include "korean/analyze.h"

namespace koterm::glossary {

std::string LookupIndex::korean_key(std::string_view ko) { return korean::term_key(ko); }

std::string LookupIndex::english_key(std::string_view en) { return english::term_key(en); }

LookupIndex::LookupIndex(const Glossary& g) : glossary_(g) {
  for (std::size_t i = 0; i < g.terms.size(); ++i) {
    const Entry& e = g.terms[i];
    auto add_ko = [&](const std::string& form) {
      if (!form.empty() && !korean_key(form).empty()) by_key_.emplace("k:" + korean_key(form), LookupHit{i, form, false, false});
    };
    auto add_en = [&](const std::string& form) {
      if (!form.empty() && !english_key(form).empty()) by_key_.emplace("e:" + english_key(form), LookupHit{i, form, true, false});
    };
    add_ko(e.ko);
    for (const auto& kv : e.ko_variants) add_ko(kv.ko);
    add_en(e.en);
    for (const auto& v : e.variants)
      if (v.en != e.en) add_en(v.en);
  }
}

std::vector<LookupHit> LookupIndex::find(std::string_view query) const {
  std::vector<LookupHit> hits;
  auto collect = [&](const std::string& key) {
    if (key.size() <= 2) return;  // the form has no key (only punctuation, an article)
    auto [lo, hi] = by_key_.equal_range(key);
    for (auto it = lo; it != hi; ++it) {
      LookupHit h = it->second;
      h.exact = h.matched_form == query;
      bool dup = std::any_of(hits.begin(), hits.end(), [&](const LookupHit& x) { return x.entry_index == h.entry_index; });
      if (!dup) hits.push_back(h);
    }
  };
  collect("e:" + english_key(query));
  collect("k:" + korean_key(query));
  std::stable_sort(hits.begin(), hits.end(), [](const LookupHit& a, const LookupHit& b) {
    if (a.exact != b.exact) return a.exact;
    return a.entry_index < b.entry_index;
  });
  return hits;
}

}  // namespace koterm::glossary
