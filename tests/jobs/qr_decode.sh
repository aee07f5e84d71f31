#!/bin/sh
# Runs the takeaway script against the real kiosk, then decodes the saved screenshot with
# zbarimg: the decoded text must contain what the script's "# qr-expects:" line names.
# Usage: qr_decode.sh KIOSK RUN_E2E SCRIPT WORK_DIR ZBARIMG
set -eu
kiosk=$1
run_e2e=$2
script=$3
work=$4
zbarimg=$5
expected=$(sed -n 's/^# qr-expects: //p' "$script")
if [ -z "$expected" ]; then
  echo "qr_decode: $script has no '# qr-expects:' line" >&2
  exit 2
fi
rm -rf "$work"
mkdir -p "$work"
"$run_e2e" "$kiosk" "$work/data" "$script" "$work/shots"
png="$work/shots/jobs-takeaway.png"
# --raw: the UTF-8 bytes as encoded, without zbar's guess at the character set.
decoded=$("$zbarimg" --quiet --raw "$png" 2>/dev/null || true)
printf 'decoded:\n%s\n' "$decoded"
case "$decoded" in
  *"$expected"*) echo "qr_decode: the code holds « $expected »" ;;
  *) echo "qr_decode: FAILED: « $expected » not in the decoded text" >&2; exit 1 ;;
esac
