#include "cli/commands.h"

namespace koterm::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"glossary", "validate, merge, export, import and look up YAML glossaries", command_glossary},
  };
  return table;
}

}  // namespace koterm::cli
