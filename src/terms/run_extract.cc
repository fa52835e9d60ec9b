#include "terms/run_extract.h"

#include <algorithm>
#include <deque>
#include <future>

#include "align/align.h"
#include "common/error.h"
#include "glossary/merge.h"
#include "glossary/yaml.h"
#include "segment/segment.h"
#include "text/inputs.h"
#include "text/language.h"

namespace koterm::terms {
namespace {

UnitZone unit_zone(text::Zone z) {
  switch (z) {
    case text::Zone::body: return UnitZone::body;
    case text::Zone::headline: return UnitZone::headline;
    case text::Zone::subheadline: return UnitZone::subheadline;
    case text::Zone::caption: return UnitZone::caption;
    case text::Zone::byline: return UnitZone::byline;
    case text::Zone::credit: return UnitZone::credit;
    case text::Zone::boilerplate: return UnitZone::boilerplate;
  }
  return UnitZone::body;
}

bool blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; });
}

// One article pair, segmented and aligned, its beads added as units. `keep` holds the
// joined texts of multi-sentence beads until extraction ends.
void add_article(Extractor& x, const text::SourceText& ko, const text::SourceText& en,
                 const glossary::Glossary* given, std::deque<std::string>& keep,
                 Diagnostics& diags) {
  segment::Document kd = segment::segment(ko, text::Lang::ko);
  segment::Document ed = segment::segment(en, text::Lang::en);
  std::vector<align::SentenceInput> ks, es;
  for (const auto& s : kd.sentences)
    ks.push_back({kd.text(s), s.zone == text::Zone::boilerplate});
  for (const auto& s : ed.sentences)
    es.push_back({ed.text(s), s.zone == text::Zone::boilerplate});
  align::AlignOptions ao;
  std::vector<align::Bead> beads = align::align(ks, es, ao, given);
  std::uint32_t doc = x.add_document(ko.path(), en.path());
  std::size_t low = 0;
  for (const auto& b : beads) {
    if (b.ko.empty() || b.en.empty()) continue;
    if (b.low_confidence) {
      ++low;
      continue;
    }
    const auto& first = kd.sentences[b.ko.front()];
    if (first.zone == text::Zone::boilerplate) continue;
    auto join = [&](const segment::Document& d, const std::vector<std::size_t>& idx)
        -> std::string_view {
      if (idx.size() == 1) return d.text(d.sentences[idx[0]]);
      std::string s;
      for (std::size_t i : idx) {
        if (!s.empty()) s += ' ';
        s.append(d.text(d.sentences[i]));
      }
      return keep.emplace_back(std::move(s));
    };
    Unit u;
    u.ko = join(kd, b.ko);
    u.en = join(ed, b.en);
    u.doc = doc;
    u.ko_line = static_cast<std::uint32_t>(kd.paragraphs[first.paragraph].line);
    u.en_line = static_cast<std::uint32_t>(ed.paragraphs[ed.sentences[b.en.front()].paragraph].line);
    u.zone = unit_zone(first.zone);
    x.add_unit(u);
  }
  if (low > 0)
    diags.info({ko.path(), 0, 0}, std::to_string(low) +
                                      " low-confidence bead(s) left out of term extraction");
}

}  // namespace

void ExtractRunOptions::validate() const {
  if (has_inputs() || from_stats.empty())
    text::validate_input_kinds(pairs, manifest, directory, aligned_ko, aligned_en);
  extract.validate();
}

std::size_t add_aligned(Extractor& x, AlignedReader& reader, std::size_t begin, std::size_t end,
                        const std::function<void(std::size_t)>& done, bool read_ahead) {
  const std::uint32_t doc = x.add_document(reader.ko_path(), reader.en_path());
  std::size_t skipped = 0;
  reader.seek(begin);
  // The next block is read and normalised on another thread while this one is analysed, so
  // that reading is not a serial part of the run (errors still come in file order).
  AlignedBlock b, ahead;
  for (bool more = reader.next(b, end); more; b = std::move(ahead)) {
    std::future<bool> next = std::async(read_ahead ? std::launch::async : std::launch::deferred,
                                        [&] { return reader.next(ahead, end); });
    for (std::size_t i = 0; i < b.count; ++i) {
      std::string_view k = b.ko_line(i), e = b.en_line(i);
      if (blank(k) || blank(e)) {
        if (!blank(k) || !blank(e)) ++skipped;
        continue;
      }
      const auto line = static_cast<std::uint32_t>(b.first + i + 1);
      x.add_unit({k, e, doc, line, line, UnitZone::body});
    }
    if (done) done(b.first + b.count - begin);
    more = next.get();
    if (!more) break;
  }
  return skipped;
}

glossary::Glossary extract_aligned(const text::SourceText& ko, const text::SourceText& en,
                                   const ExtractOptions& options, Diagnostics& diags,
                                   const glossary::Glossary* given) {
  const auto& kl = ko.lines();
  const auto& el = en.lines();
  // A final empty line (file ending in "\n") is not a line pair.
  auto count = [](const text::SourceText& s) {
    std::size_t n = s.lines().size();
    while (n > 0 && s.lines()[n - 1].byte_count() == 0) --n;
    return n;
  };
  std::size_t nk = count(ko), ne = count(en);
  if (nk != ne) {
    std::size_t at = std::min(nk, ne) + 1;
    const text::SourceText& shorter = nk < ne ? ko : en;
    throw InputError({shorter.path(), at, 1},
                     "--aligned needs line i of one file to translate line i of the other; " +
                         ko.path() + " has " + std::to_string(nk) + " lines but " + en.path() +
                         " has " + std::to_string(ne) +
                         "; hint: for articles that are not line-aligned, give them as KO EN");
  }
  Extractor x(options, given);
  std::uint32_t doc = x.add_document(ko.path(), en.path());
  std::size_t skipped = 0;
  for (std::size_t i = 0; i < nk; ++i) {
    std::string_view k(ko.normalized().data() + kl[i].byte_begin, kl[i].byte_count());
    std::string_view e(en.normalized().data() + el[i].byte_begin, el[i].byte_count());
    if (blank(k) || blank(e)) {
      if (!blank(k) || !blank(e)) ++skipped;
      continue;
    }
    Unit u;
    u.ko = k;
    u.en = e;
    u.doc = doc;
    u.ko_line = static_cast<std::uint32_t>(i + 1);
    u.en_line = static_cast<std::uint32_t>(i + 1);
    x.add_unit(u);
  }
  if (skipped > 0)
    diags.warning({ko.path(), 0, 0}, std::to_string(skipped) +
                                         " line pair(s) with one side blank were skipped");
  return x.finish();
}

glossary::Glossary extract_articles(
    const std::vector<std::pair<text::SourceText, text::SourceText>>& articles,
    const ExtractOptions& options, Diagnostics& diags, const glossary::Glossary* given) {
  Extractor x(options, given);
  std::deque<std::string> keep;
  for (const auto& [ko, en] : articles) add_article(x, ko, en, given, keep, diags);
  return x.finish();
}

int run_extract(const ExtractRunOptions& options, std::istream& in, std::ostream& out,
                Diagnostics& diags) {
  options.validate();
  glossary::Glossary base;
  const glossary::Glossary* given = nullptr;
  if (!options.glossary_path.empty()) {
    base = glossary::load(options.glossary_path, diags);
    given = &base;
  }
  glossary::Glossary result;
  if (!options.aligned_ko.empty()) {
    if (options.aligned_ko == "-" && options.aligned_en == "-")
      throw UsageError("--aligned: only one of KO and EN can be standard input (-)");
    // Read block by block: memory holds a block of lines, not the files.
    AlignedReader reader(options.aligned_ko, options.aligned_en, in, options.limits);
    Extractor x(options.extract, given);
    const std::size_t skipped = add_aligned(x, reader, 0, reader.line_pairs(), {}, options.extract.threads > 1);
    if (skipped > 0)
      diags.warning({reader.ko_path(), 0, 0}, std::to_string(skipped) +
                                                  " line pair(s) with one side blank were skipped");
    result = x.finish();
  } else {
    std::vector<std::pair<text::SourceText, text::SourceText>> articles;
    for (const text::ArticlePair& p : text::list_article_pairs(
             options.pairs, options.manifest, options.directory, in, options.limits, diags)) {
      if (p.ko_path == "-" && p.en_path == "-")
        throw UsageError("only one file of a pair can be standard input (-)");
      text::require_listed_files(p);
      articles.emplace_back(text::read_source(p.ko_path, in, options.limits),
                            text::read_source(p.en_path, in, options.limits));
      text::require_language(articles.back().first, text::Lang::ko);  // swapped or mismatched sides
      text::require_language(articles.back().second, text::Lang::en);
    }
    result = extract_articles(articles, options.extract, diags, given);
  }
  if (given != nullptr) {
    glossary::merge_into(base, result);
    if (options.output_path.empty()) {
      glossary::save(base, options.glossary_path);
      return 0;
    }
    out << glossary::to_yaml(base);
    return 0;
  }
  out << glossary::to_yaml(result);
  return 0;
}

}  // namespace koterm::terms
