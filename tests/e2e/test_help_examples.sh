#!/usr/bin/env bash
# Every example the help shows runs, so none can go stale: the command lines of the Examples
# section of `papertree` alone, of `papertree --help` and of every command's --help (the commands
# as `papertree --help` lists them, so a new one is covered). Each help's examples run in order,
# as a reader would type them, by bash with pipefail, in a scratch directory of their own that
# holds the files examples name (made below: corpus files are copies of data/*.json), with
# `papertree` the binary under test and the embedded corpus otherwise. A line fails when it exits
# with 2 or more; 1 is a check that found something (validate, check), which is what it is for.
source "$(dirname "$0")/lib.sh"

bindir="$WORK/bin"
mkdir -p "$bindir"
ln -s "$PAPERTREE_BIN" "$bindir/papertree"
export PATH="$bindir:$PATH"
# `papertree index FILE` writes into the cache: a scratch one unless CTest gave one.
export PAPERTREE_CACHE_DIR="${PAPERTREE_CACHE_DIR:-$WORK/cache}"

# The files the examples read. An example naming another input file fails here (exit 4): add it.
fixtures="$WORK/fixtures"
mkdir -p "$fixtures"
corpus_files=("$PAPERTREE_SOURCE_DIR"/data/*.json)
for name in c.json old.json new.json big.json; do cp "${corpus_files[0]}" "$fixtures/$name"; done
"$PAPERTREE_BIN" export --format markdown -o "$fixtures/README.md" || fail "cannot make README.md"
"$PAPERTREE_BIN" export --format bibtex -o "$fixtures/refs.bib" || fail "cannot make refs.bib"
"$PAPERTREE_BIN" export --format csljson -o "$fixtures/refs.json" || fail "cannot make refs.json"

# The examples that need a program other than bash and coreutils, and the shell each runs in
# (bash when not named). Run when the program is installed; else skipped and named, or a failure
# under PAPERTREE_REQUIRE_TOOLS=1. Nothing else is skipped: every example runs offline.
declare -A needs=(
  ["papertree export --format dot | dot -Tsvg -o taxonomy.svg"]=dot
  ["source <(papertree completion zsh)"]=zsh
  ["papertree completion fish | source"]=fish
)
declare -A shell_of=(
  ["source <(papertree completion zsh)"]=zsh
  ["papertree completion fish | source"]=fish
)
declare -A needs_seen=()

# The command lines of the Examples section of the help text on stdin, one a line.
examples_of() {
  awk '/^Examples:$/ { on = 1; next }
       on && /^[^ ]/ { on = 0 }
       on && /^  [^ ]/ { sub(/^  /, ""); print }'
}

ran=0
skipped=()
# run_examples NAME HELP_ARGS...: runs the examples of `papertree HELP_ARGS...`.
run_examples() {
  local name=$1 help line tool shell dir code
  shift
  help=$("$PAPERTREE_BIN" "$@") || fail "papertree $*: exit code $?"
  dir="$WORK/run/$name"
  mkdir -p "$dir"
  cp -r "$fixtures/." "$dir"
  local lines=()
  mapfile -t lines < <(examples_of <<<"$help")
  ((${#lines[@]} > 0)) || fail "papertree $*: no examples"
  for line in "${lines[@]}"; do
    tool=${needs[$line]:-}
    shell=${shell_of[$line]:-bash}
    if [[ -n $tool ]]; then
      needs_seen[$line]=1
      if ! command -v "$tool" >/dev/null 2>&1; then
        [[ ${PAPERTREE_REQUIRE_TOOLS:-0} == 1 ]] && fail "$line: needs $tool, not installed"
        skipped+=("$line (needs $tool)")
        continue
      fi
    fi
    case $shell in
      bash) (cd "$dir" && timeout 120 bash -o pipefail -c "$line") >"$WORK/ex.out" 2>"$WORK/ex.err" ;;
      zsh) (cd "$dir" && timeout 120 zsh -c "autoload -Uz compinit && compinit -u; $line") \
        >"$WORK/ex.out" 2>"$WORK/ex.err" ;;
      fish) (cd "$dir" && timeout 120 fish -c "$line") >"$WORK/ex.out" 2>"$WORK/ex.err" ;;
    esac
    code=$?
    ran=$((ran + 1))
    ((code < 2)) || fail "the example of 'papertree $*' exits $code: $line
$(head -c 2000 "$WORK/ex.err")"
  done
}

run_examples papertree
run_examples program --help
commands=$("$PAPERTREE_BIN" --help | awk '/^Subcommands:$/ { on = 1; next }
                                          on && /^[^ ]/ { on = 0 }
                                          on && /^  [a-z]/ { print $1 }')
[[ -n $commands ]] || fail "papertree --help lists no commands"
for c in $commands; do
  run_examples "$c" "$c" --help
done

for line in "${!needs[@]}"; do
  [[ -n ${needs_seen[$line]:-} ]] || fail "no help has the example '$line' any more: update the table"
done
echo "$ran help examples run; skipped: ${#skipped[@]}"
for s in "${skipped[@]}"; do echo "  skipped: $s"; done
finish
