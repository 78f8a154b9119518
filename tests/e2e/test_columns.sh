#!/usr/bin/env bash
# `--columns` for list and search tables and plain output; the short author column; code URLs
# that are never cut; `export --format markdown --authors` and its round trip through import.
source "$(dirname "$0")/lib.sh"
corpus="$FIXTURES/columns.json"
small="$FIXTURES/small.json"

# The default table: short authors ("Dao and Ré", "Frantar et al.", empty when unknown), and the
# code URL when no title has to be cut for it.
COLUMNS=180 run --corpus "$corpus" list --format table
expect_code 0
expect_golden columns_default_180.table
expect_contains "  https://github.com/IST-DASLab/gptq"
# At 100 columns the URLs give way to the ✓ mark; the authors stay.
COLUMNS=100 run --corpus "$corpus" list --format table
expect_golden columns_default_100.table
[[ $out != *"https://"* ]] || fail "a URL in a 100-column default table"
# At 60 the default drops the authors before a title gets fewer than 40 columns.
COLUMNS=60 run --corpus "$corpus" list --format table
expect_golden columns_default_60.table

# Chosen columns, in the order given.
COLUMNS=100 run --corpus "$corpus" list --format table --columns id,authors,code,title
expect_code 0
expect_golden columns_id_authors_code_title_100.table
# A URL is whole or not there: at 60 columns the code column is a ✓.
for cols in 40 60 80 100 140; do
  COLUMNS=$cols run --corpus "$corpus" list --format table --columns title,code
  while IFS= read -r line; do
    [[ $line != *"https://"* || $line == *"https://github.com/IST-DASLab/gptq" ||
      $line == *"https://github.com/Dao-AILab/flash-attention" ]] ||
      fail "COLUMNS=$cols: a cut URL: $line"
  done <<<"$out"
done

# An empty cell shows "—": no blank row, even for a column every paper shown leaves empty.
COLUMNS=100 run --corpus "$corpus" list --format table --columns authors
expect_code 0
[[ $out == $'Lin et al.\nFrantar et al.\nDao and Ré\n—' ]] || fail "--columns authors: got '$out'"
COLUMNS=100 run --corpus "$corpus" list --format table --columns code --has-code
expect_code 0
[[ $(grep -c '^https://' <<<"$out") == 2 ]] || fail "--columns code --has-code: got '$out'"
COLUMNS=100 run --corpus "$corpus" list --format table --columns authors,code
[[ $(tail -1 <<<"$out") == "—               —" ]] || fail "--columns authors,code: got '$out'"
COLUMNS=100 run --corpus "$corpus" list quantization --format table --columns year,code --year 2024
[[ $out == "2024  —" ]] || fail "a paper without code: got '$out'"

# At 40 columns with all seven, columns go (categories, authors, venue, code, year) until the
# title keeps 12 columns; no line is wider than the terminal.
all=id,year,venue,title,authors,code,categories
for cols in 30 40 50 60 80; do
  COLUMNS=$cols run --corpus "$corpus" list --format table --columns $all
  expect_code 0
  while IFS= read -r line; do
    ((${#line} <= cols)) || fail "COLUMNS=$cols: a line of ${#line} columns: $line"
  done <<<"$out"
  [[ $out == *"GPTQ: Accur"* ]] || fail "COLUMNS=$cols: the title has fewer than 12 columns: $out"
done
COLUMNS=40 run --corpus "$corpus" list --format table --columns $all
expect_golden columns_all_40.table
# Without a title there is nothing to make room for: every chosen column is drawn, however narrow.
COLUMNS=20 run --corpus "$corpus" list --format table --columns id,venue,year,categories
expect_code 0
[[ $(head -1 <<<"$out" | awk '{print NF}') == 4 ]] || fail "no title, COLUMNS=20: columns dropped: $out"

# Plain output with --columns: tab-separated, code as the URL, categories as ids.
run --corpus "$corpus" list --columns year,authors,code,categories
expect_code 0
expect_golden columns_plain.txt
# Without --columns, plain output is as before (list_small.plain is the golden of test_list).
run --corpus "$small" list
expect_golden list_small.plain
# search takes the same option, the score stays last.
run --corpus "$corpus" search quantization --columns id,authors
expect_code 0
[[ $(grep '^gptq' <<<"$out" | cut -f1,2) == $'gptq\tFrantar et al.' ]] ||
  fail "search --columns id,authors: got '$out'"
[[ $(awk -F'\t' '{print NF}' <<<"$out" | sort -u) == 3 ]] || fail "search plain: id, authors, score"

# Errors: an unknown or repeated column, and a format that has no columns.
run --corpus "$corpus" list --columns year,bogus
expect_code 2
expect_err_contains 'unknown column "bogus"; valid columns: id, year, venue, title, authors, code, categories'
run --corpus "$corpus" list --columns title,title
expect_code 2
expect_err_contains 'column "title" is given twice'
run --corpus "$corpus" list --columns ""
expect_code 2
expect_err_contains "--columns: empty column name; valid columns: id, year"
run --corpus "$corpus" list --columns title --format json
expect_code 2
expect_err_contains "--columns works with --format table or plain, not json"
run --corpus "$corpus" search quantization --facets --columns title --format json
expect_code 2
expect_err_contains "--columns works with --format table or plain, not json"

# On a terminal the table has a header row.
if command -v script >/dev/null; then
  out=$(COLUMNS=100 script -qec "$PAPERTREE_BIN -c $corpus list --columns id,authors,title" \
    /dev/null | tr -d '\r')
  [[ $(head -1 <<<"$out") == "ID              Authors         Title" ]] ||
    fail "header row on a terminal: got '$(head -1 <<<"$out")'"
fi

# On a terminal the ✓ column is headed "Code", as the URL column is.
if command -v script >/dev/null; then
  out=$(COLUMNS=60 script -qec "$PAPERTREE_BIN -c $corpus list --columns title,code" \
    /dev/null | tr -d '\r')
  [[ $(head -1 <<<"$out") == "Title"*"  Code" ]] ||
    fail "✓ column header on a terminal: got '$(head -1 <<<"$out")'"
  [[ $out == *"…  ✓"* ]] || fail "✓ column on a terminal: got '$out'"
fi

# Markdown with --authors: an italic byline under each entry that has authors, and import reads
# the authors back.
run --corpus "$corpus" export --format markdown --authors
expect_code 0
expect_contains $'[[Code](https://github.com/IST-DASLab/gptq)]<br>\n  *Elias Frantar, Saleh Ashkboos, Torsten Hoefler and Dan Alistarh*'
expect_contains '  *Ji Lin, Ludwig van Beethoven et al.*'
printf '%s\n' "$out" >"$WORK/authors.md"
run import "$WORK/authors.md" -o "$WORK/back.json"
expect_code 0
authors='[.papers[] | {title, a: .authors, t: (.authors_truncated // false)}] | sort_by(.title)'
want=$(jq -cS "$authors" "$corpus")
got=$(jq -cS "$authors" "$WORK/back.json")
[[ $want == "$got" ]] || fail "authors after export --authors and import: want $want, got $got"
# Without --authors the export is as before.
run --corpus "$small" export --format markdown
expect_golden export_small.markdown

finish
