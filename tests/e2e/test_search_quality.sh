#!/usr/bin/env bash
# Search quality on the shipped corpus (docs/search-quality.md): mean precision@10 must not fall
# below the figures measured when the ranking was last changed (dev 0.975, held-out 0.937,
# fresh 0.985, unseen 0.853, later 0.971, blind 0.900, category names 0.999, probe 0.985; the
# floors leave a little room),
# and papertree must beat the grep baseline on every split.
source "$(dirname "$0")/lib.sh"
require_tool python3
harness="$PAPERTREE_SOURCE_DIR/bench/search-quality/precision.py"

check_split() {
  local split=$1 floor=$2 out ours grep_p
  out="$(python3 "$harness" "$PAPERTREE_BIN" --split "$split" --min "$floor" 2>"$WORK/err")" ||
    fail "$split precision@10 below $floor: $out $(cat "$WORK/err")"
  ours=$(awk '$1 == "papertree" {print $4}' <<<"$out")
  grep_p=$(awk '$1 == "grep" {print $4}' <<<"$out")
  [[ -n $ours && -n $grep_p ]] || fail "harness printed no figures: $out"
  awk -v a="$ours" -v b="$grep_p" 'BEGIN {exit !(a > b)}' ||
    fail "$split: papertree $ours is not above grep $grep_p"
}
check_split dev 0.96
check_split heldout 0.92
check_split fresh 0.96
check_split unseen 0.83
check_split later 0.94
check_split blind 0.88
check_split names 0.98
check_split probe 0.96
finish
