#!/bin/sh
# Runs a script that leaves forms half filled (form_left_under_banner.kiosk), then checks what
# the screen cannot show: nothing was sent, neither an immersion request nor a workshop seat,
# and no outbox item nor the kiosk's output holds what the visitor typed.
# Usage: form_left_check.sh KIOSK DATA_DIR SCRIPT SCREENSHOT_DIR
set -u
tag=form_left_check
. "$(dirname "$0")/check_lib.sh"
run_script_or_stop "$1" "$2" "$3" "$4"
db="$2/cache.db"
expect_sql "$db" \
  "SELECT count(*) FROM outbox WHERE type IN ('immersion_request', 'workshop_registration');" \
  0 "requests in the outbox"
# What the script typed: a first name, half a phone.
for typed in Samia "06 12" Inès 0612; do
  expect_sql "$db" "SELECT count(*) FROM outbox WHERE instr(payload, '$typed') > 0;" 0 \
    "outbox items holding \"$typed\""
  if grep -q "$typed" "$log"; then
    echo "$tag: the kiosk's output holds what the visitor typed ($typed)"
    exit 1
  fi
done
