// koterm glossary validate|merge|export|import|lookup: option parsing only; the work is in
// glossary/run_glossary.h.
#include <ostream>

#include "cli/app.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output.h"
#include "common/error.h"
#include "check/self_test.h"
#include "glossary/run_glossary.h"

namespace koterm::cli {

namespace {

namespace g = koterm::glossary;

int glossary_help(std::ostream& out) {
  out << "usage: koterm glossary <validate|merge|export|import|lookup> [options]\n\n"
            "Glossaries are YAML files (schema: glossaries/SCHEMA.md).\n\n"
            "  validate G...             report every problem as G:line:col (exit 2 on errors)\n"
            "  merge A B... -o C         merge B... into A; human decisions in A win\n"
            "  export G --to FORMAT      write TBX-Basic, OmegaT TSV, CSV or JSON\n"
            "  import FILE --from FORMAT -o G   read a TSV, CSV or TBX glossary\n"
            "  lookup G TERM             find an entry by Korean or English form\n\n"
            "'koterm glossary <subcommand> --help' describes a subcommand.\n";
  return exit_ok;
}

int finish(const Diagnostics& diags, Io& io, bool strict) {
  std::size_t errors = print_diagnostics(diags, io.err);
  if (errors > 0) return exit_input;
  if (strict && diags.count(Severity::warning) > 0) return exit_input;
  return exit_ok;
}

int validate_cmd(const std::vector<std::string>& args, Io& io) {
  CommandLine cl;
  cl.name = "glossary validate";
  cl.usage = "koterm glossary validate GLOSSARY... [--strict]";
  cl.description =
      "Checks glossaries against the schema (glossaries/SCHEMA.md) and reports every problem as\n"
      "file:line:col. Exit 2 when a file has errors (or warnings with --strict).";
  cl.options.add_options()
      ("glossary", po::value<std::vector<std::string>>()->required(), "glossary files")
      ("strict", po::bool_switch(), "treat warnings (unknown keys, unknown zones) as errors");
  cl.positional.add("glossary", -1);
  cl.examples = {"koterm glossary validate glossaries/*.yaml"};
  po::variables_map vm;
  if (!parse(cl, args, vm, io)) return exit_ok;
  g::ValidateOptions o;
  o.paths = vm["glossary"].as<std::vector<std::string>>();
  o.strict = vm["strict"].as<bool>();
  o.run_self_test = &check::run_self_test;
  Diagnostics diags;
  g::run_glossary_validate(o, io.out, diags);
  return finish(diags, io, o.strict);
}

int merge_cmd(const std::vector<std::string>& args, Io& io) {
  CommandLine cl;
  cl.name = "glossary merge";
  cl.usage = "koterm glossary merge BASE UPDATE... [-o OUT | --in-place]";
  cl.description =
      "Merges UPDATE glossaries into BASE. Approved and rejected entries of BASE keep their\n"
      "English, status and note; a rejected entry never takes new forms; counts, examples and\n"
      "sources add up; new English forms arrive as admitted candidates. Files are written\n"
      "atomically under a lock (BASE.lock), so concurrent updates lose nothing.";
  cl.options.add_options()
      ("glossary", po::value<std::vector<std::string>>()->required(), "BASE then UPDATE files")
      ("output,o", po::value<std::string>()->default_value("-"), "output glossary ('-' = standard output)")
      ("in-place", po::bool_switch(), "write the result back to BASE (locked read-merge-write)");
  cl.positional.add("glossary", -1);
  cl.examples = {"koterm glossary merge glossaries/government.yaml batch.yaml -o merged.yaml",
                 "koterm glossary merge my.yaml batch.yaml --in-place"};
  po::variables_map vm;
  if (!parse(cl, args, vm, io)) return exit_ok;
  auto files = vm["glossary"].as<std::vector<std::string>>();
  g::MergeOptions o;
  o.base = files[0];
  o.updates.assign(files.begin() + 1, files.end());
  o.output = vm["output"].as<std::string>();
  o.in_place = vm["in-place"].as<bool>();
  if (o.in_place && o.output == "-") o.output.clear();
  Diagnostics diags;
  try {
    g::run_glossary_merge(o, io.out, diags);
  } catch (const InputError&) {
    print_diagnostics(diags, io.err);
    throw;
  }
  return finish(diags, io, false);
}

g::Format parse_format(const std::string& value, const std::string& option, bool allow_json) {
  auto f = g::format_from(value);
  if (!f || (!allow_json && *f == g::Format::json))
    throw UsageError("--" + option + " must be " + (allow_json ? "tbx, tsv, csv or json" : "tsv, csv or tbx") +
                     ", not \"" + value + "\"");
  return *f;
}

int export_cmd(const std::vector<std::string>& args, Io& io) {
  CommandLine cl;
  cl.name = "glossary export";
  cl.usage = "koterm glossary export GLOSSARY --to tbx|tsv|csv|json [-o FILE]";
  cl.description =
      "Writes a glossary for other tools: TBX-Basic with an administrative status per term,\n"
      "OmegaT's three-column TSV, a CSV with a header row for memoQ and Trados, or JSON.\n"
      "TSV and CSV leave rejected entries out.";
  cl.options.add_options()
      ("glossary", po::value<std::string>()->required(), "glossary file")
      ("to", po::value<std::string>()->required(), "tbx, tsv, csv or json")
      ("approved-only", po::bool_switch(), "export approved entries only")
      ("output,o", po::value<std::string>()->default_value("-"), "output file ('-' = standard output)");
  cl.positional.add("glossary", 1);
  cl.examples = {"koterm glossary export glossaries/government.yaml --to tbx -o government.tbx"};
  po::variables_map vm;
  if (!parse(cl, args, vm, io)) return exit_ok;
  g::ExportOptions o;
  o.path = vm["glossary"].as<std::string>();
  o.format = parse_format(vm["to"].as<std::string>(), "to", true);
  o.include_candidates = !vm["approved-only"].as<bool>();
  Diagnostics diags;
  OutputTarget target(vm["output"].as<std::string>(), io.out);
  try {
    g::run_glossary_export(o, target.stream(), diags);
  } catch (const InputError&) {
    print_diagnostics(diags, io.err);
    throw;
  }
  target.commit();
  return finish(diags, io, false);
}

int import_cmd(const std::vector<std::string>& args, Io& io) {
  CommandLine cl;
  cl.name = "glossary import";
  cl.usage = "koterm glossary import FILE --from tsv|csv|tbx [-o GLOSSARY] [options]";
  cl.description =
      "Reads a glossary of another tool. TSV: OmegaT's Korean<TAB>English<TAB>comment lines, or a\n"
      "header row naming term_ko/Korean and term_en/English columns (\" / \" separates English\n"
      "variants). CSV: a header row with Korean and English columns. TBX: TBX-Basic (TBX v3 or\n"
      "TBX 2008). An existing GLOSSARY is updated by merging (human decisions in it win).";
  cl.options.add_options()
      ("file", po::value<std::string>()->required(), "file to import ('-' = standard input)")
      ("from", po::value<std::string>()->required(), "tsv, csv or tbx")
      ("output,o", po::value<std::string>()->default_value("-"), "glossary to write or update ('-' = standard output)")
      ("status", po::value<std::string>()->default_value("candidate"), "status of imported entries: candidate or approved")
      ("kind", po::value<std::string>()->default_value("other"), "kind of imported entries")
      ("name", po::value<std::string>()->default_value(""), "glossary name (default: the output file's name)");
  add_limit_options(cl);
  cl.positional.add("file", 1);
  cl.examples = {"koterm glossary import terms.tsv --from tsv -o terms.yaml",
                 "koterm glossary import memoq.csv --from csv --status approved -o team.yaml"};
  po::variables_map vm;
  if (!parse(cl, args, vm, io)) return exit_ok;
  g::ImportCommandOptions o;
  o.input = vm["file"].as<std::string>();
  o.format = parse_format(vm["from"].as<std::string>(), "from", false);
  o.output = vm["output"].as<std::string>();
  auto status = g::entry_status_from(vm["status"].as<std::string>());
  if (!status || *status == g::EntryStatus::rejected)
    throw UsageError("--status must be candidate or approved, not \"" + vm["status"].as<std::string>() + "\"");
  o.import.status = *status;
  auto kind = g::kind_from(vm["kind"].as<std::string>());
  if (!kind)
    throw UsageError("--kind must be person, org, title, place, acronym, policy, technical or other, not \"" +
                     vm["kind"].as<std::string>() + "\"");
  o.import.kind = *kind;
  o.import.name = vm["name"].as<std::string>();
  o.import.limits = read_limits(vm);
  Diagnostics diags;
  try {
    g::run_glossary_import(o, io.in, io.out, diags);
  } catch (const InputError&) {
    print_diagnostics(diags, io.err);
    throw;
  }
  return finish(diags, io, false);
}

int lookup_cmd(const std::vector<std::string>& args, Io& io) {
  CommandLine cl;
  cl.name = "glossary lookup";
  cl.usage = "koterm glossary lookup GLOSSARY TERM";
  cl.description =
      "Finds entries by a Korean or English form, tolerant of particles, spacing and case\n"
      "(\"한반도평화교섭본부장은\" finds 한반도평화교섭본부장). Exit 1 when nothing matches.";
  cl.options.add_options()
      ("glossary", po::value<std::string>()->required(), "glossary file")
      ("term", po::value<std::string>()->required(), "Korean or English term");
  cl.positional.add("glossary", 1).add("term", 1);
  cl.examples = {"koterm glossary lookup glossaries/government.yaml 외교부는",
                 "koterm glossary lookup glossaries/government.yaml \"ministry of unification\""};
  po::variables_map vm;
  if (!parse(cl, args, vm, io)) return exit_ok;
  g::LookupOptions o;
  o.path = vm["glossary"].as<std::string>();
  o.term = vm["term"].as<std::string>();
  Diagnostics diags;
  std::size_t found = 0;
  try {
    found = g::run_glossary_lookup(o, io.out, diags);
  } catch (const InputError&) {
    print_diagnostics(diags, io.err);
    throw;
  }
  int code = finish(diags, io, false);
  if (code == exit_ok && found == 0) {
    io.err << "koterm: no entry matches \"" << o.term << "\"\n";
    return exit_findings;
  }
  return code;
}

}  // namespace

int command_glossary(const std::vector<std::string>& args, Io& io) {
  if (args.empty()) {
    glossary_help(io.err);
    return exit_input;
  }
  const std::string& sub = args[0];
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (sub == "--help" || sub == "-h" || sub == "help") return glossary_help(io.out);
  if (sub == "validate") return validate_cmd(rest, io);
  if (sub == "merge") return merge_cmd(rest, io);
  if (sub == "export") return export_cmd(rest, io);
  if (sub == "import") return import_cmd(rest, io);
  if (sub == "lookup") return lookup_cmd(rest, io);
  throw UsageError("unknown glossary subcommand \"" + sub + "\" (validate, merge, export, import, lookup)");
}

}  // namespace koterm::cli
