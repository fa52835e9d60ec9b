#include "glossary/lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "common/atomic_file.h"
#include "common/error.h"
#include "glossary/yaml.h"

namespace koterm::glossary {

std::string GlossaryLock::lock_path_of(const std::string& glossary_path) { return glossary_path + ".lock"; }

GlossaryLock::GlossaryLock(const std::string& glossary_path) {
  std::string lock_path = lock_path_of(glossary_path);
  fd_ = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0)
    throw InputError({glossary_path}, std::string("cannot create the lock file ") + lock_path + ": " +
                                          std::strerror(errno));
  while (::flock(fd_, LOCK_EX) != 0) {
    if (errno == EINTR) continue;
    int e = errno;
    ::close(fd_);
    fd_ = -1;
    throw InputError({glossary_path}, std::string("cannot lock ") + lock_path + ": " + std::strerror(e));
  }
}

GlossaryLock::~GlossaryLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the lock
}

void save_locked(const Glossary& g, const std::string& path) { write_file_atomically(path, to_yaml(g)); }

void update(const std::string& path, const std::function<void(Glossary&)>& change, Diagnostics& diags) {
  GlossaryLock lock(path);
  Glossary g;
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) {
    Diagnostics found;
    g = load(path, found);
    diags.append(found);
    if (found.count(Severity::error) > 0)
      throw InputError({path}, "the glossary has " + std::to_string(found.count(Severity::error)) +
                                   " error(s); fix them before updating it (koterm glossary validate)");
  } else {
    g.name = std::filesystem::path(path).stem().string();
  }
  change(g);
  save_locked(g, path);
}

}  // namespace koterm::glossary
