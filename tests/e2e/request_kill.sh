#!/bin/sh
# The real kiosk killed at each step of a visitor's request (the ERIC_TEST_KILL_AT hook: the
# process raises SIGKILL at the step it names), then started again on the same data: each
# request is one outbox item or none (never two, never half), the ticket and its outbox item
# go together, and the kiosk takes the next visitor's request.
# Usage: request_kill.sh KIOSK_BINARY DATA_DIR SCRIPT_DIR SCREENSHOT_DIR
set -eu
kiosk=$1
data=$2
scripts=$3
shots=$4
tag=request_kill
export TZ="${TZ:-Europe/Paris}"
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
. "$(dirname "$0")/check_lib.sh"

run_kiosk() {  # run_kiosk SCRIPT: the kiosk's exit status in $status (--demo keeps local data)
  status=0
  kiosk_on_terminal "$kiosk" "2026-11-23 10:00" "$scripts/$1" "$shots" \
    --data-dir "$data" --demo >"$data.log" 2>&1 || status=$?
}

# step, then the outbox items the killed request leaves: before the commit none, after it one.
for case in "request.form_sent 0" "request.outbox_written 1"; do
  set -- $case
  step=$1 items=$2
  rm -rf "$data" && mkdir -p "$data" "$shots"
  export ERIC_TEST_KILL_AT="$step"
  run_kiosk request_kill.kiosk
  unset ERIC_TEST_KILL_AT
  if ! grep -q "reached $step" "$data.log"; then
    cat "$data.log"
    echo "$tag: the kiosk did not reach $step (status $status)"
    exit 1
  fi
  db="$data/cache.db"
  expect_sql "$db" "SELECT count(*) FROM outbox WHERE type = 'help_ticket'" "$items" \
    "killed at $step: help ticket items"
  expect_sql "$db" "SELECT count(*) FROM help_tickets" "$items" "killed at $step: tickets"
  expect_sql "$db" "SELECT count(*) FROM help_tickets t JOIN outbox o ON o.id = t.outbox_id" \
    "$items" "killed at $step: each ticket with its item"
  expect_sql "$db" "PRAGMA integrity_check" "ok" "killed at $step: database"
  # Started again: nothing is sent twice and the next visitor is served.
  run_kiosk request_kill_after.kiosk
  if [ "$status" -ne 0 ]; then
    cat "$data.log"
    echo "$tag: the kiosk did not restart after a kill at $step"
    exit 1
  fi
  expect_sql "$db" "SELECT count(*) FROM outbox WHERE type = 'help_ticket'" "$((items + 1))" \
    "after the restart: help ticket items"
  expect_sql "$db" "SELECT count(DISTINCT number) FROM help_tickets" "$((items + 1))" \
    "after the restart: ticket numbers, none taken twice"
done
echo "$tag: ok"
