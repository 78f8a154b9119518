#!/usr/bin/env bash
# bench.scale_smoke (CTest): bench/scale runs end to end on two small synthetic corpora: it
# compiles their snapshots, fills the FTS5 tables with every title, writes a CSV row for every
# command at every size and prints the table with the ratio column. Times are not looked at.
# Skips (77) when a tool is missing, unless PAPERTREE_REQUIRE_TOOLS=1. Set by CTest:
# PAPERTREE_BUILD_DIR.
set -u
: "${PAPERTREE_BUILD_DIR:?}"
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/bench/smoke_lib.sh"
require_tools hyperfine jq sqlite3 /usr/bin/time

if ! bash "$root/bench/scale" --sizes "300 600" --runs 2 --build "$PAPERTREE_BUILD_DIR" \
  --data "$work/data" --results "$work/results" >"$work/out" 2>"$work/err"; then
  fail "bench/scale failed: $(tail -20 "$work/err")"
fi
csv="$work/results/scale.csv"
for size in 300 600; do
  for command in "search quantization -n20" "search kv cache -n20" "list efficient-architecture -n20" \
    "show" "tree" "sqlite3 fts5 quantization" "papertree index"; do
    grep -q "^$size,$command,[0-9.e-]*,.*,[0-9]*$" "$csv" || fail "no row for $size / $command in scale.csv"
  done
  titles=$(sqlite3 "$work/data/synthetic-$size.titles.db" "SELECT count(*) FROM papers")
  [[ $titles == "$size" ]] || fail "the FTS5 table of $size papers holds $titles titles"
done
grep -q '^| warm command | 300 papers | 600 papers | 600 ÷ 300 |' "$work/out" || fail "no table printed"
grep -q '^| `tree` | .* ms, .* MB | .* ms, .* MB | .*× |' "$work/out" || fail "no tree row with a ratio"
cmp -s "$work/out" "$work/results/scale.md" || fail "scale.md differs from the printed table"

smoke_finish
