#include "segment/splitter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <iterator>
#include <string>

#include "common/error.h"
#include "segment/tables.h"
#include "text/utf8.h"

namespace koterm::segment {

namespace {

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\u00A0' || (c >= U'\u2000' && c <= U'\u200B') ||
         c == U'\u202F' || c == U'\u205F' || c == U'\u3000' || c == U'\uFEFF';
}

bool is_terminator(char32_t c) {
  return c == U'.' || c == U'?' || c == U'!' || c == U'\u2026' || c == U'\u203C' ||
         c == U'\u2047' || c == U'\u2048' || c == U'\u2049' || c == U'\u3002';
}

bool is_quote_closer(char32_t c) {
  return c == U'"' || c == U'\'' || c == U'\u201D' || c == U'\u2019' || c == U'\u00BB' ||
         c == U'\u300D' || c == U'\u300F' || c == U'\u02DD';
}

bool is_closer(char32_t c) {
  return is_quote_closer(c) || c == U')' || c == U']' || c == U'}' || c == U'\u3009' ||
         c == U'\u300B' || c == U'\u3011';
}

bool is_opener(char32_t c) {
  return c == U'"' || c == U'\'' || c == U'\u201C' || c == U'\u2018' || c == U'(' || c == U'[' ||
         c == U'{' || c == U'\u00AB' || c == U'\u300C' || c == U'\u300E' || c == U'\u3008' ||
         c == U'\u300A' || c == U'\u3010' || c == U'\u02DD';
}

bool is_lower(char32_t c) { return u_islower(static_cast<UChar32>(c)) != 0; }

// Code point at byte `at` and its length.
char32_t at(std::string_view s, std::size_t i, std::size_t* len) {
  return text::decode_utf8(s, i, len);
}

// Start of the code point that ends just before byte `i` (i > 0).
std::size_t prev_start(std::string_view s, std::size_t i) {
  std::size_t j = i - 1;
  while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j;
  return j;
}

char32_t before(std::string_view s, std::size_t i) {
  std::size_t len = 0;
  return at(s, prev_start(s, i), &len);
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (i < s.size()) {
    std::size_t len = 0;
    if (!is_space(at(s, i, &len))) break;
    i += len;
  }
  return i;
}

std::size_t back_over_spaces(std::string_view s, std::size_t i, std::size_t floor) {
  while (i > floor && is_space(before(s, i))) i = prev_start(s, i);
  return i;
}

std::size_t word_end(std::string_view s, std::size_t i) {
  while (i < s.size()) {
    std::size_t len = 0;
    if (is_space(at(s, i, &len))) break;
    i += len;
  }
  return i;
}

// The word that ends at byte `end`, without opening brackets and quotes before it.
std::string_view word_before(std::string_view s, std::size_t end) {
  std::size_t b = end;
  while (b > 0 && !is_space(before(s, b))) b = prev_start(s, b);
  while (b < end) {
    std::size_t len = 0;
    if (!is_opener(at(s, b, &len))) break;
    b += len;
  }
  return s.substr(b, end - b);
}

// A word without the punctuation that may end it (.,?!;: and closers).
std::string_view strip_trailing_punctuation(std::string_view w) {
  std::size_t e = w.size();
  while (e > 0) {
    char32_t c = before(w, e);
    if (!(is_terminator(c) || is_closer(c) || c == U',' || c == U';' || c == U':')) break;
    e = prev_start(w, e);
  }
  return w.substr(0, e);
}

bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// "U.S" or "a.m" (letters joined by single periods; the final period is not included).
bool is_dotted_letters(std::string_view token) {
  if (token.size() < 3 || token.size() % 2 == 0) return false;
  for (std::size_t i = 0; i < token.size(); ++i)
    if (i % 2 == 0 ? !is_ascii_alpha(token[i]) : token[i] != '.') return false;
  return true;
}

}  // namespace

struct SentenceSplitter::Impl {
  text::Lang lang;
  SegmentOptions options;
  const SplitTables& tables = default_split_tables();
  std::unique_ptr<icu::BreakIterator> icu;

  // Sentence ends proposed by ICU (byte offsets after the last non-space character).
  void icu_candidates(std::string_view p, std::vector<std::size_t>& out) {
    icu::UnicodeString u =
        icu::UnicodeString::fromUTF8(icu::StringPiece(p.data(), static_cast<int32_t>(p.size())));
    std::vector<std::size_t> byte_of(static_cast<std::size_t>(u.length()) + 1, p.size());
    std::size_t byte = 0;
    for (int32_t k = 0; k < u.length();) {
      byte_of[static_cast<std::size_t>(k)] = byte;
      std::size_t len = 0;
      text::decode_utf8(p, byte, &len);
      byte += len;
      k += U16_IS_LEAD(u.charAt(k)) && k + 1 < u.length() ? 2 : 1;
    }
    icu->setText(u);
    for (int32_t k = icu->next(); k != icu::BreakIterator::DONE && k < u.length(); k = icu->next())
      out.push_back(back_over_spaces(p, byte_of[static_cast<std::size_t>(k)], 0));
  }

  // Ends of every run of terminators and closers that a space follows.
  static void own_candidates(std::string_view p, std::vector<std::size_t>& out) {
    std::size_t i = 0;
    while (i < p.size()) {
      std::size_t len = 0;
      char32_t c = at(p, i, &len);
      if (!is_terminator(c)) {
        i += len;
        continue;
      }
      std::size_t e = i + len;
      while (e < p.size() && is_terminator(at(p, e, &len))) e += len;
      while (e < p.size() && is_closer(at(p, e, &len))) e += len;
      if (e < p.size() && is_space(at(p, e, &len))) out.push_back(e);
      i = e;
    }
  }

  // Sentence ends that no terminator marks but the text's shape does; kept without further
  // checks.
  void forced_candidates(std::string_view p, std::vector<std::size_t>& out) const {
    std::size_t i = skip_spaces(p, 0);
    std::size_t gap = 0;  // spaces before the current word
    while (i < p.size()) {
      const std::size_t e = word_end(p, i);
      const std::size_t n = skip_spaces(p, e);
      if (n >= p.size()) break;
      const std::string_view word = p.substr(i, e - i);
      std::size_t len = 0;
      const char32_t next = at(p, n, &len);
      if (ends_past_declarative(word) && (text::is_hangul_syllable(next) || is_opener(next)))
        out.push_back(e);
      else if (!word.empty() && word.back() == ',' &&
               ends_past_declarative(word.substr(0, word.size() - 1)) && text::is_hangul_syllable(next))
        out.push_back(e);  // "작전에 착수했다, 오랜 기간 ...": a comma typed for the period
      else if (is_opener(next) && tables.headline_endings_ko.find(word) != tables.headline_endings_ko.end())
        out.push_back(e);  // "파키스탄서 만날 듯 ˝미국 ...": a headline, then the article
      else if (is_date_stamp_end(word, gap))
        out.push_back(e);
      else if (lang == text::Lang::ko && !word.empty() && text::is_hangul_syllable(before(word, word.size())) &&
               starts_latin_sentence(p, n))
        out.push_back(e);
      gap = 0;
      for (std::size_t k = e; k < n; k += len) {
        at(p, k, &len);
        ++gap;
      }
      i = n;
    }
  }

  // Ends of clauses that no terminator closes but that may still end a sentence: after `:` or
  // `;`, and after a quotation that closes without a terminator (`... want ' His pleas`). Each
  // is kept only when clause_end_is_sentence_end says so.
  static void clause_candidates(std::string_view p, std::vector<std::size_t>& out) {
    std::size_t i = 0;
    while (i < p.size()) {
      std::size_t len = 0;
      const char32_t c = at(p, i, &len);
      std::size_t e = i + len;
      if (c == U':' || c == U';') {
        if (e < p.size() && is_space(at(p, e, &len))) out.push_back(e);
      } else if (is_quote_closer(c) && i > 0 && after_word(p, i)) {
        while (e < p.size() && is_closer(at(p, e, &len))) e += len;
        if (e < p.size() && is_space(at(p, e, &len))) out.push_back(e);
      }
      i = e;
    }
  }

  // Whether the mark at byte `i` follows a letter or digit, directly or after one space
  // (`want'`, `want '`), not a terminator or a comma (`someday," I said`).
  static bool after_word(std::string_view p, std::size_t i) {
    std::size_t k = i;
    if (k > 0 && is_space(before(p, k))) k = prev_start(p, k);
    return k > 0 && u_isalnum(static_cast<UChar32>(before(p, k))) != 0;
  }

  // Whether the word at `w` is a typical sentence starter ("The", "He", "I'm", "It's").
  bool starts_with_starter(std::string_view p, std::size_t w) const {
    const std::string_view core = strip_trailing_punctuation(p.substr(w, word_end(p, w) - w));
    if (tables.sentence_starters.find(core) != tables.sentence_starters.end()) return true;
    const std::size_t cut = std::min(core.find_first_of("'"), core.find("\u2019"));
    return cut != std::string_view::npos &&
           tables.sentence_starters.find(core.substr(0, cut)) != tables.sentence_starters.end();
  }

  // A clause end from clause_candidates is a sentence end when an independent sentence follows:
  //   `... box office: The vampire romance` / `... Mark Smith: “The specifics` / `... dusted; The
  //   exhibition` (a capitalised sentence starter, or an opening quote and a capital), but not
  //   after a verb of saying (`He said: "We ...`), a speaker label of at most three words
  //   (`Mike: All right.`), in a numbered dictionary sense (`2. an occasion: They might ...`) or
  //   inside a quotation (`"Hadrian: Empire and Conflict"`);
  //   `... whatever you want ' His pleas`: a quotation closed without a terminator and a
  //   capitalised sentence starter after it.
  bool clause_end_is_sentence_end(std::string_view p, std::size_t start, std::size_t b) const {
    const std::size_t n = skip_spaces(p, b);
    if (n >= p.size()) return false;
    std::size_t len = 0;
    const char32_t mark = before(p, b);
    if (mark == U':' || mark == U';') {
      const std::size_t colon = prev_start(p, b);
      if (inside_quotation(p, colon)) return false;
      std::string lower(strip_trailing_punctuation(word_before(p, colon)));
      for (char& ch : lower)
        if (is_ascii_upper(ch)) ch = static_cast<char>(ch - 'A' + 'a');
      if (tables.speech_verbs_en.matches(lower)) return false;
      std::size_t words = 0;
      for (std::size_t k = start; k < colon; k = skip_spaces(p, word_end(p, k))) ++words;
      if (words <= 3) return false;
      const std::string_view first = p.substr(start, word_end(p, start) - start);
      if (first.size() >= 2 && first.size() <= 4 && (first.back() == '.' || first.back() == ')') &&
          first.substr(0, first.size() - 1).find_first_not_of("0123456789") == std::string_view::npos)
        return false;
      std::size_t w = n;
      while (w < p.size() && is_opener(at(p, w, &len))) w += len;
      if (w > n) return w < p.size() && is_ascii_upper(p[w]);
      return starts_with_starter(p, n);
    }
    // A quotation closed without a terminator: the mark must close one opened before it (the
    // nearest quote mark at a word start, with no closing mark in between; apostrophes inside
    // words are neither).
    std::size_t q = b;
    while (q > start && is_closer(before(p, q))) q = prev_start(p, q);
    std::size_t len_q = 0;
    const char32_t quote = at(p, q, &len_q);
    const char32_t opener = quote == U'\u201D' ? U'\u201C' : quote == U'\u2019' ? U'\u2018' : quote;
    bool closes = false;
    for (std::size_t k = q; k > 0;) {
      k = prev_start(p, k);
      const char32_t c = at(p, k, &len);
      if (c != opener && c != quote) continue;
      const bool word_start = k == 0 || is_space(before(p, k)) || is_opener(before(p, k));
      const bool word_end_here = k + len >= p.size() || is_space(at(p, k + len, &len_q)) ||
                                 !u_isalnum(static_cast<UChar32>(at(p, k + len, &len_q)));
      if (c == opener && word_start && !word_end_here) {
        closes = true;
        break;
      }
      if (c == quote && !word_start && word_end_here) break;
    }
    return closes && starts_with_starter(p, n);
  }

  // "말했다", "밝혔다": a past-tense declarative (a syllable with final ㅆ before 다), which
  // ends a sentence even when the period is missing.
  static bool ends_past_declarative(std::string_view word) {
    if (word.size() < 6) return false;
    std::size_t len = 0;
    if (at(word, word.size() - 3, &len) != U'다') return false;  // 다
    const char32_t stem = at(word, word.size() - 6, &len);
    return text::is_hangul_syllable(stem) && (stem - 0xAC00) % 28 == 20;  // final ㅆ
  }

  // A scraped news list item ends with its date stamp: "... 국방개혁안 우려      2005.10" or
  // "... 점령2008.11", then the next item follows. The stamp (YYYY.MM or YYYY.MM.DD) counts
  // when it stands after a wide gap (two or more spaces) or is glued to the title.
  static bool is_date_stamp_end(std::string_view word, std::size_t gap) {
    auto digits = [&](std::size_t from, std::size_t count) {
      if (from + count > word.size()) return false;
      for (std::size_t k = from; k < from + count; ++k)
        if (word[k] < '0' || word[k] > '9') return false;
      return true;
    };
    for (std::size_t start = 0; start + 7 <= word.size(); ++start) {
      if (start > 0 && ((word[start - 1] >= '0' && word[start - 1] <= '9') || word[start - 1] == '.'))
        continue;
      std::string_view stamp = word.substr(start);
      if (!stamp.empty() && stamp.back() == '.') stamp.remove_suffix(1);
      const bool shape = (stamp.size() == 7 || stamp.size() == 10) && digits(start, 4) &&
                         stamp[4] == '.' && digits(start + 5, 2) &&
                         (stamp.size() == 7 || (stamp[7] == '.' && digits(start + 8, 2)));
      if (!shape) continue;
      const int year = std::stoi(std::string(stamp.substr(0, 4)));
      const int month = std::stoi(std::string(stamp.substr(5, 2)));
      if (year < 1900 || year > 2099 || month < 1 || month > 12) return false;
      return start > 0 || gap >= 2;
    }
    return false;
  }

  // After Korean text, a run of at least four English words opening with a capital starts a
  // new (English) sentence: "... 기입소 US plans to lift sanctions imposed on BDA".
  static bool starts_latin_sentence(std::string_view p, std::size_t w) {
    if (w >= p.size() || !is_ascii_upper(p[w])) return false;
    std::size_t words = 0;
    while (w < p.size() && words < 4) {
      const std::size_t e = word_end(p, w);
      for (std::size_t k = w; k < e; ++k)
        if (static_cast<unsigned char>(p[k]) >= 0x80) return false;
      ++words;
      w = skip_spaces(p, e);
    }
    return words >= 4;
  }

  // `sentence. " Next`: a straight (or ˝) quote mark standing alone between spaces, after an
  // odd number of the same mark, closes the quotation and the sentence before it.
  static std::size_t take_closing_quote(std::string_view p, std::size_t b, std::size_t end) {
    const std::size_t n = skip_spaces(p, b);
    if (n == b || n >= end) return b;
    std::size_t len = 0;
    const char32_t q = at(p, n, &len);
    if (q != U'"' && q != U'\u02DD') return b;
    const std::size_t after = n + len;
    if (after >= p.size() || !is_space(at(p, after, &len))) return b;
    std::size_t count = 0;
    for (std::size_t k = 0; k < n; k += len)
      if (at(p, k, &len) == q) ++count;
    return count % 2 == 1 ? after : b;
  }

  // Whether byte `b` lies inside a quotation that closes later in the paragraph: curly “ ”
  // pairs, or an odd number of straight double quotes before `b` and one more after it.
  static bool inside_quotation(std::string_view p, std::size_t b) {
    int curly = 0;
    std::size_t straight = 0, len = 0;
    for (std::size_t k = 0; k < b; k += len) {
      const char32_t c = at(p, k, &len);
      if (c == U'\u201C') ++curly;
      else if (c == U'\u201D' && curly > 0) --curly;
      else if (c == U'"') ++straight;
    }
    bool curly_closes = false, straight_closes = false;
    for (std::size_t k = b; k < p.size(); k += len) {
      const char32_t c = at(p, k, &len);
      if (c == U'\u201D') curly_closes = true;
      if (c == U'"') straight_closes = true;
      if (c == U'\u201C' || (c == U'"' && straight % 2 == 0)) break;
    }
    return (curly > 0 && curly_closes) || (straight % 2 == 1 && straight_closes);
  }

  // Whether the words from `from` up to the end of the clause are a short attribution of a
  // quotation ("Jack shouted." / "사장이 말했다.").
  bool is_attribution(std::string_view p, std::size_t from, bool korean) const {
    std::size_t limit = korean ? 5 : 4;
    std::size_t words = 0;
    std::string_view last;
    std::size_t i = from;
    while (i < p.size() && words <= limit) {
      std::size_t e = word_end(p, i);
      last = p.substr(i, e - i);
      ++words;
      std::size_t len = 0;
      bool ends_clause = !last.empty() && (is_terminator(before(last, last.size())) ||
                                           (is_closer(before(last, last.size())) &&
                                            last.find_first_of(".?!") != std::string_view::npos));
      i = skip_spaces(p, e);
      if (ends_clause || i >= p.size()) break;
      (void)len;
    }
    if (words == 0 || words > limit) return false;
    std::string_view verb = strip_trailing_punctuation(last);
    if (korean) return tables.speech_verbs_ko.matches(verb);
    std::string lower(verb);
    for (char& ch : lower)
      if (is_ascii_upper(ch)) ch = static_cast<char>(ch - 'A' + 'a');
    return tables.speech_verbs_en.matches(lower);
  }

  // Whether a verb of saying stands among the first three words from `from` ("he said in a
  // news conference", "said the minister", "the man answered as he rowed away").
  bool attribution_follows(std::string_view p, std::size_t from) const {
    std::size_t i = from;
    for (int words = 0; words < 3 && i < p.size(); ++words) {
      const std::size_t e = word_end(p, i);
      std::string lower(strip_trailing_punctuation(p.substr(i, e - i)));
      for (char& ch : lower)
        if (is_ascii_upper(ch)) ch = static_cast<char>(ch - 'A' + 'a');
      if (tables.speech_verbs_en.matches(lower)) return true;
      i = skip_spaces(p, e);
    }
    return false;
  }

  // A heading glued to the sentence that opens by repeating it ("Testosterone Testosterone,
  // produced naturally ..."): up to four words, the first capitalised, with no punctuation,
  // followed at once by the same words. Returns where the heading ends, or `start` when the
  // sentence from `start` to `end` does not open that way.
  static std::size_t repeated_heading_end(std::string_view p, std::size_t start, std::size_t end) {
    std::size_t len = 0;
    if (start >= end || u_isupper(static_cast<UChar32>(at(p, start, &len))) == 0) return start;
    std::vector<std::string_view> words;
    for (std::size_t i = start; i < end && words.size() < 8;) {
      const std::size_t e = std::min(word_end(p, i), end);
      words.push_back(p.substr(i, e - i));
      i = skip_spaces(p, e);
    }
    for (std::size_t k = 1; k <= 4 && 2 * k < words.size(); ++k) {
      bool plain = true;
      for (std::size_t w = 0; w < k && plain; ++w)
        for (std::size_t c = 0; c < words[w].size() && plain; c += len)
          plain = u_isalnum(static_cast<UChar32>(at(words[w], c, &len))) != 0 || words[w][c] == '-';
      if (!plain) break;
      bool same = true;
      for (std::size_t w = 0; w < k && same; ++w)
        same = (w + 1 < k ? words[k + w] : strip_trailing_punctuation(words[k + w])) == words[w];
      if (same) return static_cast<std::size_t>(words[k - 1].data() + words[k - 1].size() - p.data());
    }
    return start;
  }

  const AbbreviationKind* abbreviation(std::string_view token, AbbreviationKind* scratch) const {
    std::string key(token);
    key += '.';
    auto it = tables.abbreviations.find(key);
    if (it != tables.abbreviations.end()) return &it->second;
    if ((token.size() == 1 && is_ascii_upper(token[0])) || is_dotted_letters(token)) {
      *scratch = AbbreviationKind::ordinary;
      return scratch;
    }
    return nullptr;
  }

  // Whether the candidate sentence end `b` is a real one.
  bool keep(std::string_view p, std::size_t start, std::size_t b, bool from_icu) const {
    std::size_t q = b;
    bool quote_closed = false, closed = false;
    while (q > 0 && is_closer(before(p, q))) {
      closed = true;
      if (is_quote_closer(before(p, q))) quote_closed = true;
      q = prev_start(p, q);
    }
    std::size_t t = q;
    while (t > 0 && is_terminator(before(p, t))) t = prev_start(p, t);
    if (t == q) return from_icu;  // not after a terminator: ICU's own reasons
    const std::string_view term = p.substr(t, q - t);
    const std::size_t n = skip_spaces(p, b);
    if (n >= p.size()) return false;
    std::size_t len = 0;
    const char32_t next = at(p, n, &len);
    const bool has_space = n > b;
    const std::string_view next_word = p.substr(n, word_end(p, n) - n);

    if (!has_space) {
      // "...했다."라고 / "Why?"he: a quotation that goes straight on.
      if (closed && (text::is_hangul_syllable(next) || u_isalpha(static_cast<UChar32>(next))))
        return false;
      // "한다.그는": a Korean sentence end that lost its space.
      if (term == "." && t > 0 && text::is_hangul_syllable(before(p, t)) && text::is_hangul_syllable(next))
        return from_icu;
      // Never between a terminator and the marks that close it.
      if (is_closer(next)) return false;
      // "article.asp?cat=2", "Yahoo!Japan": inside a token.
      if (u_isalnum(static_cast<UChar32>(next))) return false;
      return from_icu;
    }
    // "했다. ." : a stray mark belongs to the sentence before it.
    if (is_terminator(next)) return false;
    if (options.keep_quotations && inside_quotation(p, b)) return false;
    const bool hangul_next = text::is_hangul_syllable(next);
    if (quote_closed) {
      if (hangul_next && tables.quote_endings_ko.matches(next_word)) return false;
      // `"Why?" asked John`, `"Head Scarf?" or "Prophet Muhammad?"`: after a question or an
      // exclamation a small letter goes on with the sentence. A period closes it, unless an
      // attribution follows (`"Yes." he said`): mid-sentence a quotation ends in a comma.
      if (is_lower(next)) return term == "." && !attribution_follows(p, n);
      if (is_attribution(p, n, lang == text::Lang::ko || hangul_next)) return false;
    }
    const bool ellipsis = term.find("\u2026") != std::string_view::npos || term.find("..") != std::string_view::npos;
    if (ellipsis) {
      if (is_lower(next)) return false;
      // "Expects Cooperation... North Korea Must Come": a pause inside a quotation.
      if (!quote_closed && inside_quotation(p, b)) return false;
      return quote_closed || from_icu;
    }
    if (term == "." && !closed) {
      AbbreviationKind scratch{};
      std::string_view token = word_before(p, t);
      // "3. Arginine ...": a list number opening its sentence.
      if (token.data() == p.data() + start && !token.empty() && token.size() <= 3 &&
          token.find_first_not_of("0123456789") == std::string_view::npos)
        return false;
      // "Korea-U.S." / "EU/U.S.": the abbreviation is the last part of a compound.
      std::size_t joint = token.find_last_of("-/");
      if (joint != std::string_view::npos) token.remove_prefix(joint + 1);
      const AbbreviationKind* kind = abbreviation(token, &scratch);
      if (kind != nullptr) {
        if (*kind == AbbreviationKind::title) return false;
        std::size_t w = n;
        bool opened = false;
        while (w < p.size() && is_opener(at(p, w, &len))) {
          opened = true;
          w += len;
        }
        if (opened) return true;
        std::string_view core = strip_trailing_punctuation(p.substr(w, word_end(p, w) - w));
        if (tables.sentence_starters.find(core) != tables.sentence_starters.end()) return true;
        // "I'm", "It's", "We'll": a starter with a contraction.
        const std::size_t apostrophe = core.find_first_of("'");
        const std::size_t curly = core.find("\u2019");
        const std::size_t cut = std::min(apostrophe, curly);
        return cut != std::string_view::npos &&
               tables.sentence_starters.find(core.substr(0, cut)) != tables.sentence_starters.end();
      }
    }
    return true;
  }
};

SentenceSplitter::SentenceSplitter(text::Lang lang, const SegmentOptions& options)
    : impl_(std::make_unique<Impl>()) {
  impl_->lang = lang;
  impl_->options = options;
  UErrorCode status = U_ZERO_ERROR;
  impl_->icu.reset(icu::BreakIterator::createSentenceInstance(
      icu::Locale(lang == text::Lang::ko ? "ko" : "en"), status));
  if (U_FAILURE(status) || !impl_->icu)
    throw InternalError(std::string("ICU sentence break iterator unavailable: ") + u_errorName(status));
}

SentenceSplitter::~SentenceSplitter() = default;

void SentenceSplitter::push_sentence(std::vector<text::Span>& out, std::string_view p, std::size_t begin,
                                     std::size_t end) const {
  if (impl_->options.use_rules) {
    const std::size_t heading = Impl::repeated_heading_end(p, begin, end);
    if (heading > begin) {
      out.push_back({begin, heading});
      begin = skip_spaces(p, heading);
    }
  }
  out.push_back({begin, end});
}

std::vector<text::Span> SentenceSplitter::split(std::string_view p) {
  std::vector<text::Span> out;
  std::size_t begin = skip_spaces(p, 0);
  std::size_t end = back_over_spaces(p, p.size(), begin);
  if (begin >= end) return out;
  std::vector<std::size_t> icu_ends, own_ends, forced, clause_ends;
  impl_->icu_candidates(p, icu_ends);
  if (impl_->options.use_rules) {
    Impl::own_candidates(p, own_ends);
    impl_->forced_candidates(p, forced);
    Impl::clause_candidates(p, clause_ends);
  }
  std::vector<std::size_t> all;
  std::merge(icu_ends.begin(), icu_ends.end(), own_ends.begin(), own_ends.end(), std::back_inserter(all));
  all.insert(all.end(), forced.begin(), forced.end());
  all.insert(all.end(), clause_ends.begin(), clause_ends.end());
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  std::size_t start = begin;
  for (std::size_t b : all) {
    if (b <= start || b >= end) continue;
    const bool from_icu = std::binary_search(icu_ends.begin(), icu_ends.end(), b);
    const bool is_forced = std::binary_search(forced.begin(), forced.end(), b);
    const bool is_clause = std::binary_search(clause_ends.begin(), clause_ends.end(), b) &&
                           !from_icu && !std::binary_search(own_ends.begin(), own_ends.end(), b);
    if (impl_->options.use_rules && !is_forced) {
      if (is_clause ? !impl_->clause_end_is_sentence_end(p, start, b) : !impl_->keep(p, start, b, from_icu))
        continue;
    }
    if (impl_->options.use_rules) b = impl_->take_closing_quote(p, b, end);
    if (b <= start || b >= end) continue;
    push_sentence(out, p, start, b);
    start = skip_spaces(p, b);
  }
  if (start < end) push_sentence(out, p, start, end);
  return out;
}

}  // namespace koterm::segment
