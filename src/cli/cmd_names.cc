// koterm names HANGUL [ENGLISH...]: option parsing only; the work is names::run_names.
#include "cli/commands.h"
#include "cli/options.h"
#include "names/run_names.h"

namespace koterm::cli {

int command_names(const std::vector<std::string>& args, Io& io) {
  CommandLine cl;
  cl.name = "names";
  cl.usage = "koterm names HANGUL [ENGLISH...] [--kind auto|korean|loanword] [--max N]";
  cl.description =
      "Without ENGLISH: the English spellings of a Korean personal name, most customary first "
      "(for anything that is not a Korean name: its Revised Romanization and McCune-Reischauer "
      "forms). With ENGLISH: how well each spelling renders HANGUL, one 'spelling<TAB>score' "
      "line each, score in [0,1], best first, ties in the order given. Korean names match in "
      "either order, hyphenated, spaced or joined, by surname alone and after a title; foreign "
      "names and loanwords in Hangul match by sound.";
  std::string kind;
  names::RunNamesOptions o;
  std::vector<std::string> words;
  cl.options.add_options()
      ("words", po::value<std::vector<std::string>>(&words), "the Hangul, then English spellings")
      ("kind", po::value<std::string>(&kind)->default_value("auto"),
       "auto (a Korean name when it starts with a known surname, else both), korean or loanword")
      ("max", po::value<std::size_t>(&o.max)->default_value(20), "candidates to print");
  cl.positional.add("words", -1);
  cl.examples = {
      "koterm names 노규덕",
      "koterm names 노규덕 \"Noh Kyu-duk\" \"No Gyu-deok\" \"Roh Kyu-duk\"",
      "koterm names \"로렌스 리버모아\" \"Lawrence Livermore\" --kind loanword",
  };
  po::variables_map vm;
  if (!parse(cl, args, vm, io)) return 0;
  if (!words.empty()) {
    o.hangul = words.front();
    o.english.assign(words.begin() + 1, words.end());
  }
  o.kind = names::names_kind_from(kind);
  o.validate();
  Diagnostics diags;
  int code = names::run_names(o, io.in, io.out, diags);
  if (print_diagnostics(diags, io.err) > 0) return 2;
  return code;
}

}  // namespace koterm::cli
