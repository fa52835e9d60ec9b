#!/usr/bin/env bash
# The README's first command: installs what is needed, builds koterm and runs the main job on
# the bundled example article pair (examples/nk-envoy.ko.txt + examples/nk-envoy.en.txt):
# term extraction into a YAML glossary, then a consistency check of the translation, on its
# own and against the starter glossaries in glossaries/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh >/dev/null
koterm=${KOTERM_BUILD_DIR:-build}/src/cli/koterm
mkdir -p out

echo "== koterm extract examples/nk-envoy.ko.txt examples/nk-envoy.en.txt -o out/nk-envoy.glossary.yaml"
"$koterm" extract examples/nk-envoy.ko.txt examples/nk-envoy.en.txt -o out/nk-envoy.glossary.yaml
cat out/nk-envoy.glossary.yaml

echo
echo "== koterm check examples/nk-envoy.ko.txt examples/nk-envoy.en.txt"
# Exit code 1 means "findings": that is the point of the example, not a failure of the demo.
"$koterm" check examples/nk-envoy.ko.txt examples/nk-envoy.en.txt || [ $? -eq 1 ]

echo
echo "== koterm check examples/nk-envoy.ko.txt examples/nk-envoy.en.txt with the starter glossaries"
"$koterm" check examples/nk-envoy.ko.txt examples/nk-envoy.en.txt \
  -g glossaries/government.yaml -g glossaries/titles.yaml \
  -g glossaries/north-korea.yaml -g glossaries/international.yaml || [ $? -eq 1 ]
