#include "align/align.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <limits>
#include <string>

#include "align/anchors.h"
#include "common/error.h"

namespace koterm::align {

void AlignOptions::validate() const {
  auto positive = [](double v, const char* name) {
    if (!(v > 0) || !std::isfinite(v)) {
      throw UsageError(std::string("align option ") + name + " must be a positive number; found " +
                       std::to_string(v));
    }
  };
  auto non_negative = [](double v, const char* name) {
    if (!(v >= 0) || !std::isfinite(v)) {
      throw UsageError(std::string("align option ") + name +
                       " must be zero or a positive number; found " + std::to_string(v));
    }
  };
  positive(sigma, "sigma");
  positive(min_ratio, "min_ratio");
  positive(max_ratio, "max_ratio");
  if (min_ratio > max_ratio) {
    throw UsageError("align option min_ratio must not exceed max_ratio; found " +
                     std::to_string(min_ratio) + " > " + std::to_string(max_ratio));
  }
  non_negative(cost_skip, "cost_skip");
  non_negative(cost_boilerplate, "cost_boilerplate");
  non_negative(cost_merge, "cost_merge");
  non_negative(cost_two_two, "cost_two_two");
  non_negative(cost_three, "cost_three");
  non_negative(anchor_bonus, "anchor_bonus");
  non_negative(anchor_mismatch, "anchor_mismatch");
  non_negative(band_fraction, "band_fraction");
  positive(temperature, "temperature");
  if (min_band == 0) throw UsageError("align option min_band must be at least 1; found 0");
  if (!(min_confidence >= 0 && min_confidence <= 1)) {
    throw UsageError("align option min_confidence must be in [0,1]; found " +
                     std::to_string(min_confidence));
  }
}

namespace {

constexpr double k_inf = std::numeric_limits<double>::infinity();

struct BeadShape {
  int ko;
  int en;
};
// Index 0..7; the order is the tie-break order of the search.
constexpr std::array<BeadShape, 8> k_shapes = {
    {{1, 1}, {0, 1}, {1, 0}, {2, 1}, {1, 2}, {2, 2}, {1, 3}, {3, 1}}};

// The band of rows: for row i (Korean sentences consumed), columns lo[i]..hi[i] inclusive.
struct Band {
  std::vector<std::size_t> lo, hi, offset;
  std::size_t cells = 0;

  void build(std::size_t n, std::size_t m, std::size_t width) {
    lo.assign(n + 1, 0);
    hi.assign(n + 1, 0);
    offset.assign(n + 1, 0);
    cells = 0;
    for (std::size_t i = 0; i <= n; ++i) {
      double center = n == 0 ? 0.0 : static_cast<double>(i) * static_cast<double>(m) /
                                         static_cast<double>(n);
      auto c = static_cast<std::size_t>(std::llround(center));
      lo[i] = c > width ? c - width : 0;
      hi[i] = std::min(m, c + width);
      offset[i] = cells;
      cells += hi[i] - lo[i] + 1;
    }
  }
  bool contains(std::size_t i, std::size_t j) const { return j >= lo[i] && j <= hi[i]; }
  std::size_t at(std::size_t i, std::size_t j) const { return offset[i] + (j - lo[i]); }
};

double log_add(double a, double b) {
  if (a == -k_inf) return b;
  if (b == -k_inf) return a;
  double hi = std::max(a, b);
  return hi + std::log1p(std::exp(std::min(a, b) - hi));
}

class Scorer {
 public:
  Scorer(const DocumentFeatures& doc, const AlignOptions& o) : doc_(doc), o_(o) {
    double ko_total = 0, en_total = 0;
    for (const auto& f : doc.ko) {
      if (!f.boilerplate) ko_total += f.char_count;
    }
    for (const auto& f : doc.en) {
      if (!f.boilerplate) en_total += f.char_count;
    }
    ratio_ = ko_total > 0 && en_total > 0 ? en_total / ko_total : 2.05;
    ratio_ = std::clamp(ratio_, o.min_ratio, o.max_ratio);
    inv_two_var_ = 1.0 / (2.0 * o.sigma * o.sigma);
  }

  double ratio() const { return ratio_; }

  // Cost of the bead of `shape` ending at cell (i, j) (i Korean, j English consumed), or
  // +inf when it is not allowed.
  double cost(std::size_t i, std::size_t j, int shape_index) {
    const BeadShape& s = k_shapes[static_cast<std::size_t>(shape_index)];
    auto dk = static_cast<std::size_t>(s.ko);
    auto de = static_cast<std::size_t>(s.en);
    std::size_t i0 = i - dk, j0 = j - de;
    if (s.ko == 0 || s.en == 0) {
      const SentenceFeatures& f = s.ko == 1 ? doc_.ko[i0] : doc_.en[j0];
      return f.boilerplate ? o_.cost_boilerplate : o_.cost_skip;
    }
    double ko_len = 0, en_len = 0;
    for (std::size_t k = i0; k < i; ++k) {
      if (doc_.ko[k].boilerplate) return k_inf;
      ko_len += doc_.ko[k].char_count;
    }
    for (std::size_t k = j0; k < j; ++k) {
      if (doc_.en[k].boilerplate) return k_inf;
      en_len += doc_.en[k].char_count;
    }
    double x = std::log((en_len + k_smooth * ratio_) / (ratio_ * (ko_len + k_smooth)));
    double c = x * x * inv_two_var_;
    if (s.ko == 1 && s.en == 1) {
      // plain 1:1
    } else if ((s.ko == 2 && s.en == 1) || (s.ko == 1 && s.en == 2)) {
      c += o_.cost_merge;
    } else if (s.ko == 2 && s.en == 2) {
      c += o_.cost_two_two;
    } else {
      c += o_.cost_three;
    }
    return c - anchor_score(i0, i, j0, j);
  }

 private:
  static constexpr double k_smooth = 4.0;

  // The anchors of sentences b..e-1 in one sorted list (each sentence's list is sorted).
  void gather(const std::vector<SentenceFeatures>& side, std::size_t b, std::size_t e,
              std::vector<Anchor>& out) {
    auto by_key = [](const Anchor& x, const Anchor& y) {
      if (x.key != y.key) return x.key < y.key;
      return x.weight > y.weight;
    };
    out.assign(side[b].anchors.begin(), side[b].anchors.end());
    for (std::size_t k = b + 1; k < e; ++k) {
      const auto& next = side[k].anchors;
      if (next.empty()) continue;
      merge_buf_.clear();
      std::merge(out.begin(), out.end(), next.begin(), next.end(), std::back_inserter(merge_buf_), by_key);
      out.swap(merge_buf_);
    }
  }

  // Bonus for anchors both sides share minus a penalty for strict anchors left unmatched.
  double anchor_score(std::size_t i0, std::size_t i, std::size_t j0, std::size_t j) {
    bool any_ko = false, any_en = false;
    for (std::size_t k = i0; k < i; ++k) any_ko = any_ko || !doc_.ko[k].anchors.empty();
    for (std::size_t k = j0; k < j; ++k) any_en = any_en || !doc_.en[k].anchors.empty();
    if (!any_ko && !any_en) return 0.0;
    const std::vector<Anchor>* a = &doc_.ko[i0].anchors;
    const std::vector<Anchor>* b = &doc_.en[j0].anchors;
    if (i - i0 > 1) {
      gather(doc_.ko, i0, i, ko_buf_);
      a = &ko_buf_;
    }
    if (j - j0 > 1) {
      gather(doc_.en, j0, j, en_buf_);
      b = &en_buf_;
    }
    double matched = 0, ko_left = 0, en_left = 0;
    std::size_t p = 0, q = 0;
    while (p < a->size() || q < b->size()) {
      if (q == b->size() || (p < a->size() && (*a)[p].key < (*b)[q].key)) {
        if ((*a)[p].strict) ko_left += (*a)[p].weight;
        ++p;
      } else if (p == a->size() || (*b)[q].key < (*a)[p].key) {
        if ((*b)[q].strict) en_left += (*b)[q].weight;
        ++q;
      } else {
        matched += std::min((*a)[p].weight, (*b)[q].weight);
        ++p;
        ++q;
      }
    }
    return o_.anchor_bonus * matched - o_.anchor_mismatch * std::min(ko_left, en_left);
  }

  const DocumentFeatures& doc_;
  const AlignOptions& o_;
  double ratio_ = 2.05;
  double inv_two_var_ = 1.0;
  std::vector<Anchor> ko_buf_, en_buf_, merge_buf_;
};

struct Search {
  std::vector<double> best;          // Viterbi cost
  std::vector<std::uint8_t> back;    // shape index of the best bead ending here
  std::vector<double> alpha, beta;   // forward / backward log scores
  std::vector<float> cost;           // cost of each shape of bead ending at a cell (inf: none)
};

std::vector<Bead> one_sided(std::size_t n, std::size_t m) {
  std::vector<Bead> beads;
  for (std::size_t i = 0; i < n; ++i) beads.push_back({{i}, {}, 1.0, false});
  for (std::size_t j = 0; j < m; ++j) beads.push_back({{}, {j}, 1.0, false});
  return beads;
}

std::vector<Bead> run_search(const DocumentFeatures& doc, const AlignOptions& o) {
  const std::size_t n = doc.ko.size(), m = doc.en.size();
  if (n == 0 || m == 0) return one_sided(n, m);
  Scorer scorer(doc, o);
  const int shapes = o.allow_three ? 8 : 6;
  const double inv_t = 1.0 / o.temperature;
  const std::size_t longest = std::max(n, m);
  std::size_t width = std::max<std::size_t>(
      o.min_band, static_cast<std::size_t>(o.band_fraction * static_cast<double>(longest)));
  Band band;
  Search s;
  std::vector<std::pair<std::size_t, std::size_t>> path;  // cells from the end
  std::vector<std::uint8_t> path_shapes;
  while (true) {
    band.build(n, m, width);
    s.best.assign(band.cells, k_inf);
    s.back.assign(band.cells, 0);
    s.alpha.assign(band.cells, -k_inf);
    s.cost.assign(band.cells * static_cast<std::size_t>(shapes), std::numeric_limits<float>::infinity());
    s.best[0] = 0;
    s.alpha[0] = 0;
    for (std::size_t i = 0; i <= n; ++i) {
      for (std::size_t j = band.lo[i]; j <= band.hi[i]; ++j) {
        if (i == 0 && j == 0) continue;
        double best = k_inf, alpha = -k_inf;
        std::uint8_t back = 0;
        for (int k = 0; k < shapes; ++k) {
          const BeadShape& sh = k_shapes[static_cast<std::size_t>(k)];
          auto dk = static_cast<std::size_t>(sh.ko), de = static_cast<std::size_t>(sh.en);
          if (i < dk || j < de || !band.contains(i - dk, j - de)) continue;
          std::size_t prev = band.at(i - dk, j - de);
          if (s.best[prev] == k_inf) continue;
          // Costs are kept as float; the forward pass uses the rounded value too, so that the
          // forward and backward sums agree.
          double c = static_cast<float>(scorer.cost(i, j, k));
          if (c == k_inf) continue;
          s.cost[band.at(i, j) * static_cast<std::size_t>(shapes) + static_cast<std::size_t>(k)] =
              static_cast<float>(c);
          if (s.best[prev] + c < best) {
            best = s.best[prev] + c;
            back = static_cast<std::uint8_t>(k);
          }
          alpha = log_add(alpha, s.alpha[prev] - c * inv_t);
        }
        std::size_t here = band.at(i, j);
        s.best[here] = best;
        s.back[here] = back;
        s.alpha[here] = alpha;
      }
    }
    // Trace back; widen the band when the path runs along its edge.
    path.clear();
    path_shapes.clear();
    bool touches = false;
    std::size_t i = n, j = m;
    if (!band.contains(n, m) || s.best[band.at(n, m)] == k_inf) {
      touches = true;
    } else {
      while (i > 0 || j > 0) {
        if ((band.lo[i] > 0 && j <= band.lo[i]) || (band.hi[i] < m && j >= band.hi[i])) touches = true;
        std::uint8_t k = s.back[band.at(i, j)];
        path.emplace_back(i, j);
        path_shapes.push_back(k);
        i -= static_cast<std::size_t>(k_shapes[k].ko);
        j -= static_cast<std::size_t>(k_shapes[k].en);
      }
    }
    if (!touches || width >= longest) break;
    width = std::min(longest, width * 2);
  }

  // Backward pass for posteriors.
  s.beta.assign(band.cells, -k_inf);
  s.beta[band.at(n, m)] = 0;
  for (std::size_t i = n + 1; i-- > 0;) {
    for (std::size_t j = band.hi[i] + 1; j-- > band.lo[i];) {
      if (i == n && j == m) continue;
      double beta = -k_inf;
      for (int k = 0; k < shapes; ++k) {
        const BeadShape& sh = k_shapes[static_cast<std::size_t>(k)];
        std::size_t ni = i + static_cast<std::size_t>(sh.ko), nj = j + static_cast<std::size_t>(sh.en);
        if (ni > n || nj > m || !band.contains(ni, nj)) continue;
        double next = s.beta[band.at(ni, nj)];
        if (next == -k_inf) continue;
        double c = s.cost[band.at(ni, nj) * static_cast<std::size_t>(shapes) + static_cast<std::size_t>(k)];
        if (c == k_inf) continue;
        beta = log_add(beta, next - c * inv_t);
      }
      s.beta[band.at(i, j)] = beta;
    }
  }
  const double z = s.alpha[band.at(n, m)];

  std::vector<Bead> beads;
  for (std::size_t p = path.size(); p-- > 0;) {
    auto [ei, ej] = path[p];
    std::uint8_t k = path_shapes[p];
    std::size_t bi = ei - static_cast<std::size_t>(k_shapes[k].ko);
    std::size_t bj = ej - static_cast<std::size_t>(k_shapes[k].en);
    Bead b;
    for (std::size_t x = bi; x < ei; ++x) b.ko.push_back(x);
    for (std::size_t x = bj; x < ej; ++x) b.en.push_back(x);
    double c = static_cast<float>(scorer.cost(ei, ej, k));
    double prob = 0;
    if (b.ko.empty() || b.en.empty()) {
      // A sentence left alone: the probability that it is unlinked, wherever the other side's
      // position (the order of neighbouring one-sided beads is arbitrary).
      auto term = [&](std::size_t i0, std::size_t j0, std::size_t i1, std::size_t j1) {
        if (!band.contains(i0, j0) || !band.contains(i1, j1)) return 0.0;
        return std::exp(s.alpha[band.at(i0, j0)] - c * inv_t + s.beta[band.at(i1, j1)] - z);
      };
      if (b.en.empty()) {
        for (std::size_t j = band.lo[bi]; j <= band.hi[bi]; ++j) prob += term(bi, j, ei, j);
      } else {
        for (std::size_t i = 0; i <= n; ++i) prob += term(i, bj, i, ej);
      }
    } else {
      prob = std::exp(s.alpha[band.at(bi, bj)] - c * inv_t + s.beta[band.at(ei, ej)] - z);
    }
    b.confidence = std::clamp(prob, 0.0, 1.0);
    b.low_confidence = b.confidence < o.min_confidence;
    beads.push_back(std::move(b));
  }
  return beads;
}

}  // namespace

std::vector<Bead> align(const std::vector<SentenceInput>& ko, const std::vector<SentenceInput>& en,
                        const AlignOptions& options, const glossary::Glossary* glossary) {
  options.validate();
  std::vector<std::string_view> ko_text, en_text;
  ko_text.reserve(ko.size());
  en_text.reserve(en.size());
  for (const auto& s : ko) ko_text.push_back(s.text);
  for (const auto& s : en) en_text.push_back(s.text);
  DocumentFeatures doc = compute_features(ko_text, en_text, options.use_anchors,
                                          options.use_boilerplate,
                                          options.use_glossary ? glossary : nullptr);
  for (std::size_t i = 0; i < ko.size(); ++i) doc.ko[i].boilerplate |= ko[i].boilerplate;
  for (std::size_t j = 0; j < en.size(); ++j) doc.en[j].boilerplate |= en[j].boilerplate;
  return run_search(doc, options);
}

std::vector<Bead> align(const std::vector<std::string_view>& ko,
                        const std::vector<std::string_view>& en, const AlignOptions& options,
                        const glossary::Glossary* glossary) {
  std::vector<SentenceInput> k, e;
  for (auto t : ko) k.push_back({t, false});
  for (auto t : en) e.push_back({t, false});
  return align(k, e, options, glossary);
}

}  // namespace koterm::align
