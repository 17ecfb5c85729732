#!/bin/sh
# Runs the browser tests against an already-built site (CHEATGEN_SITE, default: site).
# Installs nothing and builds nothing; exits with pytest's status.
cd "$(dirname "$0")/../.." || exit 1
python3 -m pytest -q Tests/browser "$@"
exit $?
