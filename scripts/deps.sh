#!/usr/bin/env bash
# Installs the Debian packages papertree needs and that are missing.
#   scripts/deps.sh build   compilers, CMake and the libraries
#   scripts/deps.sh test    the above plus the programs the tests run (graphviz, texlive, pandoc,
#                           chromium…, and hyperfine, rg, jq, time, gnuplot for the benchmark smoke test)
#   scripts/deps.sh bench   the same as test
# Needs root or sudo only when something is missing. `test` also installs mermaid-cli, pinned, from
# the npm registry into build/tools (with the system's chromium: no browser is downloaded).
set -euo pipefail

build_pkgs=(g++ cmake ninja-build pkg-config nlohmann-json3-dev libcli11-dev libfmt-dev libgtest-dev libbenchmark-dev
  libutf8proc-dev libstemmer-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libbtparse-dev libsimdjson-dev wamerican)
test_pkgs=(graphviz pandoc texlive-latex-base texlive-latex-recommended texlive-latex-extra texlive-pictures
  texlive-fonts-recommended texlive-bibtex-extra biber bibtool chromium poppler-utils jq bash-completion zsh fish python3
  python3-jsonschema git clang libclang-rt-14-dev man-db groff-base)
bench_pkgs=(hyperfine ripgrep jq time gnuplot-nox sqlite3)

want=("${build_pkgs[@]}")
case "${1:-build}" in
  build) ;;
  test) want+=("${test_pkgs[@]}" "${bench_pkgs[@]}") ;;  # the tests run the benchmarks' smoke checks
  bench) want+=("${test_pkgs[@]}" "${bench_pkgs[@]}") ;;
  *) echo "usage: $0 build|test|bench" >&2; exit 2 ;;
esac

missing=()
# Node.js may come from elsewhere than Debian (its npm then is no Debian package): ask for the command.
[[ ${1:-build} != build ]] && ! command -v npm >/dev/null && missing+=(nodejs npm)
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
install_npm_tools() {
  [[ ${1:-build} == build ]] && return 0
  local prefix=build/tools mmdc=@mermaid-js/mermaid-cli@11.9.0
  [[ -x $prefix/node_modules/.bin/mmdc ]] && return 0
  echo "Installing $mmdc from the npm registry into $prefix"
  mkdir -p "$prefix"
  PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error --prefix "$prefix" "$mmdc"
}

if ((${#missing[@]} == 0)); then
  install_npm_tools "${1:-build}"
  exit 0
fi

echo "Installing missing Debian packages: ${missing[*]}"
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "error: need root (or sudo) to install: ${missing[*]}" >&2; exit 4; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
install_npm_tools "${1:-build}"
