#include "terms/words.h"

#include <algorithm>

#include "text/utf8.h"

namespace koterm::embedded {
std::string_view terms_en_function_words();
std::string_view terms_en_connectors();
std::string_view terms_en_abbreviations();
}  // namespace koterm::embedded

namespace koterm::terms {
namespace {

std::vector<std::string> load_word_list(std::string_view data) {
  std::vector<std::string> words;
  std::size_t pos = 0;
  while (pos < data.size()) {
    std::size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) nl = data.size();
    std::string_view line = data.substr(pos, nl - pos);
    pos = nl + 1;
    std::size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
      line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (!line.empty()) words.emplace_back(line);
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

bool contains(const std::vector<std::string>& sorted, std::string_view w) {
  return std::binary_search(sorted.begin(), sorted.end(), w,
                            [](std::string_view a, std::string_view b) { return a < b; });
}

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// A code point that belongs to a word: ASCII letters and digits, Latin letters with
// diacritics and other letters outside the punctuation and symbol blocks.
bool is_word_cp(char32_t cp) {
  if (cp < 0x80) {
    auto c = static_cast<char>(cp);
    return is_ascii_alpha(c) || is_ascii_digit(c);
  }
  if (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) return true;  // Latin-1 / Ext-A/B
  if (cp >= 0x370 && cp <= 0x52F) return true;                            // Greek, Cyrillic
  if (cp >= 0xAC00 && cp <= 0xD7A3) return true;                          // Hangul
  return false;
}

bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }

}  // namespace

const EnglishTables& EnglishTables::get() {
  static const EnglishTables tables;
  return tables;
}

EnglishTables::EnglishTables()
    : function_words_(load_word_list(embedded::terms_en_function_words())),
      connectors_(load_word_list(embedded::terms_en_connectors())),
      abbreviations_(load_word_list(embedded::terms_en_abbreviations())) {}

bool EnglishTables::is_function_word(std::string_view lower) const {
  return contains(function_words_, lower);
}
bool EnglishTables::is_connector(std::string_view lower) const {
  return contains(connectors_, lower);
}
bool EnglishTables::is_abbreviation(std::string_view with_period) const {
  return contains(abbreviations_, with_period);
}

void scan_english(std::string_view s, std::vector<EnWord>& out) {
  out.clear();
  const EnglishTables& tables = EnglishTables::get();
  std::string lower;
  bool at_sentence_start = true;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t len = 0;
    char32_t cp = text::decode_utf8(s, i, &len);
    if (!is_word_cp(cp)) {
      bool space = cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xA0;
      if (!space && !out.empty()) out.back().break_after = true;
      if (cp == '.' || cp == '?' || cp == '!' || cp == ':' || cp == '"' || cp == 0x201C)
        at_sentence_start = true;
      i += len;
      continue;
    }
    // A word: letters and digits joined by inner hyphens, periods (U.S., 12.3) and
    // apostrophes that are not a possessive.
    std::size_t begin = i;
    std::size_t end = i;
    bool possessive = false;
    while (end < s.size()) {
      std::size_t l = 0;
      char32_t c = text::decode_utf8(s, end, &l);
      if (is_word_cp(c)) {
        end += l;
        continue;
      }
      if (c == '-' || c == '.' || is_apostrophe(c)) {
        std::size_t l2 = 0;
        char32_t next = end + l < s.size() ? text::decode_utf8(s, end + l, &l2) : U' ';
        if (is_apostrophe(c) && (next == 's' || next == 'S')) {
          std::size_t after = end + l + l2;
          std::size_t l3 = 0;
          char32_t after_cp = after < s.size() ? text::decode_utf8(s, after, &l3) : U' ';
          if (!is_word_cp(after_cp)) {
            possessive = true;
            break;
          }
        }
        if (is_word_cp(next)) {
          end += l;
          continue;
        }
      }
      break;
    }
    std::string_view w = s.substr(begin, end - begin);
    // Trailing period of an abbreviation: "U.S." (letters and dots), "Sen.", "Corp.".
    bool abbreviation_period = false;
    if (end < s.size() && s[end] == '.' && !possessive) {
      std::string with_period(w);
      with_period += '.';
      bool dotted = w.size() >= 3 && w[1] == '.';
      if (dotted || tables.is_abbreviation(with_period)) {
        ++end;
        abbreviation_period = true;
        w = s.substr(begin, end - begin);
      }
    }
    EnWord word;
    word.byte_begin = static_cast<std::uint32_t>(begin);
    word.byte_end = static_cast<std::uint32_t>(end);
    std::size_t uppers = 0, letters = 0;
    for (char c : w) {
      if (is_ascii_alpha(c)) ++letters;
      if (is_ascii_upper(c)) ++uppers;
      if (is_ascii_digit(c)) word.has_digit = true;
    }
    // ASCII capitals and the Latin-1 capitals U+00C0..U+00DE (UTF-8 C3 80..C3 9E).
    word.capitalized = is_ascii_upper(w[0]) ||
                       (static_cast<unsigned char>(w[0]) == 0xC3 && w.size() > 1 &&
                        static_cast<unsigned char>(w[1]) < 0x9F);
    word.acronym = uppers >= 2 && uppers * 2 >= letters;
    lower.assign(w);
    for (char& c : lower)
      if (is_ascii_upper(c)) c = static_cast<char>(c - 'A' + 'a');
    word.function_word = tables.is_function_word(lower);
    word.connector = tables.is_connector(lower);
    word.sentence_initial = at_sentence_start;
    word.break_after = possessive;
    at_sentence_start = false;
    out.push_back(word);
    i = end;
    if (possessive) i += (s[end] == '\'' ? 1 : 3) + 1;  // the apostrophe and the "s"
    if (abbreviation_period) {
      // "U.S." may end a sentence as well; a following capitalised word then starts one.
      at_sentence_start = false;
    }
  }
}

}  // namespace koterm::terms
