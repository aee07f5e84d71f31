#!/bin/sh
# Runs one feedback script through run_e2e.sh, then checks what the screen cannot show: the
# feedback items in the outbox (one per "Envoyer", however many taps), their payload, and that
# the path's end was counted.
# Usage: feedback_check.sh KIOSK DATA_DIR SCRIPT SCREENSHOT_DIR ITEMS PATH [PAYLOAD]
#   ITEMS    number of feedback items the outbox must hold after the run
#   PATH     the path whose end the script reached ("path.done" counted once for it)
#   PAYLOAD  when given, the payload of the one item, exactly as stored
set -u
here=$(dirname "$0")
kiosk=$1
data=$2
script=$3
shots=$4
items=$5
path=$6
payload=${7:-}
log="$data.log"

status=0
sh "$here/run_e2e.sh" "$kiosk" "$data" "$script" "$shots" >"$log" 2>&1 || status=$?
cat "$log"
if [ "$status" -ne 0 ]; then
  echo "feedback_check: the script failed ($status)"
  exit 1
fi

db="$data/cache.db"
count=$(sqlite3 "$db" "SELECT count(*) FROM outbox WHERE type = 'feedback';")
if [ "$count" != "$items" ]; then
  echo "feedback_check: $count feedback items in the outbox, expected $items"
  exit 1
fi
echo "feedback_check: $count feedback item(s) in the outbox, as expected"

# Anonymous answers are never purged.
kept=$(sqlite3 "$db" "SELECT count(*) FROM outbox WHERE type = 'feedback' AND purge_after <> 0;")
if [ "$kept" != "0" ]; then
  echo "feedback_check: a feedback item has a purge date"
  exit 1
fi

if [ -n "$payload" ]; then
  stored=$(sqlite3 "$db" "SELECT payload FROM outbox WHERE type = 'feedback';")
  if [ "$stored" != "$payload" ]; then
    echo "feedback_check: payload $stored, expected $payload"
    exit 1
  fi
  echo "feedback_check: payload $stored"
fi

done_count=$(sqlite3 "$db" "SELECT coalesce(sum(count), 0) FROM usage_counters WHERE name = 'path.done' AND key = '$path';")
if [ "$done_count" != "1" ]; then
  echo "feedback_check: path.done|$path counted $done_count times, expected 1"
  exit 1
fi
# The visit went on to the last question: it is counted once, never restarted there.
restarted=$(sqlite3 "$db" "SELECT count(*) FROM usage_counters WHERE name = 'visit.start' AND key = 'feedback';")
if [ "$restarted" != "0" ]; then
  echo "feedback_check: a visit was counted as starting on the feedback screen"
  exit 1
fi
exit 0
