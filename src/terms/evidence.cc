#include "terms/evidence.h"

#include <algorithm>

#include "common/data_lines.h"
#include "korean/analyze.h"
#include "names/names.h"
#include "text/utf8.h"

namespace koterm::embedded {
std::string_view align_hanja();
std::string_view align_lexicon();
std::string_view terms_latin_letter_names();
}

namespace koterm::terms {
namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_hangul(std::string_view s, std::size_t* syllables) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 0;
    char32_t cp = text::decode_utf8(s, i, &len);
    if (cp == ' ') {
      i += len;
      continue;
    }
    if (!text::is_hangul_syllable(cp)) return false;
    ++n;
    i += len;
  }
  *syllables = n;
  return n > 0;
}

// The name matcher of a Korean key, built once per thread and key: building one costs more
// than scoring with it, and one key is scored against many English candidates. The cache is
// emptied when it grows past a bound, so memory stays small on any corpus.
const names::NameMatcher& matcher_for(std::string_view ko_key) {
  thread_local std::unordered_map<std::string, names::NameMatcher> cache;
  auto it = cache.find(std::string(ko_key));
  if (it != cache.end()) return it->second;
  if (cache.size() >= 4096) cache.clear();
  return cache.emplace(std::string(ko_key), names::NameMatcher(ko_key, names::MatchKind::transliteration))
      .first->second;
}

}  // namespace

Evidence::Evidence(const glossary::Glossary* given) {
  // The aligner's tables: headline hanja (美 -> u.s., us, america, ...), keyed here by the
  // Korean word the hanja stands for, as term keys are; the news lexicon (오전 -> morning).
  auto read = [](std::string_view data, bool hanja, auto& into) {
    for (std::string_view line : data_lines(data)) {
      const std::size_t tab = line.find('\t');
      if (tab == std::string_view::npos) continue;
      std::string_view ko = line.substr(0, tab);
      std::vector<std::string>& forms = into[hanja ? korean::term_key(ko) : std::string(ko)];
      std::string_view rest = line.substr(tab + 1);
      while (!rest.empty()) {
        const std::size_t comma = rest.find(',');
        std::string_view f = rest.substr(0, comma);
        while (!f.empty() && f.front() == ' ') f.remove_prefix(1);
        if (!f.empty()) forms.emplace_back(f);
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
      }
    }
  };
  read(embedded::align_hanja(), true, hanja_en_);
  read(embedded::align_lexicon(), false, lexicon_);
  letter_names_.resize(26);
  for (std::string_view line : data_lines(embedded::terms_latin_letter_names())) {
    if (line.size() < 3 || line[1] != '\t' || !is_upper(line[0])) continue;
    std::string_view rest = line.substr(2);
    while (!rest.empty()) {
      const std::size_t comma = rest.find(',');
      if (comma != 0) letter_names_[static_cast<std::size_t>(line[0] - 'A')].emplace_back(rest.substr(0, comma));
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
  }
  if (given == nullptr) return;
  for (const auto& entry : given->terms) {
    if (entry.status == glossary::EntryStatus::rejected) continue;
    std::string key = korean::term_key(entry.ko);
    auto& forms = given_[key];
    if (!entry.en.empty()) forms.push_back(entry.en);
    for (const auto& v : entry.variants)
      if (v.status != glossary::TermStatus::deprecated &&
          v.status != glossary::TermStatus::superseded)
        forms.push_back(v.en);
    if (!entry.en.empty() && entry.status == glossary::EntryStatus::approved)
      given_preferred_.emplace(key, entry.en);
  }
}

bool Evidence::is_latin(std::string_view s) {
  return !s.empty() && (is_upper(s[0]) || is_lower(s[0]));
}

std::string Evidence::letters_upper(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (is_upper(c) || is_digit(c)) out += c;
    else if (is_lower(c)) out += static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string Evidence::initials(std::string_view en) {
  std::string out;
  bool at_start = true;
  std::size_t word_begin = 0;
  for (std::size_t i = 0; i <= en.size(); ++i) {
    char c = i < en.size() ? en[i] : ' ';
    if (c == ' ' || c == '-') {
      std::string_view w = en.substr(word_begin, i - word_begin);
      bool connector = w == "of" || w == "and" || w == "for" || w == "the" || w == "on" ||
                       w == "&";
      if (!w.empty() && !connector) {
        char first = w[0];
        if (is_lower(first)) first = static_cast<char>(first - 'a' + 'A');
        if (is_upper(first) || is_digit(first)) out += first;
      }
      word_begin = i + 1;
      at_start = true;
      continue;
    }
    at_start = false;
  }
  (void)at_start;
  return out;
}

bool Evidence::worth_checking(std::string_view ko_key, std::string_view en, bool ko_latin,
                              bool en_capitalized, std::string_view ko_gloss) const {
  if (ko_latin || !ko_gloss.empty()) return true;
  if (hanja_en_.count(std::string(ko_key)) != 0) return true;
  if (en_capitalized && en.size() <= 12 && letters_upper(en).size() >= 2 &&
      std::all_of(en.begin(), en.end(), [](char c) { return is_upper(c) || c == '.'; }))
    return true;  // an acronym: perhaps spelt out in letter names
  if (!given_.empty() && given_.count(std::string(ko_key)) != 0) return true;
  if (!en_capitalized) return false;
  std::size_t syl = 0;
  if (!all_hangul(ko_key, &syl)) return false;
  std::size_t letters = 0, words = 1;
  for (char c : en) {
    if (is_upper(c) || is_lower(c)) ++letters;
    if (c == ' ') ++words;
  }
  return words <= 5 && letters + 1 >= syl && letters <= 5 * syl + 2;
}

double Evidence::score(std::string_view ko_key, std::string_view en, bool glossed,
                       std::string_view ko_gloss) const {
  double best = 0;
  if (!given_.empty()) {
    auto it = given_.find(std::string(ko_key));
    if (it != given_.end() &&
        std::find(it->second.begin(), it->second.end(), en) != it->second.end())
      return 1.0;
  }
  if (glossed) best = 0.95;
  if (en.size() >= 2 && en.size() <= 12 &&
      std::all_of(en.begin(), en.end(), [](char c) { return is_upper(c) || c == '.'; }) &&
      spells_letters(ko_key, letters_upper(en)))
    best = std::max(best, 0.9);
  if (auto it = hanja_en_.find(std::string(ko_key)); it != hanja_en_.end()) {
    // Acronyms only ("US", "U.S.", "DPRK"): the names among the renderings (America,
    // Washington, Pyongyang) stand for the country loosely and are left to association.
    const bool acronym = en.size() >= 2 && std::all_of(en.begin(), en.end(), [](char c) {
      return is_upper(c) || c == '.';
    });
    if (acronym &&
        std::find(it->second.begin(), it->second.end(), lower_ascii(en)) != it->second.end())
      best = std::max(best, 0.8);
  }
  const std::string en_letters = letters_upper(en);
  if (is_latin(ko_key)) {
    std::string ko_letters = letters_upper(ko_key);
    if (!ko_letters.empty() && ko_letters == en_letters) return 1.0;
    // An acronym and its expansion.
    // The expansion may carry one more word: CDC = Centers for Disease Control and
    // Prevention.
    std::string ini = initials(en);
    if (ko_letters.size() >= 2 && std::count(en.begin(), en.end(), ' ') >= 1 &&
        (ini == ko_letters || (ini.size() == ko_letters.size() + 1 &&
                               ini.compare(0, ko_letters.size(), ko_letters) == 0)))
      best = std::max(best, 0.9);
    return best;
  }
  if (glossed && en.find(' ') == std::string_view::npos) best = 0.5;  // only an acronym
  if (!ko_gloss.empty()) {
    std::string g = letters_upper(ko_gloss);
    if (g.size() >= 2 && initials(en) == g) best = std::max(best, 0.9);
  }
  std::size_t syl = 0;
  if (all_hangul(ko_key, &syl) && !en.empty() && (is_upper(en[0]))) {
    const names::NameMatcher& m = matcher_for(ko_key);
    double t = m.score(en);
    // Japanese and Chinese names keep the family name first in Korean and often put it
    // last in English (도쿠다 시게오 = Shigeo Tokuda): a two-word name is also tried the
    // other way round, a little below the same-order score.
    const std::size_t space = en.find(' ');
    if (t < 0.9 && space != std::string_view::npos && en.find(' ', space + 1) == std::string_view::npos &&
        en.find('.') == std::string_view::npos &&
        space + 1 < en.size() && is_upper(en[space + 1])) {
      std::string swapped(en.substr(space + 1));
      swapped += ' ';
      swapped.append(en.substr(0, space));
      // Both words must be needed: a title or place in front is already allowed for by
      // the matcher ("United" before "Manchester").
      const double one = std::max(m.score(en.substr(0, space)), m.score(en.substr(space + 1)));
      const double turned = m.score(swapped);
      if (turned > one + 0.1) t = std::max(t, 0.95 * turned);
    }
    if (t >= 0.6) best = std::max(best, t);
  }
  return best;
}

// Whether the Hangul `ko` reads the letters one by one (유엔 for UN): each letter's readings
// tried in turn against what is left.
bool Evidence::spells_letters(std::string_view ko, std::string_view letters) const {
  if (letters.empty()) return ko.empty();
  if (letters.size() > 8 || !is_upper(letters[0])) return false;
  for (const std::string& name : letter_names_[static_cast<std::size_t>(letters[0] - 'A')])
    if (ko.substr(0, name.size()) == name && spells_letters(ko.substr(name.size()), letters.substr(1)))
      return true;
  return false;
}

bool Evidence::in_lexicon(std::string_view ko_key) const { return lexicon_.count(std::string(ko_key)) != 0; }

bool Evidence::lexicon_renders(std::string_view ko_key, std::string_view en) const {
  auto it = lexicon_.find(std::string(ko_key));
  if (it == lexicon_.end()) return false;
  const std::string low = lower_ascii(en);
  for (const std::string& f : it->second) {
    const bool prefix = f.back() == '*';
    if (prefix ? low.find(' ') == std::string::npos && low.size() + 1 >= f.size() &&
                     low.compare(0, f.size() - 1, f, 0, f.size() - 1) == 0
               : low == f)
      return true;
  }
  return false;
}

const std::string* Evidence::preferred(std::string_view ko_key) const {
  auto it = given_preferred_.find(std::string(ko_key));
  return it == given_preferred_.end() ? nullptr : &it->second;
}

double best_transliteration(std::string_view ko, std::string_view en) {
  std::size_t syl = 0;
  if (!all_hangul(ko, &syl) || en.empty() || !is_upper(en[0])) return 0;
  return names::match_transliteration(ko, en);
}

}  // namespace koterm::terms
