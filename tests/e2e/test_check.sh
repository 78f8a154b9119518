#!/usr/bin/env bash
# `papertree check --against LIST.md`: exit 0 when the corpus exports the list exactly, else a
# unified diff and exit 1; the diff applies as a patch.
source "$(dirname "$0")/lib.sh"
small="$FIXTURES/small.json"

run --corpus "$small" export --format markdown -o "$WORK/list.md"
expect_code 0
run --corpus "$small" check --against "$WORK/list.md"
expect_code 0
[[ -z "$out" ]] || fail "check printed on success: $out"
expect_err_contains "is what the corpus exports"

# The shipped survey regenerates its own export.
run export --format markdown -o "$WORK/survey.md"
run check --against "$WORK/survey.md"
expect_code 0

# One entry edited by hand, one line added: a diff, exit 1.
sed -e '0,/GPTQ/s/GPTQ/GPTQ (edited)/' "$WORK/list.md" >"$WORK/edited.md"
echo "- A stray line" >>"$WORK/edited.md"
run --corpus "$small" check --against "$WORK/edited.md"
expect_code 1
expect_contains "--- $WORK/edited.md"
expect_contains "+++ papertree export --format markdown"
expect_contains "-- A stray line"
expect_contains "GPTQ (edited)"
# Applied to the given list, the diff gives the export.
cp "$WORK/edited.md" "$WORK/patched.md"
patch -s "$WORK/patched.md" <"$WORK/out" || fail "the diff does not apply"
cmp -s "$WORK/patched.md" "$WORK/list.md" || fail "patched list differs from the export"

# The upstream README itself is not an export (it has prose): a diff, exit 1.
run check --against "$UPSTREAM/efficient-llms-survey/README.md"
expect_code 1

run check --against "$WORK/missing.md"
expect_code 4
run check
expect_code 2

finish
