#!/bin/sh
# The closed screen: the real kiosk under Xvfb with a kiosk.conf giving opening hours, its
# clock in the lunch break; the script checks the dark screen, the lit one, the staff's way
# in, and the home screen at opening time.
# Usage: closed_hours.sh KIOSK_BINARY WORK_DIR SCRIPT SCREENSHOT_DIR
set -eu
kiosk=$1 work=$2 script=$3 shots=$4
rm -rf "$work"
mkdir -p "$work/data" "$shots"
export TZ="${TZ:-Europe/Paris}"
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
cat >"$work/kiosk.conf" <<CONF
data_dir = $work/data
hours.mon = 09:00-12:30 13:30-17:30
hours.tue = 09:00-12:30 13:30-17:30
hours.sat = closed
CONF
. "$(dirname "$0")/check_lib.sh"
kiosk_on_terminal "$kiosk" "2026-11-23 12:40" "$script" "$shots" --config "$work/kiosk.conf" --demo
