#!/usr/bin/env bash
# Progress on stderr: drawn when stderr is a terminal (a pseudo-terminal from script(1)), never on
# a pipe or with --quiet; the line is erased when the work ends, so a finished command leaves only
# its own output.
source "$(dirname "$0")/lib.sh"
require_tool script

# Runs papertree on a pseudo-terminal; sets $tty_out to everything it showed there.
on_tty() {
  local cmd
  printf -v cmd '%q ' "$PAPERTREE_BIN" "$@"
  tty_out="$(script -qec "$cmd" /dev/null 2>&1 | tr '\r' '\n')"
}

upstream_md="$UPSTREAM/efficient-llms-survey/README.md"
on_tty import "$upstream_md" -o "$WORK/a.json"
[[ $tty_out == *"papertree: importing: reading entries"*" entries"* ]] ||
  fail "import on a terminal drew no progress: $tty_out"
[[ $tty_out == *"papertree: importing: checking the corpus"* ]] ||
  fail "import progress has no checking phase"
after_last="${tty_out##*importing: }"
[[ $after_last == *$'\e[K'* ]] || fail "import left its progress line on the screen: $tty_out"

# An error after a phase was drawn: the line is erased, so the error starts a line of its own.
on_tty import "$FIXTURES/import/no_headings.md" -o "$WORK/none.json"
[[ $tty_out == *$'\e[K'"papertree: error: "* ]] ||
  fail "import's error was written after its progress line: $tty_out"
[[ -s $WORK/a.json ]] || fail "import under script wrote nothing"

run import "$upstream_md" -o "$WORK/b.json"
expect_code 0
[[ $err != *"importing:"* ]] || fail "import on a pipe drew progress: $err"

on_tty --quiet import "$upstream_md" -o "$WORK/c.json"
[[ $tty_out != *"importing:"* ]] || fail "import --quiet drew progress: $tty_out"

on_tty index "$WORK/a.json" -o "$WORK/a.snapshot"
[[ $tty_out == *"papertree: building the snapshot: writing"* ]] ||
  fail "index on a terminal drew no progress: $tty_out"
run index "$WORK/a.json" -o "$WORK/b.snapshot"
[[ $err != *"building the snapshot"* ]] || fail "index on a pipe drew progress: $err"

finish
