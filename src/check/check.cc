#include "check/check.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <deque>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "batch/runner.h"
#include "check/match.h"
#include "common/data_lines.h"
#include "common/error.h"
#include "english/tokens.h"
#include "korean/analyze.h"
#include "names/names.h"
#include "terms/candidates.h"
#include "terms/extract.h"
#include "terms/kinds.h"
#include "terms/ko_words.h"
#include "terms/words.h"
#include "text/utf8.h"

namespace koterm::embedded {
std::string_view check_weak_words();
std::string_view check_anaphora();
std::string_view check_ko_cases();
std::string_view check_metonyms();
}  // namespace koterm::embedded

namespace koterm::check {

void CheckOptions::validate() const {
  if (!(min_candidate_score >= 0.0 && min_candidate_score <= 1.0))
    throw UsageError("--min-entry-score must be between 0 and 1");
  if (min_term_syllables < 2 || min_term_syllables > 20)
    throw UsageError("--min-term-syllables must be between 2 and 20");
  if (!(min_bead_confidence >= 0.0 && min_bead_confidence <= 1.0))
    throw UsageError("--min-bead-confidence must be between 0 and 1");
  if (!(uncertain_bead_confidence >= 0.0 && uncertain_bead_confidence <= 1.0))
    throw UsageError("the confidence below which a bead is uncertain must be between 0 and 1");
  if (!(partial_length_ratio >= 0.0 && partial_length_ratio <= 1.0))
    throw UsageError("the length ratio of a partial translation must be between 0 and 1");
  if (!(min_name_score > 0.0 && min_name_score <= 1.0))
    throw UsageError("--min-name-score must be above 0 and at most 1");
  if (threads > 1024) throw UsageError("--threads must be between 1 and 1024");
}

namespace {

using glossary::TermStatus;

bool is_headline(text::Zone z) { return z == text::Zone::headline || z == text::Zone::subheadline; }

bool all_hangul(std::string_view s) {
  if (s.empty()) return false;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    char32_t cp = text::decode_utf8(s, i, &len);
    if (!text::is_hangul_syllable(cp)) return false;
    i += len;
  }
  return true;
}

std::vector<std::string_view> split_spaces(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

std::unordered_set<std::string> load_weak_words() {
  std::unordered_set<std::string> out;
  for (std::string_view line : data_lines(embedded::check_weak_words())) {
    out.emplace(line);
  }
  return out;
}

// How an English word may stand for a term (data/anaphora.tsv): a pronoun in one
// grammatical use, or the head of a description.
enum class WordUse { subject, object, possessive, head };

std::optional<WordUse> word_use_from(std::string_view s) {
  if (s == "subject") return WordUse::subject;
  if (s == "object") return WordUse::object;
  if (s == "possessive") return WordUse::possessive;
  if (s == "head") return WordUse::head;
  return std::nullopt;
}

std::uint32_t kind_bit(glossary::Kind k) { return 1U << static_cast<unsigned>(k); }

// word -> (kinds it fits, use), from data/anaphora.tsv.
using AnaphoraTable = std::map<std::string, std::vector<std::pair<std::uint32_t, WordUse>>, std::less<>>;

AnaphoraTable load_anaphora() {
  AnaphoraTable out;
  std::size_t n = 0;
  for (std::string_view line : data_lines(embedded::check_anaphora())) {
    ++n;
    std::size_t t1 = line.find('\t');
    std::size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos)
      throw InternalError("src/check/data/anaphora.tsv: record " + std::to_string(n) +
                          ": expected 3 TAB-separated columns");
    std::uint32_t kinds = 0;
    std::string_view ks = line.substr(0, t1);
    while (!ks.empty()) {
      std::size_t comma = ks.find(',');
      std::optional<glossary::Kind> k = glossary::kind_from(ks.substr(0, comma));
      if (!k) throw InternalError("src/check/data/anaphora.tsv: record " + std::to_string(n) + ": unknown kind");
      kinds |= kind_bit(*k);
      ks = comma == std::string_view::npos ? std::string_view() : ks.substr(comma + 1);
    }
    std::optional<WordUse> use = word_use_from(line.substr(t1 + 1, t2 - t1 - 1));
    if (!use) throw InternalError("src/check/data/anaphora.tsv: record " + std::to_string(n) + ": unknown use");
    for (std::string_view w : split_spaces(line.substr(t2 + 1))) out[std::string(w)].push_back({kinds, *use});
  }
  return out;
}

// What a Korean particle says of the term it follows (data/ko-cases.tsv).
struct KoCase {
  std::string particle;
  WordUse use = WordUse::subject;
  bool locative = false;  // a particle of places and things
};

// The particles, longest first.
std::vector<KoCase> load_ko_cases() {
  std::vector<KoCase> out;
  std::size_t n = 0;
  for (std::string_view line : data_lines(embedded::check_ko_cases())) {
    ++n;
    std::size_t tab = line.find('\t');
    std::size_t tab2 = tab == std::string_view::npos ? tab : line.find('\t', tab + 1);
    std::optional<WordUse> use = tab == std::string_view::npos
                                     ? std::nullopt
                                     : word_use_from(line.substr(tab + 1, tab2 == std::string_view::npos ? tab2 : tab2 - tab - 1));
    const std::string_view third = tab2 == std::string_view::npos ? std::string_view() : line.substr(tab2 + 1);
    if (!use || *use == WordUse::head || !(third.empty() || third == "locative"))
      throw InternalError("src/check/data/ko-cases.tsv: record " + std::to_string(n) +
                          ": expected a particle, a TAB, subject, object or possessive, and "
                          "optionally a TAB and \"locative\"");
    out.push_back({std::string(line.substr(0, tab)), *use, !third.empty()});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& x, const auto& y) { return x.particle.size() > y.particle.size(); });
  return out;
}

// True when the last character of `s` is a Hangul syllable (no closing quote or comma).
bool ends_in_hangul(std::string_view s) {
  std::size_t i = s.size();
  while (i > 0 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80) --i;
  if (i == 0) return false;
  std::size_t len = 0;
  return text::is_hangul_syllable(text::decode_utf8(s, i - 1, &len));
}

// Characters other than spaces: the length of a sentence for comparing the two sides.
std::size_t visible_chars(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    char32_t cp = text::decode_utf8(s, i, &len);
    if (cp != U' ' && cp != U'\t' && cp != U'\n' && cp != U'\r' && cp != U'\u3000') ++n;
    i += len;
  }
  return n;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A word with a possessive or a contracted "is" ('s or ’s) cut off: {base, true}.
std::pair<std::string_view, bool> cut_apostrophe_s(std::string_view w) {
  for (std::string_view tail : {std::string_view("'s"), std::string_view("\u2019s")})
    if (w.size() > tail.size() && w.substr(w.size() - tail.size()) == tail)
      return {w.substr(0, w.size() - tail.size()), true};
  return {w, false};
}

template <std::size_t N>
bool one_of(const std::string_view (&words)[N], std::string_view w) {
  return std::find(std::begin(words), std::end(words), w) != std::end(words);
}

// Prepositions that end the head part of an English form (Ministry | of Foreign Affairs).
constexpr std::string_view prepositions[] = {"of", "for", "to", "on", "in", "at", "by", "with", "from", "against"};
// Words that open a definite description (the agency, its president).
constexpr std::string_view determiners[] = {"the", "this", "that", "its", "his", "her", "their"};
// Words after a head that make the description a full rendering (the declaration of ...).
constexpr std::string_view postmodifiers[] = {"of", "for"};

bool is_preposition(std::string_view w) { return one_of(prepositions, w); }

// `span` of `text` without the punctuation and quotes around a word ("종전선언 → 종전선언).
text::Span trim_punctuation(std::string_view text, text::Span span) {
  static constexpr std::string_view marks[] = {"\"", "'", ",", ".", "(", ")", "[", "]", "“", "”", "‘", "’", "·", "…"};
  bool changed = true;
  while (changed && span.byte_count() > 0) {
    changed = false;
    for (std::string_view m : marks) {
      std::string_view cur = text.substr(span.byte_begin, span.byte_count());
      if (cur.size() > m.size() && cur.substr(0, m.size()) == m) {
        span.byte_begin += m.size();
        changed = true;
      }
      cur = text.substr(span.byte_begin, span.byte_count());
      if (cur.size() > m.size() && cur.substr(cur.size() - m.size()) == m) {
        span.byte_end -= m.size();
        changed = true;
      }
    }
  }
  return span;
}

// A located piece of text in one unit.
struct Located {
  std::size_t unit = 0;
  text::Span span;  // into normalized() of its side
};

// English form -> words that may stand for it (data/metonyms.tsv).
std::map<std::string, std::vector<std::string>, std::less<>> load_metonyms() {
  std::map<std::string, std::vector<std::string>, std::less<>> out;
  std::size_t n = 0;
  for (std::string_view line : data_lines(embedded::check_metonyms())) {
    ++n;
    std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos)
      throw InternalError("src/check/data/metonyms.tsv: record " + std::to_string(n) +
                          ": expected 2 TAB-separated columns");
    std::string_view rest = line.substr(tab + 1);
    auto& words = out[std::string(line.substr(0, tab))];
    while (!rest.empty()) {
      std::size_t bar = rest.find(" | ");
      words.emplace_back(rest.substr(0, bar));
      rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 3);
    }
  }
  return out;
}

bool ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Where `phrase` occurs in `text` as whole words, case-sensitively; npos when it does not.
std::size_t find_words(std::string_view text, std::string_view phrase) {
  if (phrase.empty()) return std::string_view::npos;
  for (std::size_t at = text.find(phrase); at != std::string_view::npos; at = text.find(phrase, at + 1)) {
    const std::size_t end = at + phrase.size();
    if ((at == 0 || !ascii_alnum(text[at - 1])) && (end == text.size() || !ascii_alnum(text[end]))) return at;
  }
  return std::string_view::npos;
}

// The anchors of a bead's Korean that its English should repeat whatever the wording:
// numbers of two or more digits and capitalised Latin-script words of three or more letters
// (Jolo, 2006). `shared` counts those the English holds as whole words.
struct Anchors {
  std::size_t total = 0;
  std::size_t shared = 0;
};

Anchors literal_anchors(std::string_view ko, std::string_view en) {
  Anchors out;
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < ko.size();) {
    if (!ascii_alnum(ko[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < ko.size() && ascii_alnum(ko[j])) ++j;
    std::string_view w = ko.substr(i, j - i);
    i = j;
    bool digits = true, letters = true;
    for (char c : w) {
      if (c >= '0' && c <= '9') letters = false;
      else digits = false;
    }
    const bool anchor = (digits && w.size() >= 2) || (letters && w.size() >= 3 && w[0] >= 'A' && w[0] <= 'Z');
    if (!anchor || !seen.insert(w).second) continue;
    ++out.total;
    if (find_words(en, w) != std::string_view::npos) ++out.shared;
  }
  return out;
}

}  // namespace

struct Checker::Impl {
  CheckOptions options;
  const glossary::Glossary* glossary = nullptr;
  std::optional<TermIndex> index;
  std::unordered_set<std::string> weak = load_weak_words();
  AnaphoraTable anaphora = load_anaphora();
  std::vector<KoCase> ko_cases = load_ko_cases();
  std::map<std::string, std::vector<std::string>, std::less<>> metonyms = load_metonyms();

  // Words of `en` that may stand for the term of `e` without being one of its forms: the
  // capital of a country (Paris for France) and the stand-ins of data/metonyms.tsv. As
  // written, in text order of the forms, each once.
  std::vector<std::string> metonyms_in(const glossary::Entry& e, std::string_view en) const {
    std::vector<std::string> out;
    auto add = [&](std::string_view w) {
      if (find_words(en, w) != std::string_view::npos && std::find(out.begin(), out.end(), w) == out.end())
        out.emplace_back(w);
    };
    for (const auto& v : e.variants) {
      if (v.status == TermStatus::deprecated || v.status == TermStatus::superseded) continue;
      add(terms::capital_of(v.en));
      auto it = metonyms.find(v.en);
      if (it != metonyms.end())
        for (const std::string& w : it->second) add(w);
    }
    return out;
  }

  // What the particle after a Korean term in `eojeol` (the term as written with what
  // follows it) says; nullptr when it has none or one that says nothing.
  const KoCase* ko_case(std::string_view eojeol) const {
    korean::Eojeol e = korean::analyze_eojeol(eojeol);
    if (e.tail_kind != korean::TailKind::particle) return nullptr;
    for (const KoCase& c : ko_cases)
      if (e.tail.compare(0, c.particle.size(), c.particle) == 0) return &c;
    return nullptr;
  }

  // Words of `en` (one bead's English) that may stand for the term of `e`: pronouns of its
  // kind and of the Korean term's use, when the term was mentioned before in the article or,
  // for a term that opens its Korean sentence as its subject (`topic`), when the pronoun
  // opens an English sentence; and definite descriptions whose head fits its kind or is the
  // head of one of its accepted multi-word forms (the chip for Clipper chip). A candidate
  // entry guessed to be a person whose Korean takes a locative particle is a place for
  // descriptions. As written, in text order, each once.
  std::vector<std::string> possible_renderings(const glossary::Entry& e, std::string_view en,
                                               const KoCase* ko, bool mentioned_before,
                                               bool topic,
                                               std::optional<glossary::Kind> context_kind = std::nullopt) const {
    // A candidate's kind is the extractor's guess: the Korean apposition (영국 구단인 첼시)
    // says better.
    const bool guessed = e.status == glossary::EntryStatus::candidate;
    const std::uint32_t kinds = kind_bit(guessed && context_kind ? *context_kind : e.kind);
    std::uint32_t head_kinds = kinds;
    if (ko != nullptr && ko->locative && e.kind == glossary::Kind::person && guessed && !context_kind)
      head_kinds = kind_bit(glossary::Kind::place);
    // The head of a form: its last word before a preposition (declaration to end the Korean
    // War, Ministry of Foreign Affairs), else its last word (Clipper chip).
    std::set<std::string> own_heads;
    for (const auto& v : e.variants) {
      if (v.status == TermStatus::deprecated || v.status == TermStatus::superseded) continue;
      std::vector<std::string_view> parts = split_spaces(v.en);
      if (parts.size() < 2) continue;
      std::size_t end = 1;
      while (end < parts.size() && !is_preposition(lower_ascii(parts[end]))) ++end;
      std::string head = lower_ascii(parts[end - 1]);
      if (end > 1 && head.size() >= 3 && weak.count(head) == 0) own_heads.insert(head);
    }
    std::vector<english::Token> toks = english::tokenize(en);
    auto word = [&](std::size_t i) {
      return en.substr(toks[i].span.byte_begin, toks[i].span.byte_count());
    };
    std::vector<std::string> out;
    bool sentence_start = true;  // no word yet since the start or the last . ! ?
    for (std::size_t i = 0; i < toks.size(); ++i) {
      const bool opens = sentence_start;
      if (!toks[i].is_word) {
        const std::string_view p = word(i);
        if (p == "." || p == "!" || p == "?") sentence_start = true;
        continue;
      }
      sentence_start = false;
      const std::string lw = lower_ascii(word(i));
      auto [base, cut] = cut_apostrophe_s(lw);
      // A plural head stands for the term too (the trees for Solar Tree, the agencies).
      std::string_view singular = base;
      if (singular.size() > 3 && singular.back() == 's' && singular[singular.size() - 2] != 's')
        singular.remove_suffix(1);
      bool pronoun = false, head = own_heads.count(std::string(base)) > 0 || own_heads.count(std::string(singular)) > 0;
      auto it = anaphora.find(base);
      if (it == anaphora.end()) it = anaphora.find(singular);
      if (it != anaphora.end()) {
        for (const auto& [k, u] : it->second) {
          if (u == WordUse::head) {
            if ((k & head_kinds) != 0) head = true;
          } else if (singular == base && (k & kinds) != 0 &&
                     (mentioned_before || (topic && opens && u == WordUse::subject)) &&
                     // A place taking a locative particle (베이징에, 바그다드에서) becomes
                     // "there" or a description in English, not "it".
                     (ko == nullptr || !ko->locative) &&
                     (ko == nullptr || ko->use == u) &&
                     (!cut || u == WordUse::subject)) {
            // "it's" is "it is": a subject; "its" is its own word.
            pronoun = true;
          }
        }
      }
      auto add = [&](std::string_view w) {
        if (std::find(out.begin(), out.end(), w) == out.end()) out.emplace_back(w);
      };
      if (pronoun) {
        add(word(i));
        continue;
      }
      // A description: a determiner or a possessive, at most two words, then the head in
      // lower case (a capitalised head is part of a name: the Olympic Committee), not
      // followed by "of" or "for" (the declaration of the end of the war renders the term
      // in full, in other words).
      if (!head || toks[i].capitalized) continue;
      if (i + 1 < toks.size() && toks[i + 1].is_word) {
        const std::string next = lower_ascii(word(i + 1));
        if (one_of(postmodifiers, next)) continue;
      }
      for (std::size_t back = 1; back <= 3 && back <= i; ++back) {
        const std::size_t j = i - back;
        if (!toks[j].is_word) break;
        const std::string d = lower_ascii(word(j));
        if (one_of(determiners, d) || cut_apostrophe_s(d).second) {
          const std::size_t end = toks[i].span.byte_end - (lw.size() - base.size());
          add(en.substr(toks[j].span.byte_begin, end - toks[j].span.byte_begin));
          break;
        }
      }
    }
    return out;
  }

  // Content words of an English key (weak words dropped).
  std::vector<std::string_view> content_words(std::string_view key) const {
    std::vector<std::string_view> out;
    for (std::string_view w : split_spaces(key))
      if (weak.count(std::string(w)) == 0) out.push_back(w);
    return out;
  }
  // Jaccard similarity of the content words of two keys, and how many they share.
  std::pair<double, std::size_t> similarity(std::string_view a, std::string_view b) const {
    auto wa = content_words(a), wb = content_words(b);
    std::sort(wa.begin(), wa.end());
    wa.erase(std::unique(wa.begin(), wa.end()), wa.end());
    std::sort(wb.begin(), wb.end());
    wb.erase(std::unique(wb.begin(), wb.end()), wb.end());
    std::size_t shared = 0;
    for (auto w : wa)
      if (std::binary_search(wb.begin(), wb.end(), w)) ++shared;
    std::size_t uni = wa.size() + wb.size() - shared;
    return {uni == 0 ? 0.0 : static_cast<double>(shared) / static_cast<double>(uni), shared};
  }
  // True when two English keys name the same thing in different grammatical or abbreviated
  // shape: an acronym and its expansion (ioc / international olympic committee, us / united
  // state), or one word and its derivation (france / french, iraq / iraqi, portugal /
  // portuguese).
  bool same_thing(std::string_view a, std::string_view b) const {
    auto wa = split_spaces(a), wb = split_spaces(b);
    auto acronym_of = [&](const std::vector<std::string_view>& ac, const std::vector<std::string_view>& full) {
      if (ac.size() != 1 || full.size() < 2) return false;
      std::string initials, content_initials;
      for (auto w : full) {
        initials += w.front();
        if (weak.count(std::string(w)) == 0) content_initials += w.front();
      }
      return ac[0] == initials || ac[0] == content_initials;
    };
    if (acronym_of(wa, wb) || acronym_of(wb, wa)) return true;
    if (wa.size() == 1 && wb.size() == 1) {
      std::string_view x = wa[0], y = wb[0];
      std::size_t common = 0;
      while (common < x.size() && common < y.size() && x[common] == y[common]) ++common;
      if (common >= 4 || (common >= 2 && common + 3 >= std::min(x.size(), y.size()))) return true;
    }
    return false;
  }
  // True when an English word is the form itself or a derivation of a one-word form
  // (Iraq → Iraqi, Austria → Austrian, China → Chinese).
  static bool derived_word(std::string_view word, std::string_view form) {
    if (form.size() < 4 || word.size() < 4) return false;
    std::string_view stem = form;
    // sunbathing ~ sunbathers, decided ~ decision: cut an inflection first.
    for (std::string_view suffix : {"ing", "ers", "er", "ed", "es", "s"})
      if (stem.size() >= suffix.size() + 4 && stem.substr(stem.size() - suffix.size()) == suffix) {
        stem.remove_suffix(suffix.size());
        break;
      }
    while (stem.size() > 4 && std::string_view("aeiouy").find(static_cast<char>(std::tolower(static_cast<unsigned char>(stem.back())))) != std::string_view::npos)
      stem.remove_suffix(1);
    if (word.size() < stem.size()) return false;
    for (std::size_t i = 0; i < stem.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(word[i])) != std::tolower(static_cast<unsigned char>(stem[i])))
        return false;
    return true;
  }
  // True when every content word of `shorter` is in `longer`: a short form.
  bool is_short_form_of(std::string_view shorter, std::string_view longer) const {
    auto ws = content_words(shorter), wl = content_words(longer);
    if (ws.empty() || ws.size() >= wl.size()) return false;
    for (auto w : ws)
      if (std::find(wl.begin(), wl.end(), w) == wl.end()) return false;
    return true;
  }
};

namespace {

// English forms the term extractor linked to Korean keys: claimed by that term.
using Claims = std::unordered_map<std::string, std::set<std::string>>;

// What the checks of one article (or the batch-wide checks) collect. Articles are checked
// on several threads, each with its own Run and KeyCache, and their Runs merged in article
// order, so the result never depends on the thread count.
struct Run {
  const Checker::Impl& impl;
  const std::vector<Article>& articles;
  const Claims& claims;
  KeyCache& keys;
  std::vector<Finding> findings;
  std::vector<Highlight> highlights;

  // A rendering of a Korean term somewhere: for inconsistency across a batch and ambiguity.
  struct Use {
    std::string ko_key;
    std::string en_key;
    std::size_t article = 0;
    std::size_t unit = 0;
    Occurrence occ;
    bool headline = false;
    bool from_glossary = false;
    bool firm = false;  // a decided pair (approved entry, or the anchor rendering of a term)
  };
  std::vector<Use> uses;

  std::string sentence(const Article& a, const Unit& u, bool en) const {
    const text::SourceText& src = en ? *a.en : *a.ko;
    std::string out;
    for (const text::Span& s : en ? u.en : u.ko) {
      if (!out.empty()) out += ' ';
      out.append(src.original_text(s));
    }
    return out;
  }
  Place place(std::size_t ai, std::size_t ui, bool en, text::Span span) const {
    const Article& a = articles[ai];
    const Unit& u = a.units[ui];
    const text::SourceText& src = en ? *a.en : *a.ko;
    SourcePos pos = src.position_of_normalized(span.byte_begin);
    Place p;
    p.path = src.path();
    p.line = pos.line;
    p.col = pos.col;
    p.sentence = sentence(a, u, en);
    p.zone = text::zone_name(u.zone);
    return p;
  }
  std::string text_of(std::size_t ai, bool en, text::Span span) const {
    const text::SourceText& src = en ? *articles[ai].en : *articles[ai].ko;
    return std::string(src.original_text(span));
  }
  Occurrence occurrence(std::size_t ai, std::size_t ui, text::Span ko, text::Span en,
                        bool en_found) const {
    Occurrence o;
    o.ko = text_of(ai, false, ko);
    o.en = en_found ? text_of(ai, true, en) : std::string();
    o.ko_place = place(ai, ui, false, ko);
    o.en_place = place(ai, ui, true, en);
    return o;
  }
  void highlight(std::size_t ai, bool en, text::Span span, bool flagged) {
    highlights.push_back({ai, en, span, flagged});
  }
};

// The term extractor over every unit of the batch: which English forms it links to which
// Korean terms. A form linked to another Korean term is not taken as a rendering of this one.
Claims collect_claims(const std::vector<Article>& articles, const glossary::Glossary* given,
                      KeyCache& keys, unsigned threads) {
  terms::ExtractOptions xo;
  xo.threads = threads;
  terms::Extractor x(xo, given);
  std::deque<std::string> keep;
  for (const Article& a : articles) {
    std::uint32_t doc = x.add_document(a.ko->path(), a.en->path());
    for (const Unit& u : a.units) {
      auto join = [&](const text::SourceText& src, const std::vector<text::Span>& spans) {
        std::string s;
        for (const text::Span& sp : spans) {
          if (!s.empty()) s += ' ';
          s.append(src.normalized(), sp.byte_begin, sp.byte_count());
        }
        return std::string_view(keep.emplace_back(std::move(s)));
      };
      terms::Unit tu;
      tu.ko = join(*a.ko, u.ko);
      tu.en = join(*a.en, u.en);
      tu.doc = doc;
      tu.zone = is_headline(u.zone) ? terms::UnitZone::headline : terms::UnitZone::body;
      x.add_unit(tu);
    }
  }
  glossary::Glossary g = x.finish();
  Claims claims;
  for (const glossary::Entry& e : g.terms) {
    std::string ko = korean::term_key(e.ko);
    for (const auto& v : e.variants) claims[keys.en(v.en)].insert(ko);
  }
  return claims;
}

bool claimed_by_other(const Run& run, const std::string& en_key, const std::string& ko_key) {
  auto it = run.claims.find(en_key);
  if (it == run.claims.end()) return false;
  for (const std::string& k : it->second) {
    if (k == ko_key) return false;
    // A part or a whole of this term (북핵 in 북핵협의) is the same term for this purpose.
    if (k.find(ko_key) != std::string::npos || ko_key.find(k) != std::string::npos) continue;
    return true;
  }
  return false;
}

// Two spellings of one name: the same words but for one or two letters in some of them
// (noh kyu duk / roh kyu duk), not a title or another person (senator obama / barack obama).
int edit_distance(std::string_view a, std::string_view b) {
  std::vector<int> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    int diag = row[0];
    row[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= b.size(); ++j) {
      int up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

bool spelling_variant(std::string_view a, std::string_view b) {
  auto wa = split_spaces(a), wb = split_spaces(b);
  if (wa.size() != wb.size()) return false;
  bool differs = false;
  for (std::size_t i = 0; i < wa.size(); ++i) {
    if (wa[i] == wb[i]) continue;
    int d = edit_distance(wa[i], wb[i]);
    if (d > 2 || static_cast<std::size_t>(d) * 2 > std::min(wa[i].size(), wb[i].size())) return false;
    differs = true;
  }
  return differs;
}

// ---------------------------------------------------------------- glossary checks

// An entry for a common noun: not a name, title or acronym, and every accepted English form
// in lower case (computer, venues), so that a word in front of it makes another term.
bool common_noun(const glossary::Entry& e) {
  using glossary::Kind;
  if (e.kind == Kind::person || e.kind == Kind::org || e.kind == Kind::title ||
      e.kind == Kind::place || e.kind == Kind::acronym)
    return false;
  bool any = false;
  for (const auto& v : e.variants) {
    if (v.status == TermStatus::deprecated || v.status == TermStatus::superseded) continue;
    if (v.en.empty() || !(v.en.front() >= 'a' && v.en.front() <= 'z')) return false;
    any = true;
  }
  return any;
}

// True when every accepted form of `e` is one word (information, beach).
bool one_word_forms(const glossary::Entry& e) {
  for (const auto& v : e.variants) {
    if (v.status == TermStatus::deprecated || v.status == TermStatus::superseded) continue;
    if (v.en.find_first_of(" -") != std::string::npos) return false;
  }
  return true;
}

// True when an English word of the unit ends with a one-word accepted form of `e` after a
// part of its own of at least three letters (supercomputer, counterterrorism): the rendering
// of a Korean compound that closes with the term.
bool closes_english_compound(Run& run, const Unit& u, const Article& a, const glossary::Entry& e) {
  std::vector<std::string> forms;
  for (const auto& v : e.variants) {
    if (v.status == TermStatus::deprecated || v.status == TermStatus::superseded) continue;
    const std::string& k = run.keys.en(v.en);
    if (k.size() >= 3 && k.find(' ') == std::string::npos) forms.push_back(k);
  }
  if (forms.empty()) return false;
  for (const text::Span& s : u.en) {
    std::string_view t(a.en->normalized().data() + s.byte_begin, s.byte_count());
    for (const english::Token& tok : english::tokenize(t)) {
      if (!tok.is_word) continue;
      const std::string& w = run.keys.en(t.substr(tok.span.byte_begin, tok.span.byte_count()));
      for (const std::string& f : forms) {
        if (w.size() < f.size() + 3 || w.compare(w.size() - f.size(), f.size(), f) != 0) continue;
        // The part in front is a word's worth of letters (super-, counter-), or a hyphen.
        std::size_t letters = 0;
        for (std::size_t i = 0; i < w.size() - f.size(); ++i)
          if (std::isalpha(static_cast<unsigned char>(w[i]))) ++letters;
        if (letters >= 3) return true;
      }
    }
  }
  return false;
}

struct GlossaryUse {
  std::size_t unit;
  std::size_t variant;
  Occurrence occ;
};

void check_with_glossary(Run& run, std::size_t ai) {
  const Checker::Impl& impl = run.impl;
  const glossary::Glossary& g = *impl.glossary;
  const Article& a = run.articles[ai];
  // entry -> its non-short accepted forms used in this article, by variant index.
  std::map<std::size_t, std::map<std::string, std::vector<GlossaryUse>>> used;
  // Entries whose Korean term appeared in an earlier bead: a pronoun may stand for them.
  std::set<std::size_t> mentioned;
  // Visible characters of each bead's two sides, and the article's English-to-Korean ratio.
  std::vector<std::pair<std::size_t, std::size_t>> lengths(a.units.size());
  std::size_t ko_total = 0, en_total = 0;
  for (std::size_t ui = 0; ui < a.units.size(); ++ui) {
    for (const text::Span& s : a.units[ui].ko)
      lengths[ui].first += visible_chars(std::string_view(a.ko->normalized()).substr(s.byte_begin, s.byte_count()));
    for (const text::Span& s : a.units[ui].en)
      lengths[ui].second += visible_chars(std::string_view(a.en->normalized()).substr(s.byte_begin, s.byte_count()));
    ko_total += lengths[ui].first;
    en_total += lengths[ui].second;
  }
  const double article_ratio =
      ko_total == 0 ? 0.0 : static_cast<double>(en_total) / static_cast<double>(ko_total);
  for (std::size_t ui = 0; ui < a.units.size(); ++ui) {
    const Unit& u = a.units[ui];
    if (u.confidence < impl.options.min_bead_confidence) continue;
    std::vector<KoHit> ko_hits;
    for (const text::Span& s : u.ko) {
      std::string_view t(a.ko->normalized().data() + s.byte_begin, s.byte_count());
      for (KoHit h : impl.index->find_ko(t, run.keys)) {
        h.span.byte_begin += s.byte_begin;
        h.span.byte_end += s.byte_begin;
        ko_hits.push_back(h);
      }
    }
    if (ko_hits.empty()) continue;
    std::vector<EnHit> en_hits;
    for (const text::Span& s : u.en) {
      std::string_view t(a.en->normalized().data() + s.byte_begin, s.byte_count());
      for (EnHit h : impl.index->find_en(t, run.keys)) {
        h.span.byte_begin += s.byte_begin;
        h.span.byte_end += s.byte_begin;
        en_hits.push_back(std::move(h));
      }
    }
    const text::Span en_start{u.en.front().byte_begin, u.en.front().byte_begin};
    std::set<std::size_t> done;

    // Per entry: seen as a word of its own, seen closing a longer word (수퍼컴퓨터).
    std::map<std::size_t, std::pair<bool, bool>> seen_as;
    for (const KoHit& kh : ko_hits)
      (kh.inside_word ? seen_as[kh.entry].second : seen_as[kh.entry].first) = true;
    // A longer term found instead that closes with this one (수퍼컴퓨터 over 컴퓨터) is the
    // same compound.
    for (const KoHit& outer : ko_hits)
      for (const KoHit& inner : ko_hits) {
        if (outer.entry == inner.entry) continue;
        const std::string& ok = run.keys.ko(g.terms[outer.entry].ko);
        const std::string& ik = run.keys.ko(g.terms[inner.entry].ko);
        if (ok.size() > ik.size() && ok.compare(ok.size() - ik.size(), ik.size(), ik) == 0)
          seen_as[inner.entry].second = true;
      }
    for (const KoHit& kh : ko_hits) {
      if (!done.insert(kh.entry).second) continue;
      const glossary::Entry& e = g.terms[kh.entry];
      const std::string ko_key = korean::term_key(e.ko);
      const EnHit* accepted = nullptr;
      std::size_t accepted_variant = 0;
      const EnHit* deprecated = nullptr;
      // A deprecated form that contains an accepted one ("Ministry of Foreign Affairs and
      // Trade" around "Ministry of Foreign Affairs") is the form used: the shorter accepted
      // hit inside it does not count.
      std::vector<text::Span> deprecated_spans;
      for (const EnHit& eh : en_hits)
        for (const EnForm& f : eh.forms) {
          if (f.entry != kh.entry) continue;
          TermStatus st = e.variants[f.variant].status;
          if (st == TermStatus::deprecated || st == TermStatus::superseded) deprecated_spans.push_back(eh.span);
        }
      auto inside_deprecated = [&](const text::Span& sp) {
        for (const text::Span& d : deprecated_spans)
          if (d.byte_begin <= sp.byte_begin && sp.byte_end <= d.byte_end && d.byte_count() > sp.byte_count())
            return true;
        return false;
      };
      for (const EnHit& eh : en_hits)
        for (const EnForm& f : eh.forms) {
          if (f.entry != kh.entry) continue;
          TermStatus st = e.variants[f.variant].status;
          if (st == TermStatus::deprecated || st == TermStatus::superseded) {
            if (!deprecated) deprecated = &eh;
          } else if (inside_deprecated(eh.span)) {
            continue;
          } else if (!accepted || (e.variants[accepted_variant].short_form &&
                                   !e.variants[f.variant].short_form)) {
            accepted = &eh;
            accepted_variant = f.variant;
          }
        }
      std::vector<std::string> expected;
      for (const auto& v : e.variants)
        if (v.status == TermStatus::preferred) expected.push_back(v.en);
      for (const auto& v : e.variants)
        if (v.status == TermStatus::admitted) expected.push_back(v.en);
      if (accepted) {
        run.highlight(ai, false, kh.span, false);
        run.highlight(ai, true, accepted->span, false);
        Occurrence occ = run.occurrence(ai, ui, kh.span, accepted->span, true);
        Run::Use use{ko_key, accepted->key, ai, ui, occ, is_headline(u.zone), true, true};
        if (!e.variants[accepted_variant].short_form) {
          used[kh.entry][accepted->key].push_back({ui, accepted_variant, occ});
          // Only decided pairs speak for ambiguity; candidates are guesses.
          if (e.status == glossary::EntryStatus::approved) run.uses.push_back(std::move(use));
        }
        continue;
      }
      if (deprecated) {
        Finding f;
        f.type = FindingType::deprecated;
        f.headline_only = is_headline(u.zone);
        f.article = a.id;
        f.ko = e.ko;
        f.entry_id = e.id;
        f.expected = expected;
        Occurrence occ = run.occurrence(ai, ui, kh.span, deprecated->span, true);
        f.ko_place = occ.ko_place;
        f.en_place = occ.en_place;
        f.message = "\"" + occ.en + "\" for " + e.ko + " is " +
                    (e.variants[deprecated->forms.front().variant].status == TermStatus::superseded
                         ? "superseded"
                         : "deprecated") +
                    "; use \"" + e.en + "\"";
        f.found.push_back({occ.en, {occ}});
        run.findings.push_back(std::move(f));
        run.highlight(ai, false, kh.span, true);
        run.highlight(ai, true, deprecated->span, true);
        continue;
      }
      if (seen_as[kh.entry].second) {
        // Only inside a longer word, a common noun is part of another term (수퍼컴퓨터,
        // 체조경기장, 재생에너지) whose rendering the glossary does not give; a title or a name
        // written against another word (외교부한반도평화교섭본부장) is still itself.
        if (!seen_as[kh.entry].first && common_noun(e)) continue;
        // The Korean compound rendered by an English one (supercomputer for 수퍼컴퓨터).
        if (closes_english_compound(run, u, a, e)) continue;
      }
      // A later mention by surname or by a short part of a name (Kim, Director General Noh).
      const std::string ko_stem = korean::term_key(e.ko);
      const bool is_name = e.kind == glossary::Kind::person ||
                           (e.kind == glossary::Kind::other && text::char_count(ko_stem) <= 3 &&
                            names::looks_like_korean_name(ko_stem));
      std::string en_text;
      for (const text::Span& s : u.en) {
        if (!en_text.empty()) en_text += ' ';
        en_text.append(a.en->normalized(), s.byte_begin, s.byte_count());
      }
      if (is_name) {
        bool short_mention = false;
        std::vector<english::Token> toks = english::tokenize(en_text);
        for (const auto& v : e.variants) {
          if (v.status == TermStatus::deprecated || v.status == TermStatus::superseded) continue;
          // The surname: first word (Noh Kyu-duk) or last (Sung Kim), never a hyphenated
          // given name.
          std::vector<std::string_view> parts = split_spaces(v.en);
          if (parts.size() > 2) parts.erase(parts.begin() + 1, parts.end() - 1);
          for (std::string_view part : parts) {
            if (part.size() < 2 || part.find('-') != std::string_view::npos) continue;
            for (const auto& t : toks)
              if (std::string_view(en_text).substr(t.span.byte_begin, t.span.byte_count()) == part)
                short_mention = true;
          }
        }
        if (short_mention) continue;
        // A spelling of the same name: Roh Kyu-duk for Noh Kyu-duk.
        names::NameMatcher m(korean::term_key(e.ko), names::MatchKind::korean_name);
        double best = 0;
        text::Span best_span;
        for (std::size_t i = 0; i < toks.size(); ++i) {
          if (!toks[i].capitalized) continue;
          for (std::size_t l = 1; l <= 3 && i + l <= toks.size(); ++l) {
            if (!toks[i + l - 1].is_word || !toks[i + l - 1].capitalized) break;
            text::Span sp{toks[i].span.byte_begin, toks[i + l - 1].span.byte_end};
            double s = m.score(std::string_view(en_text).substr(sp.byte_begin, sp.byte_count()));
            if (s > best) {
              best = s;
              best_span = sp;
            }
          }
        }
        // A full name (two or three words) spelt close to the glossary's: Roh Kyu-duk.
        bool close = false;
        if (best >= impl.options.min_name_score) {
          std::string found_key = english::term_key(std::string_view(en_text).substr(best_span.byte_begin, best_span.byte_count()));
          for (const auto& v : e.variants)
            if (found_key.find(' ') != std::string::npos &&
                spelling_variant(english::term_key(v.en), found_key))
              close = true;
        }
        if (close) {
          // en_text is the unit's sentences joined by one space; map back to the sentence.
          std::size_t off = best_span.byte_begin;
          text::Span abs{};
          for (const text::Span& s : u.en) {
            if (off <= s.byte_count()) {
              abs = {s.byte_begin + off, s.byte_begin + off + best_span.byte_count()};
              break;
            }
            off -= s.byte_count() + 1;
          }
          Finding f;
          f.type = FindingType::name;
          f.headline_only = is_headline(u.zone);
          f.article = a.id;
          f.ko = e.ko;
          f.entry_id = e.id;
          f.expected = expected;
          Occurrence occ = run.occurrence(ai, ui, kh.span, abs, true);
          f.ko_place = occ.ko_place;
          f.en_place = occ.en_place;
          f.message = e.ko + " is spelt \"" + occ.en + "\"; the glossary has \"" + e.en + "\"";
          f.found.push_back({occ.en, {occ}});
          run.findings.push_back(std::move(f));
          run.highlight(ai, false, kh.span, true);
          run.highlight(ai, true, abs, true);
          continue;
        }
      }
      {
        // An acronym of a form (FDA for Food and Drug Administration) or the opening words of
        // a long form (chief executive for chief executive officer) render it too; a form that
        // is only an abbreviated title (Sen.) is no rendering to expect.
        bool other_shape = false, expectable = false;
        std::vector<english::Token> toks = english::tokenize(en_text);
        std::string lower = en_text;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (const auto& v : e.variants) {
          if (v.status == TermStatus::deprecated || v.status == TermStatus::superseded) continue;
          if (!terms::EnglishTables::get().is_abbreviation(v.en)) expectable = true;
          std::vector<std::string_view> parts = split_spaces(v.en);
          std::string initials;
          for (std::string_view p : parts)
            if (p.front() >= 'A' && p.front() <= 'Z') initials += p.front();
          if (initials.size() >= 2 && parts.size() >= 2)
            for (const auto& t : toks)
              if (std::string_view(en_text).substr(t.span.byte_begin, t.span.byte_count()) == initials)
                other_shape = true;
          // Lower-case forms only: a capitalised title's opening words (Special
          // Representative) also open other titles.
          if (parts.size() >= 3 && !(parts[0].front() >= 'A' && parts[0].front() <= 'Z') &&
              !impl.weak.count(std::string(parts[0])) &&
              !impl.weak.count(std::string(parts[1]))) {
            std::string opening = std::string(parts[0]) + " " + std::string(parts[1]);
            for (char& c : opening) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (lower.find(opening) != std::string::npos) other_shape = true;
          }
        }
        if (other_shape || !expectable) continue;
      }
      {
        // A later mention by the last word of a capitalised name (the Times, Guler).
        bool last_word = false;
        std::vector<english::Token> toks = english::tokenize(en_text);
        const bool named = e.kind == glossary::Kind::person || e.kind == glossary::Kind::org;
        for (const auto& v : e.variants) {
          if (!named) break;
          if (v.status == TermStatus::deprecated || v.status == TermStatus::superseded) continue;
          std::vector<std::string_view> parts = split_spaces(v.en);
          if (parts.size() < 2 || parts.back().size() < 3) continue;
          bool capitalised = true;
          for (std::string_view p : parts)
            if (!impl.weak.count(std::string(p)) && !(p.front() >= 'A' && p.front() <= 'Z')) capitalised = false;
          if (!capitalised) continue;
          for (const auto& t : toks)
            if (std::string_view(en_text).substr(t.span.byte_begin, t.span.byte_count()) == parts.back())
              last_word = true;
        }
        if (last_word) continue;
      }
      if (e.status == glossary::EntryStatus::candidate) {
        if (e.score < impl.options.min_candidate_score) continue;
        if (e.count < impl.options.min_candidate_count) continue;
        // A term the extractor itself saw unrendered often is not expected every time.
        std::size_t links = 0;
        for (const auto& v : e.variants) links += v.count;
        if (e.count > 0 && static_cast<double>(links) < 0.7 * static_cast<double>(e.count)) continue;
      }
      {
        // A one-word form may stand as its derivation (Iraqi for Iraq), also when it is
        // written as two words (sly dialers for Slydial).
        bool derived = false;
        std::vector<english::Token> toks = english::tokenize(en_text);
        for (const auto& v : e.variants) {
          if (v.status == TermStatus::deprecated || v.status == TermStatus::superseded) continue;
          if (v.en.find(' ') != std::string::npos) continue;
          for (std::size_t i = 0; i < toks.size() && !derived; ++i) {
            const english::Token& t = toks[i];
            if (!t.is_word) continue;
            std::string word(std::string_view(en_text).substr(t.span.byte_begin, t.span.byte_count()));
            if (Checker::Impl::derived_word(word, v.en)) derived = true;
            if (i + 1 < toks.size() && toks[i + 1].is_word && word.size() < v.en.size()) {
              const english::Token& n = toks[i + 1];
              word.append(std::string_view(en_text).substr(n.span.byte_begin, n.span.byte_count()));
              if (Checker::Impl::derived_word(word, v.en)) derived = true;
            }
          }
        }
        if (derived) continue;
      }
      Finding f;
      f.type = FindingType::missing;
      f.headline_only = is_headline(u.zone);
      f.article = a.id;
      f.ko = e.ko;
      f.entry_id = e.id;
      f.expected = expected;
      Occurrence occ = run.occurrence(ai, ui, kh.span, en_start, false);
      f.ko_place = occ.ko_place;
      f.en_place = occ.en_place;
      f.message = e.ko + " has none of its English forms (\"" + e.en + "\"" +
                  (expected.size() > 1 ? " or " + std::to_string(expected.size() - 1) + " other(s)" : "") +
                  ") in the aligned English";
      // Reasons to think the term may be rendered after all, or the bead is no translation
      // of its whole Korean: the finding is uncertain.
      {
        const KoCase* ko_case = nullptr;
        bool topic = false;
        std::optional<glossary::Kind> context_kind;  // from a Korean apposition (구단인 첼시)
        std::string next_noun;  // the noun this bare term modifies, as written after it
        if (!kh.inside_word) {
          const std::string_view ko_all(a.ko->normalized());
          std::string_view ko_text = ko_all.substr(kh.span.byte_begin, kh.span.byte_count());
          std::size_t sp = ko_text.rfind(' ');
          std::string_view last = sp == std::string_view::npos ? ko_text : ko_text.substr(sp + 1);
          ko_case = impl.ko_case(last);
          // The subject among the first two words of its sentence: the sentence's topic.
          text::Span sentence = kh.span;  // the Korean sentence of the term
          for (const text::Span& s : u.ko)
            if (s.byte_begin <= kh.span.byte_begin && kh.span.byte_begin < s.byte_end) sentence = s;
          const std::string_view before =
              ko_all.substr(sentence.byte_begin, kh.span.byte_begin - sentence.byte_begin);
          topic = ko_case != nullptr && ko_case->use == WordUse::subject && sp == std::string_view::npos &&
                  split_spaces(before).size() <= 1;
          context_kind = terms::kind_from_korean_before(before);
          const std::size_t sentence_end = std::max(sentence.byte_end, kh.span.byte_end);
          if (ends_in_hangul(last) && korean::analyze_eojeol(last).tail_kind == korean::TailKind::none &&
              kh.span.byte_end < sentence_end && ko_all[kh.span.byte_end] == ' ') {
            std::string_view rest = ko_all.substr(kh.span.byte_end + 1, sentence_end - kh.span.byte_end - 1);
            std::string_view next = rest.substr(0, rest.find(' '));
            std::size_t len = 0;
            if (!next.empty() && text::is_hangul_syllable(text::decode_utf8(next, 0, &len)) &&
                !korean::analyze_eojeol(next).stem.empty())
              next_noun = std::string(next);
          }
        }
        // An accepted form in the English of the bead before or after that its own Korean
        // does not explain (more renderings there than Korean mentions), or next to a visible
        // shift of length: the content moved across beads (the translator reordered it).
        std::string neighbour;
        std::string ko_compact;
        for (char c : e.ko)
          if (c != ' ') ko_compact += c;
        for (std::size_t uj : {ui - 1, ui + 1}) {
          if (uj >= a.units.size() || !neighbour.empty()) continue;  // ui - 1 wraps at 0
          // Korean mentions as plain text, spaces aside: also inside longer words (베이징올림픽,
          // 헤즈볼라측) and longer terms (대만 중앙통신), which find_ko leaves to those.
          std::string ko_text;
          for (const text::Span& s : a.units[uj].ko)
            for (char c : std::string_view(a.ko->normalized()).substr(s.byte_begin, s.byte_count()))
              if (c != ' ') ko_text += c;
          std::size_t ko_mentions = 0;
          for (std::size_t at = ko_text.find(ko_compact); !ko_compact.empty() && at != std::string::npos;
               at = ko_text.find(ko_compact, at + ko_compact.size()))
            ++ko_mentions;
          std::vector<text::Span> renderings;  // outermost first, nested ones dropped
          for (const text::Span& s : a.units[uj].en) {
            std::string_view t(a.en->normalized().data() + s.byte_begin, s.byte_count());
            for (const EnHit& h : impl.index->find_en(t, run.keys)) {
              bool fits = false;
              for (const EnForm& ef : h.forms)
                if (ef.entry == kh.entry && e.variants[ef.variant].status != TermStatus::deprecated &&
                    e.variants[ef.variant].status != TermStatus::superseded)
                  fits = true;
              const text::Span at{s.byte_begin + h.span.byte_begin, s.byte_begin + h.span.byte_end};
              bool nested = false;
              for (const text::Span& r : renderings)
                if (r.byte_begin < at.byte_end && at.byte_begin < r.byte_end) nested = true;
              if (fits && !nested) renderings.push_back(at);
            }
          }
          // Or its Korean mentions the term too, but the content visibly moved: this bead's
          // English is short for its Korean and the neighbour's long for its own.
          auto ratio = [&](std::size_t k) {
            return lengths[k].first == 0 || article_ratio <= 0
                       ? 0.0
                       : static_cast<double>(lengths[k].second) /
                             (article_ratio * static_cast<double>(lengths[k].first));
          };
          const bool moved = ratio(ui) < impl.options.moved_short_ratio && ratio(uj) > impl.options.moved_long_ratio;
          if (renderings.size() > ko_mentions || (!renderings.empty() && moved))
            neighbour = "\"" + run.text_of(ai, true, renderings.front()) + "\" in line " +
                        std::to_string(a.en->position_of_normalized(renderings.front().byte_begin).line);
        }
        f.possible_renderings = impl.possible_renderings(e, en_text, ko_case, mentioned.count(kh.entry) > 0,
                                                         topic, context_kind);
        std::vector<std::string> metonyms = impl.metonyms_in(e, en_text);
        // The other words of the bead's Korean that its English should repeat (numbers,
        // Latin-script names, other glossary terms): when it shares under a quarter of them, it
        // tells another story.
        Anchors anchors;
        {
          std::string ko_text;
          for (const text::Span& s : u.ko) {
            if (!ko_text.empty()) ko_text += ' ';
            ko_text.append(a.ko->normalized(), s.byte_begin, s.byte_count());
          }
          anchors = literal_anchors(ko_text, en_text);
          std::set<std::size_t> others;
          for (const KoHit& other : ko_hits)
            if (other.entry != kh.entry && others.insert(other.entry).second) {
              ++anchors.total;
              bool rendered = false;
              for (const EnHit& eh : en_hits)
                for (const EnForm& ef : eh.forms) rendered = rendered || ef.entry == other.entry;
              anchors.shared += rendered ? 1 : 0;
            }
        }
        const auto [ko_len, en_len] = lengths[ui];
        if (!neighbour.empty()) {
          f.uncertain = "neighbour";
          f.message += "; rendered in the neighbouring English: " + neighbour;
        } else if (!f.possible_renderings.empty()) {
          f.uncertain = "anaphora";
          std::string list;
          for (const std::string& w : f.possible_renderings) list += (list.empty() ? "\"" : ", \"") + w + "\"";
          f.message += "; possibly rendered as " + list;
        } else if (!metonyms.empty()) {
          f.uncertain = "metonym";
          f.possible_renderings = metonyms;
          std::string list;
          for (const std::string& w : metonyms) list += (list.empty() ? "\"" : ", \"") + w + "\"";
          f.message += "; possibly rendered as " + list + " (standing for it)";
        } else if (!next_noun.empty() && common_noun(e) && one_word_forms(e)) {
          // A general noun (one English word) in front of another noun (정보 고속도로, 해변
          // 모래) is often left to the English head noun (electronic highway, the sand); a
          // term of several words (종전선언 문제) is a concept the English should keep.
          f.uncertain = "modifier";
          f.message += "; it only modifies the noun after it (" + next_noun +
                       "), which the English may render alone";
        } else if (ko_len >= 20 && article_ratio > 0 &&
                   static_cast<double>(en_len) <
                       impl.options.partial_length_ratio * article_ratio * static_cast<double>(ko_len)) {
          f.uncertain = "partial";
          f.message += "; the English of this bead is much shorter than its Korean (a partial translation?)";
        } else if (anchors.total >= impl.options.min_story_anchors && 4 * anchors.shared < anchors.total) {
          f.uncertain = "unrelated";
          f.message += "; the two sides of this bead share " +
                       (anchors.shared == 0 ? std::string("none") : std::to_string(anchors.shared)) + " of " +
                       std::to_string(anchors.total) + " numbers, names or terms (another story?)";
        } else if (u.confidence < impl.options.uncertain_bead_confidence) {
          f.uncertain = "low_confidence";
          f.message += "; the alignment of this bead is uncertain";
        }
      }
      run.findings.push_back(std::move(f));
      run.highlight(ai, false, kh.span, true);
    }
    // The terms of this bead count as mentioned for the beads after it.
    for (const KoHit& kh : ko_hits) mentioned.insert(kh.entry);
  }
  // Two full forms of one entry in one article.
  for (auto& [entry, forms] : used) {
    const glossary::Entry& e = g.terms[entry];
    // Only decided entries: the variants of a candidate entry are what the extractor saw.
    if (e.status != glossary::EntryStatus::approved) continue;
    // Forms naming the same thing in another shape (IOC, International Olympic Committee)
    // are not a departure; keep the first of each such group.
    for (auto it = forms.begin(); it != forms.end();) {
      bool same = false;
      for (auto jt = forms.begin(); jt != it; ++jt)
        if (impl.same_thing(it->first, jt->first) || impl.is_short_form_of(it->first, jt->first) ||
            impl.is_short_form_of(jt->first, it->first))
          same = true;
      it = same ? forms.erase(it) : std::next(it);
    }
    if (forms.size() < 2) continue;
    // The most used form is the reference; the others depart from it.
    std::vector<std::pair<std::string, const std::vector<GlossaryUse>*>> order;
    for (const auto& [k, v] : forms) order.push_back({k, &v});
    std::stable_sort(order.begin(), order.end(), [](const auto& x, const auto& y) {
      if (x.second->size() != y.second->size()) return x.second->size() > y.second->size();
      return x.second->front().unit < y.second->front().unit;
    });
    Finding f;
    f.type = FindingType::inconsistent;
    f.article = a.id;
    f.ko = e.ko;
    f.entry_id = e.id;
    f.expected = {e.en};
    bool headline_only = true;
    std::string list;
    for (std::size_t i = 0; i < order.size(); ++i) {
      FoundForm ff;
      ff.en = order[i].second->front().occ.en;
      for (const GlossaryUse& gu : *order[i].second) {
        ff.occurrences.push_back(gu.occ);
        if (i > 0 && !is_headline(a.units[gu.unit].zone)) headline_only = false;
      }
      if (!list.empty()) list += ", ";
      list += "\"" + ff.en + "\" (" + std::to_string(ff.occurrences.size()) + ")";
      f.found.push_back(std::move(ff));
    }
    f.headline_only = headline_only;
    f.ko_place = f.found[1].occurrences.front().ko_place;
    f.en_place = f.found[1].occurrences.front().en_place;
    f.message = e.ko + " is rendered " + std::to_string(order.size()) + " ways in this article: " + list;
    run.findings.push_back(std::move(f));
  }
}

// ---------------------------------------------------------------- renderings without a glossary

struct EnCand {
  std::string key;
  text::Span span;  // into en normalized()
};

struct KoOcc {
  std::size_t unit;
  text::Span span;
};

// Renderings of Korean terms inside one article, found without a glossary: for each Korean
// compound noun used in two or more units, the English phrase that comes with it (most units,
// rarely without it, not linked to another Korean term), and in the units where that phrase
// is absent the phrase most like it. Different phrases make an "inconsistent" finding.
void check_renderings(Run& run, std::size_t ai, terms::KoreanWords& ko_words) {
  const Checker::Impl& impl = run.impl;
  const Article& a = run.articles[ai];
  // Korean terms and where they are.
  std::map<std::string, std::vector<KoOcc>> ko_terms;
  std::map<std::string, std::vector<std::size_t>> ko_all;  // every Korean noun stem: its units
  std::vector<terms::KoWord> kw;
  std::vector<std::vector<EnCand>> en_cands(a.units.size());
  terms::Interner interner;
  std::vector<terms::EnWord> ew;
  std::vector<terms::Cand> cands;
  for (std::size_t ui = 0; ui < a.units.size(); ++ui) {
    const Unit& u = a.units[ui];
    if (u.confidence < impl.options.min_bead_confidence) continue;
    for (const text::Span& s : u.ko) {
      std::string_view t(a.ko->normalized().data() + s.byte_begin, s.byte_count());
      ko_words.analyze(t, kw);
      for (const terms::KoWord& w : kw) {
        if (w.latin || !all_hangul(w.stem)) continue;
        if (text::char_count(w.stem) >= 2) {
          auto& units = ko_all[std::string(w.stem)];
          if (units.empty() || units.back() != ui) units.push_back(ui);
        }
        if (text::char_count(w.stem) < impl.options.min_term_syllables) continue;
        std::string key(w.stem);
        // Four-syllable words starting with a surname (종전선언) are rarely names.
        if (text::char_count(key) < 4 && names::looks_like_korean_name(key)) continue;
        if (impl.index && impl.index->has_ko_key(key)) continue;
        auto& occs = ko_terms[key];
        if (occs.empty() || occs.back().unit != ui) {
          text::Span sp = trim_punctuation(t, {w.byte_begin, w.byte_end});
          occs.push_back({ui, {s.byte_begin + sp.byte_begin, s.byte_begin + sp.byte_end}});
        }
      }
    }
    for (const text::Span& s : u.en) {
      std::string_view t(a.en->normalized().data() + s.byte_begin, s.byte_count());
      terms::scan_english(t, ew);
      cands.clear();
      terms::english_candidates(t, ew, terms::CandidateLimits{}, interner, cands);
      for (const terms::Cand& c : cands) {
        if (c.word_end <= c.word_begin) continue;
        text::Span sp{ew[c.word_begin].byte_begin, ew[c.word_end - 1].byte_end};
        std::string key = run.keys.en(t.substr(sp.byte_begin, sp.byte_count()));
        if (key.empty() || impl.content_words(key).empty()) continue;
        // A stray letter (from a broken entity such as "jalape&ntilde;o") starts no term.
        if (first_word(key).size() < 2 && !(ew[c.word_begin].acronym)) continue;
        en_cands[ui].push_back({key, {s.byte_begin + sp.byte_begin, s.byte_begin + sp.byte_end}});
      }
    }
  }
  // In how many units each English key occurs.
  std::map<std::string, std::size_t> en_units;
  for (const auto& uc : en_cands) {
    std::set<std::string> seen;
    for (const EnCand& c : uc)
      if (seen.insert(c.key).second) ++en_units[c.key];
  }
  // The Korean stem each English phrase goes with best in this article (Dice over units;
  // ties to the smaller key): a phrase that goes better with another stem is that stem's.
  std::map<std::string, std::vector<std::size_t>> en_unit_list;
  for (std::size_t ui = 0; ui < en_cands.size(); ++ui)
    for (const EnCand& c : en_cands[ui]) {
      auto& v = en_unit_list[c.key];
      if (v.empty() || v.back() != ui) v.push_back(ui);
    }
  // How well a Korean stem and an English phrase fit in length (a term of n syllables is
  // about n/2 English content words), a Korean name and its spelling fitting best.
  std::map<std::string, std::unique_ptr<names::NameMatcher>> name_matchers;
  // A loanword or foreign name written in Hangul and its English spelling (바그다드 ~ Baghdad).
  std::map<std::pair<std::string, std::string>, bool> translit_memo;
  auto translit = [&](const std::string& ko_key, const std::string& en_key) {
    if (impl.content_words(en_key).size() > 3) return false;
    auto [it, fresh] = translit_memo.try_emplace({ko_key, en_key}, false);
    if (fresh) it->second = names::match_loanword(ko_key, en_key) >= 0.75;
    return it->second;
  };
  auto fit = [&](const std::string& ko_key, const std::string& en_key) {
    const std::size_t syl = text::char_count(ko_key);
    if (syl <= 3 && names::looks_like_korean_name(ko_key)) {
      auto& m = name_matchers[ko_key];
      if (!m) m = std::make_unique<names::NameMatcher>(ko_key, names::MatchKind::korean_name);
      if (m->score(en_key) >= impl.options.min_name_score) return 1.0;
    }
    if (translit(ko_key, en_key)) return 1.0;
    const double expected = std::max(1.0, static_cast<double>(syl) / 2.0);
    const double words = static_cast<double>(std::max<std::size_t>(1, impl.content_words(en_key).size()));
    const double r = std::fabs(std::log(words / expected));
    return std::exp(-0.6 * r);
  };
  std::map<std::string, std::pair<std::string, double>> partner;
  {
    std::map<std::size_t, std::vector<const std::string*>> stems_of_unit;
    for (const auto& [k, units] : ko_all)
      for (std::size_t ui : units) stems_of_unit[ui].push_back(&k);
    for (const auto& [en_key, units] : en_unit_list) {
      std::map<const std::string*, std::size_t> together;
      for (std::size_t ui : units)
        for (const std::string* k : stems_of_unit[ui]) ++together[k];
      std::pair<std::string, double> best{"", 0.0};
      for (const auto& [k, n] : together) {
        // One shared unit says nothing about which stem a phrase belongs to.
        if (n < 2) continue;
        double d = 2.0 * static_cast<double>(n) /
                   static_cast<double>(units.size() + ko_all[*k].size()) *
                   fit(*k, en_key);
        if (d > best.second + 1e-9 || (d > best.second - 1e-9 && *k < best.first)) best = {*k, d};
      }
      partner[en_key] = best;
    }
  }
  auto taken_by_other = [&](const std::string& en_key, const std::string& ko_key) {
    if (claimed_by_other(run, en_key, ko_key)) return true;
    auto it = partner.find(en_key);
    if (it == partner.end() || it->second.first.empty() || it->second.first == ko_key) return false;
    const std::string& k = it->second.first;
    if (k.find(ko_key) != std::string::npos || ko_key.find(k) != std::string::npos) return false;
    const auto& units = en_unit_list[en_key];
    std::size_t n = 0;
    for (std::size_t ui : units)
      if (std::binary_search(ko_all[ko_key].begin(), ko_all[ko_key].end(), ui)) ++n;
    double mine = 2.0 * static_cast<double>(n) /
                  static_cast<double>(units.size() + ko_all[ko_key].size()) * fit(ko_key, en_key);
    return it->second.second > mine + 1e-9;
  };
  for (const auto& [ko_key, occs] : ko_terms) {
    if (occs.size() < 2) continue;
    const double n_t = static_cast<double>(occs.size());
    // Candidate anchors: phrases in at least two of the term's units.
    std::map<std::string, std::size_t> together;
    for (const KoOcc& o : occs) {
      std::set<std::string> seen;
      for (const EnCand& c : en_cands[o.unit])
        if (seen.insert(c.key).second) ++together[c.key];
    }
    const std::size_t syllables = text::char_count(ko_key);
    std::string anchor;
    double best = 0;
    std::size_t best_words = 0;
    for (const auto& [key, n] : together) {
      if (n < 2) continue;
      const double n_c = static_cast<double>(en_units[key]);
      if (static_cast<double>(n) / n_c < 0.5) continue;
      if (taken_by_other(key, ko_key)) continue;
      const std::size_t words = impl.content_words(key).size();
      // Units without the phrase but with one like it still speak for it.
      double similar = 0;
      for (const KoOcc& o : occs) {
        bool has = false, like = false;
        for (const EnCand& c : en_cands[o.unit]) {
          if (c.key == key) has = true;
          else if (impl.similarity(c.key, key).second >= 1 && !taken_by_other(c.key, ko_key))
            like = true;
        }
        if (!has && like) similar += 1;
      }
      const double expected_words = std::max(1.0, static_cast<double>(syllables) / 2.0);
      const double ratio = static_cast<double>(words) / expected_words;
      const double prior = ratio >= 1.0 ? 1.0 / (1.0 + 0.3 * (ratio - 1.0)) : ratio;
      const double score = (static_cast<double>(n) + 0.5 * similar) / n_t *
                           (2.0 * static_cast<double>(n) / (n_t + n_c)) *
                           (translit(ko_key, key) ? 2.0 : prior);
      if (score > best + 1e-9 || (score > best - 1e-9 && (words > best_words ||
                                                          (words == best_words && key < anchor)))) {
        best = score;
        anchor = key;
        best_words = words;
      }
    }
    if (anchor.empty() || best < 0.25) continue;
    // The longest phrase around the anchor that comes with the term as often ("Special
    // Representative for North Korea" rather than "Representative for North Korea").
    {
      const std::size_t n_anchor = together[anchor];
      const std::string padded = " " + anchor + " ";
      std::string longest = anchor;
      for (const auto& [key, n] : together) {
        if (n != n_anchor || key.size() <= longest.size()) continue;
        if ((" " + key + " ").find(padded) == std::string::npos) continue;
        longest = key;
      }
      anchor = longest;
    }
    // The rendering in each unit.
    struct Rendering {
      std::string key;
      KoOcc ko;
      text::Span en;
    };
    std::vector<Rendering> rs;
    for (const KoOcc& o : occs) {
      const EnCand* exact = nullptr;
      const EnCand* like = nullptr;
      double like_sim = 0;
      for (const EnCand& c : en_cands[o.unit]) {
        if (c.key == anchor) {
          if (!exact) exact = &c;
          continue;
        }
        auto [sim, shared] = impl.similarity(c.key, anchor);
        // Sharing one generic word (poll, troop) is chance; two content words, or a
        // spelling of a one-word anchor, make a second rendering of the same term.
        const bool one_word_anchor = impl.content_words(anchor).size() == 1;
        if (one_word_anchor ? !spelling_variant(c.key, anchor) : shared < 2) continue;
        if (taken_by_other(c.key, ko_key)) continue;
        // A short form of the anchor is the same rendering, not a different one.
        if (impl.is_short_form_of(c.key, anchor)) continue;
        if (sim > like_sim + 1e-9 ||
            (sim > like_sim - 1e-9 && like && c.span.byte_count() > like->span.byte_count())) {
          like = &c;
          like_sim = sim;
        }
      }
      if (exact) {
        rs.push_back({anchor, o, exact->span});
      } else if (like) {
        // The whole phrase the rendering starts ("Director of Peace Negotiations
        // Headquarters", not "Director of Peace Negotiations").
        const std::size_t shared = impl.similarity(like->key, anchor).second;
        for (const EnCand& c : en_cands[o.unit]) {
          if (c.span.byte_begin != like->span.byte_begin || c.span.byte_end <= like->span.byte_end) continue;
          if (impl.similarity(c.key, anchor).second < shared || taken_by_other(c.key, ko_key)) continue;
          like = &c;
        }
        rs.push_back({like->key, o, like->span});
      }
    }
    std::map<std::string, std::vector<const Rendering*>> by_key;
    for (const Rendering& r : rs) by_key[r.key].push_back(&r);
    for (const Rendering& r : rs) {
      Occurrence occ = run.occurrence(ai, r.ko.unit, r.ko.span, r.en, true);
      run.uses.push_back({ko_key, r.key, ai, r.ko.unit, occ, is_headline(a.units[r.ko.unit].zone), false,
                          r.key == anchor});
      run.highlight(ai, false, r.ko.span, by_key.size() > 1);
      run.highlight(ai, true, r.en, by_key.size() > 1);
    }
    if (by_key.size() < 2) continue;
    std::vector<std::pair<std::string, const std::vector<const Rendering*>*>> order;
    for (const auto& [k, v] : by_key) order.push_back({k, &v});
    std::stable_sort(order.begin(), order.end(), [&](const auto& x, const auto& y) {
      if (x.second->size() != y.second->size()) return x.second->size() > y.second->size();
      return (x.first == anchor) > (y.first == anchor);
    });
    Finding f;
    f.type = FindingType::inconsistent;
    f.article = a.id;
    f.ko = run.text_of(ai, false, occs.front().span);
    // The Korean as written may carry a particle; show the stem.
    f.ko = ko_key;
    bool headline_only = true;
    std::string list;
    for (std::size_t i = 0; i < order.size(); ++i) {
      FoundForm ff;
      for (const Rendering* r : *order[i].second) {
        ff.occurrences.push_back(run.occurrence(ai, r->ko.unit, r->ko.span, r->en, true));
        if (i > 0 && !is_headline(a.units[r->ko.unit].zone)) headline_only = false;
      }
      ff.en = ff.occurrences.front().en;
      if (!list.empty()) list += ", ";
      list += "\"" + ff.en + "\" (" + std::to_string(ff.occurrences.size()) + ")";
      f.found.push_back(std::move(ff));
    }
    f.expected = {f.found.front().en};
    f.headline_only = headline_only;
    f.ko_place = f.found[1].occurrences.front().ko_place;
    f.en_place = f.found[1].occurrences.front().en_place;
    f.message = ko_key + " is rendered " + std::to_string(order.size()) +
                " ways in this article: " + list;
    run.findings.push_back(std::move(f));
  }
}

// ---------------------------------------------------------------- names without a glossary

// A Korean name spelt one way at its first mention and another way later in the article.
void check_name_spellings(Run& run, std::size_t ai, terms::KoreanWords& ko_words) {
  const Checker::Impl& impl = run.impl;
  const Article& a = run.articles[ai];
  struct First {
    std::string key;
    Occurrence occ;
  };
  std::map<std::string, First> first;
  std::map<std::string, std::unique_ptr<names::NameMatcher>> matchers;
  std::vector<terms::KoWord> kw;
  for (std::size_t ui = 0; ui < a.units.size(); ++ui) {
    const Unit& u = a.units[ui];
    if (u.confidence < impl.options.min_bead_confidence) continue;
    std::vector<KoOcc> found;
    std::vector<std::string> found_keys;
    for (const text::Span& s : u.ko) {
      std::string_view t(a.ko->normalized().data() + s.byte_begin, s.byte_count());
      ko_words.analyze(t, kw);
      for (const terms::KoWord& w : kw) {
        std::string key(w.stem);
        if (!all_hangul(key) || !names::looks_like_korean_name(key)) continue;
        if (impl.index && impl.index->has_ko_key(key)) continue;
        found.push_back({ui, {s.byte_begin + w.byte_begin, s.byte_begin + w.byte_end}});
        found_keys.push_back(key);
      }
    }
    if (found.empty()) continue;
    for (std::size_t n = 0; n < found.size(); ++n) {
      auto& m = matchers[found_keys[n]];
      if (!m) m = std::make_unique<names::NameMatcher>(found_keys[n], names::MatchKind::korean_name);
      double best = 0;
      text::Span best_span{};
      for (const text::Span& s : u.en) {
        std::string_view t(a.en->normalized().data() + s.byte_begin, s.byte_count());
        std::vector<english::Token> toks = english::tokenize(t);
        for (std::size_t i = 0; i < toks.size(); ++i) {
          if (!toks[i].is_word || !toks[i].capitalized) continue;
          // Full names only (two or three words): a surname alone is a later reference.
          for (std::size_t l = 2; l <= 3 && i + l <= toks.size(); ++l) {
            if (!toks[i + l - 1].is_word || !toks[i + l - 1].capitalized) break;
            text::Span sp{toks[i].span.byte_begin, toks[i + l - 1].span.byte_end};
            double sc = m->score(t.substr(sp.byte_begin, sp.byte_count()));
            if (sc > best + 1e-9) {
              best = sc;
              best_span = {s.byte_begin + sp.byte_begin, s.byte_begin + sp.byte_end};
            }
          }
        }
      }
      if (best < impl.options.min_name_score) continue;
      std::string en_key = run.keys.en(run.text_of(ai, true, best_span));
      Occurrence occ = run.occurrence(ai, ui, found[n].span, best_span, true);
      auto it = first.find(found_keys[n]);
      if (it == first.end()) {
        first.emplace(found_keys[n], First{en_key, occ});
        run.highlight(ai, false, found[n].span, false);
        run.highlight(ai, true, best_span, false);
        continue;
      }
      if (it->second.key == en_key || !spelling_variant(it->second.key, en_key)) {
        run.highlight(ai, false, found[n].span, false);
        run.highlight(ai, true, best_span, false);
        continue;
      }
      Finding f;
      f.type = FindingType::name;
      f.headline_only = is_headline(u.zone);
      f.article = a.id;
      f.ko = found_keys[n];
      f.expected = {it->second.occ.en};
      f.found.push_back({it->second.occ.en, {it->second.occ}});
      f.found.push_back({occ.en, {occ}});
      f.ko_place = occ.ko_place;
      f.en_place = occ.en_place;
      f.message = found_keys[n] + " is spelt \"" + occ.en + "\" here but \"" + it->second.occ.en +
                  "\" at its first mention";
      run.findings.push_back(std::move(f));
      run.highlight(ai, false, found[n].span, true);
      run.highlight(ai, true, best_span, true);
    }
  }
}

// ---------------------------------------------------------------- batch-wide checks

// One English form for two Korean terms (neither inside the other).
void check_ambiguous(Run& run) {
  std::map<std::string, std::map<std::string, std::vector<const Run::Use*>>> by_en;
  // Korean keys in Latin script (CNN, MRI) are the English itself, not a second term.
  for (const Run::Use& u : run.uses)
    if (u.firm && all_hangul(u.ko_key)) by_en[u.en_key][u.ko_key].push_back(&u);
  for (const auto& [en_key, kos] : by_en) {
    if (kos.size() < 2) continue;
    std::vector<std::pair<std::string, const std::vector<const Run::Use*>*>> order;
    for (const auto& [k, v] : kos) order.push_back({k, &v});
    // Drop terms that contain one another (북핵 / 북핵협의 are one subject).
    std::vector<std::pair<std::string, const std::vector<const Run::Use*>*>> distinct;
    for (const auto& o : order) {
      bool related = false;
      for (const auto& d : distinct)
        if (d.first.find(o.first) != std::string::npos || o.first.find(d.first) != std::string::npos)
          related = true;
      // Two terms of the same sentences are one subject rendered once, not two.
      for (const auto& d : distinct)
        for (const Run::Use* x : *d.second)
          for (const Run::Use* y : *o.second)
            if (x->article == y->article && x->unit == y->unit) related = true;
      // A pair seen once is not enough to say the form belongs to that term.
      if (!related && o.second->size() >= 2) distinct.push_back(o);
    }
    if (distinct.size() < 2) continue;
    std::stable_sort(distinct.begin(), distinct.end(), [](const auto& x, const auto& y) {
      return x.second->size() > y.second->size();
    });
    Finding f;
    f.type = FindingType::ambiguous;
    const Run::Use& first_other = *distinct[1].second->front();
    f.article = run.articles[first_other.article].id;
    f.ko.clear();
    bool headline_only = true;
    std::string list;
    for (std::size_t i = 0; i < distinct.size(); ++i) {
      if (!f.ko.empty()) f.ko += " / ";
      f.ko += distinct[i].first;
      FoundForm ff;
      for (const Run::Use* u : *distinct[i].second) {
        ff.occurrences.push_back(u->occ);
        if (i > 0 && !u->headline) headline_only = false;
      }
      ff.en = ff.occurrences.front().en;
      if (!list.empty()) list += ", ";
      list += distinct[i].first + " (" + std::to_string(ff.occurrences.size()) + ")";
      f.found.push_back(std::move(ff));
    }
    f.headline_only = headline_only;
    f.ko_place = first_other.occ.ko_place;
    f.en_place = first_other.occ.en_place;
    f.message = "\"" + first_other.occ.en + "\" renders " + std::to_string(distinct.size()) +
                " different Korean terms: " + list;
    run.findings.push_back(std::move(f));
  }
}

// Without a glossary: one Korean term rendered one way in some articles and another way in
// others (each article's own most frequent rendering compared).
void check_across_batch(Run& run) {
  if (run.articles.size() < 2) return;
  // ko key -> article -> en key -> uses
  std::map<std::string, std::map<std::size_t, std::map<std::string, std::vector<const Run::Use*>>>> m;
  for (const Run::Use& u : run.uses)
    if (!u.from_glossary && !u.headline) m[u.ko_key][u.article][u.en_key].push_back(&u);
  for (const auto& [ko_key, arts] : m) {
    if (arts.size() < 2) continue;
    std::map<std::string, std::vector<const Run::Use*>> dominant;  // en key -> first uses
    for (const auto& [ai, forms] : arts) {
      const std::vector<const Run::Use*>* best = nullptr;
      std::string best_key;
      for (const auto& [k, v] : forms)
        if (!best || v.size() > best->size()) {
          best = &v;
          best_key = k;
        }
      dominant[best_key].push_back(best->front());
    }
    if (dominant.size() < 2) continue;
    // Short forms of another dominant rendering do not count.
    std::vector<std::string> keys;
    for (const auto& [k, v] : dominant) keys.push_back(k);
    std::vector<std::pair<std::string, const std::vector<const Run::Use*>*>> order;
    for (const auto& [k, v] : dominant) {
      bool short_form = false;
      for (const std::string& other : keys)
        if (other != k && run.impl.is_short_form_of(k, other)) short_form = true;
      if (!short_form) order.push_back({k, &v});
    }
    // Renderings with nothing in common are more likely a wrong pairing in one article than
    // two renderings of one term: they must share a word or be spellings of one word.
    for (std::size_t i = 1; i < order.size();) {
      const bool kin = run.impl.similarity(order[i].first, order[0].first).second >= 1 ||
                       spelling_variant(order[i].first, order[0].first);
      if (kin) ++i;
      else order.erase(order.begin() + static_cast<std::ptrdiff_t>(i));
    }
    if (order.size() < 2) continue;
    // The form of more articles is the reference; on a tie, the one used first.
    std::stable_sort(order.begin(), order.end(), [](const auto& x, const auto& y) {
      if (x.second->size() != y.second->size()) return x.second->size() > y.second->size();
      return x.second->front()->article < y.second->front()->article;
    });
    Finding f;
    f.type = FindingType::inconsistent;
    f.article = "(batch)";
    f.ko = ko_key;
    std::string list;
    for (const auto& [k, v] : order) {
      FoundForm ff;
      for (const Run::Use* u : *v) ff.occurrences.push_back(u->occ);
      ff.en = ff.occurrences.front().en;
      if (!list.empty()) list += ", ";
      list += "\"" + ff.en + "\" (" + std::to_string(v->size()) + " article" +
              (v->size() == 1 ? "" : "s") + ")";
      f.found.push_back(std::move(ff));
    }
    f.expected = {f.found.front().en};
    f.ko_place = f.found[1].occurrences.front().ko_place;
    f.en_place = f.found[1].occurrences.front().en_place;
    f.message = ko_key + " is rendered differently across the batch: " + list;
    run.findings.push_back(std::move(f));
  }
}

}  // namespace

Checker::Checker(CheckOptions options, const glossary::Glossary* glossary)
    : impl_(std::make_unique<Impl>()) {
  options.validate();
  impl_->options = std::move(options);
  impl_->glossary = glossary;
  if (glossary != nullptr) impl_->index.emplace(*glossary);
}

Checker::~Checker() = default;

CheckResult Checker::run(const std::vector<Article>& articles, batch::Progress* progress) const {
  const unsigned threads = batch::resolve_threads(impl_->options.threads);
  KeyCache keys;
  Claims claims;
  if (impl_->options.use_term_links) claims = collect_claims(articles, impl_->glossary, keys, threads);
  Run run{*impl_, articles, claims, keys, {}, {}, {}};

  // Per-article checks on `threads` threads; each worker borrows caches of its own.
  struct Scratch {
    KeyCache keys;
    terms::KoreanWords ko_words;
  };
  std::mutex scratch_mu;
  std::vector<std::unique_ptr<Scratch>> idle;
  struct ArticleOut {
    std::vector<Finding> findings;
    std::vector<Highlight> highlights;
    std::vector<Run::Use> uses;
  };
  batch::RunnerOptions ro;
  ro.threads = threads;
  std::vector<batch::JobFailure> failed = batch::run_ordered<ArticleOut>(
      articles.size(), ro,
      [&](std::size_t ai) {
        std::unique_ptr<Scratch> scratch;
        {
          std::lock_guard lock(scratch_mu);
          if (!idle.empty()) {
            scratch = std::move(idle.back());
            idle.pop_back();
          }
        }
        if (!scratch) scratch = std::make_unique<Scratch>();
        Run one{*impl_, articles, claims, scratch->keys, {}, {}, {}};
        if (impl_->glossary != nullptr) check_with_glossary(one, ai);
        check_renderings(one, ai, scratch->ko_words);
        check_name_spellings(one, ai, scratch->ko_words);
        {
          std::lock_guard lock(scratch_mu);
          idle.push_back(std::move(scratch));
        }
        return ArticleOut{std::move(one.findings), std::move(one.highlights), std::move(one.uses)};
      },
      [&](std::size_t, ArticleOut&& out) {
        std::move(out.findings.begin(), out.findings.end(), std::back_inserter(run.findings));
        std::move(out.highlights.begin(), out.highlights.end(), std::back_inserter(run.highlights));
        std::move(out.uses.begin(), out.uses.end(), std::back_inserter(run.uses));
      },
      [&](std::size_t ai) { return articles[ai].id; }, progress);
  if (!failed.empty())
    throw InternalError("checking article \"" + failed.front().id + "\" failed: " +
                        failed.front().message);
  check_ambiguous(run);
  if (impl_->options.across_batch) check_across_batch(run);

  CheckResult result;
  for (Finding& f : run.findings) {
    std::optional<Severity> sev = impl_->options.severities.of(f.type, f.headline_only, !f.uncertain.empty());
    if (!sev) continue;
    f.severity = *sev;
    result.findings.push_back(std::move(f));
  }
  std::map<std::string, std::size_t> article_order;
  for (std::size_t i = 0; i < articles.size(); ++i) article_order.emplace(articles[i].id, i);
  auto order_of = [&](const std::string& id) {
    auto it = article_order.find(id);
    return it == article_order.end() ? articles.size() : it->second;
  };
  std::stable_sort(result.findings.begin(), result.findings.end(),
                   [&](const Finding& x, const Finding& y) {
                     auto kx = std::make_tuple(order_of(x.article), x.en_place.path, x.en_place.line,
                                               x.en_place.col, static_cast<int>(x.type), x.ko);
                     auto ky = std::make_tuple(order_of(y.article), y.en_place.path, y.en_place.line,
                                               y.en_place.col, static_cast<int>(y.type), y.ko);
                     return kx < ky;
                   });
  std::vector<Highlight>& h = run.highlights;
  std::sort(h.begin(), h.end(), [](const Highlight& x, const Highlight& y) {
    return std::make_tuple(x.article, x.en_side, x.span.byte_begin, x.span.byte_end, !x.flagged) <
           std::make_tuple(y.article, y.en_side, y.span.byte_begin, y.span.byte_end, !y.flagged);
  });
  for (const Highlight& x : h)
    if (result.highlights.empty() || result.highlights.back().article != x.article ||
        result.highlights.back().en_side != x.en_side || !(result.highlights.back().span == x.span))
      result.highlights.push_back(x);
  return result;
}

}  // namespace koterm::check
