#!/usr/bin/env bash
# Quality guard for `koterm check` (reads ../shared: the KPC dev corpus; skips with exit 77
# when it is absent): builds a glossary with `koterm extract --aligned`, checks the corpus
# against it in 20-line articles, and compares the findings with the hand judgments in
# tests/fixtures/check/kpc-dev-judged.tsv. Fails when precision (findings not judged count
# as false) or the share of judged-true findings still reported drops below the recorded
# figure. Recorded 2026-11-28: precision 1.000 (30 of 30), judged-true recall 0.968 (30/31);
# after the extractor's residual links the glossary changed: 56 findings, 47 judged true,
# precision 0.839 (false: terms inside longer English words such as supercomputer, general
# words, wrong candidate pairs). 2026-11-29: a common noun closing a longer Korean word
# (컴퓨터 in 수퍼컴퓨터, 경기장 in 체조경기장) is another term, and an English compound
# (supercomputer) renders it: 49 findings, 46 judged true, precision 0.939. With the
# extractor of cbe6326 and sly dialers accepted for Slydial: 50 findings, 48 judged true,
# precision 0.960 (20 of the 48 are pronouns or paraphrases; counted false, 0.560). The
# minimum stays at 0.93 while the extractor changes. 2026-11-29 (check helper): a strict
# verdict per finding (column 6 of the fixture: would an editor add the term?) and uncertain
# findings (a fitting pronoun or description, a general noun modifying the next noun, a
# partial translation) demoted to info: of the 28 findings at the default --fail-on level
# (warning), 27 judged true (0.964) and 20 true by the strict verdict (0.714; all 51
# findings at warning before: 22/51, 0.431). Guarded: strict precision at warning and
# above at least 0.66. Judging procedure: scripts/eval-check-judge.sh. 2026-11-29 (lead,
# after the extractor's variants by likeness and name changes): 28 findings at warning,
# 27 true (0.964), 18 strict (0.643); guarded at 0.62. 2026-11-29 (check2 helper): a
# rendering in the neighbouring English line not explained by its Korean (or next to a
# visible shift of length), a capital or metonym (Paris for France, the Web), a Korean
# apposition's kind (영국 구단인 첼시), plural descriptions, no "it" for a place with a
# locative particle, and beads sharing under a quarter of their anchors (another story) make
# a missing finding uncertain: 17 findings at warning, 17 true (1.000), 16 strict (0.941;
# 2 strict-true findings moved to info: 대만 113, 베이징 499); guarded at 0.93.
#   usage: tests/quality/check_kpc_dev.sh KOTERM_BIN SOURCE_DIR
set -euo pipefail
bin="$1"
src="$2"
corpus="$src/../shared/corpora/kpc-dev"
if [ ! -f "$corpus/ko.txt" ]; then
  echo "skip: $corpus is absent (../shared is needed)"
  exit 77
fi
min_precision=0.93
min_recall=0.80
min_strict_default=0.93
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$bin" extract --aligned "$corpus/ko.txt" "$corpus/en.txt" -o "$out/g.yaml"
set +e
"$bin" check --aligned "$corpus/ko.txt" "$corpus/en.txt" --article-lines 20 -g "$out/g.yaml" \
  --format tsv -o "$out/findings.tsv"
code=$?
set -e
if [ "$code" -ge 2 ]; then echo "koterm check failed (exit $code)"; exit 1; fi
python3 - "$src/tests/fixtures/check/kpc-dev-judged.tsv" "$out/findings.tsv" "$min_precision" "$min_recall" \
  "$min_strict_default" <<'PY'
import sys
judged_path, findings_path = sys.argv[1], sys.argv[2]
min_p, min_r, min_s = float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
judged = {}
strict = {}
for line in open(judged_path, encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    c = line.rstrip("\n").split("\t")
    judged[(int(c[0]), c[1], c[2])] = c[3] == "true"
    strict[(int(c[0]), c[1], c[2])] = len(c) > 5 and c[5] == "true"
found = []
default_level = []
for n, line in enumerate(open(findings_path, encoding="utf-8")):
    if n == 0:
        continue
    c = line.rstrip("\n").split("\t")
    found.append((int(c[6]), c[2], c[0]))
    if c[1] in ("warning", "error"):
        default_level.append(found[-1])
true = sum(1 for f in found if judged.get(f) is True)
unjudged = [f for f in found if f not in judged]
precision = true / len(found) if found else 0.0
all_true = sum(1 for v in judged.values() if v)
recall = true / all_true
strict_true = sum(1 for f in default_level if strict.get(f) is True)
strict_p = strict_true / len(default_level) if default_level else 1.0
print(f"check kpc-dev: {len(found)} findings, {true} judged true, {len(unjudged)} not judged; "
      f"precision {precision:.3f} (recorded min {min_p}), judged-true recall {recall:.3f} (min {min_r}); "
      f"at warning and above {len(default_level)} findings, strict precision {strict_p:.3f} (min {min_s})")
for f in unjudged[:20]:
    print("  not judged:", *f)
sys.exit(0 if precision >= min_p and recall >= min_r and strict_p >= min_s else 1)
PY
