#include "terms/run_extract.h"

#include <algorithm>
#include <deque>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "align/align.h"
#include "common/error.h"
#include "glossary/merge.h"
#include "glossary/yaml.h"
#include "segment/segment.h"
#include "text/language.h"

namespace koterm::terms {
namespace {

namespace fs = std::filesystem;

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

std::vector<std::pair<std::string, std::string>> read_manifest(const std::string& path,
                                                               std::istream& in,
                                                               const text::ReadLimits& limits) {
  text::SourceText src = text::read_source(path, in, limits);
  fs::path base = path == "-" ? fs::path(".") : fs::path(path).parent_path();
  std::vector<std::pair<std::string, std::string>> out;
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
    if (line_no == 1 && cols.size() >= 3 && cols[0] == "id") continue;  // header
    if (cols.size() != 3 || cols[1].empty() || cols[2].empty())
      throw InputError({src.path(), line_no, 1},
                       "expected 3 TAB-separated columns (id, Korean path, English path); found " +
                           std::to_string(cols.size()) + " in \"" +
                           std::string(line.substr(0, 60)) + "\"");
    auto resolve = [&](std::string_view p) {
      fs::path f{std::string(p)};
      return (f.is_absolute() ? f : base / f).lexically_normal().string();
    };
    out.emplace_back(resolve(cols[1]), resolve(cols[2]));
  }
  if (out.empty()) throw InputError({src.path(), 0, 0}, "the manifest lists no article pairs");
  return out;
}

std::vector<std::pair<std::string, std::string>> read_directory(const std::string& dir,
                                                                Diagnostics& diags) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw InputError({dir, 0, 0}, "not a folder; --dir expects a folder of NAME.ko.txt and NAME.en.txt files");
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string n = e.path().filename().string();
    if (n.size() > 7 && n.compare(n.size() - 7, 7, ".ko.txt") == 0) names.push_back(n.substr(0, n.size() - 7));
  }
  std::sort(names.begin(), names.end());
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& n : names) {
    fs::path ko = fs::path(dir) / (n + ".ko.txt");
    fs::path en = fs::path(dir) / (n + ".en.txt");
    if (!fs::exists(en, ec)) {
      diags.warning({ko.string(), 0, 0}, "no " + en.filename().string() + " beside it; skipped");
      continue;
    }
    out.emplace_back(ko.string(), en.string());
  }
  if (out.empty())
    throw InputError({dir, 0, 0}, "no NAME.ko.txt + NAME.en.txt pairs in this folder");
  return out;
}

}  // namespace

void ExtractRunOptions::validate() const {
  int kinds = (!pairs.empty() ? 1 : 0) + (!manifest.empty() ? 1 : 0) + (!directory.empty() ? 1 : 0) +
              (!aligned_ko.empty() || !aligned_en.empty() ? 1 : 0);
  if (kinds == 0)
    throw UsageError("no input: give KO EN article pairs, --manifest FILE, --dir FOLDER or --aligned KO EN");
  if (kinds > 1)
    throw UsageError("give only one kind of input: KO EN pairs, --manifest, --dir or --aligned");
  if (pairs.size() % 2 != 0)
    throw UsageError("article files come in pairs (KO EN); got " + std::to_string(pairs.size()) +
                     " paths");
  if (aligned_ko.empty() != aligned_en.empty())
    throw UsageError("--aligned takes two files: KO EN");
  extract.validate();
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
    text::SourceText ko = text::read_source(options.aligned_ko, in, options.limits);
    text::SourceText en = text::read_source(options.aligned_en, in, options.limits);
    text::require_language(ko, text::Lang::ko);  // swapped or mismatched sides
    text::require_language(en, text::Lang::en);
    result = extract_aligned(ko, en, options.extract, diags, given);
  } else {
    std::vector<std::pair<std::string, std::string>> paths;
    if (!options.manifest.empty()) {
      paths = read_manifest(options.manifest, in, options.limits);
    } else if (!options.directory.empty()) {
      paths = read_directory(options.directory, diags);
    } else {
      for (std::size_t i = 0; i + 1 < options.pairs.size(); i += 2)
        paths.emplace_back(options.pairs[i], options.pairs[i + 1]);
    }
    std::vector<std::pair<text::SourceText, text::SourceText>> articles;
    for (const auto& [k, e] : paths) {
      if (k == "-" && e == "-")
        throw UsageError("only one file of a pair can be standard input (-)");
      articles.emplace_back(text::read_source(k, in, options.limits),
                            text::read_source(e, in, options.limits));
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
