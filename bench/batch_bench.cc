// Batch benchmarks.
//
//   batch_bench floor KO EN   the tokenising floor of scripts/bench-batch.sh: ICU's word
//                             BreakIterator alone over both sides of a line-aligned corpus,
//                             one thread; prints pairs, seconds and pairs per second.
//   batch_bench [--benchmark_...]  Google Benchmark: the ordered runner's overhead per job.
#include <benchmark/benchmark.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "batch/runner.h"

namespace {

std::vector<std::string> read_lines(const char* path) {
  std::ifstream f(path, std::ios::binary);
  std::vector<std::string> out;
  for (std::string l; std::getline(f, l);) out.push_back(std::move(l));
  return out;
}

// Word tokens (rule status other than "none") in every line, through UTF-8 UText so that no
// conversion is timed.
std::size_t count_words(icu::BreakIterator& it, const std::vector<std::string>& lines) {
  std::size_t words = 0;
  UErrorCode status = U_ZERO_ERROR;
  UText* text = nullptr;
  for (const std::string& l : lines) {
    text = utext_openUTF8(text, l.data(), static_cast<int64_t>(l.size()), &status);
    it.setText(text, status);
    for (int32_t p = it.next(); p != icu::BreakIterator::DONE; p = it.next())
      if (it.getRuleStatus() != UBRK_WORD_NONE) ++words;
  }
  utext_close(text);
  return words;
}

int floor_main(const char* ko_path, const char* en_path) {
  std::vector<std::string> ko = read_lines(ko_path), en = read_lines(en_path);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> ko_it(icu::BreakIterator::createWordInstance(icu::Locale("ko"), status));
  std::unique_ptr<icu::BreakIterator> en_it(icu::BreakIterator::createWordInstance(icu::Locale("en"), status));
  if (U_FAILURE(status)) {
    std::fprintf(stderr, "batch_bench: ICU word break iterator: %s\n", u_errorName(status));
    return 2;
  }
  auto t0 = std::chrono::steady_clock::now();
  std::size_t words = count_words(*ko_it, ko) + count_words(*en_it, en);
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::size_t pairs = std::min(ko.size(), en.size());
  std::printf("floor\tpairs=%zu\twords=%zu\tseconds=%.3f\tpairs_per_s=%.0f\n", pairs, words, s,
              static_cast<double>(pairs) / s);
  return 0;
}

void run_ordered_overhead(benchmark::State& state) {
  koterm::batch::RunnerOptions o;
  o.threads = static_cast<unsigned>(state.range(0));
  const std::size_t jobs = 10000;
  for (auto _ : state) {
    std::size_t sum = 0;
    koterm::batch::run_ordered<std::size_t>(
        jobs, o, [](std::size_t i) { return i; }, [&](std::size_t, std::size_t&& v) { sum += v; },
        [](std::size_t) { return std::string(); }, nullptr);
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * jobs));
}
BENCHMARK(run_ordered_overhead)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::string(argv[1]) == "floor") return floor_main(argv[2], argv[3]);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
