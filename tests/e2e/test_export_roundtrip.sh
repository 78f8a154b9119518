#!/usr/bin/env bash
# Markdown export -> `papertree import` gives back the same corpus. Needs the import command
# (branch import); skipped, visibly, in a build without it.
source "$(dirname "$0")/lib.sh"
if ! "$PAPERTREE_BIN" --help 2>/dev/null | grep -qE '^ +import( |$)'; then
  echo "SKIP: this build has no 'import' command" >&2
  exit 77
fi
survey="$PAPERTREE_SOURCE_DIR/data/efficient-llms-survey.json"
require_tool jq

# The real corpus: exporting it and importing the export, with the source facts the markdown does
# not carry given on the command line, reproduces the corpus file byte for byte, but for what
# enrich added (authors, DOIs: docs/enrich.md), the papers' validation "ignore" lists and their
# first-seen dates (`added`, from the list's git history), which the markdown does not carry back.
run --corpus "$survey" export -f markdown -o "$WORK/survey.md"
expect_code 0
run --quiet import "$WORK/survey.md" -o "$WORK/survey.json" \
  --source-url "$(jq -r .source.url "$survey")" --source-commit "$(jq -r .source.commit "$survey")" \
  --citation "$(jq -r .source.citation "$survey")"
expect_code 0
# (An arXiv id enrich found for a paper with no readable arXiv link, "…/1911.02972v", is not in the
# markdown either.)
unenriched='del(.papers[].authors, .papers[].authors_truncated, .papers[].doi, .papers[].ignore, .papers[].added)
  | .papers[] |= (. as $p | if ($p.arxiv // "") != ""
      and ([$p.links[].url | select(test(($p.arxiv | gsub("\\."; "\\.")) + "(v[0-9]+)?([^0-9A-Za-z]|$)"))] | length) == 0
      then del(.arxiv) else . end)'
jq "$unenriched" "$survey" >"$WORK/survey_unenriched.json"
jq "$unenriched" "$WORK/survey.json" >"$WORK/survey_reimported.json"
cmp -s "$WORK/survey_reimported.json" "$WORK/survey_unenriched.json" ||
  fail "markdown round trip changed the survey corpus: $(diff "$WORK/survey_unenriched.json" "$WORK/survey_reimported.json" | head -30)"

# With --authors, every author list of the survey comes back, each name in full and in order
# (where a capitalised multi-word family name splits may move: "Nando De Freitas").
run --corpus "$survey" export -f markdown --authors -o "$WORK/authors.md"
expect_code 0
run --quiet import "$WORK/authors.md" -o "$WORK/authors.json"
expect_code 0
names='[.papers[] | select(.authors) | {id, names: [.authors[] | [.given, .family, .literal] | map(select(. != null)) | join(" ")], truncated: (.authors_truncated // false)}] | sort_by(.id)'
want_names=$(jq -c "$names" "$survey")
got_names=$(jq -c "$names" "$WORK/authors.json")
[[ $(jq length <<<"$want_names") -gt 300 ]] || fail "the survey has too few author lists to test: $want_names"
[[ $got_names == "$want_names" ]] ||
  fail "author lists changed through export --authors and import: $(diff <(jq -c '.[]' <<<"$want_names") <(jq -c '.[]' <<<"$got_names") | head -10)"

# The small fixture: its ids and its empty category are not in the markdown, so the first import
# normalises them, but every paper line comes back; from then on export and import are each
# other's inverse.
run --corpus "$FIXTURES/small.json" export -f markdown -o "$WORK/small.md"
expect_code 0
run --quiet import "$WORK/small.md" -o "$WORK/small1.json"
expect_code 0
run --corpus "$WORK/small1.json" export -f markdown -o "$WORK/small1.md"
expect_code 0
paper_lines() { grep -E '^- [^[]' "$1"; }
cmp -s <(paper_lines "$WORK/small.md") <(paper_lines "$WORK/small1.md") ||
  fail "paper lines changed through import: $(diff <(paper_lines "$WORK/small.md") <(paper_lines "$WORK/small1.md"))"
run --quiet import "$WORK/small1.md" -o "$WORK/small2.json"
expect_code 0
cmp -s "$WORK/small1.json" "$WORK/small2.json" ||
  fail "importing the export of an imported corpus changed it: $(diff "$WORK/small1.json" "$WORK/small2.json" | head -20)"

# The hostile fixture (markdown punctuation, escapes, a repeated heading, non-ASCII capitals, a
# "(…)" and "\<b>" in a table-of-contents label, "|" in a framework cell): export, import, and the
# same papers, titles, venues, links, categories (by name path), taxonomy and frameworks come back,
# with one warning: the paper with no link, venue or year exports as a bare list item, which the
# importer cannot tell from prose, so it names it and counts it as skipped, never drops it
# silently. "Same" is the projection in roundtrip_same.jq (docs/import.md).
hostile="$FIXTURES/hostile_export.json"
run --corpus "$hostile" export -f markdown -o "$WORK/hostile.md"
expect_code 0
run import "$WORK/hostile.md" -o "$WORK/hostile.json"
expect_code 0
warnings=$(grep -c 'warning:' <<<"$err")
((warnings == 1)) && [[ $err == *'list item not read as a paper entry: "\- 1. # Not a heading'* ]] ||
  fail "re-importing the hostile export: expected one warning, for the bare title; got: $err"
[[ $err == *": read 12 entries as 11 papers in 7 categories; skipped 1: 1 not read as an entry" ]] ||
  fail "no import summary: $err"
same="$E2E_DIR/roundtrip_same.jq"
diff <(jq -S -f "$same" "$hostile") <(jq -S -f "$same" "$WORK/hostile.json") >"$WORK/diff" ||
  fail "hostile markdown round trip changed the corpus: $(head -40 "$WORK/diff")"
[[ $(jq '.papers | length' "$WORK/hostile.json") == 11 ]] ||
  fail "hostile round trip: expected 11 papers (12 less the one with no link, venue or year)"

finish
