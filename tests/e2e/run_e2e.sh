#!/bin/sh
# Runs one end-to-end script against the real kiosk under Xvfb, from a fresh data folder.
# Usage: run_e2e.sh KIOSK_BINARY DATA_DIR SCRIPT SCREENSHOT_DIR
# The terminal it plays on, from the environment (the matrix run sets them; see
# run_matrix.sh):
#   ERIC_LANGUAGE      fr, en, es, uk, ar: the language a visitor finds (default: the site's)
#   ERIC_SCREEN        WIDTHxHEIGHT of the screen (default 1920x1080)
#   ERIC_SCREEN_INCHES its diagonal (default: the usual panel of that size, below)
#   ERIC_TEXT_SIZE     A, A+ or A++: the size a visitor starts with (default A)
#   ERIC_THEME         the theme a visitor starts with (default: the standard one)
set -eu
kiosk=$1
data=$2
script=$3
shots=$4
screen=${ERIC_SCREEN:-1920x1080}
# The panels these sizes usually come as: a desk screen, a small terminal, a 4K panel, a
# portrait panel (the text is sized from the diagonal, as on a real terminal).
case "$screen" in
  1920x1080) inches=23.8 ;;
  1366x768) inches=18.5 ;;
  1280x720|1280x800) inches=15.6 ;;
  3840x2160) inches=27 ;;
  1080x1920) inches=23.8 ;;
  *) inches=23.8 ;;
esac
inches=${ERIC_SCREEN_INCHES:-$inches}
set -- --text-size "${ERIC_TEXT_SIZE:-A}"
if [ -n "${ERIC_THEME:-}" ]; then set -- "$@" --theme "$ERIC_THEME"; fi
rm -rf "$data"
mkdir -p "$data" "$shots"
# The kiosk's dates are the site's: the same words whatever the machine's zone.
export TZ="${TZ:-Europe/Paris}"
# Under ASan (-DERIC_SANITIZE=ON) memory errors still stop the run, but leak checking is off:
# SDL unloads X11, Mesa and D-Bus modules at exit, and LeakSanitizer cannot name (nor
# suppress) what those left behind. Our own code's leaks are checked by the headless tests.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
exec xvfb-run -a -s "-screen 0 ${screen}x24" "$kiosk" --data-dir "$data" --demo \
  --windowed "$screen" --screen-inches "$inches" --clock "2026-11-23 10:00" \
  --script "$script" --screenshots "$shots" "$@"
