#!/bin/sh
# The unit's touch step (packaging/eric-kiosk-touch): kiosk.conf's touch_calibration becomes a
# udev rule for touch screens; an empty one removes the rule; a bad one stops the step.
# Usage: touch_rule_test.sh SOURCE_DIR KIOSK_BIN WORK_DIR
set -eu
src=$1 kiosk=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
export ERIC_KIOSK="$kiosk" ERIC_UDEV_RULES_DIR="$work/rules"
rule=$work/rules/90-eric-kiosk-touch.rules
printf 'touch_calibration = 0 1 0 -1 0 1\n' >"$work/k.conf"
"$src/packaging/eric-kiosk-touch" --config "$work/k.conf"
grep -qx 'SUBSYSTEM=="input", ENV{ID_INPUT_TOUCHSCREEN}=="1", ENV{LIBINPUT_CALIBRATION_MATRIX}="0 1 0 -1 0 1"' "$rule" \
  || { echo "FAIL: rule"; cat "$rule"; exit 1; }
echo "rule written: $(cat "$rule")"
printf 'touch_calibration =\n' >"$work/k.conf"
"$src/packaging/eric-kiosk-touch" --config "$work/k.conf"
[ ! -e "$rule" ] || { echo "FAIL: an empty calibration leaves the rule"; exit 1; }
echo "rule removed"
printf 'touch_calibration = 1 2\n' >"$work/k.conf"
if "$src/packaging/eric-kiosk-touch" --config "$work/k.conf" 2>"$work/err"; then
  echo "FAIL: a bad calibration passes"; exit 1
fi
grep -q "ligne 1" "$work/err" || { echo "FAIL: the error does not name the line"; cat "$work/err"; exit 1; }
echo "bad calibration refused: $(cat "$work/err")"
echo PASS
