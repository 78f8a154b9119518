#!/usr/bin/env bash
# Quick start, command 1: install what is missing, build the release binary, show the taxonomy
# of the embedded survey.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh build
cmake --preset release >/dev/null
cmake --build --preset release
./build/release/papertree tree
