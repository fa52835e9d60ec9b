#!/usr/bin/env bash
# Scores `koterm align` on ../shared/eval/sentalign/dev (or the set given with --set DIR):
# aligns every article NNN.ko / NNN.en with --presegmented, writes OUT/NNN.beads and runs the
# shared scorer. -g may be repeated: several glossaries are merged first (`koterm glossary
# merge`, in a temporary directory). With --ablation, prints one line per configuration:
# length only, plus anchors without the news lexicon (numbers, Latin tokens, names, hanja,
# quotes), plus the lexicon, plus glossary (the -g files, or every glossaries/*.yaml of the
# repository when none is given).
#
#   scripts/eval-align.sh [--koterm BIN] [--set DIR] [--out DIR] [--ablation] [-g GLOSSARY]... [--json]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
koterm=${KOTERM_BIN:-$root/build/src/cli/koterm}
set_dir=$root/../shared/eval/sentalign/dev
out=""
ablation=0
glossaries=()
json=()
while [ $# -gt 0 ]; do
  case $1 in
    --koterm) koterm=$2; shift 2 ;;
    --set) set_dir=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --ablation) ablation=1; shift ;;
    -g) glossaries+=("$2"); shift 2 ;;
    --json) json=(--json); shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
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

# The glossary to pass with -g: the only one given, or the given ones merged into one file.
if [ $ablation -eq 1 ] && [ ${#glossaries[@]} -eq 0 ]; then
  glossaries=("$root"/glossaries/*.yaml)
fi
glossary=""
if [ ${#glossaries[@]} -eq 1 ]; then
  glossary=${glossaries[0]}
elif [ ${#glossaries[@]} -gt 1 ]; then
  mkdir -p "$tmp/glossary"
  "$koterm" glossary merge "${glossaries[@]}" -o "$tmp/glossary/merged.yaml" 2>/dev/null
  glossary=$tmp/glossary/merged.yaml
fi

# run_config OUTDIR FLAGS...
run_config() {
  local dir=$1
  shift
  mkdir -p "$dir"
  for ko in "$set_dir"/*.ko; do
    n=$(basename "$ko" .ko)
    "$koterm" align --presegmented "$@" "$ko" "$set_dir/$n.en" > "$dir/$n.beads" 2>/dev/null
  done
}

if [ $ablation -eq 1 ]; then
  printf '%-16s %8s %8s %8s %8s %8s\n' configuration link_F1 strict_F1 macro_F1 unl_ko_R unl_en_R
  configs=("length-only|--no-anchors --no-glossary-anchors"
           "anchors-no-lex|--no-lexicon --no-glossary-anchors"
           "plus-lexicon|--no-glossary-anchors" "plus-glossary|")
  for c in "${configs[@]}"; do
    name=${c%%|*}
    flags=${c#*|}
    # shellcheck disable=SC2086
    run_config "$tmp/$name" $flags -g "$glossary"
    python3 "$scorer" --json "$set_dir" "$tmp/$name" | python3 -c '
import json, sys
d = json.load(sys.stdin)
t = d["by_type"]
print("%-16s %8.4f %8.4f %8.4f %8.4f %8.4f" % (sys.argv[1], d["link"]["F1"], d["strict"]["F1"],
      d["macro_link_F1"], t["1:0"]["left_unlinked"], t["0:1"]["left_unlinked"]))' "$name"
  done
  echo "glossary: ${glossaries[*]#"$root"/}"
  exit 0
fi

dir=${out:-$tmp/out}
g=()
[ -n "$glossary" ] && g=(-g "$glossary")
run_config "$dir" "${g[@]}"
python3 "$scorer" "${json[@]}" "$set_dir" "$dir"
