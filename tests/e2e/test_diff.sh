#!/usr/bin/env bash
# `papertree diff`: two corpus files (every kind of change, text/json/markdown), and two real
# versions of the upstream list from its history bundle (2024-01 and 2025-06).
source "$(dirname "$0")/lib.sh"
require_tool jq
small="$FIXTURES/small.json"
a="$WORK/a.json"
b="$WORK/b.json"
run --corpus "$small" export --format json -o "$a"
cp "$a" "$b"
"$PAPERTREE_BIN" --corpus "$b" edit gptq --venue TMLR >/dev/null
"$PAPERTREE_BIN" --corpus "$b" move gptq --to attention --also >/dev/null
"$PAPERTREE_BIN" --corpus "$b" add --arxiv 2306.00978 --title "AWQ: Activation-aware Weight Quantization" --to attention >/dev/null
"$PAPERTREE_BIN" --corpus "$b" rename-category attention "Efficient Attention" >/dev/null
removed=$(jq -r '.papers[-1].id' "$a")
"$PAPERTREE_BIN" --corpus "$b" remove "$removed" >/dev/null

run diff "$a" "$a"
expect_code 0
expect_contains "0 added, 0 removed, 0 moved, 0 changed; categories: 0 added, 0 removed, 0 renamed"

run diff "$a" "$b"
expect_code 0
expect_golden diff_small.txt
run diff "$a" "$b" --format json
expect_code 0
expect_golden diff_small.json
[[ $(jq -r '.papers.moved[0].fields[0] | "\(.field) \(.after)"' <<<"$out") == "venue TMLR" ]] || fail "json: moved paper's field"
[[ $(jq -r '.papers.removed[0].id' <<<"$out") == "$removed" ]] || fail "json: removed"
run diff "$a" "$b" --format markdown
expect_code 0
expect_golden diff_small.md

run diff "$a" "$WORK/missing.json"
expect_code 4
printf 'not json' >"$WORK/bad.json"
run diff "$a" "$WORK/bad.json"
expect_code 3

# The upstream list, January 2024 against June 2025, from the history bundle.
require_tool git
repo="$WORK/upstream"
git clone -q -b main "$UPSTREAM/efficient-llms-survey/history.bundle" "$repo" 2>/dev/null || fail "cannot clone the bundle"
old_commit=$(git -C "$repo" rev-list -1 --before=2024-02-01T00:00:00Z main -- README.md)
[[ -n $old_commit ]] || fail "no 2024-01 version of README.md"
git -C "$repo" show "$old_commit:README.md" >"$WORK/README-2024-01.md"
cp "$repo/README.md" "$WORK/README-2025-06.md"
run diff "$WORK/README-2024-01.md" "$WORK/README-2025-06.md" --format json
expect_code 0
added=$(jq '.counts.added' <<<"$out")
[[ $added -gt 100 ]] || fail "2024-01 -> 2025-06: only $added papers added"
# Every paper reported added is absent from the old list, by title; every removed one from the new.
jq -r '.papers.added[].title' <<<"$out" | head -50 | while IFS= read -r title; do
  grep -qF -- "$title" "$WORK/README-2024-01.md" && echo "$title"
done >"$WORK/wrongly_added"
[[ ! -s "$WORK/wrongly_added" ]] || fail "reported added but in the 2024-01 list: $(head -3 "$WORK/wrongly_added")"
run diff "$WORK/README-2024-01.md" "$WORK/README-2025-06.md" --format markdown
expect_code 0
expect_contains "### New papers ($added)"

finish
