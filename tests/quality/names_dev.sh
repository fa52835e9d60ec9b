#!/usr/bin/env bash
# Quality guard of the names matcher (`koterm names`) on ../shared/eval/terms/kpc-dev-names.tsv:
# fails when the share of gold names ranked first among the capitalised spans of their
# English sentence drops below the recorded figure (all pairs, and Korean-origin names).
# Reads ../shared; exit 77 (skip) without it.
#   tests/quality/names_dev.sh KOTERM_BIN SOURCE_DIR
set -euo pipefail
koterm=$1
src=$2
if [ ! -f "$src/../shared/eval/terms/kpc-dev-names.tsv" ]; then
  echo "skip: ../shared/eval/terms/kpc-dev-names.tsv is absent"
  exit 77
fi
# Recorded figures (scripts/eval-names.sh): 157/163 pairs, 19/20 Korean names.
exec "$src/scripts/eval-names.sh" "$koterm" --min-all 0.963 --min-korean 0.950 --verbose
