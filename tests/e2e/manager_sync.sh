#!/bin/sh
# The manager's space against the real regional server: a small server catalog served on
# loopback, a kiosk data folder enrolled with eric-kioskctl, then three kiosk runs under Xvfb:
# sync while the server is up, sync after it stopped, and a terminal whose server was down from
# the start (its catalog then comes from a bundle on a "USB key" folder).
# Usage: manager_sync.sh SERVER CTL KIOSK SCRIPTS_DIR WORK_DIR SCREENSHOT_DIR
set -eu
server=$1
ctl=$2
kiosk=$3
scripts=$4
work=$5
shots=$6
rm -rf "$work"
mkdir -p "$work/usb/key" "$shots"
export TZ="${TZ:-Europe/Paris}"
# As in run_e2e.sh: SDL's unloaded modules defeat LeakSanitizer; memory errors still count.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"

. "$(dirname "$0")/check_lib.sh"
trap stop_server EXIT

run_kiosk() {  # DATA_DIR SCRIPT
  xvfb-run -a -s "-screen 0 1920x1080x24" "$kiosk" --data-dir "$1" --windowed 1920x1080 \
    --clock "2026-11-23 10:00" --script "$scripts/$2" --screenshots "$shots"
}

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
"$server" serve --db "$work/region.db" --listen 127.0.0.1:0 --page-size 500 \
  --fault-file "$work/fault" >"$work/server.out" 2>"$work/server.log" &
server_pid=$!
i=0
while ! grep -q '^listening on ' "$work/server.out" 2>/dev/null; do
  i=$((i + 1))
  if [ "$i" -gt 100 ]; then echo "the server did not start"; cat "$work/server.log"; exit 1; fi
  sleep 0.1
done
url=$(sed -n 's/^listening on //p' "$work/server.out" | head -n1)
echo "== server at $url"
enrol "$work/kiosk"
enrol "$work/kiosk-down"

echo "== 1. server up: sync now"
run_kiosk "$work/kiosk" manager_sync_1.kiosk

echo "== 2. server stopped: sync again"
stop_server
run_kiosk "$work/kiosk" manager_sync_2.kiosk

echo "== 3. server down from the start, then a bundle from a USB key"
ERIC_BUNDLE_DIRS="$work/usb" run_kiosk "$work/kiosk-down" manager_sync_3.kiosk
echo "== all three runs passed"
