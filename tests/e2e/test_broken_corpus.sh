#!/usr/bin/env bash
# A broken corpus: exit code 3 and a message naming the file and the place, for every command.
source "$(dirname "$0")/lib.sh"
broken="$FIXTURES/broken"

run --corpus "$broken/syntax.json" tree
expect_code 3
[[ $err == "papertree: error: $broken/syntax.json:5:3: invalid JSON: syntax error while parsing object - unexpected string literal; expected '}'"* ]] ||
  fail "syntax error message: $err"
expect_err_contains '  "taxonomy": []'
[[ -z $out ]] || fail "nothing may reach stdout on error, got: $out"

run --corpus "$broken/unknown-category.json" tree
expect_code 3
expect_err_contains "unknown-category.json: papers[0].categories[1]: unknown category \"b\" (not in the taxonomy)"

PAPERTREE_CORPUS="$broken/syntax.json" run tree
expect_code 3

run --corpus "$WORK/missing.json" tree
expect_code 4
expect_err_contains "missing.json: cannot open: No such file or directory"

run --corpus "$broken" tree
expect_code 4
expect_err_contains "cannot read: is a directory"

head -c 3000 /dev/urandom >"$WORK/random.bin"
run --corpus "$WORK/random.bin" tree
expect_code 3

: >"$WORK/empty.json"
run --corpus "$WORK/empty.json" tree
expect_code 3
expect_err_contains "empty.json: the file is empty, expected a corpus JSON object"

# Output that cannot be written is an I/O error, not a silent success.
if [[ -w /dev/full ]]; then
  "$PAPERTREE_BIN" tree >/dev/full 2>"$WORK/err"
  code=$?
  [[ $code -eq 4 ]] || fail "tree >/dev/full: exit code $code, expected 4"
  grep -q "papertree: error: standard output: cannot write" "$WORK/err" || fail "tree >/dev/full: $(cat "$WORK/err")"
  "$PAPERTREE_BIN" search --help >/dev/full 2>"$WORK/err"
  code=$?
  [[ $code -eq 4 ]] || fail "search --help >/dev/full: exit code $code, expected 4"
  grep -q "papertree: error: standard output: cannot write" "$WORK/err" || fail "--help >/dev/full: $(cat "$WORK/err")"
fi

# A reader that stops early (head) ends the command with exit code 4, quietly: not SIGPIPE's
# 141, and no error line. The BibTeX of the survey is larger than a pipe's buffer, so papertree
# is still writing when head has gone.
status=$( (set -o pipefail; "$PAPERTREE_BIN" export --format bibtex 2>"$WORK/pipe.err" | head -c 10 >/dev/null) ; echo $?)
[[ $status -eq 4 ]] || fail "export | head: exit status $status, expected 4"
[[ ! -s $WORK/pipe.err ]] || fail "export | head printed on stderr: $(cat "$WORK/pipe.err")"
# -o /dev/stdout into a pipe writes into the pipe (the link names "pipe:[N]", no file), and
# stops as quietly.
bytes=$("$PAPERTREE_BIN" export --format bibtex -o /dev/stdout 2>"$WORK/devout.err" | wc -c)
[[ $bytes -gt 65536 && ! -s $WORK/devout.err ]] || fail "-o /dev/stdout | wc -c: $bytes bytes, $(cat "$WORK/devout.err")"
status=$( (set -o pipefail; "$PAPERTREE_BIN" export --format bibtex -o /dev/stdout 2>"$WORK/pipe.err" | head -c 10 >/dev/null) ; echo $?)
[[ $status -eq 4 && ! -s $WORK/pipe.err ]] || fail "-o /dev/stdout | head: exit status $status, $(cat "$WORK/pipe.err")"

run --no-such-flag
expect_code 2
expect_err_contains "papertree: error:"

# A mapped snapshot cut short under a command faults with SIGBUS (BUS_ADRERR) when a lost page
# is read; that ends the command with a message and exit code 3. The shim cuts the file down to
# 4 KiB just after papertree maps it. (Not under AddressSanitizer, whose runtime must be loaded
# before any preloaded library.)
if [[ -n ${PAPERTREE_TRUNCATE_SHIM:-} ]] && ! ldd "$PAPERTREE_BIN" 2>/dev/null | grep -q libasan; then
  run index "$PAPERTREE_SOURCE_DIR/data/efficient-llms-survey.json" -o "$WORK/cut-under.snap"
  expect_code 0
  PAPERTREE_TRUNCATE_MATCHING=cut-under.snap LD_PRELOAD=$PAPERTREE_TRUNCATE_SHIM \
    run --corpus "$WORK/cut-under.snap" list --limit 0
  expect_code 3
  expect_err_contains "papertree: error: a snapshot this command was reading was cut short or rewritten in place by another program; run the command again"
  [[ $(stat -c %s "$WORK/cut-under.snap") -eq 4096 ]] || fail "the shim did not cut the snapshot"
fi
# Any other SIGBUS is not hidden behind that message: one sent with kill to a command waiting for
# a FIFO's writer ends it as the signal would.
mkfifo "$WORK/wait.fifo"
"$PAPERTREE_BIN" --corpus "$WORK/wait.fifo" tree >/dev/null 2>"$WORK/err" &
pid=$!
sleep 0.3
kill -BUS "$pid"
wait "$pid"
code=$?
[[ $code -eq 135 ]] || fail "a SIGBUS sent with kill: exit $code, expected 135 (killed by SIGBUS)"
[[ $(cat "$WORK/err") != *"snapshot"* ]] || fail "a SIGBUS sent with kill blamed a snapshot"

finish
