// The data tables of the Korean analyser (data/*.tsv, compiled in), parsed once into
// lookup structures keyed by syllable strings. Internal to koterm_korean.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "korean/analyze.h"

namespace koterm::korean::detail {

// Which stem end a particle or copula form follows.
enum class Attach : std::uint8_t { any, consonant, vowel, ro, euro, suffix };

struct U32Hash {
  using is_transparent = void;
  std::size_t operator()(std::u32string_view s) const noexcept {
    std::size_t h = 1469598103934665603ull;
    for (char32_t c : s) h = (h ^ static_cast<std::size_t>(c)) * 1099511628211ull;
    return h;
  }
};
struct U32Eq {
  using is_transparent = void;
  bool operator()(std::u32string_view a, std::u32string_view b) const noexcept { return a == b; }
};
using U32Set = std::unordered_set<std::u32string, U32Hash, U32Eq>;
template <class V>
using U32Map = std::unordered_map<std::u32string, V, U32Hash, U32Eq>;

// A possible tail after a noun stem: a particle sequence, a copula form, or a noun suffix
// followed by either.
struct TailEntry {
  Attach attach = Attach::any;  // what the stem must end in
  TailKind kind = TailKind::particle;
  std::uint8_t min_stem = 1;    // syllables the stem needs (적 needs 2)
  bool after_number = false;    // only right after digits (100+여)
};

enum class WordClass : std::uint8_t { pronoun, other };

struct Lexicon {
  U32Map<TailEntry> tails;
  std::size_t max_tail = 0;
  U32Map<bool> verb_suffixes;      // value: may end the eojeol
  std::size_t max_verb_suffix = 0;
  std::unordered_set<char32_t> verb_ending_starts;
  U32Set final_endings;
  std::size_t max_final_ending = 0;
  U32Set nouns;
  U32Set compound_nouns;           // nouns.tsv entries that also end compounds
  U32Set strong_endings;
  std::size_t max_strong_ending = 0;
  U32Map<WordClass> non_nouns;
  U32Set verb_stems;
  U32Set xr_roots;
  std::unordered_set<char32_t> verb_connectives;
  std::unordered_set<char32_t> auxiliary_starts;
  U32Set single_syllable_nouns;
  std::unordered_set<char32_t> number_units;
  std::unordered_set<char32_t> sino_korean;  // syllables that read some hanja
  std::unordered_map<char32_t, std::string> abbreviations;
  struct Contraction {
    std::string stem;
    TailKind kind;
  };
  U32Map<Contraction> contractions;  // 겁니다 → 것
};

// The tables, parsed on first use. Throws InternalError when an embedded table is malformed.
const Lexicon& lexicon();

// Hangul syllable arithmetic.
inline bool is_syllable(char32_t c) { return c >= 0xAC00 && c <= 0xD7A3; }
inline unsigned final_consonant(char32_t c) { return static_cast<unsigned>(c - 0xAC00) % 28; }
inline bool has_final(char32_t c) { return is_syllable(c) && final_consonant(c) != 0; }
constexpr unsigned k_final_rieul = 8;
constexpr unsigned k_final_bieup_sieut = 18;
constexpr unsigned k_final_ssangsieut = 20;

// Whether a form with `attach` may follow `prev` (a syllable, or any other character,
// which every form may follow).
bool attach_ok(Attach attach, char32_t prev);

}  // namespace koterm::korean::detail
