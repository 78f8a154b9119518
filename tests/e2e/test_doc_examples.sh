#!/usr/bin/env bash
# Every ```console example in README.md and docs/*.md runs and prints what the documentation
# says (tests/e2e/doc_examples.py has the rules; PAPERTREE_UPDATE_DOCS=1 rewrites the outputs).
source "$(dirname "$0")/lib.sh"
require_tool python3
python3 "$E2E_DIR/doc_examples.py" examples "$PAPERTREE_SOURCE_DIR" "$PAPERTREE_BIN" ||
  fail "documentation examples differ (see above)"
finish
