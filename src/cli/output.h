// Output of a command: standard output, or a file given with -o that appears only when the
// command succeeds (written to a temporary file beside it, flushed, synced, renamed), so a
// failing command never leaves a truncated or changed file behind.
#pragma once

#include <memory>
#include <ostream>
#include <sstream>
#include <string>

namespace koterm::cli {

class OutputTarget {
 public:
  // `path` empty or "-" means `fallback` (standard output).
  OutputTarget(const std::string& path, std::ostream& fallback);
  ~OutputTarget();
  OutputTarget(const OutputTarget&) = delete;
  OutputTarget& operator=(const OutputTarget&) = delete;

  std::ostream& stream();
  // Makes the file appear (atomic rename). Without commit() nothing is written.
  void commit();
  bool is_file() const { return !path_.empty(); }

 private:
  std::string path_;
  std::ostream& fallback_;
  std::ostringstream buffer_;
  bool committed_ = false;
};

}  // namespace koterm::cli
