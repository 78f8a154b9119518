#!/usr/bin/env bash
# `papertree completion`: the bash script, sourced in a real bash, completes commands, options
# and category names read from the corpus in use.
source "$(dirname "$0")/lib.sh"
small="$FIXTURES/small.json"

mkdir -p "$WORK/bin"
ln -s "$PAPERTREE_BIN" "$WORK/bin/papertree"

run completion bash
expect_code 0
cp "$WORK/out" "$WORK/completion.bash"

# complete LINE...: runs the completion function for the words given, prints COMPREPLY sorted.
complete_words() {
  PATH="$WORK/bin:$PATH" bash -c '
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
    _papertree
    printf "%s\n" "${COMPREPLY[@]}" | sort' _ "$WORK/completion.bash" "$@"
}

got=$(PAPERTREE_CORPUS="$small" complete_words papertree list quant)
[[ $got == $'quantization\nquantization-aware-training' ]] || fail "list quant<TAB>: got '$got'"

got=$(complete_words papertree list quant)
[[ $got == *quantization* ]] || fail "list quant<TAB> on the embedded corpus: got '$got'"

got=$(complete_words papertree --corpus "$small" tree speculative)
[[ $got == "speculative-decoding" ]] || fail "--corpus honoured: got '$got'"

got=$(complete_words papertree se)
[[ $got == "search" ]] || fail "commands: got '$got'"

got=$(complete_words papertree list --has)
[[ $got == "--has-code" ]] || fail "options: got '$got'"

got=$(complete_words papertree search --format j)
[[ $got == $'json\njsonl' ]] || fail "format values: got '$got'"

got=$(complete_words papertree export -f "")
[[ $got == $'bibtex\ncsljson\ncsv\ndot\nhtml\njson\nlatex\nmarkdown\nmermaid' ]] ||
  fail "export -f<TAB>: got '$got'"

got=$(complete_words papertree stats --format "")
[[ $got == $'json\ntext' ]] || fail "stats --format<TAB>: got '$got'"

got=$(PAPERTREE_CORPUS="$small" complete_words papertree stats quant)
[[ $got == $'quantization\nquantization-aware-training' ]] || fail "stats quant<TAB>: got '$got'"

got=$(PAPERTREE_CORPUS="$small" complete_words papertree export --with)
[[ $got == "--with-papers" ]] || fail "export options: got '$got'"

got=$(complete_words papertree import --source-c)
[[ $got == "--source-commit" ]] || fail "import options: got '$got'"

got=$(cd "$FIXTURES" && complete_words papertree import smal)
[[ $got == "small.json" ]] || fail "import FILE<TAB>: got '$got'"

got=$(PAPERTREE_CORPUS="$small" complete_words papertree search --in kv)
[[ $got == "kv-cache-optimization" ]] || fail "--in categories: got '$got'"

run --corpus "$small" __complete-categories
expect_code 0
[[ $(wc -l <<<"$out") -eq 12 ]] || fail "__complete-categories: expected 12 ids, got: $out"

run completion zsh
expect_code 0
expect_contains "bashcompinit"
run completion fish
expect_code 0
expect_contains "complete -c papertree -n __fish_use_subcommand -a search"
expect_contains "complete -c papertree -n '__fish_seen_subcommand_from export' -s f -l format -xa 'markdown bibtex csljson csv json dot mermaid latex html'"
expect_contains "complete -c papertree -n '__fish_seen_subcommand_from stats' -a '(__papertree_categories)'"
run completion tcsh
expect_code 2

finish
