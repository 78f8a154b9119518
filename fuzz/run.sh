#!/usr/bin/env bash
# Runs each libFuzzer target of the `fuzz` preset for a bounded time and fails on any finding.
#   fuzz/run.sh [SECONDS] [TARGET…]     (default: 30 s each, every target)
# Seeds come from the test fixtures, fuzz/seeds/<target>/ and fuzz/regressions/<target>/; the
# evolving corpus lives in a temporary directory unless PAPERTREE_FUZZ_CORPUS names one to keep.
# A finding (crash, sanitizer report, timeout, memory blow-up) is copied to
# build/fuzz-findings/<target>/: add it to fuzz/regressions/<target>/ once fixed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${PAPERTREE_FUZZ_BUILD:-$root/build/fuzz}
seconds=${1:-30}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(fuzz_corpus_load fuzz_import_markdown fuzz_query fuzz_export fuzz_enrich fuzz_snapshot)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

seed_dirs() {
  local fixtures=$root/tests/fixtures
  case $1 in
    fuzz_corpus_load) echo "$fixtures $fixtures/broken" ;;
    fuzz_import_markdown) echo "$fixtures/import" ;;
    fuzz_snapshot) echo "$root/fuzz/seeds/fuzz_snapshot $fixtures" ;;
    *) echo "$root/fuzz/seeds/$1" ;;
  esac
}
options_for() {
  case $1 in
    fuzz_corpus_load | fuzz_export) echo "-dict=$root/fuzz/dict/json.dict -max_len=16384" ;;
    fuzz_import_markdown) echo "-dict=$root/fuzz/dict/markdown.dict -max_len=8192" ;;
    fuzz_query) echo "-dict=$root/fuzz/dict/query.dict -max_len=2048" ;;
    fuzz_enrich) echo "-dict=$root/fuzz/dict/bibtex.dict -max_len=16384" ;;
    fuzz_snapshot) echo "-max_len=160000" ;;
  esac
}

failed=0
for target in "${targets[@]}"; do
  bin=$build/fuzz/$target
  [[ -x $bin ]] || { echo "fuzz: $bin is missing (cmake --preset fuzz && cmake --build --preset fuzz)"; exit 1; }
  corpus=${PAPERTREE_FUZZ_CORPUS:+$PAPERTREE_FUZZ_CORPUS/$target}
  corpus=${corpus:-$work/$target/corpus}
  artifacts=$work/$target/artifacts
  mkdir -p "$corpus" "$artifacts"
  for dir in $(seed_dirs "$target") "$root/fuzz/regressions/$target"; do
    find "$dir" -maxdepth 1 -type f -exec cp -n {} "$corpus/" \;
  done
  log=$work/$target/log
  # shellcheck disable=SC2046
  set +e
  "$bin" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
    $(options_for "$target") -artifact_prefix="$artifacts/" "$corpus" >"$log" 2>&1
  rc=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1 || true)
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log")
  echo "fuzz: $target: ${seconds}s, ${execs:-?} executions, ${cov:-cov: ?}, peak RSS ${rss:-?} MB, exit $rc"
  if ((rc != 0)) || [[ -n $(ls -A "$artifacts") ]]; then
    failed=1
    mkdir -p "$root/build/fuzz-findings/$target"
    cp -r "$artifacts/." "$root/build/fuzz-findings/$target/" 2>/dev/null || true
    echo "fuzz: $target FOUND A PROBLEM; inputs in build/fuzz-findings/$target/; log tail:"
    tail -40 "$log"
  fi
done
exit "$failed"
