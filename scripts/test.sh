#!/usr/bin/env bash
# Quick start, command 2: install what is missing (test tools included), then build and run every
# test through CTest, in the release build and again under AddressSanitizer + UBSan; then build the
# libFuzzer targets (clang) and run each for PAPERTREE_FUZZ_SECONDS (default 30), failing on any
# finding (fuzz/run.sh, docs/fuzzing.md).
# Under PAPERTREE_REQUIRE_TOOLS=1 a test whose outside tool is missing fails instead of skipping.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh test
export PAPERTREE_REQUIRE_TOOLS=1
export PATH="$PWD/build/tools/node_modules/.bin:$PATH"
jobs=$(nproc)
for preset in release asan; do
  echo "== $preset: configure, build, test"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$jobs"
  ctest --preset "$preset" -j "$jobs"
done
echo "== fuzz: build the libFuzzer targets, run each for ${PAPERTREE_FUZZ_SECONDS:-30} s"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$jobs"
bash fuzz/run.sh "${PAPERTREE_FUZZ_SECONDS:-30}"
