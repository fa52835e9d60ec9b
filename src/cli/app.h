// The command line's entry point: dispatches to a command, catches koterm's errors once and
// turns them into "koterm: error: ..." and an exit code.
#pragma once

#include <string>
#include <vector>

#include "cli/io.h"

namespace koterm::cli {

enum ExitCode : int { exit_ok = 0, exit_findings = 1, exit_input = 2, exit_internal = 3 };

// `args` excludes the program name.
int run_main(const std::vector<std::string>& args, Io& io);

}  // namespace koterm::cli
