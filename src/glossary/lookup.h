// Finding glossary entries by a Korean or English form as a user types or a text has it:
// tolerant of particles (한반도평화교섭본부장은), spacing and case.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "glossary/model.h"

namespace koterm::glossary {

struct LookupHit {
  std::size_t entry_index = 0;   // into Glossary::terms
  std::string matched_form;      // the glossary form that matched (ko, a Korean variant, en or a variant)
  bool via_english = false;
  bool exact = false;            // the query equals the form as written
};

// An index over one glossary; the glossary must outlive it and stay unchanged.
class LookupIndex {
 public:
  explicit LookupIndex(const Glossary& g);

  // Entries matching `query` (Korean or English), exact matches first, then by entry order.
  std::vector<LookupHit> find(std::string_view query) const;

  // The key a form is indexed under (exposed for tests).
  static std::string korean_key(std::string_view ko);
  static std::string english_key(std::string_view en);

 private:
  const Glossary& glossary_;
  std::multimap<std::string, LookupHit> by_key_;
};

}  // namespace koterm::glossary
