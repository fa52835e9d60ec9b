// Finding glossary terms in aligned sentences: Korean terms tolerant of particles and spacing
// (korean::term_key over eojeol windows, and a term at the end of a compound eojeol), English
// forms tolerant of case, plurals and hyphenation (english::term_key over word windows).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "glossary/model.h"
#include "text/source.h"

namespace koterm::check {

// A memo of korean::term_key / english::term_key for words seen again and again.
class KeyCache {
 public:
  const std::string& ko(std::string_view eojeol);
  const std::string& en(std::string_view phrase);

 private:
  std::unordered_map<std::string, std::string> ko_;
  std::unordered_map<std::string, std::string> en_;
};

struct KoHit {
  std::size_t entry = 0;
  text::Span span;        // bytes relative to the searched sentence
  // Found as the end of a longer word (컴퓨터 in 수퍼컴퓨터): span is the whole eojeol.
  bool inside_word = false;
};

struct EnForm {
  std::size_t entry = 0;
  std::size_t variant = 0;  // index into Entry::variants
};

struct EnHit {
  std::string key;          // english::term_key of the form
  std::vector<EnForm> forms;
  text::Span span;          // bytes relative to the searched sentence
};

// An index of one glossary's Korean and English forms; the glossary must outlive it.
class TermIndex {
 public:
  explicit TermIndex(const glossary::Glossary& g);

  // Korean terms of `sentence`, longest first where they overlap (a term inside a longer
  // matched term is not reported), in text order.
  std::vector<KoHit> find_ko(std::string_view sentence, KeyCache& keys) const;
  // English forms of `sentence`, every window that matches (nested ones included).
  std::vector<EnHit> find_en(std::string_view sentence, KeyCache& keys) const;

  bool has_ko_key(const std::string& key) const { return ko_.count(key) > 0; }

 private:
  std::unordered_map<std::string, std::vector<std::size_t>> ko_;
  std::unordered_map<std::string, std::vector<EnForm>> en_;
  std::unordered_set<std::string> en_first_words_;
  std::size_t max_ko_eojeols_ = 1;
  std::size_t max_en_words_ = 1;
};

// The first word of an English key ("end of war declaration" → "end").
std::string_view first_word(std::string_view key);

}  // namespace koterm::check
