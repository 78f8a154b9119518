#!/usr/bin/env bash
# Edits never lose data (docs/curate.md): a read-only directory, a full disk (a 64 KiB tmpfs), a
# killed process, a concurrent edit (the lock), a change by another program (compare-and-swap).
source "$(dirname "$0")/lib.sh"
require_tool jq
c="$WORK/c.json"
run --corpus "$FIXTURES/small.json" export --format json -o "$c"
expect_code 0
cp "$c" "$WORK/orig.json"

# Killed at random points: the file is always the old or the new version, whole.
run --corpus "$c" edit gptq --title "GPTQ: Killed Edit" --dry-run
(cd "$WORK" && cp orig.json new.json && patch -s new.json <out) || fail "building the expected new file"
for delay in 0 0.001 0.002 0.005 0.01 0.02 0.05; do
  cp "$WORK/orig.json" "$c"
  (timeout -s KILL "$delay" "$PAPERTREE_BIN" --corpus "$c" edit gptq --title "GPTQ: Killed Edit" >/dev/null 2>&1) 2>/dev/null
  cmp -s "$c" "$WORK/orig.json" || cmp -s "$c" "$WORK/new.json" || fail "killed after $delay s: the file is neither old nor new"
done
# A killed edit leaves no stale lock: the next edit goes through at once.
cp "$WORK/orig.json" "$c"
run --corpus "$c" edit gptq --year 2020
expect_code 0

# A concurrent edit waits for the lock; both changes land, neither is lost.
cp "$WORK/orig.json" "$c"
flock "$c.lock" sleep 1 &
holder=$!
sleep 0.2
"$PAPERTREE_BIN" --corpus "$c" edit gptq --year 2021 >/dev/null 2>"$WORK/e1" &
first=$!
"$PAPERTREE_BIN" --corpus "$c" edit gptq --venue ICML >/dev/null 2>"$WORK/e2"
code2=$?
wait "$first"
code1=$?
wait "$holder"
[[ $code1 -eq 0 && $code2 -eq 0 ]] || fail "concurrent edits: exit $code1/$code2: $(cat "$WORK/e1" "$WORK/e2")"
[[ $(jq -r '.papers[] | select(.id == "gptq") | "\(.year) \(.venue)"' "$c") == "2021 ICML" ]] ||
  fail "concurrent edits: one change lost: $(jq -c '.papers[] | select(.id == "gptq")' "$c")"

# The lock held too long: exit 4, nothing written. (A 10 s wait; the holder keeps it 12 s.)
cp "$WORK/orig.json" "$c"
flock "$c.lock" sleep 12 &
holder=$!
sleep 0.2
run --corpus "$c" edit gptq --year 2019
expect_code 4
expect_err_contains "another edit holds the lock"
cmp -s "$c" "$WORK/orig.json" || fail "written without the lock"
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null

# An edit through a symbolic link takes the lock of the file it points to: it waits for an
# edit of the target, and both changes land.
cp "$WORK/orig.json" "$c"
ln -s "$c" "$WORK/link.json"
flock "$c.lock" sleep 1 &
holder=$!
sleep 0.2
start=$(date +%s%N)
run --corpus "$WORK/link.json" edit gptq --year 2017
expect_code 0
waited=$((($(date +%s%N) - start) / 1000000))
wait "$holder"
((waited >= 500)) || fail "an edit through a link did not wait for the target's lock (${waited} ms)"
[[ -L $WORK/link.json && ! -e $WORK/link.json.lock ]] || fail "the link's own lock file was used"
[[ $(jq -r '.papers[] | select(.id == "gptq") | .year' "$c") == 2017 ]] || fail "edit through a link lost"

# Past the file-size limit (ulimit -f 1: 1 KiB) the write fails with EFBIG, not SIGXFSZ: exit 4, the
# file untouched, no temporary file left.
cp "$WORK/orig.json" "$c"
(ulimit -f 1 && exec "$PAPERTREE_BIN" --corpus "$c" edit gptq --year 2016) >/dev/null 2>"$WORK/err"
code=$? err="$(cat "$WORK/err")" last_cmd="edit under ulimit -f 1"
expect_code 4
expect_err_contains "File too large"
cmp -s "$c" "$WORK/orig.json" || fail "ulimit -f: the corpus changed"
[[ -z $(find "$WORK" -maxdepth 1 -name '.*tmp*') ]] || fail "ulimit -f: a temporary file was left: $(ls -A "$WORK")"

# A full stdout on --dry-run: exit 4, nothing written.
if [[ -w /dev/full ]]; then
  "$PAPERTREE_BIN" --corpus "$c" edit gptq --year 2018 --dry-run >/dev/full 2>/dev/null
  [[ $? -eq 4 ]] || fail "--dry-run >/dev/full: expected exit 4"
  cmp -s "$c" "$WORK/orig.json" || fail "--dry-run wrote the file"
fi

# The directory and the disk: these need a tmpfs of our own (root, or a user namespace).
mnt="$WORK/mnt"
mkdir -p "$mnt"
if mount -t tmpfs -o size=64k tmpfs "$mnt" 2>/dev/null; then
  trap 'umount "$mnt" 2>/dev/null; rm -rf "$WORK"' EXIT
  # Full disk: the corpus (about 20 KiB) fits, a second copy of a padded one does not.
  jq '.papers[0].x_padding = ("p" * 30000)' "$WORK/orig.json" >"$mnt/c.json"
  cp "$mnt/c.json" "$WORK/full.orig"
  run --corpus "$mnt/c.json" edit gptq --year 2017
  expect_code 4
  cmp -s "$mnt/c.json" "$WORK/full.orig" || fail "full disk: the original changed"
  [[ $(ls -A "$mnt") == "c.json"$'\n'"c.json.lock" || $(ls -A "$mnt") == "c.json.lock"$'\n'"c.json" ]] ||
    fail "full disk: left files behind: $(ls -A "$mnt")"
  # Read-only directory (a read-only mount: root ignores permission bits).
  rm -f "$mnt/c.json.lock"
  cp "$WORK/orig.json" "$mnt/c.json"
  : >"$mnt/c.json.lock"
  mount -o remount,ro "$mnt"
  run --corpus "$mnt/c.json" edit gptq --year 2016
  expect_code 4
  expect_err_contains "Read-only file system"
  [[ "$err" != *"lock file"* ]] || fail "read-only: failed at the lock, not at the write: $err"
  cmp -s "$mnt/c.json" "$WORK/orig.json" || fail "read-only: the original changed"
  umount "$mnt"
else
  echo "note: cannot mount a tmpfs here; full-disk and read-only cases not run" >&2
  # Without a mount: a read-only directory through permissions, when not root.
  if [[ $(id -u) -ne 0 ]]; then
    mkdir "$WORK/ro" && cp "$WORK/orig.json" "$WORK/ro/c.json" && : >"$WORK/ro/c.json.lock" && chmod a-w "$WORK/ro"
    run --corpus "$WORK/ro/c.json" edit gptq --year 2016
    expect_code 4
    cmp -s "$WORK/ro/c.json" "$WORK/orig.json" || fail "read-only: the original changed"
    chmod u+w "$WORK/ro"
  fi
fi

# The compare-and-swap against writers that do not take the lock is tested in the core
# (tests/curate/edit_test.cpp, WriteCorpusEdit.*): from outside, the window between the edit's
# read and its write is too short to hit on purpose.
finish
