#!/usr/bin/env bash
# The safe edits (docs/curate.md): add, edit, move, remove, add-category, rename-category,
# move-category on a copy of the small fixture; --dry-run; every refusal leaves the file as it was.
source "$(dirname "$0")/lib.sh"
require_tool jq
c="$WORK/c.json"
run --corpus "$FIXTURES/small.json" export --format json -o "$c"
expect_code 0
cp "$c" "$WORK/start.json"

unchanged() {  # the file is byte for byte what it was before the last command
  cmp -s "$c" "$WORK/before.json" || fail "$last_cmd changed $c"
}
keep() { cp "$c" "$WORK/before.json"; }

# The embedded corpus is refused with a hint.
run edit gptq --venue ICML
expect_code 2
expect_err_contains "papertree: error: the embedded corpus cannot be edited; give a corpus file with --corpus FILE"
expect_err_contains "papertree export --format json -o FILE"

# edit: the venue goes through the alias table; nothing else changes.
keep
run --corpus "$c" edit gptq --venue NeurlPS --year 2024
expect_code 0
expect_contains "$c: edited gptq"
[[ $(jq -r '.papers[] | select(.id == "gptq") | "\(.venue) \(.year)"' "$c") == "NeurIPS 2024" ]] || fail "edit: venue/year"
[[ $(jq -S 'del(.papers[] | select(.id == "gptq"))' "$c") == "$(jq -S 'del(.papers[] | select(.id == "gptq"))' "$WORK/before.json")" ]] ||
  fail "edit changed other papers"

# --dry-run: the diff, nothing written.
keep
run --corpus "$c" edit gptq --title "GPTQ: A New Title" --dry-run
expect_code 0
unchanged
expect_contains "--- a/$c"
expect_contains '+      "title": "GPTQ: A New Title",'
expect_err_contains "edited gptq (dry run: nothing written)"
(cd "$WORK" && cp c.json d.json && patch -s d.json <"$WORK/out") && \
  [[ $(jq -r '.papers[] | select(.id == "gptq") | .title' "$WORK/d.json") == "GPTQ: A New Title" ]] ||
  fail "the dry-run diff does not apply as a patch"

# move, --also, --from.
run --corpus "$c" move gptq --to parameter-pruning
expect_code 0
[[ $(jq -c '.papers[] | select(.id == "gptq") | .categories' "$c") == '["parameter-pruning"]' ]] || fail "move"
run --corpus "$c" move gptq --to attention --also
[[ $(jq -c '.papers[] | select(.id == "gptq") | .categories' "$c") == '["parameter-pruning","attention"]' ]] || fail "move --also"
run --corpus "$c" move gptq --to post-training-quantization --from attention
[[ $(jq -c '.papers[] | select(.id == "gptq") | .categories' "$c") == '["parameter-pruning","post-training-quantization"]' ]] ||
  fail "move --from"

# add --arxiv fills what the id gives; the new paper is last.
run --corpus "$c" add --arxiv 2306.00978 --title "AWQ: Activation-aware Weight Quantization" --to quantization
expect_code 0
expect_contains "added awq"
[[ $(jq -c '.papers[-1] | [.id, .year, .venue, .arxiv, .doi, .links[0].url, .categories]' "$c") == \
  '["awq",2023,"arXiv","2306.00978","10.48550/arXiv.2306.00978","https://arxiv.org/abs/2306.00978",["quantization"]]' ]] ||
  fail "add --arxiv: $(jq -c '.papers[-1]' "$c")"
run --corpus "$c" add --title "A Post" --kind blog --link Blog=https://example.org/p --to attention --id a-post
expect_code 0
[[ $(jq -r '.papers[-1] | "\(.id) \(.kind) \(.links[0].label)"' "$c") == "a-post blog Blog" ]] || fail "add by fields"

# remove.
run --corpus "$c" remove a-post
expect_code 0
[[ $(jq '[.papers[] | select(.id == "a-post")] | length' "$c") == 0 ]] || fail "remove"

# Categories: add, rename (id kept / --id, papers follow), move.
run --corpus "$c" add-category "Serving Systems" --parent efficient-inference
expect_code 0
expect_contains "added category serving-systems"
run --corpus "$c" rename-category serving-systems "LLM Serving"
[[ $(jq -r '.. | objects | select(.id? == "serving-systems") | .name' "$c") == "LLM Serving" ]] || fail "rename-category"
run --corpus "$c" rename-category post-training-quantization "PTQ" --id ptq
expect_code 0
[[ $(jq -c '.papers[] | select(.id == "gptq") | .categories' "$c") == '["parameter-pruning","ptq"]' ]] || fail "rename --id: papers follow"
run --corpus "$c" move-category serving-systems --top
expect_code 0
[[ $(jq -r '.taxonomy[-1].id' "$c") == serving-systems ]] || fail "move-category --top"
run --corpus "$c" move-category serving-systems --to data-centric
[[ $(jq -r '.taxonomy[] | select(.id == "data-centric") | .children[-1].id' "$c") == serving-systems ]] || fail "move-category --to"
run --corpus "$c" --quiet validate
expect_code 0

# Refusals: nothing is written, each with its exit code.
keep
other=$(jq -r '[.papers[] | select(.arxiv != null and .id != "gptq")][0].arxiv' "$c")
run --corpus "$c" edit gptq --arxiv "$other"
expect_code 3
expect_err_contains "edit refused: it would add 1 validation error; nothing written"
expect_err_contains "[shared-identifier]"
unchanged
run --corpus "$c" edit gptq --year 99999
expect_code 2
unchanged
run --corpus "$c" edit nope --year 2020
expect_code 2
expect_err_contains 'no paper matches "nope"'
unchanged
run --corpus "$c" move gptq --to nowhere
expect_code 2
unchanged
run --corpus "$c" remove "GPTQ"
expect_code 2
expect_err_contains "remove takes a paper id or arXiv id"
unchanged
run --corpus "$c" add --title "No Category"
expect_code 2
unchanged
run --corpus "$c" add-category "X" --id "Bad Id"
expect_code 2
unchanged
run --corpus "$c" move-category data-centric --to serving-systems
expect_code 2
expect_err_contains "into its own subtree"
unchanged
run --corpus "$c" edit gptq --added 2024-02-30
expect_code 2
unchanged

# A broken file is not touched.
printf '{"format": "papertree-corpus", "version": 2, "papers": [' >"$WORK/broken.json"
cp "$WORK/broken.json" "$WORK/broken.orig"
run --corpus "$WORK/broken.json" edit gptq --year 2020
expect_code 3
cmp -s "$WORK/broken.json" "$WORK/broken.orig" || fail "broken file rewritten"

finish
