#!/usr/bin/env bash
# Extracts a glossary in N shards with GNU parallel on this host, in the two rounds of
# docs/batch.md (counts, then links against the merged counts), and checks that the merged
# counts are the bytes an unsharded run writes and that the glossary is the one a single
# shard gives through the same steps.
#
#   scripts/shard-parallel.sh KOTERM N OUT_DIR INPUT...
#     KOTERM   the koterm binary
#     N        number of shards (GNU parallel runs up to one per core at a time)
#     OUT_DIR  receives counts-I.stats, counts.stats, links-I.stats, all.stats, glossary.yaml
#     INPUT    koterm extract's input options: --manifest FILE | --dir FOLDER | --aligned KO EN
#
#   scripts/shard-parallel.sh build/src/cli/koterm 4 /tmp/shards --manifest tests/fixtures/batch/good.tsv
#
# Exit 0 when every shard ran and both checks hold; 1 when a result differs;
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
seq 1 "$shards" | parallel --halt now,fail=1 --joblog "$out/counts.log" \
  "$koterm" extract "$@" --shard {}/"$shards" --stats-out "$out/counts-{}.stats" --threads 1 --quiet \
  || { echo "shard-parallel: a counting shard failed (see $out/counts.log)" >&2; exit 2; }
parts=()
for i in $(seq 1 "$shards"); do parts+=("$out/counts-$i.stats"); done
"$koterm" stats merge "${parts[@]}" -o "$out/counts.stats"

# Round 2: every shard links its own units against the counts of the whole input.
seq 1 "$shards" | parallel --halt now,fail=1 --joblog "$out/links.log" \
  "$koterm" extract "$@" --from-stats "$out/counts.stats" --shard {}/"$shards" \
  --stats-out "$out/links-{}.stats" --threads 1 --quiet \
  || { echo "shard-parallel: a linking shard failed (see $out/links.log)" >&2; exit 2; }
links=()
for i in $(seq 1 "$shards"); do links+=("$out/links-$i.stats"); done
"$koterm" stats merge "$out/counts.stats" "${links[@]}" -o "$out/all.stats"
"$koterm" extract --from-stats "$out/all.stats" -o "$out/glossary.yaml"

status=0
"$koterm" extract "$@" --stats-out "$out/unsharded.stats" --quiet
if cmp -s "$out/counts.stats" "$out/unsharded.stats"; then
  echo "shard-parallel: $shards shards' counts merged into $out/counts.stats: identical to the unsharded counts"
else
  echo "shard-parallel: $out/counts.stats differs from the unsharded counts" >&2
  status=1
fi
"$koterm" extract "$@" --from-stats "$out/unsharded.stats" --stats-out "$out/links-unsharded.stats" --quiet
"$koterm" stats merge "$out/unsharded.stats" "$out/links-unsharded.stats" -o "$out/all-unsharded.stats"
"$koterm" extract --from-stats "$out/all-unsharded.stats" -o "$out/glossary-unsharded.yaml"
if cmp -s "$out/glossary.yaml" "$out/glossary-unsharded.yaml"; then
  echo "shard-parallel: $out/glossary.yaml ($(grep -c '^  - id:' "$out/glossary.yaml") entries): identical to the single-shard glossary"
else
  echo "shard-parallel: $out/glossary.yaml differs from the single-shard glossary" >&2
  status=1
fi
exit "$status"
