#!/usr/bin/env bash
# Scores `koterm align` on ../shared/eval/sentalign/dev (or the set given with --set DIR):
# aligns every article NNN.ko / NNN.en with --presegmented, writes OUT/NNN.beads and runs the
# shared scorer. With --ablation, prints one line per configuration: length only, plus
# anchors (numbers, Latin tokens, names, hanja, lexicon, quotes), plus glossary (-g FILE).
#
#   scripts/eval-align.sh [--koterm BIN] [--set DIR] [--out DIR] [--ablation] [-g GLOSSARY] [--json]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
koterm=${KOTERM_BIN:-$root/build/src/cli/koterm}
set_dir=$root/../shared/eval/sentalign/dev
out=""
ablation=0
glossary=""
json=()
while [ $# -gt 0 ]; do
  case $1 in
    --koterm) koterm=$2; shift 2 ;;
    --set) set_dir=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --ablation) ablation=1; shift ;;
    -g) glossary=$2; shift 2 ;;
    --json) json=(--json); shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "eval-align.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ ! -d "$set_dir" ]; then
  echo "eval-align.sh: $set_dir is absent (needs ../shared)" >&2
  exit 77
fi
scorer=$root/../shared/eval/sentalign/score.py
[ -x "$koterm" ] || { echo "eval-align.sh: no koterm binary at $koterm (build first or pass --koterm)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run_config NAME OUTDIR FLAGS...
run_config() {
  local dir=$2
  shift 2
  mkdir -p "$dir"
  for ko in "$set_dir"/*.ko; do
    n=$(basename "$ko" .ko)
    "$koterm" align --presegmented "$@" "$ko" "$set_dir/$n.en" > "$dir/$n.beads" 2>/dev/null
  done
}

if [ $ablation -eq 1 ]; then
  printf '%-16s %8s %8s %8s\n' configuration link_F1 strict_F1 macro_F1
  configs=("length-only|--no-anchors --no-glossary-anchors" "plus-anchors|--no-glossary-anchors")
  [ -n "$glossary" ] && configs+=("plus-glossary|")
  for c in "${configs[@]}"; do
    name=${c%%|*}
    flags=${c#*|}
    g=()
    [ -n "$glossary" ] && g=(-g "$glossary")
    # shellcheck disable=SC2086
    run_config "$name" "$tmp/$name" $flags "${g[@]}"
    python3 "$scorer" --json "$set_dir" "$tmp/$name" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print("%-16s %8.4f %8.4f %8.4f" % (sys.argv[1], d["link"]["F1"], d["strict"]["F1"], d["macro_link_F1"]))' "$name"
  done
  exit 0
fi

dir=${out:-$tmp/out}
g=()
[ -n "$glossary" ] && g=(-g "$glossary")
run_config default "$dir" "${g[@]}"
python3 "$scorer" "${json[@]}" "$set_dir" "$dir"
