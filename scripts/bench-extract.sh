#!/usr/bin/env bash
# Speed and memory of `koterm extract --aligned` at corpus scale (reads ../shared): the KPC
# dev corpus (1,000 line pairs) repeated to N line pairs (default 300,000), timed with
# /usr/bin/time -v. Target: <= 20 s wall clock and <= 2 GB peak memory on 2 cores.
#   usage: scripts/bench-extract.sh [KOTERM_BIN] [N]
set -euo pipefail
src="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$src/build/src/cli/koterm}"
n="${2:-300000}"
dev="$src/../shared/corpora/kpc-dev"
if [ ! -d "$dev" ]; then
  echo "bench-extract.sh: $dev is absent (../shared is needed)" >&2
  exit 77
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
lines="$(wc -l < "$dev/ko.txt")"
reps=$(( (n + lines - 1) / lines ))
for side in ko en; do
  for _ in $(seq "$reps"); do cat "$dev/$side.txt"; done | head -n "$n" > "$work/$side.txt"
done
echo "corpus: $(wc -l < "$work/ko.txt") line pairs ($(du -h "$work/ko.txt" | cut -f1) + $(du -h "$work/en.txt" | cut -f1))"
/usr/bin/time -v "$bin" extract --aligned "$work/ko.txt" "$work/en.txt" -o "$work/out.yaml" \
  2> "$work/time.txt"
grep -E "Elapsed \(wall clock\)|Maximum resident set size|User time|System time" "$work/time.txt"
echo "entries: $(grep -c '^  - id:' "$work/out.yaml")"
