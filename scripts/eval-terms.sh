#!/usr/bin/env bash
# Term extraction figures on the KPC dev corpus (reads ../shared: the corpus and the
# scorer of ../shared/eval/terms): runs `koterm extract --aligned` on
# ../shared/corpora/kpc-dev and scores the glossary against the term and the name gold.
#   usage: scripts/eval-terms.sh [KOTERM_BIN] [OUT_DIR]
# Prints both scorers' reports and, in OUT_DIR (default: a temporary folder), keeps
# kpc-dev.yaml and top100.tsv (the 100 best-scored pairs, for the hand audit).
set -euo pipefail
src="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$src/build/src/cli/koterm}"
shared="$src/../shared"
if [ ! -d "$shared/corpora/kpc-dev" ]; then
  echo "eval-terms.sh: $shared/corpora/kpc-dev is absent (../shared is needed)" >&2
  exit 77
fi
out="${2:-$(mktemp -d)}"
mkdir -p "$out"
"$bin" extract --aligned "$shared/corpora/kpc-dev/ko.txt" "$shared/corpora/kpc-dev/en.txt" \
  -o "$out/kpc-dev.yaml"
echo "== kpc-dev-terms.tsv"
python3 "$shared/eval/terms/score_terms.py" "$shared/eval/terms/kpc-dev-terms.tsv" "$out/kpc-dev.yaml"
echo "== kpc-dev-names.tsv"
python3 "$shared/eval/terms/score_terms.py" "$shared/eval/terms/kpc-dev-names.tsv" "$out/kpc-dev.yaml"
python3 - "$out/kpc-dev.yaml" > "$out/top100.tsv" <<'PY'
import sys, yaml
terms = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))["terms"]
rows = []
for e in terms:
    for v in e.get("variants") or [{"en": e["en"]}]:
        rows.append((e["score"], v.get("count", 0), e["ko"], v["en"]))
rows.sort(key=lambda r: (-r[0], -r[1], r[2], r[3]))
print("score\tcount\tko\ten")
for r in rows[:100]:
    print("%.3f\t%d\t%s\t%s" % r)
PY
echo "top 100 pairs by score: $out/top100.tsv"
