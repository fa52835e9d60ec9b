#!/usr/bin/env bash
# Time per article of `koterm check` on a batch of 1,000 article pairs, made by cutting the
# ../shared KPC dev corpus (line-aligned) into 20-line articles, repeated up to 1,000, in a
# temporary folder (no corpus text is kept). Reads ../shared; exits 77 when it is absent.
#   scripts/eval-check.sh KOTERM_BIN [ARTICLES]
set -euo pipefail
bin=${1:?usage: eval-check.sh KOTERM_BIN [ARTICLES]}
n=${2:-1000}
here=$(cd "$(dirname "$0")/.." && pwd)
corpus=$here/../shared/corpora/kpc-dev
if [ ! -f "$corpus/ko.txt" ]; then echo "skip: $corpus is absent"; exit 77; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$corpus" "$work" "$n" <<'PY'
import os, sys
corpus, work, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
ko = open(os.path.join(corpus, "ko.txt"), encoding="utf-8").read().splitlines()
en = open(os.path.join(corpus, "en.txt"), encoding="utf-8").read().splitlines()
chunks = [(ko[i:i + 20], en[i:i + 20]) for i in range(0, len(ko) - 19, 20)]
with open(os.path.join(work, "manifest.tsv"), "w", encoding="utf-8") as m:
    for a in range(n):
        k, e = chunks[a % len(chunks)]
        for side, lines in (("ko", k), ("en", e)):
            with open(os.path.join(work, f"a{a:04d}.{side}.txt"), "w", encoding="utf-8") as f:
                f.write("\n\n".join(lines) + "\n")
        m.write(f"a{a:04d}\ta{a:04d}.ko.txt\ta{a:04d}.en.txt\n")
PY
start=$(date +%s.%N)
set +e
"$bin" check --manifest "$work/manifest.tsv" --format tsv -o "$work/findings.tsv" 2>"$work/err.txt"
code=$?
set -e
end=$(date +%s.%N)
if [ $code -ge 2 ]; then cat "$work/err.txt" >&2; exit $code; fi
findings=$(($(wc -l < "$work/findings.tsv") - 1))
python3 -c "import sys; t=float(sys.argv[2])-float(sys.argv[1]); n=int(sys.argv[3]); print(f'{n} articles: {t:.1f} s wall, {1000*t/n:.1f} ms per article, {sys.argv[4]} findings')" "$start" "$end" "$n" "$findings"
