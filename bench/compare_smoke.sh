#!/usr/bin/env bash
# bench.compare_smoke (CTest): bench/compare runs end to end on the embedded survey and a
# 1000-paper corpus, writes a CSV row for every command and prints the table; bench/plot draws
# it. Times are not looked at. Skips (77) when a comparison tool is missing, unless
# PAPERTREE_REQUIRE_TOOLS=1. Set by CTest: PAPERTREE_BUILD_DIR.
set -u
: "${PAPERTREE_BUILD_DIR:?}"
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/bench/smoke_lib.sh"
require_tools hyperfine rg jq /usr/bin/time gnuplot

if ! bash "$root/bench/compare" --sizes 1000 --quick --build "$PAPERTREE_BUILD_DIR" \
  --data "$work/data" --results "$work/results" >"$work/out" 2>"$work/err"; then
  fail "bench/compare failed: $(tail -20 "$work/err")"
fi
csv="$work/results/compare.csv"
for dataset in embedded synthetic-1000; do
  for command in "papertree tree" "rg -i" "grep -i" "jq category" "jq search"; do
    grep -q "^$dataset,[0-9]*,[0-9]*,$command,.*,[0-9]*$" "$csv" ||
      fail "no row for $dataset / $command in compare.csv"
  done
done
grep -q '^| corpus | command | median ms |' "$work/out" || fail "no table printed"
cmp -s "$work/out" "$work/results/compare.md" || fail "compare.md differs from the printed table"
bash "$root/bench/plot" "$csv" "$work/perf.png" 2>"$work/plot.err" || fail "bench/plot failed: $(cat "$work/plot.err")"
[[ -s $work/perf.png ]] || fail "bench/plot wrote no PNG"

smoke_finish
