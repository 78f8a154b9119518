#!/usr/bin/env bash
# Compiled snapshots: `index`, snapshots as --corpus, the cache (built after a miss, used when
# current, bypassed and rebuilt when stale or damaged), --no-cache; same answers every way.
source "$(dirname "$0")/lib.sh"
unset PAPERTREE_CACHE XDG_CACHE_HOME
export PAPERTREE_CACHE_DIR="$WORK/cache"
corpus="$WORK/small.json"
cp "$FIXTURES/small.json" "$corpus"
touch -d '2 hours ago' "$corpus"

# The answers straight from the JSON, to compare every other way with.
commands=("tree" "list --limit 3" "search quantization" "search --format json kv cache" "show --format json $(jq -r '.papers[0].id' "$corpus")" "stats")
declare -A want
for c in "${commands[@]}"; do
  # shellcheck disable=SC2086
  run --no-cache --corpus "$corpus" $c
  expect_code 0
  want[$c]=$out
done
[[ ! -e $PAPERTREE_CACHE_DIR ]] || fail "--no-cache wrote to the cache"

same_answers() { # $1: how, then the --corpus argument
  for c in "${commands[@]}"; do
    # shellcheck disable=SC2086
    run --corpus "$2" $c
    expect_code 0
    [[ $out == "${want[$c]}" ]] || fail "$1: '$c' differs from the JSON answer: $out"
  done
}

entries() { find "$PAPERTREE_CACHE_DIR" -name '*.snapshot' 2>/dev/null | sort; }
wait_for_entry() { # waits until the cache holds one entry that differs from $1 (a checksum)
  for _ in $(seq 300); do
    local e
    e=$(entries)
    if [[ -n $e ]] && [[ $(cksum <"$e") != "$1" ]]; then return 0; fi
    sleep 0.1
  done
  fail "no cache entry appeared"
}

# index -o writes a snapshot that --corpus reads; it refuses to overwrite without --force.
run index "$corpus" -o "$WORK/small.snapshot"
expect_code 0
expect_contains "$WORK/small.snapshot: snapshot of $corpus ("
[[ -z $err ]] || fail "index printed on a pipe: $err"
same_answers "index -o" "$WORK/small.snapshot"
run index "$corpus" -o "$WORK/small.snapshot"
expect_code 4
expect_err_contains "small.snapshot: already exists (use --force to overwrite)"
run index "$corpus" -o "$WORK/small.snapshot" --force
expect_code 0

# -o naming the corpus itself (by another path, or with --force) is refused: the JSON stays.
cp "$corpus" "$WORK/self.json"
run index "$WORK/self.json" -o "$WORK/./self.json" --force
expect_code 2
expect_err_contains "self.json: -o names the corpus file itself; give the snapshot another name"
cmp -s "$corpus" "$WORK/self.json" || fail "index -o over its own corpus changed it"

# A damaged snapshot given as --corpus is refused, never trusted.
head -c 200 "$WORK/small.snapshot" >"$WORK/cut.snapshot"
run --corpus "$WORK/cut.snapshot" tree
expect_code 3
expect_err_contains "cut.snapshot: cannot use this snapshot: truncated (200 of "
cp "$WORK/small.snapshot" "$WORK/bad.snapshot"
printf 'X' | dd of="$WORK/bad.snapshot" bs=1 seek=300 conv=notrunc status=none
run --corpus "$WORK/bad.snapshot" tree
expect_code 3
expect_err_contains "bad.snapshot: cannot use this snapshot: corrupted (checksum mismatch)"

# The cache: the first run answers from the JSON and builds the entry in the background; later
# runs answer from it.
run --corpus "$corpus" tree
expect_code 0
[[ $out == "${want[tree]}" ]] || fail "first cached run differs"
wait_for_entry none
[[ $(entries | wc -l) -eq 1 ]] || fail "expected one cache entry: $(entries)"
same_answers "warm cache" "$corpus"

# A damaged entry is bypassed (same answers) and rebuilt.
entry=$(entries)
head -c 500 "$entry" >"$WORK/e" && cp "$WORK/e" "$entry"
damaged=$(cksum <"$entry")
same_answers "damaged cache entry" "$corpus"
wait_for_entry "$damaged"
cmp -s "$(entries)" "$WORK/small.snapshot" ||
  fail "the rebuilt entry differs from index -o's snapshot of the same file"

# Damage inside the entry's body is found when a command reads that part (exit 3); the entry is
# removed then, so the next command answers from the JSON and compiles a new one.
entry=$(entries)
size=$(stat -c %s "$entry")
printf 'X' | dd of="$entry" bs=1 seek=$((size / 2)) conv=notrunc status=none
damaged=$(cksum <"$entry")
run --corpus "$corpus" list --limit 0
expect_code 3
expect_err_contains "cannot use this snapshot: corrupted (checksum mismatch)"
expect_err_contains "papertree: warning: the damaged cached snapshot $entry was removed; the next command compiles a new one"
[[ ! -e $entry ]] || fail "the damaged cache entry was kept"
run --no-cache --corpus "$corpus" list --limit 0
wanted=$out
run --corpus "$corpus" list --limit 0
expect_code 0
[[ $out == "$wanted" ]] || fail "after the damaged entry was removed: the answer differs"
wait_for_entry "$damaged"
cmp -s "$(entries)" "$WORK/small.snapshot" || fail "the entry compiled after the damage differs"

# An edited corpus makes the entry stale: the answer follows the edit.
sed -i 's/"title": "Small Test Survey"/"title": "Edited Survey"/' "$corpus"
run --corpus "$corpus" tree
expect_code 0
expect_contains "Edited Survey"
PAPERTREE_CACHE=always run --corpus "$corpus" tree
expect_contains "Edited Survey"

# index without -o fills the cache; without any cache directory it says what to do.
rm -rf "$PAPERTREE_CACHE_DIR"
run index "$corpus"
expect_code 0
expect_contains "$(entries): snapshot of $corpus ("
PAPERTREE_CACHE_DIR="" HOME="" run index "$corpus"
expect_code 2
expect_err_contains "no cache directory: set PAPERTREE_CACHE_DIR, XDG_CACHE_HOME or HOME, or give -o FILE"

# XDG_CACHE_HOME is used when PAPERTREE_CACHE_DIR is not set.
PAPERTREE_CACHE_DIR="" XDG_CACHE_HOME="$WORK/xdg" run index "$corpus"
expect_code 0
expect_contains "$WORK/xdg/papertree/"

# A snapshot is for reading: what compiles, compares or edits a corpus says it needs the JSON
# (not a JSON syntax error about the binary's bytes), and leaves the snapshot as it was.
run index "$corpus" -o "$WORK/ro.snapshot"
expect_code 0
before=$(cksum <"$WORK/ro.snapshot")
needs_json="ro.snapshot: this is a compiled snapshot (papertree index), not a corpus JSON file"
run index "$WORK/ro.snapshot" -o "$WORK/again.snapshot"
expect_code 3
expect_err_contains "$needs_json"
[[ ! -e $WORK/again.snapshot ]] || fail "index of a snapshot wrote a file"
run diff "$WORK/ro.snapshot" "$corpus"
expect_code 3
expect_err_contains "$needs_json"
first=$(jq -r '.papers[0].id' "$corpus")
run --corpus "$WORK/ro.snapshot" edit "$first" --year 2001
expect_code 3
expect_err_contains "$needs_json"
[[ $(cksum <"$WORK/ro.snapshot") == "$before" ]] || fail "an edit changed the snapshot"
# validate reads it, but has no JSON text to give lines and columns of.
run --no-cache --corpus "$corpus" validate
json_code=$code
json_findings=$(grep -c "error \|warning " <<<"$out" || true)
run --corpus "$WORK/ro.snapshot" validate
[[ $code == "$json_code" ]] || fail "validate of the snapshot: exit code $code, of the JSON $json_code"
[[ $(grep -c "error \|warning " <<<"$out" || true) == "$json_findings" ]] ||
  fail "validate of the snapshot found otherwise: $out"
if grep -q "ro.snapshot:[0-9]" <<<"$out"; then fail "validate of a snapshot gave positions: $out"; fi

finish
