// koterm segment --lang ko|en FILE: option parsing only; the work is segment::run_segment.
#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output.h"
#include "segment/run_segment.h"

namespace koterm::cli {

int command_segment(const std::vector<std::string>& args, Io& io) {
  CommandLine cl;
  cl.name = "segment";
  cl.usage = "koterm segment --lang ko|en FILE [--format text|json] [-o OUT]";
  cl.description =
      "Splits an article into paragraphs (every non-blank line) and sentences. 'text' prints "
      "one sentence per line exactly as it stands in FILE, with a blank line between "
      "paragraphs; boilerplate, headline, caption, credit and byline lines are kept, one "
      "sentence each. 'json' adds each paragraph's and sentence's zone, line, column and "
      "byte offsets into FILE.";
  std::string lang, format, output;
  segment::RunSegmentOptions o;
  cl.options.add_options()
      ("lang", po::value<std::string>(&lang)->required(), "language of FILE: ko or en")
      ("file", po::value<std::string>(&o.path), "the article (- for standard input)")
      ("format", po::value<std::string>(&format)->default_value("text"), "text or json")
      ("output,o", po::value<std::string>(&output), "write here instead of standard output")
      ("no-zones", "treat every line as body text (no boilerplate, headline, caption ...)")
      ("keep-quotations", "do not split inside a quotation that spans several sentences")
      ("icu-only", "ICU's sentence break iterator without koterm's rules (for comparison)");
  add_limit_options(cl);
  cl.positional.add("file", 1);
  cl.examples = {
      "koterm segment --lang ko examples/nk-envoy.ko.txt",
      "koterm segment --lang en --format json examples/nk-envoy.en.txt -o envoy.en.json",
      "cat article.txt | koterm segment --lang ko -",
  };
  po::variables_map vm;
  if (!parse(cl, args, vm, io)) return 0;
  o.lang = parse_lang(lang, "lang");
  o.format = segment::output_format_from(format);
  o.segment.detect_zones = vm.count("no-zones") == 0;
  o.segment.use_rules = vm.count("icu-only") == 0;
  o.segment.keep_quotations = vm.count("keep-quotations") > 0;
  o.limits = read_limits(vm);
  o.validate();

  OutputTarget target(output, io.out);
  Diagnostics diags;
  int code = segment::run_segment(o, io.in, target.stream(), diags);
  std::size_t errors = print_diagnostics(diags, io.err);
  if (errors > 0) return 2;
  target.commit();
  return code;
}

}  // namespace koterm::cli
