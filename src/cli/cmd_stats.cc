// koterm stats merge: option parsing only; the work is batch::merge_stats_files.
#include "batch/stats_file.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output.h"
#include "common/error.h"

namespace koterm::cli {

int command_stats(const std::vector<std::string>& args, Io& io) {
  CommandLine cl;
  cl.name = "stats";
  cl.usage = "koterm stats merge PART [PART ...] [-o ALL]";
  cl.description =
      "Merges the partial counts that koterm extract --shard I/N --stats-out PART wrote for "
      "each shard of a corpus into one stats file. The merge is associative and commutative: "
      "parts may be given in any order and merged in any grouping, the result is the same "
      "bytes.";
  std::vector<std::string> words;
  std::string output;
  cl.options.add_options()
      ("words", po::value<std::vector<std::string>>(&words), "merge PART [PART ...]")
      ("output,o", po::value<std::string>(&output), "write the merged stats here instead of standard output");
  cl.positional.add("words", -1);
  cl.examples = {
      "koterm stats merge part-1.stats part-2.stats part-3.stats -o all.stats",
      "koterm stats merge parts/*.stats -o all.stats",
  };
  po::variables_map vm;
  if (!parse(cl, args, vm, io)) return 0;
  if (words.empty()) throw UsageError("stats: expected the subcommand merge; usage: " + cl.usage);
  if (words[0] != "merge")
    throw UsageError("stats: unknown subcommand \"" + words[0] + "\"; the only one is merge");
  std::vector<std::string> parts(words.begin() + 1, words.end());
  if (parts.empty()) throw UsageError("stats merge: give at least one PART file");
  OutputTarget target(output, io.out);
  batch::write_stats(batch::merge_stats_files(parts, io.in), target.stream());
  target.commit();
  return 0;
}

}  // namespace koterm::cli
