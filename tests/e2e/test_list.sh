#!/usr/bin/env bash
# `papertree list`: every format against golden files, filters, sorting, limits, errors.
source "$(dirname "$0")/lib.sh"
small="$FIXTURES/small.json"
hostile="$FIXTURES/hostile.json"

# Not a terminal: plain (tab-separated) is the default.
run --corpus "$small" list
expect_code 0
expect_golden list_small.plain

run --corpus "$small" list quantization --format table
expect_code 0
expect_golden list_small_quantization.table

run --corpus "$small" list --format json --sort title
expect_code 0
expect_golden list_small_by_title.json

run --corpus "$small" list efficient-inference --format jsonl
expect_code 0
expect_golden list_small_inference.jsonl

run --corpus "$small" list --format ids --sort venue --reverse
expect_code 0
expect_golden list_small_ids_venue_reverse.txt

run --corpus "$small" list quantization-aware-training --direct --format ids
expect_code 0
[[ $out == "llm-int8" ]] || fail "--direct: got '$out'"

run --corpus "$small" list --year '>=2023' --has-code --format ids
expect_code 0
[[ $out == $'gptq\nllmlingua' ]] || fail "--year >=2023 --has-code: got '$out'"

run --corpus "$small" list --venue nips --venue ICLR --format ids
expect_code 0
[[ $out == $'gptq\nllm-int8' ]] || fail "--venue twice: got '$out'"

# --venue takes one value, so a category may follow it.
run --corpus "$small" list --venue ICLR --venue NeurIPS quantization-aware-training --format ids
[[ $out == "llm-int8" ]] || fail "--venue then a category: got '$out'"

run --corpus "$small" list --kind blog --format ids
[[ $out == "flash-decoding" ]] || fail "--kind blog: got '$out'"

run --corpus "$small" list --arxiv-only --year 2022..2024 --format ids
[[ $out == "speculative-sampling" ]] || fail "--arxiv-only: got '$out'"

# --limit: the "N more" line goes to stderr for plain, to stdout for a table.
run --corpus "$small" list --limit 2 --format ids
expect_code 0
[[ $out == $'speculative-sampling\nflash-decoding' ]] || fail "--limit 2: got '$out'"
expect_err_contains "… 4 more (--limit 0 shows all)"
run --corpus "$small" list --limit 5 --format table
expect_contains "… 1 more (--limit 0 shows all)"

# An empty result: a message on stderr, exit 0; json still prints an array.
run --corpus "$small" list --year 1999
expect_code 0
[[ -z $out ]] || fail "empty list printed '$out'"
expect_err_contains "papertree: no papers match"
run --corpus "$small" list --year 1999 --format json
[[ $out == "[]" ]] || fail "empty json list: got '$out'"

run --corpus "$small" list --year 20x3
expect_code 2
expect_err_contains 'papertree: error: bad year "20x3": expected a year (2023), a range (2022..2024) or a bound (>=2023, <2024)'

run --corpus "$small" list --format xml
expect_code 2

run --corpus "$small" list nowhere
expect_code 2
expect_err_contains 'unknown category "nowhere"'

# Hostile strings: control characters escaped, wide characters cut whole, fitted to $COLUMNS.
COLUMNS=60 run --corpus "$hostile" list --format table
expect_code 0
expect_golden list_hostile_60.table
[[ $out != *$'\e'* ]] || fail "raw escape character in table output"
while IFS= read -r line; do
  w=$(printf '%s' "$line" | python3 -c 'import sys,unicodedata as u; s=sys.stdin.read(); print(sum(2 if u.east_asian_width(c) in "WF" else 1 for c in s))' 2>/dev/null || echo 0)
  ((w <= 60)) || fail "table line wider than 60 columns ($w): $line"
done <<<"$out"
run --corpus "$hostile" list
[[ $out != *$'\e'* ]] || fail "raw escape character in plain output"

finish
