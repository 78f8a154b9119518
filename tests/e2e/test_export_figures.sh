#!/usr/bin/env bash
# `papertree export --format dot|mermaid|latex|html` against golden files on the small fixture,
# and the structure of every format on hostile titles. The real programs that read these formats
# are run by test_export_figures_{dot,latex,html}.sh, one per tool, so a missing tool skips only
# its own checks.
source "$(dirname "$0")/lib.sh"
small="$FIXTURES/small.json"
hostile="$FIXTURES/hostile_figures.json"

run --corpus "$small" export --format dot
expect_code 0
expect_golden export_small.dot

run --corpus "$small" export --format dot --with-papers --depth 1
expect_code 0
expect_golden export_small_papers_depth1.dot

run --corpus "$small" export --format mermaid --with-papers
expect_code 0
expect_golden export_small_papers.mmd

run --corpus "$small" export quantization --format mermaid
expect_code 0
expect_golden export_small_quantization.mmd

run --corpus "$small" export --format latex --with-papers
expect_code 0
expect_golden export_small_papers.tex

run --corpus "$small" export --format latex --depth 0
expect_code 0
expect_golden export_small_depth0.tex

run --corpus "$small" export --format html
expect_code 0
expect_golden export_small.html

run --corpus "$small" export model-compression --format html
expect_code 0
expect_golden export_small_model_compression.html

# Mermaid on hostile titles: every line is the header, a class definition or one node joined to
# its parent, and no label holds a raw character that ends or reinterprets it.
run --corpus "$hostile" export --format mermaid --with-papers
expect_code 0
node_re='^  (n[0-9]+ --- )?n[0-9]+(\("[^"]*"\)|\["[^"]*"\]):::[a-z]+[0-9]*$'
while IFS= read -r line; do
  case "$line" in
    "%% "* | "flowchart LR" | "  classDef "*) ;;
    *) [[ $line =~ $node_re ]] || fail "mermaid line is not one node: $line" ;;
  esac
done <<<"$out"
labels="$(grep -o '"[^"]*"' <<<"$out")"
[[ $labels != *[\<\>\&\`\\]* ]] || fail "a mermaid label holds a raw < > & \` or \\: $labels"
grep -q '#lt;/script#gt;#lt;!-- comment --#gt; closing…' <<<"$out" || fail "mermaid: escaped </script> label missing"
[[ $(grep -c ' --- ' <<<"$out") -eq $(($(grep -c '^  n' <<<"$out") - 1)) ]] || fail "mermaid: not a tree"

# DOT on hostile titles: quotes and backslashes escaped, one statement per line.
run --corpus "$hostile" export --format dot --with-papers
expect_code 0
expect_contains 'label="Percent % Hash # Dollar $ Tilde ~ Caret ^ Under_score \\back (2)"'
expect_contains 'label="Quotes \"&amp;\" <Tags> [brackets] {braces} | pipes (5)"'
expect_contains 'label="Control \\x1b[31m chars \\u{202e} reversed (2)"'
[[ $out != *$'\x1b'* ]] || fail "dot: a raw escape character got through"

# LaTeX on hostile titles: the specials become commands.
run --corpus "$hostile" export --format latex --with-papers
expect_code 0
expect_contains '[{Percent \% Hash \# Dollar \$ Tilde \textasciitilde{} Caret \textasciicircum{} Under\_score \textbackslash{}back (2)}, cat=0'
expect_contains '[U+5927]\allowbreak{}'
expect_contains '\textless{}/script\textgreater{}\textless{}!-{}- end -{}-\textgreater{}'

# HTML on hostile titles: the only script element is the page's own, no javascript: link.
run --corpus "$hostile" export --format html
expect_code 0
[[ $(grep -o '<script' <<<"$out" | wc -l) -eq 1 ]] || fail "html: more than one <script"
[[ $(grep -o '</script' <<<"$out" | wc -l) -eq 1 ]] || fail "html: more than one </script"
[[ $(grep -o '<!--' <<<"$out" | wc -l) -eq 0 ]] || fail "html: a corpus string opened a comment"
[[ $out != *'javascript:'* ]] || fail "html: a javascript: URL became a link"
expect_contains '">&lt;/script&gt;&lt;!-- comment --&gt; closing `tick` #quot; &amp;amp; end</a>'
expect_contains 'href="https://example.org/?a=&quot;b&quot;&amp;c=&lt;d&gt;"'
expect_contains "Content-Security-Policy\" content=\"default-src 'none';"

# The CSP allows the page's script by its SHA-256: the hash must be that of the script's bytes
# (Chromium refuses to run it otherwise; test_export_figures_html.sh sees that too).
if command -v python3 >/dev/null 2>&1; then
  printf '%s\n' "$out" >"$WORK/page.html"
  python3 - "$WORK/page.html" <<'PY' || fail "html: the CSP script hash is not the script's"
import base64, hashlib, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
sys.exit(0 if f"script-src 'sha256-{digest}'" in page else 1)
PY
elif [[ ${PAPERTREE_REQUIRE_TOOLS:-0} == 1 ]]; then
  fail "python3 is not installed; the CSP script hash is not checked"
else
  echo "SKIP: python3 is not installed; the CSP script hash is not checked here" >&2
fi

run --corpus "$small" export --format dot --depth -1
expect_code 2

finish
