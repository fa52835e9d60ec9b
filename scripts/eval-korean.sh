#!/usr/bin/env bash
# Prints the Korean noun-stem figures of `koterm analyze` on ../shared's evaluation set
# (../shared/eval/korean/dev, JHE dev, Sejong-tagged gold). Reads ../shared; exits 77 with a
# message when it is absent.
# usage: scripts/eval-korean.sh [KOTERM_BIN] [--show N] [--json]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/build/src/cli/koterm}
shift || true
shared=$here/../shared
dev=$shared/eval/korean/dev
if [[ ! -d $dev ]]; then
  echo "eval-korean: $shared/eval/korean is absent; nothing to evaluate" >&2
  exit 77
fi
out=$(mktemp -t koterm-stems.XXXXXX.tsv)
trap 'rm -f "$out"' EXIT
"$bin" analyze --lang ko "$dev/jhe-dev.ko.txt" --format tsv > "$out"
python3 "$shared/eval/korean/score_stems.py" "$@" "$dev/jhe-dev.ko.pos" "$out"
