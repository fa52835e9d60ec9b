// Hangul syllable structure for the names stage: decomposition into onset, vowel and coda
// indices (Unicode order), the compatibility letters the data files use, and the parsed
// data tables. Internal to src/names/.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace koterm::names::detail {

// Indices follow the Unicode composition order: 19 onsets, 21 vowels, 28 codas (0 = none).
struct Syllable {
  int onset = 0;
  int vowel = 0;
  int coda = 0;
};

inline constexpr int kOnsetCount = 19;
inline constexpr int kVowelCount = 21;
inline constexpr int kCodaCount = 28;

// Onset indices used by the rules.
enum Onset : int {
  O_G = 0, O_KK, O_N, O_D, O_TT, O_R, O_M, O_B, O_PP, O_S, O_SS, O_NG, O_J, O_JJ, O_CH, O_K,
  O_T, O_P, O_H
};
// Vowel indices.
enum Vowel : int {
  V_A = 0, V_AE, V_YA, V_YAE, V_EO, V_E, V_YEO, V_YE, V_O, V_WA, V_WAE, V_OE, V_YO, V_U, V_WO,
  V_WE, V_WI, V_YU, V_EU, V_UI, V_I
};
// Coda indices.
enum Coda : int {
  C_NONE = 0, C_G, C_KK, C_GS, C_N, C_NJ, C_NH, C_D, C_L, C_LG, C_LM, C_LB, C_LS, C_LT, C_LP,
  C_LH, C_M, C_B, C_BS, C_S, C_SS, C_NG, C_J, C_CH, C_K, C_T, C_P, C_H
};

bool decompose(char32_t cp, Syllable* out);
char32_t compose(const Syllable& s);

// Index of a compatibility letter (ㄱ, ㅏ, ...) as onset / vowel / coda, or -1.
int onset_of_letter(std::string_view letter);
int vowel_of_letter(std::string_view letter);
int coda_of_letter(std::string_view letter);

// The onset equivalent of a simple coda (ㄱ → ㄱ, ㅅ → ㅅ), or -1 for none / complex codas.
int onset_of_coda(int coda);

// A spelling with its cost, from the variant tables.
struct Spelling {
  std::string text;
  double cost = 0;
};

struct SurnameEntry {
  std::string hangul;               // 노, 남궁
  std::string rr;                   // No
  std::string mr;                   // No
  std::vector<std::string> spellings;  // usual English spelling first
};

struct LetterTable {
  std::array<std::vector<Spelling>, kOnsetCount> onset;
  std::array<std::vector<Spelling>, kVowelCount> vowel;
  std::array<std::vector<Spelling>, kCodaCount> coda;
  std::map<std::string, std::vector<Spelling>> syllable;  // whole-syllable spellings
};

struct RomanLetters {
  std::array<std::string, kOnsetCount> rr_onset, mr_onset, mr_onset_voiced;
  std::array<std::string, kVowelCount> rr_vowel, mr_vowel;
  std::array<std::string, kCodaCount> rr_coda, mr_coda;
};

// The compiled-in tables, parsed once (immutable afterwards).
const std::vector<SurnameEntry>& surnames();
// Longest surname at the start of `hangul` (two syllables before one), or nullptr.
const SurnameEntry* find_surname(std::string_view hangul);
const LetterTable& name_letters();
const LetterTable& loanword_letters();
const RomanLetters& roman_letters();

// Hangul syllables of `s`; false if anything else (other than spaces when allowed) occurs.
bool hangul_syllables(std::string_view s, std::vector<Syllable>* out, std::vector<std::size_t>* word_starts);

}  // namespace koterm::names::detail
