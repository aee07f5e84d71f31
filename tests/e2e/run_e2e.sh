#!/bin/sh
# Runs one end-to-end script against the real kiosk under Xvfb, from a fresh data folder.
# Usage: run_e2e.sh KIOSK_BINARY DATA_DIR SCRIPT SCREENSHOT_DIR
# ERIC_LANGUAGE (fr, en, es, uk, ar) is the language a visitor finds (default: the site's);
# the terminal it plays on comes from the environment too (kiosk_on_terminal in check_lib.sh).
set -eu
kiosk=$1
data=$2
script=$3
shots=$4
rm -rf "$data"
mkdir -p "$data" "$shots"
# The kiosk's dates are the site's: the same words whatever the machine's zone.
export TZ="${TZ:-Europe/Paris}"
# Under ASan (-DERIC_SANITIZE=ON) memory errors still stop the run, but leak checking is off:
# SDL unloads X11, Mesa and D-Bus modules at exit, and LeakSanitizer cannot name (nor
# suppress) what those left behind. Our own code's leaks are checked by the headless tests.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
. "$(dirname "$0")/check_lib.sh"
kiosk_on_terminal "$kiosk" "2026-11-23 10:00" "$script" "$shots" --data-dir "$data" --demo
