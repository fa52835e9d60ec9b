#include "cli/progress.h"

#include <cstdio>

namespace koterm::cli {
namespace {

std::string clock_text(double seconds) {
  auto s = static_cast<long long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", s / 3600, (s / 60) % 60, s % 60);
  else
    std::snprintf(buf, sizeof buf, "%lld:%02lld", s / 60, s % 60);
  return buf;
}

}  // namespace

StderrProgress::StderrProgress(std::ostream& err, bool is_terminal, std::string what)
    : err_(err), terminal_(is_terminal), what_(std::move(what)) {}

void StderrProgress::start(std::size_t total) {
  total_ = total;
  started_ = Clock::now();
  last_shown_ = started_;
}

std::string StderrProgress::line(std::size_t done, std::size_t failed, bool bar) const {
  double elapsed = std::chrono::duration<double>(Clock::now() - started_).count();
  double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0.0;
  std::string s;
  if (bar) {
    constexpr std::size_t width = 30;
    std::size_t filled = total_ > 0 ? done * width / total_ : width;
    s += "[" + std::string(filled, '#') + std::string(width - filled, ' ') + "] ";
  } else {
    s += "koterm: progress: ";
  }
  char buf[160];
  std::snprintf(buf, sizeof buf, "%zu/%zu %s", done, total_, what_.c_str());
  s += buf;
  if (failed > 0) s += ", " + std::to_string(failed) + " skipped";
  std::snprintf(buf, sizeof buf, ", %.1f/s", rate);
  s += buf;
  if (rate > 0 && done < total_)
    s += ", " + clock_text(static_cast<double>(total_ - done) / rate) + " left";
  else
    s += ", " + clock_text(elapsed) + " elapsed";
  return s;
}

void StderrProgress::advance(std::size_t done, std::size_t failed) {
  auto now = Clock::now();
  const auto every = terminal_ ? std::chrono::milliseconds(200) : std::chrono::milliseconds(5000);
  if (now - last_shown_ < every) return;
  last_shown_ = now;
  shown_ = true;
  if (terminal_)
    err_ << "\r" << line(done, failed, true) << "\x1b[K" << std::flush;
  else
    err_ << line(done, failed, false) << "\n" << std::flush;
}

void StderrProgress::finish(std::size_t done, std::size_t failed) {
  if (terminal_) {
    err_ << "\r" << line(done, failed, true) << "\x1b[K\n" << std::flush;
  } else if (shown_) {
    err_ << line(done, failed, false) << "\n" << std::flush;
  }
}

}  // namespace koterm::cli
