#!/usr/bin/env bash
# Numeric options say plainly what they expect; options with a set of values take any case and
# the usual other spellings, and suggest the nearest; a list, search or export that matches
# nothing says so, and names a filter that no paper passes at all.
source "$(dirname "$0")/lib.sh"
small="$FIXTURES/small.json"

run --corpus "$small" stats --top 0
expect_code 2
expect_err_contains '--top: expected a whole number ≥ 1, got "0"'
[[ $err != *17976931348623157* ]] || fail "stats --top 0 prints a float range: $err"

run --corpus "$small" tree --depth -1
expect_code 2
expect_err_contains '--depth: expected a whole number ≥ 0, got "-1"'

run --corpus "$small" list -n -1
expect_code 2
expect_err_contains '--limit: expected a whole number ≥ 0, got "-1"'

run --corpus "$small" list -n two
expect_code 2
expect_err_contains '--limit: expected a whole number ≥ 0, got "two"'

run --corpus "$small" tree --depth 99999999999
expect_code 2
expect_err_contains '--depth: 99999999999 is too large: expected a whole number ≥ 0 and ≤ 2147483647'

run --corpus "$small" export -f markdown --depth 1.5
expect_code 2
expect_err_contains '--depth: expected a whole number ≥ 0, got "1.5"'

run --corpus "$small" stats --top 3
expect_code 0
expect_contains "Top venues (3 of"

run --corpus "$small" tree --depth 0
expect_code 0

# The values of a choice: any case, and the spellings people type (csl-json, bib, md).
run --corpus "$small" export -f csljson
expect_code 0
csljson=$out
for spelling in csl-json CSL-JSON CslJson; do
  run --corpus "$small" export -f "$spelling"
  expect_code 0
  [[ $out == "$csljson" ]] || fail "export -f $spelling differs from -f csljson"
done
run --corpus "$small" export -f bibtex
bibtex=$out
run --corpus "$small" export --format bib
expect_code 0
[[ $out == "$bibtex" ]] || fail "export --format bib differs from bibtex"
run --corpus "$small" export -f markdown
markdown=$out
run --corpus "$small" export -f md
expect_code 0
[[ $out == "$markdown" ]] || fail "export -f md differs from markdown"
run --corpus "$small" list -f csljson
list_csljson=$out
run --corpus "$small" list -f csl-json
expect_code 0
[[ $out == "$list_csljson" ]] || fail "list -f csl-json differs from -f csljson"
run --corpus "$small" show gptq -f bib
expect_code 0
expect_contains '@misc{gptq2023,'
run --corpus "$small" list --sort TITLE -f ids
expect_code 0
# md is markdown only where there is a markdown: list has none.
run --corpus "$small" list -f md
expect_code 2
[[ $err == $'papertree: error: --format: "md" is not one of table, plain, json, jsonl, ids, bibtex, csljson\nRun \'papertree list --help\' for usage.' ]] ||
  fail "list -f md: stderr '$err'"
run --corpus "$small" export -f csl-jsn
expect_code 2
[[ $err == $'papertree: error: --format: "csl-jsn" is not one of markdown, bibtex, csljson, csv, json, dot, mermaid, latex, html; did you mean "csljson"?\nRun \'papertree export --help\' for usage.' ]] ||
  fail "export -f csl-jsn: stderr '$err'"
# "csl" is one letter from "csv": no alias, so the typo is refused rather than read as CSL-JSON.
run --corpus "$small" export -f csl
expect_code 2
expect_err_contains '"csl" is not one of'
run --corpus "$small" list --sort yaer
expect_code 2
expect_err_contains '--sort: "yaer" is not one of year, title, venue, added; did you mean "year"?'

# An export that matches nothing notes it on stderr, like list, and still succeeds; a filter that
# no paper passes at all is named, with what the corpus has instead.
run --corpus "$small" export -f markdown --year 2030
expect_code 0
[[ $err == $'papertree: no papers match\npapertree: note: no paper is from 2030; the papers are from 2022 to 2023' ]] ||
  fail "export --year 2030: stderr '$err'"
run --corpus "$small" search attention --venue foo
expect_code 0
[[ -z $out ]] || fail "search attention --venue foo printed papers: $out"
[[ $err == $'papertree: no papers match "attention"\npapertree: note: no paper has the venue "foo"; venues include Blog, EMNLP, ICLR, ICML, NeurIPS' ]] ||
  fail "search attention --venue foo: stderr '$err'"
run --corpus "$small" list --venue neurip --kind website
expect_code 0
[[ $err == $'papertree: no papers match\npapertree: note: no paper has the venue "neurip"; did you mean "NeurIPS"?\npapertree: note: no paper is of the kind "website"; kinds: blog, paper' ]] ||
  fail "list --venue neurip --kind website: stderr '$err'"
run --corpus "$FIXTURES/authors.json" list --author dettmer
expect_code 0
[[ $err == $'papertree: no papers match\npapertree: note: no paper is by "dettmer"; did you mean "Dettmers"?' ]] ||
  fail "list --author dettmer: stderr '$err'"
# Each filter alone keeps papers: only their combination is empty, and nothing is named.
run --corpus "$small" list --venue ICLR --year 2022
expect_code 0
[[ $err == "papertree: no papers match" ]] || fail "list --venue ICLR --year 2022: stderr '$err'"
run --corpus "$small" export -f csv --year 2023
expect_code 0
[[ -z $err ]] || fail "export --year 2023 prints a note: $err"

finish
