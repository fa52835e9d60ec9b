#!/usr/bin/env bash
# Renders the HTML report of `koterm check` in headless Chromium and takes a screenshot,
# so a person (or a reviewer) can look at what editors will see.
#   scripts/check-html-screenshot.sh KOTERM_BIN OUT.png [KO EN [check options...]]
# Defaults to the bundled example with the bundled glossaries. Installs Debian's chromium
# when it is missing (needs root / apt).
set -euo pipefail
bin=${1:?usage: check-html-screenshot.sh KOTERM_BIN OUT.png [KO EN [options...]]}
out=${2:?usage: check-html-screenshot.sh KOTERM_BIN OUT.png [KO EN [options...]]}
shift 2
here=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -ge 2 ]; then ko=$1; en=$2; shift 2; else
  ko=$here/examples/nk-envoy.ko.txt; en=$here/examples/nk-envoy.en.txt; fi
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  apt-get install -y --no-install-recommends chromium >/dev/null
  browser=$(command -v chromium)
fi
# Korean text needs a CJK font (Debian: fonts-noto-cjk).
if ! fc-list 2>/dev/null | grep -qi "cjk"; then
  apt-get install -y --no-install-recommends fonts-noto-cjk >/dev/null || true
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
set +e
"$bin" check "$ko" "$en" --format html -o "$work/report.html" "$@"
code=$?
set -e
if [ $code -ge 2 ]; then echo "koterm check failed (exit $code)" >&2; exit $code; fi
"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --user-data-dir="$work/profile" \
  --screenshot="$out" --window-size=1400,1000 "file://$work/report.html" 2>/dev/null
echo "screenshot: $out"
