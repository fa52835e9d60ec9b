#!/usr/bin/env bash
# The judging procedure behind tests/fixtures/check/kpc-dev-judged.tsv, scripted so it can be
# re-run whenever the extractor or the checks change. Reads ../shared (the KPC dev corpus);
# exits 77 when it is absent. Builds a glossary with `koterm extract --aligned` on the corpus,
# checks the corpus against it in 20-line articles (the same commands as
# tests/quality/check_kpc_dev.sh), then prints every finding with its verdict from the
# fixture, or "UNJUDGED" followed by the Korean and English lines so that a person can judge
# it and add a line (en_line, ko, type, verdict, note; no corpus text) to the fixture.
# Corpus text is only printed, never written into the project.
#   scripts/eval-check-judge.sh KOTERM_BIN [--unjudged]   (--unjudged: print only those)
# Criterion (the fixture's): a finding is "true" when what it says holds: the English line has
# no rendering of the Korean term (omitted, or replaced by a pronoun or a paraphrase), and the
# glossary pair is right; "false" when the English renders it or the pair is wrong. The
# summary also gives the precision with pronouns and paraphrases counted as false (the
# stricter reading: would an editor change the sentence?).
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
    judged[(int(c[0]), c[1], c[2])] = (c[3], c[4] if len(c) > 4 else "")
ko = open(ko_path, encoding="utf-8").read().splitlines()
en = open(en_path, encoding="utf-8").read().splitlines()
rows = [l.rstrip("\n").split("\t") for l in open(findings_path, encoding="utf-8")][1:]
true = false = unjudged = anaphora = 0
for c in rows:
    key = (int(c[6]), c[2], c[0])
    verdict = judged.get(key)
    if verdict is None:
        unjudged += 1
    elif verdict[0] == "true":
        true += 1
        # Rendered by a pronoun or a paraphrase (a quoted rendering in the note): a correct
        # detection, but often a translation an editor would leave alone.
        if "pronoun" in verdict[1] or '"' in verdict[1]:
            anaphora += 1
    else:
        false += 1
    if only and verdict is not None:
        continue
    print(f"{key[0]}\t{key[1]}\t{key[2]}\t" + (f"{verdict[0]}\t{verdict[1]}" if verdict else "UNJUDGED"))
    print(f"   found: {c[3]!r}  expected: {c[4]!r}")
    if verdict is None:
        print("   ko:", ko[int(c[9]) - 1])
        print("   en:", en[key[0] - 1])
n = len(rows)
print(f"{n} findings: {true} judged true, {false} judged false, {unjudged} not judged; "
      f"precision {true / n if n else 0:.3f} (not judged counted as false); "
      f"{anaphora} of the true ones are pronouns or paraphrases, without them "
      f"{(true - anaphora) / n if n else 0:.3f}")
PY
