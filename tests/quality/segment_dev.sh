#!/usr/bin/env bash
# Quality guard for sentence segmentation (reads ../shared/eval/segment; skips with exit 77
# when ../shared is absent): runs `koterm segment` on the four dev sets and fails
# when a set's boundary recall or F1 drops below the figure recorded here.
#   usage: tests/quality/segment_dev.sh KOTERM_BIN SOURCE_DIR
set -euo pipefail
bin="$1"
src="$2"
dev="$src/../shared/eval/segment/dev"
if [ ! -d "$dev" ]; then
  echo "skip: $dev is absent (../shared is needed)"
  exit 77
fi
# set         recall  F1     (recorded with scripts/eval-segment.sh)
recorded="
kpc-dev.ko    0.9812  0.9739
kpc-dev.en    0.9825  0.9567
jhe-dev.ko    0.9945  0.9704
jhe-dev.en    0.9945  0.9845
"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
status=0
while read -r set want_r want_f; do
  [ -z "$set" ] && continue
  "$bin" segment --lang "${set##*.}" "$dev/$set.txt" > "$out/$set.out"
  got="$(python3 "$src/../shared/eval/segment/score_split.py" --json "$dev/$set.gold" "$out/$set.out" |
    python3 -c 'import json,sys; b=json.load(sys.stdin)["boundary"]; print("%.4f %.4f" % (b["R"], b["F1"]))')"
  read -r got_r got_f <<< "$got"
  verdict=ok
  if python3 -c "import sys; sys.exit(0 if float('$got_r') + 1e-9 >= float('$want_r') and float('$got_f') + 1e-9 >= float('$want_f') else 1)"; then
    :
  else
    verdict=FAIL
    status=1
  fi
  printf '%-11s recall %s (recorded %s)  F1 %s (recorded %s)  %s\n' "$set" "$got_r" "$want_r" "$got_f" "$want_f" "$verdict"
done <<< "$recorded"
exit $status
