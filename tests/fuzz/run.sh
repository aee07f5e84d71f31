#!/usr/bin/env bash
# Builds the libFuzzer targets with clang-14 and runs each for a bounded time from its seed
# corpus (tests/fuzz/corpus/TARGET), then prints executions per second and coverage.
#   tests/fuzz/run.sh [SECONDS_PER_TARGET (default 20)] [BUILD_DIR (default build-fuzz)]
# A crash stops the run with the input saved as BUILD_DIR/artifacts/crash-*: make it a
# regression test beside the parser's tests (tests/sync/test_record_rules.cpp) and fix the parser.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
seconds=${1:-20}
build=${2:-$root/build-fuzz}
targets=(fuzz_catalog_page fuzz_outbox_answers fuzz_bundle fuzz_clean_text fuzz_script)

CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$build" -G Ninja -DERIC_FUZZ=ON \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "$(nproc)" --target "${targets[@]}"

mkdir -p "$build/artifacts"
export ASAN_OPTIONS=abort_on_error=0:detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
printf '%-22s %12s %10s %8s %8s\n' target executions exec/s cov ft
for t in "${targets[@]}"; do
  # Runs grow a working copy; the committed seeds stay small.
  work="$build/corpus/$t"
  mkdir -p "$work"
  log="$build/$t.log"
  if ! "$build/tests/fuzz/$t" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 \
      -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$build/artifacts/$t-" \
      "$work" "$root/tests/fuzz/corpus/$t" >"$log" 2>&1; then
    echo "$t: FAILED (see $log)"
    tail -n 40 "$log"
    exit 1
  fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  printf '%-22s %12s %10s %8s %8s\n' "$t" "$execs" "$rate" "${cov:-?}" "${ft:-?}"
done
