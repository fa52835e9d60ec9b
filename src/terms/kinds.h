// The kind of an extracted term (person, org, title, place, acronym, policy, technical,
// other), guessed from the English head word (data/en_heads.tsv), the script and the
// strength of transliteration evidence.
#pragma once

#include <string_view>

#include "glossary/model.h"

namespace koterm::terms {

glossary::Kind guess_kind(std::string_view ko, std::string_view en, double transliteration);

}  // namespace koterm::terms
