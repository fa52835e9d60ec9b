// Term extraction throughput on a line-aligned corpus: the bundled example article's
// non-blank lines paired line by line (an approximate parallel text) repeated to N line
// pairs, extracted with --aligned's code path; reports line pairs per second.
// The corpus-scale figure (300,000 KPC dev line pairs) is scripts/bench-extract.sh.
// pair_count_lookups: random lookups in a pair-count table of the size the KPC dev corpus
// gives (about 250,000 pairs), as linking makes them, with the slot of the pair N places
// ahead prefetched (0: none).
// Run: build/bench/terms_bench
#include <benchmark/benchmark.h>

#include <cstdint>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "terms/extract.h"
#include "terms/flat_map.h"

namespace {

std::string source_dir() {
  std::string here = __FILE__;
  return here.substr(0, here.rfind("/bench/"));
}

std::vector<std::string> non_blank_lines(const char* name) {
  std::ifstream f(source_dir() + "/examples/" + name, std::ios::binary);
  std::vector<std::string> out;
  std::string line;
  while (std::getline(f, line))
    if (line.find_first_not_of(" \t\r") != std::string::npos) out.push_back(line);
  return out;
}

void extract_lines(benchmark::State& state) {
  const auto ko = non_blank_lines("nk-envoy.ko.txt");
  const auto en = non_blank_lines("nk-envoy.en.txt");
  const std::size_t pairs = std::min(ko.size(), en.size());
  const auto total = static_cast<std::size_t>(state.range(0));
  for (auto _ : state) {
    koterm::terms::Extractor x({});
    auto doc = x.add_document("ko", "en");
    for (std::size_t i = 0; i < total; ++i) {
      koterm::terms::Unit u;
      u.ko = ko[i % pairs];
      u.en = en[i % pairs];
      u.doc = doc;
      u.ko_line = u.en_line = static_cast<std::uint32_t>(i + 1);
      x.add_unit(u);
    }
    auto g = x.finish();
    benchmark::DoNotOptimize(g.terms.size());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * total));
}
BENCHMARK(extract_lines)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

void pair_count_lookups(benchmark::State& state) {
  const auto ahead = static_cast<std::size_t>(state.range(0));
  const auto entries = static_cast<std::size_t>(state.range(1));
  std::mt19937_64 random(42);
  koterm::terms::FlatMap64<std::uint32_t> counts;
  std::vector<std::uint64_t> keys;
  while (keys.size() < entries) {
    const auto k = static_cast<std::uint32_t>(random() % 40000), e = static_cast<std::uint32_t>(random() % 60000);
    std::uint32_t& c = counts[koterm::terms::pair_key(k, e)];
    if (c++ == 0) keys.push_back(koterm::terms::pair_key(k, e));
  }
  std::vector<std::uint64_t> asked(1u << 20);
  for (auto& q : asked) q = keys[random() % keys.size()];
  for (auto _ : state) {
    std::uint64_t sum = 0;
    for (std::size_t i = 0; i < asked.size(); ++i) {
      if (ahead != 0 && i + ahead < asked.size()) counts.prefetch(asked[i + ahead]);
      sum += *counts.find(asked[i]);
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * asked.size()));
}
BENCHMARK(pair_count_lookups)->Args({0, 250000})->Args({8, 250000})->Args({0, 20000})->Args({8, 20000});

}  // namespace

BENCHMARK_MAIN();
