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

run --corpus "$small" tree quantisation
expect_code 2
expect_err_contains 'papertree: error: unknown category "quantisation"; did you mean "Quantization"?'

run --corpus "$small" tree --depth -1
expect_code 2

run tree
expect_code 0
expect_contains "Model-Centric"

finish
