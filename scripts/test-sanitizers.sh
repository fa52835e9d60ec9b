#!/usr/bin/env bash
# Builds koterm and its tests with AddressSanitizer and UndefinedBehaviorSanitizer in
# ./build-asan (or $KOTERM_ASAN_DIR) and runs the unit and end-to-end tests there. Any
# sanitizer report fails the run (UBSan halts on the first error). The quality guards are
# left to the normal build: they measure figures, not memory safety, and are slow here.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${KOTERM_ASAN_DIR:-build-asan}
generator=()
command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
if [ ! -f "$build_dir/CMakeCache.txt" ]; then
  cmake -S . -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DKOTERM_SANITIZE=address,undefined -DKOTERM_WERROR=ON -DKOTERM_BUILD_BENCHMARKS=OFF >/dev/null
fi
cmake --build "$build_dir" --parallel "$(nproc)"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
ctest --test-dir "$build_dir" --output-on-failure --parallel "$(nproc)" --label-exclude quality
