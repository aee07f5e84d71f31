# Shared by the e2e wrappers that check, after a script, what the screen cannot show (the
# outbox, the counters), and by those that start a regional server. Sourced, with `tag` set to
# the wrapper's name for its messages.

# The regional server a wrapper started in the background (server_pid=$!); a wrapper stops it
# on its way out with `trap stop_server EXIT`, or earlier by calling it.
server_pid=
stop_server() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=
  fi
}

# Runs SCRIPT through run_e2e.sh, prints its output and stops the wrapper if it failed.
# Leaves the output's path in $log for later checks.
run_script_or_stop() {
  kiosk=$1 data=$2 script=$3 shots=$4
  log="$data.log"
  status=0
  sh "$(dirname "$0")/run_e2e.sh" "$kiosk" "$data" "$script" "$shots" >"$log" 2>&1 || status=$?
  cat "$log"
  if [ "$status" -ne 0 ]; then
    echo "$tag: the script failed ($status)"
    exit 1
  fi
}

# expect_sql DB SQL EXPECTED WHAT: stops the wrapper unless the query gives EXPECTED.
expect_sql() {
  got=$(sqlite3 "$1" "$2")
  if [ "$got" != "$3" ]; then
    echo "$tag: $4: got \"$got\", expected \"$3\""
    exit 1
  fi
  echo "$tag: $4: $got"
}
