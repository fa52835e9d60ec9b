// How a batch run reports how far it got. The library calls a Progress it is given and never
// prints; cli/ implements it (a bar on a terminal, plain periodic lines otherwise, nothing
// with --quiet).
#pragma once

#include <cstddef>

namespace koterm::batch {

class Progress {
 public:
  virtual ~Progress() = default;
  // Before the first job: how many there are.
  virtual void start(std::size_t total) = 0;
  // After each job, in job order: `done` jobs finished so far, `failed` of them skipped.
  virtual void advance(std::size_t done, std::size_t failed) = 0;
  // After the last job (also when the run ends early with an error).
  virtual void finish(std::size_t done, std::size_t failed) = 0;
};

}  // namespace koterm::batch
