#include "common/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "common/error.h"

namespace koterm {

namespace {

namespace fs = std::filesystem;

// Removes the temporary files that killed writers of `name` left in `dir` (see the header).
// Best effort: a file that cannot be inspected or removed is left.
void remove_stale_temporaries(const fs::path& dir, const std::string& name) {
  const std::string prefix = "." + name + ".tmp.";
  const auto now = fs::file_time_type::clock::now();
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) return;
  for (const auto& entry : it) {
    const std::string file = entry.path().filename().string();
    if (file.size() <= prefix.size() || file.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string rest = file.substr(prefix.size());
    std::error_code e;
    if (!entry.is_regular_file(e)) continue;
    const auto written = fs::last_write_time(entry.path(), e);
    if (e) continue;
    const std::size_t dot = rest.find('.');
    const bool has_pid = dot != std::string::npos && dot > 0 && dot <= 9 &&
                         rest.find_first_not_of("0123456789") == dot;
    if (has_pid) {
      const pid_t pid = static_cast<pid_t>(std::stol(rest.substr(0, dot)));
      const bool running = pid > 0 && (::kill(pid, 0) == 0 || errno == EPERM);
      if (running || now - written < std::chrono::minutes(1)) continue;
    } else if (now - written < std::chrono::hours(1)) {
      continue;
    }
    fs::remove(entry.path(), e);
  }
}

}  // namespace

void write_file_atomically(const std::string& path, const std::string& content) {
  fs::path target(path);
  fs::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  std::error_code ec;
  if (fs::is_directory(target, ec)) throw InputError({path}, "is a directory; expected a file to write");
  if (!fs::is_directory(dir, ec)) throw InputError({path}, "cannot write: folder " + dir.string() + " does not exist");
  // A device or a pipe (-o /dev/null, -o /dev/stdout) is written to, never replaced: renaming
  // over it would turn /dev/null into a regular file.
  const fs::file_status st = fs::status(target, ec);
  if (!ec && fs::exists(st) && !fs::is_regular_file(st)) {
    std::ofstream f(path, std::ios::binary);
    if (!f || !f.write(content.data(), static_cast<std::streamsize>(content.size())) || !f.flush())
      throw InputError({path}, std::string("cannot write: ") + std::strerror(errno));
    return;
  }
  remove_stale_temporaries(dir, target.filename().string());
  std::string tmpl = (dir / ("." + target.filename().string() + ".tmp." + std::to_string(::getpid()) +
                             ".XXXXXX")).string();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) throw InputError({path}, std::string("cannot write: ") + std::strerror(errno));
  const char* p = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      int e = errno;
      ::close(fd);
      ::unlink(tmpl.c_str());
      throw InputError({path}, std::string("cannot write: ") + std::strerror(e));
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  // Keep the permissions of the file being replaced; a new file gets rw-r--r--.
  struct stat old {};
  ::fchmod(fd, ::stat(path.c_str(), &old) == 0 ? (old.st_mode & 07777) : 0644);
  int synced = ::fsync(fd);
  int sync_errno = errno;
  int closed = ::close(fd);
  if (synced != 0 || closed != 0) {
    int e = synced != 0 ? sync_errno : errno;
    ::unlink(tmpl.c_str());
    throw InputError({path}, std::string("cannot write: ") + std::strerror(e));
  }
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    int e = errno;
    ::unlink(tmpl.c_str());
    throw InputError({path}, std::string("cannot write: ") + std::strerror(e));
  }
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

}  // namespace koterm
