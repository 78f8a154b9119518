#!/usr/bin/env bash
# `papertree search`: ranking, formats, facets, typo notes, filters and query syntax errors.
source "$(dirname "$0")/lib.sh"
small="$FIXTURES/small.json"

run --corpus "$small" search kv cache
expect_code 0
expect_golden search_small_kv_cache.plain

# The three spellings find the same papers.
for q in kv-cache KV-Cache '"kv cache"'; do
  run --corpus "$small" search "$q" --format ids
  [[ $out == $'flash-decoding\nllmlingua' ]] || fail "search $q: got '$out'"
done

run --corpus "$small" search 'quant* OR decoding' --format table
expect_code 0
expect_golden search_small_quant_or_decoding.table

run --corpus "$small" --color always search quantization --format table
expect_code 0
expect_contains $'\e[1;33mQuantization\e[0m'

run --corpus "$small" search inference --format json --limit 1
expect_code 0
expect_golden search_small_inference.json
expect_err_contains "… 1 more (--limit 0 shows all)"

run --corpus "$small" search inference --format jsonl
expect_code 0
[[ $(wc -l <<<"$out") -eq 2 ]] || fail "jsonl: expected 2 lines, got: $out"
jq -e -s 'map(.score) | length == 2' <<<"$out" >/dev/null || fail "jsonl lines are not JSON with scores"

run --corpus "$small" search model --facets
expect_code 0
expect_golden search_small_model_facets.plain

run --corpus "$small" search model --facets --format json
expect_code 0
expect_golden search_small_model_facets.json

run --corpus "$small" search model --facets --format ids
expect_code 2
expect_err_contains "--facets works with --format table, plain or json, not ids"

# Typo tolerance, reported on stderr.
run --corpus "$small" search speculatve decoding --format ids
expect_code 0
[[ $out == "speculative-sampling" ]] || fail "typo: got '$out'"
expect_err_contains 'papertree: note: nothing matches "speculatve"; searched for "speculative" instead'

# Filters and --in.
run --corpus "$small" search model --year 2023 --has-code --format ids
[[ $out == "llmlingua" ]] || fail "filters: got '$out'"
run --corpus "$small" search 'model year:2023 has:code' --format ids
[[ $out == "llmlingua" ]] || fail "filters in the query: got '$out'"
run --corpus "$small" search model --in quantization --format ids
[[ $out == "sparsegpt" ]] || fail "--in: got '$out'"
run --corpus "$small" search --format ids -- -quantization
expect_code 0
[[ $out == $'speculative-sampling\nflash-decoding\nllmlingua' ]] || fail "negation only: got '$out'"

run --corpus "$small" search mamba
expect_code 0
[[ -z $out ]] || fail "no hits printed '$out'"
expect_err_contains 'papertree: no papers match "mamba"'

run --corpus "$small" search 'kv (cache OR'
expect_code 2
[[ $err == 'papertree: error: query syntax error: expected a term after "OR"
  kv (cache OR
            ^' ]] || fail "syntax error text: $err"

run --corpus "$small" search 'in:nowhere'
expect_code 2
expect_err_contains 'unknown category "nowhere"'

run --corpus "$small" search 'x' --explain --format ids
expect_err_contains "papertree: query: x"

# The embedded survey corpus: papers whose titles say "speculative decoding" come before papers
# that only sit in the Speculative Decoding category.
run search speculative decoding --limit 0 --format plain
expect_code 0
ranking=$(awk -F'\t' '{ t = tolower($4); print (t ~ /speculative/ && t ~ /decoding/) ? "title" : "other" }' <<<"$out" | uniq | tr '\n' ' ')
[[ $ranking == "title other " ]] || fail "speculative decoding ranking: title matches not first ($ranking)"

# A control character in the query reaches the terminal escaped, never raw.
run --corpus "$small" search $'\e[31mred' --explain
expect_code 0
[[ $err != *$'\e'* ]] || fail "search with an ESC in the query prints it raw: $err"
expect_err_contains 'papertree: query: \x1b[31mred'
expect_err_contains 'papertree: no papers match "\x1b[31mred"'

finish
