#!/bin/sh
# Runs every e2e script (label e2e_terminal: each script once, in French) on every terminal:
# screens 1080x1920 (portrait), 1366x768, 1920x1080 and 3840x2160, text sizes A and A++, the
# standard and the high-contrast theme. The terminal is a parameter of run_e2e.sh, so this is
# the same scripts run 16 times; each step's layout check (no word cut, nothing off the screen,
# no stretched text) runs on all of them. CI runs a slice (label e2e_slice).
# Usage: tests/e2e/run_terminals.sh [BUILD_DIR] [extra ctest arguments, e.g. -R help]
# SCREENS, TEXT_SIZES, THEMES narrow it (e.g. SCREENS=1080x1920). Each terminal's screenshots
# are moved to BUILD_DIR/screenshots-<screen>-<size>-<theme>/. Prints each terminal's result
# and wall time.
set -u
build=${1:-build-dev}
[ $# -gt 0 ] && shift
failed=0
start=$(date +%s)
for screen in ${SCREENS:-1080x1920 1366x768 1920x1080 3840x2160}; do
  for size in ${TEXT_SIZES:-A A++}; do
    for theme in ${THEMES:-standard high-contrast}; do
      t0=$(date +%s)
      if ERIC_SCREEN=$screen ERIC_TEXT_SIZE=$size ERIC_THEME=$theme \
         ctest --test-dir "$build" -L e2e_terminal --output-on-failure -j "${JOBS:-2}" "$@" \
         > "$build/terminal-$screen-$size-$theme.log" 2>&1; then
        verdict=passed
      else
        verdict=FAILED
        failed=$((failed + 1))
      fi
      rm -rf "$build/screenshots-$screen-$size-$theme"
      [ -d "$build/screenshots" ] && mv "$build/screenshots" "$build/screenshots-$screen-$size-$theme"
      echo "$screen $size $theme: $verdict ($(($(date +%s) - t0)) s; $build/terminal-$screen-$size-$theme.log)"
    done
  done
done
echo "run_terminals: $failed terminal(s) failed, $(($(date +%s) - start)) s wall time"
[ "$failed" -eq 0 ]
