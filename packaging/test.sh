#!/usr/bin/env bash
# Runs every test: installs the packages, builds with warnings as errors, runs the suite, then
# builds again with AddressSanitizer + UndefinedBehaviorSanitizer and runs the suite again.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jobs=$(nproc)

bash "$root/packaging/install-deps.sh"

echo "== build (warnings are errors)"
bash "$root/packaging/build.sh" "$root/build-ci" -DERIC_WERROR=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
echo "== tests (the e2e scripts in French and one other language each; all: tests/e2e/run_matrix.sh)"
ctest --test-dir "$root/build-ci" --output-on-failure -j "$jobs" -LE e2e_matrix

echo "== build with AddressSanitizer + UndefinedBehaviorSanitizer"
bash "$root/packaging/build.sh" "$root/build-asan" -DERIC_WERROR=ON -DERIC_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
echo "== tests under the sanitizers"
export ASAN_OPTIONS=abort_on_error=0:detect_stack_use_after_return=1
export LSAN_OPTIONS=suppressions=$root/tests/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir "$root/build-asan" --output-on-failure -j "$jobs" -LE e2e_matrix

echo "== fuzzing: each parser of outside data for 15 s (libFuzzer, clang-14)"
bash "$root/tests/fuzz/run.sh" 15 "$root/build-fuzz"
