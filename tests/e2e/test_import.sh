#!/usr/bin/env bash
# `papertree import`: fixture lists, warnings with file:line, -o, errors, and the upstream README
# re-imported into the shipped corpus.
source "$(dirname "$0")/lib.sh"
imp="$FIXTURES/import"
survey="$UPSTREAM/efficient-llms-survey"

# A list in another style: no warnings, canonical JSON on stdout.
run import "$imp/other_style.md"
expect_code 0
expect_golden import_other_style.json
# Only the summary line: how many entries were read as how many papers, and what was skipped.
[[ $err == "papertree: $imp/other_style.md: read 5 entries as 4 papers in 4 categories" ]] ||
  fail "other_style.md: unexpected stderr: $err"

# Warnings name the file and line on stderr; --quiet silences them, the output stays the same.
# Italic notes under an entry are no byline, even in a list of capitalised words; a real byline
# with a few names in lower case or with a nickname is one.
run --quiet import "$imp/italic_notes.md" -o "$WORK/notes.json"
expect_code 0
[[ $(jq '[.papers[] | select(.authors)] | length' "$WORK/notes.json") == 1 ]] ||
  fail "italic notes read as authors: $(jq -c '.papers[] | select(.authors) | [.title, .authors]' "$WORK/notes.json")"
[[ $(jq -c '[.papers[] | select(.authors) | .authors[] | [.given, .family] | join(" ")]' "$WORK/notes.json") == '["Ada Lovelace","Alan Turing","Grace Hopper","tao li","Edsger Dijkstra","Shaochen (Henry) Zhong"]' ]] ||
  fail "the real byline: $(jq -c '.papers[] | select(.authors) | .authors' "$WORK/notes.json")"

run import "$imp/misspelled_venues.md"
expect_code 0
expect_err_contains "papertree: warning: $imp/misspelled_venues.md:4: venue \"NeurlPS\" read as \"NeurIPS\""
with_warnings="$out"
run --quiet import "$imp/misspelled_venues.md"
expect_code 0
[[ -z $err ]] || fail "--quiet still printed: $err"
[[ $out == "$with_warnings" ]] || fail "--quiet changed the output"

# -o writes the file (atomically) and nothing to stdout; the file loads as a corpus.
run import "$imp/frameworks.md" -o "$WORK/fw.json" --title "Frameworks list" --source-url https://example.org/l
expect_code 0
[[ -z $out ]] || fail "-o also wrote to stdout"
mkdir "$WORK/atomic"
run -q import "$imp/frameworks.md" -o "$WORK/atomic/fw.json"
[[ $(ls -A "$WORK/atomic") == fw.json ]] || fail "-o left other files behind: $(ls -A "$WORK/atomic")"
run -q import "$imp/frameworks.md" -o "$WORK/no-such-dir/fw.json"
expect_code 4
cp "$WORK/fw.json" "$WORK/out"
expect_golden import_frameworks.json
# An existing -o file is refused (exit 4) and left untouched, as export does; --force replaces it.
echo keep >"$WORK/existing.json"
run -q import "$imp/frameworks.md" -o "$WORK/existing.json"
expect_code 4
expect_err_contains "papertree: error: $WORK/existing.json: already exists (use --force to overwrite)"
[[ $(cat "$WORK/existing.json") == keep ]] || fail "a refused import -o changed the existing file"
run -q import "$imp/frameworks.md" -o "$WORK/existing.json" --force --title "Frameworks list" \
  --source-url https://example.org/l
expect_code 0
cmp -s "$WORK/existing.json" "$WORK/fw.json" || fail "import --force did not write the corpus"
run --corpus "$WORK/fw.json" stats --format json
expect_code 0
expect_contains '"papers": 1,'
expect_contains '"frameworks": 3,'

# Not a paper list: exit 3 with a clear message; a missing file: exit 4.
# A list item that reads as no entry is warned about with line:column and counted as skipped;
# the byline form (*Title*. Authors. Venue Year) is read without any link.
run import "$imp/unread_items.md" -o "$WORK/unread.json" --force
expect_code 0
expect_err_contains "papertree: warning: $imp/unread_items.md:14:3: list item not read as a paper entry: \"*Italic Title Only*. ICML 2023\"; skipped"
expect_err_contains "read 2 entries as 2 papers in 1 category; skipped 2: 2 not read as entries"
got=$(jq -c '[.papers[] | select(.title == "Byline Method") | .authors[0].family, .venue, .year]' "$WORK/unread.json")
[[ $got == '["Moss","ICLR",2024]' ]] || fail "byline entry: got $got"

# A year with a letter O for its zero: a warning at the year's line:column naming it, the venue
# kept, and no year (none is taken from the arXiv id either).
cat >"$WORK/mistyped.md" <<'MD'
# L
## Methods
- Typo Method, <ins>ICML, 2O23</ins> [[Paper](https://arxiv.org/abs/2306.00978)]
- Parenthesised Typo (ICML 2O23) [[Paper](https://example.org/p)]
MD
run import "$WORK/mistyped.md"
expect_code 0
expect_err_contains "papertree: warning: $WORK/mistyped.md:3:27: \"2O23\" is no year (a letter where a digit belongs); read without a year"
expect_err_contains "papertree: warning: $WORK/mistyped.md:4:28: \"2O23\" is no year (a letter where a digit belongs); read without a year"
got=$(jq -c '[.papers[] | [.id, (.venue // ""), (.year // 0)]]' <<<"$out")
[[ $got == '[["typo-method","ICML",0],["parenthesised-typo-icml-2o23","",0]]' ]] ||
  fail "mistyped year: got $got"

run import "$imp/no_entries.md"
expect_code 3
expect_err_contains "papertree: error: $imp/no_entries.md: no paper entries found under any heading"
printf '# T\n\0\1\2binary' >"$WORK/blob.md"
run import "$WORK/blob.md"
expect_code 3
expect_err_contains "this is a binary file (it holds a NUL byte), not a markdown paper list"
run import "$WORK/missing.md"
expect_code 4
run import
expect_code 2

# The upstream README: only the documented warnings (golden), and with the options, the first-seen
# dates from the upstream's history (the bundle, cloned), the hand fixes and enrich with the author
# metadata (README, "Rebuilding the corpus") it gives the shipped corpus byte for byte.
(cd "$survey" && "$PAPERTREE_BIN" import README.md >"$WORK/upstream.json" 2>"$WORK/out")
expect_golden import_upstream_warnings.txt
require_tool jq
require_tool git
git clone -q -b main "$survey/history.bundle" "$WORK/upstream" 2>/dev/null || fail "cannot clone the bundle"
cmp -s "$WORK/upstream/README.md" "$survey/README.md" || fail "the bundle's tip is not the upstream README"
source_url=$(jq -r .source.url "$PAPERTREE_SOURCE_DIR/data/efficient-llms-survey.json")
commit=$(jq -r .source.commit "$PAPERTREE_SOURCE_DIR/data/efficient-llms-survey.json")
citation=$(jq -r .source.citation "$PAPERTREE_SOURCE_DIR/data/efficient-llms-survey.json")
run --quiet import "$WORK/upstream/README.md" --history --source-url "$source_url" --source-commit "$commit" \
  --citation "$citation" -o "$WORK/survey.json"
expect_code 0
jq -f "$PAPERTREE_SOURCE_DIR/data/efficient-llms-survey.fixes.jq" "$WORK/survey.json" >"$WORK/fixed.json"
run --corpus "$WORK/fixed.json" enrich "$UPSTREAM/metadata/efficient-llms-survey.authors.csl.json" \
  -o "$WORK/enriched.json"
expect_code 0
cmp -s "$WORK/enriched.json" "$PAPERTREE_SOURCE_DIR/data/efficient-llms-survey.json" ||
  fail "re-import + fixes + enrich differs from data/efficient-llms-survey.json: $(diff "$WORK/enriched.json" "$PAPERTREE_SOURCE_DIR/data/efficient-llms-survey.json" | head -20)"

# -o naming the markdown being imported is refused, --force or not: the list stays.
cp "$imp/other_style.md" "$WORK/self.md"
run import "$WORK/self.md" -o "$WORK/self.md" --force
expect_code 2
expect_err_contains "self.md: -o names the markdown file being imported; write the corpus elsewhere"
cmp -s "$imp/other_style.md" "$WORK/self.md" || fail "import -o over its own list changed it"

# The embedded default corpus is the real survey.
run tree
expect_code 0
expect_contains "Efficient Large Language Models: A Survey"
expect_contains "MoE Efficient Supervised Fine-Tuning"
run tree --format json
expect_code 0
expect_contains '"papers": 432,'

finish
