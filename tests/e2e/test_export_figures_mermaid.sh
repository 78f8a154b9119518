#!/usr/bin/env bash
# mermaid-cli (mmdc) renders the Mermaid exports, and the SVG shows hostile labels exactly as the
# corpus spells them. mmdc drives a browser through puppeteer; MERMAID_BROWSER (default: the
# system's chromium) is used, so nothing is downloaded.
# scripts/deps.sh installs a pinned mermaid-cli from the npm registry into build/tools, and
# scripts/test.sh puts it on PATH.
source "$(dirname "$0")/lib.sh"
require_tool mmdc
browser="${MERMAID_BROWSER:-$(command -v chromium || true)}"
[[ -n $browser ]] || require_tool chromium
printf '{"executablePath": "%s", "args": ["--no-sandbox", "--disable-gpu"]}\n' "$browser" \
  >"$WORK/puppeteer.json"

render() {  # render NAME: mmdc on $out, leaves the SVG in $svg
  printf '%s\n' "$out" >"$WORK/$1.mmd"
  if ! timeout 180 mmdc -q -p "$WORK/puppeteer.json" -i "$WORK/$1.mmd" -o "$WORK/$1.svg" \
    >"$WORK/$1.mmdc.out" 2>&1; then
    fail "mmdc failed on $1: $(head -c 2000 "$WORK/$1.mmdc.out")"
  fi
  svg="$(cat "$WORK/$1.svg" 2>/dev/null)"
  [[ $svg == *"<svg"* ]] || fail "$1: no SVG produced"
}

run --corpus "$FIXTURES/small.json" export --format mermaid --with-papers
expect_code 0
render small
[[ $svg == *'>Post-Training Quantization (3)<'* ]] || fail "svg lacks 'Post-Training Quantization (3)'"

run export --format mermaid --depth 2
expect_code 0
render embedded

run --corpus "$FIXTURES/hostile_figures.json" export --format mermaid --with-papers
expect_code 0
render hostile
for label in 'Quotes "&amp;" &lt;Tags&gt; [brackets] {braces} | pipes (5)' \
  'Percent % Hash # Dollar $ Tilde ~ Caret ^ Under_score \back (2)' \
  '&lt;/script&gt;&lt;!-- end --&gt; `tick` #quot; &amp;amp; end (2)' \
  '&lt;/script&gt;&lt;!-- comment --&gt; closing…'; do
  [[ $svg == *">$label<"* ]] || fail "the Mermaid SVG does not show: $label"
done

finish
