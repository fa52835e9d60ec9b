// koterm extract: option parsing only; the work is terms::run_extract.
#include "batch/run_extract_batch.h"
#include "batch/runner.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output.h"
#include "cli/progress.h"
#include "common/error.h"
#include "terms/run_extract.h"

namespace koterm::cli {

int command_extract(const std::vector<std::string>& args, Io& io) {
  CommandLine cl;
  cl.name = "extract";
  cl.usage =
      "koterm extract (KO EN [KO EN ...] | --manifest FILE | --dir FOLDER | --aligned KO EN) "
      "[-o OUT | -g GLOSSARY] [--threads N] [--quiet] [--shard I/N --stats-out PART] "
      "[--from-stats COUNTS]";
  cl.description =
      "Finds bilingual terms and every English rendering each Korean term got, and writes "
      "them as a YAML glossary (status: candidate). Article pairs are segmented and aligned "
      "first; --aligned takes a corpus whose line i translates line i. Pairs are linked "
      "inside aligned units by association over the whole input and by evidence that holds "
      "in one article (transliteration, acronyms, parenthesised glosses, a given glossary). "
      "-g updates an existing glossary (human decisions win); with -o as well the update is "
      "written there instead.";
  std::vector<std::string> files, aligned;
  std::string output;
  terms::ExtractRunOptions o;
  batch::BatchOptions b;
  std::string shard;
  bool quiet = false;
  cl.options.add_options()
      ("files", po::value<std::vector<std::string>>(&files), "article pairs: KO EN [KO EN ...]")
      ("manifest", po::value<std::string>(&o.manifest), "TSV of article pairs: id, Korean path, English path")
      ("dir", po::value<std::string>(&o.directory), "a folder of NAME.ko.txt + NAME.en.txt pairs")
      ("aligned", po::value<std::vector<std::string>>(&aligned)->multitoken(),
       "KO EN: a line-aligned corpus (line i translates line i)")
      ("output,o", po::value<std::string>(&output), "write the glossary here instead of standard output")
      ("glossary,g", po::value<std::string>(&o.glossary_path), "update this glossary (rewritten in place unless -o is given)")
      ("min-score", po::value<double>(&o.extract.min_entry_score)->default_value(o.extract.min_entry_score, default_text(o.extract.min_entry_score)),
       "leave out entries scored below this (0..1)")
      ("min-link-score", po::value<double>(&o.extract.min_link_score)->default_value(o.extract.min_link_score, default_text(o.extract.min_link_score)),
       "link a pair inside a unit only at this association or evidence score (0..1)")
      ("all-links", po::bool_switch(&o.extract.keep_all_links),
       "write every pair linked at least once, whatever its counts (for auditing)")
      ("examples", po::value<std::size_t>(&o.extract.max_examples)->default_value(o.extract.max_examples),
       "example sentence pairs per entry")
      ("threads", po::value<unsigned>(&b.threads),
       "worker threads reading, segmenting and aligning article pairs and linking terms (default: all cores; the glossary is the same for any number)")
      ("quiet", po::bool_switch(&quiet), "no progress display on standard error")
      ("shard", po::value<std::string>(&shard),
       "I/N: process only the I-th of N slices of the input (needs --stats-out)")
      ("stats-out", po::value<std::string>(&b.stats_out),
       "write this run's counts to PART (merge parts with koterm stats merge) instead of a glossary; "
       "with --from-stats, only the links of this run")
      ("from-stats", po::value<std::string>(&o.from_stats),
       "start from merged counts instead of counting the inputs: the inputs are linked against "
       "them; with no inputs, a file of merged counts and links gives the glossary");
  add_limit_options(cl);
  cl.positional.add("files", -1);
  cl.examples = {
      "koterm extract examples/nk-envoy.ko.txt examples/nk-envoy.en.txt",
      "koterm extract --aligned corpus.ko.txt corpus.en.txt -o terms.yaml",
      "koterm extract --dir articles/ -g glossary.yaml",
      "koterm extract --manifest archive.tsv --threads 8 -o terms.yaml",
      "koterm extract --manifest archive.tsv --shard 3/8 --stats-out part-3.stats",
      "koterm extract --manifest archive.tsv --from-stats counts.stats --shard 3/8 --stats-out links-3.stats",
      "koterm extract --from-stats all.stats -o terms.yaml",
  };
  po::variables_map vm;
  if (!parse(cl, args, vm, io)) return 0;
  o.pairs = files;
  if (!aligned.empty()) {
    if (aligned.size() != 2)
      throw UsageError("extract: --aligned takes two files, KO EN; got " +
                       std::to_string(aligned.size()));
    o.aligned_ko = aligned[0];
    o.aligned_en = aligned[1];
  }
  o.output_path = output;
  o.limits = read_limits(vm);
  o.extract.threads = batch::resolve_threads(b.threads);
  o.validate();

  if (!shard.empty()) b.shard = batch::parse_shard(shard);
  b.validate();
  // Batches (a manifest, a folder, or any batch option) run on the batch runner: threads,
  // progress, and a broken article pair skipped instead of ending the run.
  const bool batch_run = !o.manifest.empty() || !o.directory.empty() || vm.count("threads") > 0 ||
                         quiet || !shard.empty() || !b.stats_out.empty() ||
                         !o.from_stats.empty();
  OutputTarget target(output, io.out);
  Diagnostics diags;
  int code = 0;
  if (batch_run) {
    StderrProgress progress(io.err, io.err_is_terminal, o.aligned_ko.empty() ? "article pairs" : "line pairs");
    code = batch::run_extract_batch(o, b, io.in, target.stream(), diags, quiet ? nullptr : &progress);
  } else {
    code = terms::run_extract(o, io.in, target.stream(), diags);
  }
  std::size_t errors = print_diagnostics(diags, io.err);
  if (errors > 0) return 2;
  target.commit();
  return code;
}

}  // namespace koterm::cli
