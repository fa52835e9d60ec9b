#include "cli/commands.h"

namespace koterm::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
  };
  return table;
}

}  // namespace koterm::cli
