#!/usr/bin/env bash
# `papertree export` text formats on the small fixture against golden files, the hostile fixture
# through every format, and -o: atomic write, refusal to overwrite, --force.
source "$(dirname "$0")/lib.sh"
small="$FIXTURES/small.json"
hostile="$FIXTURES/hostile_export.json"

for fmt in markdown bibtex csljson csv json; do
  run --corpus "$small" export --format "$fmt"
  expect_code 0
  expect_golden "export_small.$fmt"
done

run --corpus "$small" export quantization -f markdown
expect_code 0
expect_golden export_small_quantization.markdown

run --corpus "$small" export -f markdown --flat
expect_code 0
expect_golden export_small_flat.markdown

run --corpus "$small" export model-centric/efficient-inference -f csv
expect_code 0
expect_golden export_small_inference.csv

# Every format takes the hostile titles; the output carries no raw escape character where the
# format cannot hold one.
for fmt in markdown bibtex csljson csv json; do
  run --corpus "$hostile" export -f "$fmt"
  expect_code 0
  [[ -n $out ]] || fail "export -f $fmt of the hostile corpus is empty"
done
for fmt in markdown bibtex csljson csv; do
  run --corpus "$hostile" export -f "$fmt"
  [[ $out != *$'\e'* ]] || fail "export -f $fmt lets an ESC character through"
done
run --corpus "$hostile" export -f csv
expect_contains "formula,'=cmd|' /C calc'!A0,arXiv,2024"

# -o writes the file and nothing to stdout.
target="$WORK/list.md"
run --corpus "$small" export -f markdown -o "$target"
expect_code 0
[[ -z $out ]] || fail "export -o printed to stdout: $out"
run --corpus "$small" export -f markdown
cmp -s <(printf '%s\n' "$out") "$target" || fail "export -o wrote something else than stdout shows"
[[ -z $(find "$WORK" -name '.*tmp*' -o -name '*.tmp') ]] || fail "a temporary file was left behind"

# An existing file is refused (exit 4) and left untouched; --force replaces it.
echo "keep me" >"$WORK/existing.bib"
run --corpus "$small" export -f bibtex -o "$WORK/existing.bib"
expect_code 4
expect_err_contains "papertree: error: $WORK/existing.bib: already exists (use --force to overwrite)"
[[ $(cat "$WORK/existing.bib") == "keep me" ]] || fail "the refused file was changed"
run --corpus "$small" export -f bibtex -o "$WORK/existing.bib" --force
expect_code 0
grep -q '^@misc{gptq2023,$' "$WORK/existing.bib" || fail "--force did not write the export"

# A directory that does not exist: an I/O error, exit 4.
run --corpus "$small" export -f csv -o "$WORK/no/such/dir/out.csv"
expect_code 4

run --corpus "$small" export -f yaml
expect_code 2
[[ $err == $'papertree: error: --format: "yaml" is not one of markdown, bibtex, csljson, csv, json, dot, mermaid, latex, html\nRun \'papertree export --help\' for usage.' ]] ||
  fail "export -f yaml: stderr '$err'"

run --corpus "$small" export quantizaton -f csv
expect_code 2
expect_err_contains 'unknown category "quantizaton"'

# The filters of `list` select what is exported, in every format.
run --corpus "$small" export quantization -f csv --year 2023 --has-code
expect_code 0
[[ $out == $'id,title,venue,year,kind,arxiv,paper_url,code_url,categories,authors,doi\r\ngptq,'*$'\r' ]] ||
  fail "filtered csv should hold only gptq: $out"
run export -f json --venue ICLR --year '>=2024'
expect_code 0
printf '%s\n' "$out" >"$WORK/filtered.json"
run --corpus "$WORK/filtered.json" list --format plain
expect_code 0
while IFS=$'\t' read -r _ year venue _; do
  [[ $venue == ICLR && $year -ge 2024 ]] || fail "filtered export holds a $venue $year paper"
done <<<"$out"
[[ -n $out ]] || fail "filtered export is empty"

finish
