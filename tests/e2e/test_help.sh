#!/usr/bin/env bash
# Help: `papertree` alone, `papertree help [COMMAND]`, did-you-mean for a mistyped command, a
# hint for a query word that looks like an option, aligned and wrapped help columns, Examples and
# exit codes in every command's help, metavariables named for what they are, and the man page
# generated from the same text (also as `cmake --install` puts it). That every example runs is
# test_help_examples.sh.
source "$(dirname "$0")/lib.sh"

# Every command `papertree --help` lists, and the everyday ones that must stay listed.
mapfile -t commands < <("$PAPERTREE_BIN" --help | awk '/^Subcommands:$/ { on = 1; next }
                                                     on && /^[^ ]/ { on = 0 }
                                                     on && /^  [a-z]/ { print $1 }')
for c in tree export import enrich stats list search show frameworks completion validate add edit \
  move remove add-category rename-category move-category check diff news help index; do
  [[ " ${commands[*]} " == *" $c "* ]] || fail "papertree --help does not list $c"
done

run
expect_code 0
expect_contains "Usage: papertree [OPTIONS] COMMAND [ARGS...]"
expect_contains "Examples:"
expect_contains "  papertree search 'kv cache' --has-code"
expect_contains "Run 'papertree help COMMAND' for a command's options and examples"
for c in "${commands[@]}"; do
  grep -q "^  $c  " <<<"$out" || fail "papertree alone does not list the command $c: $out"
done
[[ $out != *__complete* && $out != *__man* ]] || fail "papertree alone lists hidden commands"

run --help
full_help=$out
grep -A1 '^Examples:$' <<<"$out" | grep -q '^  papertree ' || fail "papertree --help has no examples: $out"
expect_contains $'\nExit codes: 0 success, 1 a check found problems (validate, check), 2 usage error, 3 bad input data,\n4 I/O error.'
run help
expect_code 0
[[ $out == "$full_help" ]] || fail "papertree help differs from papertree --help"

for c in "${commands[@]}"; do
  run "$c" --help
  expect_code 0
  own=$out
  run help "$c"
  expect_code 0
  [[ $out == "$own" ]] || fail "papertree help $c differs from papertree $c --help"
  expect_contains "Usage: papertree $c"
  grep -A1 '^Examples:$' <<<"$own" | grep -q '^  [a-z]' || fail "$c --help has no examples: $own"
  grep -q '^Exit codes: 0 ' <<<"$own" || fail "$c --help has no exit codes: $own"
  # No metavariable is one of CLI11's C++ type names, nor the fallback for an option without one.
  if grep -En '^  (-[a-zA-Z], )?(--[a-z-]+ )?(TEXT|INT|UINT|FLOAT|VALUE)\b|[A-Z]+:[A-Z]' <<<"$own" |
    grep -v '^[0-9]*:  papertree'; then
    fail "$c --help shows a CLI11 type name as a metavariable"
  fi
  # Off a terminal, help lines are wrapped to 100 columns (example command lines, copied whole,
  # are kept within that too).
  while IFS= read -r line; do
    ((${#line} <= 100)) || fail "$c --help: a line of ${#line} columns: '$line'"
  done <<<"$own"
  # Every option line's description starts at the same display column (30), whatever the
  # characters before it; the sections after the options (syntax, examples) are free text.
  section=""
  while IFS= read -r line; do
    [[ $line != " "* ]] && section=$line
    [[ $section =~ ^(Options|Positionals|Filters|Subcommands): && $line == "  "[!\ ]* ]] || continue
    rest=${line:2}
    label=${rest%%  *}
    after=${rest:${#label}}
    desc=${after#"${after%%[! ]*}"}
    [[ -z $desc ]] && continue
    column=$((2 + ${#label} + ${#after} - ${#desc}))
    ((column == 30)) || fail "$c --help: description at column $column, not 30: '$line'"
  done <<<"$own"
done

run list --help
expect_contains "  -n, --limit N"
expect_contains "  -s, --sort year|title|venue"
expect_contains "  --year YEARS"
expect_contains "  CATEGORY "
[[ $out != *UINT* && $out != *TEXT:* && $out != *N≥* ]] || fail "list --help shows raw CLI11 type names: $out"
run search --help
expect_contains "Query syntax"
expect_contains "year:>=2023"
expect_contains "  author:NAME                by this author: author:dao, author:\"tri dao\""
expect_contains "Usage: papertree search [OPTIONS] QUERY..."
expect_contains $'  --columns COL[,COL...]      table and plain: these columns, comma-separated, in this order: any of\n                              id, year, venue, title, authors, code, categories; table default:\n                              year,venue,authors,title,code'
expect_contains "  --author NAME "
expect_contains "  --added-since DATE "
expect_contains "  papertree search lora --in efficient-fine-tuning --facets"

# The metavariables the documentation uses, and the exit codes of the commands that check.
run enrich --help
expect_contains "Usage: papertree enrich [OPTIONS] FILE..."
expect_contains "  -o, --output FILE "
run edit --help
expect_contains "Usage: papertree edit [OPTIONS] PAPER"
expect_contains "  --year YEAR "
expect_contains "  --link LABEL=URL "
run export --help
expect_contains "  --ids FILE "
run --help
expect_contains "  --max-input SIZE "
run validate --help
expect_contains "  --rule RULE "
expect_contains $'\nExit codes: 0 no problems, 1 problems found (an error; under --strict, a warning too), 2 usage\nerror, 3 bad input data, 4 I/O error.'
run check --help
expect_contains "  --against FILE "
expect_contains $'\nExit codes: 0 the list is what the corpus exports, 1 it differs (the diff is printed), 2 usage\nerror, 3 bad input data, 4 I/O error.'
run list --help
expect_contains $'\nExit codes: 0 success, 2 usage error, 3 bad input data, 4 I/O error.'

# On a terminal, help is wrapped to its width, continuation lines aligned with the descriptions.
require_tool python3
narrow=$(python3 - "$PAPERTREE_BIN" <<'PY'
import os, pty, struct, fcntl, termios, sys, subprocess
master, slave = pty.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 72, 0, 0))
proc = subprocess.Popen([sys.argv[1], "list", "--help"], stdout=slave, stderr=slave)
os.close(slave)
chunks = []
while True:
    try:
        data = os.read(master, 65536)
    except OSError:
        break
    if not data:
        break
    chunks.append(data)
proc.wait()
sys.stdout.write(b"".join(chunks).decode().replace("\r\n", "\n"))
PY
)
expect_text=$'  -n, --limit N               Print at most N papers (0: all); default:\n                              20 on a terminal, all otherwise'
[[ $narrow == *"$expect_text"* ]] || fail "list --help on a 72-column terminal is not wrapped: $narrow"
while IFS= read -r line; do
  [[ $line == "  papertree "* ]] && continue
  ((${#line} <= 72)) || fail "list --help on a 72-column terminal: a line of ${#line} columns: '$line'"
done <<<"$narrow"

# A mistyped command: the closest one, and where to see them all.
run serach quantization
expect_code 2
[[ $err == $'papertree: error: unknown command "serach"; did you mean "search"?\nrun \'papertree help\' to see every command' ]] ||
  fail "serach: stderr '$err'"
[[ -z $out ]] || fail "serach printed to stdout: $out"
run --corpus "$FIXTURES/small.json" lsit quant
expect_code 2
expect_err_contains 'unknown command "lsit"; did you mean "list"?'
run help expotr
expect_code 2
expect_err_contains 'unknown command "expotr"; did you mean "export"?'
run xyzzy
expect_code 2
[[ $err == $'papertree: error: unknown command "xyzzy"\nrun \'papertree help\' to see every command' ]] ||
  fail "xyzzy: stderr '$err'"

# A mistyped global option before the command is named at once, its value never read as the
# command; an error about a global option's value points to papertree's own help.
run --colr always tree
expect_code 2
[[ $err == $'papertree: error: unknown option "--colr"; did you mean "--color"?\nRun \'papertree --help\' for usage.' ]] ||
  fail "--colr always tree: stderr '$err'"
run --no-cach=1 tree
expect_code 2
expect_err_contains 'unknown option "--no-cach"; did you mean "--no-cache"?'
run -x always tree
expect_code 2
[[ $err == $'papertree: error: unknown option "-x"\nRun \'papertree --help\' for usage.' ]] ||
  fail "-x always tree: stderr '$err'"
run --limit 5 list
expect_code 2
expect_err_contains '--limit is an option of list: put it after the command (papertree list --limit ...)'
# Mistyped as well: the nearest option of the command named later, to be moved after it.
run --limt 5 list
expect_code 2
[[ $err == $'papertree: error: unknown option "--limt"; did you mean "--limit"?\n--limit is an option of list: put it after the command (papertree list --limit ...)' ]] ||
  fail "--limt 5 list: stderr '$err'"
run --max-input abc tree
expect_code 2
[[ $err == *$'\nRun \'papertree --help\' for usage.' ]] || fail "--max-input abc tree: stderr '$err'"
run --color alw tree
expect_code 2
[[ $err == *$'\nRun \'papertree --help\' for usage.' ]] || fail "--color alw tree: stderr '$err'"
run tree --depth x
expect_code 2
[[ $err == *$'\nRun \'papertree tree --help\' for usage.' ]] || fail "tree --depth x: stderr '$err'"

# A mistyped option: the closest option of the command, or of papertree itself.
run list --limt 5
expect_code 2
[[ $err == $'papertree: error: unknown option "--limt"\nhint: did you mean "--limit"?\nRun \'papertree list --help\' for usage.' ]] ||
  fail "list --limt: stderr '$err'"
run search --sortt=year kv
expect_code 2
expect_err_contains 'hint: did you mean "--sort"?'
run tree --corpsu x.json
expect_code 2
expect_err_contains 'hint: did you mean "--corpus"?'
run list --zzzzzz
expect_code 2
expect_err_contains 'unknown option "--zzzzzz"'
if grep -q "did you mean" <<<"$err"; then fail "list --zzzzzz suggested something: $err"; fi

# On a narrow terminal the query-syntax table wraps its right column under itself.
run_tty 60 search --help
expect_code 0
expect_contains $'  kv cache                   both words, in a title, venue\n                             or category name'
expect_contains $'  title:WORD  venue:NAME     in the title; at the venue (any\n                             case, normalised)'

# A query word that looks like an option; parse errors point to the command's own help.
run search -quantization
expect_code 2
expect_err_contains 'hint: "-quantization" is not an option; to search for papers without "quantization", put -- before the query: papertree search -- -quantization'
expect_err_contains "Run 'papertree search --help' for usage."
# -q is a flag (--quiet): CLI11 reads "-quantization" as -q then "-uantization"; the error names
# the word as typed, and the hint keeps the whole query, in order, after the options.
run search kv cache -quantization --limit 5
expect_code 2
[[ $err == 'papertree: error: unknown option "-quantization"
hint: "-quantization" is not an option; to search for papers without "quantization", put -- before the query: papertree search --limit 5 -- kv cache -quantization
Run '"'papertree search --help'"' for usage.' ]] || fail "search kv cache -quantization: stderr '$err'"
run --corpus "$FIXTURES/small.json" search '"kv cache"' -gptq
expect_code 2
expect_err_contains "put -- before the query: papertree --corpus $FIXTURES/small.json search -- '\"kv cache\"' -gptq"
# A negative number as an option's value is no query word.
run search x --limit -1
expect_code 2
[[ $err == 'papertree: error: --limit: expected a whole number ≥ 0, got "-1"
hint: --limit takes a number N ≥ 0, not "-1"
Run '"'papertree search --help'"' for usage.' ]] || fail "search x --limit -1: stderr '$err'"
# A short option with its value attached stays an option; a negative number given to an option
# that takes no number is its value, not the error.
run search -n5 -gptq quant
expect_code 2
expect_err_contains "put -- before the query: papertree search -n5 -- -gptq quant"
run search --venue -1 x -gptq
expect_code 2
expect_err_contains "put -- before the query: papertree search --venue -1 -- x -gptq"
[[ $err != *"--venue takes"* ]] || fail "search --venue -1 x -gptq blames --venue: '$err'"
# Filters without a query: the list command that does that.
run search --author dettmers
expect_code 2
[[ $err == 'papertree: error: query is required
hint: search needs a query; to list the papers the filters keep: papertree list --author dettmers
Run '"'papertree search --help'"' for usage.' ]] || fail "search --author dettmers: stderr '$err'"
run search --in quant --year 2023 --sort relevance --facets
expect_code 2
expect_err_contains "hint: search needs a query; to list the papers the filters keep: papertree list quant --year 2023"
run search --in=quant --year 2023
expect_code 2
expect_err_contains "hint: search needs a query; to list the papers the filters keep: papertree list quant --year 2023"
run search
expect_code 2
[[ $err == $'papertree: error: query is required\nRun \'papertree search --help\' for usage.' ]] ||
  fail "search: stderr '$err'"
# An option given last without its value.
run list --limit
expect_code 2
[[ $err == $'papertree: error: --limit needs a value (a number N ≥ 0)\nRun \'papertree list --help\' for usage.' ]] ||
  fail "list --limit: stderr '$err'"
run list --sort
expect_code 2
expect_err_contains "papertree: error: --sort needs a value (one of year, title, venue, added)"
# Errors in an option's value found when the command runs point to the help too.
run list --year 20x3
expect_code 2
[[ $err == $'papertree: error: bad year "20x3": expected a year (2023), a range (2022..2024) or a bound (>=2023, <2024)\nRun \'papertree list --help\' for usage.' ]] ||
  fail "list --year 20x3: stderr '$err'"
run list --columns foo
expect_code 2
[[ $err == $'papertree: error: --columns: unknown column "foo"; valid columns: id, year, venue, title, authors, code, categories\nRun \'papertree list --help\' for usage.' ]] ||
  fail "list --columns foo: stderr '$err'"
run list --added-since yesterday
expect_code 2
[[ $err == $'papertree: error: --added-since "yesterday" is not a date YYYY-MM-DD\nRun \'papertree list --help\' for usage.' ]] ||
  fail "list --added-since yesterday: stderr '$err'"
# A usage error that says what to do itself (candidates, a pointer) gets no second pointer.
run list decoding
expect_code 2
[[ $err != *"--help"* ]] || fail "list decoding points to --help: $err"
run --corpus "$FIXTURES/small.json" search --format ids -- -quantization
expect_code 0
run list --bogus
expect_code 2
expect_err_contains "Run 'papertree list --help' for usage."
run --bogus
expect_code 2
expect_err_contains "Run 'papertree --help' for usage."

# The man page: generated from the help, valid roff, installed by cmake --install.
require_tool groff
run __man "$WORK/papertree.1"
expect_code 0
groff -man -Tutf8 -ww -z "$WORK/papertree.1" 2>"$WORK/groff.err" || fail "groff failed on the man page"
[[ ! -s $WORK/groff.err ]] || fail "groff warns about the man page: $(cat "$WORK/groff.err")"
page=$(groff -man -Tutf8 -P-cbou "$WORK/papertree.1" 2>/dev/null)
for text in "papertree search [OPTIONS] QUERY..." "papertree show 2306.00978" "-n, --limit N" \
  "year:>=2023" "PAPERTREE_CORPUS" "Exit codes: 0 success"; do
  [[ $page == *"$text"* ]] || fail "the man page lacks '$text'"
done
if [[ -n ${PAPERTREE_BUILD_DIR:-} ]]; then
  cmake --install "$PAPERTREE_BUILD_DIR" --prefix "$WORK/prefix" >"$WORK/install.log" 2>&1 ||
    fail "cmake --install failed: $(cat "$WORK/install.log")"
  cmp -s "$WORK/prefix/share/man/man1/papertree.1" "$WORK/papertree.1" ||
    fail "cmake --install does not install the generated man page"
  [[ -x $WORK/prefix/bin/papertree ]] || fail "cmake --install does not install the binary"
fi

finish
