#include "cli/output.h"

#include "common/atomic_file.h"

namespace koterm::cli {

OutputTarget::OutputTarget(const std::string& path, std::ostream& fallback)
    : path_(path == "-" ? "" : path), fallback_(fallback) {}

OutputTarget::~OutputTarget() = default;

std::ostream& OutputTarget::stream() { return path_.empty() ? fallback_ : buffer_; }

void OutputTarget::commit() {
  if (committed_) return;
  committed_ = true;
  if (path_.empty()) {
    fallback_.flush();
    return;
  }
  write_file_atomically(path_, buffer_.str());
}

}  // namespace koterm::cli
