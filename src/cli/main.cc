#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "cli/app.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  koterm::cli::Io io{std::cin, std::cout, std::cerr, ::isatty(1) != 0, ::isatty(2) != 0};
  int code = koterm::cli::run_main(args, io);
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "koterm: error: cannot write to standard output\n";
    return koterm::cli::exit_input;
  }
  return code;
}
