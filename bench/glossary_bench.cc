// Glossary throughput: parsing and validating YAML, writing it, merging and lookup, on a
// generated glossary shaped like a batch run's output. scripts/bench-glossary.sh measures
// the 100,000-entry figure (time and peak memory) on the command line.
#include <benchmark/benchmark.h>

#include "glossary/lookup.h"
#include "glossary/merge.h"
#include "glossary/yaml.h"
#include "text/utf8.h"

namespace {

using namespace koterm::glossary;

std::string korean_word(std::size_t i) {
  std::string s;
  for (std::size_t k = 0, x = i; k < 3; ++k, x /= 300) koterm::text::append_utf8(s, static_cast<char32_t>(0xAC00 + (x % 300) * 37));
  s += "부";
  return s;
}

Glossary make(std::size_t n) {
  Glossary g;
  g.name = "bench";
  for (std::size_t i = 0; i < n; ++i) {
    Entry e;
    e.id = "t-" + std::to_string(i);
    e.ko = korean_word(i);
    e.en = "Ministry of Bench Term " + std::to_string(i);
    e.variants.push_back(Variant{e.en, TermStatus::preferred, i % 17 + 1, {"body", "headline"}, false, 0, ""});
    e.variants.push_back(Variant{"Bench Ministry " + std::to_string(i), TermStatus::admitted, i % 5, {}, true, 0, ""});
    e.kind = Kind::org;
    e.count = i % 17 + 1;
    e.score = 0.5;
    e.sources = {"corpus-" + std::to_string(i % 50) + ".txt"};
    e.examples.push_back(Example{e.ko + "는 발표했다.", "The " + e.en + " announced.", "corpus.txt:1"});
    g.terms.push_back(std::move(e));
  }
  return g;
}

void BM_ParseYaml(benchmark::State& state) {
  std::string text = to_yaml(make(static_cast<std::size_t>(state.range(0))));
  for (auto _ : state) {
    koterm::Diagnostics d;
    benchmark::DoNotOptimize(parse_yaml(text, "bench.yaml", d));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
  state.counters["entries"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_ParseYaml)->Arg(2000)->Unit(benchmark::kMillisecond);

void BM_ToYaml(benchmark::State& state) {
  Glossary g = make(static_cast<std::size_t>(state.range(0)));
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string s = to_yaml(g);
    bytes += s.size();
    benchmark::DoNotOptimize(s);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_ToYaml)->Arg(2000)->Unit(benchmark::kMillisecond);

void BM_Merge(benchmark::State& state) {
  Glossary base = make(static_cast<std::size_t>(state.range(0)));
  Glossary update = make(static_cast<std::size_t>(state.range(0)) / 2);
  for (auto _ : state) {
    Glossary g = base;
    merge_into(g, update);
    benchmark::DoNotOptimize(g);
  }
}
BENCHMARK(BM_Merge)->Arg(2000)->Unit(benchmark::kMillisecond);

void BM_Lookup(benchmark::State& state) {
  Glossary g = make(2000);
  LookupIndex index(g);
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(index.find(korean_word(i++ % 2000) + "는"));
  }
}
BENCHMARK(BM_Lookup);

}  // namespace

BENCHMARK_MAIN();
