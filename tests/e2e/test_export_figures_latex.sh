#!/usr/bin/env bash
# pdflatex compiles every LaTeX (forest) export as it is: the small fixture, the hostile fixture
# and the embedded corpus, with and without papers, a subtree and a depth limit; the PDF's text
# shows the hostile labels as the corpus spells them.
source "$(dirname "$0")/lib.sh"
require_tool pdflatex

compile() {  # compile NAME: pdflatex on $out in its own directory
  local dir="$WORK/tex-$1"
  mkdir -p "$dir"
  printf '%s\n' "$out" >"$dir/figure.tex"
  if ! (cd "$dir" && pdflatex -interaction=nonstopmode -halt-on-error figure.tex >pdflatex.out 2>&1); then
    fail "pdflatex failed on $1: $(grep -A3 '^!' "$dir/figure.log" | head -8)"
    return
  fi
  [[ -s "$dir/figure.pdf" ]] || fail "$1: no PDF"
  if grep -q 'Missing character' "$dir/figure.log"; then
    fail "$1: the font lacks characters: $(grep 'Missing character' "$dir/figure.log" | head -3)"
  fi
}

for corpus in small hostile_figures embedded; do
  for papers in "" --with-papers; do
    if [[ $corpus == embedded ]]; then
      run export --format latex $papers
    else
      run --corpus "$FIXTURES/$corpus.json" export --format latex $papers
    fi
    expect_code 0
    compile "$corpus$papers"
  done
done

run --corpus "$FIXTURES/small.json" export quantization --format latex --with-papers
compile small-subtree
run --corpus "$FIXTURES/small.json" export --format latex --with-papers --depth 1
compile small-depth1

if command -v pdftotext >/dev/null 2>&1; then
  pdftotext "$WORK/tex-hostile_figures--with-papers/figure.pdf" "$WORK/hostile.txt"
  text="$(tr -s ' \n' '  ' <"$WORK/hostile.txt")"
  for label in 'Percent % Hash # Dollar $ Tilde ~ Caret ^ Under_score \back (2)' \
    'Quotes "&" <Tags> [brackets] {braces} | pipes (5)' \
    '</script><!-- end --> `tick` #quot; &amp; end (2)' \
    '=cmd|'"'"' /C calc'"'"'!A0 with 50% & #1 $x$ ~'; do
    [[ $text == *"$label"* ]] || fail "the PDF does not show: $label"
  done
elif [[ ${PAPERTREE_REQUIRE_TOOLS:-0} == 1 ]]; then
  fail "pdftotext is not installed (Debian: poppler-utils); the PDF's text is not checked"
else
  echo "SKIP: pdftotext is not installed; the PDF's text is not checked" >&2
fi

finish
