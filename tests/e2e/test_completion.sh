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
expect_contains "complete -c papertree -n __papertree_needs_command -a search"
expect_contains "complete -c papertree -n '__papertree_using export' -s f -l format -xa 'markdown bibtex csljson csv json dot mermaid latex html'"
expect_contains "complete -c papertree -n '__papertree_using stats' -a '(__papertree_ids categories)'"
run completion tcsh
expect_code 2

# Every option with a fixed list of values completes to it, and so do the positionals.
got=$(complete_words papertree list --sort "")
[[ $got == $'added\ntitle\nvenue\nyear' ]] || fail "list --sort<TAB>: got '$got'"
got=$(complete_words papertree search --sort "")
[[ $got == $'added\nrelevance\ntitle\nvenue\nyear' ]] || fail "search --sort<TAB>: got '$got'"
got=$(complete_words papertree export -s "")
[[ $got == $'added\ntitle\nvenue\nyear' ]] || fail "export -s<TAB>: got '$got'"
got=$(complete_words papertree list --columns "")
[[ $got == $'authors\ncategories\ncode\nid\ntitle\nvenue\nyear' ]] || fail "list --columns<TAB>: got '$got'"
got=$(complete_words papertree search --columns "")
[[ $got == $'authors\ncategories\ncode\nid\ntitle\nvenue\nyear' ]] || fail "search --columns<TAB>: got '$got'"
got=$(complete_words papertree search --kind "")
[[ $got == $'blog\npaper\nwebsite' ]] || fail "search --kind<TAB>: got '$got'"
got=$(complete_words papertree frameworks --supports "")
[[ $got == $'fine-tuning\ninference\ntraining' ]] || fail "frameworks --supports<TAB>: got '$got'"
got=$(complete_words papertree frameworks -f "")
[[ $got == $'json\nplain\ntable' ]] || fail "frameworks -f<TAB>: got '$got'"
got=$(complete_words papertree --color "")
[[ $got == $'always\nauto\nnever' ]] || fail "--color<TAB>: got '$got'"
got=$(complete_words papertree completion "")
[[ $got == $'bash\nfish\nzsh' ]] || fail "completion <TAB>: got '$got'"
got=$(complete_words papertree help se)
[[ $got == "search" ]] || fail "help se<TAB>: got '$got'"
got=$(PAPERTREE_CORPUS="$small" complete_words papertree show gp)
[[ $got == "gptq" ]] || fail "show gp<TAB>: got '$got'"
run --corpus "$small" __complete-papers
expect_code 0
[[ $out == *gptq* ]] || fail "__complete-papers: $out"

# The program's options that take a value are skipped with it when finding the command (review
# finding: `--max-input 64M list quant<TAB>` took 64M for the command). bash splits
# `--opt=value` into three words.
export PAPERTREE_CORPUS="$small"
for line in "--max-input 64M" "--max-input = 64M" "--color never" "-c $small --max-input 64M" \
  "--corpus = $small" "-q --no-cache --max-input 1G --color always"; do
  # shellcheck disable=SC2086  # the words of $line are the words typed
  got=$(complete_words papertree $line list quant)
  [[ $got == $'quantization\nquantization-aware-training' ]] || fail "$line list quant<TAB>: got '$got'"
done
got=$(complete_words papertree --max-input 64M se)
[[ $got == "search" ]] || fail "--max-input 64M se<TAB>: got '$got'"
got=$(complete_words papertree --max-input "")
[[ -z $got ]] || fail "--max-input <TAB> offers a value: got '$got'"
got=$(complete_words papertree list --year "")
[[ -z $got ]] || fail "list --year <TAB> offers something: got '$got'"
got=$(complete_words papertree list --format = j)
[[ $got == $'json\njsonl' ]] || fail "list --format=j<TAB>: got '$got'"
got=$(PAPERTREE_CORPUS="" complete_words papertree --corpus = "$small" tree spec)
[[ $got == "speculative-decoding" ]] || fail "--corpus=FILE honoured: got '$got'"
# A positional completes to what it names: news takes a category, edit a paper, diff files.
got=$(complete_words papertree news quant)
[[ $got == $'quantization\nquantization-aware-training' ]] || fail "news quant<TAB>: got '$got'"
got=$(complete_words papertree edit gp)
[[ $got == "gptq" ]] || fail "edit gp<TAB>: got '$got'"
got=$(complete_words papertree move gptq --to kv)
[[ $got == "kv-cache-optimization" ]] || fail "move --to kv<TAB>: got '$got'"
got=$(cd "$FIXTURES" && complete_words papertree diff smal)
[[ $got == "small.json" ]] || fail "diff FILE<TAB>: got '$got'"
# --columns takes a comma-separated list: the names not yet in it complete after the comma.
got=$(complete_words papertree list --columns id,)
[[ $got == $'id,authors\nid,categories\nid,code\nid,title\nid,venue\nid,year' ]] ||
  fail "list --columns id,<TAB>: got '$got'"
got=$(complete_words papertree search --columns id,year,v)
[[ $got == "id,year,venue" ]] || fail "search --columns id,year,v<TAB>: got '$got'"
got=$(complete_words papertree list --columns title,id,year,venue,authors,code,)
[[ $got == "title,id,year,venue,authors,code,categories" ]] || fail "--columns, last one: got '$got'"
# The program's options count after the command too (`list --corpus FILE`), and a quoted or
# escaped value is read as the shell will pass it.
# (small.json's ids: model-centric, model-compression; the embedded survey's: model-centric-methods.)
got=$(PAPERTREE_CORPUS="" complete_words papertree list --corpus "$small" model-c)
[[ $got == $'model-centric\nmodel-compression' ]] || fail "list --corpus FILE model-c<TAB>: got '$got'"
mkdir -p "$WORK/spaced dir"
cp "$small" "$WORK/spaced dir/my corpus.json"
got=$(PAPERTREE_CORPUS="" complete_words papertree --corpus "\"$WORK/spaced dir/my corpus.json\"" tree model-c)
[[ $got == $'model-centric\nmodel-compression' ]] || fail "--corpus \"FILE WITH SPACES\" spec<TAB>: got '$got'"
got=$(PAPERTREE_CORPUS="" complete_words papertree --corpus "${WORK// /\\ }/spaced\\ dir/my\\ corpus.json" tree model-c)
[[ $got == $'model-centric\nmodel-compression' ]] || fail "--corpus FILE\\ WITH\\ SPACES spec<TAB>: got '$got'"
# A file name with spaces or glob characters is one reply, as it is.
touch "$WORK/spaced dir/a [b]*.json"
got=$(cd "$WORK/spaced dir" && complete_words papertree import "")
[[ $got == $'a [b]*.json\nmy corpus.json' ]] || fail "import <TAB> with spaced names: got '$got'"
got=$(cd "$WORK/spaced dir" && complete_words papertree import my)
[[ $got == "my corpus.json" ]] || fail "import my<TAB>: got '$got'"
unset PAPERTREE_CORPUS

# zsh: the script loads in a real zsh and its function works as bashcompinit calls it.
if command -v zsh >/dev/null; then
  run completion zsh
  cp "$WORK/out" "$WORK/completion.zsh"
  # compgen as bashcompinit defines it does not filter by the word typed (zsh's completion
  # system does that with the candidates), so the check filters by prefix as zsh would.
  zsh_complete() {
    PATH="$WORK/bin:$PATH" PAPERTREE_CORPUS="$small" zsh -f -c '
      autoload -U +X compinit && compinit -u -D
      source "$1" || exit 1
      shift
      emulate -L sh
      COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
      _papertree
      printf "%s\n" "${COMPREPLY[@]}"' _ "$WORK/completion.zsh" "$@" 2>&1 |
      grep "^${*: -1}" | sort
  }
  got="$(zsh_complete papertree list --sort "")
$(zsh_complete papertree show gp)
$(zsh_complete papertree list quant)"
  [[ $got == $'added\ntitle\nvenue\nyear\ngptq\nquantization\nquantization-aware-training' ]] ||
    fail "zsh completion: got '$got'"
  got="$(zsh_complete papertree --max-input 64M list quant)
$(zsh_complete papertree --corpus "$small" --max-input 64M se)
$(zsh_complete papertree news quant)"
  [[ $got == $'quantization\nquantization-aware-training\nsearch\nquantization\nquantization-aware-training' ]] ||
    fail "zsh: global options with values, news: got '$got'"
  # zsh keeps --option=value one word: the values of the option, each with it in front.
  got="$(zsh_complete papertree list --sort=ye)
$(zsh_complete papertree search --columns=id,y)
$(zsh_complete papertree --color=al)"
  [[ $got == $'--sort=year\n--columns=id,year\n--color=always' ]] ||
    fail "zsh --option=value: got '$got'"
  got=$(zsh_complete papertree list --has-code=)
  [[ -z $got ]] || fail "zsh --has-code=<TAB> (a flag): got '$got'"
  got=$(zsh_complete papertree list --columns id,)
  [[ $got == $'id,authors\nid,categories\nid,code\nid,title\nid,venue\nid,year' ]] ||
    fail "zsh list --columns id,<TAB>: got '$got'"
  got=$(zsh_complete papertree list --columns id,year,v)
  [[ $got == "id,year,venue" ]] || fail "zsh list --columns id,year,v<TAB>: got '$got'"
  # As zsh calls it: a space after a reply, but not after a column list (a comma may follow) nor
  # after a directory.
  zsh_replies() {
    PATH="$WORK/bin:$PATH" PAPERTREE_CORPUS="$small" zsh -f -c '
      autoload -U +X compinit && compinit -u -D
      source "$1" || exit 1
      shift
      emulate -L sh
      COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
      _papertree_zsh
      printf "[%s]\n" "${COMPREPLY[@]}"' _ "$WORK/completion.zsh" "$@" 2>&1 | grep -F "[${*: -1}"
  }
  got="$(zsh_replies papertree news speculative)
$(zsh_replies papertree list --columns id,year,v)
$(cd "$PAPERTREE_SOURCE_DIR/tests" && zsh_replies papertree -c fixtur)
$(cd "$PAPERTREE_SOURCE_DIR/tests" && zsh_replies papertree --corpus=fixtur)"
  [[ $got == $'[speculative-decoding ]\n[id,year,venue]\n[fixtures/]\n[--corpus=fixtures/]' ]] ||
    fail "zsh replies' suffixes: got '$got'"
else
  require_tool zsh
fi

# fish: its own completion engine, asked with `complete -C`.
if command -v fish >/dev/null; then
  run completion fish
  cp "$WORK/out" "$WORK/completion.fish"
  fish_complete() {
    PATH="$WORK/bin:$PATH" PAPERTREE_CORPUS="$small" fish --no-config -c \
      "source $WORK/completion.fish; complete -C'$1'" | cut -f1 | sort
  }
  got=$(fish_complete "papertree list --sort ")
  [[ $got == $'added\ntitle\nvenue\nyear' ]] || fail "fish list --sort: got '$got'"
  got=$(fish_complete "papertree search q --sort ")
  [[ $got == $'added\nrelevance\ntitle\nvenue\nyear' ]] || fail "fish search --sort: got '$got'"
  got=$(fish_complete "papertree export --sort ")
  [[ $got == $'added\ntitle\nvenue\nyear' ]] || fail "fish export --sort: got '$got'"
  got=$(fish_complete "papertree se")
  [[ $got == "search" ]] || fail "fish commands: got '$got'"
  got=$(fish_complete "papertree show gp")
  [[ $got == "gptq" ]] || fail "fish show ids: got '$got'"
  got=$(fish_complete "papertree list quant")
  [[ $got == $'quantization\nquantization-aware-training' ]] || fail "fish categories: got '$got'"
  got=$(fish_complete "papertree export --format b")
  [[ $got == "bibtex" ]] || fail "fish export --format: got '$got'"
  got=$(fish_complete "papertree --max-input 64M list quant")
  [[ $got == $'quantization\nquantization-aware-training' ]] || fail "fish --max-input: got '$got'"
  got=$(fish_complete "papertree --max-input 64M --color never se")
  [[ $got == "search" ]] || fail "fish command after global options: got '$got'"
  got=$(fish_complete "papertree --max-input ")
  [[ -z $got ]] || fail "fish --max-input <TAB> offers '$got'"
  got=$(fish_complete "papertree search tree")
  [[ -z $got ]] || fail "fish search's query completes as tree's category: '$got'"
  got=$(fish_complete "papertree news quant")
  [[ $got == $'quantization\nquantization-aware-training' ]] || fail "fish news quant: got '$got'"
  got=$(fish_complete "papertree move gptq --to kv")
  [[ $got == "kv-cache-optimization" ]] || fail "fish move --to: got '$got'"
  got=$(fish_complete "papertree list --columns id,")
  [[ $got == $'id,authors\nid,categories\nid,code\nid,title\nid,venue\nid,year' ]] ||
    fail "fish list --columns id,: got '$got'"
  got=$(PAPERTREE_CORPUS="" fish --no-config -c \
    "set -x PATH $WORK/bin \$PATH; source $WORK/completion.fish; complete -C'papertree list --corpus $small model-c'" |
    cut -f1 | sort)
  [[ $got == $'model-centric\nmodel-compression' ]] || fail "fish list --corpus FILE model-c: got '$got'"
  got=$(fish_complete "papertree list --columns=id,year,v")
  [[ $got == "--columns=id,year,venue" ]] || fail "fish --columns=id,year,v: got '$got'"
else
  require_tool fish
fi

finish
