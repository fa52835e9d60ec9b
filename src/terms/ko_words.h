// Korean sentences to KoWords for candidate building: eojeols analysed with korean::
// analyze_eojeol (cached by surface, so a large corpus analyses each distinct eojeol once),
// stems turned into matching keys with korean::term_key (美 → 미국), and parenthesised
// glosses split off: 잠수함발사탄도미사일(SLBM) gives the stem 잠수함발사탄도미사일 with gloss
// "SLBM" and the Latin word SLBM.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "terms/words.h"

namespace koterm::terms {

class KoreanWords {
 public:
  KoreanWords();
  ~KoreanWords();
  KoreanWords(const KoreanWords&) = delete;
  KoreanWords& operator=(const KoreanWords&) = delete;

  // Fills `out` with the eojeols of `sentence`; the views in `out` stay valid as long as
  // this object lives.
  void analyze(std::string_view sentence, std::vector<KoWord>& out);

 private:
  struct Cached {
    std::string stem;  // the matching key of the noun stem
    bool bare = false;
    bool latin = false;
    std::string alt_stem;
    // The whole eojeol as a noun when the analysis read a final 다 as the copula (도쿠다 =
    // 도쿠 + 다) or a final 지 as a verb ending (사르코지, 조지): taken instead when more
    // words follow in the sentence (a clause rarely ends there without punctuation) and the
    // next one is not the 않/못/말 a verb's 지 goes with.
    std::string noun_if_followed;
  };
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, Cached, Hash, std::equal_to<>> cache_;
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> glosses_;

  const Cached& lookup(std::string_view eojeol);
  std::string_view keep_gloss(std::string_view gloss);
};

}  // namespace koterm::terms
