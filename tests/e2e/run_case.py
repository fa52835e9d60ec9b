#!/usr/bin/env python3
"""Runs one end-to-end case: the koterm binary on fixtures, checking exit code, stdout,
stderr and the files it must (not) create.

A case file has `key: value` lines ('#' starts a comment); values may use {fixtures} (the
tests/fixtures folder), {tmp} (a fresh temporary folder) and {shared} (../shared).
  args:             the command line after `koterm`, split like a shell would
  stdin:            a fixture file fed to standard input
  setup:            a shell command run in {tmp} before koterm (create odd files)
  exit:             expected exit code
  stdout:           a file whose content stdout must equal
  stdout-contains:  a substring of stdout (repeatable)
  stdout-lacks:     a substring stdout must not have (repeatable)
  stderr-contains:  a substring of stderr (repeatable)
  stderr-empty:     yes
  no-file:          a path that must not exist afterwards (repeatable)
  unchanged:        a path whose bytes must be the same afterwards (repeatable)
  needs-shared:     yes: skip (exit 77) when ../shared is absent
"""
import argparse, os, shlex, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(os.path.dirname(HERE), "fixtures")
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--koterm", required=True)
    ap.add_argument("--case", required=True)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="koterm-e2e-") as tmp:
        subst = lambda v: v.replace("{fixtures}", FIXTURES).replace("{tmp}", tmp).replace("{shared}", SHARED)
        spec = []
        with open(a.case, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                key, sep, val = line.partition(":")
                if not sep:
                    sys.exit(f"{a.case}:{n}: expected 'key: value'")
                spec.append((key.strip(), subst(val.strip())))
        get = lambda k: [v for kk, v in spec if kk == k]
        if get("needs-shared") and not os.path.isdir(SHARED):
            print(f"skip: {SHARED} is absent")
            sys.exit(77)
        for cmd in get("setup"):
            subprocess.run(cmd, shell=True, cwd=tmp, check=True)
        snapshots = {}
        for p in get("unchanged"):
            with open(p, "rb") as f:
                snapshots[p] = f.read()
        stdin = None
        if get("stdin"):
            stdin = open(get("stdin")[0], "rb")
        r = subprocess.run([a.koterm] + shlex.split(get("args")[0]), stdin=stdin or subprocess.DEVNULL,
                           capture_output=True, cwd=tmp, timeout=600)
        out = r.stdout.decode("utf-8", "replace")
        err = r.stderr.decode("utf-8", "replace")
        fails = []
        if get("exit") and r.returncode != int(get("exit")[0]):
            fails.append(f"exit code {r.returncode}, expected {get('exit')[0]}")
        for p in get("stdout"):
            with open(p, encoding="utf-8") as f:
                want = f.read()
            if out != want:
                fails.append(f"stdout differs from {p}")
        for s in get("stdout-contains"):
            if s not in out:
                fails.append(f"stdout lacks {s!r}")
        for s in get("stdout-lacks"):
            if s in out:
                fails.append(f"stdout has {s!r}")
        for s in get("stderr-contains"):
            if s not in err:
                fails.append(f"stderr lacks {s!r}")
        if get("stderr-empty") and err:
            fails.append("stderr is not empty")
        for p in get("no-file"):
            if os.path.exists(p):
                fails.append(f"{p} exists")
        for p, before in snapshots.items():
            with open(p, "rb") as f:
                if f.read() != before:
                    fails.append(f"{p} changed")
        if fails:
            print("FAILED:", a.case)
            for m in fails:
                print("  -", m)
            print("--- stdout ---\n" + out[:4000] + "\n--- stderr ---\n" + err[:4000])
            sys.exit(1)
        print("ok:", os.path.basename(a.case))


if __name__ == "__main__":
    main()
