#include "terms/interner.h"

namespace koterm::terms {

std::uint32_t Interner::intern(std::string_view s) {
  auto it = ids_.find(s);
  if (it != ids_.end()) return it->second;
  const std::string& stored = storage_.emplace_back(s);
  auto id = static_cast<std::uint32_t>(views_.size());
  views_.push_back(stored);
  ids_.emplace(std::string_view(stored), id);
  return id;
}

std::uint32_t Interner::find(std::string_view s) const {
  auto it = ids_.find(s);
  return it == ids_.end() ? none : it->second;
}

}  // namespace koterm::terms
