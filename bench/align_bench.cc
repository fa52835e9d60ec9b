// Sentence alignment throughput. Articles of 20 sentences (the first 20 non-blank lines of
// each side of the bundled example pair, taken as presegmented sentences) in articles per
// second, and a 5,000-sentence pair (the article repeated) in seconds per alignment.
// Run: build/bench/align_bench [--benchmark_filter=Article]
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "align/align.h"

namespace {

// The repository root, from this file's path (bench/align_bench.cc).
std::string source_dir() {
  std::string here = __FILE__;
  return here.substr(0, here.rfind("/bench/"));
}

std::vector<std::string> non_blank_lines(const char* name, std::size_t max) {
  std::ifstream f(source_dir() + "/examples/" + name, std::ios::binary);
  std::vector<std::string> out;
  std::string line;
  while (out.size() < max && std::getline(f, line)) {
    if (line.find_first_not_of(" \t\r") != std::string::npos) out.push_back(line);
  }
  return out;
}

std::vector<std::string_view> repeat(const std::vector<std::string>& lines, std::size_t total) {
  std::vector<std::string_view> out;
  while (out.size() < total) out.push_back(lines[out.size() % lines.size()]);
  return out;
}

void align_article(benchmark::State& state) {
  const auto ko_lines = non_blank_lines("nk-envoy.ko.txt", 20);
  const auto en_lines = non_blank_lines("nk-envoy.en.txt", 20);
  const auto ko = repeat(ko_lines, ko_lines.size());
  const auto en = repeat(en_lines, en_lines.size());
  const koterm::align::AlignOptions options;
  for (auto _ : state) {
    auto beads = koterm::align::align(ko, en, options);
    benchmark::DoNotOptimize(beads.data());
  }
  state.counters["articles/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["sentences"] = static_cast<double>(ko.size() + en.size()) / 2.0;
}
BENCHMARK(align_article)->Name("Article20");

void align_long(benchmark::State& state) {
  const auto ko_lines = non_blank_lines("nk-envoy.ko.txt", 20);
  const auto en_lines = non_blank_lines("nk-envoy.en.txt", 20);
  const auto n = static_cast<std::size_t>(state.range(0));
  const auto ko = repeat(ko_lines, n);
  const auto en = repeat(en_lines, n);
  const koterm::align::AlignOptions options;
  for (auto _ : state) {
    auto beads = koterm::align::align(ko, en, options);
    benchmark::DoNotOptimize(beads.data());
  }
}
BENCHMARK(align_long)->Name("LongPair")->Arg(5000)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
