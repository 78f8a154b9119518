#!/usr/bin/env bash
# First-seen dates: `import --history` on the upstream's real history (the bundle, cloned), and
# `diff` of its 2024-01 and 2025-06 versions agreeing with those dates; `--added-since`,
# `--sort added`, `news`; the refusals (not a repository, no git).
source "$(dirname "$0")/lib.sh"
require_tool git
require_tool jq
repo="$WORK/upstream"
git clone -q -b main "$UPSTREAM/efficient-llms-survey/history.bundle" "$repo" 2>/dev/null || fail "cannot clone the bundle"

run import "$repo/README.md" --history -o "$WORK/dated.json"
expect_code 0
expect_err_contains "papers dated from"
dated="$WORK/dated.json"
total=$(jq '.papers | length' "$dated")
undated=$(jq '[.papers[] | select(.added == null)] | length' "$dated")
[[ $undated -eq 0 ]] || fail "$undated of $total papers have no added date"
[[ $(jq -r '[.papers[].added] | min' "$dated") > "2023-03-31" ]] || fail "a date before the history starts"
[[ $(jq -r '[.papers[].added] | max' "$dated") < "2025-06-23" ]] || fail "a date after the tip"

# The 2024-01 version against the tip: every paper dated after it is reported added by diff, and
# every other paper diff reports added was not in the 2024-01 list at all (listed earlier,
# dropped, listed again: its first-seen date is the older one).
old_commit=$(git -C "$repo" rev-list -1 --before=2024-02-01T00:00:00Z main -- README.md)
old_date=$(git -C "$repo" log -1 --format=%cs "$old_commit")
git -C "$repo" show "$old_commit:README.md" >"$WORK/README-2024-01.md"
run diff "$WORK/README-2024-01.md" "$repo/README.md" --format json
expect_code 0
jq -r '.papers.added[].id' <<<"$out" | sort >"$WORK/diff_added"
jq -r --arg d "$old_date" '.papers[] | select(.added > $d) | .id' "$dated" | sort >"$WORK/dated_after"
[[ -s "$WORK/diff_added" ]] || fail "diff reports nothing added since $old_date"
missing=$(comm -13 "$WORK/diff_added" "$WORK/dated_after")
[[ -z $missing ]] || fail "dated after $old_date but not reported added by diff: $missing"
for id in $(comm -23 "$WORK/diff_added" "$WORK/dated_after"); do
  title=$(jq -r --arg id "$id" '.papers[] | select(.id == $id) | .title' "$dated")
  ! grep -qF -- "$title" "$WORK/README-2024-01.md" || fail "$id is in the 2024-01 list but reported added"
done

# Filters and sorting by date; news.
run --corpus "$dated" list --added-since 2025-01-01 --format ids
expect_code 0
since=$(jq --arg d 2025-01-01 '[.papers[] | select(.added >= $d)] | length' "$dated")
[[ $(grep -c . <<<"$out") -eq $since ]] || fail "--added-since 2025-01-01: $(grep -c . <<<"$out") papers, expected $since"
run --corpus "$dated" list --sort added --format json
expect_code 0
[[ $(jq -r '.[0].added' <<<"$out") == "$(jq -r '[.papers[].added] | max' "$dated")" ]] ||
  fail "--sort added: the first paper is not the latest added"
[[ $(jq -r '[.[].added] == ([.[].added] | sort | reverse)' <<<"$out") == true ]] || fail "--sort added: not newest first"
run --corpus "$dated" search quantization --added-since 2025-01-01 --format ids
expect_code 0
run --corpus "$dated" news --since 2025-01-01
expect_code 0
[[ $(grep -c '^  20' <<<"$out") -ge $since ]] || fail "news --since: fewer lines than papers"
run --corpus "$dated" news --since 2025-01-01 --format json
expect_code 0
[[ $(jq '[.[].papers[].added] | min' <<<"$out") > '"2024-12-31"' ]] || fail "news json: an older paper"
run --corpus "$dated" news quantization --since 2099-01-01
expect_code 0
expect_err_contains "nothing added since 2099-01-01"
run --corpus "$dated" list --added-since 2024-13-01
expect_code 2
run news --since yesterday
expect_code 2

# Refusals: a file outside a repository (2), no git on PATH (4).
cp "$repo/README.md" "$WORK/README.md"
run import "$WORK/README.md" --history
expect_code 2
expect_err_contains "is not in a git repository"
env PATH=/nonexistent "$PAPERTREE_BIN" import "$repo/README.md" --history >/dev/null 2>"$WORK/nogit"
[[ $? -eq 4 ]] || fail "import --history without git: expected exit 4"
grep -q "git is not installed" "$WORK/nogit" || fail "import --history without git: $(<"$WORK/nogit")"

finish
