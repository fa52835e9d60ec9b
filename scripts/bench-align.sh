#!/usr/bin/env bash
# Speed of `koterm align`: (1) the Google Benchmark build/bench/align_bench on one core
# (taskset -c 0), median of 5 repetitions: articles of 20 sentences a side per second, the
# 51 dev articles of ../shared (when present) per second, and a 5,000-sentence pair; (2) the time and peak memory
# (/usr/bin/time -v) of `koterm align --presegmented` on a 5,000-sentence pair made by
# concatenating whole articles of ../shared/eval/sentalign/dev (or, without ../shared, the
# bundled example repeated).
#   scripts/bench-align.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
koterm=$build/src/cli/koterm
bench=$build/bench/align_bench
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ -x "$bench" ]; then
  taskset -c 0 "$bench" --benchmark_min_time=1 --benchmark_repetitions=5 \
    --benchmark_report_aggregates_only=true 2>/dev/null || "$bench"
fi

dev=$root/../shared/eval/sentalign/dev
: > "$tmp/long.ko"
: > "$tmp/long.en"
while [ "$(wc -l < "$tmp/long.ko")" -lt 5000 ]; do
  if [ -d "$dev" ]; then
    cat "$dev"/*.ko >> "$tmp/long.ko"
    cat "$dev"/*.en >> "$tmp/long.en"
  else
    grep -v '^[[:space:]]*$' "$root/examples/nk-envoy.ko.txt" >> "$tmp/long.ko"
    grep -v '^[[:space:]]*$' "$root/examples/nk-envoy.en.txt" >> "$tmp/long.en"
  fi
done
# Whole articles only, so that the two sides still correspond line for line at the end.
cp "$tmp/long.ko" "$tmp/5000.ko"
cp "$tmp/long.en" "$tmp/5000.en"
echo "5,000-sentence pair: $(wc -l < "$tmp/5000.ko") ko lines, $(wc -l < "$tmp/5000.en") en lines"
/usr/bin/time -v "$koterm" align --presegmented "$tmp/5000.ko" "$tmp/5000.en" \
  > "$tmp/5000.beads" 2> "$tmp/time.txt" || true
grep -E "User time|Elapsed \(wall clock\)|Maximum resident set size" "$tmp/time.txt"
echo "beads: $(wc -l < "$tmp/5000.beads")"
