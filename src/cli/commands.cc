#include "cli/commands.h"

namespace koterm::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"segment", "split an article into paragraphs and sentences, with zones", command_segment},
      {"analyze", "analyse Korean eojeols (noun stems) or English tokens, with matching keys", command_analyze},
      {"names", "romanise Korean names and score English spellings of names and loanwords", command_names},
      {"align", "align the sentences of a Korean article and its English translation", command_align},
      {"extract", "extract bilingual terms with all their English variants into a YAML glossary", command_extract},
      {"glossary", "validate, merge, export, import and look up YAML glossaries", command_glossary},
      {"check", "check translations for deprecated, missing, inconsistent, ambiguous and misspelt terms", command_check},
      {"stats", "merge the partial counts of sharded extract runs (koterm stats merge)", command_stats},
  };
  return table;
}

}  // namespace koterm::cli
