#!/bin/sh
# Enrolment from the kiosk's screen against the real regional server on loopback: the kiosk
# reads the server's address from its kiosk.conf; the script types a fresh one-time code;
# eric-kioskctl then finds the terminal enrolled.
# Usage: manager_enrol.sh SERVER CTL KIOSK SCRIPTS_DIR WORK_DIR SCREENSHOT_DIR
set -eu
tag=manager_enrol
. "$(dirname "$0")/check_lib.sh"
server_wrapper_args "$@"
trap stop_server EXIT
"$server" generate-demo --db "$work/region.db" --jobs 500 --today 2026-11-23 >/dev/null
start_server "$work/region.db"
# The keyboard types lower case; the server takes codes whatever their case.
code=$("$server" enroll-code --db "$work/region.db" --site eric-martigues | tr 'A-Z' 'a-z')
sed "s/@CODE@/$code/" "$scripts/manager_enrol.kiosk" >"$work/enrol.kiosk"
printf 'server_url = %s\ndata_dir = %s/kiosk\n' "$url" "$work" >"$work/kiosk.conf"
run_kiosk "$work/enrol.kiosk" --config "$work/kiosk.conf" --demo
"$ctl" --config "$work/kiosk.conf" status --json | grep -q '"enrolled": true' || {
  echo "eric-kioskctl does not see the terminal enrolled"; exit 1; }
echo "eric-kioskctl: enrolled"
