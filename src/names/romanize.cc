// Romanisation of Hangul under Revised Romanization and McCune-Reischauer. The letters come
// from data/letters.tsv; the sound changes between syllables (liaison, nasalisation, lateral
// assimilation, aspiration with ㅎ, MR voicing) are phonology and live here.
#include <string>
#include <string_view>
#include <vector>

#include "names/hangul.h"
#include "names/names.h"
#include "text/utf8.h"

namespace koterm::names {
namespace {

using detail::Syllable;
using namespace detail;  // NOLINT: onset/vowel/coda index names

constexpr int kNull = -1;  // no onset sound (ㅇ)

bool is_y_vowel(int v) {
  return v == V_YA || v == V_YAE || v == V_YEO || v == V_YE || v == V_YO || v == V_YU;
}

int plain_of_y_vowel(int v) {
  switch (v) {
    case V_YA: return V_A;
    case V_YAE: return V_AE;
    case V_YEO: return V_EO;
    case V_YE: return V_E;
    case V_YO: return V_O;
    case V_YU: return V_U;
    default: return v;
  }
}

bool is_complex(int c) {
  return c == C_GS || c == C_NJ || c == C_NH || c == C_LG || c == C_LM || c == C_LB ||
         c == C_LS || c == C_LT || c == C_LP || c == C_LH || c == C_BS;
}

// First and second parts of a complex coda (second as an onset, kNull for ㅎ which drops).
void split_complex(int c, int* first, int* second) {
  switch (c) {
    case C_GS: *first = C_G; *second = O_S; return;
    case C_NJ: *first = C_N; *second = O_J; return;
    case C_NH: *first = C_N; *second = kNull; return;
    case C_LG: *first = C_L; *second = O_G; return;
    case C_LM: *first = C_L; *second = O_M; return;
    case C_LB: *first = C_L; *second = O_B; return;
    case C_LS: *first = C_L; *second = O_S; return;
    case C_LT: *first = C_L; *second = O_T; return;
    case C_LP: *first = C_L; *second = O_P; return;
    case C_LH: *first = C_L; *second = kNull; return;
    case C_BS: *first = C_B; *second = O_S; return;
    default: *first = c; *second = kNull; return;
  }
}

// The seven coda sounds: ㄱ ㄴ ㄷ ㄹ ㅁ ㅂ ㅇ.
int neutralise(int c) {
  switch (c) {
    case C_G: case C_KK: case C_K: case C_GS: case C_LG: return C_G;
    case C_N: case C_NJ: case C_NH: return C_N;
    case C_D: case C_S: case C_SS: case C_J: case C_CH: case C_T: case C_H: return C_D;
    case C_L: case C_LS: case C_LT: case C_LH: return C_L;
    case C_M: case C_LM: return C_M;
    case C_B: case C_P: case C_LB: case C_LP: case C_BS: return C_B;
    case C_NG: return C_NG;
    default: return C_NONE;
  }
}

struct Piece {
  int onset = kNull;       // onset sound after the sound changes
  int coda = C_NONE;       // one of the seven coda sounds, or none
  bool coda_written = false;
  std::string coda_text;   // when coda_written: the letters to write instead
};

// Older spellings that McCune-Reischauer's sources romanise by their modern sound:
// 뎌 → 저, 텬 → 천 (palatalisation), 쟈/쇼 → 자/소, and the initial-sound law (력 → 역, 락 → 낙).
void modernise_spelling(std::vector<Syllable>& s) {
  for (auto& syl : s) {
    if ((syl.onset == O_D || syl.onset == O_T) && (syl.vowel == V_I || is_y_vowel(syl.vowel))) {
      syl.onset = syl.onset == O_D ? O_J : O_CH;
    }
    if ((syl.onset == O_J || syl.onset == O_JJ || syl.onset == O_CH || syl.onset == O_S ||
         syl.onset == O_SS) && is_y_vowel(syl.vowel)) {
      syl.vowel = plain_of_y_vowel(syl.vowel);
    }
  }
  if (!s.empty()) {
    if (s[0].onset == O_R) s[0].onset = O_N;
    if (s[0].onset == O_N && (s[0].vowel == V_I || is_y_vowel(s[0].vowel))) s[0].onset = O_NG;
  }
}

int aspirated(int onset) {
  switch (onset) {
    case O_G: return O_K;
    case O_D: return O_T;
    case O_J: return O_CH;
    case O_B: return O_P;
    default: return onset;
  }
}

// Sound changes at every syllable boundary of one word.
std::vector<Piece> sound_changes(const std::vector<Syllable>& s, System system, bool apply) {
  const std::size_t n = s.size();
  std::vector<Piece> p(n);
  for (std::size_t i = 0; i < n; ++i) p[i].onset = s[i].onset == O_NG ? kNull : s[i].onset;
  const auto& letters = roman_letters();
  auto coda_letter = [&](int c) {
    const auto idx = static_cast<std::size_t>(c);
    return system == System::revised ? letters.rr_coda[idx] : letters.mr_coda[idx];
  };
  for (std::size_t i = 0; i < n; ++i) {
    const int c = s[i].coda;
    Piece& cur = p[i];
    if (i + 1 == n || !apply) {
      cur.coda = neutralise(c);
      continue;
    }
    Piece& next = p[i + 1];
    const int o = next.onset;
    int cd = C_NONE;
    if (c == C_NONE) {
      cd = C_NONE;
    } else if (o == kNull) {
      if (c == C_NG) {
        cd = C_NG;
      } else if (c == C_H) {
        cd = C_NONE;
      } else if (is_complex(c)) {
        int first = 0, second = 0;
        split_complex(c, &first, &second);
        cd = neutralise(first);
        next.onset = second;
      } else {
        cd = C_NONE;
        next.onset = onset_of_coda(c);
        // Palatalisation: 같이 → gachi, 굳이 → guji.
        if (s[i + 1].vowel == V_I && c == C_D) next.onset = O_J;
        if (s[i + 1].vowel == V_I && c == C_T) next.onset = O_CH;
      }
    } else if (o == O_H && c != C_H && c != C_NH && c != C_LH) {
      if (is_complex(c)) {
        int first = 0, second = 0;
        split_complex(c, &first, &second);
        cd = neutralise(first);
        cur.coda_written = true;
        int second_coda = C_NONE;
        if (second == O_G) second_coda = C_G;
        if (second == O_B || second == O_P) second_coda = C_B;
        if (second == O_M) second_coda = C_M;
        if (second == O_S || second == O_T || second == O_J) second_coda = C_D;
        cur.coda_written = true;
        cur.coda_text = coda_letter(cd) + coda_letter(second_coda);
      } else {
        cd = neutralise(c);
        if (cd == C_L && system == System::mccune_reischauer) {
          cur.coda_written = true;
          cur.coda_text = "r";
        }
      }
    } else if (c == C_H || c == C_NH || c == C_LH) {
      const int base = c == C_H ? C_NONE : (c == C_NH ? C_N : C_L);
      if (o == O_G || o == O_D || o == O_J || o == O_B) {
        next.onset = aspirated(o);
        cd = base;
      } else if (o == O_S) {
        next.onset = O_SS;
        cd = base;
      } else {
        cd = base == C_NONE ? (o == O_N ? C_N : C_D) : base;
      }
    } else {
      int reduced = c;
      if (c == C_LG && o == O_G) reduced = C_L;
      if (c == C_LM && o == O_M) reduced = C_L;
      if (c == C_LB && (o == O_B || o == O_P)) reduced = C_L;
      cd = neutralise(reduced);
      if (system == System::mccune_reischauer && cd == C_D && o == O_S &&
          (c == C_S || c == C_SS || c == C_D || c == C_J || c == C_CH || c == C_T)) {
        cur.coda_written = true;
        cur.coda_text = "s";
      }
    }
    // Nasal and lateral assimilation.
    if (cd != C_NONE && next.onset == O_R) {
      if (cd == C_N || cd == C_L) {
        cd = C_L;
      } else {
        next.onset = O_N;
      }
    }
    if (cd == C_L && next.onset == O_N) next.onset = O_R;
    if (next.onset == O_N || next.onset == O_M) {
      if (cd == C_G) cd = C_NG;
      if (cd == C_D) cd = C_N;
      if (cd == C_B) cd = C_M;
      if (cur.coda_written && cur.coda_text == "s") cur.coda_written = false;
    }
    // A stop before the same tense stop is written once (박꼿 → pakkot, 엿때 → yŏttae).
    if ((cd == C_G && next.onset == O_KK) || (cd == C_B && next.onset == O_PP) ||
        (cd == C_D && (next.onset == O_TT || next.onset == O_JJ || next.onset == O_SS))) {
      cur.coda_written = true;
      cur.coda_text.clear();
    }
    cur.coda = cd;
  }
  return p;
}

// Romanises one word (syllables joined, `hyphen_before[i]` marks a hyphen before syllable i).
std::string romanize_word(std::vector<Syllable> s, const std::vector<bool>& hyphen_before,
                          System system, bool sound_rules) {
  const bool mr = system == System::mccune_reischauer;
  if (mr && sound_rules) modernise_spelling(s);
  const auto p = sound_changes(s, system, sound_rules);
  const auto& L = roman_letters();
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool hyphen = i < hyphen_before.size() && hyphen_before[i];
    const bool word_start = i == 0 || !sound_rules;
    const int on = p[i].onset;
    const int prev_coda = i == 0 ? C_NONE : p[i - 1].coda;
    std::string onset;
    if (on != kNull) {
      const auto idx = static_cast<std::size_t>(on);
      if (!mr) {
        onset = L.rr_onset[idx];
        if (on == O_R && !word_start && prev_coda == C_L) onset = "l";
      } else {
        const bool voiced_context =
            !word_start && (prev_coda == C_NONE || prev_coda == C_N || prev_coda == C_M ||
                            prev_coda == C_NG || (prev_coda == C_L && (on == O_G || on == O_B)));
        onset = voiced_context ? L.mr_onset_voiced[idx] : L.mr_onset[idx];
        if (on == O_R && !word_start && prev_coda == C_L) onset = "l";
        if ((on == O_S) && s[i].vowel == V_WI) onset = "sh";
      }
    }
    if (hyphen) out += '-';
    if (mr && !hyphen && i > 0 && !onset.empty() && onset[0] == 'g' && !out.empty() &&
        out.back() == 'n' && (p[i - 1].coda == C_N)) {
      out += "’";
    }
    out += onset;
    const auto v = static_cast<std::size_t>(s[i].vowel);
    out += mr ? L.mr_vowel[v] : L.rr_vowel[v];
    if (p[i].coda_written) {
      out += p[i].coda_text;
    } else if (p[i].coda != C_NONE) {
      const auto c = static_cast<std::size_t>(p[i].coda);
      out += mr ? L.mr_coda[c] : L.rr_coda[c];
    }
  }
  return out;
}

void capitalise(std::string& s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
}

}  // namespace

std::string romanize(std::string_view hangul, System system) {
  std::string out;
  std::vector<Syllable> word;
  std::vector<bool> hyphen_before;
  bool pending_hyphen = false;
  auto flush = [&] {
    if (!word.empty()) out += romanize_word(word, hyphen_before, system, true);
    if (pending_hyphen) out += '-';
    word.clear();
    hyphen_before.clear();
    pending_hyphen = false;
  };
  std::size_t i = 0;
  while (i < hangul.size()) {
    std::size_t len = 0;
    const char32_t cp = text::decode_utf8(hangul, i, &len);
    i += len;
    Syllable syl;
    if (decompose(cp, &syl)) {
      hyphen_before.push_back(pending_hyphen && !word.empty());
      if (pending_hyphen && word.empty()) out += '-';
      pending_hyphen = false;
      word.push_back(syl);
    } else if (cp == U'-' && !word.empty()) {
      pending_hyphen = true;
    } else {
      flush();
      text::append_utf8(out, cp);
    }
  }
  flush();
  return out;
}

std::string romanize_name(std::string_view hangul_name, System system) {
  std::vector<Syllable> syls;
  if (!hangul_syllables(hangul_name, &syls, nullptr)) return romanize(hangul_name, system);
  const SurnameEntry* sur = find_surname(hangul_name);
  std::size_t sur_len = 0;
  std::string out;
  if (sur != nullptr && syls.size() > text::char_count(sur->hangul)) {
    sur_len = text::char_count(sur->hangul);
    out = system == System::revised ? sur->rr : sur->mr;
  }
  std::vector<Syllable> given(syls.begin() + static_cast<std::ptrdiff_t>(sur_len), syls.end());
  std::vector<bool> hyphen(given.size(), false);
  if (system == System::mccune_reischauer) {
    for (std::size_t k = 1; k < hyphen.size(); ++k) hyphen[k] = true;
  }
  std::string g = romanize_word(given, hyphen, system, false);
  capitalise(g);
  if (!out.empty()) out += ' ';
  out += g;
  return out;
}

}  // namespace koterm::names
