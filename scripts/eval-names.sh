#!/usr/bin/env bash
# Ranking evaluation of koterm's name matcher on ../shared/eval/terms/kpc-dev-names.tsv
# (reads ../shared; exits 77 when it is absent).
#
# For every gold pair (ko_name, en_name, example_line = dev:N), the English sentence N of
# ../shared/corpora/kpc-dev/en.txt is cut into capitalised spans: maximal runs of
# capitalised words (a run stops at a word with trailing , ; : ! ? or a sentence-final
# period; initials and titles such as "F." and "Mr." do not stop it) and every sub-span of
# 1-4 words (name particles such as al, bin, de, van between capitalised words and
# al-Maliki-style words stay in the run). `koterm names KO SPAN...` scores them all; the pair counts as ranked first when
# the gold English name is among the spans and scores strictly higher than every other span
# (a tie counts as a miss).
#
# usage: scripts/eval-names.sh KOTERM_BIN [--min-all F] [--min-korean F] [--verbose]
# Prints the figures; with --min-* exits 1 when a figure falls below the floor.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
shared="$(cd "$here/../.." && pwd)/shared"
if [[ $# -lt 1 ]]; then
  echo "usage: $0 KOTERM_BIN [--min-all F] [--min-korean F] [--verbose]" >&2
  exit 2
fi
koterm="$1"; shift
if [[ ! -f "$shared/eval/terms/kpc-dev-names.tsv" || ! -f "$shared/corpora/kpc-dev/en.txt" ]]; then
  echo "eval-names: ../shared is absent; skipping" >&2
  exit 77
fi
exec python3 - "$koterm" "$shared" "$@" <<'PY'
import subprocess, sys, unicodedata

koterm, shared = sys.argv[1], sys.argv[2]
args = sys.argv[3:]
min_all = min_korean = None
verbose = False
i = 0
while i < len(args):
    if args[i] == "--min-all": min_all = float(args[i + 1]); i += 2
    elif args[i] == "--min-korean": min_korean = float(args[i + 1]); i += 2
    elif args[i] == "--verbose": verbose = True; i += 1
    else: sys.exit("eval-names: unknown argument " + args[i])

def norm(s):
    return " ".join(unicodedata.normalize("NFC", s).split())

OPEN = "(\"'“‘[«"
CLOSE = ")\"'”’]»"

def words_of(sentence):
    """(word, breaks_after) for each whitespace token, punctuation stripped."""
    out = []
    for tok in sentence.split():
        w = tok.lstrip(OPEN)
        brk = False
        while w and (w[-1] in CLOSE or w[-1] in ",;:!?"):
            if w[-1] in ",;:!?": brk = True
            if w[-1] in CLOSE and w[-1] not in "'’": brk = True
            w = w[:-1]
        for poss in ("'s", "’s", "´s", "'", "’", "´"):
            if w.endswith(poss) and len(w) > len(poss):
                w = w[: -len(poss)]
                brk = True
                break
        if w.endswith("."):
            core = w[:-1]
            if len(core) <= 3 and core[:1].isupper():  # F. Mr. Dr. Jr.
                pass
            else:
                w = core
                brk = True
        out.append((w, brk))
    return out

PARTICLES = {"al", "el", "bin", "ibn", "de", "del", "der", "van", "von", "da", "di", "du", "le", "la"}

def capitalised(w):
    # al-Maliki: a lower-case particle joined to a capitalised name counts as capitalised
    return bool(w) and (w[0].isupper() or ("-" in w and w.split("-", 1)[1][:1].isupper()))

def spans_of(sentence):
    runs, run = [], []
    words = words_of(sentence)
    for k, (w, brk) in enumerate(words):
        nxt = words[k + 1][0] if k + 1 < len(words) else ""
        if run and w in PARTICLES and not brk and capitalised(nxt):
            run.append(w)
            continue
        if capitalised(w):
            run.append(w)
            if brk:
                runs.append(run); run = []
        else:
            if run: runs.append(run)
            run = []
    if run: runs.append(run)
    spans = []
    for r in runs:
        cand = [" ".join(r)]
        for n in range(1, min(4, len(r)) + 1):
            for s in range(0, len(r) - n + 1):
                cand.append(" ".join(r[s:s + n]))
        for c in cand:
            if c not in spans: spans.append(c)
    return spans

en_lines = open(f"{shared}/corpora/kpc-dev/en.txt", encoding="utf-8").read().split("\n")
rows = []
with open(f"{shared}/eval/terms/kpc-dev-names.tsv", encoding="utf-8") as f:
    header = f.readline().rstrip("\n").split("\t")
    for line in f:
        if not line.strip(): continue
        rows.append(dict(zip(header, line.rstrip("\n").split("\t"))))

total = {"all": 0, "korean": 0, "foreign": 0}
first = {"all": 0, "korean": 0, "foreign": 0}
misses = []
for r in rows:
    n = int(r["example_line"].split(":")[1])
    sentence = en_lines[n - 1]
    gold = norm(r["en_name"])
    spans = spans_of(sentence)
    origin = r["origin"]
    total["all"] += 1; total[origin] += 1
    ok = False
    top = ""
    if gold in spans:
        res = subprocess.run([koterm, "names", r["ko_name"], *spans], capture_output=True, text=True)
        if res.returncode != 0:
            sys.exit(f"eval-names: koterm failed on {r['ko_name']}: {res.stderr.strip()}")
        scored = [(l.rsplit("\t", 1)[0], float(l.rsplit("\t", 1)[1])) for l in res.stdout.splitlines()]
        gold_score = dict(scored)[gold]
        best_other = max([s for e, s in scored if e != gold], default=-1.0)
        ok = gold_score > best_other
        top = f"{scored[0][0]} {scored[0][1]:.3f}; gold {gold_score:.3f}"
    else:
        top = "gold not among the spans"
    if ok:
        first["all"] += 1; first[origin] += 1
    else:
        misses.append(f"  {r['example_line']}\t{r['ko_name']}\t{gold}\t({origin}) {top}")

def pct(k): return first[k] / total[k] if total[k] else 0.0
print(f"pairs {total['all']}: gold ranked first {first['all']} = {pct('all'):.3f}")
print(f"korean {total['korean']}: {first['korean']} = {pct('korean'):.3f}")
print(f"foreign {total['foreign']}: {first['foreign']} = {pct('foreign'):.3f}")
if verbose and misses:
    print("misses:")
    print("\n".join(misses))
fail = (min_all is not None and pct("all") < min_all) or (min_korean is not None and pct("korean") < min_korean)
sys.exit(1 if fail else 0)
PY
