#!/bin/sh
# The manager's space against the real regional server: a small server catalog served on
# loopback, a kiosk data folder enrolled with eric-kioskctl, then three kiosk runs under Xvfb:
# sync while the server is up, sync after it stopped, and a terminal whose server was down from
# the start (its catalog then comes from a bundle on a "USB key" folder).
# Usage: manager_sync.sh SERVER CTL KIOSK SCRIPTS_DIR WORK_DIR SCREENSHOT_DIR
set -eu
tag=manager_sync
. "$(dirname "$0")/check_lib.sh"
server_wrapper_args "$@"
mkdir -p "$work/usb/key"
trap stop_server EXIT

enrol() {  # DATA_DIR
  # eric-kioskctl does not create the folder; the kiosk's own is private (0700).
  mkdir -p -m 700 "$1"
  code=$("$server" enroll-code --db "$work/region.db" --site eric-martigues)
  "$ctl" --data-dir "$1" enroll --server "$url" --code "$code"
  echo 1357 | "$ctl" --data-dir "$1" set-pin --role manager
}

echo "== regional server: 2000 jobs"
"$server" generate-demo --db "$work/region.db" --jobs 2000 --today 2026-11-23 >/dev/null
"$server" export-bundle --db "$work/region.db" --site eric-martigues \
  --out "$work/usb/key/catalogue.bundle" >/dev/null
# Small pages, each 0.2 s late (test-only fault file): the first sync lasts long enough for
# the script to see its progress bar.
echo "delay 200 /v1/catalog" >"$work/fault"
start_server "$work/region.db" --page-size 500 --fault-file "$work/fault"
enrol "$work/kiosk"
enrol "$work/kiosk-down"

echo "== 1. server up: sync now"
run_kiosk "$scripts/manager_sync_1.kiosk" --data-dir "$work/kiosk"

echo "== 2. server stopped: sync again"
stop_server
run_kiosk "$scripts/manager_sync_2.kiosk" --data-dir "$work/kiosk"

echo "== 3. server down from the start, then a bundle from a USB key"
ERIC_BUNDLE_DIRS="$work/usb" run_kiosk "$scripts/manager_sync_3.kiosk" --data-dir "$work/kiosk-down"
echo "== all three runs passed"
