#!/bin/bash
# The two Debian packages: CPack builds them from this build folder; their names carry the
# project's version; lintian finds no error; the files, modes, conffiles, maintainer scripts
# and dependencies are where a terminal needs them; systemd-analyze verify accepts every unit
# as installed (checked inside the unpacked packages).
# Usage: deb_test.sh BUILD_DIR OUT_DIR
set -euo pipefail
build=$1 out=$2
for tool in cpack lintian dpkg-deb dpkg-shlibdeps systemd-analyze; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed (packaging/debian-packages.txt)"; exit 77; }
done
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
rm -rf "$out"
mkdir -p "$out"
cpack --config "$build/CPackConfig.cmake" -B "$out" >"$out/cpack.log" 2>&1 || { cat "$out/cpack.log"; exit 1; }
kiosk=$out/eric-kiosk_${version}_amd64.deb
server=$out/eric-regional-server_${version}_amd64.deb
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
for deb in "$kiosk" "$server"; do [ -f "$deb" ] || { echo "FAIL: no $deb"; ls "$out"; exit 1; }; done
echo "built: $(basename "$kiosk") ($(du -k "$kiosk" | cut -f1) kB), $(basename "$server") ($(du -k "$server" | cut -f1) kB)"

echo "== lintian"
for deb in "$kiosk" "$server"; do
  lintian --tag-display-limit 0 "$deb" >"$deb.lintian" 2>&1 || true
  sed 's/^/  /' "$deb.lintian"
  grep -q '^E: ' "$deb.lintian" && fail "lintian reports errors on $(basename "$deb")"
done

echo "== control fields"
field() { dpkg-deb -f "$1" "$2"; }
[ "$(field "$kiosk" Version)" = "$version" ] || fail "kiosk version $(field "$kiosk" Version) != $version"
depends=$(field "$kiosk" Depends)
echo "eric-kiosk Depends: $depends"
for dep in cage xwayland libsdl2 libsqlite3 libcurl libsystemd0 fonts-inter libpam-systemd adduser; do
  [[ $depends == *"$dep"* ]] || fail "eric-kiosk does not depend on $dep"
done
sdepends=$(field "$server" Depends)
echo "eric-regional-server Depends: $sdepends"
for dep in libsqlite3 libssl adduser; do
  [[ $sdepends == *"$dep"* ]] || fail "eric-regional-server does not depend on $dep"
done

echo "== files"
root=$out/root
mkdir -p "$root/kiosk" "$root/server" "$root/ctl-k" "$root/ctl-s"
dpkg-deb -x "$kiosk" "$root/kiosk"
dpkg-deb -x "$server" "$root/server"
dpkg-deb -e "$kiosk" "$root/ctl-k"
dpkg-deb -e "$server" "$root/ctl-s"
for f in usr/bin/eric-kiosk usr/bin/eric-kioskctl usr/lib/eric-kiosk/eric-kiosk-session \
         usr/lib/eric-kiosk/eric-kiosk-touch \
         lib/systemd/system/eric-kiosk.service etc/eric-kiosk/kiosk.conf etc/pam.d/eric-kiosk \
         usr/share/eric-kiosk/assets/i18n/fr/shell.json usr/share/eric-kiosk/data/communes-fr.csv \
         usr/share/eric-kiosk/data/prf-grand-est-2019/actions.json usr/share/doc/eric-kiosk/copyright \
         usr/share/man/man1/eric-kiosk.1.gz usr/share/man/man8/eric-kioskctl.8.gz; do
  [ -e "$root/kiosk/$f" ] || fail "eric-kiosk lacks /$f"
done
for f in usr/bin/eric-regional-server lib/systemd/system/eric-regional-server.service \
         etc/eric-regional-server/server.conf usr/share/man/man8/eric-regional-server.8.gz; do
  [ -e "$root/server/$f" ] || fail "eric-regional-server lacks /$f"
done
[ -x "$root/kiosk/usr/lib/eric-kiosk/eric-kiosk-session" ] || fail "the session script is not executable"
grep -qx /etc/eric-kiosk/kiosk.conf "$root/ctl-k/conffiles" || fail "kiosk.conf is not a conffile"
grep -qx /etc/eric-regional-server/server.conf "$root/ctl-s/conffiles" || fail "server.conf is not a conffile"
for s in postinst prerm postrm; do
  [ -x "$root/ctl-k/$s" ] || fail "eric-kiosk has no $s"
  [ -x "$root/ctl-s/$s" ] || fail "eric-regional-server has no $s"
done
# The packaged program prints the packaged version.
[ "$("$root/kiosk/usr/bin/eric-kiosk" --version)" = "eric-kiosk $version" ] || fail "eric-kiosk --version"
[ "$("$root/kiosk/usr/bin/eric-kioskctl" --version)" = "eric-kioskctl $version" ] || fail "eric-kioskctl --version"

echo "== systemd-analyze verify"
# Each unit is verified inside its unpacked package (ExecStart, PAM file, man pages looked up
# there), beside this system's own units (the targets it is wanted by and ordered after).
verify() {  # ROOT UNIT_FILE
  MANPATH=$1/usr/share/man systemd-analyze verify --root="$1" "$2" >"$out/verify.log" 2>&1 &&
    [ ! -s "$out/verify.log" ]
}
for pkg in kiosk server; do
  cp -an /lib/systemd/system/. "$root/$pkg/lib/systemd/system/"
done
for unit in eric-kiosk eric-regional-server; do
  pkg=kiosk; [ "$unit" = eric-regional-server ] && pkg=server
  if verify "$root/$pkg" "$root/$pkg/lib/systemd/system/$unit.service"; then
    echo "verified: $unit.service"
  else
    cat "$out/verify.log"; fail "systemd-analyze verify $unit.service"
  fi
done
# The check itself must be able to fail: a unit whose program is missing is refused.
sed 's#^ExecStart=.*#ExecStart=/usr/lib/eric-kiosk/no-such-program#' \
  "$root/kiosk/lib/systemd/system/eric-kiosk.service" >"$root/kiosk/lib/systemd/system/eric-broken.service"
verify "$root/kiosk" "$root/kiosk/lib/systemd/system/eric-broken.service" &&
  fail "systemd-analyze verify accepts a unit whose program is missing"
rm -f "$root/kiosk/lib/systemd/system/eric-broken.service"
[ "$fails" -eq 0 ] && echo PASS || { echo "$fails failure(s)"; exit 1; }
