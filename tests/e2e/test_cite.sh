#!/usr/bin/env bash
# Cite anything: `show PAPER… --format bibtex|csljson`, `search|list --format bibtex|csljson`,
# `export --ids FILE|-` (ids, arXiv ids or URLs, DOIs), all with the keys of the whole export.
source "$(dirname "$0")/lib.sh"
require_tool jq

# show: several papers, by id, arXiv id and DOI, each once, in the order given.
run show sparsegpt 2306.00978 10.48550/arXiv.2305.14314 sparsegpt --format bibtex
expect_code 0
[[ $(grep -oE '^@[a-z]+\{[^,]+' <<<"$out" | paste -sd' ') == '@inproceedings{frantar2023sparsegpt @misc{lin2023awq @inproceedings{dettmers2023qlora' ]] ||
  fail "show --format bibtex entries: $(grep -E '^@' <<<"$out")"
expect_contains '  author = {Frantar, Elias and Alistarh, Dan},'
show_bib="$out"
run export -f bibtex
whole="$out"
while IFS= read -r key; do
  entry=$(awk -v k="$key" '$0 ~ "^@[a-z]+\\{" k "," {p=1} p {print} p && /^}$/ {exit}' <<<"$whole")
  [[ $show_bib == *"$entry"* ]] || fail "show's entry for $key differs from the export's"
done < <(grep -oE '^@[a-z]+\{[^,]+' <<<"$show_bib" | sed 's/^@[a-z]*{//')

run show sparsegpt awq --format csljson
expect_code 0
[[ $(jq -r '[.[].id] | join(" ")' <<<"$out") == "frantar2023sparsegpt lin2023awq" ]] || fail "show csljson ids: $out"
[[ $(jq -r '.[0].author[0].family' <<<"$out") == Frantar ]] || fail "csljson lacks the authors"
run show sparsegpt awq --format json
expect_code 0
[[ $(jq -r '[.[].id] | join(" ")' <<<"$out") == "sparsegpt awq" ]] || fail "show json of two papers is not an array: $out"
run show https://doi.org/10.48550/arXiv.2301.00774
expect_code 0
expect_contains 'SparseGPT'
expect_contains 'Elias Frantar and Dan Alistarh'

# search and list print the same entries as the export, in result order, --limit applied.
run search sparsegpt --format bibtex --limit 1
expect_code 0
[[ $(grep -c '^@' <<<"$out") == 1 ]] || fail "search --format bibtex --limit 1: $(grep -c '^@' <<<"$out") entries"
run search quantization --format ids --limit 0
ids="$out"
run search quantization --format csljson --limit 0
expect_code 0
[[ $(jq length <<<"$out") == $(wc -l <<<"$ids") ]] || fail "search csljson: $(jq length <<<"$out") items for $(wc -l <<<"$ids") ids"
run list quantization --format bibtex --limit 0
expect_code 0
[[ $(grep -c '^@' <<<"$out") -gt 10 ]] || fail "list --format bibtex printed $(grep -c '^@' <<<"$out") entries"

# export --ids: a reading list with comments, blank lines, URLs and DOIs; from a file or stdin.
printf '%s\n' '# reading list' 2306.00978 '' https://arxiv.org/abs/2301.00774v2 10.48550/arXiv.2305.14314 awq >"$WORK/reading.txt"
run export --ids "$WORK/reading.txt" --format bibtex
expect_code 0
[[ $(grep -oE '^@[a-z]+\{[^,]+' <<<"$out" | sed 's/^@[a-z]*{//' | paste -sd' ') == "lin2023awq frantar2023sparsegpt dettmers2023qlora" ]] ||
  fail "export --ids: $(grep -E '^@' <<<"$out")"
from_file="$out"
"$PAPERTREE_BIN" export --ids - --format bibtex <"$WORK/reading.txt" >"$WORK/stdin.bib" || fail "export --ids - failed"
[[ $(cat "$WORK/stdin.bib") == "$from_file" ]] || fail "export --ids - differs from the file"
"$PAPERTREE_BIN" search sparsegpt --format ids --limit 1 | "$PAPERTREE_BIN" export --ids - -f csljson >"$WORK/pipe.json" ||
  fail "search | export --ids - failed"
[[ $(jq -r '.[0].id' "$WORK/pipe.json") == frantar2023sparsegpt ]] || fail "pipe: $(cat "$WORK/pipe.json")"
# Filters still apply; a line naming no paper is exit 2 with FILE:LINE.
run export --ids "$WORK/reading.txt" --format bibtex --venue ICML
expect_code 0
[[ $(grep -c '^@' <<<"$out") == 1 ]] || fail "--ids with --venue ICML: $(grep -E '^@' <<<"$out")"
printf '%s\n' awq 'no such paper at all' >"$WORK/bad.txt"
run export --ids "$WORK/bad.txt" --format bibtex
expect_code 2
expect_err_contains "papertree: error: $WORK/bad.txt:2: no paper matches \"no such paper at all\""
run export quantization --ids "$WORK/reading.txt" --format bibtex
expect_code 2
expect_err_contains "give a category or --ids, not both"
run export --ids "$WORK/missing.txt" --format bibtex
expect_code 4

finish
