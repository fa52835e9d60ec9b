// The table of koterm's commands. Each command_<name> parses its own options (with
// Boost.Program_options, see options.h) into a plain struct and hands over to the library's
// run_<name>. Only commands that work are listed.
#pragma once

#include <string>
#include <vector>

#include "cli/io.h"

namespace koterm::cli {

using CommandFn = int (*)(const std::vector<std::string>& args, Io& io);

struct Command {
  const char* name;
  const char* summary;
  CommandFn fn;
};

// Declared here, defined in cmd_<name>.cc; listed in commands.cc in pipeline order.
int command_segment(const std::vector<std::string>& args, Io& io);
int command_analyze(const std::vector<std::string>& args, Io& io);
int command_names(const std::vector<std::string>& args, Io& io);
int command_align(const std::vector<std::string>& args, Io& io);
int command_extract(const std::vector<std::string>& args, Io& io);
int command_glossary(const std::vector<std::string>& args, Io& io);
int command_check(const std::vector<std::string>& args, Io& io);
int command_stats(const std::vector<std::string>& args, Io& io);

// All commands, in the order --help lists them.
const std::vector<Command>& commands();

}  // namespace koterm::cli
