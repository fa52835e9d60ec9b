#!/usr/bin/env bash
# Installs every Debian 12 package koterm needs to build, test and benchmark.
# Idempotent; runs as root or through sudo. Nothing else is downloaded.
set -euo pipefail

packages=(
  build-essential cmake pkg-config ninja-build
  libicu-dev                      # Unicode: normalisation, break iterators, case folding
  libboost-program-options-dev    # command line (cli/ only)
  libyaml-cpp-dev                 # glossaries (glossary/ only)
  nlohmann-json3-dev              # JSON output and export
  libpugixml-dev                  # TMX and TBX (XML) read and write
  libhangul-data                  # hanja readings table
  googletest libgtest-dev libgmock-dev
  libbenchmark-dev                # micro-benchmarks
  python3 python3-yaml            # the evaluation kit's scorers
  hyperfine time                  # whole-command benchmarks (hyperfine, /usr/bin/time -v)
  parallel                        # GNU parallel: scripts/shard-parallel.sh runs extract shards
  clang-14 libclang-rt-14-dev     # libFuzzer targets (scripts/fuzz.sh, run briefly by CI)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 2; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
