#include "glossary/merge.h"

#include <algorithm>
#include <map>

namespace koterm::glossary {

namespace {

bool curated(const Entry& e) { return e.status != EntryStatus::candidate; }

template <class T>
void add_sorted_unique(std::vector<T>& into, const std::vector<T>& more) {
  into.insert(into.end(), more.begin(), more.end());
  std::sort(into.begin(), into.end());
  into.erase(std::unique(into.begin(), into.end()), into.end());
}

void add_examples(std::vector<Example>& into, const std::vector<Example>& more) {
  for (const auto& ex : more) {
    if (into.size() >= max_examples) break;
    bool seen = std::any_of(into.begin(), into.end(),
                            [&](const Example& x) { return x.ko == ex.ko && x.en == ex.en; });
    if (!seen) into.push_back(ex);
  }
}

void add_tests(std::vector<SelfTest>& into, const std::vector<SelfTest>& more) {
  for (const auto& t : more) {
    bool seen = std::any_of(into.begin(), into.end(),
                            [&](const SelfTest& x) { return x.ko == t.ko && x.en == t.en; });
    if (!seen) into.push_back(t);
  }
}

Variant* find_variant(Entry& e, const std::string& en) {
  for (auto& v : e.variants)
    if (v.en == en) return &v;
  return nullptr;
}

// Evidence of `u` added to `b` (both describe the same English form).
void add_variant_evidence(Variant& b, const Variant& u) {
  b.count += u.count;
  b.first_mentions += u.first_mentions;
  add_sorted_unique(b.zones, u.zones);
  b.short_form = b.short_form || u.short_form;
  if (b.note.empty()) b.note = u.note;
}

void add_ko_variants(Entry& b, const Entry& u) {
  auto add = [&](const KoVariant& kv) {
    if (kv.ko == b.ko) return;
    for (auto& x : b.ko_variants)
      if (x.ko == kv.ko) {
        x.count += kv.count;
        return;
      }
    KoVariant fresh = kv;
    if (curated(b)) fresh.status = TermStatus::admitted;
    b.ko_variants.push_back(fresh);
  };
  for (const auto& kv : u.ko_variants) add(kv);
  if (u.ko != b.ko) add(KoVariant{u.ko, TermStatus::admitted, u.count});
}

void merge_entry(Entry& b, const Entry& u) {
  b.count += u.count;
  if (b.status == EntryStatus::rejected) return;  // closed: nothing comes back
  add_sorted_unique(b.sources, u.sources);
  add_examples(b.examples, u.examples);
  add_tests(b.tests, u.tests);
  add_ko_variants(b, u);

  // A human decision in the update wins over machine output in base.
  const bool adopt = !curated(b) && curated(u);
  const bool machine_owned = !curated(b) || adopt;
  if (adopt) {
    b.en = u.en;
    b.status = u.status;
    b.kind = u.kind;
    b.note = u.note;
    b.valid_from = u.valid_from;
    b.valid_until = u.valid_until;
    b.score = u.score;
  } else if (!curated(b)) {
    b.score = std::max(b.score, u.score);
    if (b.kind == Kind::other) b.kind = u.kind;
    if (b.note.empty()) b.note = u.note;
  }

  for (const auto& uv : u.variants) {
    if (Variant* bv = find_variant(b, uv.en)) {
      add_variant_evidence(*bv, uv);
      if (adopt) bv->status = uv.status;
      continue;
    }
    Variant fresh = uv;
    // New forms arrive as candidates (admitted); a deprecation is kept.
    if (!adopt && (fresh.status == TermStatus::preferred || fresh.status == TermStatus::admitted))
      fresh.status = TermStatus::admitted;
    b.variants.push_back(std::move(fresh));
  }
  // In an entry no human has decided, exactly the form in "en" is preferred.
  if (machine_owned && find_variant(b, b.en)) {
    for (auto& v : b.variants) {
      if (v.en == b.en) v.status = TermStatus::preferred;
      else if (v.status == TermStatus::preferred) v.status = TermStatus::admitted;
    }
  }
}

}  // namespace

void merge_into(Glossary& base, const Glossary& update) {
  std::map<std::string, std::size_t> by_ko;  // Korean form or variant -> base index
  std::map<std::string, std::size_t> by_id;
  auto index = [&](std::size_t i) {
    const Entry& e = base.terms[i];
    by_ko.emplace(e.ko, i);
    for (const auto& kv : e.ko_variants) by_ko.emplace(kv.ko, i);
    by_id.emplace(e.id, i);
  };
  for (std::size_t i = 0; i < base.terms.size(); ++i) index(i);
  if (base.name.empty()) base.name = update.name;
  if (base.header_comment.empty()) base.header_comment = update.header_comment;

  for (const Entry& u : update.terms) {
    std::size_t target = base.terms.size();
    if (auto it = by_ko.find(u.ko); it != by_ko.end()) {
      target = it->second;
    } else {
      for (const auto& kv : u.ko_variants)
        if (auto k = by_ko.find(kv.ko); k != by_ko.end()) {
          target = k->second;
          break;
        }
    }
    if (target == base.terms.size())
      if (auto it = by_id.find(u.id); it != by_id.end() && base.terms[it->second].ko == u.ko) target = it->second;
    if (target < base.terms.size()) {
      merge_entry(base.terms[target], u);
      index(target);
      continue;
    }
    Entry fresh = u;
    fresh.line = 0;
    if (by_id.count(fresh.id)) {
      // Keep ids unique: suffix the update's id.
      std::string stem = fresh.id;
      for (int n = 2;; ++n) {
        fresh.id = stem + "-" + std::to_string(n);
        if (!by_id.count(fresh.id)) break;
      }
    }
    base.terms.push_back(std::move(fresh));
    index(base.terms.size() - 1);
  }
}

}  // namespace koterm::glossary
