# Shared by the benchmark smoke tests (bench/*smoke.sh), sourced: a scratch directory removed on
# exit, failures counted rather than fatal, and a check that the tools a script drives exist.
# Each script calls `smoke_finish` last.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# Exits 77 (CTest's skip) when one of the tools is not installed, or 1 with
# PAPERTREE_REQUIRE_TOOLS=1, as CI sets it.
require_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 && continue
    if [[ ${PAPERTREE_REQUIRE_TOOLS:-0} == 1 ]]; then
      echo "FAIL: required tool '$tool' is not installed (PAPERTREE_REQUIRE_TOOLS=1)" >&2
      exit 1
    fi
    echo "SKIP: '$tool' is not installed; scripts/deps.sh bench installs it" >&2
    exit 77
  done
}

smoke_finish() {
  if ((failures > 0)); then
    echo "$failures check(s) failed" >&2
    exit 1
  fi
  exit 0
}
