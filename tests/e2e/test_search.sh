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
expect_err_contains "… 2 more (--limit 0 shows all)"

run --corpus "$small" search inference --format jsonl
expect_code 0
[[ $(wc -l <<<"$out") -eq 3 ]] || fail "jsonl: expected 3 lines, got: $out"
jq -e -s 'map(.score) | length == 3' <<<"$out" >/dev/null || fail "jsonl lines are not JSON with scores"

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
# flash-decoding holds only "decoding" and follows (few papers hold both words).
[[ $out == $'speculative-sampling\nflash-decoding' ]] || fail "typo: got '$out'"
expect_err_contains 'papertree: note: nothing matches "speculatve"; searched for "speculative" instead'

# Filters and --in.
run --corpus "$small" search model --year 2023 --has-code --format ids
# gptq matches "model" through its category's parent, Model Compression, with a lower weight.
[[ $out == $'llmlingua\ngptq' ]] || fail "filters: got '$out'"
run --corpus "$small" search 'model year:2023 has:code' --format ids
[[ $out == $'llmlingua\ngptq' ]] || fail "filters in the query: got '$out'"
run --corpus "$small" search model --in quantization --format ids
[[ $out == $'sparsegpt\ngptq\nllm-int8' ]] || fail "--in: got '$out'"
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

# --sort and --reverse: relevance by default, or the orders of list; scores stay with their paper.
run --corpus "$small" search 'quant* OR decoding' --format ids
relevance="$out"
run --corpus "$small" search 'quant* OR decoding' --format ids --reverse
[[ $out == "$(tac <<<"$relevance")" ]] || fail "--reverse does not flip the relevance order: $out"
run --corpus "$small" search 'quant* OR decoding' --format ids --sort year
by_year="$out"
run --corpus "$small" list --format ids
expected="$(grep -Fx -f <(sort <<<"$relevance") <<<"$out")"
[[ $by_year == "$expected" ]] || fail "search --sort year differs from list order: $by_year vs $expected"
run --corpus "$small" search 'quant* OR decoding' --format ids --sort title --reverse
run --corpus "$small" list --format ids --sort title --reverse
expected="$(grep -Fx -f <(sort <<<"$relevance") <<<"$out")"
run --corpus "$small" search 'quant* OR decoding' --format ids --sort title --reverse
[[ $out == "$expected" ]] || fail "search --sort title --reverse: $out vs $expected"
run --corpus "$small" search model --sort score
expect_code 2

# A pipe gets every hit unless --limit; a terminal gets a page of 20.
run search model --format ids
all_hits=$(wc -l <<<"$out")
((all_hits > 20)) || fail "search model in a pipe printed only $all_hits hits"
[[ $err != *"more (--limit"* ]] || fail "search in a pipe cut the list: $err"
run search model --format ids --limit 5
[[ $(wc -l <<<"$out") -eq 5 ]] || fail "--limit 5 printed $(wc -l <<<"$out") lines"
expect_err_contains "more (--limit 0 shows all)"
tty_out="$(COLUMNS=100 script -qec "$PAPERTREE_BIN search model --format ids" /dev/null | tr -d '\r')"
[[ $(grep -vc 'more (--limit' <<<"$tty_out") -eq 20 ]] || fail "a terminal did not get a page of 20: $tty_out"
tty_out="$(COLUMNS=100 script -qec "$PAPERTREE_BIN list --format ids" /dev/null | tr -d '\r')"
[[ $(grep -vc 'more (--limit' <<<"$tty_out") -eq 20 ]] || fail "list on a terminal did not get a page of 20"

# Authors: the author: field, --author on list and search, authors in the default fields below
# titles, author names never "corrected".
authors="$FIXTURES/authors.json"
run --corpus "$authors" search 'author:"tri dao"' --format ids
[[ $out == $'flashattention-2\nflashattention' || $out == $'flashattention\nflashattention-2' ]] ||
  fail "author:\"tri dao\": $out"
run --corpus "$authors" search 'author:"t dao"' --format ids --sort year
[[ $out == $'flashattention-2\nflashattention' ]] || fail "author:\"t dao\": $out"
run --corpus "$authors" search 'author:re' --format ids
[[ $out == flashattention ]] || fail "author:re (Ré): $out"
run --corpus "$authors" search dao --format ids
[[ $(head -1 <<<"$out") == dao-decoding ]] || fail "a title word must outrank an author name: $out"
run --corpus "$authors" search dettmers --format ids
[[ $out == qlora && -z $err ]] || fail "search dettmers: '$out' '$err'"
run --corpus "$authors" search attention --author "tri dao" --format ids --sort title
[[ $out == $'flashattention-2\nflashattention' ]] || fail "search --author: $out"
run --corpus "$authors" list --author dao --author "Hu, Edward" --format ids --sort title
[[ $out == $'flashattention-2\nflashattention\nlora' ]] || fail "list --author: $out"
run --corpus "$authors" list --author "openai team" --format ids
[[ $out == dao-decoding ]] || fail "list --author literal: $out"
run --corpus "$authors" list --author tri --format ids
[[ -z $out ]] || fail "a given name alone must not match: $out"

# Issue 14's complaints on the shipped corpus.
run search flash attention --format ids --limit 4
for id in flashattention flashattention-2 flashattention-3; do
  grep -qx "$id" <<<"$out" || fail "search flash attention: $id not in the top 4: $out"
done
run search flash atention --format ids --limit 4
for id in flashattention flashattention-2 flashattention-3; do
  grep -qx "$id" <<<"$out" || fail "search flash atention (a typo): $id not in the top 4: $out"
done
run search lora --format ids
for id in qlora longlora dylora; do
  grep -qx "$id" <<<"$out" || fail "search lora misses $id"
done
[[ $(grep -nx 'lora' <<<"$out" | cut -d: -f1) -lt $(grep -nx 'qlora' <<<"$out" | cut -d: -f1) ]] ||
  fail "LoRA does not rank above QLoRA"
[[ $(head -n1 <<<"$out") == lora ]] || fail "search lora does not list LoRA (id lora) first: $out"
run search int4 --format ids
[[ $err != *'"into"'* ]] || fail "int4 was corrected to into: $err"
run search quantizaton --format ids
expect_err_contains 'searched for "quantization" instead'
run search prunign --format ids
expect_err_contains 'searched for "pruning" instead'
for q in '✓' '.'; do
  run search "$q" --format ids
  expect_code 0
  [[ -z $out ]] || fail "search '$q' matched papers"
done

# Bounded queries: too many terms or bytes is a usage error, a many-prefix query stays quick.
many="$(for i in $(seq 300); do printf 'a%d* ' "$i"; done)"
run search "$many"
expect_code 2
expect_err_contains "more than 256 search terms"
groups="$(for i in $(seq 40); do printf '(a* OR b* OR c* OR d* OR e* OR f*) '; done)"
# The memory cap is dropped when the binary cannot start under it (a sanitizer build reserves
# terabytes of address space), as in test_bad_input.sh.
cap="ulimit -v 1000000"
(ulimit -v 1000000 && "$PAPERTREE_BIN" --version) >/dev/null 2>&1 || cap=":"
(eval "$cap"; timeout 20 "$PAPERTREE_BIN" search --format ids "$groups" >/dev/null 2>&1)
rc=$?
((rc == 0)) || fail "a query of 240 prefixes failed or timed out (exit $rc)"

# Near matches: marked in JSON, and decided within the filters. Ten papers hold both words,
# two of them from 2024; within --year 2024 the near match of 2024 follows them, the 2023 one not.
{
  printf '{"format": "papertree-corpus", "version": 1, "title": "t",\n'
  printf ' "taxonomy": [{"id": "a", "name": "A"}], "papers": [\n'
  printf '  {"id": "near-2024", "title": "Alpha Only", "year": 2024, "categories": ["a"]},\n'
  printf '  {"id": "near-2023", "title": "Alpha Alone", "year": 2023, "categories": ["a"]}'
  for i in $(seq 0 9); do
    printf ',\n  {"id": "full%d", "title": "Alpha Beta %d", "year": %d, "categories": ["a"]}' \
      "$i" "$i" "$((i < 2 ? 2024 : 2023))"
  done
  printf ']}\n'
} >"$WORK/near.json"
run --corpus "$WORK/near.json" search alpha beta --format ids
expect_code 0
[[ $out != *near-* ]] || fail "ten full matches were followed by near ones: $out"
run --corpus "$WORK/near.json" search alpha beta --year 2024 --format json
expect_code 0
got="$(jq -c '[.[] | [.id, .near]]' <<<"$out")"
[[ $got == '[["full0",false],["full1",false],["near-2024",true]]' ]] ||
  fail "search --year 2024: near matches not decided within the year: $got"
run --corpus "$WORK/near.json" search alpha beta --year 2024 --format jsonl
[[ $(jq -r .near <<<"$out" | tr '\n' ' ') == 'false false true ' ]] || fail "jsonl near flags: $out"
run --corpus "$WORK/near.json" search alpha beta --year 2024 --sort title --reverse --format json
got="$(jq -c '[.[] | [.id, .near]]' <<<"$out")"
[[ $got == '[["near-2024",true],["full1",false],["full0",false]]' ]] ||
  fail "--sort title --reverse lost the near flags: $got"
run --corpus "$WORK/near.json" search alpha beta --year 2024 --reverse --format json
[[ $(jq -r '.[0].id, .[0].near' <<<"$out" | tr '\n' ' ') == 'near-2024 true ' ]] ||
  fail "--reverse lost the near flags: $out"
run --corpus "$WORK/near.json" search alpha beta --year 2024 --format table
expect_err_contains "2 papers hold every word; 1 holds all but one (listed after them)"
run --corpus "$WORK/near.json" search alpha beta --year 2024 --format table --sort title
[[ $err != *"hold every word"* ]] || fail "the near-match note was printed for --sort title: $err"
# Three words, one paper holding them all (2023's "Alpha Beta 9"): the note counts the papers lacking
# one word apart from those lacking more ("Alpha Alone" holds one word of three).
run --corpus "$WORK/near.json" search alpha beta 9 --year 2023 --format table
expect_err_contains "1 paper holds every word; 7 hold all but one, 1 holds fewer (listed after them)"

# A page of near matches still short when every paper holding a word is listed ends with the other
# papers of the category they sit in (newest first, score 0, marked near), and the note names it.
run search aligning feedback --format json
expect_code 0
got="$(jq -c '[.[] | select(.score == 0) | .categories | any(. == "data-selection-for-efficient-fine-tuning")] | unique' <<<"$out")"
[[ $got == '[true]' ]] || fail "aligning feedback: the page was not filled from its category: $got"
[[ $(jq 'length' <<<"$out") == 10 ]] || fail "aligning feedback: the page was not filled to ten: $out"
[[ $(jq '[.[] | select(.score == 0 and .near == false)] | length' <<<"$out") == 0 ]] ||
  fail "aligning feedback: a paper added from the category is not marked near: $out"
run search aligning feedback --format table
expect_err_contains "1 paper holds every word; 5 hold all but one, 4 more from Data Selection for Efficient Fine-Tuning hold none (listed after them)"
# In another order than relevance the added papers would stand among the matches: none is added.
run search aligning feedback --sort year --format ids
[[ $(wc -l <<<"$out") == 6 ]] || fail "aligning feedback --sort year was filled: $out"
# A query that names a category: a short page ends with the rest of that category, after the
# papers that hold the word. One paper holds "gptq"; the others of Weight-Only Quantization follow.
run search gptq --format json
[[ $(jq -r '.[0].id' <<<"$out") == gptq ]] || fail "search gptq: GPTQ is not first: $out"
[[ $(jq 'length' <<<"$out") == 10 ]] || fail "search gptq was not filled to ten: $out"
[[ $(jq '[.[1:][] | select(.score == 0 and .near and (.categories | any(. == "weight-only-quantization")))] | length' <<<"$out") == 9 ]] ||
  fail "search gptq: the added papers are not Weight-Only Quantization's, scored 0, near: $out"
run search gptq --format table
expect_err_contains "1 paper holds every word; 9 more from Weight-Only Quantization hold none (listed after them)"
# Full matches of a word that names no category are all that is listed.
run search sinkhorn --format ids
[[ $out == sparse-sinkhorn-attention ]] || fail "search sinkhorn was filled: $out"
# A method's name in the thesaurus names its category, but does not make the category's papers
# match it: no title holds "streamingllm", so the papers of its category are listed, marked so.
run search streamingllm --format table
expect_code 0
expect_err_contains "papertree: note: no paper holds every word; listed: 10 papers from Segmentation and Sliding Window, which the query names ('papertree list segmentation-and-sliding-window' lists all"
run search streamingllm --format json
[[ $(jq '[.[] | select(.score == 0 and .near and (.categories | any(. == "segmentation-and-sliding-window")))] | length' <<<"$out") == 10 ]] ||
  fail "search streamingllm: not the papers of Segmentation and Sliding Window: $out"
# Where --in leaves none of its category's papers, nothing is listed (and no category named).
run search streamingllm --in quantization
expect_code 0
expect_err_contains $'papertree: no papers match "streamingllm"'
[[ $err != *"names the category"* ]] || fail "streamingllm --in quantization named a category: $err"
# A short page is filled in any order when nothing matches (there is nothing to stand among),
# and within the filters; the hint to list the whole category is left out under a filter.
run search retnet --sort year --format ids
grep -qx retentive-network <<<"$out" || fail "search retnet --sort year: $out"
run search retnet --year 2023 --format table
expect_err_contains "listed: 1 paper from Recurrent Structure, which the query names"
[[ $err != *"lists all"* ]] || fail "search retnet --year 2023 suggests listing all: $err"
# A quoted phrase is one word of a plain query: with a word no paper holds, the phrase's papers
# follow as near matches, as they do unquoted.
run search '"kv cache" zzzz' --format ids
expect_code 0
[[ -n $out ]] || fail "a phrase and an unknown word listed nothing"
# Words joined by / are alternatives.
run search 'int4/int8' --format ids
grep -qx llm-int8 <<<"$out" || fail "int4/int8 misses LLM.int8(): $out"
# A framework's name is never corrected as a typo (vllm is no llm); the search says where it is.
run search tensorrt
expect_code 0
[[ $err != *"searched for"* ]] || fail "search tensorrt was corrected: $err"
expect_err_contains "papertree: note: \"tensorrt\" names the framework TensorRT-LLM of the survey's table; 'papertree frameworks' lists it"
run search colossalai --format json
[[ $out == "[]" ]] || fail "search colossalai: $out"
expect_err_contains "names the framework ColossalAI"
# Wanda's paper does not say "Wanda": the thesaurus knows where it is, and it is not "panda".
run search wanda --format ids
[[ $err != *"searched for"* ]] || fail "search wanda was corrected: $err"
grep -qx a-simple-and-effective-pruning-approach <<<"$out" || fail "search wanda misses Wanda's paper: $out"
# A word of the thesaurus is never corrected as a typo: jamba is no mamba.
run search jamba --format table
expect_code 0
expect_err_contains 'listed: 10 papers from State Space Models, which the query names'
[[ $err != *"searched for"* ]] || fail "search jamba was corrected: $err"
# A term's inner words alone do not match its category: "order" of zeroth-order fine-tuning,
# "free" of attention-free.
run search order --format json
[[ $(jq '[.[].categories[] | select(. == "memory-efficient-fine-tuning")] | length' <<<"$out") -le 1 ]] ||
  fail "search order matched the memory-efficient fine-tuning papers: $out"
run search free --format json
[[ $(jq '[.[].categories[] | select(. == "state-space-models")] | length' <<<"$out") -le 3 ]] ||
  fail "search free matched the state space model papers: $out"
# Quoted, or with a typo corrected, a term still matches as a unit.
run search continuous batching --format ids
want="$out"
run search '"continuous batching"' --format ids
[[ $out == "$want" ]] || fail "quoted continuous batching: $out"
run search continuous batchng --format ids
[[ $out == "$want" ]] || fail "continuous batchng: $out"
# An everyday term of the thesaurus makes its category's papers match it.
run search continuous batching --format json
got="$(jq -c '[.[].categories[]] | unique' <<<"$out")"
[[ $got == '["serving-performance-optimization"]' ]] || fail "continuous batching: $got"
run list "weight sharing" --format ids
[[ $out == mobillama ]] || fail "list weight sharing: $out"

finish
