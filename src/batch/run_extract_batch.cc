#include "batch/run_extract_batch.h"

#include <algorithm>
#include <charconv>
#include <sstream>

#include "align/align.h"
#include "batch/stats_file.h"
#include "common/atomic_file.h"
#include "common/error.h"
#include "glossary/merge.h"
#include "glossary/yaml.h"
#include "segment/segment.h"
#include "text/language.h"

namespace koterm::batch {
namespace {

terms::UnitZone unit_zone(text::Zone z) {
  switch (z) {
    case text::Zone::body: return terms::UnitZone::body;
    case text::Zone::headline: return terms::UnitZone::headline;
    case text::Zone::subheadline: return terms::UnitZone::subheadline;
    case text::Zone::caption: return terms::UnitZone::caption;
    case text::Zone::byline: return terms::UnitZone::byline;
    case text::Zone::credit: return terms::UnitZone::credit;
    case text::Zone::boilerplate: return terms::UnitZone::boilerplate;
  }
  return terms::UnitZone::body;
}

// An aligned unit that owns its text (it outlives the article's SourceTexts).
struct OwnedUnit {
  std::string ko;
  std::string en;
  std::uint32_t ko_line = 0;
  std::uint32_t en_line = 0;
  terms::UnitZone zone = terms::UnitZone::body;
};

struct PreparedArticle {
  std::string ko_path;
  std::string en_path;
  std::vector<OwnedUnit> units;
  std::size_t low_confidence = 0;
};

// Reads, checks, segments and aligns one article pair (on a worker thread). Throws
// InputError for a pair that cannot be used.
PreparedArticle prepare(const ArticleJob& job, const glossary::Glossary* given,
                        const text::ReadLimits& limits, std::istream& no_stdin) {
  text::require_listed_files(job);
  text::SourceText ko = text::read_source(job.ko_path, no_stdin, limits);
  text::SourceText en = text::read_source(job.en_path, no_stdin, limits);
  text::require_language(ko, text::Lang::ko);
  text::require_language(en, text::Lang::en);
  segment::Document kd = segment::segment(ko, text::Lang::ko);
  segment::Document ed = segment::segment(en, text::Lang::en);
  if (kd.sentences.empty() || ed.sentences.empty()) {
    const std::string& empty = kd.sentences.empty() ? ko.path() : en.path();
    throw InputError({empty, 0, 0}, "no sentences in this side of article pair \"" + job.id +
                                        "\"; a pair needs text on both sides");
  }
  std::vector<align::SentenceInput> ks, es;
  for (const auto& s : kd.sentences) ks.push_back({kd.text(s), s.zone == text::Zone::boilerplate});
  for (const auto& s : ed.sentences) es.push_back({ed.text(s), s.zone == text::Zone::boilerplate});
  align::AlignOptions ao;
  std::vector<align::Bead> beads = align::align(ks, es, ao, given);
  PreparedArticle a;
  a.ko_path = ko.path();
  a.en_path = en.path();
  auto join = [](const segment::Document& d, const std::vector<std::size_t>& idx) {
    std::string s;
    for (std::size_t i : idx) {
      if (!s.empty()) s += ' ';
      s.append(d.text(d.sentences[i]));
    }
    return s;
  };
  for (const auto& b : beads) {
    if (b.ko.empty() || b.en.empty()) continue;
    if (b.low_confidence) {
      ++a.low_confidence;
      continue;
    }
    const auto& first = kd.sentences[b.ko.front()];
    if (first.zone == text::Zone::boilerplate) continue;
    OwnedUnit u;
    u.ko = join(kd, b.ko);
    u.en = join(ed, b.en);
    u.ko_line = static_cast<std::uint32_t>(kd.paragraphs[first.paragraph].line);
    u.en_line = static_cast<std::uint32_t>(ed.paragraphs[ed.sentences[b.en.front()].paragraph].line);
    u.zone = unit_zone(first.zone);
    a.units.push_back(std::move(u));
  }
  return a;
}

// The pass-1 counts of a --from-stats file, for linking inputs against them: a file that
// holds links already would count them twice.
terms::Stats load_counts(const terms::ExtractRunOptions& options, std::istream& in) {
  terms::Stats st = read_stats(options.from_stats, in);
  if (st.link.size() != 0)
    throw InputError({options.from_stats, 0, 0},
                     "holds links already; give it without inputs to make the glossary, or link "
                     "against the counts of round 1 only");
  return st;
}

// Writes the glossary (or the shard's counts) where the options say.
void write_result(terms::Extractor& x, const terms::ExtractRunOptions& options,
                  const BatchOptions& batch, glossary::Glossary* base, std::ostream& out) {
  if (!batch.stats_out.empty()) {
    // Round 1 writes the shard's pass-1 counts; round 2 (--from-stats) only its links.
    if (options.from_stats.empty())
      write_file_atomically(batch.stats_out, stats_to_string(x.stats()));
    else
      write_file_atomically(batch.stats_out, stats_to_string(x.link_counts()));
    return;
  }
  glossary::Glossary result = x.finish();
  if (base != nullptr) {
    glossary::merge_into(*base, result);
    if (options.output_path.empty()) {
      glossary::save(*base, options.glossary_path);
      return;
    }
    out << glossary::to_yaml(*base);
    return;
  }
  out << glossary::to_yaml(result);
}

int extract_aligned_shard(const terms::ExtractRunOptions& options, const BatchOptions& batch,
                          std::istream& in, std::ostream& out, Diagnostics& diags,
                          glossary::Glossary* base, Progress* progress) {
  if (options.aligned_ko == "-" && options.aligned_en == "-")
    throw UsageError("--aligned: only one of KO and EN can be standard input (-)");
  // Read block by block: memory holds a block of lines, not the files.
  terms::AlignedReader reader(options.aligned_ko, options.aligned_en, in, options.limits);
  auto [begin, end] = shard_range(reader.line_pairs(), batch.shard);
  terms::Extractor x(options.extract, base);
  if (!options.from_stats.empty()) x.use_counts(load_counts(options, in));
  if (progress != nullptr) progress->start(end - begin);
  const std::size_t skipped = terms::add_aligned(x, reader, begin, end, [&](std::size_t done) {
    if (progress != nullptr) progress->advance(done, 0);
  }, options.extract.threads > 1);
  if (progress != nullptr) progress->finish(end - begin, 0);
  if (skipped > 0)
    diags.warning({reader.ko_path(), 0, 0}, std::to_string(skipped) + " line pair(s) with one side blank were skipped");
  write_result(x, options, batch, base, out);
  return 0;
}

}  // namespace

Shard parse_shard(const std::string& text) {
  auto bad = [&] {
    return UsageError("--shard takes I/N with 1 <= I <= N (the I-th of N shards, like 3/8); got \"" +
                      text + "\"");
  };
  std::size_t slash = text.find('/');
  if (slash == std::string::npos) throw bad();
  Shard s;
  auto number = [&](std::string_view f, std::size_t& v) {
    auto [end, ec] = std::from_chars(f.data(), f.data() + f.size(), v);
    if (f.empty() || ec != std::errc() || end != f.data() + f.size()) throw bad();
  };
  number(std::string_view(text).substr(0, slash), s.index);
  number(std::string_view(text).substr(slash + 1), s.count);
  if (s.count < 1 || s.index < 1 || s.index > s.count) throw bad();
  return s;
}

void BatchOptions::validate() const {
  if (threads > 1024) throw UsageError("--threads must be between 1 and 1024");
  if (!shard.whole() && stats_out.empty())
    throw UsageError("--shard needs --stats-out PART: a shard's counts are merged with "
                     "koterm stats merge before the glossary is made");
}

std::pair<std::size_t, std::size_t> shard_range(std::size_t count, Shard shard) {
  std::size_t begin = count * (shard.index - 1) / shard.count;
  std::size_t end = count * shard.index / shard.count;
  return {begin, end};
}

std::vector<ArticleJob> list_articles(const terms::ExtractRunOptions& options, std::istream& in,
                                      Diagnostics& diags) {
  std::vector<ArticleJob> jobs = text::list_article_pairs(options.pairs, options.manifest,
                                                          options.directory, in, options.limits, diags);
  for (const ArticleJob& j : jobs)
    if (j.ko_path == "-" || j.en_path == "-")
      throw UsageError("a batch run reads article files, not standard input (-); article pair \"" +
                       j.id + "\"");
  return jobs;
}

int run_extract_batch(const terms::ExtractRunOptions& options, const BatchOptions& batch,
                      std::istream& in, std::ostream& out, Diagnostics& diags,
                      Progress* progress) {
  options.validate();
  batch.validate();
  if (!batch.stats_out.empty() && !options.output_path.empty())
    throw UsageError("--stats-out writes counts, not a glossary; leave out -o (or --stats-out)");
  glossary::Glossary base;
  glossary::Glossary* given = nullptr;
  if (!options.glossary_path.empty()) {
    base = glossary::load(options.glossary_path, diags);
    given = &base;
  }
  if (!options.has_inputs()) {
    // The last step of a sharded run: the merged counts and links give the glossary.
    if (!batch.shard.whole() || !batch.stats_out.empty())
      throw UsageError("--from-stats without inputs makes the glossary; --shard and --stats-out "
                       "need the inputs of the shard");
    terms::Stats all = read_stats(options.from_stats, in);
    if (all.link.size() == 0)
      throw InputError({options.from_stats, 0, 0},
                       "holds counts but no links; link the inputs against it first "
                       "(koterm extract INPUTS --from-stats COUNTS --shard I/N --stats-out LINKS-I) "
                       "and merge those parts with it (see docs/batch.md)");
    terms::Extractor x(options.extract, given);
    x.use_counts(std::move(all));
    write_result(x, options, batch, given, out);
    return 0;
  }
  if (!options.aligned_ko.empty())
    return extract_aligned_shard(options, batch, in, out, diags, given, progress);

  std::vector<ArticleJob> all = list_articles(options, in, diags);
  auto [begin, end] = shard_range(all.size(), batch.shard);
  std::vector<ArticleJob> jobs(all.begin() + static_cast<std::ptrdiff_t>(begin),
                               all.begin() + static_cast<std::ptrdiff_t>(end));
  terms::Extractor x(options.extract, given);
  if (!options.from_stats.empty()) x.use_counts(load_counts(options, in));
  // The Extractor copies each unit, so an article is freed as soon as it is added.
  std::size_t low = 0;
  std::istringstream no_stdin;
  const glossary::Glossary* given_const = given;
  RunnerOptions ro;
  ro.threads = batch.threads;
  std::vector<JobFailure> failures = run_ordered<PreparedArticle>(
      jobs.size(), ro,
      [&](std::size_t i) { return prepare(jobs[i], given_const, options.limits, no_stdin); },
      [&](std::size_t, PreparedArticle&& a) {
        std::uint32_t doc = x.add_document(a.ko_path, a.en_path);
        for (const OwnedUnit& u : a.units) x.add_unit({u.ko, u.en, doc, u.ko_line, u.en_line, u.zone});
        low += a.low_confidence;
      },
      [&](std::size_t i) { return jobs[i].id; }, progress);
  for (const JobFailure& f : failures)
    diags.warning(f.pos, f.message + " [article pair \"" + f.id + "\" skipped]");
  if (low > 0)
    diags.info({}, std::to_string(low) + " low-confidence bead(s) left out of term extraction");
  if (!jobs.empty() && failures.size() == jobs.size())
    throw InputError({!options.manifest.empty()    ? options.manifest
                      : !options.directory.empty() ? options.directory
                                                   : jobs.front().ko_path,
                      0, 0},
                     "none of the " + std::to_string(jobs.size()) +
                         " article pair(s) could be read; nothing was written; the first (\"" +
                         failures.front().id + "\"): " + failures.front().pos.str() + ": " +
                         failures.front().message);
  if (!failures.empty())
    diags.warning({}, std::to_string(failures.size()) + " of " + std::to_string(jobs.size()) +
                          " article pair(s) skipped (listed above); the other " +
                          std::to_string(jobs.size() - failures.size()) + " were extracted");
  write_result(x, options, batch, given, out);
  return failures.empty() ? 0 : 1;
}

}  // namespace koterm::batch
