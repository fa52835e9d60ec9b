// The progress display of batch runs (batch::Progress): a bar redrawn on stderr when it is a
// terminal, a plain line every few seconds when it is not (logs of unattended runs), nothing
// with --quiet.
#pragma once

#include <chrono>
#include <ostream>
#include <string>

#include "batch/progress.h"

namespace koterm::cli {

class StderrProgress : public batch::Progress {
 public:
  // `what`: the jobs' name in the display ("article pairs", "line pairs").
  StderrProgress(std::ostream& err, bool is_terminal, std::string what);
  void start(std::size_t total) override;
  void advance(std::size_t done, std::size_t failed) override;
  void finish(std::size_t done, std::size_t failed) override;

 private:
  using Clock = std::chrono::steady_clock;
  std::string line(std::size_t done, std::size_t failed, bool bar) const;

  std::ostream& err_;
  bool terminal_;
  std::string what_;
  std::size_t total_ = 0;
  Clock::time_point started_;
  Clock::time_point last_shown_;
  bool shown_ = false;
};

}  // namespace koterm::cli
