#!/usr/bin/env bash
# Counts a corpus in N shards with GNU parallel on this host, merges the parts, and checks
# that the merged counts are the bytes an unsharded run writes (see docs/batch.md).
#
#   scripts/shard-parallel.sh KOTERM N OUT_DIR INPUT...
#     KOTERM   the koterm binary
#     N        number of shards (GNU parallel runs up to one per core at a time)
#     OUT_DIR  receives part-I.stats and all.stats
#     INPUT    koterm extract's input options: --manifest FILE | --dir FOLDER | --aligned KO EN
#
#   scripts/shard-parallel.sh build/src/cli/koterm 4 /tmp/shards --manifest tests/fixtures/batch/good.tsv
#
# Exit 0 when every shard ran and the merge equals the unsharded counts; 1 when they differ;
# 2 on a usage problem or a failed shard (GNU parallel's --halt stops the others).
set -euo pipefail
if [ $# -lt 5 ]; then
  sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
koterm=$1; shards=$2; out=$3; shift 3
command -v parallel >/dev/null 2>&1 || { echo "shard-parallel: needs GNU parallel (apt-get install parallel)" >&2; exit 2; }
[ -x "$koterm" ] || { echo "shard-parallel: $koterm is not an executable" >&2; exit 2; }
case $shards in ''|*[!0-9]*|0) echo "shard-parallel: N must be a positive number; got $shards" >&2; exit 2 ;; esac
mkdir -p "$out"

# One job per shard; each writes its counts atomically, so a killed job leaves no part behind.
# Rerunning with --resume-failed redoes only the shards that did not finish.
seq 1 "$shards" | parallel --halt now,fail=1 --joblog "$out/jobs.log" \
  "$koterm" extract "$@" --shard {}/"$shards" --stats-out "$out/part-{}.stats" --threads 1 --quiet \
  || { echo "shard-parallel: a shard failed (see $out/jobs.log)" >&2; exit 2; }

parts=()
for i in $(seq 1 "$shards"); do parts+=("$out/part-$i.stats"); done
"$koterm" stats merge "${parts[@]}" -o "$out/all.stats"

"$koterm" extract "$@" --stats-out "$out/unsharded.stats" --quiet
if cmp -s "$out/all.stats" "$out/unsharded.stats"; then
  echo "shard-parallel: $shards shards merged into $out/all.stats: identical to the unsharded counts"
else
  echo "shard-parallel: $out/all.stats differs from the unsharded counts" >&2
  exit 1
fi
