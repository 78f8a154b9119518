#!/usr/bin/env bash
# bench.smoke (CTest): the generator is deterministic and its output loads; every benchmark
# program runs once, briefly, on a small synthetic corpus without an error. Times are not
# looked at. Set by CTest: PAPERTREE_BIN, PAPERTREE_GEN, PAPERTREE_BENCH_PROGRAMS.
set -u
: "${PAPERTREE_BIN:?}" "${PAPERTREE_GEN:?}" "${PAPERTREE_BENCH_PROGRAMS:?}"
source "$(dirname "$0")/smoke_lib.sh"

"$PAPERTREE_GEN" --papers 1000 --seed 7 -o "$work/a.json" --markdown "$work/a.md" || fail "generator exited with $?"
"$PAPERTREE_GEN" --papers 1000 --seed 7 -o "$work/b.json" || fail "generator exited with $?"
"$PAPERTREE_GEN" --papers 1000 --seed 8 -o "$work/c.json" || fail "generator exited with $?"
cmp -s "$work/a.json" "$work/b.json" || fail "same seed, different output"
cmp -s "$work/a.json" "$work/c.json" && fail "different seeds, same output"

"$PAPERTREE_BIN" --corpus "$work/a.json" tree --format json >"$work/tree.json" 2>"$work/err" ||
  fail "papertree does not load the generated corpus: $(cat "$work/err")"
grep -q '"papers": 1000' "$work/tree.json" || fail "the loaded corpus does not hold 1000 papers"
placements=$(grep -c '^      "categories": \[' "$work/a.json")
[[ $placements -eq 1000 ]] || fail "expected 1000 category lists in the JSON, found $placements"
bullets=$(grep -c '^- ' "$work/a.md")
listed=$(awk '/^      "categories": \[/ {in_list = 1; next} in_list && /^      \]/ {in_list = 0} in_list {n++} END {print n}' "$work/a.json")
[[ $bullets -eq $listed ]] || fail "markdown has $bullets bullets for $listed placements"

for program in $PAPERTREE_BENCH_PROGRAMS; do
  name=$(basename "$program")
  if ! "$program" --corpus="$work/a.json" --benchmark_min_time=0.01 --benchmark_format=json \
    >"$work/$name.json" 2>"$work/$name.err"; then
    fail "$name exited with an error: $(cat "$work/$name.err")"
    continue
  fi
  runs=$(grep -c '"run_type"' "$work/$name.json")
  ((runs > 0)) || fail "$name ran no benchmark"
  if grep -q '"error_occurred": true' "$work/$name.json"; then
    fail "$name: a benchmark reported an error: $(grep -A1 '"error_occurred": true' "$work/$name.json")"
  fi
  echo "ok: $name ($runs benchmarks)"
done

smoke_finish
