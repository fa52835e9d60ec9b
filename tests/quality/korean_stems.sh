#!/usr/bin/env bash
# Quality guard for Korean noun stems (reads ../shared/eval/korean; skips with exit 77 when
# ../shared is absent): runs `koterm analyze --lang ko` on the JHE dev set and fails when
# the accuracy on eojeols with a gold noun, the accuracy on all eojeols or the noun-detection
# F1 drops below the figure recorded here (recorded with scripts/eval-korean.sh).
#   usage: tests/quality/korean_stems.sh KOTERM_BIN SOURCE_DIR
set -euo pipefail
bin="$1"
src="$2"
dev="$src/../shared/eval/korean/dev"
if [ ! -d "$dev" ]; then
  echo "skip: $dev is absent (../shared is needed)"
  exit 77
fi
recorded_gold_noun=0.9537
recorded_all=0.9434
recorded_f1=0.9585
out="$(mktemp -t koterm-stems.XXXXXX)"
trap 'rm -f "$out"' EXIT
"$bin" analyze --lang ko "$dev/jhe-dev.ko.txt" --format tsv > "$out"
python3 "$src/../shared/eval/korean/score_stems.py" --json "$dev/jhe-dev.ko.pos" "$out" |
  python3 -c '
import json, sys
r = json.load(sys.stdin)
got = {"gold-noun accuracy": r["accuracy_gold_noun"], "all accuracy": r["accuracy_all"],
       "noun detection F1": r["noun_detection"]["F1"]}
want = {"gold-noun accuracy": float(sys.argv[1]), "all accuracy": float(sys.argv[2]),
        "noun detection F1": float(sys.argv[3])}
status = 0
for k in got:
    ok = round(got[k], 4) + 1e-9 >= want[k]
    status |= 0 if ok else 1
    print("%-20s %.4f (recorded %.4f)  %s" % (k, got[k], want[k], "ok" if ok else "FAIL"))
sys.exit(status)
' "$recorded_gold_noun" "$recorded_all" "$recorded_f1"
