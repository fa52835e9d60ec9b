#!/usr/bin/env bash
# Batch benchmark (issue 8): koterm extract on ../shared's kpc-dev corpus repeated to
# PAIRS line pairs (default 300000), with 1 and 2 threads; peak memory; the ratio to the
# tokenising floor (ICU's word BreakIterator alone over the same text, bench/batch_bench.cc);
# peak memory at twice the corpus (how memory grows with the input); and 10,000 article
# pairs from a manifest with the progress display.
#
#   scripts/bench-batch.sh [BUILD_DIR]        (default: build)
#   PAIRS=300000 RUNS=3 ARTICLES=10000 scripts/bench-batch.sh build
#
# Reads ../shared (skips with exit 77 when it is absent). The generated corpus lives in a
# temporary folder that is removed at the end; nothing is written into the repository.
# Figures are medians of RUNS runs; the machine may be shared, so say so when reporting.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
case $build in /*) ;; *) build=$root/$build ;; esac
koterm=$build/src/cli/koterm
floor=$build/bench/batch_bench
shared=$root/../shared/corpora/kpc-dev
pairs=${PAIRS:-300000}
runs=${RUNS:-3}
articles=${ARTICLES:-10000}

if [ ! -d "$shared" ]; then echo "bench-batch: $shared is absent; skipped"; exit 77; fi
for b in "$koterm" "$floor"; do
  [ -x "$b" ] || { echo "bench-batch: $b not built (ninja -C $build koterm batch_bench)" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "bench-batch: needs /usr/bin/time (Debian package time)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$shared" "$tmp" "$pairs" "$articles" <<'PY'
import os, sys
shared, tmp, pairs, articles = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
ko = open(os.path.join(shared, "ko.txt"), encoding="utf-8").read().splitlines()
en = open(os.path.join(shared, "en.txt"), encoding="utf-8").read().splitlines()
with open(os.path.join(tmp, "ko.txt"), "w", encoding="utf-8") as k, \
     open(os.path.join(tmp, "en.txt"), "w", encoding="utf-8") as e:
    for i in range(pairs):
        k.write(ko[i % len(ko)] + "\n")
        e.write(en[i % len(en)] + "\n")
# Articles of 10 consecutive line pairs (kpc-dev gives 100 distinct ones), each written once
# per repetition under its own name, listed in a manifest.
os.makedirs(os.path.join(tmp, "art"))
with open(os.path.join(tmp, "art", "manifest.tsv"), "w", encoding="utf-8") as m:
    m.write("id\tko\ten\n")
    for a in range(articles):
        base = (a * 10) % len(ko)
        name = f"a{a:05d}"
        with open(os.path.join(tmp, "art", name + ".ko.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(ko[base:base + 10]) + "\n")
        with open(os.path.join(tmp, "art", name + ".en.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(en[base:base + 10]) + "\n")
        m.write(f"{name}\t{name}.ko.txt\t{name}.en.txt\n")
PY

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

echo "bench-batch: $pairs line pairs (kpc-dev repeated), $runs run(s) each, $(nproc) core(s), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
# Each round runs the floor, 1 thread and 2 threads back to back, so that a change in the
# machine's speed (it may be shared) touches all three alike; the ratios are taken per round
# and their medians reported beside the medians of the times.
: > "$tmp/floor.txt"
for t in 1 2; do : > "$tmp/wall-$t.txt"; : > "$tmp/rss-$t.txt"; done
for r in $(seq "$runs"); do
  "$floor" floor "$tmp/ko.txt" "$tmp/en.txt" | sed -n 's/.*seconds=\([0-9.]*\).*/\1/p' >> "$tmp/floor.txt"
  for t in 1 2; do
    /usr/bin/time -f "%e %M" -o "$tmp/time.txt" \
      "$koterm" extract --aligned "$tmp/ko.txt" "$tmp/en.txt" --threads "$t" --quiet -o "$tmp/g-$t.yaml" 2>/dev/null
    read -r wall rss < "$tmp/time.txt"
    echo "$wall" >> "$tmp/wall-$t.txt"; echo "$rss" >> "$tmp/rss-$t.txt"
  done
done
floor_s=$(median < "$tmp/floor.txt")
echo "floor (ICU word BreakIterator, 1 thread): ${floor_s} s = $(awk -v p="$pairs" -v s="$floor_s" 'BEGIN{printf "%.0f", p/s}') pairs/s (runs: $(tr '\n' ' ' < "$tmp/floor.txt"))"
for t in 1 2; do
  wall=$(median < "$tmp/wall-$t.txt"); rss=$(median < "$tmp/rss-$t.txt")
  eval "wall_$t=$wall"
  awk -v t="$t" -v p="$pairs" -v w="$wall" -v r="$rss" -v f="$floor_s" -v runs="$(tr '\n' ' ' < "$tmp/wall-$t.txt")" 'BEGIN {
    printf "extract --aligned, %d thread(s): %.1f s = %.0f pairs/s, peak RSS %.0f MB, %.1fx the tokenising floor (runs: %s)\n",
           t, w, p / w, r / 1024, w / f, runs }'
done
cmp -s "$tmp/g-1.yaml" "$tmp/g-2.yaml" && echo "glossaries of 1 and 2 threads: identical" \
  || echo "glossaries of 1 and 2 threads: DIFFER"
speedup=$(paste "$tmp/wall-1.txt" "$tmp/wall-2.txt" | awk '{print $1 / $2}' | median)
floor_ratio=$(paste "$tmp/wall-2.txt" "$tmp/floor.txt" | awk '{print $1 / $2}' | median)
awk -v a="$wall_1" -v b="$wall_2" -v s="$speedup" -v f="$floor_ratio" 'BEGIN {
  printf "speed-up 2 threads over 1: %.2fx from the medians, %.2fx median of the rounds (target >= 1.8x)\n", a / b, s
  printf "2 threads against the floor: %.1fx median of the rounds (target <= 8x)\n", f }'

# Memory growth: the same corpus twice over (2 x PAIRS line pairs), 2 threads, one run. Memory
# is meant to be bounded by the vocabulary and the pairs counted, not by the corpus size.
cat "$tmp/ko.txt" "$tmp/ko.txt" > "$tmp/ko2.txt"
cat "$tmp/en.txt" "$tmp/en.txt" > "$tmp/en2.txt"
/usr/bin/time -f "%e %M" -o "$tmp/time.txt" \
  "$koterm" extract --aligned "$tmp/ko2.txt" "$tmp/en2.txt" --threads 2 --quiet -o "$tmp/g2x.yaml" 2>/dev/null
read -r wall2x rss2x < "$tmp/time.txt"
rm -f "$tmp/ko2.txt" "$tmp/en2.txt"
rss=$(median < "$tmp/rss-2.txt")
awk -v p="$pairs" -v r="$rss" -v r2="$rss2x" 'BEGIN {
  printf "peak RSS, 2 threads: %.0f MB at %d line pairs, %.0f MB at %d (x%.2f for twice the corpus)\n",
         r / 1024, p, r2 / 1024, 2 * p, r2 / r }'

: > "$tmp/art-wall.txt"
for r in $(seq "$runs"); do
  # The progress display goes to this terminal when there is one (a bar), else plain lines.
  /usr/bin/time -f "%e %M" -o "$tmp/time.txt" \
    "$koterm" extract --manifest "$tmp/art/manifest.tsv" -o "$tmp/art.yaml" 2> >(grep -v '^koterm: info:' >&2)
  read -r wall rss < "$tmp/time.txt"
  echo "$wall" >> "$tmp/art-wall.txt"
done
awall=$(median < "$tmp/art-wall.txt")
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v n="$articles" -v w="$awall" -v r="$rss" 'BEGIN {
  printf "extract --manifest, %d article pairs, all cores, progress shown: %.1f s = %.0f articles/s, peak RSS %.0f MB\n",
         n, w, n / w, r / 1024 }'
