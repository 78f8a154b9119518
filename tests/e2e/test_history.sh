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

# The shipped corpus carries these dates (data/ is rebuilt with --history; test_import.sh checks
# the whole file).
jq -r '.papers[] | [.id, .added] | @tsv' "$dated" | sort >"$WORK/dates_tip"
run export --format json
jq -r '.papers[] | [.id, .added] | @tsv' <<<"$out" | sort >"$WORK/dates_shipped"
cmp -s "$WORK/dates_tip" "$WORK/dates_shipped" ||
  fail "shipped dates differ from import --history: $(diff "$WORK/dates_tip" "$WORK/dates_shipped" | head -5)"

# The last version of January 2024 against the tip (2025-06). Every paper dated after that
# version is reported added by diff. The other way, a paper diff reports added but dated before is
# allowed only when it was listed on its date, dropped before 2024-02 and listed again (its first
# seen date is the older one): the version of its date lists it, the 2024-01 version does not.
old_commit=$(git -C "$repo" rev-list -1 --before=2024-02-01T00:00:00Z main -- README.md)
old_date=$(git -C "$repo" log -1 --format=%cs "$old_commit")
[[ $old_date == 2024-01-* ]] || fail "the last version before 2024-02 is of $old_date"
git -C "$repo" show "$old_commit:README.md" >"$WORK/README-2024-01.md"
run diff "$WORK/README-2024-01.md" "$repo/README.md" --format json
expect_code 0
jq -r '.papers.added[].id' <<<"$out" | sort >"$WORK/diff_added"
jq -r --arg d "$old_date" '.papers[] | select(.added > $d) | .id' "$dated" | sort >"$WORK/dated_after"
[[ -s "$WORK/diff_added" ]] || fail "diff reports nothing added since $old_date"
missing=$(comm -13 "$WORK/diff_added" "$WORK/dated_after")
[[ -z $missing ]] || fail "dated after $old_date but not reported added by diff: $missing"
"$PAPERTREE_BIN" --quiet import "$WORK/README-2024-01.md" -o "$WORK/old.json" || fail "cannot import the 2024-01 list"
# A paper as a key set: "arxiv:ID", "doi:DOI", "title:lower-case title", one a line.
keys() { jq -r '.papers[] | select(.id == $id) | (if .arxiv then "arxiv:" + .arxiv else empty end),
  (if .doi then "doi:" + (.doi | ascii_downcase) else empty end), "title:" + (.title | ascii_downcase)' \
  --arg id "$1" "$2"; }
listed_in() { # ID CORPUS: the paper ID of $dated shares a key with a paper of CORPUS
  jq -r '.papers[] | (if .arxiv then "arxiv:" + .arxiv else empty end),
    (if .doi then "doi:" + (.doi | ascii_downcase) else empty end), "title:" + (.title | ascii_downcase)' \
    "$2" | grep -qxF -f <(keys "$1" "$dated")
}
exceptions=0
for id in $(comm -23 "$WORK/diff_added" "$WORK/dated_after"); do
  exceptions=$((exceptions + 1))
  added=$(jq -r --arg id "$id" '.papers[] | select(.id == $id) | .added' "$dated")
  ! listed_in "$id" "$WORK/old.json" || fail "$id is in the 2024-01 list but reported added"
  listed_then=false
  for then_commit in $(git -C "$repo" log --format='%H %cs' -- README.md | awk -v d="$added" '$2 == d { print $1 }'); do
    git -C "$repo" show "$then_commit:README.md" >"$WORK/then.md"
    "$PAPERTREE_BIN" --quiet import "$WORK/then.md" -o "$WORK/then.json" --force 2>/dev/null &&
      listed_in "$id" "$WORK/then.json" && listed_then=true && break
  done
  $listed_then || fail "$id is dated $added but no version of that day lists it"
done
# Dropped and listed again is the exception, not the rule.
[[ $exceptions -le 5 ]] || fail "$exceptions papers reported added are dated before $old_date"

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
run --corpus "$dated" list --sort added --reverse --format json
expect_code 0
[[ $(jq -r '[.[].added] == ([.[].added] | sort)' <<<"$out") == true ]] || fail "--sort added --reverse: not oldest first"
run --corpus "$dated" search quantization --added-since 2025-01-01 --format ids
expect_code 0
# search and export take --sort added too: latest first, --reverse oldest first, undated last.
run --corpus "$dated" list quantization --format ids
jq --argjson undated "$(head -2 <<<"$out" | jq -R . | jq -s .)" \
  '.papers |= map(if .id | IN($undated[]) then del(.added) else . end)' "$dated" >"$WORK/some_undated.json"
for reverse in "" --reverse; do
  run --corpus "$WORK/some_undated.json" search quantization --sort added $reverse --format json
  expect_code 0
  jq -e 'map(.added) | (map(select(. != null)) | length) as $n | .[$n:] | all(. == null)' <<<"$out" >/dev/null ||
    fail "search --sort added $reverse: an undated paper before a dated one"
  run --corpus "$WORK/some_undated.json" list --sort added $reverse --format ids
  list_order=$out
  run --corpus "$WORK/some_undated.json" search quantization --sort added $reverse --format ids
  [[ $out == "$(grep -Fx -f <(printf '%s\n' "$out") <<<"$list_order")" ]] ||
    fail "search --sort added $reverse is not list's order"
  run --corpus "$WORK/some_undated.json" export --format json --sort added $reverse
  expect_code 0
  jq -e --arg r "$reverse" '[.papers[].added] | (map(select(. != null))) as $d
    | ($d == (if $r == "" then $d | sort | reverse else $d | sort end))
      and (.[($d | length):] | all(. == null)) and length == ($d | length) + 2' <<<"$out" >/dev/null ||
    fail "export --sort added $reverse: wrong order"
done
run --corpus "$dated" export --format csv --sort added
expect_code 0
first_id=$(sed -n 2p <<<"$out" | cut -d, -f1)
[[ $(jq -r --arg id "$first_id" '.papers[] | select(.id == $id) | .added' "$dated") == \
  "$(jq -r '[.papers[].added] | max' "$dated")" ]] || fail "export csv --sort added: first row $first_id is not the latest"
run --corpus "$dated" export --format json --reverse
expect_code 2
run --corpus "$dated" export --format json --sort newest
expect_code 2
run --corpus "$dated" news --since 2025-01-01
expect_code 0
[[ $(grep -c '^  20' <<<"$out") -ge $since ]] || fail "news --since: fewer lines than papers"
COLUMNS=50 run --corpus "$dated" news --since 2025-01-01
[[ $(wc -L <<<"$out") -le 50 ]] || fail "news on 50 columns: a line of $(wc -L <<<"$out")"
expect_contains "… / Weight-Only Quantization ("
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

# A list in a subdirectory of a small repository: re-titled under the same arXiv id it keeps its
# first date; deleted and added again, the deleting commit is no version.
small_repo="$WORK/small"
mkdir -p "$small_repo/lists"
git -C "$small_repo" init -q
commit_list() { # DATE TEXT: commits lists/survey.md with TEXT (deletes it when TEXT is empty)
  if [[ -n $2 ]]; then printf '%s' "$2" >"$small_repo/lists/survey.md"; else rm "$small_repo/lists/survey.md"; fi
  git -C "$small_repo" add -A
  GIT_AUTHOR_DATE="$1T12:00:00Z" GIT_COMMITTER_DATE="$1T12:00:00Z" git -C "$small_repo" \
    -c user.name=t -c user.email=t@t commit -q -m "$1" || fail "cannot commit $1"
}
head_text=$'# S\n\n## Methods\n\n### Quantization\n\n'
gptq='- GPTQ, <ins>ICLR, 2023</ins> [[Paper](https://arxiv.org/abs/2210.17323)]'
awq='- AWQ, <ins>MLSys, 2024</ins> [[Paper](https://arxiv.org/abs/2306.00978)]'
commit_list 2023-05-01 "$head_text$gptq"$'\n'
commit_list 2023-06-01 "$head_text${gptq/GPTQ/GPTQ: Accurate Post-Training Quantization}"$'\n'
commit_list 2023-07-01 ""
commit_list 2023-08-01 "$head_text${gptq/GPTQ/GPTQ: Accurate Post-Training Quantization}"$'\n'"$awq"$'\n'
run import "$small_repo/lists/survey.md" --history
expect_code 0
expect_err_contains "2 of 2 papers dated from 3 versions in git"
[[ $(jq -r '.papers[] | "\(.title) \(.added)"' <<<"$out") == \
  $'GPTQ: Accurate Post-Training Quantization 2023-05-01\nAWQ 2023-08-01' ]] ||
  fail "small repository: $(jq -c '[.papers[] | [.title, .added]]' <<<"$out")"

# Refusals: a file outside a repository (2), no git on PATH (4).
cp "$repo/README.md" "$WORK/README.md"
run import "$WORK/README.md" --history
expect_code 2
expect_err_contains "is not in a git repository"
env PATH=/nonexistent "$PAPERTREE_BIN" import "$repo/README.md" --history >/dev/null 2>"$WORK/nogit"
[[ $? -eq 4 ]] || fail "import --history without git: expected exit 4"
grep -q "git is not installed" "$WORK/nogit" || fail "import --history without git: $(<"$WORK/nogit")"

finish
