// koterm check: option parsing only; the work is check::run_check.
#include "check/run_check.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "cli/progress.h"
#include "cli/output.h"
#include "common/error.h"

namespace koterm::cli {

int command_check(const std::vector<std::string>& args, Io& io) {
  CommandLine cl;
  cl.name = "check";
  cl.usage =
      "koterm check (KO EN [KO EN ...] | --manifest FILE | --dir FOLDER | --aligned KO EN) "
      "[-g GLOSSARY]... [--format text|json|tsv|html] [--fail-on info|warning|error] [-o OUT] "
      "[--threads N] [--quiet]";
  cl.description =
      "Checks English translations against their Korean originals, term by term: deprecated "
      "glossary variants, glossary terms whose English is missing, one Korean term rendered "
      "several ways (found without any glossary, within an article and across a batch), one "
      "English form used for two Korean terms, and names spelt differently from the glossary "
      "or from their first mention. Matching tolerates Korean particles and spacing and "
      "English case, plurals and hyphenation; short forms on later mentions are accepted. "
      "Findings only in headlines get a lower severity. Exit 0 when no finding reaches "
      "--fail-on, 1 when one does, 2 on a usage or input error.";
  std::vector<std::string> files, aligned, severities;
  std::string output, format = "text", fail_on = "warning", color = "auto";
  bool quiet = false;
  check::CheckRunOptions o;
  cl.options.add_options()
      ("files", po::value<std::vector<std::string>>(&files), "article pairs: KO EN [KO EN ...]")
      ("manifest", po::value<std::string>(&o.manifest), "TSV of article pairs: id, Korean path, English path")
      ("dir", po::value<std::string>(&o.directory), "a folder of NAME.ko.txt + NAME.en.txt pairs")
      ("aligned", po::value<std::vector<std::string>>(&aligned)->multitoken(),
       "KO EN: a line-aligned corpus (line i translates line i)")
      ("article-lines", po::value<std::size_t>(&o.article_lines)->default_value(0),
       "with --aligned: cut the corpus into articles of this many line pairs (0: one article)")
      ("glossary,g", po::value<std::vector<std::string>>(&o.glossary_paths),
       "a YAML glossary to check against (repeatable)")
      ("format", po::value<std::string>(&format)->default_value(format), "text, json, tsv or html")
      ("fail-on", po::value<std::string>(&fail_on)->default_value(fail_on),
       "exit 1 when a finding is at least this severe: info, warning or error")
      ("severity", po::value<std::vector<std::string>>(&severities),
       "TYPE=LEVEL (in body text), TYPE:headline=LEVEL (when every departing occurrence is in a "
       "headline) or TYPE:uncertain=LEVEL (a missing rendering the English may hold after all: a "
       "fitting pronoun or description, a metonym, the neighbouring line, a partial, doubtful or "
       "unrelated bead); types: deprecated, missing, inconsistent, ambiguous, name; levels: info, warning, "
       "error, off; repeatable")
      ("color", po::value<std::string>(&color)->default_value(color),
       "colour text output: auto (when standard output is a terminal), always or never")
      ("min-entry-score", po::value<double>(&o.check.min_candidate_score)->default_value(o.check.min_candidate_score, default_text(o.check.min_candidate_score)),
       "check candidate glossary entries for missing renderings only at this score (0..1)")
      ("min-term-syllables", po::value<std::size_t>(&o.check.min_term_syllables)->default_value(o.check.min_term_syllables),
       "without a glossary, look at Korean compounds of at least this many syllables")
      ("no-batch", "do not compare renderings across the articles of a batch")
      ("no-term-links", "do not run the term extractor first to tell which English phrase belongs to which Korean term")
      ("threads", po::value<unsigned>(&o.check.threads)->default_value(0, "all cores"),
       "worker threads reading, aligning and checking article pairs (the findings are the same for any number)")
      ("quiet", po::bool_switch(&quiet), "no progress display on standard error for a manifest or a folder")
      ("output,o", po::value<std::string>(&output), "write the report here instead of standard output");
  add_limit_options(cl);
  cl.positional.add("files", -1);
  cl.examples = {
      "koterm check examples/nk-envoy.ko.txt examples/nk-envoy.en.txt",
      "koterm check a.ko.txt a.en.txt -g glossaries/titles.yaml --format json",
      "koterm check --dir articles/ -g glossary.yaml --format html -o report.html",
      "koterm check --manifest archive.tsv -g glossary.yaml --threads 8 --format tsv -o findings.tsv",
      "koterm check --aligned corpus.ko corpus.en --article-lines 20 -g terms.yaml --fail-on error",
  };
  po::variables_map vm;
  if (!parse(cl, args, vm, io)) return 0;
  o.pairs = files;
  if (!aligned.empty()) {
    if (aligned.size() != 2)
      throw UsageError("check: --aligned takes two files, KO EN; got " + std::to_string(aligned.size()));
    o.aligned_ko = aligned[0];
    o.aligned_en = aligned[1];
  }
  o.format = check::format_from(format);
  auto sev = check::severity_from(fail_on);
  if (!sev) throw UsageError("--fail-on: unknown level \"" + fail_on + "\"; expected info, warning or error");
  o.fail_on = *sev;
  for (const std::string& s : severities) o.check.severities.apply(s);
  if (color == "always") o.color = true;
  else if (color == "never") o.color = false;
  else if (color == "auto") o.color = io.out_is_terminal && output.empty();
  else throw UsageError("--color: unknown value \"" + color + "\"; expected auto, always or never");
  if (o.format != check::Format::text) o.color = false;
  o.check.across_batch = vm.count("no-batch") == 0;
  o.check.use_term_links = vm.count("no-term-links") == 0;
  o.limits = read_limits(vm);
  o.validate();

  OutputTarget target(output, io.out);
  Diagnostics diags;
  // A manifest or a folder shows how far reading and checking are (a bar on a terminal).
  const bool show = !quiet && (!o.manifest.empty() || !o.directory.empty());
  StderrProgress reading(io.err, io.err_is_terminal, "article pairs read");
  StderrProgress checking(io.err, io.err_is_terminal, "articles checked");
  int code = check::run_check(o, io.in, target.stream(), diags, show ? &reading : nullptr,
                              show ? &checking : nullptr);
  std::size_t errors = print_diagnostics(diags, io.err);
  if (errors > 0) return 2;
  target.commit();
  return code;
}

}  // namespace koterm::cli
