#include "common/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "common/error.h"

namespace koterm {

void write_file_atomically(const std::string& path, const std::string& content) {
  namespace fs = std::filesystem;
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
  std::string tmpl = (dir / ("." + target.filename().string() + ".tmp.XXXXXX")).string();
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
