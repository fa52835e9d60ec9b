// Throughput of the Korean analyser (eojeols per second on one core) and of term keys.
// Input: ../shared/eval/korean/dev/jhe-dev.ko.txt when present (it reads ../shared), else the
// bundled example article examples/nk-envoy.ko.txt; the text is repeated to about 1 MB.
// Report the median: korean_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "korean/analyze.h"

namespace {

std::string load_text() {
  std::filesystem::path repo = std::filesystem::path(__FILE__).parent_path().parent_path();
  for (const auto& p : {repo / ".." / "shared" / "eval" / "korean" / "dev" / "jhe-dev.ko.txt",
                        repo / "examples" / "nk-envoy.ko.txt"}) {
    std::ifstream in(p, std::ios::binary);
    if (!in) continue;
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string one = ss.str();
    std::string text;
    while (text.size() < (std::size_t{1} << 20)) text += one;
    return text;
  }
  return {};
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

void BM_KoreanAnalyze(benchmark::State& state) {
  static const std::vector<std::string> lines = lines_of(load_text());
  if (lines.empty()) {
    state.SkipWithError("no Korean text found");
    return;
  }
  std::size_t eojeols = 0;
  for (auto _ : state) {
    for (const auto& line : lines) {
      auto words = koterm::korean::analyze(line);
      eojeols += words.size();
      benchmark::DoNotOptimize(words.data());
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(eojeols));
}
BENCHMARK(BM_KoreanAnalyze)->Unit(benchmark::kMillisecond);

void BM_KoreanTermKey(benchmark::State& state) {
  static const std::vector<std::string> phrases = {"한반도 평화교섭본부장은", "종전선언을", "북한의",
                                                   "대북특별대표가", "고위급 협의를"};
  std::size_t n = 0;
  for (auto _ : state) {
    for (const auto& p : phrases) {
      benchmark::DoNotOptimize(koterm::korean::term_key(p));
      ++n;
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(n));
}
BENCHMARK(BM_KoreanTermKey);

}  // namespace

BENCHMARK_MAIN();
