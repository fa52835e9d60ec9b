#include "english/tokens.h"

#include <unordered_map>

#include "common/error.h"
#include "text/utf8.h"

namespace koterm::embedded {
std::string_view english_irregular_plurals();
}

namespace koterm::english {
namespace {

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
char lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// A letter: ASCII, or any non-ASCII code point that is not a space or a known mark
// (accented Latin, hangul and hanja in a mixed sentence stay inside words).
bool is_letter_at(std::string_view s, std::size_t i, std::size_t* len) {
  *len = 1;
  unsigned char b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return is_ascii_letter(s[i]);
  char32_t c = text::decode_utf8(s, i, len);
  if (c == 0x00A0 || (c >= 0x2000 && c <= 0x206F) || c == 0x3000 || (c >= 0x3001 && c <= 0x303F) ||
      (c >= 0xFF00 && c <= 0xFF0F) || c == 0x00AB || c == 0x00BB || c == 0x00B7 || c == 0x00A9) {
    return false;
  }
  return true;
}
bool is_word_at(std::string_view s, std::size_t i, std::size_t* len) {
  if (i >= s.size()) {
    *len = 0;
    return false;
  }
  if (is_ascii_digit(s[i])) {
    *len = 1;
    return true;
  }
  return is_letter_at(s, i, len);
}
bool is_space_at(std::string_view s, std::size_t i, std::size_t* len) {
  *len = 1;
  char c = s[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') return true;
  if (static_cast<unsigned char>(c) < 0x80) return false;
  char32_t cp = text::decode_utf8(s, i, len);
  return cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}
// An apostrophe: ' or ’ (U+2019); *len receives its byte length.
bool is_apostrophe_at(std::string_view s, std::size_t i, std::size_t* len) {
  if (s[i] == '\'') {
    *len = 1;
    return true;
  }
  if (s.compare(i, 3, "\xE2\x80\x99") == 0) {
    *len = 3;
    return true;
  }
  return false;
}

// Dotted initials so far: "U", "U.S" (letters each followed by a dot except the last).
bool dotted_initials(std::string_view w) {
  if (w.size() < 3) return false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    bool want_letter = i % 2 == 0;
    if (want_letter ? !is_ascii_letter(w[i]) : w[i] != '.') return false;
  }
  return true;
}

}  // namespace

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t len = 0;
    if (is_space_at(s, i, &len)) {
      i += len;
      continue;
    }
    if (!is_word_at(s, i, &len)) {
      // One punctuation mark (a whole UTF-8 character).
      if (static_cast<unsigned char>(s[i]) >= 0x80) text::decode_utf8(s, i, &len);
      out.push_back({{i, i + len}, false, false, false});
      i += len;
      continue;
    }
    std::size_t start = i;
    i += len;
    while (i < s.size()) {
      if (is_word_at(s, i, &len)) {
        i += len;
        continue;
      }
      std::size_t next = 0;
      char c = s[i];
      bool joins = false;
      if (c == '-' || c == '.' || c == ',') {
        joins = is_word_at(s, i + 1, &next);
        if (c == ',') joins = joins && is_ascii_digit(s[i - 1]) && is_ascii_digit(s[i + 1]);
        if (c == '.' && joins) {
          // Inside numbers (3.5) and dotted initials (U.S), not between sentences' words.
          bool digits = is_ascii_digit(s[i - 1]) && is_ascii_digit(s[i + 1]);
          bool initial = (i - start == 1 || (i >= start + 2 && s[i - 2] == '.')) && is_ascii_letter(s[i - 1]) &&
                         is_ascii_letter(s[i + 1]) && (i + 2 >= s.size() || !is_ascii_letter(s[i + 2]));
          joins = digits || initial;
        }
        if (joins) {
          i += 1;
          continue;
        }
        if (c == '.' && dotted_initials(s.substr(start, i - start))) {
          i += 1;  // the final dot of U.S.
          continue;
        }
        break;
      }
      std::size_t alen = 0;
      if (is_apostrophe_at(s, i, &alen) && is_word_at(s, i + alen, &next)) {
        i += alen;
        continue;
      }
      break;
    }
    std::string_view w = s.substr(start, i - start);
    Token t{{start, i}, true, is_upper(w[0]), false};
    // The acronym test ignores a possessive (NATO's, U.S.'s).
    for (std::string_view pos : {std::string_view("'s"), std::string_view("\xE2\x80\x99s")}) {
      if (w.size() > pos.size() && w.substr(w.size() - pos.size()) == pos) w.remove_suffix(pos.size());
    }
    std::size_t letters = 0, uppers = 0;
    for (char c : w) {
      if (is_ascii_letter(c)) ++letters;
      if (is_upper(c)) ++uppers;
    }
    bool plural_acronym = letters >= 3 && uppers == letters - 1 && w.back() == 's';  // SLBMs, NGOs
    t.is_acronym = (letters >= 2 && uppers == letters) || plural_acronym || (w.size() >= 4 && w.back() == '.');
    out.push_back(t);
  }
  return out;
}

namespace {

const std::unordered_map<std::string, std::string>& irregular_plurals() {
  static const std::unordered_map<std::string, std::string> table = [] {
    std::unordered_map<std::string, std::string> t;
    std::string_view data = embedded::english_irregular_plurals();
    while (!data.empty()) {
      std::size_t nl = data.find('\n');
      std::string_view line = data.substr(0, nl);
      data = nl == std::string_view::npos ? std::string_view{} : data.substr(nl + 1);
      if (line.empty() || line[0] == '#') continue;
      std::size_t tab = line.find('\t');
      if (tab == std::string_view::npos) {
        throw InternalError("english/data/irregular_plurals.tsv: expected plural<TAB>singular in \"" +
                            std::string(line) + "\"");
      }
      t.emplace(std::string(line.substr(0, tab)), std::string(line.substr(tab + 1)));
    }
    return t;
  }();
  return table;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Singular of a lower-case word.
std::string singular(std::string w) {
  const auto& irregular = irregular_plurals();
  auto it = irregular.find(w);
  if (it != irregular.end()) return it->second;
  if (w.size() <= 3 || w.back() != 's') return w;
  if (ends_with(w, "ss") || ends_with(w, "us") || ends_with(w, "is") || ends_with(w, "'s")) return w;
  if (ends_with(w, "ies") && w.size() > 4) return w.substr(0, w.size() - 3) + "y";
  if (ends_with(w, "sses") || ends_with(w, "xes") || ends_with(w, "ches") || ends_with(w, "shes") ||
      ends_with(w, "zes")) {
    return w.substr(0, w.size() - 2);
  }
  return w.substr(0, w.size() - 1);
}

}  // namespace

std::string term_key(std::string_view phrase) {
  std::vector<std::string> parts;
  for (const Token& t : tokenize(phrase)) {
    if (!t.is_word) continue;
    std::string_view w = phrase.substr(t.span.byte_begin, t.span.byte_count());
    // Possessive: 's or ’s at the end, or a lone apostrophe after a plural's s.
    if (ends_with(w, "'s") && w.size() > 2) {
      w.remove_suffix(2);
    } else if (ends_with(w, "\xE2\x80\x99s") && w.size() > 4) {
      w.remove_suffix(4);
    }
    std::string word;
    bool acronym = t.is_acronym;
    std::size_t uppers = 0, letters = 0;
    for (std::size_t k = 0; k < w.size(); ++k) {
      char c = w[k];
      if (c == '.' && k > 0 && is_ascii_letter(w[k - 1])) continue;  // U.S. → US, but 3.5 stays
      if (is_ascii_letter(c)) ++letters;
      if (is_upper(c)) ++uppers;
      word.push_back(c);
    }
    // A plural acronym (SLBMs, NGOs): capitals and a final lower-case s.
    if (letters >= 3 && uppers == letters - 1 && word.back() == 's') {
      word.pop_back();
      acronym = true;
    }
    std::string piece;
    for (std::size_t i = 0; i <= word.size(); ++i) {
      if (i == word.size() || word[i] == '-') {
        if (!piece.empty()) parts.push_back(acronym ? piece : singular(piece));
        piece.clear();
      } else {
        piece.push_back(lower(word[i]));
      }
    }
  }
  if (parts.size() > 1 && (parts[0] == "the" || parts[0] == "a" || parts[0] == "an")) parts.erase(parts.begin());
  std::string key;
  for (const auto& p : parts) {
    if (!key.empty()) key.push_back(' ');
    key += p;
  }
  return key;
}

}  // namespace koterm::english
