#!/usr/bin/env bash
# `papertree frameworks`: the capability table and its JSON.
source "$(dirname "$0")/lib.sh"
small="$FIXTURES/small.json"

run --corpus "$small" frameworks --format table
expect_code 0
expect_golden frameworks_small.txt

# Piped, tab-separated lines like every other command: id, name, the three capabilities, URL.
run --corpus "$small" frameworks
expect_code 0
[[ $out == $'deepspeed\tDeepSpeed\ttraining\tinference\tfine-tuning\thttps://github.com/microsoft/DeepSpeed\nvllm\tvLLM\t\tinference\t\thttps://github.com/vllm-project/vllm' ]] ||
  fail "frameworks piped: got '$out'"
run --corpus "$small" frameworks --format plain --supports training
[[ $out == $'deepspeed\tDeepSpeed\ttraining\tinference\tfine-tuning\thttps://github.com/microsoft/DeepSpeed' ]] ||
  fail "frameworks --format plain --supports training: got '$out'"

# A URL is shown whole or not at all.
COLUMNS=83 run --corpus "$small" frameworks --format table
expect_contains "https://github.com/microsoft/DeepSpeed"
COLUMNS=82 run --corpus "$small" frameworks --format table
[[ $out != *URL* && $out != *https* ]] || fail "frameworks at 82 columns cuts a URL: $out"

run --corpus "$small" frameworks --supports training --format json
expect_code 0
expect_golden frameworks_small_training.json

run --corpus "$small" frameworks --supports inference
expect_contains "vLLM"
expect_contains "DeepSpeed"

run --corpus "$small" frameworks --supports cooking
expect_code 2

run --corpus "$FIXTURES/hostile.json" frameworks
[[ $out != *$'\e'* && $out != *$'\a'* ]] || fail "raw control character in frameworks output"

run frameworks --format json
expect_code 0
jq -e 'length > 0' <<<"$out" >/dev/null || fail "embedded corpus has no frameworks"

finish
