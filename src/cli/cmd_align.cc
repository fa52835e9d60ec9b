// koterm align KO EN: option parsing only; the work is align::run_align.
#include "align/run_align.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output.h"

namespace koterm::cli {

int command_align(const std::vector<std::string>& args, Io& io) {
  CommandLine cl;
  cl.name = "align";
  cl.usage = "koterm align KO EN [--presegmented] [-g GLOSSARY] [--format beads|tsv|json|tmx] [-o OUT]";
  cl.description =
      "Aligns the sentences of a Korean article (KO) and its English translation (EN) into "
      "beads: 1:1, merges (2:1, 1:2, 2:2, 1:3, 3:1) and sentences without counterpart "
      "(1:0, 0:1, such as credits and bylines). Each bead has a confidence in [0,1]; beads "
      "under --min-confidence are flagged \"low\" and reported as warnings. 'beads' prints "
      "KO<TAB>EN with comma-separated 0-based sentence indices.";
  align::AlignOptions defaults;
  std::string format = "beads";
  std::string output;
  align::RunAlignOptions o;
  cl.options.add_options()
      ("ko", po::value<std::string>(&o.ko_path), "the Korean article (- for standard input)")
      ("en", po::value<std::string>(&o.en_path), "the English article")
      ("presegmented", po::bool_switch(&o.presegmented), "one sentence per line: line k is sentence k")
      ("glossary,g", po::value<std::string>(&o.glossary_path), "a YAML glossary whose entries anchor beads")
      ("format", po::value<std::string>(&format)->default_value("beads"), "beads, tsv, json or tmx")
      ("output,o", po::value<std::string>(&output), "write here instead of standard output")
      ("min-confidence", po::value<double>(&o.align.min_confidence)->default_value(defaults.min_confidence, default_text(defaults.min_confidence)),
       "flag beads whose confidence is below this")
      ("no-anchors", "length model only: no numbers, Latin tokens, hanja or quotes (ablation)")
      ("no-lexicon", "anchors without the news lexicon's word pairs (ablation)")
      ("no-glossary-anchors", "read the glossary but do not use it as anchors (ablation)")
      ("no-boilerplate", "do not recognise credit, byline and copyright lines (ablation)")
      ("no-three", "no 1:3 or 3:1 beads");
  add_limit_options(cl);
  cl.positional.add("ko", 1).add("en", 1);
  cl.examples = {
      "koterm align article.ko.txt article.en.txt",
      "koterm align --presegmented 001.ko 001.en > 001.beads",
      "koterm align a.ko a.en -g glossary.yaml --format tmx -o a.tmx",
  };
  po::variables_map vm;
  if (!parse(cl, args, vm, io)) return 0;
  o.format = align::format_from(format);
  o.align.use_anchors = vm.count("no-anchors") == 0;
  o.align.use_lexicon = vm.count("no-lexicon") == 0;
  o.align.use_glossary = vm.count("no-glossary-anchors") == 0;
  o.align.use_boilerplate = vm.count("no-boilerplate") == 0;
  o.align.allow_three = vm.count("no-three") == 0;
  o.limits = read_limits(vm);
  o.validate();

  OutputTarget target(output, io.out);
  Diagnostics diags;
  int code = align::run_align(o, io.in, target.stream(), diags);
  std::size_t errors = print_diagnostics(diags, io.err);
  if (errors > 0) return 2;
  target.commit();
  return code;
}

}  // namespace koterm::cli
