#include "batch/runner.h"

namespace koterm::batch {

unsigned resolve_threads(unsigned requested) {
  if (requested > 0) return requested;
  unsigned cores = std::thread::hardware_concurrency();
  return cores > 0 ? cores : 1;
}

}  // namespace koterm::batch
