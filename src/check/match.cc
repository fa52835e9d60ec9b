#include "check/match.h"

#include <algorithm>

#include "english/tokens.h"
#include "korean/analyze.h"
#include "text/utf8.h"

namespace koterm::check {

const std::string& KeyCache::ko(std::string_view eojeol) {
  auto it = ko_.find(std::string(eojeol));
  if (it != ko_.end()) return it->second;
  return ko_.emplace(std::string(eojeol), korean::term_key(eojeol)).first->second;
}

const std::string& KeyCache::en(std::string_view phrase) {
  auto it = en_.find(std::string(phrase));
  if (it != en_.end()) return it->second;
  return en_.emplace(std::string(phrase), english::term_key(phrase)).first->second;
}

std::string_view first_word(std::string_view key) {
  std::size_t sp = key.find(' ');
  return sp == std::string_view::npos ? key : key.substr(0, sp);
}

namespace {

std::size_t count_words(std::string_view s) {
  std::size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\t';
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

}  // namespace

TermIndex::TermIndex(const glossary::Glossary& g) {
  for (std::size_t e = 0; e < g.terms.size(); ++e) {
    const glossary::Entry& entry = g.terms[e];
    if (entry.status == glossary::EntryStatus::rejected) continue;
    auto add_ko = [&](const std::string& ko) {
      std::string key = korean::term_key(ko);
      if (key.empty()) return;
      auto& v = ko_[key];
      if (std::find(v.begin(), v.end(), e) == v.end()) v.push_back(e);
      // Written with spaces the user may not have (한반도 평화교섭본부장).
      max_ko_eojeols_ = std::max(max_ko_eojeols_, std::min<std::size_t>(count_words(ko) + 2, 8));
    };
    add_ko(entry.ko);
    for (const auto& kv : entry.ko_variants) add_ko(kv.ko);
    for (std::size_t v = 0; v < entry.variants.size(); ++v) {
      std::string key = english::term_key(entry.variants[v].en);
      if (key.empty()) continue;
      en_[key].push_back({e, v});
      en_first_words_.insert(std::string(first_word(key)));
      max_en_words_ = std::max(max_en_words_, count_words(entry.variants[v].en) + 1);
    }
  }
}

std::vector<KoHit> TermIndex::find_ko(std::string_view sentence, KeyCache& keys) const {
  std::vector<korean::Eojeol> words = korean::analyze(sentence);
  std::vector<const std::string*> k1(words.size());
  for (std::size_t i = 0; i < words.size(); ++i)
    k1[i] = &keys.ko(sentence.substr(words[i].span.byte_begin, words[i].span.byte_count()));
  struct Cand {
    std::size_t entry;
    text::Span span;
    std::size_t bytes;
    bool inside_word;
  };
  std::vector<Cand> cands;
  std::string key;
  for (std::size_t i = 0; i < words.size(); ++i) {
    key.clear();
    for (std::size_t l = 1; l <= max_ko_eojeols_ && i + l <= words.size(); ++l) {
      key += *k1[i + l - 1];
      if (key.empty()) continue;
      auto it = ko_.find(key);
      if (it != ko_.end()) {
        text::Span sp{words[i].span.byte_begin, words[i + l - 1].span.byte_end};
        for (std::size_t e : it->second) cands.push_back({e, sp, key.size(), false});
      }
    }
    // A term closing a compound eojeol: 외교부한반도평화교섭본부장 ends with a term of three or
    // more syllables.
    const std::string& w = *k1[i];
    std::size_t pos = 0;
    while (pos < w.size()) {
      std::size_t next = pos + 1;
      while (next < w.size() && (static_cast<unsigned char>(w[next]) & 0xC0) == 0x80) ++next;
      if (next >= w.size()) break;
      std::string_view tail(w.data() + next, w.size() - next);
      if (text::char_count(tail) >= 3) {
        auto it = ko_.find(std::string(tail));
        if (it != ko_.end())
          for (std::size_t e : it->second) cands.push_back({e, words[i].span, tail.size(), true});
      }
      pos = next;
    }
  }
  // Longest first; a shorter term inside an accepted longer one is dropped.
  std::stable_sort(cands.begin(), cands.end(), [](const Cand& a, const Cand& b) {
    if (a.bytes != b.bytes) return a.bytes > b.bytes;
    if (a.span.byte_begin != b.span.byte_begin) return a.span.byte_begin < b.span.byte_begin;
    return a.entry < b.entry;
  });
  std::vector<KoHit> out;
  std::vector<std::pair<text::Span, std::size_t>> taken;  // span, key bytes
  for (const Cand& c : cands) {
    bool inside = false;
    for (const auto& [t, bytes] : taken)
      if (t.byte_begin <= c.span.byte_begin && c.span.byte_end <= t.byte_end && bytes > c.bytes)
        inside = true;
    if (inside) continue;
    taken.push_back({c.span, c.bytes});
    out.push_back({c.entry, c.span, c.inside_word});
  }
  std::sort(out.begin(), out.end(), [](const KoHit& a, const KoHit& b) {
    if (a.span.byte_begin != b.span.byte_begin) return a.span.byte_begin < b.span.byte_begin;
    return a.entry < b.entry;
  });
  return out;
}

std::vector<EnHit> TermIndex::find_en(std::string_view sentence, KeyCache& keys) const {
  std::vector<english::Token> toks = english::tokenize(sentence);
  std::vector<EnHit> out;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (!toks[i].is_word) continue;
    const std::string& k = keys.en(sentence.substr(toks[i].span.byte_begin, toks[i].span.byte_count()));
    if (k.empty() || en_first_words_.count(std::string(first_word(k))) == 0) continue;
    for (std::size_t l = 1; l <= max_en_words_ && i + l <= toks.size(); ++l) {
      const english::Token& last = toks[i + l - 1];
      // A period glued to a word (Corp., Gov.) stays inside a form.
      const bool glued_period = !last.is_word && last.span.byte_count() == 1 &&
                                sentence[last.span.byte_begin] == '.' && l > 1 &&
                                toks[i + l - 2].span.byte_end == last.span.byte_begin;
      if (!last.is_word && !glued_period) break;
      text::Span sp{toks[i].span.byte_begin, last.span.byte_end};
      std::string_view phrase = sentence.substr(sp.byte_begin, sp.byte_count());
      const std::string key = l == 1 ? k : english::term_key(phrase);
      auto it = en_.find(key);
      if (it != en_.end()) out.push_back({key, it->second, sp});
    }
  }
  return out;
}

}  // namespace koterm::check
