#include "korean/analyze.h"

#include <array>

#include "korean/hanja.h"
#include "korean/lexicon.h"
#include "text/utf8.h"

namespace koterm::korean {

using detail::Lexicon;

const char* tail_kind_name(TailKind kind) {
  switch (kind) {
    case TailKind::none: return "none";
    case TailKind::particle: return "particle";
    case TailKind::copula: return "copula";
    case TailKind::verb: return "verb";
    case TailKind::noun_suffix: return "noun_suffix";
    case TailKind::other: return "other";
  }
  return "other";
}

namespace {

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x00A0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}
bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_latin(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7);
}
// Characters a noun stem is made of: hangul, Latin letters, digits, hanja.
bool is_word_char(char32_t c) {
  return detail::is_syllable(c) || is_latin(c) || is_digit(c) || text::is_hanja(c);
}

struct Char {
  char32_t cp;
  std::size_t byte;  // offset in the eojeol
};

// The eojeol's characters, decoded once. Eojeols longer than the buffer are analysed on
// their first k_max_chars characters (their stem then runs to there at most).
constexpr std::size_t k_max_chars = 64;
struct Decoded {
  std::array<Char, k_max_chars + 1> chars;  // one past the end holds the end offset
  std::size_t count = 0;
};

void decode(std::string_view eojeol, Decoded& d) {
  d.count = 0;
  std::size_t i = 0;
  while (i < eojeol.size() && d.count < k_max_chars) {
    std::size_t len = 0;
    char32_t c = text::decode_utf8(eojeol, i, &len);
    d.chars[d.count++] = {c, i};
    i += len;
  }
  d.chars[d.count] = {0, i};
}

struct HangulResult {
  std::size_t stem_len;  // syllables of the hangul part that belong to the stem
  TailKind kind;
};

bool has_past_or_existence(char32_t c) {
  if (!detail::is_syllable(c)) return false;
  unsigned f = detail::final_consonant(c);
  return f == detail::k_final_ssangsieut || f == detail::k_final_bieup_sieut;
}

// Whether a compound-ending noun of nouns.tsv ends at `end` (exclusive) of `h` and starts
// before `cut`: cutting at `cut` would break it (인명피|해, 금요|일).
bool listed_noun_across(const Lexicon& lex, std::u32string_view h, std::size_t cut, std::size_t end) {
  for (std::size_t len = 2; len <= 4 && len <= end; ++len) {
    std::size_t begin = end - len;
    if (begin >= cut) continue;
    if (lex.compound_nouns.count(h.substr(begin, len))) return true;
  }
  return false;
}

bool ends_with_any(const detail::U32Set& set, std::size_t max_len, std::u32string_view h) {
  std::size_t top = max_len < h.size() ? max_len : h.size() - 1;
  for (std::size_t len = top; len >= 1; --len) {
    if (set.count(h.substr(h.size() - len))) return true;
  }
  return false;
}

// Where a verb-forming suffix (하, 했, 된, 시키, 스러운 ...) starts in h[from, end) with what
// follows it up to `end` being a plausible ending; npos when none. `noun_like` asks for a
// stem before it that can be a noun (two syllables or a listed one-syllable noun, not an
// adjective root, no past-tense syllable).
struct VerbSplit {
  std::size_t at = std::u32string_view::npos;
  bool shape_only = false;     // the shape of a verb was found, but its stem is no noun
  bool shape_inside = false;   // ... with an ending after the suffix (위+해서, not 북+한)
};
VerbSplit find_verb_split(const Lexicon& lex, std::u32string_view h, std::size_t from, std::size_t end) {
  VerbSplit found;
  for (std::size_t i = from; i < end; ++i) {
    for (std::size_t len = lex.max_verb_suffix; len >= 1; --len) {
      if (i + len > end) continue;
      auto it = lex.verb_suffixes.find(h.substr(i, len));
      if (it == lex.verb_suffixes.end()) continue;
      std::size_t rest = i + len;
      if (rest == end ? !it->second : !lex.verb_ending_starts.count(h[rest])) continue;
      if (i > 0 && listed_noun_across(lex, h, i, i + len)) continue;
      if (i > 0 && lex.nouns.count(h.substr(0, i + len))) continue;
      std::u32string_view stem = h.substr(0, i);
      // A verb's shape: the suffix with an ending after it (위+해서), or after a stem of two
      // syllables or more (중요+한), or another suffix (강+해); 북+한, 방+한 alone are nouns.
      if (rest < end || i >= 2 || h.substr(i, len) != U"한") found.shape_only = true;
      found.shape_inside = found.shape_inside || rest < end;
      if (i == 0) continue;
      if (i == 1 && !lex.single_syllable_nouns.count(stem)) continue;
      char32_t stem_last = stem.back();
      if (stem_last == U'아' || stem_last == U'어' || stem_last == U'워' || stem_last == U'와') continue;  // 좋아+하다
      auto nn = lex.non_nouns.find(stem);
      if (lex.xr_roots.count(stem) || lex.verb_stems.count(stem) ||
          (nn != lex.non_nouns.end() && nn->second == detail::WordClass::pronoun)) {
        continue;
      }
      bool verbal_inside = false;
      for (char32_t c : stem) verbal_inside = verbal_inside || has_past_or_existence(c);
      if (verbal_inside) continue;
      found.at = i;
      found.shape_only = false;
      return found;
    }
  }
  return found;
}

// A verb's connective followed by an auxiliary verb (남겨+진, 만들어+내, 일어+나) anywhere
// after the first syllable.
bool has_auxiliary_construction(const Lexicon& lex, std::u32string_view h) {
  for (std::size_t i = 1; i + 1 < h.size(); ++i) {
    if (lex.verb_connectives.count(h[i]) && lex.auxiliary_starts.count(h[i + 1])) return true;
  }
  return false;
}

// A verb stem followed by a nominalising or connective ending (되+기, 찾+기, 피우+지, 가지+고).
bool verb_stem_with_ending(const Lexicon& lex, std::u32string_view stem) {
  if (stem.size() < 2) return false;
  char32_t last = stem.back();
  if (last != U'기' && last != U'지' && last != U'고' && last != U'게') return false;
  return lex.verb_stems.count(stem.substr(0, stem.size() - 1)) > 0;
}

// Whether a candidate noun stem ends the way only verb forms do: a past or existence
// syllable (했, 있), a verb suffix with its ending (발표하려, 사용되거), a stem-final 하/되/으/다.
bool stem_looks_verbal(const Lexicon& lex, std::u32string_view stem) {
  for (char32_t c : stem) {
    if (has_past_or_existence(c)) return true;
  }
  if (listed_noun_across(lex, stem, stem.size() - 1, stem.size())) return false;
  char32_t last = stem.back();
  if (last == U'으' || last == U'다' || last == U'함' || last == U'됨') return true;
  if (has_auxiliary_construction(lex, stem) || verb_stem_with_ending(lex, stem)) return true;
  // 합니+다, 바랍니+다, 있습니+까: the formal ending -(스)ㅂ니.
  if (last == U'니' && stem.size() >= 2 && detail::final_consonant(stem[stem.size() - 2]) == 17) return true;
  // A verb suffix that needs an ending (발표하, 사용되, 훈련시키, 자연스럽).
  for (std::size_t len = 1; len <= lex.max_verb_suffix && len < stem.size(); ++len) {
    auto it = lex.verb_suffixes.find(stem.substr(stem.size() - len));
    if (it != lex.verb_suffixes.end() && !it->second) return true;
  }
  VerbSplit v = find_verb_split(lex, stem, 1, stem.size());
  return v.at != std::u32string_view::npos || v.shape_inside;
}

// Tails that are also verb endings: after a verb stem (가+는, 먹+은) they are not particles.
bool tail_ambiguous_with_verb(std::u32string_view tail) {
  return tail == U"은" || tail == U"는" || tail == U"을" || tail == U"이" || tail == U"나" ||
         tail == U"이나" || tail == U"도" || tail == U"면" || tail == U"고" || tail == U"서";
}

// A verb or adjective ending in ㄴ/ㄹ (본, 큰, 만날, 오실): the last syllable without its
// final consonant completes a known verb stem, possibly after the honorific 시.
bool modifier_of_known_verb(const Lexicon& lex, std::u32string_view h) {
  char32_t last = h.back();
  unsigned f = detail::final_consonant(last);
  if (!detail::is_syllable(last) || (f != 4 && f != detail::k_final_rieul)) return false;
  std::u32string base(h);
  base.back() = last - f;
  if (lex.verb_stems.count(base)) return true;
  if (base.size() >= 2 && base.back() == U'시') {
    base.pop_back();
    return lex.verb_stems.count(base) > 0;
  }
  return false;
}

// A verb in its connective form -아/-어 (먹어, 받아, 좋아, 이루어, 만들어): the syllables before
// the ending are a known verb stem (a ㄹ stem may be listed without its ㄹ: 만드 for 만들).
// Stems of one open syllable are left out: 자아, 주어, 배아 are nouns.
bool connective_of_known_verb(const Lexicon& lex, std::u32string_view h) {
  if (h.size() < 2 || (h.back() != U'아' && h.back() != U'어')) return false;
  std::u32string stem(h.substr(0, h.size() - 1));
  if (stem.size() == 1 && !detail::has_final(stem[0])) return false;
  if (lex.verb_stems.count(stem)) return true;
  if (detail::is_syllable(stem.back()) && detail::final_consonant(stem.back()) == detail::k_final_rieul) {
    stem.back() -= detail::k_final_rieul;
    return lex.verb_stems.count(stem) > 0;
  }
  return false;
}

// Analyses the hangul part `h` of an eojeol's core. `preceded` is true when Latin letters,
// digits or hanja come before it (SLBM+을, 1992+년에): then the whole of `h` may be a tail.
// Whether the copula 인 may be read at the end of `h` after the stem h[0, j): the adnominal
// copula (장관인 그는) modifies a noun after it, so punctuation right after it (`clause_end`:
// 매케인, / 매케인.) rules it out; so does an open syllable that reads no hanja before it in
// a stem of two syllables or more, which is how transliterations end (매케+인, 허리케+인,
// 스페+인: McCain, hurricane, Spain), not a noun before the copula.
bool copula_in_possible(const Lexicon& lex, std::u32string_view h, std::size_t j, bool clause_end) {
  if (clause_end) return false;
  if (j < 2) return true;
  const char32_t last = h[j - 1];
  return !detail::is_syllable(last) || detail::has_final(last) || lex.sino_korean.count(last) > 0;
}

// The copula forms that end in a verb ending of strong_endings.tsv (이거나, 이지만, 이면서,
// 이었는데): the ending alone rules out a noun, but after the copula's own 이/였 it does not.
bool copula_with_strong_ending(const detail::TailEntry& e, std::u32string_view tail) {
  return e.kind == TailKind::copula && tail.size() >= 3 && (tail[0] == U'이' || tail[0] == U'였');
}

HangulResult analyze_hangul(const Lexicon& lex, std::u32string_view h, bool preceded, char32_t before,
                            bool clause_end) {
  const std::size_t n = h.size();
  if (n == 0) return {0, TailKind::none};
  if (!preceded) {
    auto nn = lex.non_nouns.find(h);
    if (nn != lex.non_nouns.end()) return {0, TailKind::other};
    if (lex.nouns.count(h)) return {n, TailKind::none};
    bool all_units = true;
    for (char32_t c : h) all_units = all_units && lex.number_units.count(c) > 0;
    if (all_units) return {n, TailKind::none};
  }
  const bool strong_verb_end = ends_with_any(lex.strong_endings, lex.max_strong_ending, h);

  // 1. A noun followed by particles, a copula form or a noun suffix.
  const std::size_t first_j = preceded ? 0 : 1;
  std::size_t best_j = n;  // none yet
  TailKind best_kind = TailKind::none;
  bool best_listed = false;
  bool best_short_copula = false;
  bool verbal_stem_seen = false;  // a tail fitted, but only after a verb-like stem
  std::size_t start_j = n > lex.max_tail ? n - lex.max_tail : 0;
  if (start_j < first_j) start_j = first_j;
  for (std::size_t j = start_j; j < n; ++j) {
    std::u32string_view tail = h.substr(j);
    auto it = lex.tails.find(tail);
    if (it == lex.tails.end()) continue;
    const detail::TailEntry& e = it->second;
    if (strong_verb_end && !(copula_with_strong_ending(e, tail) && j >= 2)) continue;
    if (tail == U"인" && e.kind == TailKind::copula && !preceded && !copula_in_possible(lex, h, j, clause_end)) {
      continue;
    }
    char32_t prev = j > 0 ? h[j - 1] : before;
    if (!detail::attach_ok(e.attach, prev)) continue;
    if (e.after_number && !(j == 0 && is_digit(before))) continue;
    if (j == 0 && n == 1 && e.kind == TailKind::copula && is_digit(before)) continue;  // 11+일 is a date
    if (j == 0) {
      best_j = 0;
      best_kind = e.kind;
      break;
    }
    std::u32string_view stem = h.substr(0, j);
    if (!preceded && j < e.min_stem) continue;
    bool listed = lex.nouns.count(stem) > 0;
    if (!preceded && !listed) {
      auto nn = lex.non_nouns.find(stem);
      if (nn != lex.non_nouns.end() && nn->second == detail::WordClass::pronoun) {
        return {0, e.kind};
      }
      if (listed_noun_across(lex, h, j, n)) continue;
      if (stem_looks_verbal(lex, stem)) {
        verbal_stem_seen = true;
        continue;
      }
      if (lex.verb_stems.count(stem) && (e.kind == TailKind::copula || tail_ambiguous_with_verb(tail))) continue;
      if ((tail == U"다" || tail == U"야" || tail == U"서") && lex.verb_connectives.count(stem.back())) {
        continue;  // 세워+야, 먹어+서 are verb endings, not a copula or particle
      }
    }
    if (listed) {
      if (!best_listed) {
        best_j = j;
        best_kind = e.kind;
        best_listed = true;
      }
      continue;
    }
    if (best_listed) continue;
    // The longest tail wins; but a short copula form after one syllable (나+라는) gives
    // way to a longer stem (나라+는).
    if (best_j == n || (best_short_copula && j >= 2)) {
      best_j = j;
      best_kind = e.kind;
      best_short_copula = j == 1 && e.kind == TailKind::copula && e.attach == detail::Attach::vowel;
    }
  }
  if (best_j < n) {
    if (!preceded && best_kind == TailKind::noun_suffix && lex.xr_roots.count(h.substr(0, best_j))) {
      return {0, best_kind};  // 치명+적인: an adjective root, no noun
    }
    return {best_j, best_kind};
  }

  // 2. A noun followed by a verb-forming suffix (발표+했다, 사용+되는, 자연+스러운).
  VerbSplit v = find_verb_split(lex, h, preceded ? 0 : 1, n);
  if (v.at != std::u32string_view::npos) return {v.at, TailKind::verb};
  if (preceded) {
    if (v.shape_only && lex.verb_suffixes.count(h.substr(0, 1)) + lex.verb_suffixes.count(h.substr(0, 2)) > 0) {
      return {0, TailKind::verb};
    }
    for (char32_t c : h) {
      if (has_past_or_existence(c)) return {0, TailKind::verb};
    }
    return {n, TailKind::none};
  }
  if (v.shape_only) return {0, TailKind::verb};

  // 3. No noun reading with a tail: a verb form, or a bare noun.
  for (char32_t c : h) {
    if (has_past_or_existence(c)) return {0, TailKind::verb};
  }
  if (strong_verb_end || verbal_stem_seen || ends_with_any(lex.final_endings, lex.max_final_ending, h) ||
      modifier_of_known_verb(lex, h) || connective_of_known_verb(lex, h) ||
      has_auxiliary_construction(lex, h)) {
    return {0, TailKind::verb};
  }
  return {n, TailKind::none};
}

bool is_closing_quote(char32_t c) {
  return c == '\'' || c == '"' || c == 0x2019 || c == 0x201D || c == 0x300D || c == 0x300F || c == 0x300B ||
         c == 0x3009 || c == ')' || c == ']';
}

// Whether the core is followed by a closing quote or bracket and then hangul (‘한반도 평화’를).
bool quoted_before_particle(const Decoded& d, std::size_t core_end) {
  if (core_end >= d.count || !is_closing_quote(d.chars[core_end].cp)) return false;
  std::size_t k = core_end;
  while (k < d.count && is_closing_quote(d.chars[k].cp)) ++k;
  return k < d.count && detail::is_syllable(d.chars[k].cp);
}

Eojeol analyze_decoded(std::string_view eojeol, const Decoded& d, std::size_t base) {
  const Lexicon& lex = detail::lexicon();
  Eojeol out;
  out.span = {base, base + eojeol.size()};
  std::size_t k = 0;
  while (k < d.count && !is_word_char(d.chars[k].cp)) ++k;
  const std::size_t core_begin = k;
  // The core: word characters, and '.' or ',' between digits (1,000, 3.5).
  std::size_t core_end = k;
  while (core_end < d.count) {
    char32_t c = d.chars[core_end].cp;
    if (is_word_char(c)) {
      ++core_end;
    } else if ((c == '.' || c == ',') && core_end > core_begin && is_digit(d.chars[core_end - 1].cp) &&
               core_end + 1 < d.count && is_digit(d.chars[core_end + 1].cp)) {
      ++core_end;
    } else if (c == '-' && core_end > core_begin && is_latin(d.chars[core_end - 1].cp) && core_end + 1 < d.count &&
               is_latin(d.chars[core_end + 1].cp)) {
      ++core_end;  // So-ra, Jack-O-Lantern
    } else {
      break;
    }
  }
  if (core_begin == core_end) {
    out.tail = std::string(eojeol);
    out.tail_kind = out.tail.empty() ? TailKind::none : TailKind::other;
    return out;
  }
  // The hangul part after the last Latin letter, digit or hanja (and the number words
  // written against digits: 1억1천만).
  std::size_t p = core_begin;
  for (std::size_t i = core_begin; i < core_end; ++i) {
    if (!detail::is_syllable(d.chars[i].cp)) p = i + 1;
  }
  if (p > core_begin && is_digit(d.chars[p - 1].cp)) {
    while (p < core_end && lex.number_units.count(d.chars[p].cp)) ++p;
  }
  std::array<char32_t, k_max_chars> buf{};
  std::size_t hn = 0;
  for (std::size_t i = p; i < core_end; ++i) buf[hn++] = d.chars[i].cp;
  const std::u32string_view hangul(buf.data(), hn);
  bool preceded = p > core_begin;
  char32_t before = preceded ? d.chars[p - 1].cp : 0;
  // A contraction (겁니다 = 것+입니다) may be followed by punctuation (겁니다. / 걸까요?").
  if (!preceded) {
    auto c = lex.contractions.find(hangul);
    if (c != lex.contractions.end()) {
      out.stem = c->second.stem;
      out.tail = std::string(eojeol.substr(d.chars[core_begin].byte));
      out.tail_kind = c->second.kind;
      return out;
    }
  }
  HangulResult r{};
  if (!preceded && core_begin > 0 && quoted_before_particle(d, core_end) && !lex.non_nouns.count(hangul)) {
    // '진주만'의: a quoted word before a particle is a noun, without a plural 들.
    std::size_t len = hn >= 2 && hangul.back() == U'들' ? hn - 1 : hn;
    r = {len, TailKind::particle};
  } else {
    r = analyze_hangul(lex, hangul, preceded, before, core_end < d.count);
  }
  std::size_t stem_end = p + r.stem_len;
  if (stem_end > core_begin) {
    std::size_t b = d.chars[core_begin].byte;
    out.stem = std::string(eojeol.substr(b, d.chars[stem_end].byte - b));
    out.tail = std::string(eojeol.substr(d.chars[stem_end].byte));
    bool only_symbols = stem_end == core_end && !quoted_before_particle(d, core_end);
    out.tail_kind = only_symbols ? TailKind::none : r.kind;
  } else {
    out.tail = std::string(eojeol.substr(d.chars[core_begin].byte));
    out.tail_kind = r.kind == TailKind::none ? TailKind::other : r.kind;
  }
  return out;
}

}  // namespace

Eojeol analyze_eojeol(std::string_view eojeol) {
  Decoded d;
  decode(eojeol, d);
  return analyze_decoded(eojeol, d, 0);
}

std::vector<Eojeol> analyze(std::string_view sentence) {
  std::vector<Eojeol> out;
  Decoded d;
  std::size_t i = 0;
  while (i < sentence.size()) {
    std::size_t len = 0;
    char32_t c = text::decode_utf8(sentence, i, &len);
    if (is_space(c)) {
      i += len;
      continue;
    }
    std::size_t start = i;
    while (i < sentence.size()) {
      c = text::decode_utf8(sentence, i, &len);
      if (is_space(c)) break;
      i += len;
    }
    std::string_view word = sentence.substr(start, i - start);
    decode(word, d);
    out.push_back(analyze_decoded(word, d, start));
  }
  return out;
}

std::string stem_of(std::string_view eojeol) { return analyze_eojeol(eojeol).stem; }

std::string term_key(std::string_view phrase) {
  std::vector<Eojeol> words = analyze(phrase);
  const Lexicon& lex = detail::lexicon();
  std::string key;
  for (std::size_t w = 0; w < words.size(); ++w) {
    std::string_view piece = phrase.substr(words[w].span.byte_begin, words[w].span.byte_count());
    const Eojeol& e = words[w];
    if (w + 1 == words.size() && !e.stem.empty() &&
        (e.tail_kind == TailKind::particle || e.tail_kind == TailKind::copula)) {
      piece = e.stem;
    }
    for (std::size_t i = 0; i < piece.size();) {
      std::size_t len = 0;
      char32_t c = text::decode_utf8(piece, i, &len);
      i += len;
      if (text::is_hanja(c)) {
        auto ab = lex.abbreviations.find(c);
        if (ab != lex.abbreviations.end()) {
          key += ab->second;
        } else {
          std::string_view reading = default_hanja_table().reading(c);
          if (reading.empty()) {
            text::append_utf8(key, c);
          } else {
            key += reading;
          }
        }
      } else if (c >= 'A' && c <= 'Z') {
        key.push_back(static_cast<char>(c - 'A' + 'a'));
      } else if (is_word_char(c)) {
        text::append_utf8(key, c);
      }
    }
  }
  return key;
}

}  // namespace koterm::korean
