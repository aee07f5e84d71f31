#!/bin/sh
# Runs the kiosk twice on the same data folder: what the desk stored survives a restart.
# Usage: help_restart.sh KIOSK_BINARY DATA_DIR SCRIPT_DIR SCREENSHOT_DIR
set -eu
kiosk=$1
data=$2
scripts=$3
shots=$4
rm -rf "$data"
mkdir -p "$data" "$shots"
export TZ="${TZ:-Europe/Paris}"
# As in run_e2e.sh: under ASan, leak checking is off for the real program (SDL unloads X11
# and Mesa modules whose leftovers LeakSanitizer cannot name); memory errors still stop it.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
. "$(dirname "$0")/check_lib.sh"
for run in 1 2; do
  kiosk_on_terminal "$kiosk" "2026-11-23 10:00" "$scripts/help_restart_$run.kiosk" "$shots" \
    --data-dir "$data" --demo
done
