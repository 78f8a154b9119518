#!/usr/bin/env bash
# data/schema/corpus.schema.json accepts the shipped corpus and the fixtures, and rejects what the
# loader rejects (a bad id, a missing key).
source "$(dirname "$0")/lib.sh"
require_tool python3
require_tool jq
if ! python3 -c 'import jsonschema' 2>/dev/null; then
  [[ ${PAPERTREE_REQUIRE_TOOLS:-0} == 1 ]] && { echo "FAIL: python3 module jsonschema is missing" >&2; exit 1; }
  echo "SKIP: python3 module jsonschema is not installed" >&2
  exit 77
fi
schema="$PAPERTREE_SOURCE_DIR/data/schema/corpus.schema.json"

validate() {
  python3 - "$schema" "$1" <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
try:
    jsonschema.Draft202012Validator(schema).validate(json.load(open(sys.argv[2])))
except jsonschema.ValidationError as e:
    print(e.message)
    sys.exit(1)
PY
}

for f in "$PAPERTREE_SOURCE_DIR/data/efficient-llms-survey.json" "$FIXTURES/small.json"; do
  msg=$(validate "$f") || fail "schema rejects $f: $msg"
done

jq '.papers[0].id = "Not A Slug"' "$FIXTURES/small.json" >"$WORK/bad-id.json"
validate "$WORK/bad-id.json" >/dev/null && fail "schema accepts a paper id that is not a slug"
run --corpus "$WORK/bad-id.json" tree
expect_code 3

jq 'del(.papers[0].categories)' "$FIXTURES/small.json" >"$WORK/no-cats.json"
validate "$WORK/no-cats.json" >/dev/null && fail "schema accepts a paper without categories"
run --corpus "$WORK/no-cats.json" tree
expect_code 3

finish
