// The `koterm glossary` commands as library functions (cli/cmd_glossary.cc only parses
// options): validate, merge, export, import, lookup.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "common/diagnostics.h"
#include "glossary/exchange.h"
#include "glossary/model.h"

namespace koterm::glossary {

// Runs one self-test with the check stage; returns "" when the outcome matches `test.expect`,
// otherwise what went wrong. Provided by check/ once it exists.
using SelfTestRunner = std::function<std::string(const Glossary& g, const Entry& e, const SelfTest& test)>;

struct ValidateOptions {
  std::vector<std::string> paths;  // glossary files
  bool strict = false;             // warnings count as errors
  SelfTestRunner run_self_test;    // empty: self-tests are checked for shape only
  void validate() const;
};

struct ValidateSummary {
  std::size_t files = 0, terms = 0, errors = 0, warnings = 0, self_tests = 0, self_tests_run = 0;
};

// Reports every problem of every file to `diags` (sorted by position) and a summary line per
// file to `out`. Input errors that stop reading a file (YAML syntax) are reported as
// diagnostics too, so that every file is checked.
ValidateSummary run_glossary_validate(const ValidateOptions& options, std::ostream& out, Diagnostics& diags);

struct MergeOptions {
  std::string base;                  // glossary file
  std::vector<std::string> updates;  // glossary files merged into base, in order
  std::string output;                // "" or "-": standard output; a file is written atomically under its lock
  bool in_place = false;             // write the result to base, holding base's lock for the whole update
  void validate() const;
};

// Throws InputError when an input glossary has errors (they are in `diags`); writes nothing then.
void run_glossary_merge(const MergeOptions& options, std::ostream& out, Diagnostics& diags);

struct ExportOptions {
  std::string path;
  Format format = Format::tbx;
  bool include_candidates = true;  // false: approved entries only
  void validate() const;
};

void run_glossary_export(const ExportOptions& options, std::ostream& out, Diagnostics& diags);

struct ImportCommandOptions {
  std::string input;      // a TSV, CSV or TBX file ("-" = standard input)
  Format format = Format::tsv;
  std::string output;     // glossary file; an existing one is updated (merge, under its lock); "" or "-": stdout
  ImportOptions import;
  void validate() const;
};

// Throws InputError when rows had errors (they are in `diags`); writes nothing then.
void run_glossary_import(const ImportCommandOptions& options, std::istream& in, std::ostream& out, Diagnostics& diags);

struct LookupOptions {
  std::string path;
  std::string term;   // Korean or English
  void validate() const;
};

// Prints every matching entry; returns how many matched.
std::size_t run_glossary_lookup(const LookupOptions& options, std::ostream& out, Diagnostics& diags);

}  // namespace koterm::glossary
