#!/usr/bin/env bash
# Installs the Debian packages papertree needs and that are missing.
#   scripts/deps.sh build   compilers, CMake and the libraries
#   scripts/deps.sh test    the above plus the programs the tests run (graphviz, texlive, pandoc, chromium…)
#   scripts/deps.sh bench   the above plus the programs the comparison benchmark runs
# Needs root or sudo only when something is missing.
set -euo pipefail

build_pkgs=(g++ cmake ninja-build pkg-config nlohmann-json3-dev libcli11-dev libfmt-dev libgtest-dev libbenchmark-dev)
test_pkgs=(graphviz pandoc texlive-latex-base texlive-latex-recommended texlive-latex-extra texlive-pictures
  texlive-fonts-recommended chromium poppler-utils jq bash-completion)
bench_pkgs=(hyperfine ripgrep jq time gnuplot-nox)

want=("${build_pkgs[@]}")
case "${1:-build}" in
  build) ;;
  test) want+=("${test_pkgs[@]}") ;;
  bench) want+=("${test_pkgs[@]}" "${bench_pkgs[@]}") ;;
  *) echo "usage: $0 build|test|bench" >&2; exit 2 ;;
esac

missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
((${#missing[@]} == 0)) && exit 0

echo "Installing missing Debian packages: ${missing[*]}"
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "error: need root (or sudo) to install: ${missing[*]}" >&2; exit 4; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
