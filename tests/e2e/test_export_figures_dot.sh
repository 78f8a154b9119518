#!/usr/bin/env bash
# Graphviz renders every DOT export: the small fixture, the hostile fixture and the embedded
# corpus, with and without papers; the SVG shows the labels exactly as the corpus spells them.
source "$(dirname "$0")/lib.sh"
require_tool dot

render() {  # render NAME: runs dot -Tsvg on $out, leaves the SVG in $svg
  printf '%s\n' "$out" >"$WORK/$1.dot"
  if ! dot -Tsvg "$WORK/$1.dot" -o "$WORK/$1.svg" 2>"$WORK/$1.dot.err"; then
    fail "dot -Tsvg failed on $1: $(cat "$WORK/$1.dot.err")"
  fi
  [[ ! -s "$WORK/$1.dot.err" ]] || fail "dot warned on $1: $(cat "$WORK/$1.dot.err")"
  svg="$(cat "$WORK/$1.svg" 2>/dev/null)"
  [[ $svg == *"<svg"* ]] || fail "$1: no SVG produced"
}

for corpus in small hostile_figures embedded; do
  for papers in "" --with-papers; do
    if [[ $corpus == embedded ]]; then
      run export --format dot $papers
    else
      run --corpus "$FIXTURES/$corpus.json" export --format dot $papers
    fi
    expect_code 0
    render "$corpus$papers"
  done
done

run --corpus "$FIXTURES/small.json" export --format dot --with-papers
render small-labels
[[ $svg == *'>Quantization (3)</text>'* ]] || fail "svg lacks 'Quantization (3)'"
[[ $svg == *'>LLM.int8()</text>'* ]] || fail "svg lacks the paper leaf 'LLM.int8()'"

run --corpus "$FIXTURES/hostile_figures.json" export --format dot --with-papers
render hostile-labels
[[ $svg == *'>Percent % Hash # Dollar $ Tilde ~ Caret ^ Under_score \back (2)</text>'* ]] ||
  fail "svg lacks the TeX-specials category label as written"
[[ $svg == *'>&lt;/script&gt;&lt;!&#45;&#45; end &#45;&#45;&gt; `tick` #quot; &amp;amp; end (2)</text>'* ]] ||
  fail "svg lacks the </script> category label as written"
[[ $svg != *'<script'* ]] || fail "svg holds a script element"

finish
