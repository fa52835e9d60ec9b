// Korean names and transliteration: romanisation of Hangul (Revised Romanization and
// McCune-Reischauer), the customary spellings of Korean personal names, and phonetic matching
// of Hangul against English spellings, for Korean names (노규덕 ~ Noh Kyu-duk, Sung Kim,
// Director General Noh) and for foreign names and loanwords written in Hangul
// (로렌스 리버모아 ~ Lawrence Livermore, 도어스테핑 ~ doorstepping).
//
// The tables (surnames with their customary spellings, syllable and letter variants,
// loanword sound correspondences) are data files in src/names/data/, compiled in.
// Every function here is pure and thread-safe; NameMatcher is immutable after construction.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace koterm::names {

enum class System { revised, mccune_reischauer };

// Romanises Hangul text (plain words, place names) under `system`, lower-case, applying the
// system's sound-change rules inside each word (spaces and hyphens separate words; sound
// changes still apply across a hyphen, as in 원신-리 → wŏnsil-li). Characters that are not
// Hangul syllables are copied unchanged. McCune-Reischauer uses breves (ŏ, ŭ) and ’.
std::string romanize(std::string_view hangul, System system);

// Romanises a Korean personal name: surname, space, given name with its syllables joined
// and without sound changes between them ("노규덕" → "No Gyudeok" under RR; under MR the
// given-name syllables are hyphenated, each romanised as if word-initial: "No Kyu-tŏk"). Two-syllable surnames in the table (남궁, 선우, ...) are recognised.
std::string romanize_name(std::string_view hangul_name, System system);

struct Candidate {
  std::string en;
  double score = 0;  // in [0,1]
};

// English spellings of the Korean personal name, best (most customary) first:
// "Noh Kyu-duk", "Roh Kyu-duk", ... At most `max`.
std::vector<Candidate> name_candidates(std::string_view hangul_name, std::size_t max = 20);

// How well `en` renders the Korean name `ko` (full name in either order, hyphenated, spaced or
// joined given name, surname-only second reference, titles in front). In [0,1].
double match_name(std::string_view ko, std::string_view en);

// Phonetic similarity of a Hangul transliteration of a foreign name or loanword and an English
// spelling. In [0,1].
double match_loanword(std::string_view hangul, std::string_view en);

// The better of match_name and match_loanword.
double match_transliteration(std::string_view hangul, std::string_view en);

// True when `hangul` is exactly a surname of the table (김, 남궁) and `en` one of its
// spellings, customary or romanised (Kim, Gim; Noh, Roh, No), letter case aside.
bool spells_surname(std::string_view hangul, std::string_view en);
// True when `hangul` is exactly a surname of the table.
bool is_surname(std::string_view hangul);

// True for 2-4 Hangul syllables (no spaces) starting with a surname from the table, with a
// given name of one to three syllables: 노규덕, 남궁민, 김구. False for anything else.
bool looks_like_korean_name(std::string_view hangul);

enum class MatchKind { transliteration, korean_name, loanword };

// Scores are 0 for English longer than 256 bytes or Hangul longer than 40 syllables (not
// names), and for Hangul that has no Hangul syllables.
//
// Precomputed matcher for one Hangul term, for callers that score many English strings
// against the same Korean (the aligner, the extractor). Build once, call score() often.
class NameMatcher {
 public:
  explicit NameMatcher(std::string_view hangul, MatchKind kind = MatchKind::transliteration);
  ~NameMatcher();
  NameMatcher(NameMatcher&&) noexcept;
  NameMatcher& operator=(NameMatcher&&) noexcept;
  NameMatcher(const NameMatcher&) = delete;
  NameMatcher& operator=(const NameMatcher&) = delete;

  // Same value as match_name / match_loanword / match_transliteration for this kind.
  double score(std::string_view en) const;
  const std::string& hangul() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace koterm::names
