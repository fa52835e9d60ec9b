// Phonetic matching of Hangul against English spellings. A Korean term becomes a sequence of
// units (a syllable of a Korean name, or a letter of a transliterated foreign word), each with
// the English spellings it may take and their costs (data/name-letters.tsv,
// data/loanword-letters.tsv, data/surnames.tsv). An edit-distance style alignment finds the
// cheapest way to spell the English string with those units, skipping English letters at a
// cost that depends on the letter (silent e, doubled letters and h are cheap). The cost is
// then turned into a score in [0,1].
#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "names/hangul.h"
#include "names/names.h"
#include "text/utf8.h"

namespace koterm::names {
namespace {

using detail::Spelling;
using detail::Syllable;
using namespace detail;  // NOLINT: jamo index names

constexpr double kInf = std::numeric_limits<double>::infinity();
// Longer strings are not names; they score 0 (keeps the alignment table small).
constexpr std::size_t kMaxEnglishBytes = 256;
constexpr std::size_t kMaxHangulBytes = 3 * 40;

// Costs of the alignment (tuned on general phonetic grounds, see tests/unit/names).
constexpr double kTitleWordCost = 0.15;      // a capitalised word in front (Director General Noh)
constexpr double kReversedOrderCost = 0.1;  // given name first (Sung Kim)
constexpr double kSurnameOnlyFactor = 0.55; // second reference by surname only (Noh)
constexpr double kMissingSyllableCost = 0.6;   // a foreign full name against its last word (Obama)
constexpr double kSubstitutionExtra = -0.1;  // substituting costs a little less than skipping the unit
constexpr double kMidSyllableSeparatorCost = 0.4;
constexpr double kLoanSeparatorCost = 0.05;
constexpr double kNameUnitSkipCost = 2.0;
constexpr double kOnsetSkipCost = 0.9;
constexpr double kVowelSkipCost = 0.7;
constexpr double kCodaSkipCost = 0.6;
constexpr double kGeneratedSurnameCost = 0.3;  // surname spelt letter by letter, not from the table

struct Unit {
  std::vector<Spelling> opts;      // sorted by first letter; empty spellings kept apart
  double empty_cost = kInf;        // cost of the empty spelling, if allowed
  double skip_cost = 1.0;          // dropping the unit altogether
  bool boundary_after = false;     // a separator in English after this unit is free
  double subst_cost = kInf;        // spelling the unit with one unrelated English letter
  std::vector<Spelling> whole;     // whole-syllable spellings starting at this unit ...
  std::size_t whole_span = 0;      // ... covering this many units
  std::array<std::uint16_t, 27> first{};  // opts[first[c]..first[c+1]) start with 'a'+c

  void finish() {
    std::vector<Spelling> kept;
    for (auto& o : opts) {
      if (o.text.empty()) {
        empty_cost = std::min(empty_cost, o.cost);
      } else {
        kept.push_back(std::move(o));
      }
    }
    std::stable_sort(kept.begin(), kept.end(),
                     [](const Spelling& a, const Spelling& b) { return a.text[0] < b.text[0]; });
    opts = std::move(kept);
    std::size_t k = 0;
    for (int c = 0; c < 26; ++c) {
      first[static_cast<std::size_t>(c)] = static_cast<std::uint16_t>(k);
      while (k < opts.size() && opts[k].text[0] == static_cast<char>('a' + c)) ++k;
    }
    first[26] = static_cast<std::uint16_t>(k);
    opts.resize(k);  // spellings that do not start with a-z can never match
    subst_cost = skip_cost + kSubstitutionExtra;
  }
};

// One way of reading the Korean term: its units, and how to turn the alignment cost into a
// score.
struct Reading {
  std::vector<Unit> units;
  double extra_cost = 0;
  double factor = 1;
  double budget = 1;
};

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (auto& ch : out) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return out;
}

// Latin letters with diacritics that appear in romanised names, folded to a-z.
char fold_latin(char32_t cp) {
  static constexpr std::string_view kFrom[] = {"àáâãäåāăą", "çćč", "ďđ", "èéêëēĕėęě", "ğ",
                                               "ìíîïīĭı",  "ł",   "ñńň", "òóôõöøōŏő", "řŕ",
                                               "śšş",      "ťţ",  "ùúûüūŭůű", "ýÿ", "žźż"};
  static constexpr char kTo[] = {'a', 'c', 'd', 'e', 'g', 'i', 'l', 'n', 'o', 'r', 's', 't', 'u', 'y', 'z'};
  for (std::size_t g = 0; g < std::size(kFrom); ++g) {
    std::size_t i = 0;
    while (i < kFrom[g].size()) {
      std::size_t len = 0;
      if (text::decode_utf8(kFrom[g], i, &len) == cp) return kTo[g];
      i += len;
    }
  }
  return 0;
}

// English normalised for matching: a-z, words separated by one space (spaces and hyphens
// separate; apostrophes and periods vanish: O'Brien → obrien, J. → j).
std::string normalise_en(std::string_view en) {
  std::string out;
  out.reserve(en.size());
  std::size_t i = 0;
  bool pending_space = false;
  while (i < en.size()) {
    const unsigned char b = static_cast<unsigned char>(en[i]);
    char ch = 0;
    if (b < 0x80) {
      ++i;
      if (b >= 'A' && b <= 'Z') ch = static_cast<char>(b - 'A' + 'a');
      else if (b >= 'a' && b <= 'z') ch = static_cast<char>(b);
      else if (b == '\'' || b == '.') continue;
      else {
        pending_space = true;
        continue;
      }
    } else {
      std::size_t len = 0;
      const char32_t cp = text::decode_utf8(en, i, &len);
      i += len;
      if (cp == U'’' || cp == U'‘') continue;
      ch = fold_latin(cp);
      if (ch == 0) {
        pending_space = true;
        continue;
      }
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += ch;
  }
  return out;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

double letter_skip_cost(const std::string& en, std::size_t j) {
  const char c = en[j];
  if (j > 0 && en[j - 1] == c) return 0.15;
  if (c == 'h') return 0.3;
  if (c == 'g' && j + 1 < en.size() && en[j + 1] == 'h') return 0.3;  // silent gh: Leigh, Hugh
  const bool word_end = j + 1 == en.size() || en[j + 1] == ' ';
  if (c == 'e') return word_end ? 0.2 : 0.5;
  if (c == 'y' || c == 'w') return 0.5;
  if (is_vowel(c)) return 0.6;
  return 0.9;
}

// Cheapest alignment of `en` (normalised) with the units; leading whole words may be skipped
// as titles.
// `skip_en[j]` is the cost of leaving en[j] unmatched; `cost` is scratch space.
double align_cost(const std::vector<Unit>& units, const std::string& en,
                  const std::vector<double>& skip_en, std::vector<double>& cost) {
  const std::size_t U = units.size();
  const std::size_t E = en.size();
  const std::size_t W = E + 1;
  cost.assign((U + 1) * W, kInf);
  // Start at the beginning or at the start of any later word (titles in front).
  double title = 0;
  cost[0] = 0;
  for (std::size_t j = 0; j < E; ++j) {
    if (en[j] == ' ') {
      title += kTitleWordCost;
      cost[j + 1] = title;
    }
  }
  for (std::size_t i = 0; i <= U; ++i) {
    double* row = &cost[i * W];
    double* next = i < U ? &cost[(i + 1) * W] : nullptr;
    const bool free_sep = i == 0 || units[i - 1].boundary_after;
    for (std::size_t j = 0; j <= E; ++j) {
      const double c = row[j];
      if (c == kInf) continue;
      if (j < E) {
        const double s = en[j] == ' ' ? (free_sep ? 0.0 : kMidSyllableSeparatorCost) : skip_en[j];
        if (c + s < row[j + 1]) row[j + 1] = c + s;
      }
      if (next == nullptr) continue;
      const Unit& u = units[i];
      const double skip = c + std::min(u.skip_cost, u.empty_cost);
      if (skip < next[j]) next[j] = skip;
      if (j < E && en[j] != ' ' && c + u.subst_cost < next[j + 1]) next[j + 1] = c + u.subst_cost;
      for (const auto& o : u.whole) {
        const std::size_t len = o.text.size();
        double* target = &cost[(i + u.whole_span) * W];
        if (j + len <= E && en.compare(j, len, o.text) == 0 && c + o.cost < target[j + len]) {
          target[j + len] = c + o.cost;
        }
      }
      if (j < E && en[j] >= 'a' && en[j] <= 'z') {
        const auto letter = static_cast<std::size_t>(en[j] - 'a');
        for (std::size_t k = u.first[letter]; k < u.first[letter + 1]; ++k) {
          const Spelling& o = u.opts[k];
          const std::size_t len = o.text.size();
          if (j + len <= E && en.compare(j, len, o.text) == 0 && c + o.cost < next[j + len]) {
            next[j + len] = c + o.cost;
          }
        }
      }
    }
  }
  return cost[U * W + E];
}

double score_reading(const Reading& r, const std::string& en, const std::vector<double>& skip_en,
                     std::vector<double>& scratch) {
  if (en.empty() || r.units.empty()) return 0;
  const double cost = align_cost(r.units, en, skip_en, scratch) + r.extra_cost;
  const double s = 1.0 - cost / r.budget;
  return s <= 0 ? 0.0 : s * r.factor;
}

double budget_for(std::size_t syllables) { return 0.5 + 0.45 * static_cast<double>(syllables); }

void add_spellings(std::vector<Spelling>& out, const std::vector<Spelling>& from, double extra) {
  for (const auto& s : from) out.push_back({s.text, s.cost + extra});
}

std::string syllable_utf8(const Syllable& s) {
  std::string out;
  text::append_utf8(out, compose(s));
  return out;
}

// Every spelling of a syllable of a Korean given name, cheapest first.
std::vector<Spelling> name_syllable_spellings(const Syllable& s) {
  const auto& t = name_letters();
  std::vector<Spelling> out;
  const auto& on = t.onset[static_cast<std::size_t>(s.onset)];
  const auto& vo = t.vowel[static_cast<std::size_t>(s.vowel)];
  std::vector<Spelling> co;
  if (s.coda == C_NONE) {
    co.push_back({"", 0});
  } else {
    co = t.coda[static_cast<std::size_t>(s.coda)];
    if (co.empty()) co.push_back({"", 0.5});
  }
  for (const auto& a : on) {
    for (const auto& b : vo) {
      for (const auto& c : co) out.push_back({a.text + b.text + c.text, a.cost + b.cost + c.cost});
    }
  }
  auto it = t.syllable.find(syllable_utf8(s));
  if (it != t.syllable.end()) add_spellings(out, it->second, 0);
  std::stable_sort(out.begin(), out.end(), [](const Spelling& a, const Spelling& b) {
    return a.cost != b.cost ? a.cost < b.cost : a.text < b.text;
  });
  // Keep the cheapest cost of each distinct spelling.
  std::vector<Spelling> uniq;
  for (auto& s2 : out) {
    bool seen = false;
    for (const auto& u : uniq) seen = seen || u.text == s2.text;
    if (!seen) uniq.push_back(std::move(s2));
  }
  return uniq;
}

std::vector<Spelling> surname_spellings(const SurnameEntry& e, const std::vector<Syllable>& syls) {
  std::vector<Spelling> out;
  double cost = 0;
  for (const auto& s : e.spellings) {
    out.push_back({lower_ascii(s), std::min(cost, 0.3)});
    cost += 0.05;
  }
  // Letter-by-letter spellings catch rarer forms not in the table.
  if (syls.size() == 1) add_spellings(out, name_syllable_spellings(syls[0]), kGeneratedSurnameCost);
  return out;
}

Unit name_unit(std::vector<Spelling> opts) {
  Unit u;
  u.opts = std::move(opts);
  u.skip_cost = kNameUnitSkipCost;
  u.boundary_after = true;
  u.finish();
  return u;
}

// Splits a Korean name into surname (from the table) and given name; 0 if no surname.
std::size_t surname_length(std::string_view hangul, const std::vector<Syllable>& syls,
                           const SurnameEntry** entry) {
  *entry = nullptr;
  for (const auto& e : surnames()) {
    const std::size_t n = text::char_count(e.hangul);
    if (hangul.substr(0, e.hangul.size()) == e.hangul && n < syls.size() &&
        (*entry == nullptr || e.hangul.size() > (*entry)->hangul.size())) {
      *entry = &e;
    }
  }
  return *entry == nullptr ? 0 : text::char_count((*entry)->hangul);
}

std::string strip_spaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '\t') out += c;
  }
  return out;
}

std::vector<Unit> letter_units(const std::vector<Syllable>& syls, const LetterTable& t, bool loanword);

void add_name_readings(std::string_view hangul, std::vector<Reading>& readings) {
  const std::string joined = strip_spaces(hangul);
  std::vector<Syllable> syls;
  if (!hangul_syllables(joined, &syls, nullptr)) return;
  const SurnameEntry* entry = nullptr;
  const std::size_t sur_len = surname_length(joined, syls, &entry);
  const std::vector<Syllable> given_syls(syls.begin() + static_cast<std::ptrdiff_t>(sur_len), syls.end());
  const std::vector<Unit> given = letter_units(given_syls, name_letters(), false);
  const double budget = budget_for(syls.size());
  if (entry == nullptr) {
    readings.push_back({given, 0, 1, budget});
    return;
  }
  std::vector<Syllable> sur_syls(syls.begin(), syls.begin() + static_cast<std::ptrdiff_t>(sur_len));
  Unit sur = name_unit(surname_spellings(*entry, sur_syls));
  Reading full{{sur}, 0, 1, budget};
  full.units.insert(full.units.end(), given.begin(), given.end());
  readings.push_back(full);
  Reading reversed{given, kReversedOrderCost, 1, budget};
  reversed.units.push_back(sur);
  readings.push_back(std::move(reversed));
  readings.push_back({{sur}, 0, kSurnameOnlyFactor, budget_for(sur_syls.size())});
}

// Letter-level units (onset, vowel, coda of every syllable) with the spellings of `t`;
// whole-syllable spellings of the table start at the onset unit. `loanword` adds the
// contexts of transliterated foreign words (ㄹ after ㄹ, 이 and 우 lengthening a vowel).
std::vector<Unit> letter_units(const std::vector<Syllable>& syls, const LetterTable& t, bool loanword) {
  std::vector<Unit> units;
  for (std::size_t i = 0; i < syls.size(); ++i) {
    const Syllable& s = syls[i];
    const bool after_vowel = i > 0 && syls[i - 1].coda == C_NONE;
    Unit on;
    on.opts = t.onset[static_cast<std::size_t>(s.onset)];
    on.skip_cost = kOnsetSkipCost;
    // ㄹ after ㄹ is one English l or r (올리버 ~ Oliver).
    if (loanword && s.onset == O_R && i > 0 && syls[i - 1].coda == C_L) on.opts.push_back({"", 0.1});
    auto whole = t.syllable.find(syllable_utf8(s));
    if (whole != t.syllable.end()) {
      on.whole = whole->second;
      on.whole_span = s.coda == C_NONE ? 2 : 3;
    }
    on.finish();
    units.push_back(std::move(on));
    Unit vo;
    vo.opts = t.vowel[static_cast<std::size_t>(s.vowel)];
    vo.skip_cost = kVowelSkipCost;
    vo.boundary_after = s.coda == C_NONE;
    // 데이빗 ~ David, 코우치 ~ couch: 이 / 우 after a vowel often only lengthens it.
    if (loanword && after_vowel && s.onset == O_NG && (s.vowel == V_I || s.vowel == V_U)) {
      vo.opts.push_back({"", 0.15});
    }
    vo.finish();
    units.push_back(std::move(vo));
    if (s.coda != C_NONE) {
      Unit co;
      co.opts = t.coda[static_cast<std::size_t>(s.coda)];
      co.skip_cost = kCodaSkipCost;
      co.boundary_after = true;
      co.finish();
      units.push_back(std::move(co));
    }
  }
  return units;
}

void add_loanword_readings(std::string_view hangul, std::vector<Reading>& readings) {
  std::vector<Syllable> syls;
  std::vector<std::size_t> word_starts;
  if (!hangul_syllables(hangul, &syls, &word_starts)) return;
  const auto& t = loanword_letters();
  const double budget = budget_for(syls.size());
  readings.push_back({letter_units(syls, t, true), 0, 1, budget});
  if (word_starts.size() > 1) {
    // The last word alone (Obama for 버락 오바마), the rest counted as missing.
    const auto last_start = static_cast<std::ptrdiff_t>(word_starts.back());
    const std::vector<Syllable> last(syls.begin() + last_start, syls.end());
    const double missing = kMissingSyllableCost * static_cast<double>(word_starts.back());
    readings.push_back({letter_units(last, t, true), missing, 1, budget});
  }
  if (word_starts.size() == 2) {
    // Family name first in Hangul, last in English (도쿠다 시게오 ~ Shigeo Tokuda).
    std::vector<Syllable> swapped(syls.begin() + static_cast<std::ptrdiff_t>(word_starts[1]), syls.end());
    swapped.insert(swapped.end(), syls.begin(), syls.begin() + static_cast<std::ptrdiff_t>(word_starts[1]));
    readings.push_back({letter_units(swapped, t, true), kReversedOrderCost, 1, budget});
  }
}

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

struct NameMatcher::Impl {
  std::string hangul;
  std::vector<Reading> readings;
};

NameMatcher::NameMatcher(std::string_view hangul, MatchKind kind) : impl_(std::make_unique<Impl>()) {
  impl_->hangul = std::string(trim(hangul));
  if (impl_->hangul.size() > kMaxHangulBytes) return;  // no readings: every score is 0
  const bool name = kind == MatchKind::korean_name ||
                    (kind == MatchKind::transliteration && looks_like_korean_name(impl_->hangul));
  if (name) add_name_readings(impl_->hangul, impl_->readings);
  if (kind != MatchKind::korean_name) add_loanword_readings(impl_->hangul, impl_->readings);
}

NameMatcher::~NameMatcher() = default;
NameMatcher::NameMatcher(NameMatcher&&) noexcept = default;
NameMatcher& NameMatcher::operator=(NameMatcher&&) noexcept = default;

const std::string& NameMatcher::hangul() const { return impl_->hangul; }

double NameMatcher::score(std::string_view en) const {
  if (en.size() > kMaxEnglishBytes) return 0;
  const std::string norm = normalise_en(en);
  std::vector<double> skip_en(norm.size());
  for (std::size_t j = 0; j < norm.size(); ++j) skip_en[j] = norm[j] == ' ' ? 0 : letter_skip_cost(norm, j);
  std::vector<double> scratch;
  double best = 0;
  for (const auto& r : impl_->readings) best = std::max(best, score_reading(r, norm, skip_en, scratch));
  return std::min(best, 1.0);
}

double match_name(std::string_view ko, std::string_view en) {
  return NameMatcher(ko, MatchKind::korean_name).score(en);
}

double match_loanword(std::string_view hangul, std::string_view en) {
  return NameMatcher(hangul, MatchKind::loanword).score(en);
}

double match_transliteration(std::string_view hangul, std::string_view en) {
  return NameMatcher(hangul, MatchKind::transliteration).score(en);
}

bool is_surname(std::string_view hangul) {
  const SurnameEntry* entry = find_surname(hangul);
  return entry != nullptr && entry->hangul.size() == hangul.size();
}

bool spells_surname(std::string_view hangul, std::string_view en) {
  if (!is_surname(hangul) || en.empty()) return false;
  const SurnameEntry& entry = *find_surname(hangul);
  const std::string lower = lower_ascii(en);
  auto same = [&](std::string_view spelling) { return lower_ascii(spelling) == lower; };
  return same(entry.rr) || same(entry.mr) || std::any_of(entry.spellings.begin(), entry.spellings.end(), same);
}

bool looks_like_korean_name(std::string_view hangul) {
  hangul = trim(hangul);
  std::vector<Syllable> syls;
  std::vector<std::size_t> words;
  if (!hangul_syllables(hangul, &syls, &words) || words.size() != 1) return false;
  if (syls.size() < 2 || syls.size() > 4 || hangul.find_first_of(" \t-") != std::string_view::npos) return false;
  const SurnameEntry* entry = nullptr;
  const std::size_t sur = surname_length(hangul, syls, &entry);
  if (sur == 0 || syls.size() - sur < 1 || syls.size() - sur > 3) return false;
  // 스, 트, 르 ...: an open ㅡ syllable is the vowel Korean adds to a foreign final consonant
  // (로렌스 ~ Lawrence), not part of a Korean given name.
  for (std::size_t i = sur; i < syls.size(); ++i) {
    if (syls[i].vowel == V_EU && syls[i].coda == C_NONE && syls[i].onset != O_NG) return false;
  }
  return true;
}

std::vector<Candidate> name_candidates(std::string_view hangul_name, std::size_t max) {
  const std::string joined = strip_spaces(hangul_name);
  std::vector<Syllable> syls;
  if (max == 0 || !hangul_syllables(joined, &syls, nullptr)) return {};
  const SurnameEntry* entry = nullptr;
  const std::size_t sur_len = surname_length(joined, syls, &entry);
  constexpr std::size_t kPerSyllable = 6;
  // K-best given names: spellings of each syllable combined, cheapest first.
  struct Partial {
    std::string text;
    double cost;
  };
  std::vector<Partial> given{{"", 0}};
  for (std::size_t i = sur_len; i < syls.size(); ++i) {
    auto opts = name_syllable_spellings(syls[i]);
    if (opts.size() > kPerSyllable) opts.resize(kPerSyllable);
    std::vector<Partial> grown;
    for (const auto& g : given) {
      for (const auto& o : opts) {
        std::string t = g.text.empty() ? o.text : g.text + "-" + o.text;
        grown.push_back({std::move(t), g.cost + o.cost});
      }
    }
    std::stable_sort(grown.begin(), grown.end(),
                     [](const Partial& a, const Partial& b) { return a.cost < b.cost; });
    if (grown.size() > max) grown.resize(max);
    given = std::move(grown);
  }
  auto cap = [](std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
  };
  std::vector<Partial> full;
  if (entry == nullptr) {
    for (const auto& g : given) full.push_back({cap(g.text), g.cost});
  } else {
    double cost = 0;
    for (const auto& s : entry->spellings) {
      for (const auto& g : given) full.push_back({s + " " + cap(g.text), g.cost + std::min(cost, 0.3)});
      cost += 0.05;
    }
  }
  std::stable_sort(full.begin(), full.end(), [](const Partial& a, const Partial& b) { return a.cost < b.cost; });
  const double budget = budget_for(syls.size());
  std::vector<Candidate> out;
  for (const auto& f : full) {
    if (out.size() == max) break;
    const double s = 1.0 - f.cost / budget;
    out.push_back({f.text, s < 0 ? 0.0 : s});
  }
  return out;
}

}  // namespace koterm::names
