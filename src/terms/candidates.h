// Term candidates of one sentence (or aligned unit) on each side, as interned ids with the
// word range they cover, so that competitive linking can block overlapping sub-phrases.
//   Korean:  runs of noun stems over 1-5 eojeols whose inner eojeols carry no particle,
//            compounds kept whole; the key drops the spaces (유럽 연합 = 유럽연합), the
//            surface keeps them; Latin stems (FDA, ASCI White) the same way.
//   English: capitalised spans with inner connectors (Department of Energy), lower-case
//            noun phrases with inner "of (the)" (state of emergency), acronyms (SLBMs also
//            gives SLBM), hyphenated compounds as one word; determiners and possessives
//            never belong to a candidate.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "terms/interner.h"
#include "terms/words.h"

namespace koterm::terms {

enum CandFlag : std::uint8_t {
  cand_capitalized = 1,  // English: every content word capitalised
  cand_acronym = 2,      // one acronym (SLBM, U.S.) or a Latin Korean stem
  cand_lower = 4,        // English lower-case noun phrase
  cand_latin = 8,        // Korean: a Latin-script stem (FDA)
  cand_title = 16,       // English: exactly a title of en_titles.txt (Director General)
};

struct Cand {
  std::uint32_t id = 0;        // interned key
  std::uint32_t surface = 0;   // interned surface (Korean: with spaces); English: = id
  std::uint16_t word_begin = 0;
  std::uint16_t word_end = 0;  // exclusive
  std::uint8_t flags = 0;
};

struct CandidateLimits {
  std::size_t max_ko_eojeols = 5;
  std::size_t max_en_words = 10;          // capitalised spans
  std::size_t max_en_content_words = 4;   // lower-case noun phrases
};

// Appends the English candidates of `sentence` (scanned into `words`) to `out`.
void english_candidates(std::string_view sentence, const std::vector<EnWord>& words,
                        const CandidateLimits& limits, Interner& en, std::vector<Cand>& out);

// Appends the Korean candidates of the eojeols `words` to `out`.
void korean_candidates(const std::vector<KoWord>& words, const CandidateLimits& limits,
                       Interner& ko_keys, Interner& ko_surfaces, std::vector<Cand>& out);

}  // namespace koterm::terms
