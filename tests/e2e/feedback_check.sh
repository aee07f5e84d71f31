#!/bin/sh
# Runs one feedback script through run_e2e.sh, then checks what the screen cannot show: the
# feedback items in the outbox (one per "Envoyer", however many taps), their payload, and that
# the path's end was counted.
# Usage: feedback_check.sh KIOSK DATA_DIR SCRIPT SCREENSHOT_DIR ITEMS PATH [PAYLOAD]
#   ITEMS    number of feedback items the outbox must hold after the run
#   PATH     the path whose end the script reached ("path.done" counted once for it)
#   PAYLOAD  when given, the payload of the one item, exactly as stored
set -u
tag=feedback_check
. "$(dirname "$0")/check_lib.sh"
items=$5
path=$6
payload=${7:-}
run_script_or_stop "$1" "$2" "$3" "$4"
db="$2/cache.db"

expect_sql "$db" "SELECT count(*) FROM outbox WHERE type = 'feedback';" "$items" \
  "feedback items in the outbox"
# Anonymous answers are never purged.
expect_sql "$db" "SELECT count(*) FROM outbox WHERE type = 'feedback' AND purge_after <> 0;" 0 \
  "feedback items with a purge date"
if [ -n "$payload" ]; then
  expect_sql "$db" "SELECT payload FROM outbox WHERE type = 'feedback';" "$payload" "payload"
fi
expect_sql "$db" "SELECT coalesce(sum(count), 0) FROM usage_counters WHERE name = 'path.done' AND key = '$path';" 1 \
  "path.done|$path counted"
# The visit went on to the last question: it is counted once, never restarted there.
expect_sql "$db" "SELECT count(*) FROM usage_counters WHERE name = 'visit.start' AND key = 'feedback';" 0 \
  "visits counted as starting on the feedback screen"
exit 0
