#!/usr/bin/env bash
# The exports read by the real programs that consume them: BibTeX through pdflatex + bibtex,
# CSL-JSON through pandoc --citeproc, the markdown table of contents through pandoc's GFM reader,
# the JSON export through papertree itself. Runs on the fixtures and on the embedded corpus.
source "$(dirname "$0")/lib.sh"
require_tool pdflatex
require_tool bibtex
require_tool pandoc
require_tool pdftotext
small="$FIXTURES/small.json"
hostile="$FIXTURES/hostile_export.json"

# BibTeX: a document citing every key compiles with no error and no BibTeX warning.
check_bibtex() {  # NAME CORPUS-ARGS...
  local name=$1 dir="$WORK/bib-$1"
  shift
  mkdir -p "$dir"
  run "$@" export -f bibtex -o "$dir/refs.bib"
  expect_code 0
  printf '%s\n' '\documentclass{article}' '\usepackage{url}' '\begin{document}' '\nocite{*}' \
    '\bibliographystyle{plain}' '\bibliography{refs}' '\end{document}' >"$dir/doc.tex"
  (
    cd "$dir" &&
      pdflatex -interaction=nonstopmode -halt-on-error doc >/dev/null &&
      bibtex doc >bibtex.out 2>&1 &&
      pdflatex -interaction=nonstopmode -halt-on-error doc >/dev/null &&
      pdflatex -interaction=nonstopmode -halt-on-error doc >/dev/null
  ) || fail "$name: pdflatex/bibtex failed: $(grep -A3 '^!' "$dir/doc.log" | head -20; cat "$dir/bibtex.out" 2>/dev/null)"
  local complaints='^Warning--|error message|^I was expecting|^I.m skipping|^Repeated entry|^Illegal'
  if grep -qE "$complaints" "$dir/doc.blg"; then
    fail "$name: bibtex complained: $(grep -E "$complaints" "$dir/doc.blg" | head -10)"
  fi
  if grep -qE 'undefined|^!' "$dir/doc.log"; then
    fail "$name: LaTeX problems: $(grep -E 'undefined|^!' "$dir/doc.log" | head -10)"
  fi
  local entries
  entries=$(grep -c '^@' "$dir/refs.bib")
  [[ $(grep -c '\\bibitem' "$dir/doc.bbl") -eq $entries ]] || fail "$name: not every entry reached the bibliography"
}
check_bibtex small --corpus "$small"
check_bibtex hostile --corpus "$hostile"
# The hostile titles print as they are written: no text lost to an unescaped '%' or '#'.
# (Accented letters come out of pdftotext decomposed, so only ASCII text is compared.)
pdf_text=$(pdftotext "$WORK/bib-hostile/doc.pdf" - | tr -s '\n ' '  ')
for want in 'Percent 100% & Ampersand #hash $dollar$ {braces}' '<script>alert(1)</script>' \
  'The {LLM} Leaderboard & Tracker' '=cmd|'; do
  [[ $pdf_text == *"$want"* ]] || fail "the typeset bibliography lacks '$want': $pdf_text"
done
check_bibtex real

# CSL-JSON: pandoc --citeproc resolves the keys and formats the references.
run --corpus "$small" export -f csljson -o "$WORK/refs.json"
expect_code 0
printf '%s\n' '---' 'bibliography: refs.json' '---' '' 'See @gptq2023 and @accelerating2023 and @flashdecoding2023.' \
  >"$WORK/cite.md"
citeproc_out=$(cd "$WORK" && pandoc --citeproc -t plain --wrap=none cite.md 2>&1)
# pandoc's default style (Chicago author-date) title-cases titles.
for want in 'See “GPTQ: Accurate' 'GPTQ: Accurate Quantization for Generative Pre-Trained Transformers' \
  'In ICLR. https://openreview.net/forum?id=tcbBPnfwxS' 'arXiv. https://arxiv.org/abs/2302.01318' \
  'Flash-Decoding for Long-Context Inference'; do
  [[ $citeproc_out == *"$want"* ]] || fail "pandoc --citeproc output lacks '$want': $citeproc_out"
done
[[ $citeproc_out != *"not found"* ]] || fail "pandoc could not find a citation: $citeproc_out"

run --corpus "$hostile" export -f csljson -o "$WORK/hostile_export.json"
expect_code 0
printf '%s\n' '---' 'bibliography: hostile_export.json' '---' '' 'See @oneil2023bracket, @muller2022deja and @cjk2023.' \
  >"$WORK/cite-hostile.md"
citeproc_out=$(cd "$WORK" && pandoc --citeproc -t plain --wrap=none cite-hostile.md 2>&1)
for want in 'Müller, Jürgen, François Lefèvre, and Łukasz Kaiser. 2022.' '大規模言語モデルの効率化：サーベイ' \
  '[Bracket] Title | with * Stars _ and <Script>alert(1)</Script>.” In ICML.'; do
  [[ $citeproc_out == *"$want"* ]] || fail "pandoc --citeproc (hostile) lacks '$want': $citeproc_out"
done

# Markdown: every table-of-contents link names an id pandoc's GFM reader gives a heading.
check_toc() {  # NAME EXPORT-ARGS...
  local name=$1
  shift
  run "$@"
  expect_code 0
  printf '%s\n' "$out" >"$WORK/toc-$name.md"
  pandoc -f gfm -t html --wrap=none "$WORK/toc-$name.md" -o "$WORK/toc-$name.html" || fail "$name: pandoc -f gfm failed"
  grep -o '<h[1-6] id="[^"]*"' "$WORK/toc-$name.html" | sed 's/.*id="//; s/"$//' | sort >"$WORK/ids-$name"
  grep -o 'href="#[^"]*"' "$WORK/toc-$name.html" | sed 's/href="#//; s/"$//' | sort -u >"$WORK/links-$name"
  [[ -s $WORK/links-$name ]] || fail "$name: the markdown has no table-of-contents links"
  local missing
  missing=$(comm -23 "$WORK/links-$name" "$WORK/ids-$name")
  [[ -z $missing ]] || fail "$name: table-of-contents links without a heading: $missing"
  [[ -z $(uniq -d "$WORK/ids-$name") ]] || fail "$name: duplicate heading ids"
}
check_toc small --corpus "$small" export -f markdown
check_toc small-subtree --corpus "$small" export model-centric -f markdown
check_toc hostile --corpus "$hostile" export -f markdown
check_toc real export -f markdown

# Markdown: hostile titles stay plain text (no stray links, emphasis, tags or headings).
html=$(cat "$WORK/toc-hostile.html")
[[ $html != *"<script>"* ]] || fail "a <script> tag reached the HTML"
[[ $html == *'[Bracket] Title | with * stars _ and &lt;script&gt;alert(1)&lt;/script&gt;, <ins>ICML, 2023</ins>'* ]] ||
  fail "the bracket title did not render as text"
[[ $html != *"<em>"* && $html != *"<strong>"* && $html != *"<del>"* ]] || fail "emphasis leaked from a title"
[[ $(grep -c '<h[1-6]' "$WORK/toc-hostile.html") -eq 9 ]] || fail "hostile export: expected 9 headings"
[[ $(grep -c '<table' "$WORK/toc-hostile.html") -eq 1 ]] || fail "hostile export: the frameworks table is not a table"

# JSON: the export loads as a corpus, and exporting that again gives the same bytes.
for args in "--corpus $small" "--corpus $hostile" ""; do
  # shellcheck disable=SC2086
  run $args export -f json -o "$WORK/again.json" --force
  expect_code 0
  run --corpus "$WORK/again.json" export -f json
  expect_code 0
  cmp -s <(printf '%s\n' "$out") "$WORK/again.json" || fail "json export of '${args:-embedded}' is not stable on reload"
done
run export quantization -f json -o "$WORK/sub.json"
expect_code 0
run --corpus "$WORK/sub.json" tree
expect_code 0
expect_contains "Quantization"
[[ $out != *"Model Compression"* ]] || fail "the subtree's json export kept categories above it"

finish
