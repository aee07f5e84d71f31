#!/bin/bash
# The kiosk as eric-kiosk.service starts it: the unit's session script (cage, the rotation's
# flags, eric-kiosk), the unit's environment and watchdog period, under cage's headless
# backend with the pixman renderer. It must answer READY=1 after its first frame and then
# WATCHDOG=1 on a notify socket this test listens on, show its home screen (grim takes the
# compositor's picture), and, when its main loop freezes (the test hook
# ERIC_TEST_FREEZE_LOOP_AFTER_S), stop feeding the watchdog although its process lives.
# Needs cage, Xwayland (cage will not start without it) and grim.
# Usage: kiosk_session_test.sh SOURCE_DIR KIOSK_BIN LISTENER_BIN WORK_DIR SCREENSHOT_DIR
set -euo pipefail
src=$1 kiosk=$2 listener=$3 work=$4 shots=$5
unit=$src/packaging/eric-kiosk.service
session=$src/packaging/eric-kiosk-session

for tool in cage Xwayland grim; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed (packaging/debian-packages.txt)"; exit 77; }
done

# The unit runs the session script this test runs.
exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
[ "$(basename "$exec_start")" = "$(basename "$session")" ] || {
  echo "FAIL: the unit starts $exec_start, not $(basename "$session")"; exit 1; }
watchdog_s=$(sed -n 's/^WatchdogSec=//p' "$unit")
unit_env=()
while IFS= read -r assignment; do
  # The runtime folder is the test's own (the unit's is made by systemd).
  case $assignment in XDG_RUNTIME_DIR=*) continue ;; esac
  unit_env+=("$assignment")
done < <(sed -n 's/^Environment=//p' "$unit")

rm -rf "$work"
mkdir -p "$work/run" "$work/data" "$shots"
chmod 700 "$work/run" "$work/data"
# Rotation 180: the session must hand kiosk.conf's rotation to cage; it also keeps cage from
# scanning the kiosk's buffer out directly, which grim (screencopy) would read as black.
printf 'data_dir = %s\nidle_timeout = 60\nrotation = 180\n' "$work/data" > "$work/kiosk.conf"
[ "$("$kiosk" --config "$work/kiosk.conf" --print-cage-options)" = "-d -r -r" ] || {
  echo "FAIL: rotation 180 does not give cage -r -r"; exit 1; }
# cage refuses to run as root: as root, the session runs as nobody, as the unit runs it as
# eric-kiosk.
as_user=()
if [ "$(id -u)" = 0 ]; then
  chown -R nobody:nogroup "$work"
  chmod 755 "$work"
  as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
fi

pids=()
# stop_session PID: cage and its child, the kiosk (a frozen kiosk would outlive cage).
stop_session() {
  local child
  for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do kill -9 "$child" 2>/dev/null || true; done
  kill "$1" 2>/dev/null || true
}
cleanup() { for p in "${pids[@]}"; do stop_session "$p"; done; wait 2>/dev/null || true; }
trap cleanup EXIT

# run_session NAME WATCHDOG_SECONDS [extra env...]: starts the listener and the session.
run_session() {
  local name=$1 period=$2; shift 2
  local sock=$work/$name.notify
  "$listener" "$sock" 120 > "$work/$name.log" &
  pids+=($!)
  for _ in $(seq 50); do grep -q LISTENING "$work/$name.log" 2>/dev/null && break; sleep 0.1; done
  # As systemd does, WATCHDOG_PID names the unit's main process: the one that execs into
  # cage (this shell's $$ becomes setpriv, env, the session script, then cage).
  sh -c "exec ${as_user[*]} env -i WATCHDOG_PID=\$\$ \"\$@\"" session \
    PATH=/usr/bin:/bin HOME="$work" XDG_RUNTIME_DIR="$work/run" TZ=Europe/Paris \
    WLR_BACKENDS=headless WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1 \
    NOTIFY_SOCKET="$sock" WATCHDOG_USEC=$((period * 1000000)) "${unit_env[@]}" "$@" \
    ERIC_KIOSK="$kiosk" "$session" --config "$work/kiosk.conf" \
    > "$work/$name.out" 2>&1 &
  session_pid=$!
  pids+=("$session_pid")
}

# wait_for FILE PATTERN SECONDS
wait_for() {
  for _ in $(seq $(($3 * 10))); do grep -q "$2" "$1" && return 0; sleep 0.1; done
  return 1
}

echo "== the session as the unit runs it (WatchdogSec=$watchdog_s)"
run_session live "$watchdog_s"
wait_for "$work/live.log" ' READY=1' 60 || { echo "FAIL: no READY=1"; cat "$work/live.out"; exit 1; }
ready_ms=$(awk '/ READY=1/{print $1; exit}' "$work/live.log")
# The unit's main process (WATCHDOG_PID) is cage; the pings come from its child, the kiosk.
[ "$(ps -o comm= -p "$session_pid")" = cage ] || { echo "FAIL: the main process is not cage"; exit 1; }
echo "READY=1 after $ready_ms ms"
# Two pings within one period and a half: the kiosk pings every half period.
sleep $((watchdog_s * 3 / 2))
pings=$(grep -c ' WATCHDOG=1' "$work/live.log" || true)
echo "WATCHDOG=1 received $pings times in $((watchdog_s * 3 / 2)) s"
[ "$pings" -ge 2 ] || { echo "FAIL: the watchdog is not fed"; cat "$work/live.out"; exit 1; }
"${as_user[@]}" env XDG_RUNTIME_DIR="$work/run" WAYLAND_DISPLAY=wayland-0 grim "$work/session-home.png"
cp "$work/session-home.png" "$shots/session-home.png"
# A black picture (nothing drawn) compresses to under 3 kB; the home screen takes tens.
[ "$(stat -c %s "$work/session-home.png")" -gt 20000 ] || { echo "FAIL: the screen is empty"; exit 1; }
echo "screenshot: $shots/session-home.png"
stop_session "$session_pid"

echo "== a frozen main loop (ERIC_TEST_FREEZE_LOOP_AFTER_S=4, WatchdogSec=2)"
run_session frozen 2 ERIC_TEST_FREEZE_LOOP_AFTER_S=4
wait_for "$work/frozen.log" ' READY=1' 60 || { echo "FAIL: no READY=1"; cat "$work/frozen.out"; exit 1; }
wait_for "$work/frozen.out" 'boucle principale figée' 30 || { echo "FAIL: the hook did not fire"; cat "$work/frozen.out"; exit 1; }
frozen_ms=$(awk '{print $1}' "$work/frozen.log" | tail -n1)
before=$(grep -c ' WATCHDOG=1' "$work/frozen.log" || true)
sleep 5
after=$(grep -c ' WATCHDOG=1' "$work/frozen.log" || true)
echo "WATCHDOG=1 before the freeze: $before, in the 5 s after it: $((after - before))"
kill -0 "$session_pid" || { echo "FAIL: the frozen kiosk's process died (it must live, frozen)"; exit 1; }
[ "$before" -ge 1 ] || { echo "FAIL: no ping before the freeze"; exit 1; }
[ "$after" -eq "$before" ] || { echo "FAIL: a frozen loop still feeds the watchdog"; exit 1; }
echo "PASS (last message before the freeze at $frozen_ms ms)"
