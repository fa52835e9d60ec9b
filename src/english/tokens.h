// English tokens and the matching key that makes variants of one term compare equal
// (case, plural, U.S./US, hyphen vs space, possessive).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/source.h"

namespace koterm::english {

struct Token {
  text::Span span;          // bytes in the tokenised string
  bool is_word = false;     // letters or digits (a word, a number, an acronym such as U.S.)
  bool capitalized = false; // starts with an upper-case letter
  bool is_acronym = false;  // all capitals (NATO, SLBM) or dotted initials (U.S., U.N.)
};

// Words (with inner apostrophes, hyphens, dots of acronyms and number separators kept
// inside) and single punctuation marks, in order; whitespace is skipped.
std::vector<Token> tokenize(std::string_view sentence);

// Matching key: lower case, possessives dropped, plurals singularised, dotted acronyms
// undotted, hyphens and spaces unified, a leading article dropped.
// term_key("End-of-War Declarations") == term_key("end of war declaration"),
// term_key("the U.S.'s") == term_key("US")
std::string term_key(std::string_view phrase);

}  // namespace koterm::english
