# Helpers for the end-to-end tests. Each tests/e2e/test_*.sh sources this file and runs the
# real binary ($PAPERTREE_BIN, set by CTest). A test ends with `finish`.
#
#   run ARGS...                 runs papertree; sets $out, $err, $code
#   run_tty COLS ARGS...        runs papertree on a pseudo-terminal COLS columns wide (script and
#                               stty); sets $out (the terminal's \r\n as \n), $err, $code
#   expect_code N               the last run exited with N
#   expect_golden NAME          $out equals tests/e2e/golden/NAME (PAPERTREE_UPDATE_GOLDEN=1 rewrites it)
#   expect_contains TEXT        $out contains TEXT;  expect_err_contains TEXT  likewise for $err
#   expect_no_trailing_spaces   no line of $out ends in a space (escape codes aside)
#   require_tool TOOL           skips the test (exit 77) when TOOL is missing, unless
#                               PAPERTREE_REQUIRE_TOOLS=1, where a missing tool fails the test
set -u
: "${PAPERTREE_BIN:?set by CTest}"
: "${PAPERTREE_SOURCE_DIR:?set by CTest}"
E2E_DIR="$PAPERTREE_SOURCE_DIR/tests/e2e"
FIXTURES="$PAPERTREE_SOURCE_DIR/tests/fixtures"
# The shared upstream inputs sit beside the checkout; PAPERTREE_UPSTREAM names them elsewhere
# (a git worktree in another directory).
UPSTREAM="${PAPERTREE_UPSTREAM:-$PAPERTREE_SOURCE_DIR/../shared/upstream}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export NO_COLOR=1 COLUMNS=100 LC_ALL=C.UTF-8
unset PAPERTREE_CORPUS
failures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

run() {
  "$PAPERTREE_BIN" "$@" >"$WORK/out" 2>"$WORK/err"
  code=$?
  out="$(cat "$WORK/out")"
  err="$(cat "$WORK/err")"
  last_cmd="papertree $*"
}

run_tty() {
  require_tool script
  local cols=$1
  shift
  script -qec "stty cols $cols; $(printf '%q ' "$PAPERTREE_BIN" "$@") 2>$(printf '%q' "$WORK/err")" \
    /dev/null </dev/null | tr -d '\r' >"$WORK/out"
  code=${PIPESTATUS[0]}
  out="$(cat "$WORK/out")"
  err="$(cat "$WORK/err")"
  last_cmd="papertree $* (on a terminal $cols columns wide)"
}

expect_code() {
  [[ $code -eq $1 ]] || fail "$last_cmd: exit code $code, expected $1; stderr: $err"
}

expect_golden() {
  local golden="$E2E_DIR/golden/$1"
  if [[ ${PAPERTREE_UPDATE_GOLDEN:-0} == 1 ]]; then
    mkdir -p "$(dirname "$golden")"
    cp "$WORK/out" "$golden"
    return
  fi
  if [[ ! -f $golden ]]; then
    fail "$last_cmd: golden file $1 is missing (PAPERTREE_UPDATE_GOLDEN=1 creates it)"
  elif ! diff -u "$golden" "$WORK/out" >"$WORK/diff"; then
    fail "$last_cmd: output differs from golden $1:"
    cat "$WORK/diff" >&2
  fi
}

expect_contains() {
  [[ $out == *"$1"* ]] || fail "$last_cmd: stdout lacks '$1'; got: ${out:0:2000}"
}

expect_err_contains() {
  [[ $err == *"$1"* ]] || fail "$last_cmd: stderr lacks '$1'; got: $err"
}

expect_no_trailing_spaces() {
  local lines
  lines=$(sed 's/\x1b\[[0-9;]*m//g' <<<"$out" | grep -n ' $')
  [[ -z $lines ]] || fail "$last_cmd: lines end in spaces:"$'\n'"$(cat -A <<<"$lines")"
}

require_tool() {
  if ! command -v "$1" >/dev/null 2>&1; then
    if [[ ${PAPERTREE_REQUIRE_TOOLS:-0} == 1 ]]; then
      echo "FAIL: required tool '$1' is not installed (PAPERTREE_REQUIRE_TOOLS=1)" >&2
      exit 1
    fi
    echo "SKIP: '$1' is not installed; 'make test' installs it" >&2
    exit 77
  fi
}

finish() {
  if ((failures > 0)); then
    echo "$failures check(s) failed" >&2
    exit 1
  fi
  exit 0
}
