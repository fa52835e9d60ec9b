#!/usr/bin/env bash
# The judging procedure behind tests/fixtures/check/kpc-dev-judged.tsv, scripted so it can be
# re-run whenever the extractor or the checks change. Reads ../shared (the KPC dev corpus);
# exits 77 when it is absent. Builds a glossary with `koterm extract --aligned` on the corpus,
# checks the corpus against it in 20-line articles (the same commands as
# tests/quality/check_kpc_dev.sh), then prints every finding with its verdict from the
# fixture, or "UNJUDGED" followed by the Korean and English lines so that a person can judge
# it and add a line (en_line, ko, type, verdict, note, strict verdict; no corpus text) to the fixture.
# Corpus text is only printed, never written into the project.
#   scripts/eval-check-judge.sh KOTERM_BIN [--unjudged]   (--unjudged: print only those)
# Two criteria. The fixture's verdict (column 4): a finding is "true" when what it says
# holds: the English line has no rendering of the Korean term (omitted, or replaced by a
# pronoun or a paraphrase), and the glossary pair is right; "false" when the English renders
# it or the pair is wrong. The strict verdict (column 6, an editor's reading): "true" only
# when an editor would change the translation; a pronoun, an anaphoric description ("the
# agency", "the capital") or a paraphrase that renders the term is "false". Rows judged
# before the strict column existed fall back to: true unless the note quotes a rendering or
# says "pronoun". The summary gives precision both ways, for the findings at the default
# --fail-on level (warning and error) and for all of them.
set -euo pipefail
bin=${1:?usage: eval-check-judge.sh KOTERM_BIN [--unjudged]}
only_unjudged=${2:-}
here=$(cd "$(dirname "$0")/.." && pwd)
corpus=$here/../shared/corpora/kpc-dev
if [ ! -f "$corpus/ko.txt" ]; then echo "skip: $corpus is absent"; exit 77; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" extract --aligned "$corpus/ko.txt" "$corpus/en.txt" -o "$work/g.yaml"
set +e
"$bin" check --aligned "$corpus/ko.txt" "$corpus/en.txt" --article-lines 20 -g "$work/g.yaml" \
  --format tsv -o "$work/findings.tsv"
code=$?
set -e
if [ "$code" -ge 2 ]; then echo "koterm check failed (exit $code)" >&2; exit "$code"; fi
python3 - "$here/tests/fixtures/check/kpc-dev-judged.tsv" "$work/findings.tsv" \
  "$corpus/ko.txt" "$corpus/en.txt" "$only_unjudged" <<'PY'
import sys
judged_path, findings_path, ko_path, en_path, only = sys.argv[1:6]
judged = {}
for line in open(judged_path, encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    c = line.rstrip("\n").split("\t")
    note = c[4] if len(c) > 4 else ""
    if len(c) > 5 and c[5]:
        strict = c[5]
    else:
        strict = "false" if c[3] == "false" or "pronoun" in note or '"' in note else "true"
    judged[(int(c[0]), c[1], c[2])] = (c[3], note, strict)
ko = open(ko_path, encoding="utf-8").read().splitlines()
en = open(en_path, encoding="utf-8").read().splitlines()
rows = [l.rstrip("\n").split("\t") for l in open(findings_path, encoding="utf-8")][1:]
# scope -> [n, true, strict true, unjudged]
tally = {"default (warning, error)": [0, 0, 0, 0], "all": [0, 0, 0, 0]}
for c in rows:
    key = (int(c[6]), c[2], c[0])
    verdict = judged.get(key)
    scopes = ["all"] + (["default (warning, error)"] if c[1] in ("warning", "error") else [])
    for s in scopes:
        t = tally[s]
        t[0] += 1
        if verdict is None:
            t[3] += 1
        else:
            t[1] += verdict[0] == "true"
            t[2] += verdict[2] == "true"
    if only and verdict is not None:
        continue
    print(f"{key[0]}\t{key[1]}\t{key[2]}\t{c[1]}\t" +
          (f"{verdict[0]}\t{verdict[1]}\tstrict {verdict[2]}" if verdict else "UNJUDGED"))
    print(f"   found: {c[3]!r}  expected: {c[4]!r}  message: {c[11]}")
    if verdict is None:
        print("   ko:", ko[int(c[9]) - 1])
        print("   en:", en[key[0] - 1])
for s, (n, t, st, u) in tally.items():
    print(f"{s}: {n} findings, {u} not judged (counted as false); precision "
          f"{t / n if n else 0:.3f} ({t}/{n}) by the fixture's verdict, "
          f"{st / n if n else 0:.3f} ({st}/{n}) by the strict one")
PY
