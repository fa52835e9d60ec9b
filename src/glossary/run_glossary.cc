#include "glossary/run_glossary.h"

#include <algorithm>
#include <filesystem>
#include <istream>
#include <ostream>
#include <sstream>

#include "common/error.h"
#include "glossary/lock.h"
#include "glossary/lookup.h"
#include "glossary/merge.h"
#include "glossary/validate.h"
#include "glossary/yaml.h"
#include "text/source.h"

namespace koterm::glossary {

namespace {

void sorted_into(const Diagnostics& found, Diagnostics& diags) {
  std::vector<Diagnostic> items = found.items();
  std::stable_sort(items.begin(), items.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.pos.line != b.pos.line) return a.pos.line < b.pos.line;
    return a.pos.col < b.pos.col;
  });
  for (auto& d : items) diags.add(d.severity, std::move(d.pos), std::move(d.message));
}

// Loads a glossary that must be free of errors (warnings are passed on).
Glossary load_clean(const std::string& path, Diagnostics& diags) {
  Diagnostics found;
  Glossary g = load(path, found);
  sorted_into(found, diags);
  std::size_t errors = found.count(Severity::error);
  if (errors > 0)
    throw InputError({path}, "the glossary has " + std::to_string(errors) +
                                 " error(s) (listed above); fix them first (koterm glossary validate " + path + ")");
  return g;
}

}  // namespace

void ValidateOptions::validate() const {
  if (paths.empty()) throw UsageError("glossary validate: give at least one glossary file");
}

ValidateSummary run_glossary_validate(const ValidateOptions& options, std::ostream& out, Diagnostics& diags) {
  options.validate();
  ValidateSummary total;
  for (const auto& path : options.paths) {
    Diagnostics found;
    Glossary g;
    try {
      g = load(path, found);
    } catch (const InputError& e) {
      found.error(e.pos(), e.message());
    }
    for (const auto& e : g.terms) {
      for (const auto& t : e.tests) {
        ++total.self_tests;
        if (!options.run_self_test || t.expect.empty()) continue;
        ++total.self_tests_run;
        std::string why = options.run_self_test(g, e, t);
        if (!why.empty())
          found.error({path, e.line}, "self-test of \"" + e.id + "\" failed (expected " + t.expect + "): " + why);
      }
    }
    std::size_t errors = found.count(Severity::error);
    std::size_t warnings = found.count(Severity::warning) - errors;
    sorted_into(found, diags);
    out << text::display_name(path) << ": " << g.terms.size() << " terms, " << errors << " error"
        << (errors == 1 ? "" : "s") << ", " << warnings << " warning" << (warnings == 1 ? "" : "s") << "\n";
    ++total.files;
    total.terms += g.terms.size();
    total.errors += errors;
    total.warnings += warnings;
  }
  return total;
}

void MergeOptions::validate() const {
  if (base.empty()) throw UsageError("glossary merge: give the base glossary and at least one update");
  if (updates.empty()) throw UsageError("glossary merge: give at least one glossary to merge into " + base);
  if (in_place && !output.empty() && output != base)
    throw UsageError("glossary merge: --in-place writes to the base glossary; leave out -o");
}

void run_glossary_merge(const MergeOptions& options, std::ostream& out, Diagnostics& diags) {
  options.validate();
  std::vector<Glossary> updates;
  for (const auto& u : options.updates) updates.push_back(load_clean(u, diags));
  auto apply = [&](Glossary& g) {
    for (const auto& u : updates) merge_into(g, u);
  };
  if (options.in_place || options.output == options.base) {
    Diagnostics found;
    try {
      update(options.base, apply, found);
    } catch (const InputError&) {
      sorted_into(found, diags);
      throw;
    }
    sorted_into(found, diags);
    return;
  }
  Glossary g = load_clean(options.base, diags);
  apply(g);
  if (options.output.empty() || options.output == "-") {
    out << to_yaml(g);
  } else {
    save(g, options.output);
  }
}

void ExportOptions::validate() const {
  if (path.empty()) throw UsageError("glossary export: give a glossary file");
}

void run_glossary_export(const ExportOptions& options, std::ostream& out, Diagnostics& diags) {
  options.validate();
  Glossary g = load_clean(options.path, diags);
  if (!options.include_candidates) {
    std::erase_if(g.terms, [](const Entry& e) { return e.status != EntryStatus::approved; });
  }
  out << export_glossary(g, options.format);
}

void ImportCommandOptions::validate() const {
  if (input.empty()) throw UsageError("glossary import: give a TSV, CSV or TBX file");
  if (format == Format::json) throw UsageError("glossary import: --from must be tsv, csv or tbx");
}

void run_glossary_import(const ImportCommandOptions& options, std::istream& in, std::ostream& out, Diagnostics& diags) {
  options.validate();
  std::string bytes = text::read_file_bytes(options.input, in, options.import.limits);
  std::string shown = text::display_name(options.input);
  ImportOptions io = options.import;
  if (io.name.empty() && !options.output.empty() && options.output != "-")
    io.name = std::filesystem::path(options.output).stem().string();
  Diagnostics found;
  Glossary imported = import_glossary(bytes, options.format, shown, found, io);
  // Rows repeating a Korean form were merged into one entry; the result must still pass
  // the glossary checks.
  Diagnostics check;
  std::vector<EntryPositions> where(imported.terms.size());
  for (std::size_t i = 0; i < where.size(); ++i) where[i].entry = SourcePos{shown, imported.terms[i].line};
  check_glossary(imported, where, check);
  for (const auto& d : check.items()) found.add(d.severity, d.pos, d.message);
  std::size_t errors = found.count(Severity::error);
  diags.append(found);
  if (errors > 0)
    throw InputError({shown}, std::to_string(errors) + " row(s) could not be imported (listed above); nothing was written");
  if (options.output.empty() || options.output == "-") {
    out << to_yaml(imported);
    return;
  }
  std::error_code ec;
  if (std::filesystem::exists(options.output, ec)) {
    Diagnostics loaded;
    try {
      update(options.output, [&](Glossary& g) { merge_into(g, imported); }, loaded);
    } catch (const InputError&) {
      sorted_into(loaded, diags);
      throw;
    }
    sorted_into(loaded, diags);
  } else {
    save(imported, options.output);
  }
}

void LookupOptions::validate() const {
  if (path.empty() || term.empty()) throw UsageError("glossary lookup: give a glossary file and a term");
}

std::size_t run_glossary_lookup(const LookupOptions& options, std::ostream& out, Diagnostics& diags) {
  options.validate();
  Glossary g = load_clean(options.path, diags);
  LookupIndex index(g);
  auto hits = index.find(options.term);
  for (const auto& h : hits) {
    const Entry& e = g.terms[h.entry_index];
    out << text::display_name(options.path) << ":" << e.line << ": " << e.id << ": " << e.ko << " = " << e.en << " ("
        << name_of(e.kind) << ", " << name_of(e.status) << ")\n";
    for (const auto& v : e.variants)
      if (v.en != e.en) out << "  en " << name_of(v.status) << ": " << v.en << (v.short_form ? " (short form)" : "") << "\n";
    for (const auto& kv : e.ko_variants) out << "  ko " << name_of(kv.status) << ": " << kv.ko << "\n";
    if (!e.valid_from.empty() || !e.valid_until.empty())
      out << "  valid: " << (e.valid_from.empty() ? "..." : e.valid_from) << " to "
          << (e.valid_until.empty() ? "now" : e.valid_until) << "\n";
    if (!e.note.empty()) out << "  note: " << e.note << "\n";
    if (h.matched_form != e.ko && h.matched_form != e.en) out << "  matched: " << h.matched_form << "\n";
  }
  return hits.size();
}

}  // namespace koterm::glossary
