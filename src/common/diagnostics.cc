#include "common/diagnostics.h"

namespace koterm {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

std::string Diagnostic::str() const {
  std::string out = pos.str();
  if (!out.empty()) out += ": ";
  out += severity_name(severity);
  out += ": ";
  out += message;
  return out;
}

void Diagnostics::add(Severity severity, SourcePos pos, std::string message) {
  items_.push_back(Diagnostic{severity, std::move(pos), std::move(message)});
}

std::size_t Diagnostics::count(Severity at_least) const {
  std::size_t n = 0;
  for (const auto& d : items_)
    if (static_cast<int>(d.severity) >= static_cast<int>(at_least)) ++n;
  return n;
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

}  // namespace koterm
