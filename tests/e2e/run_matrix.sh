#!/bin/sh
# Runs every keyed e2e script in every language (fr, en, es, uk, ar): the whole matrix, of
# which CI runs a slice (tests/e2e/CMakeLists.txt, eric_e2e_keyed). Prints its wall time.
# Usage: tests/e2e/run_matrix.sh [BUILD_DIR] [extra ctest arguments, e.g. -R immersion]
# Screenshots land in BUILD_DIR/screenshots/<language>/.
set -eu
build=${1:-build-dev}
[ $# -gt 0 ] && shift
start=$(date +%s)
status=0
ctest --test-dir "$build" -L e2e_lang --output-on-failure -j "${JOBS:-2}" "$@" || status=$?
echo "run_matrix: $(($(date +%s) - start)) s wall time"
exit "$status"
