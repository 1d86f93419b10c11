# Starting, probing and stopping what perf.sh measures. Sourced by perf.sh, which sets $work (a temporary folder),
# $emulator_dll and $baseline_dll. Everything binds 127.0.0.1; every wait is bounded.

started_pids=()     # every server started; stop_everything kills the ones still running
start_ms=()         # emulator process start → first 200 from /_emulator/health, one figure per start
server_pid=""       # the server started last, its port and its base URL
server_port=""
server_url=""

# A TCP port nothing listens on: a connection to it is refused. A short race remains until the server binds it.
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  fail "no free port found in 50 tries"
}

now_ms() { date +%s%3N; }

# wait_up URL: polls every 20 ms, for at most 30 s, until URL answers 200.
wait_up() {
  local deadline=$(($(now_ms) + 30000))
  until curl -sf -o /dev/null "$1"; do
    [ "$(now_ms)" -lt "$deadline" ] || return 1
    kill -0 "$server_pid" 2>/dev/null || return 1
    sleep 0.02
  done
}

# launch LOG [VAR=VALUE...] -- DLL [ARGS...]: starts `dotnet DLL` the way users start it, on a free loopback port.
launch() {
  local log=$1 vars=()
  shift
  while [ "$1" != -- ]; do
    vars+=("$1")
    shift
  done
  shift
  server_port=$(free_port)
  env "${vars[@]}" ASPNETCORE_URLS="http://127.0.0.1:$server_port" Logging__LogLevel__Default=Warning dotnet "$@" >"$log" 2>&1 &
  server_pid=$!
  started_pids+=("$server_pid")
  server_url="http://127.0.0.1:$server_port"
  server_log=$log
}

# Whatever answers must be the server started here, not a process that took the port in between (ss is iproute2's).
owns_port() { ! command -v ss >/dev/null || ss -Hltnp "sport = :$server_port" | grep -q "pid=$server_pid,"; }

# start_emulator NAME [VAR=VALUE...]: a fresh emulator (in memory unless TIGER_EMULATOR_DATA_DIR is given), up and
# answering /_emulator/health; records how long that took from the process start.
start_emulator() {
  local name=$1 began
  shift
  began=$(now_ms)
  launch "$work/$name.log" "$@" -- "$emulator_dll"
  wait_up "$server_url/_emulator/health" || fail "the emulator ($name) did not come up"
  start_ms+=($(($(now_ms) - began)))
  owns_port || fail "port $server_port answers for another process than the emulator ($name)"
  project="$server_url/public/api/v1/projects/emuproject"
}

# start_baseline BODY_FILE: the plain Kestrel app, serving BODY_FILE at the GET service path.
start_baseline() {
  launch "$work/baseline.log" -- "$baseline_dll" --body-file "$1"
  wait_up "$server_url/public/api/v1/projects/emuproject/services/baseline" || fail "PlainKestrel did not come up"
  owns_port || fail "port $server_port answers for another process than PlainKestrel"
}

# stop PID: asks politely (the emulator checkpoints its data folder on the way out), then forces after 10 s.
stop() {
  local pid=$1
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

stop_server() { stop "$server_pid"; }

stop_everything() {
  local pid
  for pid in "${started_pids[@]}"; do
    stop "$pid"
  done
}

# rss_mb PID [FIELD]: resident memory in MiB from /proc (VmRSS by default, VmHWM for the peak).
rss_mb() { awk -v field="${2:-VmRSS}:" '$1 == field { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
