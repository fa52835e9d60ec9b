// Sentence alignment throughput, in articles per second (CPU time):
// - Article20: 20 sentences a side, the non-blank lines of the bundled example pair taken as
//   presegmented sentences and repeated to 20 (the example has 15 Korean and 18 English);
// - DevArticles: the 51 articles of ../shared/eval/sentalign/dev (15-25 sentences a side;
//   reads ../shared, skipped without it);
// and a 5,000-sentence pair (the example repeated) in seconds per alignment.
// Run: taskset -c 0 build/bench/align_bench --benchmark_filter=Article --benchmark_repetitions=5
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
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
  const auto ko = repeat(ko_lines, 20);
  const auto en = repeat(en_lines, 20);
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

std::vector<std::string> file_lines(const std::filesystem::path& path) {
  std::ifstream f(path, std::ios::binary);
  std::vector<std::string> out;
  std::string line;
  while (std::getline(f, line)) out.push_back(line);
  return out;
}

void align_dev(benchmark::State& state) {
  const std::filesystem::path dev = source_dir() + "/../shared/eval/sentalign/dev";
  std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> articles;
  for (int k = 0; k < 1000; ++k) {
    char name[8];
    std::snprintf(name, sizeof name, "%03d", k);
    if (!std::filesystem::exists(dev / (std::string(name) + ".ko"))) break;
    articles.emplace_back(file_lines(dev / (std::string(name) + ".ko")),
                          file_lines(dev / (std::string(name) + ".en")));
  }
  if (articles.empty()) {
    state.SkipWithError("../shared/eval/sentalign/dev is absent");
    return;
  }
  std::vector<std::pair<std::vector<std::string_view>, std::vector<std::string_view>>> views;
  double sentences = 0;
  for (const auto& [ko, en] : articles) {
    views.emplace_back(std::vector<std::string_view>(ko.begin(), ko.end()),
                       std::vector<std::string_view>(en.begin(), en.end()));
    sentences += static_cast<double>(ko.size() + en.size()) / 2.0;
  }
  const koterm::align::AlignOptions options;
  for (auto _ : state) {
    for (const auto& [ko, en] : views) {
      auto beads = koterm::align::align(ko, en, options);
      benchmark::DoNotOptimize(beads.data());
    }
  }
  state.counters["articles/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * views.size()), benchmark::Counter::kIsRate);
  state.counters["sentences"] = sentences / static_cast<double>(views.size());
}
BENCHMARK(align_dev)->Name("DevArticles");

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
