#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "batch/runner.h"
#include "common/error.h"

namespace koterm::batch {
namespace {

struct CountingProgress : Progress {
  std::size_t total = 0, advances = 0, last_done = 0, last_failed = 0, finishes = 0;
  void start(std::size_t t) override { total = t; }
  void advance(std::size_t done, std::size_t failed) override {
    ++advances;
    EXPECT_EQ(done, last_done + 1);  // one call per job, in order
    last_done = done;
    last_failed = failed;
  }
  void finish(std::size_t done, std::size_t failed) override {
    ++finishes;
    last_done = done;
    last_failed = failed;
  }
};

// Jobs take uneven time (later jobs are faster) so that workers finish out of order.
std::vector<std::size_t> run_with(unsigned threads, std::size_t n) {
  std::vector<std::size_t> seen;
  RunnerOptions o;
  o.threads = threads;
  auto failures = run_ordered<std::size_t>(
      n, o,
      [&](std::size_t i) {
        std::this_thread::sleep_for(std::chrono::microseconds((n - i) % 7 * 50));
        return i * i;
      },
      [&](std::size_t i, std::size_t&& v) {
        EXPECT_EQ(v, i * i);
        seen.push_back(i);
      },
      [](std::size_t i) { return "job " + std::to_string(i); }, nullptr);
  EXPECT_TRUE(failures.empty());
  return seen;
}

TEST(RunOrdered, HandsResultsBackInJobOrderWhateverTheThreadCount) {
  std::vector<std::size_t> expected(200);
  for (std::size_t i = 0; i < expected.size(); ++i) expected[i] = i;
  for (unsigned t : {1u, 2u, 4u, 8u}) EXPECT_EQ(run_with(t, 200), expected) << t << " threads";
}

TEST(RunOrdered, NoJobsIsFine) {
  CountingProgress p;
  auto failures = run_ordered<int>(
      0, {}, [](std::size_t) { return 1; }, [](std::size_t, int&&) { FAIL(); },
      [](std::size_t) { return std::string(); }, &p);
  EXPECT_TRUE(failures.empty());
  EXPECT_EQ(p.finishes, 1u);
}

TEST(RunOrdered, ABrokenJobIsRecordedWithItsIdAndTheRestCompletes) {
  CountingProgress p;
  std::vector<std::size_t> consumed;
  RunnerOptions o;
  o.threads = 3;
  auto failures = run_ordered<std::size_t>(
      10, o,
      [](std::size_t i) -> std::size_t {
        if (i == 3 || i == 7)
          throw InputError({"기사-" + std::to_string(i) + ".ko.txt", 2, 5}, "invalid UTF-8 byte 0xFF");
        return i;
      },
      [&](std::size_t i, std::size_t&&) { consumed.push_back(i); },
      [](std::size_t i) { return "article-" + std::to_string(i); }, &p);
  EXPECT_EQ(consumed, (std::vector<std::size_t>{0, 1, 2, 4, 5, 6, 8, 9}));
  ASSERT_EQ(failures.size(), 2u);
  EXPECT_EQ(failures[0].index, 3u);
  EXPECT_EQ(failures[0].id, "article-3");
  EXPECT_EQ(failures[0].pos.str(), "기사-3.ko.txt:2:5");
  EXPECT_EQ(failures[0].message, "invalid UTF-8 byte 0xFF");
  EXPECT_EQ(failures[1].id, "article-7");
  EXPECT_EQ(p.total, 10u);
  EXPECT_EQ(p.advances, 10u);
  EXPECT_EQ(p.last_done, 10u);
  EXPECT_EQ(p.last_failed, 2u);
  EXPECT_EQ(p.finishes, 1u);
}

TEST(RunOrdered, AnyOtherErrorStopsTheRunAndIsRethrown) {
  CountingProgress p;
  RunnerOptions o;
  o.threads = 2;
  EXPECT_THROW(run_ordered<int>(
                   1000, o,
                   [](std::size_t i) -> int {
                     if (i == 5) throw InternalError("broken invariant");
                     return 0;
                   },
                   [](std::size_t, int&&) {}, [](std::size_t) { return std::string(); }, &p),
               InternalError);
  EXPECT_EQ(p.finishes, 1u);
  EXPECT_LT(p.last_done, 1000u);
}

TEST(RunOrdered, AnErrorInTheConsumerStopsTheWorkers) {
  RunnerOptions o;
  o.threads = 2;
  EXPECT_THROW(run_ordered<int>(
                   1000, o, [](std::size_t) { return 0; },
                   [](std::size_t i, int&&) {
                     if (i == 10) throw std::runtime_error("disk full");
                   },
                   [](std::size_t) { return std::string(); }, nullptr),
               std::runtime_error);
}

TEST(RunOrdered, AtMostWindowResultsWaitForTheConsumer) {
  RunnerOptions o;
  o.threads = 4;
  o.window = 3;
  std::atomic<std::size_t> produced{0};
  std::size_t most_ahead = 0;
  run_ordered<int>(
      100, o,
      [&](std::size_t) {
        ++produced;
        return 0;
      },
      [&](std::size_t i, int&&) {
        std::this_thread::sleep_for(std::chrono::microseconds(200));
        most_ahead = std::max(most_ahead, produced.load() - i);
      },
      [](std::size_t) { return std::string(); }, nullptr);
  EXPECT_LE(most_ahead, 3u);
}

TEST(ResolveThreads, ZeroMeansAllCores) {
  EXPECT_GE(resolve_threads(0), 1u);
  EXPECT_EQ(resolve_threads(3), 3u);
}

}  // namespace
}  // namespace koterm::batch
