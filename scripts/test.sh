#!/usr/bin/env bash
# The README's test command: installs what is needed, builds with warnings as errors and
# runs every test (unit, end-to-end, quality guards), then the unit and end-to-end tests again
# under AddressSanitizer and UndefinedBehaviorSanitizer, then each fuzz target briefly
# (KOTERM_CI_FUZZ_SECONDS each, default 20). .ci/run calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
KOTERM_BUILD_DIR=${KOTERM_BUILD_DIR:-build} bash scripts/build.sh -DKOTERM_WERROR=ON
ctest --test-dir "${KOTERM_BUILD_DIR:-build}" --output-on-failure --parallel "$(nproc)"
bash scripts/test-sanitizers.sh
bash scripts/fuzz.sh "${KOTERM_CI_FUZZ_SECONDS:-20}"
