// Runs a glossary entry's self-test (glossaries/SCHEMA.md, `tests:`) through the checks of
// `koterm check`: the sentence pair is checked against the glossary, and the test passes when
// `expect: pass` gives no finding on the entry's Korean term and `expect: flag` gives one.
// `koterm glossary validate` receives this function through ValidateOptions::run_self_test
// (glossary/ comes before check/ in the data flow, so it cannot call it directly).
#pragma once

#include <string>

#include "glossary/model.h"

namespace koterm::check {

// "" when the test holds; otherwise why not, in one line.
std::string run_self_test(const glossary::Glossary& g, const glossary::Entry& entry,
                          const glossary::SelfTest& test);

}  // namespace koterm::check
