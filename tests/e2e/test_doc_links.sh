#!/usr/bin/env bash
# Every relative link in README.md, ARCHITECTURE.md and docs/*.md names a file that exists.
source "$(dirname "$0")/lib.sh"
require_tool python3
python3 "$E2E_DIR/doc_examples.py" links "$PAPERTREE_SOURCE_DIR" || fail "broken links (see above)"
finish
