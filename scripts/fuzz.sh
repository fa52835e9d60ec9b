#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/*_fuzz.cc) with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer in ./build-fuzz (or $KOTERM_FUZZ_DIR) and runs each for SECONDS
# (default 60) on a working corpus seeded from fuzz/corpus/<target>/. Prints executions per
# target; exits 1 when a target crashed (the crashing input is kept in build-fuzz/crashes/).
#   scripts/fuzz.sh [SECONDS] [TARGET...]
# KOTERM_FUZZ_JOBS (default 1) runs that many targets at a time.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
build_dir=${KOTERM_FUZZ_DIR:-build-fuzz}
jobs=${KOTERM_FUZZ_JOBS:-1}
cc=${CC:-clang-14}
cxx=${CXX:-clang++-14}
if ! command -v "$cxx" >/dev/null 2>&1; then
  echo "fuzz: $cxx not found; install clang (apt-get install clang-14) or set CXX" >&2
  exit 2
fi
if [ ! -f "$build_dir/CMakeCache.txt" ]; then
  generator=()
  command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
  CC=$cc CXX=$cxx cmake -S . -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DKOTERM_FUZZ=ON -DKOTERM_BUILD_TESTS=OFF -DKOTERM_BUILD_BENCHMARKS=OFF >/dev/null
fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in fuzz/*_fuzz.cc; do
    n=$(basename "$f" .cc)
    targets+=("$n")
  done
fi
cmake --build "$build_dir" --parallel "${KOTERM_BUILD_JOBS:-2}" --target "${targets[@]}"

mkdir -p "$build_dir/crashes" "$build_dir/logs"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

run_one() {
  local t=$1 name=${1%_fuzz}
  local work="$build_dir/corpus/$name"
  mkdir -p "$work"
  # -rss_limit_mb: koterm refuses huge inputs itself; a target that needs more is a bug.
  "$build_dir/fuzz/$t" "$work" "fuzz/corpus/$name" -max_total_time="$seconds" -rss_limit_mb=2048 \
    -seed="${KOTERM_FUZZ_SEED:-1}" -timeout=20 -max_len=65536 -print_final_stats=1 -artifact_prefix="$build_dir/crashes/$name-" \
    >"$build_dir/logs/$name.log" 2>&1
}

status=0
pids=()
names=()
for t in "${targets[@]}"; do
  run_one "$t" &
  pids+=($!)
  names+=("$t")
  if [ ${#pids[@]} -ge "$jobs" ]; then
    wait "${pids[0]}" || status=1
    pids=("${pids[@]:1}")
  fi
done
for p in "${pids[@]}"; do wait "$p" || status=1; done

printf '%-22s %12s %10s %8s  %s\n' target executions exec/s corpus result
for t in "${names[@]}"; do
  name=${t%_fuzz}
  log="$build_dir/logs/$name.log"
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  corpus=$(find "$build_dir/corpus/$name" -type f | wc -l)
  result=ok
  if grep -q -e '^==[0-9]*==ERROR' -e 'deadly signal' -e 'runtime error' -e 'invariant broken' \
       -e 'Test unit written' "$log"; then
    result="CRASH (see $log)"
    status=1
  fi
  printf '%-22s %12s %10s %8s  %s\n' "$name" "${execs:-?}" "${rate:-?}" "$corpus" "$result"
done
exit $status
