// The kind of an extracted term (person, org, title, place, acronym, policy, technical,
// other), guessed from the English head word (data/en_heads.tsv), countries and capitals
// (data/en_capitals.tsv), the script and the strength of transliteration evidence; and the
// kind a Korean apposition gives a term (data/ko_kind_nouns.tsv: 영국 구단인 첼시).
#pragma once

#include <optional>
#include <string_view>

#include "glossary/model.h"

namespace koterm::terms {

glossary::Kind guess_kind(std::string_view ko, std::string_view en, double transliteration);

// The capital of a country named by its English form (France → Paris), "" when the country
// is not listed.
std::string_view capital_of(std::string_view country_en);

// The kind the Korean word just before a term gives it: a noun of data/ko_kind_nouns.tsv
// standing bare (이라크의 수도 바그다드: place) or with the copula 인 (영국 구단인 첼시: org),
// also closing a longer word (축구클럽인). `before` is the Korean text before the term in its
// sentence; nullopt when its last word says nothing.
std::optional<glossary::Kind> kind_from_korean_before(std::string_view before);

}  // namespace koterm::terms
