#!/bin/bash
# The part of package-test.sh that runs inside the fresh Debian 12 root (see there).
# Usage: package-test-inside.sh VERSION   (the packages are in /debs)
set -euo pipefail
version=$1
export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 TZ=Europe/Paris
fails=0
check() { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; fails=$((fails + 1)); fi; }
mode_owner() { stat -c '%a %U:%G' "$1"; }
find_ours() {
  find / -xdev \( -path /proc -o -path /debs -o -path /var/cache/apt -o -path /var/lib/apt \
    -o -path /var/lib/dpkg -o -path /var/log -o -path /package-test-inside.sh \) -prune -o \
    \( -name '*eric-kiosk*' -o -name '*eric-regional-server*' \) -print
}

echo "== install with apt (dependencies from the Debian mirror)"
apt-get update -q >/dev/null
apt-get install -y -q --no-install-recommends "/debs/eric-regional-server_${version}_amd64.deb" \
  "/debs/eric-kiosk_${version}_amd64.deb" >/tmp/install.log 2>&1 || { tail -40 /tmp/install.log; exit 1; }
tail -3 /tmp/install.log

echo "== users, modes, paths"
check "user eric-kiosk, a system user" '[ "$(id -u eric-kiosk)" -lt 1000 ]'
check "user eric-regional-server, a system user" '[ "$(id -u eric-regional-server)" -lt 1000 ]'
echo "eric-kiosk's groups: $(id -nG eric-kiosk)"
check "eric-kiosk can reach the screen and the touch panel" 'id -nG eric-kiosk | grep -qw video && id -nG eric-kiosk | grep -qw input'
check "/var/lib/eric-kiosk is 0700 eric-kiosk" '[ "$(mode_owner /var/lib/eric-kiosk)" = "700 eric-kiosk:eric-kiosk" ]'
check "/var/lib/eric-regional-server is 0750 eric-regional-server" \
  '[ "$(mode_owner /var/lib/eric-regional-server)" = "750 eric-regional-server:eric-regional-server" ]'
check "/etc/eric-kiosk/kiosk.conf (root, 0644)" '[ "$(mode_owner /etc/eric-kiosk/kiosk.conf)" = "644 root:root" ]'
check "/etc/eric-regional-server/server.conf" '[ -f /etc/eric-regional-server/server.conf ]'
check "eric-kiosk.service enabled" '[ -L /etc/systemd/system/multi-user.target.wants/eric-kiosk.service ]'
check "eric-regional-server.service enabled" '[ -L /etc/systemd/system/multi-user.target.wants/eric-regional-server.service ]'
check "PAM session file" '[ -f /etc/pam.d/eric-kiosk ]'
check "eric-kiosk --version" '[ "$(eric-kiosk --version)" = "eric-kiosk $version" ]'
check "cage is installed" 'command -v cage >/dev/null'
check "the session finds the rotation" '[ "$(runuser -u eric-kiosk -- eric-kiosk --print-cage-options)" = "-d" ]'

echo "== the regional server as its unit runs it (no systemd in a chroot: by hand, as its user)"
# shellcheck disable=SC1091 # the installed configuration
. /etc/eric-regional-server/server.conf
as_server() { runuser -u eric-regional-server -- "$@"; }
as_server eric-regional-server generate-demo --db "$ERIC_DB" --jobs 2000 \
  --reference-data /usr/share/eric-regional-server/data >/dev/null
code=$(as_server eric-regional-server enroll-code --db "$ERIC_DB" --site eric-martigues)
server_pid=
# The chroot shares the host's network and processes: the server must not outlive the test.
trap '[ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null || true' EXIT
start_server() {
  rm -f /tmp/server.out
  # setpriv execs the server itself, so $! is the server's own id (runuser would stay between).
  setpriv --reuid=eric-regional-server --regid=eric-regional-server --init-groups \
    eric-regional-server serve --db "$ERIC_DB" --listen "$ERIC_LISTEN" >/tmp/server.out 2>/tmp/server.log &
  server_pid=$!
  for _ in $(seq 50); do grep -q '^listening on ' /tmp/server.out 2>/dev/null && break; sleep 0.1; done
  grep -q '^listening on ' /tmp/server.out || { echo "the server did not start:"; cat /tmp/server.log; exit 1; }
}
start_server
url=http://$ERIC_LISTEN

echo "== enrol and sync, as root (eric-kioskctl works as eric-kiosk)"
eric-kioskctl enroll --server "$url" --code "$code"
eric-kioskctl sync
echo 1357 | eric-kioskctl set-pin --role manager
eric-kioskctl status
status1=$(eric-kioskctl status --json)
check "enrolled" 'grep -q "\"enrolled\": true" <<<"$status1"'
check "the catalog arrived" '! grep -q "\"jobs\": 0," <<<"$status1"'
check "cache.db belongs to eric-kiosk" '[ "$(stat -c %U /var/lib/eric-kiosk/cache.db)" = eric-kiosk ]'
check "no file of root in the kiosk's folder" '[ -z "$(find /var/lib/eric-kiosk -user root)" ]'
echo "== a visitor's help ticket while the server is down: it waits in the outbox"
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
# The installed kiosk as its session runs it (cage, here headless), playing a visitor; a
# Monday morning, inside the opening hours of the installed kiosk.conf.
cat >/tmp/ticket.kiosk <<'SCRIPT'
tap "Être aidé ou m'inscrire"
tap "Être aidé maintenant"
tap "Mon CV"
tap "Prendre un ticket"
expect "A001"
SCRIPT
install -d -m 0700 -o eric-kiosk -g eric-kiosk /tmp/kiosk-run
runuser -u eric-kiosk -- env XDG_RUNTIME_DIR=/tmp/kiosk-run WLR_BACKENDS=headless \
  WLR_RENDERER=pixman SDL_VIDEODRIVER=wayland TZ=Europe/Paris \
  cage -d -- eric-kiosk --clock "2026-11-23 10:00" --script /tmp/ticket.kiosk >/tmp/kiosk.log 2>&1 || true
grep -E "passed|FAILED" /tmp/kiosk.log || tail -5 /tmp/kiosk.log
status1=$(eric-kioskctl status --json)
check "the ticket waits in the outbox" 'grep -q "\"pending\": [1-9]" <<<"$status1"'

# The technician's edit of the configuration must survive the upgrade.
sed -i "s|^server_url =.*|server_url = $url|" /etc/eric-kiosk/kiosk.conf

echo "== upgrade both to the newer build"
apt-get install -y -q --no-install-recommends "/debs/eric-regional-server_${version}-2_amd64.deb" \
  "/debs/eric-kiosk_${version}-2_amd64.deb" >/tmp/upgrade.log 2>&1 || { tail -40 /tmp/upgrade.log; exit 1; }
check "eric-kiosk is now ${version}-2" '[ "$(dpkg-query -W -f="\${Version}" eric-kiosk)" = "${version}-2" ]'
check "the edited kiosk.conf is kept" 'grep -q "^server_url = $url" /etc/eric-kiosk/kiosk.conf'
status2=$(eric-kioskctl status --json)
check "still enrolled, same terminal, same catalog and outbox" \
  '[ "$(grep -v -e last_attempt -e next_attempt <<<"$status1")" = "$(grep -v -e last_attempt -e next_attempt <<<"$status2")" ]'
start_server
eric-kioskctl sync
check "syncs after the upgrade" 'eric-kioskctl status --json | grep -q "\"last_error\": null"'
check "the waiting ticket was delivered" 'eric-kioskctl status --json | grep -q "\"pending\": 0"'
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true

echo "== remove: programs gone, data and settings kept"
apt-get remove -y -q eric-kiosk eric-regional-server >/tmp/remove.log 2>&1 || { tail -20 /tmp/remove.log; exit 1; }
check "programs removed" '! command -v eric-kiosk && ! command -v eric-regional-server'
check "the terminal's data is kept" '[ -f /var/lib/eric-kiosk/cache.db ]'
check "the configuration is kept" '[ -f /etc/eric-kiosk/kiosk.conf ]'

echo "== purge: nothing left"
apt-get purge -y -q eric-kiosk eric-regional-server >/tmp/purge.log 2>&1 || { tail -20 /tmp/purge.log; exit 1; }
left=$(find_ours || true)
[ -n "$left" ] && echo "$left"
check "no file or folder of the packages left" '[ -z "$left" ]'
check "users removed" '! getent passwd eric-kiosk && ! getent passwd eric-regional-server'
check "groups removed" '! getent group eric-kiosk && ! getent group eric-regional-server'
check "no unit link left" '[ -z "$(find /etc/systemd -name "eric-*")" ]'

[ "$fails" -eq 0 ] && echo "PASS" || { echo "$fails check(s) failed"; exit 1; }
