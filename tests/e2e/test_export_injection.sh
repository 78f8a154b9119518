#!/usr/bin/env bash
# Injection through the exports and JSON outputs (issue 15): script links, C1 and bidi controls,
# Mermaid directives, spreadsheet formulas. tests/fixtures/injection.json holds one of each.
source "$(dirname "$0")/lib.sh"
inj="$FIXTURES/injection.json"
c1_bidi=$'\u0085|\u009b|\u202a|\u202b|\u202c|\u202d|\u202e|\u2066|\u2067|\u2068|\u2069|\u200e|\u200f|\u061c'

# Markdown drops javascript:, vbscript: and data: links (as HTML does) and percent-encodes the
# C1 and bidi controls of the links it keeps.
run --corpus "$inj" export -f markdown
expect_code 0
lower="${out,,}"
for bad in javascript vbscript data: 'alert(' '&#58;'; do
  [[ $lower != *"$bad"* ]] || fail "markdown export keeps a '$bad' link"
done
expect_contains "[[Web](https://example.org/ok)]"
expect_contains "(https://example.org/a%C2%85b%E2%80%AEc%E2%81%A6d%E2%80%8Fe%D8%9Cf%C2%9Bg)"
expect_contains "(https://github.com/x/%E2%80%AEgnp.exe)"
# Its anchors drop bidi controls as GitHub's do (its text keeps them, for the round trip).
if grep -oE '\]\(#[^)]*\)' <<<"$out" | grep -qE "$c1_bidi"; then
  fail "markdown export writes a bidi control into an anchor"
fi

# BibTeX URLs likewise; a script URL is left out.
run --corpus "$inj" export -f bibtex
expect_code 0
expect_contains "url = {https://example.org/a%C2%85b%E2%80%AEc%E2%81%A6d%E2%80%8Fe%D8%9Cf%C2%9Bg}"
[[ ${out,,} != *javascript* ]] || fail "bibtex export keeps a javascript: URL"

# CSL-JSON likewise: pandoc --citeproc would make the URL a live link.
run --corpus "$inj" export -f csljson
expect_code 0
[[ ${out,,} != *javascript* ]] || fail "csljson export keeps a javascript: URL"

# Every JSON output writes C1 and bidi controls as \uXXXX, and jq reads back the same strings.
json_outputs=(
  "export -f json" "export -f csljson" "list --format json" "list --format jsonl"
  "show script-links --format json" "search script --format json" "tree --format json"
  "frameworks --format json" "stats --format json"
)
for args in "${json_outputs[@]}"; do
  # shellcheck disable=SC2086
  run --corpus "$inj" $args
  expect_code 0
  [[ -n $out ]] || fail "papertree $args printed nothing"
  if grep -qE "$c1_bidi" <<<"$out"; then fail "papertree $args writes a raw C1 or bidi control"; fi
  jq -e . >/dev/null <<<"$out" || fail "papertree $args is not JSON that jq reads"
done
# diff and news too: a corpus without the injected paper against the one with it.
jq 'del(.papers[] | select(.id == "script-links"))' "$inj" >"$WORK/without.json"
jq '(.papers[] | select(.id == "script-links") | .added) = "2030-01-01"' "$inj" >"$WORK/dated.json"
for args in "diff $WORK/without.json $inj --format json" "--corpus $WORK/dated.json news --format json"; do
  # shellcheck disable=SC2086
  run $args
  [[ -n $out ]] || fail "papertree $args printed nothing"
  if grep -qE "$c1_bidi" <<<"$out"; then fail "papertree $args writes a raw C1 or bidi control"; fi
  jq -e . >/dev/null <<<"$out" || fail "papertree $args is not JSON that jq reads"
  expect_contains 'Script links \u0085 and \u202eoverride'
done
run --corpus "$inj" export -f json
expect_contains 'Script links \u0085 and \u202eoverride'
expect_contains 'https://example.org/a\u0085b\u202ec\u2066d\u200fe\u061cf\u009bg'
[[ $(jq -r '.papers[] | select(.id == "script-links") | .title' <<<"$out") == \
  $'Script links \u0085 and \u202eoverride' ]] || fail "jq does not read back the escaped title"
run --corpus "$inj" list --format json
expect_contains '"title": "Script links \u0085 and \u202eoverride"'

# Mermaid: no '%' in any label, so no %%{init}%% directive or %% comment comes from the data;
# the one comment is papertree's first line.
run --corpus "$inj" export -f mermaid
expect_code 0
[[ $(grep -c '%' <<<"$out") == 1 && $(head -n 1 <<<"$out") == '%% Taxonomy figure'* ]] ||
  fail "a label carries a '%': $(grep -n '%' <<<"$out")"
expect_contains "#37;#37;{init: {'theme':'dark'}}#37;#37; here"

# CSV: a formula after leading whitespace or a newline is guarded too.
run --corpus "$inj" export -f csv
expect_code 0
expect_contains "bidi-url,' =cmd|' /C calc'!A0,\"'"$'\n'"@SUM(A1)\",2023"
expect_contains "mermaid,"
expect_contains $'\'\t-1,2022'
[[ $out != *javascript:* && $out != *vbscript:* && $out != *data:text* ]] || fail "CSV keeps a script URL: $(grep -n 'script:\|data:' <<<"$out")"
finish
