#!/bin/sh
# Enrolment from the kiosk's screen against the real regional server on loopback: the kiosk
# reads the server's address from its kiosk.conf; the script types a fresh one-time code;
# eric-kioskctl then finds the terminal enrolled.
# Usage: manager_enrol.sh SERVER CTL KIOSK SCRIPTS_DIR WORK_DIR SCREENSHOT_DIR
set -eu
server=$1 ctl=$2 kiosk=$3 scripts=$4 work=$5 shots=$6
rm -rf "$work"
mkdir -p "$work" "$shots"
export TZ="${TZ:-Europe/Paris}"
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
server_pid=
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null || true' EXIT
"$server" generate-demo --db "$work/region.db" --jobs 500 --today 2026-11-23 >/dev/null
"$server" serve --db "$work/region.db" --listen 127.0.0.1:0 >"$work/server.out" 2>"$work/server.log" &
server_pid=$!
i=0
while ! grep -q '^listening on ' "$work/server.out" 2>/dev/null; do
  i=$((i + 1)); [ "$i" -gt 100 ] && { echo "the server did not start"; exit 1; }
  sleep 0.1
done
url=$(sed -n 's/^listening on //p' "$work/server.out" | head -n1)
# The keyboard types lower case; the server takes codes whatever their case.
code=$("$server" enroll-code --db "$work/region.db" --site eric-martigues | tr 'A-Z' 'a-z')
sed "s/@CODE@/$code/" "$scripts/manager_enrol.kiosk" >"$work/enrol.kiosk"
printf 'server_url = %s\ndata_dir = %s/kiosk\n' "$url" "$work" >"$work/kiosk.conf"
xvfb-run -a -s "-screen 0 1920x1080x24" "$kiosk" --config "$work/kiosk.conf" --demo \
  --windowed 1920x1080 --clock "2026-11-23 10:00" --script "$work/enrol.kiosk" --screenshots "$shots"
"$ctl" --config "$work/kiosk.conf" status --json | grep -q '"enrolled": true' || {
  echo "eric-kioskctl does not see the terminal enrolled"; exit 1; }
echo "eric-kioskctl: enrolled"
