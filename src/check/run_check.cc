#include "check/run_check.h"

#include <filesystem>

#include "batch/runner.h"
#include "common/error.h"
#include "glossary/yaml.h"
#include "text/inputs.h"

namespace koterm::check {

namespace fs = std::filesystem;

void CheckRunOptions::validate() const {
  text::validate_input_kinds(pairs, manifest, directory, aligned_ko, aligned_en);
  if (article_lines != 0 && aligned_ko.empty())
    throw UsageError("--article-lines applies only to --aligned input");
  check.validate();
}

int run_check(const CheckRunOptions& options, std::istream& in, std::ostream& out,
              Diagnostics& diags, batch::Progress* reading, batch::Progress* checking) {
  options.validate();
  glossary::Glossary g;
  const glossary::Glossary* given = nullptr;
  for (const std::string& path : options.glossary_paths) {
    glossary::Glossary one = glossary::load(path, diags);
    for (auto& e : one.terms) g.terms.push_back(std::move(e));
    given = &g;
  }
  std::vector<Article> articles;
  std::size_t skipped = 0;
  if (!options.aligned_ko.empty()) {
    if (options.aligned_ko == "-" && options.aligned_en == "-")
      throw UsageError("--aligned: only one of KO and EN can be standard input (-)");
    auto ko = std::make_shared<const text::SourceText>(text::read_source(options.aligned_ko, in, options.limits));
    auto en = std::make_shared<const text::SourceText>(text::read_source(options.aligned_en, in, options.limits));
    articles = split_aligned(ko, en, options.article_lines);
  } else {
    std::vector<text::ArticlePair> paths = text::list_article_pairs(
        options.pairs, options.manifest, options.directory, in, options.limits, diags);
    // A pair named on the command line is called by its Korean file's name (nk-envoy for
    // nk-envoy.ko.txt), as docs/check-json-schema.md says.
    if (!options.pairs.empty())
      for (text::ArticlePair& p : paths) {
        std::string id = fs::path(p.ko_path).filename().string();
        for (const std::string suffix : {".ko.txt", ".txt"})
          if (id.size() > suffix.size() && id.compare(id.size() - suffix.size(), suffix.size(), suffix) == 0) {
            id.resize(id.size() - suffix.size());
            break;
          }
        p.id = id;
      }
    // Reading, segmenting and aligning the pairs on the batch runner's threads; articles
    // arrive in list order whatever the thread count.
    bool reads_stdin = false;
    for (const text::ArticlePair& p : paths) {
      if (p.ko_path == "-" && p.en_path == "-")
        throw UsageError("only one file of a pair can be standard input (-)");
      reads_stdin = reads_stdin || p.ko_path == "-" || p.en_path == "-";
    }
    batch::RunnerOptions ro;
    ro.threads = reads_stdin ? 1 : options.check.threads;
    std::vector<batch::JobFailure> failures = batch::run_ordered<Article>(
        paths.size(), ro,
        [&](std::size_t i) {
          const text::ArticlePair& p = paths[i];
          text::require_listed_files(p);  // a manifest row pointing nowhere: manifest:line:col
          auto ko = std::make_shared<const text::SourceText>(text::read_source(p.ko_path, in, options.limits));
          auto en = std::make_shared<const text::SourceText>(text::read_source(p.en_path, in, options.limits));
          return load_article(p.id, ko, en, given);
        },
        [&](std::size_t, Article&& a) {
          if (a.units.empty())
            diags.warning({a.en->path(), 0, 0}, "no aligned sentence pairs; nothing to check");
          articles.push_back(std::move(a));
        },
        [&](std::size_t i) { return paths[i].id; }, reading);
    // Pairs named on the command line must all be read; a manifest's or a folder's broken
    // pair is skipped with its id and the rest is checked.
    const bool listed = !options.manifest.empty() || !options.directory.empty();
    if (!failures.empty() && (!listed || failures.size() == paths.size())) {
      const batch::JobFailure& f = failures.front();
      if (!listed) throw InputError(f.pos, f.message);
      throw InputError({!options.manifest.empty() ? options.manifest : options.directory, 0, 0},
                       "none of the " + std::to_string(paths.size()) +
                           " article pair(s) could be read; the first (\"" + f.id + "\"): " +
                           f.pos.str() + ": " + f.message);
    }
    for (const batch::JobFailure& f : failures)
      diags.warning(f.pos, f.message + " [article pair \"" + f.id + "\" skipped]");
    if (!failures.empty())
      diags.warning({}, std::to_string(failures.size()) + " of " + std::to_string(paths.size()) +
                            " article pair(s) skipped (listed above); the other " +
                            std::to_string(paths.size() - failures.size()) + " were checked");
    skipped = failures.size();
  }
  Checker checker(options.check, given);
  CheckResult result = checker.run(articles, checking);
  switch (options.format) {
    case Format::text: write_text(result.findings, out, options.color); break;
    case Format::json: write_json(result.findings, out); break;
    case Format::tsv: write_tsv(result.findings, out); break;
    case Format::html: write_html(articles, result, out); break;
  }
  for (const Finding& f : result.findings)
    if (f.severity >= options.fail_on) return 1;
  return skipped > 0 ? 1 : 0;
}

}  // namespace koterm::check
