#!/usr/bin/env bash
# `papertree frameworks`: the capability table and its JSON.
source "$(dirname "$0")/lib.sh"
small="$FIXTURES/small.json"

run --corpus "$small" frameworks
expect_code 0
expect_golden frameworks_small.txt

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
