// koterm analyze --lang ko|en FILE: option parsing only; the work is english::run_analyze.
#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output.h"
#include "english/run_analyze.h"

namespace koterm::cli {

int command_analyze(const std::vector<std::string>& args, Io& io) {
  CommandLine cl;
  cl.name = "analyze";
  cl.usage = "koterm analyze --lang ko|en FILE [--format tsv|json] [-o OUT]";
  cl.description =
      "Analyses every line of FILE for term matching. Korean: one line per eojeol, "
      "'eojeol<TAB>stem<TAB>tail<TAB>tail_kind<TAB>key', the eojeol as it stands in FILE and the "
      "stem empty when it has no noun. English: one line per token, 'token<TAB>key<TAB>flags'. "
      "'json' adds byte offsets into FILE.";
  std::string lang, format, output;
  english::AnalyzeOptions o;
  cl.options.add_options()
      ("lang", po::value<std::string>(&lang)->required(), "language of FILE: ko or en")
      ("file", po::value<std::string>(&o.path), "the text (- for standard input)")
      ("format", po::value<std::string>(&format)->default_value("tsv"), "tsv or json")
      ("output,o", po::value<std::string>(&output), "write here instead of standard output");
  add_limit_options(cl);
  cl.positional.add("file", 1);
  cl.examples = {
      "koterm analyze --lang ko examples/nk-envoy.ko.txt",
      "koterm analyze --lang en --format json examples/nk-envoy.en.txt -o envoy.en.json",
      "echo '북한은 SLBM을 발사했다' | koterm analyze --lang ko -",
  };
  po::variables_map vm;
  if (!parse(cl, args, vm, io)) return 0;
  o.lang = parse_lang(lang, "lang");
  o.format = english::analyze_format_from(format);
  o.limits = read_limits(vm);
  o.validate();

  OutputTarget target(output, io.out);
  Diagnostics diags;
  int code = english::run_analyze(o, io.in, target.stream(), diags);
  std::size_t errors = print_diagnostics(diags, io.err);
  if (errors > 0) return 2;
  target.commit();
  return code;
}

}  // namespace koterm::cli
