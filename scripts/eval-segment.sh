#!/usr/bin/env bash
# Sentence segmentation on the four dev sets of ../shared/eval/segment (reads ../shared; builds
# nothing). Prints one row per set: boundary P/R/F1 and sentence F1 from the kit's scorer.
#   usage: scripts/eval-segment.sh [KOTERM_BIN] [-- extra koterm segment options]
#   KOTERM_BIN defaults to build/src/cli/koterm; set KOTERM_EVAL_OUT=DIR to keep the outputs.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$root/build/src/cli/koterm}"
[ $# -gt 0 ] && shift
[ "${1:-}" = "--" ] && shift
shared="$root/../shared"
dev="$shared/eval/segment/dev"
if [ ! -d "$dev" ]; then
  echo "eval-segment.sh: $dev is absent (../shared is needed)" >&2
  exit 77
fi
if [ ! -x "$bin" ]; then
  echo "eval-segment.sh: no koterm binary at $bin (build it first)" >&2
  exit 2
fi
out="${KOTERM_EVAL_OUT:-$(mktemp -d)}"
mkdir -p "$out"
printf '%-12s %8s %8s %8s %8s\n' set b-P b-R b-F1 sent-F1
for set in kpc-dev.ko kpc-dev.en jhe-dev.ko jhe-dev.en; do
  lang="${set##*.}"
  # Each non-blank line of the dev input is a paragraph (all of them come out as body).
  "$bin" segment --lang "$lang" "$@" "$dev/$set.txt" > "$out/$set.out"
  python3 "$shared/eval/segment/score_split.py" --json "$dev/$set.gold" "$out/$set.out" |
    python3 -c 'import json,sys; r=json.load(sys.stdin); b=r["boundary"]; s=r["sentence"]
print("%-12s %8.4f %8.4f %8.4f %8.4f" % (sys.argv[1], b["P"], b["R"], b["F1"], s["F1"]))' "$set"
done
[ -z "${KOTERM_EVAL_OUT:-}" ] && rm -rf "$out"
exit 0
