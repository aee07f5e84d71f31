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

# The wrappers that run the regional server beside the kiosk take the same six arguments:
# SERVER CTL KIOSK SCRIPTS_DIR WORK_DIR SCREENSHOT_DIR. server_wrapper_args "$@" sets server,
# ctl, kiosk, scripts, work and shots, starts WORK_DIR afresh and sets the environment
# run_e2e.sh sets (the site's time zone; ASan without leak checks, SDL's unloaded modules
# defeat LeakSanitizer while memory errors still count).
server_wrapper_args() {
  if [ "$#" -ne 6 ]; then
    echo "usage: $0 SERVER CTL KIOSK SCRIPTS_DIR WORK_DIR SCREENSHOT_DIR" >&2
    exit 2
  fi
  server=$1 ctl=$2 kiosk=$3 scripts=$4 work=$5 shots=$6
  rm -rf "$work"
  mkdir -p "$work" "$shots"
  export TZ="${TZ:-Europe/Paris}"
  export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
}

# start_server DB [SERVE_ARGS...]: `$server serve` on a free loopback port in the background;
# waits for its "listening on URL" line and sets url and server_pid (see stop_server).
start_server() {
  db=$1
  shift
  "$server" serve --db "$db" --listen 127.0.0.1:0 "$@" >"$work/server.out" 2>"$work/server.log" &
  server_pid=$!
  i=0
  while ! grep -q '^listening on ' "$work/server.out" 2>/dev/null; do
    i=$((i + 1))
    if [ "$i" -gt 100 ]; then
      echo "$tag: the server did not start"
      cat "$work/server.log"
      exit 1
    fi
    sleep 0.1
  done
  url=$(sed -n 's/^listening on //p' "$work/server.out" | head -n1)
  echo "$tag: server at $url"
}

# The terminal a run plays on, from the environment (run_terminals.sh sets it):
#   ERIC_SCREEN        WIDTHxHEIGHT of the screen (default 1920x1080)
#   ERIC_SCREEN_INCHES its diagonal (default: the usual panel of that size, below)
#   ERIC_TEXT_SIZE     A, A+ or A++: the size a visitor starts with (default A)
#   ERIC_THEME         the theme a visitor starts with (default: the standard one)
# kiosk_on_terminal KIOSK CLOCK SCRIPT SHOTS [KIOSK_ARGS...]: the real kiosk under Xvfb on that
# terminal, its clock at CLOCK, SCRIPT's screenshots into SHOTS; fails as the script does.
# Every e2e run starts the kiosk here, so every script plays on every terminal.
kiosk_on_terminal() {
  local bin="$1" clock="$2" kiosk_script="$3" shot_dir="$4"
  shift 4
  local screen="${ERIC_SCREEN:-1920x1080}" inches
  # The panels these sizes usually come as: a desk screen, a small terminal, a 4K panel, a
  # portrait panel (the text is sized from the diagonal, as on a real terminal).
  case "$screen" in
    1366x768) inches=18.5 ;;
    1280x720|1280x800) inches=15.6 ;;
    3840x2160) inches=27 ;;
    *) inches=23.8 ;;  # 1920x1080 and 1080x1920
  esac
  inches=${ERIC_SCREEN_INCHES:-$inches}
  if [ -n "${ERIC_THEME:-}" ]; then set -- "$@" --theme "$ERIC_THEME"; fi
  xvfb-run -a -s "-screen 0 ${screen}x24" "$bin" "$@" --windowed "$screen" \
    --screen-inches "$inches" --text-size "${ERIC_TEXT_SIZE:-A}" --clock "$clock" \
    --script "$kiosk_script" --screenshots "$shot_dir"
}

# run_kiosk SCRIPT [KIOSK_ARGS...]: the kiosk of a server wrapper, at the e2e scripts' day.
run_kiosk() {
  kiosk_script=$1
  shift
  kiosk_on_terminal "$kiosk" "2026-11-23 10:00" "$kiosk_script" "$shots" "$@"
}
