#include "check/run_check.h"

#include <algorithm>
#include <filesystem>

#include "batch/runner.h"
#include "common/error.h"
#include "glossary/yaml.h"

namespace koterm::check {

namespace {

namespace fs = std::filesystem;

bool blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; });
}

struct PairPaths {
  std::string id;
  std::string ko;
  std::string en;
};

// The manifest format of `koterm extract --manifest` (id, Korean path, English path; paths
// relative to the manifest's folder; an "id" header line and '#' comments allowed).
std::vector<PairPaths> read_manifest(const std::string& path, std::istream& in,
                                     const text::ReadLimits& limits) {
  text::SourceText src = text::read_source(path, in, limits);
  fs::path base = path == "-" ? fs::path(".") : fs::path(path).parent_path();
  std::vector<PairPaths> out;
  std::size_t line_no = 0;
  for (const text::Span& sp : src.lines()) {
    ++line_no;
    std::string_view line(src.normalized().data() + sp.byte_begin, sp.byte_count());
    if (blank(line) || line[0] == '#') continue;
    std::vector<std::string_view> cols;
    std::size_t pos = 0;
    while (true) {
      std::size_t tab = line.find('\t', pos);
      cols.push_back(line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos));
      if (tab == std::string_view::npos) break;
      pos = tab + 1;
    }
    if (line_no == 1 && cols.size() >= 3 && cols[0] == "id") continue;
    if (cols.size() != 3 || cols[1].empty() || cols[2].empty())
      throw InputError({src.path(), line_no, 1},
                       "expected 3 TAB-separated columns (id, Korean path, English path); found " +
                           std::to_string(cols.size()) + " in \"" +
                           std::string(line.substr(0, 60)) + "\"");
    auto resolve = [&](std::string_view p) {
      fs::path f{std::string(p)};
      return (f.is_absolute() ? f : base / f).lexically_normal().string();
    };
    out.push_back({std::string(cols[0]), resolve(cols[1]), resolve(cols[2])});
  }
  if (out.empty()) throw InputError({src.path(), 0, 0}, "the manifest lists no article pairs");
  return out;
}

std::vector<PairPaths> read_directory(const std::string& dir, Diagnostics& diags) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw InputError({dir, 0, 0},
                     "not a folder; --dir expects a folder of NAME.ko.txt and NAME.en.txt files");
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string n = e.path().filename().string();
    if (n.size() > 7 && n.compare(n.size() - 7, 7, ".ko.txt") == 0) names.push_back(n.substr(0, n.size() - 7));
  }
  std::sort(names.begin(), names.end());
  std::vector<PairPaths> out;
  for (const auto& n : names) {
    fs::path ko = fs::path(dir) / (n + ".ko.txt");
    fs::path en = fs::path(dir) / (n + ".en.txt");
    if (!fs::exists(en, ec)) {
      diags.warning({ko.string(), 0, 0}, "no " + en.filename().string() + " beside it; skipped");
      continue;
    }
    out.push_back({n, ko.string(), en.string()});
  }
  if (out.empty()) throw InputError({dir, 0, 0}, "no NAME.ko.txt + NAME.en.txt pairs in this folder");
  return out;
}

}  // namespace

void CheckRunOptions::validate() const {
  int kinds = (!pairs.empty() ? 1 : 0) + (!manifest.empty() ? 1 : 0) + (!directory.empty() ? 1 : 0) +
              (!aligned_ko.empty() || !aligned_en.empty() ? 1 : 0);
  if (kinds == 0)
    throw UsageError("no input: give KO EN article pairs, --manifest FILE, --dir FOLDER or --aligned KO EN");
  if (kinds > 1)
    throw UsageError("give only one kind of input: KO EN pairs, --manifest, --dir or --aligned");
  if (pairs.size() % 2 != 0)
    throw UsageError("article files come in pairs (KO EN); got " + std::to_string(pairs.size()) +
                     " path" + (pairs.size() == 1 ? "" : "s"));
  if (aligned_ko.empty() != aligned_en.empty()) throw UsageError("--aligned takes two files: KO EN");
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
    std::vector<PairPaths> paths;
    if (!options.manifest.empty()) {
      paths = read_manifest(options.manifest, in, options.limits);
    } else if (!options.directory.empty()) {
      paths = read_directory(options.directory, diags);
    } else {
      for (std::size_t i = 0; i + 1 < options.pairs.size(); i += 2) {
        std::string id = fs::path(options.pairs[i]).filename().string();
        for (const char* suffix : {".ko.txt", ".txt"}) {
          std::string s(suffix);
          if (id.size() > s.size() && id.compare(id.size() - s.size(), s.size(), s) == 0) {
            id.resize(id.size() - s.size());
            break;
          }
        }
        paths.push_back({id, options.pairs[i], options.pairs[i + 1]});
      }
    }
    // Reading, segmenting and aligning the pairs on the batch runner's threads; articles
    // arrive in list order whatever the thread count.
    bool reads_stdin = false;
    for (const PairPaths& p : paths) {
      if (p.ko == "-" && p.en == "-") throw UsageError("only one file of a pair can be standard input (-)");
      reads_stdin = reads_stdin || p.ko == "-" || p.en == "-";
    }
    batch::RunnerOptions ro;
    ro.threads = reads_stdin ? 1 : options.check.threads;
    std::vector<batch::JobFailure> failures = batch::run_ordered<Article>(
        paths.size(), ro,
        [&](std::size_t i) {
          const PairPaths& p = paths[i];
          auto ko = std::make_shared<const text::SourceText>(text::read_source(p.ko, in, options.limits));
          auto en = std::make_shared<const text::SourceText>(text::read_source(p.en, in, options.limits));
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
