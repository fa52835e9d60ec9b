// Speed of the names stage: the aligner and the extractor score thousands of English spans
// per article against a few Korean names, so NameMatcher::score is the hot path.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "names/names.h"

namespace {

const std::vector<std::string>& spans() {
  static const std::vector<std::string> s = {
      "Noh Kyu-duk", "Director General Noh", "Special Representative", "Korean Peninsula Peace",
      "Sung Kim", "Washington", "Lawrence Livermore National Laboratory", "Lotte Hotel",
      "Seoul", "Foreign Ministry", "United Nations Security Council", "Kim"};
  return s;
}

void BM_NameMatcherKoreanName(benchmark::State& state) {
  const koterm::names::NameMatcher m("노규덕");
  for (auto _ : state) {
    for (const auto& en : spans()) benchmark::DoNotOptimize(m.score(en));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(spans().size()));
}
BENCHMARK(BM_NameMatcherKoreanName);

void BM_NameMatcherLoanword(benchmark::State& state) {
  const koterm::names::NameMatcher m("로렌스 리버모아");
  for (auto _ : state) {
    for (const auto& en : spans()) benchmark::DoNotOptimize(m.score(en));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(spans().size()));
}
BENCHMARK(BM_NameMatcherLoanword);

void BM_NameMatcherBuild(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(koterm::names::NameMatcher("노규덕"));
}
BENCHMARK(BM_NameMatcherBuild);

void BM_Romanize(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(koterm::names::romanize("한반도평화교섭본부장", koterm::names::System::revised));
  }
}
BENCHMARK(BM_Romanize);

}  // namespace

BENCHMARK_MAIN();
