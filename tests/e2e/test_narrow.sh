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
# Name and capability columns alone take 43 columns here: the URL column goes, then the headings
# shorten (review finding: 46-column rows at 40 columns).
COLUMNS=40 run --corpus "$small" frameworks --format table
[[ $out != *URL* ]] || fail "frameworks at 40 columns keeps the URL column: $out"
[[ $out == "Framework  Train  Infer  Tune"* ]] || fail "frameworks at 40 columns: $out"
widest 40
# The survey's on a terminal: names are cut last, down to 5 columns.
for cols in 40 30 25; do
  run_tty "$cols" frameworks
  expect_code 0
  widest "$cols"
  expect_no_trailing_spaces
done
run_tty 30 frameworks
expect_contains "TensorRT-…"

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

# No table row ends in spaces, on a terminal or in a pipe, coloured or not.
for cols in 30 40 60 80 120; do
  for args in "list" "list --format table" "list --format table --columns id,title,code" \
    "search quantization" "search quantization --format table" "tree" "tree --ids" "stats" \
    "frameworks" "frameworks --format table" "-c $hostile list --format table" "-c $hostile stats"; do
    # shellcheck disable=SC2086  # the words of $args are the arguments
    COLUMNS=$cols run $args
    expect_no_trailing_spaces
    # shellcheck disable=SC2086
    run_tty "$cols" --color always $args
    expect_no_trailing_spaces
  done
done

finish
