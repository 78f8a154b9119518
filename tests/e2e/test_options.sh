#!/usr/bin/env bash
# Numeric options say plainly what they expect; an export that matches nothing says so.
source "$(dirname "$0")/lib.sh"
small="$FIXTURES/small.json"

run --corpus "$small" stats --top 0
expect_code 2
expect_err_contains '--top: expected a whole number ≥ 1, got "0"'
[[ $err != *17976931348623157* ]] || fail "stats --top 0 prints a float range: $err"

run --corpus "$small" tree --depth -1
expect_code 2
expect_err_contains '--depth: expected a whole number ≥ 0, got "-1"'

run --corpus "$small" list -n -1
expect_code 2
expect_err_contains '--limit: expected a whole number ≥ 0, got "-1"'

run --corpus "$small" list -n two
expect_code 2
expect_err_contains '--limit: expected a whole number ≥ 0, got "two"'

run --corpus "$small" tree --depth 99999999999
expect_code 2
expect_err_contains '--depth: 99999999999 is too large: expected a whole number ≥ 0 and ≤ 2147483647'

run --corpus "$small" export -f markdown --depth 1.5
expect_code 2
expect_err_contains '--depth: expected a whole number ≥ 0, got "1.5"'

run --corpus "$small" stats --top 3
expect_code 0
expect_contains "Top venues (3 of"

run --corpus "$small" tree --depth 0
expect_code 0

# An export that matches nothing notes it on stderr, like list, and still succeeds.
run --corpus "$small" export -f markdown --year 2030
expect_code 0
[[ $err == "papertree: no papers match" ]] || fail "export --year 2030: stderr '$err'"
run --corpus "$small" export -f csv --year 2023
expect_code 0
[[ -z $err ]] || fail "export --year 2023 prints a note: $err"

finish
