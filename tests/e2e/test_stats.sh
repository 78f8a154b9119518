#!/usr/bin/env bash
# `papertree stats`: text and JSON on a fixture corpus and on the embedded survey, a subtree, errors.
source "$(dirname "$0")/lib.sh"
small="$FIXTURES/small.json"

run --corpus "$small" stats
expect_code 0
expect_golden stats_small.txt

run --corpus "$small" stats quantization --format json
expect_code 0
expect_golden stats_small_quantization.json

run --corpus "$small" stats --ascii --top 2
expect_code 0
expect_contains "Top venues (2 of 6)"
expect_contains "##"

# The shipped survey: the counts the issue asks for.
run stats --format json
expect_code 0
expect_golden stats_survey.json
expect_contains '"papers": 432,'
expect_contains '"placements": 436,'
expect_contains '"categories": 74,'
expect_contains '"frameworks": 17,'

run stats
expect_code 0
expect_golden stats_survey.txt

run stats model-compression/quantization
expect_code 0
expect_contains "Efficient Large Language Models: A Survey / Model-Centric Methods / Model Compression / Quantization"

run stats quantizaton
expect_code 2
expect_err_contains 'unknown category "quantizaton"'

run stats --format yaml
expect_code 2

finish
