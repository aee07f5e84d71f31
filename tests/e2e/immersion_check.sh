#!/bin/sh
# Runs one immersion script through run_e2e.sh, then checks what the screen cannot show: the
# immersion requests in the outbox, the QR code of a screenshot (zbarimg), and that the
# visitor's first name and phone never reached the kiosk's output (logs).
# Usage: immersion_check.sh KIOSK DATA_DIR SCRIPT SCREENSHOT_DIR ITEMS [QR_PNG QR_TEXT]
#   ITEMS    number of immersion_request items the outbox must hold after the run
#   QR_PNG   a screenshot (in SCREENSHOT_DIR) whose QR code must decode and contain QR_TEXT
set -u
tag=immersion_check
. "$(dirname "$0")/check_lib.sh"
data=$2
shots=$4
items=$5
qr_png=${6:-}
qr_text=${7:-}
run_script_or_stop "$1" "$2" "$3" "$4"

expect_sql "$data/cache.db" "SELECT count(*) FROM outbox WHERE type = 'immersion_request';" \
  "$items" "immersion requests in the outbox"

# Personal data never in logs: the scripts type these values.
for secret in Samia "06 12 34 56 78" "0612345678"; do
  if grep -q "$secret" "$log"; then
    echo "immersion_check: the kiosk's output contains personal data ($secret)"
    exit 1
  fi
done

if [ -n "$qr_png" ]; then
  decoded=$(zbarimg -q --raw -Sbinary "$shots/$qr_png" 2>/dev/null)
  if [ -z "$decoded" ]; then
    echo "immersion_check: no QR code decoded in $qr_png"
    exit 1
  fi
  case "$decoded" in
    *"$qr_text"*) echo "immersion_check: QR code decoded: $(echo "$decoded" | head -1)" ;;
    *) echo "immersion_check: the QR code says \"$decoded\", not \"$qr_text\""; exit 1 ;;
  esac
  # The QR code carries the same code as the outbox item.
  code=$(sqlite3 "$data/cache.db" "SELECT json_extract(payload, '\$.code') FROM outbox WHERE type = 'immersion_request' LIMIT 1;")
  case "$decoded" in
    *"$code"*) ;;
    *) echo "immersion_check: the QR code does not carry the request code $code"; exit 1 ;;
  esac
fi
exit 0
