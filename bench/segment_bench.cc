// Sentence segmentation throughput (bytes and sentences per second) on the bundled example
// articles, repeated to make a longer text. Run: build/bench/segment_bench
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "segment/segment.h"

namespace {

// The repository root, from this file's path (bench/segment_bench.cc).
std::string source_dir() {
  std::string here = __FILE__;
  return here.substr(0, here.rfind("/bench/"));
}

std::string example(const char* name, int copies) {
  std::ifstream f(source_dir() + "/examples/" + name, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  std::string one = s.str(), all;
  for (int i = 0; i < copies; ++i) all += one;
  return all;
}

void segment_file(benchmark::State& state, const char* name, koterm::text::Lang lang) {
  const koterm::text::SourceText src =
      koterm::text::SourceText::from_bytes(name, example(name, 50));
  std::size_t sentences = 0;
  for (auto _ : state) {
    const koterm::segment::Document doc = koterm::segment::segment(src, lang);
    sentences += doc.sentences.size();
    benchmark::DoNotOptimize(doc.sentences.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(src.normalized().size()));
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
}

void BM_SegmentKorean(benchmark::State& state) {
  segment_file(state, "nk-envoy.ko.txt", koterm::text::Lang::ko);
}
void BM_SegmentEnglish(benchmark::State& state) {
  segment_file(state, "nk-envoy.en.txt", koterm::text::Lang::en);
}
BENCHMARK(BM_SegmentKorean)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SegmentEnglish)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
