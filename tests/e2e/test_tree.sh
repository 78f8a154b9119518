#!/usr/bin/env bash
# `papertree tree` on a fixture corpus: text and JSON against golden files, options, errors.
source "$(dirname "$0")/lib.sh"
small="$FIXTURES/small.json"

run --corpus "$small" tree
expect_code 0
expect_golden tree_small.txt

run --corpus "$small" tree --ascii --depth 1
expect_code 0
expect_golden tree_small_ascii_depth1.txt

run --corpus "$small" tree quantization --format json
expect_code 0
expect_golden tree_small_quantization.json

PAPERTREE_CORPUS="$small" run tree model-centric/efficient-inference
expect_code 0
expect_contains "Speculative Decoding"

run --corpus "$small" tree quantizaton
expect_code 2
expect_err_contains 'papertree: error: unknown category "quantizaton"; did you mean "Quantization"?'

run --corpus "$small" tree --depth -1
expect_code 2

run tree
expect_code 0
expect_contains "Model-Centric"

# On a terminal, --ids never cuts an id (they are what people copy into commands): the names
# beside them are cut instead, and a row whose id cannot fit runs past the width.
run_tty 60 --corpus "$small" tree --ids
expect_code 0
expect_golden tree_small_ids_60.txt
for cols in 60 80 120; do
  run_tty "$cols" tree --ids
  expect_code 0
  expect_no_trailing_spaces
  survey=$out
  while read -r id; do
    [[ $survey == *"  $id "* ]] || fail "tree --ids at $cols columns: id '$id' not shown whole"
  done < <("$PAPERTREE_BIN" __complete-categories)
  # Lines are the width, counts at the edge, but for rows whose id needs more.
  while IFS= read -r line; do
    [[ ${#line} -eq $cols || $line == *"…  "* ]] ||
      fail "tree --ids at $cols columns: a line neither $cols wide nor cut: '$line'"
  done <<<"$survey"
  # Without ids, every line fits.
  run_tty "$cols" tree
  [[ $(wc -L <<<"$out") -le $cols ]] || fail "tree at $cols columns: lines wider: $out"
  expect_no_trailing_spaces
done

finish
