#include "glossary/lookup.h"

#include <algorithm>

#include "text/utf8.h"

namespace koterm::glossary {

namespace {

bool is_space(char32_t cp) { return cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xA0 || cp == 0x3000; }

}  // namespace

std::string LookupIndex::korean_key(std::string_view ko) {
  std::string out;
  std::size_t i = 0;
  while (i < ko.size()) {
    std::size_t len = 0;
    char32_t cp = text::decode_utf8(ko, i, &len);
    if (len == 0) len = 1;
    if (!is_space(cp) && cp != '-' && cp != 0xB7 && cp != '.') {
      if (cp >= 'A' && cp <= 'Z') cp = cp - 'A' + 'a';
      text::append_utf8(out, cp);
    }
    i += len;
  }
  return out;
}

std::string LookupIndex::english_key(std::string_view en) {
  std::string out;
  bool pending_space = false;
  for (char c : en) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 'A' && u <= 'Z') c = static_cast<char>(u - 'A' + 'a');
    bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || u >= 0x80;
    if (!word) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

LookupIndex::LookupIndex(const Glossary& g) : glossary_(g) {
  for (std::size_t i = 0; i < g.terms.size(); ++i) {
    const Entry& e = g.terms[i];
    auto add_ko = [&](const std::string& form) {
      if (!form.empty()) by_key_.emplace("k:" + korean_key(form), LookupHit{i, form, false, false});
    };
    auto add_en = [&](const std::string& form) {
      if (!form.empty()) by_key_.emplace("e:" + english_key(form), LookupHit{i, form, true, false});
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
    auto [lo, hi] = by_key_.equal_range(key);
    for (auto it = lo; it != hi; ++it) {
      LookupHit h = it->second;
      h.exact = h.matched_form == query;
      bool dup = std::any_of(hits.begin(), hits.end(), [&](const LookupHit& x) { return x.entry_index == h.entry_index; });
      if (!dup) hits.push_back(h);
    }
  };
  collect("e:" + english_key(query));
  std::string ko = korean_key(query);
  collect("k:" + ko);
  // Particles and endings: drop up to three trailing syllables until something matches.
  std::string stem = ko;
  for (int drop = 0; hits.empty() && drop < 3 && !stem.empty(); ++drop) {
    std::size_t cut = stem.size();
    do {
      --cut;
    } while (cut > 0 && (static_cast<unsigned char>(stem[cut]) & 0xC0) == 0x80);
    stem.resize(cut);
    if (text::char_count(stem) < 2) break;
    collect("k:" + stem);
  }
  std::stable_sort(hits.begin(), hits.end(), [](const LookupHit& a, const LookupHit& b) {
    if (a.exact != b.exact) return a.exact;
    return a.entry_index < b.entry_index;
  });
  return hits;
}

}  // namespace koterm::glossary
