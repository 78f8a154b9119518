#!/usr/bin/env bash
# The HTML export in headless Chromium: the page is loaded from a file with a query in its URL
# fragment (#q=…), which the page types into its search box (the same input event as typing);
# the dumped DOM then says which papers are visible. Also: a screenshot renders.
source "$(dirname "$0")/lib.sh"
require_tool chromium

browse() {  # browse FILE ARGS...: headless Chromium, no network, a fresh profile
  local file="$1"
  shift
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --disable-default-apps \
    --user-data-dir="$(mktemp -d "$WORK/profile.XXXX")" "$@" "file://$file" 2>>"$WORK/chromium.err"
}

query() {  # query PAGE FRAGMENT: leaves the DOM in $dom and the visible paper ids in $visible
  browse "$1#q=$2" --dump-dom >"$WORK/dom"
  dom="$(cat "$WORK/dom")"
  # A hidden row is serialised as <li class="paper" data-id="…" hidden="">.
  visible="$(grep -o '<li class="paper" data-id="[^"]*">' "$WORK/dom" | sed 's/.*data-id="\([^"]*\)">/\1/' |
    sort -u | tr '\n' ' ')"
}

expect_visible() {  # expect_visible "ids " COUNT-TEXT
  [[ $visible == "$1" ]] || fail "query '$q': visible papers '$visible', expected '$1'"
  [[ $dom == *"<span id=\"count\" aria-live=\"polite\">$2</span>"* ]] ||
    fail "query '$q': count is not '$2': $(grep -o '<span id="count"[^<]*' <<<"$dom")"
}

page="$WORK/small.html"
run --corpus "$FIXTURES/small.json" export --format html -o "$page"
expect_code 0

q=""; query "$page" ""
expect_visible "flash-decoding gptq llm-int8 llmlingua sparsegpt speculative-sampling " "6 papers"

q=quant; query "$page" quant
expect_visible "gptq " "1 of 6 papers"
grep -B1 'Data-Centric Methods</span>' "$WORK/dom" | head -1 | grep -q ' hidden=""' ||
  fail "query quant: the Data-Centric branch, with no match, is not hidden"
grep -B1 'Post-Training Quantization</span>' "$WORK/dom" | head -1 | grep -q ' hidden=""' &&
  fail "query quant: the branch holding GPTQ is hidden"
[[ $dom == *'<span class="count">1 / 3</span>'* ]] || fail "query quant: category counts not updated"

q=llm; query "$page" llm
expect_visible "llm-int8 llmlingua " "2 of 6 papers"

q="emnlp 2023"; query "$page" "EMNLP%202023"
expect_visible "llmlingua " "1 of 6 papers"

q=zzzz; query "$page" zzzz
expect_visible "" "0 of 6 papers"
[[ $dom == *'<p id="empty">No paper matches'* ]] || fail "query zzzz: the 'no match' line is not shown"

hostile="$WORK/hostile.html"
run --corpus "$FIXTURES/hostile_figures.json" export --format html -o "$hostile"
expect_code 0
q="<script>"; query "$hostile" "%3Cscript%3E"
expect_visible "brackets " "1 of 8 papers"
q=deja; query "$hostile" deja
expect_visible "accents-greek " "1 of 8 papers"
grep -q '<script>alert' "$WORK/dom" && fail "hostile: a <script> element from the corpus is in the DOM"

# Each paper shows its authors, and the filter matches their names.
authors="$WORK/authors.html"
run --corpus "$FIXTURES/columns.json" export --format html -o "$authors"
expect_code 0
grep -q '<span class="authors">Elias Frantar, Saleh Ashkboos, Torsten Hoefler and Dan Alistarh</span>' \
  "$authors" || fail "html: GPTQ's authors are not on the page"
q=alistarh; query "$authors" alistarh
expect_visible "gptq " "1 of 4 papers"
q="van beethoven"; query "$authors" "van%20beethoven"
expect_visible "awq " "1 of 4 papers"

# The embedded corpus: every paper is visible at first, none after a query matching nothing.
embedded="$WORK/embedded.html"
run export --format html -o "$embedded"
expect_code 0
run tree --format json
total="$(grep -m1 -o '"papers": [0-9]*' <<<"$out" | grep -o '[0-9]*')"
q=""; query "$embedded" ""
[[ $(wc -w <<<"$visible") -eq $total ]] || fail "embedded: $(wc -w <<<"$visible") visible papers, expected $total"
[[ $dom == *"<span id=\"count\" aria-live=\"polite\">$total papers</span>"* ]] || fail "embedded: count is not '$total papers'"
q=zzzzqqq; query "$embedded" zzzzqqq
expect_visible "" "0 of $total papers"

browse "$page" --hide-scrollbars --window-size=1200,900 --screenshot="$WORK/shot.png" >/dev/null
[[ -s "$WORK/shot.png" ]] || fail "no screenshot was written"

finish
