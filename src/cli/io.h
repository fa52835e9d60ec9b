// What a command talks to: streams for input, output and messages, and whether they are
// terminals. Tests pass string streams; main() passes the process's own.
#pragma once

#include <iosfwd>
#include <string>

#include "common/diagnostics.h"

namespace koterm::cli {

struct Io {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  bool out_is_terminal = false;
  bool err_is_terminal = false;
};

// Prints diagnostics as "koterm: warning: path:line:col: message"; returns the number of
// errors among them.
std::size_t print_diagnostics(const Diagnostics& diags, std::ostream& err);

}  // namespace koterm::cli
