#!/usr/bin/env bash
# Issue 7's performance figures for a Release build of the emulator, started the way users start it, each beside its
# target, in one table (also written to bench/results/perf-<date>.txt). What each figure means and how to read it on
# a 2-core machine: bench/README.md, "perf.sh — issue 7 targets". Loopback only; every step is bounded in count and
# time; every process started here is stopped on exit. Usage: bench/perf.sh [logs|create]   (logs: the logs pages
# alone; create: the two create figures and their ratio alone, also as PERF_ONLY=create bench/perf.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
perf_dir=$repo/bench/perf
emulator_dll=$repo/src/TigerEmulator/bin/Release/net10.0/TigerEmulator.dll
baseline_dll=$repo/bench/PlainKestrel/bin/Release/net10.0/PlainKestrel.dll
cold_start_dll=$repo/bench/ColdStartBench/bin/Release/net10.0/ColdStartBench.dll
auth_header="Authorization: Basic $(printf %s tiger-emulator-public-key:tiger-emulator-secret-key | base64 -w0)"
work=$(mktemp -d)
details=$work/details.txt
server_log=""

step() { echo "-> $*" >&2; }

fail() {
  echo "perf.sh: $*" >&2
  if [ -n "$server_log" ] && [ -f "$server_log" ]; then
    tail -n 20 "$server_log" >&2
  fi
  exit 1
}

# shellcheck source=bench/perf/servers.sh
source "$perf_dir/servers.sh"
# shellcheck source=bench/perf/api.sh
source "$perf_dir/api.sh"
# shellcheck source=bench/perf/measure.sh
source "$perf_dir/measure.sh"
# shellcheck source=bench/perf/figures.sh
source "$perf_dir/figures.sh"

trap 'stop_everything; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# A user's own emulator or ASP.NET settings must not change what is measured.
for var in $(compgen -e | grep -E '^(TIGER_EMULATOR_|Logs__|ASPNETCORE_|DOTNET_ENVIRONMENT$)' || true); do
  unset "$var"
done
# These figures are the control plane's: a real PostgreSQL behind each of thousands of created services would measure
# initdb instead (and stop at TIGER_EMULATOR_MAX_DATABASES). bench/DatabaseBench measures the data plane.
export TIGER_EMULATOR_DATABASES=off

ensure_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v curl >/dev/null || missing+=(curl)
  [ ${#missing[@]} -eq 0 ] && return
  step "installing ${missing[*]} from Debian packages"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  { $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; } \
    || fail "could not install ${missing[*]}"
}

build_release() {
  local project
  for project in src/TigerEmulator bench/PlainKestrel bench/ColdStartBench; do
    step "building $project (Release)"
    dotnet build -c Release "$project" -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; fail "build of $project failed"; }
  done
}

header() {
  echo "TigerEmulator perf.sh, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git describe --always --dirty), $(nproc) CPUs, .NET $(dotnet --version)"
  echo "load average (1, 5, 15 min): $load_at_start at start, $(load_average) at end; wrk -t2 -c32 -d10s --latency after $warmup_windows × 5 s of warm-up"
}

main() {
  ensure_tools
  load_at_start=$(load_average)
  build_release
  local mode=${1:-${PERF_ONLY:-}}
  if [ "$mode" = logs ]; then
    # The logs pages alone (about two minutes), for work on the logs.
    measure_logs
  elif [ "$mode" = create ]; then
    # Create in memory and on a data folder alone (issue 16's durable answers).
    measure_create_pair
    record_process_start
  else
    measure_get_service
    measure_service_list
    measure_create_pair
    measure_logs
    measure_reset
    measure_memory
    measure_cold_start
    record_process_start
  fi

  local results
  results="bench/results/perf-$(date -u '+%Y-%m-%d-%H%M').txt"
  mkdir -p bench/results
  { header; echo; print_table; } | tee "$results"
  { echo; echo "Raw outputs"; cat "$details"; } >>"$results"
  echo "written to $results"
  if [ "$invalid" -gt 0 ]; then
    echo "perf.sh: $invalid measurement(s) had non-2xx responses or socket errors; their speed means nothing" >&2
    exit 1
  fi
}

main "$@"
