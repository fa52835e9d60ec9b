#!/usr/bin/env bash
# Quality guard of `koterm align` on ../shared/eval/sentalign/dev: fails when link F1 or
# strict bead F1 drops below the recorded figure. Reads ../shared; exit 77 (skip) without it.
#   tests/quality/align_dev.sh KOTERM_BIN SOURCE_DIR
set -euo pipefail
koterm=$1
src=$2
set_dir=$src/../shared/eval/sentalign/dev
if [ ! -d "$set_dir" ]; then
  echo "skip: $set_dir is absent"
  exit 77
fi
# Recorded figures (scripts/eval-align.sh, default options).
min_link_f1=0.953
min_strict_f1=0.926
"$src/scripts/eval-align.sh" --koterm "$koterm" --set "$set_dir" --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
link, strict = d["link"]["F1"], d["strict"]["F1"]
print("align dev: link F1 %.4f (recorded %s), strict F1 %.4f (recorded %s)" % (link, sys.argv[1], strict, sys.argv[2]))
sys.exit(0 if link >= float(sys.argv[1]) and strict >= float(sys.argv[2]) else 1)' "$min_link_f1" "$min_strict_f1"
