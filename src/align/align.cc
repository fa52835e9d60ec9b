#include "align/align.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
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
  non_negative(anchor_unmatched, "anchor_unmatched");
  non_negative(anchor_orphan, "anchor_orphan");
  positive(min_sigma, "min_sigma");
  non_negative(prior_beads, "prior_beads");
  if (!(tail_weight > 0 && tail_weight < 1)) {
    throw UsageError("align option tail_weight must be in (0,1); found " + std::to_string(tail_weight));
  }
  if (!(tail_scale >= 1) || !std::isfinite(tail_scale)) {
    throw UsageError("align option tail_scale must be at least 1; found " + std::to_string(tail_scale));
  }
  non_negative(band_fraction, "band_fraction");
  positive(temperature, "temperature");
  positive(beam, "beam");
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

class Scorer {
 public:
  Scorer(const DocumentFeatures& doc, const AlignOptions& o) : o_(o) {
    double ko_total = 0, en_total = 0;
    for (const auto& f : doc.ko) {
      if (!f.boilerplate) ko_total += f.char_count;
    }
    for (const auto& f : doc.en) {
      if (!f.boilerplate) en_total += f.char_count;
    }
    ratio_ = ko_total > 0 && en_total > 0 ? en_total / ko_total : 2.05;
    ratio_ = std::clamp(ratio_, o.min_ratio, o.max_ratio);
    set_sigma(o.sigma);
    log_ratio_ = std::log(ratio_);
    ko_ = side(doc.ko, k_smooth);
    en_ = side(doc.en, k_smooth * ratio_);
    // Anchor keys become dense ids with one weight each, so that the anchors of a bead are
    // counted in a flat array instead of merged lists.
    std::vector<std::uint64_t> keys;
    for (const auto* s : {&doc.ko, &doc.en}) {
      for (const auto& f : *s) {
        for (const auto& a : f.anchors) keys.push_back(a.key);
      }
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    key_.assign(keys.size(), KeyState{});
    auto ids = [&](const std::vector<SentenceFeatures>& s, Side& out) {
      out.anchor_begin.assign(s.size() + 1, 0);
      for (std::size_t k = 0; k < s.size(); ++k) {
        out.anchor_begin[k] = out.anchor_ids.size();
        for (const auto& a : s[k].anchors) {
          auto id = static_cast<std::uint32_t>(std::lower_bound(keys.begin(), keys.end(), a.key) -
                                               keys.begin());
          out.anchor_ids.push_back(id);
          key_[id].weight = std::max(key_[id].weight, static_cast<double>(a.weight));
          key_[id].strict = key_[id].strict || a.strict;
        }
      }
      out.anchor_begin[s.size()] = out.anchor_ids.size();
    };
    ids(doc.ko, ko_);
    ids(doc.en, en_);
    // A key on both sides of the document pair is shared: left unmatched in a bead, it points
    // to a sentence elsewhere; one on one side only is an orphan (a sentence with no
    // counterpart, or an anchor the other language does not show).
    std::vector<std::uint8_t> sides(keys.size(), 0);
    for (std::uint32_t id : ko_.anchor_ids) sides[id] |= 1;
    for (std::uint32_t id : en_.anchor_ids) sides[id] |= 2;
    for (std::size_t id = 0; id < keys.size(); ++id) key_[id].shared = sides[id] == 3;
    // Only shared keys can match; the weights of a group of sentences (shared, orphan,
    // strict) come from prefix sums.
    for (Side* side : {&ko_, &en_}) {
      const std::size_t count = side->anchor_begin.size() - 1;
      side->shared_begin.assign(count + 1, 0);
      side->shared_weight.assign(count + 1, 0.0);
      side->orphan_weight.assign(count + 1, 0.0);
      side->strict_weight.assign(count + 1, 0.0);
      for (std::size_t k = 0; k < count; ++k) {
        side->shared_begin[k] = side->shared_ids.size();
        double shared = 0, orphan = 0, strict = 0;
        for (std::size_t p = side->anchor_begin[k]; p < side->anchor_begin[k + 1]; ++p) {
          const std::uint32_t id = side->anchor_ids[p];
          const KeyState& key = key_[id];
          (key.shared ? shared : orphan) += key.weight;
          if (key.strict) strict += key.weight;
          if (key.shared) side->shared_ids.push_back(id);
        }
        side->shared_weight[k + 1] = side->shared_weight[k] + shared;
        side->orphan_weight[k + 1] = side->orphan_weight[k] + orphan;
        side->strict_weight[k + 1] = side->strict_weight[k] + strict;
      }
      side->shared_begin[count] = side->shared_ids.size();
    }
    // Shared keys as bits: with few of them (most articles), a bead's English keys are the
    // union of its sentences' masks, a Korean key matches when its bit is in that union, and
    // the counts of a key in a group of sentences come from prefix counts.
    std::vector<std::uint32_t> bit_of(keys.size(), 0);
    for (std::size_t id = 0; id < keys.size(); ++id) {
      if (!key_[id].shared) continue;
      bit_of[id] = static_cast<std::uint32_t>(bit_key_.size());
      bit_key_.push_back(static_cast<std::uint32_t>(id));
    }
    mask_words_ = (bit_key_.size() + 63) / 64;
    if (mask_words_ <= k_max_mask_words) {
      for (Side* side : {&ko_, &en_}) {
        const std::size_t count = side->shared_begin.size() - 1;
        const std::size_t bits = mask_words_ * 64;
        side->masks.assign(count * mask_words_, 0);
        side->counts_before.assign((count + 1) * bits, 0);
        side->run_begin.assign(count + 1, 0);
        for (std::size_t k = 0; k < count; ++k) {
          side->run_begin[k] = side->run_ids.size();
          std::copy_n(side->counts_before.begin() + static_cast<std::ptrdiff_t>(k * bits), bits,
                      side->counts_before.begin() + static_cast<std::ptrdiff_t>((k + 1) * bits));
          for (std::size_t p = side->shared_begin[k]; p < side->shared_begin[k + 1]; ++p) {
            const std::uint32_t id = side->shared_ids[p];
            const std::uint32_t bit = bit_of[id];
            ++side->counts_before[(k + 1) * bits + bit];
            if (p > side->shared_begin[k] && side->shared_ids[p - 1] == id) continue;
            side->masks[k * mask_words_ + bit / 64] |= std::uint64_t{1} << (bit % 64);
            side->run_ids.push_back(id);
            side->run_bits.push_back(bit);
          }
        }
        side->run_begin[count] = side->run_ids.size();
      }
    }
  }

  double ratio() const { return ratio_; }

  // Residual of the length model for a 1:1 pair of sentences (Korean k, English e).
  double residual(std::size_t k, std::size_t e) const {
    return en_.log_length[0][e] - log_ratio_ - ko_.log_length[0][k];
  }

  // Second pass: the ratio and the spread of the length model re-estimated from the 1:1
  // beads of the first pass (their residuals `x`), shrunk towards the prior with the weight
  // of `prior_beads` beads, so that a short article keeps about the prior.
  void refit(std::vector<double> x) {
    if (x.empty()) return;
    std::sort(x.begin(), x.end());
    const double median = x[x.size() / 2];
    const auto n = static_cast<double>(x.size());
    const double k = o_.prior_beads;
    log_ratio_ += n * median / (n + k);
    // Robust spread: 1.4826 times the median absolute deviation estimates sigma of a normal.
    for (double& v : x) v = std::abs(v - median);
    std::nth_element(x.begin(), x.begin() + static_cast<std::ptrdiff_t>(x.size() / 2), x.end());
    const double spread = 1.4826 * x[x.size() / 2];
    const double var = (k * o_.sigma * o_.sigma + n * spread * spread) / (k + n);
    set_sigma(std::clamp(std::sqrt(var), o_.min_sigma, o_.sigma));
  }

  // Cost of the bead of `shape` ending at cell (i, j) (i Korean, j English consumed), or
  // +inf when it is not allowed. `anchor` caches the bead's anchor score, which the second
  // pass does not change (NaN: not computed yet).
  double cost(std::size_t i, std::size_t j, int shape_index, float& anchor) {
    const BeadShape& s = k_shapes[static_cast<std::size_t>(shape_index)];
    auto dk = static_cast<std::size_t>(s.ko);
    auto de = static_cast<std::size_t>(s.en);
    std::size_t i0 = i - dk, j0 = j - de;
    if (s.ko == 0 || s.en == 0) {
      bool boilerplate = s.ko == 1 ? ko_.boilerplate_before[i] != ko_.boilerplate_before[i0]
                                   : en_.boilerplate_before[j] != en_.boilerplate_before[j0];
      return boilerplate ? o_.cost_boilerplate : o_.cost_skip;
    }
    if (ko_.boilerplate_before[i] != ko_.boilerplate_before[i0] ||
        en_.boilerplate_before[j] != en_.boilerplate_before[j0]) {
      return k_inf;
    }
    double c = length_cost(en_.log_length[de - 1][j0] - log_ratio_ - ko_.log_length[dk - 1][i0]);
    if (s.ko == 1 && s.en == 1) {
      // plain 1:1
    } else if ((s.ko == 2 && s.en == 1) || (s.ko == 1 && s.en == 2)) {
      c += o_.cost_merge;
    } else if (s.ko == 2 && s.en == 2) {
      c += o_.cost_two_two;
    } else {
      c += o_.cost_three;
    }
    if (std::isnan(anchor)) anchor = static_cast<float>(anchor_score(i0, i, j0, j));
    return c - anchor;
  }

 private:
  void set_sigma(double sigma) {
    inv_two_var_ = 1.0 / (2.0 * sigma * sigma);
    const double wide = o_.tail_scale * sigma;
    inv_two_var_tail_ = 1.0 / (2.0 * wide * wide);
    // Densities relative to the core's peak at the prior spread: a tighter document makes a
    // well-fitting pair cheaper.
    core_ = -std::log((1.0 - o_.tail_weight) * o_.sigma / sigma);
    tail_ = -std::log(o_.tail_weight * o_.sigma / wide);
  }

  // -log of the length density of a mixture, a normal core with a wide normal tail (for the
  // loose translations whose length strays), taken as the likelier of the two components,
  // relative to the core's peak at the prior spread.
  double length_cost(double x) const {
    const double x2 = x * x;
    return std::min(core_ + x2 * inv_two_var_, tail_ + x2 * inv_two_var_tail_);
  }

  static constexpr double k_smooth = 4.0;
  static constexpr std::size_t k_max_group = 3;

  struct Side {
    // log(characters of sentences k..k+g + smoothing) for groups of g+1 sentences.
    std::array<std::vector<double>, k_max_group> log_length;
    std::vector<std::size_t> boilerplate_before;  // boilerplate sentences before index k
    std::vector<std::uint32_t> anchor_ids;        // dense anchor ids, sentence after sentence
    std::vector<std::size_t> anchor_begin;        // sentence k: anchor_ids[begin[k], begin[k+1])
    std::vector<std::uint32_t> shared_ids;        // the ids of shared keys only, likewise
    std::vector<std::size_t> shared_begin;
    // Weights of the anchors of sentences before k: shared, orphan, strict.
    std::vector<double> shared_weight, orphan_weight, strict_weight;
    // With the bit layout: the shared keys of sentence k as mask_words_ words from
    // masks[k * mask_words_].
    std::vector<std::uint64_t> masks;
    // Its distinct shared keys (shared_ids is sorted within a sentence): sentence k has
    // run_begin[k]..run_begin[k+1]-1 of run_ids and of their bits run_bits.
    std::vector<std::size_t> run_begin;
    std::vector<std::uint32_t> run_ids, run_bits;
    // How often each bit's key occurs in the sentences before k: from counts_before[k * bits].
    std::vector<std::uint32_t> counts_before;
  };

  static Side side(const std::vector<SentenceFeatures>& s, double smooth) {
    Side out;
    out.boilerplate_before.assign(s.size() + 1, 0);
    for (std::size_t k = 0; k < s.size(); ++k) {
      out.boilerplate_before[k + 1] = out.boilerplate_before[k] + (s[k].boilerplate ? 1 : 0);
    }
    for (std::size_t g = 0; g < k_max_group; ++g) {
      out.log_length[g].assign(s.size(), 0.0);
      for (std::size_t k = 0; k + g < s.size(); ++k) {
        double chars = smooth;
        for (std::size_t x = k; x <= k + g; ++x) chars += s[x].char_count;
        out.log_length[g][k] = std::log(chars);
      }
    }
    return out;
  }

  // Bonus for anchors both sides share, minus penalties for anchors left unmatched: strict
  // ones on both sides, shared ones, orphans.
  double anchor_score(std::size_t i0, std::size_t i, std::size_t j0, std::size_t j) {
    const double orphan = ko_.orphan_weight[i] - ko_.orphan_weight[i0] + en_.orphan_weight[j] -
                          en_.orphan_weight[j0];
    const double ko_shared = ko_.shared_weight[i] - ko_.shared_weight[i0];
    const double en_shared = en_.shared_weight[j] - en_.shared_weight[j0];
    const double ko_strict = ko_.strict_weight[i] - ko_.strict_weight[i0];
    const double en_strict = en_.strict_weight[j] - en_.strict_weight[j0];
    double matched = 0, matched_strict = 0;
    const std::size_t ko_b = ko_.shared_begin[i0], ko_e = ko_.shared_begin[i];
    const std::size_t en_b = en_.shared_begin[j0], en_e = en_.shared_begin[j];
    if (ko_b != ko_e && en_b != en_e && mask_words_ <= k_max_mask_words) {
      match_bits(i0, i, j0, j, matched, matched_strict);
    } else if (ko_b != ko_e && en_b != en_e) {
      touched_.clear();
      for (std::size_t p = ko_b; p < ko_e; ++p) {
        KeyState& k = key_[ko_.shared_ids[p]];
        if (k.ko_count++ == 0) touched_.push_back(ko_.shared_ids[p]);
      }
      for (std::size_t p = en_b; p < en_e; ++p) ++key_[en_.shared_ids[p]].en_count;
      for (std::uint32_t id : touched_) {
        KeyState& k = key_[id];
        const double both = k.weight * std::min(k.ko_count, k.en_count);
        matched += both;
        if (k.strict) matched_strict += both;
        k.ko_count = 0;
      }
      for (std::size_t p = en_b; p < en_e; ++p) key_[en_.shared_ids[p]].en_count = 0;
    }
    const double shared_left = ko_shared + en_shared - 2 * matched;
    const double strict_left = std::min(ko_strict, en_strict) - matched_strict;
    return o_.anchor_bonus * matched - o_.anchor_mismatch * strict_left -
           o_.anchor_unmatched * shared_left - o_.anchor_orphan * orphan;
  }

  // The matched weights of a bead counted with bits, adding them as the loop over key counts
  // does (keys in the order of their first occurrence on the Korean side).
  void match_bits(std::size_t i0, std::size_t i, std::size_t j0, std::size_t j, double& matched,
                  double& matched_strict) const {
    const std::size_t w_count = mask_words_;
    const std::size_t bits = w_count * 64;
    std::array<std::uint64_t, k_max_mask_words> en_bits{}, seen{};
    for (std::size_t x = j0; x < j; ++x) {
      for (std::size_t w = 0; w < w_count; ++w) en_bits[w] |= en_.masks[x * w_count + w];
    }
    for (std::size_t x = i0; x < i; ++x) {
      for (std::size_t r = ko_.run_begin[x]; r < ko_.run_begin[x + 1]; ++r) {
        const std::uint32_t bit = ko_.run_bits[r];
        const std::size_t w = bit / 64;
        const std::uint64_t b = std::uint64_t{1} << (bit % 64);
        if ((seen[w] & b) != 0 || (en_bits[w] & b) == 0) continue;
        seen[w] |= b;
        const KeyState& k = key_[ko_.run_ids[r]];
        const std::uint32_t ko_count = ko_.counts_before[i * bits + bit] - ko_.counts_before[i0 * bits + bit];
        const std::uint32_t en_count = en_.counts_before[j * bits + bit] - en_.counts_before[j0 * bits + bit];
        const double both = k.weight * std::min(ko_count, en_count);
        matched += both;
        if (k.strict) matched_strict += both;
      }
    }
  }

  static constexpr std::size_t k_max_mask_words = 4;
  std::size_t mask_words_ = 0;
  std::vector<std::uint32_t> bit_key_;  // bit -> dense id of a shared key

  const AlignOptions& o_;
  double ratio_ = 2.05;
  double log_ratio_ = 0.0;
  double inv_two_var_ = 1.0;
  double inv_two_var_tail_ = 1.0;
  double core_ = 0.0;  // -log of the core's weight and scale
  double tail_ = 0.0;  // -log of the tail's
  Side ko_, en_;
  // Per dense anchor id: its weight, whether it is strict, and scratch counts of one bead.
  struct KeyState {
    double weight = 0.0;
    std::uint32_t ko_count = 0;
    std::uint32_t en_count = 0;
    bool strict = false;
    bool shared = false;
  };
  std::vector<KeyState> key_;
  std::vector<std::uint32_t> touched_;
};

struct Search {
  std::vector<double> best;          // Viterbi cost
  std::vector<std::uint8_t> back;    // shape index of the best bead ending here
  std::vector<double> alpha, beta;   // forward / backward log scores
  std::vector<float> cost;           // cost of each shape of bead ending at a cell (inf: none)
  std::vector<float> anchor;         // anchor score of each shape of bead (NaN: not computed)
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
  std::size_t anchor_width = 0;  // the band width s.anchor was laid out for
  // Forward pass (Viterbi, and forward sums when `sums`) and trace back, widening the band on
  // demand.
  auto forward = [&](bool sums) {
  while (true) {
    band.build(n, m, width);
    s.best.assign(band.cells, k_inf);
    s.back.assign(band.cells, 0);
    s.alpha.assign(band.cells, -k_inf);
    s.cost.assign(band.cells * static_cast<std::size_t>(shapes), std::numeric_limits<float>::infinity());
    if (anchor_width != width) {
      s.anchor.assign(s.cost.size(), std::numeric_limits<float>::quiet_NaN());
      anchor_width = width;
    }
    s.best[0] = 0;
    s.alpha[0] = 0;
    // Beam: a cell of an earlier row whose Viterbi cost and forward score are both more than
    // `beam` away from the best of its row starts no bead (its share of any sum is below
    // e^-beam); rows are final once the loop has left them.
    std::vector<double> row_best(n + 1, k_inf), row_alpha(n + 1, -k_inf);
    auto pruned = [&](std::size_t row, std::size_t cell) {
      return s.best[cell] > row_best[row] + o.beam && (!sums || s.alpha[cell] < row_alpha[row] - o.beam);
    };
    for (std::size_t i = 0; i <= n; ++i) {
      if (i > 0) {
        std::size_t r = i - 1;
        for (std::size_t c = band.offset[r]; c <= band.at(r, band.hi[r]); ++c) {
          row_best[r] = std::min(row_best[r], s.best[c]);
          row_alpha[r] = std::max(row_alpha[r], s.alpha[c]);
        }
      }
      for (std::size_t j = band.lo[i]; j <= band.hi[i]; ++j) {
        if (i == 0 && j == 0) continue;
        double best = k_inf;
        std::array<double, k_shapes.size()> terms{};
        std::size_t n_terms = 0;
        double top = -k_inf;
        std::uint8_t back = 0;
        for (int k = 0; k < shapes; ++k) {
          const BeadShape& sh = k_shapes[static_cast<std::size_t>(k)];
          auto dk = static_cast<std::size_t>(sh.ko), de = static_cast<std::size_t>(sh.en);
          if (i < dk || j < de || !band.contains(i - dk, j - de)) continue;
          std::size_t prev = band.at(i - dk, j - de);
          if (s.best[prev] == k_inf || (dk > 0 && pruned(i - dk, prev))) continue;
          // Costs are kept as float; the forward pass uses the rounded value too, so that the
          // forward and backward sums agree.
          const std::size_t slot =
              band.at(i, j) * static_cast<std::size_t>(shapes) + static_cast<std::size_t>(k);
          double c = static_cast<float>(scorer.cost(i, j, k, s.anchor[slot]));
          if (c == k_inf) continue;
          s.cost[slot] = static_cast<float>(c);
          if (s.best[prev] + c < best) {
            best = s.best[prev] + c;
            back = static_cast<std::uint8_t>(k);
          }
          if (!sums) continue;
          const double term = s.alpha[prev] - c * inv_t;
          terms[n_terms++] = term;
          top = std::max(top, term);
        }
        double alpha = -k_inf;
        if (sums && top != -k_inf) {
          double sum = 0;
          for (std::size_t t = 0; t < n_terms; ++t) {
            sum += terms[t] == top ? 1.0 : std::exp(terms[t] - top);  // exp(0) is exactly 1
          }
          alpha = top + std::log(sum);
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
  };
  forward(!o.second_pass);
  if (o.second_pass) {
    // Re-estimate the length model from the 1:1 beads found, and align again with it.
    std::vector<double> residuals;
    for (std::size_t p = 0; p < path.size(); ++p) {
      if (path_shapes[p] != 0) continue;
      auto [ei, ej] = path[p];
      if (doc.ko[ei - 1].boilerplate || doc.en[ej - 1].boilerplate) continue;
      residuals.push_back(scorer.residual(ei - 1, ej - 1));
    }
    scorer.refit(std::move(residuals));
    forward(true);
  }

  // Backward pass for posteriors.
  s.beta.assign(band.cells, -k_inf);
  s.beta[band.at(n, m)] = 0;
  for (std::size_t i = n + 1; i-- > 0;) {
    for (std::size_t j = band.hi[i] + 1; j-- > band.lo[i];) {
      if (i == n && j == m) continue;
      std::array<double, k_shapes.size()> terms{};
      std::size_t n_terms = 0;
      double top = -k_inf;
      for (int k = 0; k < shapes; ++k) {
        const BeadShape& sh = k_shapes[static_cast<std::size_t>(k)];
        std::size_t ni = i + static_cast<std::size_t>(sh.ko), nj = j + static_cast<std::size_t>(sh.en);
        if (ni > n || nj > m || !band.contains(ni, nj)) continue;
        double next = s.beta[band.at(ni, nj)];
        if (next == -k_inf) continue;
        double c = s.cost[band.at(ni, nj) * static_cast<std::size_t>(shapes) + static_cast<std::size_t>(k)];
        if (c == k_inf) continue;
        const double term = next - c * inv_t;
        terms[n_terms++] = term;
        top = std::max(top, term);
      }
      double beta = -k_inf;
      if (top != -k_inf) {
        double sum = 0;
        for (std::size_t t = 0; t < n_terms; ++t) {
          sum += terms[t] == top ? 1.0 : std::exp(terms[t] - top);  // exp(0) is exactly 1
        }
        beta = top + std::log(sum);
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
    double c = s.cost[band.at(ei, ej) * static_cast<std::size_t>(shapes) + k];
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
        // Only the rows whose band holds column bj (a contiguous run around row bi).
        std::size_t first = bi;
        while (first > 0 && band.contains(first - 1, bj)) --first;
        for (std::size_t i = first; i <= n && band.contains(i, bj); ++i) prob += term(i, bj, i, ej);
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
                                          options.use_glossary ? glossary : nullptr,
                                          options.use_lexicon);
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
