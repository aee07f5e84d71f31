#!/usr/bin/env bash
# The newcomer's command: installs the packages, builds, starts a regional server on loopback
# with the demo catalog, enrols and syncs a kiosk with it, and starts the kiosk. Without a
# display the kiosk runs under Xvfb and saves a screenshot of its home screen.
# ERIC_BUILD_DIR chooses the build folder (default: build/ at the top of the source tree).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${ERIC_BUILD_DIR:-$root/build}
demo=$build/demo

bash "$root/packaging/install-deps.sh"
bash "$root/packaging/build.sh" "$build"

rm -rf "$demo"
mkdir -p "$demo/screenshots"
server_pid=
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true; }
trap cleanup EXIT

kiosk_args=(--data-dir "$demo/kiosk" --demo)
if [ -x "$build/sync/server/eric-regional-server" ] && [ -x "$build/kiosk/ctl/eric-kioskctl" ]; then
  server=$build/sync/server/eric-regional-server
  ctl=$build/kiosk/ctl/eric-kioskctl
  echo "== regional server: demo catalog"
  "$server" generate-demo --db "$demo/region.db"
  code=$("$server" enroll-code --db "$demo/region.db" --site eric-martigues)
  "$server" serve --db "$demo/region.db" --listen 127.0.0.1:0 >"$demo/server.out" 2>"$demo/server.log" &
  server_pid=$!
  for _ in $(seq 50); do grep -q '^listening on ' "$demo/server.out" 2>/dev/null && break; sleep 0.1; done
  url=$(sed -n 's/^listening on //p' "$demo/server.out" | head -n1)
  echo "== regional server at $url (log: $demo/server.log)"
  # eric-kioskctl does not create the kiosk's data folder; the kiosk keeps it private.
  mkdir -p -m 700 "$demo/kiosk"
  "$ctl" --data-dir "$demo/kiosk" enroll --server "$url" --code "$code"
  "$ctl" --data-dir "$demo/kiosk" sync
fi

kiosk=$build/kiosk/eric-kiosk
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "== kiosk (windowed; close the window to stop)"
  "$kiosk" "${kiosk_args[@]}" --windowed 1600x900
else
  echo "== no display: the kiosk runs under Xvfb and takes a screenshot of its home screen"
  xvfb-run -a -s "-screen 0 1920x1080x24" "$kiosk" "${kiosk_args[@]}" --windowed 1920x1080 \
    --script "$root/packaging/home-screenshot.kiosk" --screenshots "$demo/screenshots"
  echo "Home screen: $demo/screenshots/home.png"
fi
