// Consistency checking throughput on the bundled example pair: one article (segmentation,
// alignment, the term extractor's links, every check) per iteration, without and with the
// bundled glossaries, and a batch of 50 copies of the article (batch-wide checks included).
// Run: build/bench/check_bench [--benchmark_filter=Batch]
#include <benchmark/benchmark.h>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "check/check.h"
#include "common/diagnostics.h"
#include "glossary/yaml.h"

namespace {

// The repository root, from this file's path (bench/check_bench.cc).
std::string source_dir() {
  std::string here = __FILE__;
  return here.substr(0, here.rfind("/bench/"));
}

std::shared_ptr<const koterm::text::SourceText> example(const char* name) {
  std::istringstream in;
  return std::make_shared<const koterm::text::SourceText>(
      koterm::text::read_source(source_dir() + "/examples/" + name, in));
}

koterm::glossary::Glossary bundled() {
  koterm::glossary::Glossary g;
  koterm::Diagnostics d;
  for (const char* f : {"titles", "north-korea", "government", "international"}) {
    auto one = koterm::glossary::load(source_dir() + "/glossaries/" + f + ".yaml", d);
    for (auto& e : one.terms) g.terms.push_back(std::move(e));
  }
  return g;
}

void run(benchmark::State& state, const koterm::glossary::Glossary* g, std::size_t copies) {
  auto ko = example("nk-envoy.ko.txt");
  auto en = example("nk-envoy.en.txt");
  koterm::check::Checker checker(koterm::check::CheckOptions{}, g);
  std::size_t findings = 0;
  for (auto _ : state) {
    std::vector<koterm::check::Article> articles;
    for (std::size_t i = 0; i < copies; ++i)
      articles.push_back(koterm::check::load_article("a" + std::to_string(i), ko, en, g));
    findings = checker.run(articles).findings.size();
    benchmark::DoNotOptimize(findings);
  }
  state.counters["articles/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * copies), benchmark::Counter::kIsRate);
  state.counters["findings"] = static_cast<double>(findings);
}

void check_article_no_glossary(benchmark::State& state) { run(state, nullptr, 1); }
void check_article_bundled_glossaries(benchmark::State& state) {
  static const koterm::glossary::Glossary g = bundled();
  run(state, &g, 1);
}
void check_batch_of_50(benchmark::State& state) { run(state, nullptr, 50); }

BENCHMARK(check_article_no_glossary)->Unit(benchmark::kMillisecond);
BENCHMARK(check_article_bundled_glossaries)->Unit(benchmark::kMillisecond);
BENCHMARK(check_batch_of_50)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
