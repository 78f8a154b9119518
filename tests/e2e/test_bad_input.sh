#!/usr/bin/env bash
# The bad-input suite: every row of tests/e2e/bad_input.tsv runs the real binary on one hostile
# input or fault and checks, for each:
#   - no signal (no crash, no kill by the time or memory limit), the expected exit code;
#   - stderr holds the expected fragment (which names the file and the place), and a failure
#     prints exactly one "papertree: error:" line; a success prints none;
#   - a failing case wrote nothing to the -o target ($OUT missing, or still "untouched") and left
#     no temporary file beside it.
# Each case runs under `timeout` and `ulimit -v` (the memory cap is dropped, with a note, when
# the binary cannot start under it: AddressSanitizer reserves terabytes of address space).
#
# Table columns, tab-separated: name, exit code, stderr fragment ("-": no error), shell snippet.
# In the snippet `pt` runs papertree; $IN holds the generated inputs (below), $FIX the test
# fixtures, $OUT an output path in a fresh directory $OUTDIR; `untouched` writes a sentinel to $OUT.
source "$(dirname "$0")/lib.sh"
table="$E2E_DIR/bad_input.tsv"
IN="$WORK/in"
mkdir -p "$IN"
python3 "$E2E_DIR/bad_input_inputs.py" "$IN" || fail "bad_input_inputs.py failed"

memory_kb=4000000
seconds=60
if ! (ulimit -v "$memory_kb" && "$PAPERTREE_BIN" --version) >/dev/null 2>&1; then
  echo "NOTE: $PAPERTREE_BIN cannot start under ulimit -v $memory_kb (a sanitizer build): cases run without the memory cap" >&2
  memory_kb=unlimited
fi

cases=0
while IFS=$'\t' read -r name want fragment snippet; do
  [[ -z $name || $name == \#* ]] && continue
  cases=$((cases + 1))
  outdir="$WORK/out-$cases"
  mkdir -p "$outdir"
  # shellcheck disable=SC2016
  IN="$IN" FIX="$FIXTURES" OUTDIR="$outdir" OUT="$outdir/out" \
    timeout -s KILL "$seconds" bash -c '
      ulimit -v '"$memory_kb"'
      pt() { "$PAPERTREE_BIN" "$@"; }
      untouched() { echo untouched >"$OUT"; }
      '"$snippet" >"$WORK/case-out" 2>"$WORK/case-err" </dev/null
  code=$?
  err=$(cat "$WORK/case-err")
  where="case $name ($snippet)"
  if ((code >= 128 && code != want)); then
    fail "$where: killed by signal $((code - 128)) (137: the ${seconds}s time limit); stderr: ${err:0:500}"
    continue
  fi
  [[ $code -eq $want ]] || fail "$where: exit code $code, expected $want; stderr: ${err:0:500}"
  # Errors quote what the user gave, cut short: a huge argument or file never floods the terminal.
  ((${#err} <= 4096)) || fail "$where: stderr of ${#err} bytes (untrusted text quoted in full?): ${err:0:300}"
  errors=$(grep -c '^papertree: error: ' "$WORK/case-err")
  if [[ $fragment == - ]]; then
    ((errors == 0)) || fail "$where: expected no error, got: ${err:0:500}"
  else
    [[ $err == *"$fragment"* ]] || fail "$where: stderr lacks '$fragment'; got: ${err:0:500}"
    ((errors == 1)) || fail "$where: expected one 'papertree: error:' line, got $errors: ${err:0:500}"
  fi
  if ((want != 0)); then
    if [[ -f $outdir/out && $(cat "$outdir/out") != untouched ]]; then
      fail "$where: failed but wrote to its -o target"
    fi
    leftovers=$(find "$outdir" -name '.*.tmp-*' | head -3)
    [[ -z $leftovers ]] || fail "$where: left temporary files: $leftovers"
  fi
done <"$table"

((cases >= 80)) || fail "the bad-input table has $cases cases, expected at least 80"
echo "bad-input cases run: $cases"
finish
