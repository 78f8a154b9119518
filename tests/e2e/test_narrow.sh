#!/usr/bin/env bash
# Tables fit a narrow terminal: the venue column shrinks or goes before the title is cut below
# its minimum; frameworks drop their URL column (never cut); stats shrink labels and bars.
source "$(dirname "$0")/lib.sh"
hostile="$FIXTURES/hostile.json"
small="$FIXTURES/small.json"

# widest WIDTH: every line of $out is at most WIDTH columns.
widest() {
  local w
  w=$(wc -L <<<"$out")
  [[ $w -le $1 ]] || fail "$last_cmd: lines up to $w columns wide, expected at most $1"
}

for cols in 30 40 24; do
  COLUMNS=$cols run --corpus "$hostile" list --format table --limit 0
  expect_code 0
  widest "$cols"
done
COLUMNS=30 run --corpus "$small" list --format table
expect_golden narrow_small_list_30.table
COLUMNS=40 run --corpus "$small" list --format table
expect_golden narrow_small_list_40.table

COLUMNS=50 run --corpus "$small" frameworks --format table
expect_code 0
widest 50
expect_golden narrow_small_frameworks_50.table
# Name and capability columns alone take 43 columns here: the URL column goes, nothing else.
COLUMNS=40 run --corpus "$small" frameworks --format table
[[ $out != *URL* ]] || fail "frameworks at 40 columns keeps the URL column: $out"

COLUMNS=30 run --corpus "$hostile" stats
expect_code 0
widest 30
COLUMNS=30 run --corpus "$small" stats
expect_golden narrow_small_stats_30.txt

# On a real terminal (script gives one), COLUMNS is what the terminal reports when it cannot say.
if command -v script >/dev/null; then
  out=$(COLUMNS=30 script -qc "$PAPERTREE_BIN -c $hostile list" /dev/null | tr -d '\r')
  last_cmd="script: COLUMNS=30 papertree list"
  widest 30
fi

finish
