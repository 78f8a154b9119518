#!/usr/bin/env bash
# `papertree show`: one paper in full, found by id, arXiv id, URL or title fragment.
source "$(dirname "$0")/lib.sh"
small="$FIXTURES/small.json"

run --corpus "$small" show llm-int8
expect_code 0
expect_golden show_small_llm_int8.txt

for ref in 2208.07339 arXiv:2208.07339v1 https://arxiv.org/abs/2208.07339 "8-BIT MATRIX"; do
  run --corpus "$small" show "$ref"
  expect_code 0
  expect_golden show_small_llm_int8.txt
done

run --corpus "$small" show gptq --format json
expect_code 0
expect_golden show_small_gptq.json

run --corpus "$small" show decoding
expect_code 2
[[ $err == 'papertree: error: "decoding" matches 2 papers; give one of these ids:
speculative-sampling  Accelerating Large Language Model Decoding with Speculative Sampling
flash-decoding  Flash-Decoding for Long-Context Inference' ]] || fail "ambiguous: $err"

run --corpus "$small" show mamba
expect_code 2
expect_err_contains 'no paper matches "mamba"'

run --corpus "$FIXTURES/hostile.json" show escape
expect_code 0
[[ $out != *$'\e'* && $out != *$'\a'* ]] || fail "raw control character in show output"
expect_contains 'Title with \x1b[2J escape'

finish
