// Soft problems (a low-confidence bead, an unknown key in a glossary, a skipped article)
// are collected here instead of being printed; cli/ prints them, --strict turns warnings
// into errors.
#pragma once

#include <string>
#include <vector>

#include "common/error.h"

namespace koterm {

enum class Severity { info, warning, error };

const char* severity_name(Severity s);

struct Diagnostic {
  Severity severity = Severity::warning;
  SourcePos pos;
  std::string message;

  // "path:line:col: warning: message"
  std::string str() const;
};

class Diagnostics {
 public:
  void add(Severity severity, SourcePos pos, std::string message);
  void info(SourcePos pos, std::string message) { add(Severity::info, std::move(pos), std::move(message)); }
  void warning(SourcePos pos, std::string message) { add(Severity::warning, std::move(pos), std::move(message)); }
  void error(SourcePos pos, std::string message) { add(Severity::error, std::move(pos), std::move(message)); }

  const std::vector<Diagnostic>& items() const { return items_; }
  std::size_t count(Severity at_least) const;
  bool empty() const { return items_.empty(); }
  void clear() { items_.clear(); }
  void append(const Diagnostics& other);

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace koterm
