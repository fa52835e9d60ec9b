// Runs a list of jobs on N threads and hands the results back in job order, so that what a
// batch run produces never depends on the thread count:
//
//   auto failures = batch::run_ordered<Article>(
//       paths.size(), {.threads = 4},
//       [&](std::size_t i) { return prepare(paths[i]); },      // on a worker thread
//       [&](std::size_t i, Article&& a) { extractor.add(a); },  // on the calling thread, i = 0, 1, ...
//       [&](std::size_t i) { return ids[i]; }, progress);
//
// A job that throws InputError (a missing file, bad encoding, an empty side) is recorded as a
// JobFailure with its id and skipped; the others complete. Any other exception (a bug, out of
// memory, a usage error) stops the run and is rethrown on the calling thread once every
// worker has stopped. At most `window` results wait for the consumer, so memory stays bounded
// when the consumer is slower than the workers.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "batch/progress.h"
#include "common/error.h"

namespace koterm::batch {

struct RunnerOptions {
  // Worker threads; 0 means one per core (std::thread::hardware_concurrency).
  unsigned threads = 0;
  // Finished results that may wait for the consumer; 0 means 4 per thread.
  std::size_t window = 0;
};

struct JobFailure {
  std::size_t index = 0;  // job number, 0-based
  std::string id;         // what the user calls it (manifest id, file name)
  SourcePos pos;          // where the problem is
  std::string message;
};

// The number of worker threads `requested` stands for (0: all cores, at least 1).
unsigned resolve_threads(unsigned requested);

template <typename R>
std::vector<JobFailure> run_ordered(std::size_t count, RunnerOptions options,
                                    const std::function<R(std::size_t)>& work,
                                    const std::function<void(std::size_t, R&&)>& consume,
                                    const std::function<std::string(std::size_t)>& id_of,
                                    Progress* progress) {
  const unsigned threads = static_cast<unsigned>(
      std::min<std::size_t>(resolve_threads(options.threads), std::max<std::size_t>(count, 1)));
  const std::size_t window = options.window > 0 ? options.window : std::size_t{4} * threads;

  struct Slot {
    bool ready = false;
    std::optional<R> value;
    std::optional<JobFailure> failure;
  };
  std::vector<Slot> slots(window);
  std::mutex mu;
  std::condition_variable slot_freed, slot_ready;
  std::size_t next_job = 0;    // next index a worker takes
  std::size_t next_out = 0;    // next index the consumer takes
  bool stop = false;
  std::exception_ptr fatal;

  auto worker = [&] {
    while (true) {
      std::size_t i;
      {
        std::unique_lock lock(mu);
        slot_freed.wait(lock, [&] { return stop || next_job >= count || next_job < next_out + window; });
        if (stop || next_job >= count) return;
        i = next_job++;
      }
      std::optional<R> value;
      std::optional<JobFailure> failure;
      try {
        value.emplace(work(i));
      } catch (const InputError& e) {
        failure = JobFailure{i, id_of(i), e.pos(), e.message()};
      } catch (...) {
        std::lock_guard lock(mu);
        if (!fatal) fatal = std::current_exception();
        stop = true;
        slot_ready.notify_all();
        slot_freed.notify_all();
        return;
      }
      std::lock_guard lock(mu);
      Slot& s = slots[i % window];
      s.value = std::move(value);
      s.failure = std::move(failure);
      s.ready = true;
      slot_ready.notify_all();
    }
  };

  std::vector<JobFailure> failures;
  if (progress != nullptr) progress->start(count);
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
  auto stop_all = [&] {
    {
      std::lock_guard lock(mu);
      stop = true;
    }
    slot_freed.notify_all();
    for (auto& th : pool) th.join();
    pool.clear();
  };
  try {
    while (next_out < count) {
      Slot taken;
      {
        std::unique_lock lock(mu);
        slot_ready.wait(lock, [&] { return stop || slots[next_out % window].ready; });
        if (!slots[next_out % window].ready) break;  // stopped by a fatal error
        taken = std::move(slots[next_out % window]);
        slots[next_out % window] = Slot{};
      }
      if (taken.failure)
        failures.push_back(std::move(*taken.failure));
      else
        consume(next_out, std::move(*taken.value));
      {
        std::lock_guard lock(mu);
        ++next_out;
      }
      slot_freed.notify_all();
      if (progress != nullptr) progress->advance(next_out, failures.size());
    }
  } catch (...) {
    stop_all();
    if (progress != nullptr) progress->finish(next_out, failures.size());
    throw;
  }
  stop_all();
  if (progress != nullptr) progress->finish(next_out, failures.size());
  if (fatal) std::rethrow_exception(fatal);
  return failures;
}

}  // namespace koterm::batch
