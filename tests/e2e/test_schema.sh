#!/usr/bin/env bash
# data/schema/corpus.schema.json accepts the shipped corpus and the fixtures, and rejects what the
# loader rejects (a bad id, a missing key).
source "$(dirname "$0")/lib.sh"
require_tool jq
# Debian's interpreter, where python3-jsonschema is installed (a pyenv python3 on PATH lacks it).
py=/usr/bin/python3
[[ -x $py ]] || py=$(command -v python3) || require_tool python3
if ! "$py" -c 'import jsonschema' 2>/dev/null; then
  [[ ${PAPERTREE_REQUIRE_TOOLS:-0} == 1 ]] && { echo "FAIL: python3 module jsonschema is missing (Debian: python3-jsonschema)" >&2; exit 1; }
  echo "SKIP: python3 module jsonschema is not installed" >&2
  exit 77
fi
schema="$PAPERTREE_SOURCE_DIR/data/schema/corpus.schema.json"

validate() {
  "$py" - "$schema" "$1" <<'PY'
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


# Version 2's author names: objects of family/given or literal; both at once is refused by both.
jq '.version = 2 | .papers[0].authors = [{"family": "Frantar", "given": "Elias"}, {"literal": "OpenAI"}]
    | .papers[0].authors_truncated = true | .papers[0].doi = "10.1/x" | .papers[0].added = "2024-01-31"
    | .papers[0].ignore = ["some-rule"]' "$FIXTURES/small.json" >"$WORK/authors.json"
msg=$(validate "$WORK/authors.json") || fail "schema rejects version 2 authors: $msg"
run --corpus "$WORK/authors.json" tree
expect_code 0
jq '.papers[0].authors = [{"family": "A", "literal": "B"}]' "$FIXTURES/small.json" >"$WORK/both.json"
validate "$WORK/both.json" >/dev/null && fail "schema accepts an author with family and literal"
run --corpus "$WORK/both.json" tree
expect_code 3
jq '.papers[0].added = "2024-1-5"' "$FIXTURES/small.json" >"$WORK/date.json"
validate "$WORK/date.json" >/dev/null && fail "schema accepts a malformed added date"
run --corpus "$WORK/date.json" tree
expect_code 3
finish
