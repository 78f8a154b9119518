#!/usr/bin/env bash
# `papertree validate`: every rule on a corpus full of defects (golden text and JSON, line:col),
# exit codes, --strict, --rule, --ignore, --severity, --explain, per-paper ignore, the shipped corpus.
source "$(dirname "$0")/lib.sh"
defects="$FIXTURES/curate/defects.json"
small="$FIXTURES/small.json"

# The shipped corpus passes, strictly.
run validate --strict
expect_code 0
expect_contains ": 0 errors, 0 warnings, 77 info (not listed; --severity info), 4 ignored by the corpus — passed (--strict)"
run validate --strict --format json
expect_code 0
require_tool jq
[[ $(jq -r '.passed' <<<"$out") == true ]] || fail "shipped corpus: passed is not true"
[[ $(jq -r '.counts.ignored' <<<"$out") == 4 ]] || fail "shipped corpus: 4 ignored expected"

# Every rule at once, with FILE:LINE:COL (run from the fixture's folder: the goldens name it
# as given, defects.json).
cd "$FIXTURES/curate"
run --corpus defects.json validate --severity info
expect_code 1
expect_golden validate_defects.txt
run --corpus defects.json validate --format json --severity info
expect_code 1
expect_golden validate_defects.json
# On a terminal a finding wider than the terminal has its quoted titles cut (to 20 columns at
# least); the golden above, on a pipe with COLUMNS=100, has them whole.
if command -v script >/dev/null; then
  run --corpus defects.json validate --severity info
  tty_out=$(COLUMNS=100 script -qec "$PAPERTREE_BIN -c defects.json validate --severity info" \
    /dev/null | tr -d '\r')
  mapfile -t piped <<<"$out"
  mapfile -t shown <<<"$tty_out"
  ((${#piped[@]} == ${#shown[@]})) || fail "validate on a terminal: ${#shown[@]} lines, not ${#piped[@]}"
  for i in "${!piped[@]}"; do
    [[ ${shown[i]} == "${piped[i]}" || ${shown[i]} == *"…"* ]] ||
      fail "validate on a terminal: changed without a cut: ${shown[i]}"
    ((${#piped[i]} <= 100)) && [[ ${shown[i]} != "${piped[i]}" ]] &&
      fail "validate on a terminal: a line that fits was changed: ${shown[i]}"
  done
  [[ $tty_out == *'title is nearly that of "gptq" (papers[0]): "GPTQ: Accurate Post…"'* ]] ||
    fail "validate on a terminal: the duplicate title is not cut: $tty_out"
  run --corpus defects.json validate --format json --severity info
fi
cd - >/dev/null
jq -e '.findings | length > 10' <<<"$out" >/dev/null || fail "json: findings missing"
# The line:col point at the value: omniquant's title.
[[ $(jq -r '.findings[] | select(.rule == "repeated-prefix") | "\(.line):\(.column)"' <<<"$out") == \
  "$(grep -n '"OmniQuant: OmniQuant' "$defects" | cut -d: -f1):16" ]] || fail "repeated-prefix line:col"

# The default hides info; warnings alone pass without --strict and fail with it.
run --corpus "$defects" validate --rule unknown-venue --rule duplicate-link
expect_code 0
expect_contains "0 errors, 2 warnings, 0 info, 1 ignored by the corpus — passed"
run --corpus "$defects" validate --rule unknown-venue --rule duplicate-link --strict
expect_code 1
expect_contains "— failed (--strict)"
run --corpus "$defects" validate --rule authors-incomplete --strict
expect_code 0
expect_contains "0 errors, 0 warnings, 1 info (not listed; --severity info)"
[[ "$out" != *"no authors"* ]] || fail "info listed without --severity info"

# --ignore switches a rule off; the per-paper "ignore" hides squeezellm's venue.
run --corpus "$defects" validate --ignore shared-identifier --ignore arxiv-format --ignore year-range \
  --ignore run-together-urls --ignore duplicate-category-name
expect_code 0
[[ "$out" != *squeezellm*unknown-venue* && "$out" != *"venue \"Nowhere\""* ]] || fail "paper ignore not applied"
run --corpus "$defects" validate --severity error --format json
expect_code 1
[[ $(jq -r '[.findings[].severity] | unique | join(",")' <<<"$out") == error ]] || fail "--severity error"

# The small fixture has no error.
run --corpus "$small" validate
expect_code 0

# --explain and --list-rules.
run validate --explain repeated-prefix
expect_code 0
expect_contains "repeated-prefix (warning): a title that repeats its own prefix"
run validate --list-rules
expect_code 0
expect_golden validate_rules.txt

# Refusals: unknown rules (2), a broken corpus (3), a missing file (4).
run validate --explain nope
expect_code 2
expect_err_contains 'papertree: error: unknown rule "nope"'
run --corpus "$defects" validate --rule dupe
expect_code 2
expect_err_contains 'papertree: error: unknown rule "dupe"'
expect_err_contains "rules: shared-identifier, duplicate-title,"
printf '{"format": "papertree-corpus", "version": 2, "title": "x", "taxonomy": [], "papers": [' >"$WORK/broken.json"
run --corpus "$WORK/broken.json" validate
expect_code 3
run --corpus "$WORK/missing.json" validate
expect_code 4

# A full stdout is an I/O error, never a silent success.
if [[ -w /dev/full ]]; then
  "$PAPERTREE_BIN" --corpus "$defects" validate >/dev/full 2>"$WORK/err"
  [[ $? -eq 4 ]] || fail "validate >/dev/full: expected exit 4"
fi

finish
