#!/usr/bin/env bash
# Runs every test CI runs: installs the packages, builds with warnings as errors and runs the
# suite, builds again with AddressSanitizer + UndefinedBehaviorSanitizer and runs the suite
# again without the e2e scripts, then fuzzes each parser of outside data for 15 s.
#
# Fitting CI's 30 minutes on 2 cores:
# - Both builds are unity builds (CMAKE_UNITY_BUILD: a target's files compiled a few at a
#   time, so the heavy headers, nlohmann/json, httplib, CLI11, GoogleTest, are parsed once per
#   batch, not per file: 1.6 times less compiler time, measured on the sync tests and the
#   screens with their libraries, 325 s against 528 s of CPU). The README's quick start
#   and developers build file by file, which checks each file's own includes.
# - e2e scripts run the real program under Xvfb: in the first suite, in French, one script of
#   each path in another language (the rest: tests/e2e/run_matrix.sh) and one terminal each
#   for a slice of screens, text sizes and themes (all 16 terminals:
#   tests/e2e/run_terminals.sh). Under the sanitizers they are left out: the same screens are
#   driven there by the headless UI tests and the monkey, in the same process as ASan.
# - Nor the tests that SIGKILL a program mid-sync (named "...Killed..."): what they check is
#   the file a killed process leaves, which the first suite checks; the sync they run to its
#   end, the other sync tests run under the sanitizers. Under ASan each took 1 to 2 minutes.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jobs=$(nproc)

bash "$root/packaging/install-deps.sh"

echo "== build (warnings are errors)"
bash "$root/packaging/build.sh" "$root/build-ci" -DERIC_WERROR=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_UNITY_BUILD=ON
echo "== tests (e2e: French, one script a path in another language, a slice of terminals)"
ctest --test-dir "$root/build-ci" --output-on-failure -j "$jobs" -LE e2e_matrix

echo "== build with AddressSanitizer + UndefinedBehaviorSanitizer"
bash "$root/packaging/build.sh" "$root/build-asan" -DERIC_WERROR=ON -DERIC_SANITIZE=ON \
  -DCMAKE_BUILD_TYPE=Debug -DCMAKE_UNITY_BUILD=ON
echo "== tests under the sanitizers (without the e2e scripts, package builds and kill tests)"
export ASAN_OPTIONS=abort_on_error=0:detect_stack_use_after_return=1
export LSAN_OPTIONS=suppressions=$root/tests/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir "$root/build-asan" --output-on-failure -j "$jobs" \
  -E '^(e2e|packaging)\.|^sync\.[A-Za-z]+\.[A-Za-z]*Killed'

echo "== fuzzing: each parser of outside data for 15 s (libFuzzer, clang-14)"
bash "$root/tests/fuzz/run.sh" 15 "$root/build-fuzz"
