#include "terms/ko_words.h"

#include "korean/analyze.h"
#include "text/utf8.h"

namespace koterm::terms {
namespace {

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x3000 ||
         (cp >= 0x2000 && cp <= 0x200B);
}

// Marks that open a quotation or a title: a run of nouns does not continue into them.
bool is_opening_mark(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == '[' || cp == 0x2018 || cp == 0x201C || cp == 0x300A ||
         cp == 0x3008 || cp == 0x300C || cp == 0x300E || cp == 0x3010 || cp == 0xFF62;
}

bool is_latin_start(std::string_view s) {
  return !s.empty() && ((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z'));
}

// The matching key of a noun stem the analysis already cut from its eojeol. A stem of
// Hangul syllables is its own key; korean::term_key would analyse it again and cut a
// second "particle" off it (매케인 -> 매케, 연방준비제도 -> 연방준비제). Stems holding hanja
// or other characters go through term_key for their readings (美 -> 미국).
std::string stem_key(std::string_view stem) {
  for (std::size_t i = 0; i < stem.size();) {
    std::size_t len = 0;
    if (!text::is_hangul_syllable(text::decode_utf8(stem, i, &len))) return korean::term_key(stem);
    i += len;
  }
  return std::string(stem);
}

// True when `s` is Latin letters, digits, spaces, hyphens and periods only.
bool all_latin(std::string_view s) {
  if (!is_latin_start(s)) return false;
  for (char c : s) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == ' ' || c == '-' || c == '.' || c == '&' || c == ',' || c == ';';
    if (!ok) return false;
  }
  return true;
}

// 사르코지, 조지: Hangul syllables ending in 지, read as a verb only for that ending, with
// none of the syllables verbs are made of before it (하지, 되지, 있지, 했지, 않지).
bool looks_like_ji_name(std::string_view eojeol) {
  std::vector<char32_t> syl;
  for (std::size_t i = 0; i < eojeol.size();) {
    std::size_t len = 0;
    const char32_t cp = text::decode_utf8(eojeol, i, &len);
    if (!text::is_hangul_syllable(cp)) return false;
    syl.push_back(cp);
    i += len;
  }
  if (syl.size() < 2 || syl.back() != U'지') return false;
  for (std::size_t k = 0; k + 1 < syl.size(); ++k) {
    const char32_t c = syl[k];
    if (c == U'하' || c == U'되' || c == U'있' || c == U'없' || c == U'않' || c == U'했' ||
        c == U'됐' || c == U'았' || c == U'었' || c == U'겠' || c == U'였' || c == U'시')
      return false;
  }
  return true;
}

// 않다, 못하다, 말다: what a verb's 지 is followed by (하지 않았다, 가지 못했다).
bool after_verb_ji(std::string_view next) {
  std::size_t len = 0;
  const char32_t cp = next.empty() ? 0 : text::decode_utf8(next, 0, &len);
  return cp == U'않' || cp == U'못' || cp == U'말' || cp == U'마';
}

}  // namespace

KoreanWords::KoreanWords() = default;
KoreanWords::~KoreanWords() = default;

const KoreanWords::Cached& KoreanWords::lookup(std::string_view eojeol) {
  auto it = cache_.find(eojeol);
  if (it != cache_.end()) return it->second;
  korean::Eojeol e = korean::analyze_eojeol(eojeol);
  Cached c;
  // A verb form (제안한, 관련된, 합의했다) is a predicate, not a term: its noun root pairs
  // with English verbs and phrases by accident.
  if (!e.stem.empty() && e.tail_kind != korean::TailKind::verb) {
    c.latin = is_latin_start(e.stem);
    c.stem = c.latin ? e.stem : stem_key(e.stem);
    c.bare = e.tail.empty();
    // "X인" read as X + copula may be a noun ending in 인 (매케인, 팔레스타인): keep that
    // reading as well; association decides between them.
    if (!c.latin && e.tail == "인" && e.tail_kind == korean::TailKind::copula &&
        text::char_count(e.stem) >= 2)
      c.alt_stem = stem_key(eojeol);
    if (!c.latin && e.tail == "다" && e.tail_kind == korean::TailKind::copula &&
        text::char_count(e.stem) >= 2 && eojeol.size() >= 3 && eojeol.substr(eojeol.size() - 3) == "다")
      c.noun_if_followed = stem_key(eojeol);
  }
  if (e.stem.empty() && e.tail_kind == korean::TailKind::verb && e.tail == eojeol &&
      looks_like_ji_name(eojeol))
    c.noun_if_followed = stem_key(eojeol);
  return cache_.emplace(std::string(eojeol), std::move(c)).first->second;
}

std::string_view KoreanWords::keep_gloss(std::string_view gloss) {
  auto it = glosses_.find(gloss);
  if (it == glosses_.end()) it = glosses_.emplace(std::string(gloss), std::string(gloss)).first;
  return it->second;
}

void KoreanWords::analyze(std::string_view s, std::vector<KoWord>& out) {
  out.clear();
  std::size_t i = 0;
  std::vector<std::pair<std::size_t, const std::string*>> pending_nouns;
  auto add_word = [&](std::size_t b, std::size_t e, bool force_not_bare) {
    if (e <= b) return;
    const Cached& c = lookup(s.substr(b, e - b));
    KoWord w;
    w.byte_begin = static_cast<std::uint32_t>(b);
    w.byte_end = static_cast<std::uint32_t>(e);
    w.stem = c.stem;
    w.bare = c.bare && !force_not_bare;
    w.latin = c.latin;
    w.alt_stem = c.alt_stem;
    if (!c.noun_if_followed.empty() && !force_not_bare)
      pending_nouns.emplace_back(out.size(), &c.noun_if_followed);
    std::size_t first_len = 0;
    w.opens_quote = is_opening_mark(text::decode_utf8(s, b, &first_len));
    out.push_back(w);
  };
  while (i < s.size()) {
    std::size_t len = 0;
    char32_t cp = text::decode_utf8(s, i, &len);
    if (is_space(cp)) {
      i += len;
      continue;
    }
    // One whitespace-delimited chunk, possibly holding a parenthesised gloss.
    std::size_t b = i;
    std::size_t e = i;
    std::size_t open = std::string_view::npos;
    while (e < s.size()) {
      std::size_t l = 0;
      char32_t c = text::decode_utf8(s, e, &l);
      if (is_space(c)) break;
      // 쓰여진‘코덱스: a quotation glued to the word before it starts a word of its own.
      if (e > b && open == std::string_view::npos && c != '\'' && is_opening_mark(c)) break;
      if (c == '(' && open == std::string_view::npos) open = e;
      e += l;
    }
    if (open == std::string_view::npos) {
      add_word(b, e, false);
      i = e;
      continue;
    }
    // "X(Y)tail": X is an eojeol (not bare: the gloss interrupts any run), Y a gloss that
    // may span spaces up to the matching ")".
    std::size_t close = s.find(')', open);
    if (close == std::string_view::npos) {
      add_word(b, open, true);
      i = e;
      continue;
    }
    std::string_view inner = s.substr(open + 1, close - open - 1);
    add_word(b, open, true);
    bool has_head = open > b;
    if (all_latin(inner) && has_head) out.back().gloss = keep_gloss(inner);
    // The words inside the parentheses are eojeols of their own.
    std::size_t k = open + 1;
    while (k < close) {
      while (k < close && s[k] == ' ') ++k;
      std::size_t ke = k;
      while (ke < close && s[ke] != ' ') ++ke;
      add_word(k, ke, false);
      if (has_head && !out.empty()) out.back().in_gloss = true;
      k = ke;
    }
    if (!out.empty()) out.back().bare = false;
    i = close + 1;
    while (i < s.size()) {
      std::size_t l = 0;
      if (is_space(text::decode_utf8(s, i, &l))) break;
      i += l;
    }
  }
  // 도쿠다 시게오, 사르코지 대통령: the word goes on to another word, so it was a noun.
  for (const auto& [at, noun] : pending_nouns) {
    if (at + 1 >= out.size()) continue;
    const KoWord& next = out[at + 1];
    if (after_verb_ji(s.substr(next.byte_begin, next.byte_end - next.byte_begin))) continue;
    out[at].stem = *noun;
    out[at].bare = true;
  }
}

}  // namespace koterm::terms
