#!/usr/bin/env bash
# The whole shipped corpus as BibTeX, and the fixtures (papers with no known author), typeset by
# the real programs: bibtex under plain, plainnat, abbrvnat and alpha, and biblatex with biber.
# Zero errors and zero warnings in the .blg and the LaTeX log.
source "$(dirname "$0")/lib.sh"
require_tool pdflatex
require_tool bibtex
require_tool biber
small="$FIXTURES/small.json"
hostile="$FIXTURES/hostile_export.json"

# Runs latex, the bibliography program, latex twice; fails on any complaint.
compile() {  # DIR PROGRAM
  local dir=$1 program=$2
  (
    cd "$dir" &&
      pdflatex -interaction=nonstopmode -halt-on-error doc >/dev/null &&
      $program doc >prog.out 2>&1 &&
      pdflatex -interaction=nonstopmode -halt-on-error doc >/dev/null &&
      pdflatex -interaction=nonstopmode -halt-on-error doc >/dev/null
  ) || fail "$dir: pdflatex/$program failed: $(grep -A3 '^!' "$dir/doc.log" | head -20; tail -20 "$dir/prog.out" 2>/dev/null)"
  local complaints='WARN|ERROR|^Warning--|error message|^I was expecting|^I.m skipping|^Repeated entry|^Illegal'
  if grep -qE "$complaints" "$dir/doc.blg"; then
    fail "$dir: $program complained: $(grep -E "$complaints" "$dir/doc.blg" | head -10)"
  fi
  if grep -qE 'undefined|^!|Warning' "$dir/doc.log"; then
    fail "$dir: LaTeX problems: $(grep -E 'undefined|^!|Warning' "$dir/doc.log" | head -10)"
  fi
}

# Every key cited with \citet (natbib styles) or \textcite (biblatex) as well as in the list.
cite_all() { grep -oE '^@[a-z]+\{[^,]+' "$1" | sed 's/^@[a-z]*{//' | paste -sd, -; }

check_styles() {  # NAME STYLES CORPUS-ARGS...
  local name=$1 styles=$2
  shift 2
  mkdir -p "$WORK/$name"
  run "$@" export -f bibtex -o "$WORK/$name/refs.bib"
  expect_code 0
  local keys entries
  keys=$(cite_all "$WORK/$name/refs.bib")
  entries=$(grep -c '^@' "$WORK/$name/refs.bib")
  for style in ${styles/biblatex/}; do
    local dir="$WORK/$name/$style" package='\usepackage{url}'
    mkdir -p "$dir" && cp "$WORK/$name/refs.bib" "$dir/"
    [[ $style == *nat ]] && package='\usepackage{url}\usepackage[numbers]{natbib}'
    local cite="\\cite{$keys}"
    [[ $style == *nat ]] && cite="\\citet{$keys}"
    printf '%s\n' '\documentclass{article}' "$package" '\begin{document}' "$cite" \
      "\\bibliographystyle{$style}" '\bibliography{refs}' '\end{document}' >"$dir/doc.tex"
    compile "$dir" bibtex
    [[ $(grep -c '\\bibitem' "$dir/doc.bbl") -eq $entries ]] ||
      fail "$name/$style: $(grep -c '\\bibitem' "$dir/doc.bbl") of $entries entries in the bibliography"
  done
  [[ $styles == *biblatex* ]] || return 0
  local dir="$WORK/$name/biblatex"
  mkdir -p "$dir" && cp "$WORK/$name/refs.bib" "$dir/"
  printf '%s\n' '\documentclass{article}' '\usepackage[backend=biber,style=authoryear]{biblatex}' \
    '\addbibresource{refs.bib}' '\begin{document}' "\\textcite{$keys}" '\printbibliography' \
    '\end{document}' >"$dir/doc.tex"
  compile "$dir" biber
  [[ $(grep -c '\\entry{' "$dir/doc.bbl") -eq $entries ]] ||
    fail "$name/biblatex: $(grep -c '\\entry{' "$dir/doc.bbl") of $entries entries in the bibliography"
}

all='plain plainnat abbrvnat alpha biblatex'
check_styles small "$all" --corpus "$small"
check_styles survey "$all"
# The hostile fixture has a paper with no year, which natbib's styles must warn about (they label
# by year); plain, alpha and biblatex typeset all of it (LaTeX specials, accents, a URL with '#').
check_styles hostile 'plain alpha biblatex' --corpus "$hostile"
# The injection fixture: titles with '#', '%', braces and backslashes, script URLs, a Mermaid
# directive, spreadsheet formulas.
check_styles injection "$all" --corpus "$FIXTURES/injection.json"
# The survey as shipped has papers with and without authors; both forms were typeset.
grep -q 'author = ' "$WORK/survey/refs.bib" || fail "no survey entry has an author"
grep -q '  key = ' "$WORK/survey/refs.bib" || fail "no survey entry is authorless"

finish
