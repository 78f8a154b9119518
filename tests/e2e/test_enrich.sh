#!/usr/bin/env bash
# `papertree enrich`: the shipped author metadata (CSL-JSON) and the same records as BibTeX made by
# pandoc and bibtool give the same corpus; the report (golden) lists matches, unmatched records and
# conflicts; --dry-run, -o/--force, --prefer source, --format json; malformed input.
source "$(dirname "$0")/lib.sh"
require_tool jq
require_tool pandoc
require_tool bibtool
require_tool iconv
meta="$UPSTREAM/metadata/efficient-llms-survey.authors.csl.json"
survey="$UPSTREAM/efficient-llms-survey"

# The corpus before enrich: the upstream README imported, the documented fixes applied.
"$PAPERTREE_BIN" --quiet import "$survey/README.md" -o "$WORK/imported.json" || fail "import failed"
jq -f "$PAPERTREE_SOURCE_DIR/data/efficient-llms-survey.fixes.jq" "$WORK/imported.json" >"$WORK/base.json"

# CSL-JSON: the report is the documented one (docs/enrich.md lists its conflicts).
run --corpus "$WORK/base.json" enrich "$meta" -o "$WORK/from_csl.json"
expect_code 0
sed "s|$UPSTREAM/metadata/||" "$WORK/out" >"$WORK/report" && cp "$WORK/report" "$WORK/out"
expect_golden enrich_survey_report.txt
with_authors=$(jq '[.papers[] | select(.authors)] | length' "$WORK/from_csl.json")
((with_authors >= 350)) || fail "only $with_authors papers have authors"

# The same records as BibLaTeX and BibTeX written by pandoc, and re-formatted by bibtool.
pandoc -f csljson -t biblatex "$meta" -o "$WORK/pandoc.bib" || fail "pandoc biblatex failed"
pandoc -f csljson -t bibtex "$meta" -o "$WORK/pandoc-bibtex.bib" || fail "pandoc bibtex failed"
bibtool -q -s "$WORK/pandoc.bib" -o "$WORK/bibtool.bib" || fail "bibtool failed"
for bib in pandoc.bib bibtool.bib; do
  run --corpus "$WORK/base.json" enrich "$WORK/$bib" -o "$WORK/from_$bib.json"
  expect_code 0
  expect_contains "matched 355"
  cmp -s "$WORK/from_$bib.json" "$WORK/from_csl.json" ||
    fail "enrich from $bib differs from CSL-JSON: $(diff "$WORK/from_$bib.json" "$WORK/from_csl.json" | head -10)"
done
# pandoc's BibTeX writer drops DOI and URL, so those records match by title alone: fewer match
# (the retitled papers), but every author list it sets is the one the CSL-JSON gives.
run --corpus "$WORK/base.json" enrich "$WORK/pandoc-bibtex.bib" -o "$WORK/from_pandoc-bibtex.json"
expect_code 0
expect_contains "(0 by DOI, 0 by arXiv id, "
differing=$(jq -n --slurpfile a "$WORK/from_pandoc-bibtex.json" --slurpfile b "$WORK/from_csl.json" \
  '[[$a[0].papers, $b[0].papers] | transpose[] | select(.[0].authors != null and .[0].authors != .[1].authors)] | length')
[[ $differing == 0 ]] || fail "pandoc's BibTeX gave $differing author lists unlike the CSL-JSON's"
set_by_bibtex=$(jq '[.papers[] | select(.authors)] | length' "$WORK/from_pandoc-bibtex.json")
((set_by_bibtex >= 330)) || fail "pandoc's BibTeX set only $set_by_bibtex author lists"

# Accents as LaTeX commands ({\'e}, {\"u}): bibtool's iso2tex on the records written in Latin-1.
jq '[.[] | select([.title, (.author[] | .family, .given, .literal) | strings | explode[] | select(. > 255)] | length == 0)]' \
  "$meta" >"$WORK/latin1.json"
# (pandoc writes typographic apostrophes, which iconv transliterates back to ASCII.)
pandoc -f csljson -t biblatex "$WORK/latin1.json" | iconv -f UTF-8 -t LATIN1//TRANSLIT |
  bibtool -q -r iso2tex >"$WORK/tex.bib" ||
  fail "bibtool iso2tex failed"
grep -q "{\\\\'e}" "$WORK/tex.bib" || fail "bibtool wrote no accent command: $(head -c 300 "$WORK/tex.bib")"
run --corpus "$WORK/base.json" enrich "$WORK/latin1.json" -o "$WORK/latin1_csl.json"
expect_code 0
run --corpus "$WORK/base.json" enrich "$WORK/tex.bib" -o "$WORK/latin1_tex.json"
expect_code 0
cmp -s "$WORK/latin1_csl.json" "$WORK/latin1_tex.json" ||
  fail "accented BibTeX differs from CSL-JSON: $(diff "$WORK/latin1_csl.json" "$WORK/latin1_tex.json" | head -10)"

# --dry-run lists the changes and writes nothing; the corpus on stdout when there is no -o.
run --corpus "$WORK/base.json" enrich "$meta" --dry-run
expect_code 0
expect_contains 'Dry run: nothing written.'
expect_contains 'flashattention: authors: (none) -> "Tri Dao, Daniel Y. Fu, Stefano Ermon, Atri Rudra and Christopher Ré"'
run --quiet --corpus "$WORK/base.json" enrich "$meta"
expect_code 0
[[ $out == "$(cat "$WORK/from_csl.json")" ]] || fail "enrich without -o did not print the corpus"
[[ -z $err ]] || fail "--quiet still printed the report: ${err:0:200}"

# An existing output is refused and kept; --force replaces it.
echo keep >"$WORK/existing.json"
run --corpus "$WORK/base.json" enrich "$meta" -o "$WORK/existing.json"
expect_code 4
expect_err_contains "already exists (use --force to overwrite)"
[[ $(cat "$WORK/existing.json") == keep ]] || fail "a refused enrich changed the file"
run --corpus "$WORK/base.json" enrich "$meta" -o "$WORK/existing.json" --force
expect_code 0
cmp -s "$WORK/existing.json" "$WORK/from_csl.json" || fail "--force did not write the corpus"

# A record carrying another arXiv id than the corpus's (Zephyr's real id; the list links another
# paper's) is a conflict: kept, or taken with --prefer source; --format json reports the same.
jq '[.[] | select(.title | startswith("Zephyr")) | .DOI = "10.48550/arXiv.2310.16944"]' "$meta" >"$WORK/conflict.json"
run --corpus "$WORK/from_csl.json" enrich "$WORK/conflict.json" --dry-run
expect_code 0
expect_contains '1 conflict:'
expect_contains 'zephyr: arxiv: corpus "2312.09571", source "2310.16944" ('"$WORK"'/conflict.json:2; kept the corpus'"'"'s; --prefer source takes it)'
expect_contains 'Changed 0 papers.'
run --corpus "$WORK/from_csl.json" enrich "$WORK/conflict.json" --prefer source -o "$WORK/preferred.json"
expect_code 0
[[ $(jq -r '.papers[] | select(.id == "zephyr") | .arxiv' "$WORK/preferred.json") == 2310.16944 ]] ||
  fail "--prefer source did not take the record's arXiv id"
run --corpus "$WORK/from_csl.json" enrich "$WORK/conflict.json" --prefer source --dry-run --format json
expect_code 0
[[ $(jq -c '[.conflicts[] | [.paper, .field, .corpus, .source, .resolution]]' <<<"$out") == '[["zephyr","arxiv","2312.09571","2310.16944","source"]]' ]] ||
  fail "json conflicts: $(jq -c .conflicts <<<"$out")"
[[ $(jq -c '[.changes[] | [.field, .after]]' <<<"$out") == '[["arxiv","2310.16944"],["doi","10.48550/arXiv.2310.16944"]]' ]] ||
  fail "json changes: $(jq -c .changes <<<"$out")"
[[ $(jq '.dry_run' <<<"$out") == true ]] || fail "json: dry_run is not true"
run --corpus "$WORK/base.json" enrich "$meta" --format json
expect_code 2
expect_err_contains "--format json prints the report on stdout: give -o FILE or --dry-run"

# Enriching the enriched corpus again changes nothing.
run --corpus "$WORK/from_csl.json" enrich "$meta" --dry-run
expect_code 0
expect_contains "Changed 0 papers."

# Malformed input: exit 3 with file:line:col; a missing file: exit 4.
printf '@article{k,\n  title = {T}\n  author = {A}\n}\n' >"$WORK/bad.bib"
run --corpus "$WORK/base.json" enrich "$WORK/bad.bib" --dry-run
expect_code 3
expect_err_contains "papertree: error: $WORK/bad.bib:3:3: expected ',' or '}' after a field, found \"a\""
printf '[\n {"title": "x",\n' >"$WORK/bad.json"
run --corpus "$WORK/base.json" enrich "$WORK/bad.json" --dry-run
expect_code 3
expect_err_contains "papertree: error: $WORK/bad.json:3:1: not valid CSL-JSON"
run --corpus "$WORK/base.json" enrich "$WORK/missing.bib"
expect_code 4
run enrich
expect_code 2

# On a terminal the report's long titles and author lists are cut to fit; on a pipe they are
# whole, whatever COLUMNS says.
long="A Title Long Enough To Need Cutting That Matches No Paper Of The Small Corpus However Hard One Looks"
cat >"$WORK/refs.bib" <<BIB
@article{nomatch, title={$long}, author={Doe, Jane}}
@article{gptq, title={GPTQ: Accurate Quantization for Generative Pre-trained Transformers},
  author={Frantar, Elias and Ashkboos, Saleh and Hoefler, Torsten and Alistarh, Dan and Doe, Jane and Roe, Richard}}
BIB
cd "$WORK"
COLUMNS=100 run --corpus "$FIXTURES/small.json" enrich refs.bib --dry-run
expect_code 0
expect_contains "  refs.bib:1: \"$long\" (no paper has this DOI, arXiv id or title)"
expect_contains "Jane Doe and Richard Roe\""
if command -v script >/dev/null; then
  tty_out=$(COLUMNS=100 script -qec "$PAPERTREE_BIN -c $FIXTURES/small.json enrich refs.bib --dry-run" \
    /dev/null | tr -d '\r')
  [[ $(wc -l <<<"$tty_out") == $(wc -l <<<"$out") ]] || fail "enrich on a terminal: other lines: $tty_out"
  while IFS= read -r line; do
    ((${#line} <= 100)) || fail "enrich on a terminal: a line of ${#line} columns: $line"
  done <<<"$tty_out"
  [[ $tty_out == *"  refs.bib:1: \"A Title Long Enough"*"…\" (no paper has this DOI, arXiv id or title)"* ]] ||
    fail "enrich on a terminal: the title is not cut: $tty_out"
  [[ $tty_out == *"  gptq: authors: "*"…\""* ]] || fail "enrich on a terminal: authors not cut: $tty_out"
fi
cd - >/dev/null

# What btparse warns about reaches stderr as papertree's own warnings, FILE:LINE first, and no
# line of btparse's own ("refs.bib, line 2, warning: …"); --quiet drops them.
cat >"$WORK/warn.bib" <<'BIB'
@string{v = "A"}
@string{v = "B"}
@misc{k1, title = {GPTQ: Accurate Quantization for Generative Pre-trained Transformers},
  author = {Frantar, Elias and and Alistarh, Dan}, title = {Again}}
junk between entries
@misc{k2, title = "Un" # {known}, author = {{OpenAI}}}
BIB
cd "$WORK"
run --corpus "$FIXTURES/small.json" enrich warn.bib --dry-run
expect_code 0
expected_err='papertree: warning: warn.bib:2: overriding existing definition of macro "v"
papertree: warning: warn.bib:3: empty name (name 2)
papertree: warning: warn.bib:4: entry "k1" gives the field "title" again; the first one is read, as BibTeX does'
[[ $err == "$expected_err" ]] || fail "enrich warn.bib: stderr is not papertree's warnings: $err"
run --quiet --corpus "$FIXTURES/small.json" enrich warn.bib --dry-run
expect_code 0
[[ -z $err ]] || fail "enrich --quiet warn.bib: stderr not empty: $err"
# Numbers in CSL-JSON are read as written (an arXiv id's last zero kept, a 20-digit key whole).
printf '[{"id": 99999999999999999999, "title": "No Such Paper", "number": 2306.00970}]\n' >nums.json
run --corpus "$FIXTURES/small.json" enrich nums.json --dry-run --format json
expect_code 0
[[ $(jq -r '.unmatched[0].key' <<<"$out") == 99999999999999999999 ]] ||
  fail "enrich nums.json: the key is not as written: $out"
cd - >/dev/null

finish
