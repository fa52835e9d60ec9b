#!/usr/bin/env bash
# Time per article of `koterm check` on a batch of 1,000 article pairs, made by cutting the
# ../shared KPC dev corpus (line-aligned) into 20-line articles, repeated up to 1,000, in a
# temporary folder (no corpus text is kept). Reads ../shared; exits 77 when it is absent.
# THREADS: `koterm check --threads` (default 0: all cores); the CPU time is printed too,
# since wall time on a shared machine depends on what else runs.
# It reports 0 findings, rightly (checked 2026-11-29): without a glossary only within-article
# and across-batch inconsistency can be found. Of the 73 Korean terms whose rendering the
# checker finds in a 20-line chunk of kpc-dev, 6 occur in two chunks; 3 keep one rendering
# (바그다드 Baghdad, 이스탄불 Istanbul, 창기라이 Tsvangirai) and 3 pair unrelated phrases in
# one chunk (이스라엘: prayer / rocket; 캄보디아: claimed / Cambodia; 허리케인: barrier island /
# Hurricane Katrina), which share no word and are left out as wrong pairings, not reported
# as two renderings; the copies of one chunk are checked alike. The figure is
# the time; the findings of a corpus are judged by scripts/eval-check-judge.sh.
#   scripts/eval-check.sh KOTERM_BIN [ARTICLES] [THREADS]
set -euo pipefail
bin=${1:?usage: eval-check.sh KOTERM_BIN [ARTICLES] [THREADS]}
n=${2:-1000}
threads=${3:-0}
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
python3 - "$n" "$threads" "$work" "$bin" <<'PY'
import resource, subprocess, sys, time
n, threads, work, koterm = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
t0 = time.monotonic()
with open(f"{work}/err.txt", "wb") as err:
    code = subprocess.call([koterm, "check", "--manifest", f"{work}/manifest.tsv", "--threads", threads,
                            "--quiet", "--format", "tsv", "-o", f"{work}/findings.tsv"], stderr=err)
wall = time.monotonic() - t0
if code >= 2:
    sys.stderr.write(open(f"{work}/err.txt", encoding="utf-8").read())
    sys.exit(code)
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = ru.ru_utime + ru.ru_stime
findings = sum(1 for _ in open(f"{work}/findings.tsv", encoding="utf-8")) - 1
print(f"{n} articles, --threads {threads}: {wall:.1f} s wall, {1000 * wall / n:.1f} ms per article "
      f"({1000 * cpu / n:.1f} ms CPU), peak {ru.ru_maxrss // 1024} MiB, {findings} findings")
PY
