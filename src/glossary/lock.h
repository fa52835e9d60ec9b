// Locking a glossary against concurrent updates: an exclusive flock on "<glossary>.lock"
// beside it, so that several koterm processes updating one glossary lose nothing.
#pragma once

#include <functional>
#include <string>

#include "common/diagnostics.h"
#include "glossary/model.h"

namespace koterm::glossary {

// Holds the exclusive lock of the glossary at `glossary_path` for its lifetime.
class GlossaryLock {
 public:
  // Blocks until the lock is free; throws InputError when the lock file cannot be created.
  explicit GlossaryLock(const std::string& glossary_path);
  ~GlossaryLock();
  GlossaryLock(const GlossaryLock&) = delete;
  GlossaryLock& operator=(const GlossaryLock&) = delete;

  static std::string lock_path_of(const std::string& glossary_path);

 private:
  int fd_ = -1;
};

// Read-modify-write under the lock: loads the glossary (an empty one named after the file
// when it does not exist yet), lets `change` modify it and saves it atomically. Throws
// InputError when the existing glossary has errors (they are left in `diags`), so a broken
// file is never overwritten.
void update(const std::string& path, const std::function<void(Glossary&)>& change, Diagnostics& diags);

// Writes atomically without taking the lock (the caller holds it).
void save_locked(const Glossary& g, const std::string& path);

}  // namespace koterm::glossary
