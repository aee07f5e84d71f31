#!/bin/bash
# The packages on a fresh Debian 12, as a technician would use them: installs
# eric-regional-server and eric-kiosk with apt in a new debootstrap (minbase) root, checks
# the users, modes and paths, enrols the terminal with the installed server and syncs,
# upgrades both to a newer build (keeping the enrolment, the catalog, the outbox and an edited
# configuration), then removes and purges them, leaving nothing of them behind.
# Run as root, after a build:   bash packaging/package-test.sh [BUILD_DIR]
# The base system is cached in /var/cache/eric-package-test/base.tar (made once, a few
# minutes); each run unpacks a new copy and removes it afterwards (KEEP=1 keeps it).
set -euo pipefail
[ "$(id -u)" = 0 ] || { echo "package-test: run as root (debootstrap, chroot)" >&2; exit 1; }
root_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root_dir/build-ci}
[ -f "$build/CPackConfig.cmake" ] || { echo "package-test: no build in $build (packaging/build.sh first)" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "package-test: apt-get install debootstrap" >&2; exit 1; }

cache=/var/cache/eric-package-test
base=$cache/base.tar
if [ ! -f "$base" ]; then
  mkdir -p "$cache"
  mirror=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)
  [ -n "$mirror" ] || mirror=$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list)
  echo "== making the base system (once): debootstrap --variant=minbase bookworm"
  debootstrap --variant=minbase bookworm "$cache/base" "$mirror" >"$cache/debootstrap.log" 2>&1
  cp /etc/apt/sources.list.d/debian.sources "$cache/base/etc/apt/sources.list.d/" 2>/dev/null || true
  tar -C "$cache/base" -cf "$base" . && rm -rf "$cache/base"
fi

work=$(mktemp -d /var/tmp/eric-package-test.XXXX)
chroot_dir=$work/root
mkdir -p "$chroot_dir" "$work/v1" "$work/v2"
echo "== packages: this build, and a newer build of it (Debian revision 2)"
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
cpack --config "$build/CPackConfig.cmake" -B "$work/v1" >"$work/cpack1.log"
cpack --config "$build/CPackConfig.cmake" -B "$work/v2" -D CPACK_DEBIAN_PACKAGE_RELEASE=2 \
  -D CPACK_DEBIAN_KIOSK_FILE_NAME="eric-kiosk_${version}-2_amd64.deb" \
  -D CPACK_DEBIAN_SERVER_FILE_NAME="eric-regional-server_${version}-2_amd64.deb" >"$work/cpack2.log"
ls "$work/v1"/*.deb "$work/v2"/*.deb

tar -C "$chroot_dir" -xf "$base"
cp /etc/resolv.conf "$chroot_dir/etc/resolv.conf"
mkdir -p "$chroot_dir/debs"
cp "$work/v1"/*.deb "$work/v2"/*.deb "$chroot_dir/debs/"
cp "$root_dir/packaging/package-test-inside.sh" "$chroot_dir/package-test-inside.sh"
mount -t proc proc "$chroot_dir/proc"
mount --rbind /dev "$chroot_dir/dev"
mount -t tmpfs tmpfs "$chroot_dir/tmp"
cleanup() {
  umount -R "$chroot_dir/dev" 2>/dev/null || umount -R -l "$chroot_dir/dev" 2>/dev/null || true
  umount "$chroot_dir/proc" 2>/dev/null || umount -l "$chroot_dir/proc" 2>/dev/null || true
  umount "$chroot_dir/tmp" 2>/dev/null || umount -l "$chroot_dir/tmp" 2>/dev/null || true
  if findmnt -rn -o TARGET | grep -q "^$chroot_dir"; then echo "package-test: mounts remain under $chroot_dir"; return; fi
  [ "${KEEP:-0}" = 1 ] && echo "package-test: kept $work" || rm -rf "$work"
}
trap cleanup EXIT
rc=0
chroot "$chroot_dir" /bin/bash /package-test-inside.sh "$version" || rc=$?
echo "package-test: exit $rc"
exit $rc
