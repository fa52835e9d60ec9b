// Article pairs into aligned units: segmentation and sentence alignment for articles, line
// pairs for a line-aligned corpus.
#include <algorithm>

#include "align/align.h"
#include "check/check.h"
#include "common/error.h"
#include "segment/segment.h"

namespace koterm::check {

Article load_article(std::string id, std::shared_ptr<const text::SourceText> ko,
                     std::shared_ptr<const text::SourceText> en,
                     const glossary::Glossary* glossary) {
  Article a;
  a.id = std::move(id);
  a.ko = std::move(ko);
  a.en = std::move(en);
  segment::Document kd = segment::segment(*a.ko, text::Lang::ko);
  segment::Document ed = segment::segment(*a.en, text::Lang::en);
  std::vector<align::SentenceInput> ks, es;
  ks.reserve(kd.sentences.size());
  es.reserve(ed.sentences.size());
  for (const auto& s : kd.sentences) ks.push_back({kd.text(s), s.zone == text::Zone::boilerplate});
  for (const auto& s : ed.sentences) es.push_back({ed.text(s), s.zone == text::Zone::boilerplate});
  align::AlignOptions ao;
  for (const align::Bead& b : align::align(ks, es, ao, glossary)) {
    if (b.ko.empty() || b.en.empty()) continue;
    const text::Zone zone = kd.sentences[b.ko.front()].zone;
    if (zone == text::Zone::boilerplate || zone == text::Zone::credit ||
        zone == text::Zone::byline)
      continue;
    Unit u;
    for (std::size_t i : b.ko) u.ko.push_back(kd.sentences[i].span);
    for (std::size_t i : b.en) u.en.push_back(ed.sentences[i].span);
    // A headline on either side makes the unit a headline (short forms are the norm there).
    const text::Zone en_zone = ed.sentences[b.en.front()].zone;
    u.zone = zone;
    if (en_zone == text::Zone::headline || en_zone == text::Zone::subheadline) u.zone = en_zone;
    u.confidence = b.confidence;
    a.units.push_back(std::move(u));
  }
  return a;
}

std::vector<Article> split_aligned(std::shared_ptr<const text::SourceText> ko,
                                   std::shared_ptr<const text::SourceText> en,
                                   std::size_t lines_per_article) {
  auto count = [](const text::SourceText& s) {
    std::size_t n = s.lines().size();
    while (n > 0 && s.lines()[n - 1].byte_count() == 0) --n;
    return n;
  };
  const std::size_t nk = count(*ko), ne = count(*en);
  if (nk != ne) {
    const text::SourceText& shorter = nk < ne ? *ko : *en;
    throw InputError({shorter.path(), std::min(nk, ne) + 1, 1},
                     "--aligned needs line i of one file to translate line i of the other; " +
                         ko->path() + " has " + std::to_string(nk) + " lines but " + en->path() +
                         " has " + std::to_string(ne) +
                         "; hint: for articles that are not line-aligned, give them as KO EN");
  }
  std::vector<Article> out;
  const std::size_t per = lines_per_article == 0 ? std::max<std::size_t>(nk, 1) : lines_per_article;
  const std::string base = text::display_name(ko->path());
  for (std::size_t first = 0; first < nk; first += per) {
    Article a;
    a.id = lines_per_article == 0 ? base
                                  : base + ":" + std::to_string(first + 1) + "-" +
                                        std::to_string(std::min(nk, first + per));
    a.ko = ko;
    a.en = en;
    for (std::size_t i = first; i < std::min(nk, first + per); ++i) {
      text::Span k = ko->lines()[i], e = en->lines()[i];
      auto trim = [](const std::string& s, text::Span sp) {
        while (sp.byte_begin < sp.byte_end && (s[sp.byte_begin] == ' ' || s[sp.byte_begin] == '\t'))
          ++sp.byte_begin;
        while (sp.byte_end > sp.byte_begin && (s[sp.byte_end - 1] == ' ' || s[sp.byte_end - 1] == '\t'))
          --sp.byte_end;
        return sp;
      };
      k = trim(ko->normalized(), k);
      e = trim(en->normalized(), e);
      if (k.byte_count() == 0 || e.byte_count() == 0) continue;
      Unit u;
      u.ko.push_back(k);
      u.en.push_back(e);
      a.units.push_back(std::move(u));
    }
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace koterm::check
