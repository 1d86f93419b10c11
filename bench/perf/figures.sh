# One function per figure of perf.sh's table: each starts what it measures on a fresh process, checks that the set-up
# really holds (service READY, log size, storage kind, response size), measures, adds its row and stops what it started.
# Sourced by perf.sh.

# ramp_row LABEL RAMP: a warm-up from a fresh process (warm_up's $ramp), beside its figure: what a short test run meets.
ramp_row() { row "$1, warm-up req/s in 5 s windows" "$2" "(info)" "-"; }

# GET service, in turn with plain Kestrel: one service, READY, read by id, and PlainKestrel serving its body byte for
# byte from the same path shape. Both servers stay up; each is warmed up, then $pairs 10 s runs of each alternate, so
# that the machine's drift between minutes falls on both alike. Each row shows its median run (by req/s), the runs
# themselves follow, and the ratio is that of the two medians.
pairs=${PERF_PAIRS:-3}

measure_get_service() {
  step "GET service, alternating with plain Kestrel ($pairs runs each)"
  start_emulator get-service
  local emulator_pid=$server_pid id emulator_url baseline_url bytes expected pair
  id=$(create_service x)
  wait_all_ready 1
  emulator_url="$project/services/$id"
  curl -sf -H "$auth_header" "$emulator_url" -o "$work/service.json" || fail "GET service failed"
  start_baseline "$work/service.json"
  baseline_url="$server_url/public/api/v1/projects/emuproject/services/baseline"
  bytes=$(curl -sf -o /dev/null -w '%{size_download}' "$baseline_url")
  expected=$(wc -c <"$work/service.json")
  [ "$bytes" -eq "$expected" ] || fail "the baseline answers $bytes bytes, the emulator $expected"

  warm_up "GET service" "$emulator_url"
  local emulator_ramp=$ramp
  warm_up "plain Kestrel" "$baseline_url"
  local baseline_ramp=$ramp
  local emulator_runs=() baseline_runs=()
  for pair in $(seq 1 "$pairs"); do
    measure "GET service, run $pair" "$emulator_url"
    emulator_runs+=("$rps|$p50_ms|$p99_ms|$errors")
    measure "plain Kestrel, run $pair" "$baseline_url"
    baseline_runs+=("$rps|$p50_ms|$p99_ms|$errors")
  done

  median_run "${emulator_runs[@]}"
  local emulator_rps=$rps
  row "GET service, median of $pairs runs" "$(wrk_value)" ">= 40,000 req/s, p99 < 5 ms" "$(judged "$(both "$(at_least "$rps" 40000)" "$(below "$p99_ms" 5)")")" "$errors"
  row "GET service, each run, req/s" "$(runs_rps "${emulator_runs[@]}")" "(info)" "-"
  ramp_row "GET service" "$emulator_ramp"
  median_run "${baseline_runs[@]}"
  row "plain Kestrel, same path, same $bytes-byte body, median" "$(wrk_value)" "(baseline)" "$(judged -)" "$errors"
  row "plain Kestrel, each run, req/s" "$(runs_rps "${baseline_runs[@]}")" "(info)" "-"
  ramp_row "plain Kestrel" "$baseline_ramp"
  row "GET service / plain Kestrel, medians" "$(awk -v a="$emulator_rps" -v b="$rps" 'BEGIN { printf "%.2f", a / b }')" "(info)" "-"
  stop "$emulator_pid"
  stop_server
}

# median_run RUN...: of runs "rps|p50|p99|non2xx/socket", sets rps, p50_ms and p99_ms from the median one by req/s,
# and errors to the totals over all of them, so that a spoiled run spoils the row.
median_run() {
  local middle non2xx=0 socket=0 run a b
  middle=$(printf '%s\n' "$@" | sort -t'|' -k1,1n | sed -n "$((($# + 1) / 2))p")
  IFS='|' read -r rps p50_ms p99_ms _ <<<"$middle"
  for run in "$@"; do
    IFS='/' read -r a b <<<"${run##*|}"
    non2xx=$((non2xx + a))
    socket=$((socket + b))
  done
  errors="$non2xx/$socket"
}

runs_rps() {
  local run out=""
  for run in "$@"; do
    out="${out:+$out, }$(thousands "${run%%|*}")"
  done
  echo "$out"
}

measure_service_list() {
  step "GET services with 100 services"
  start_emulator service-list
  create_services 100
  wait_all_ready 100
  run_wrk "GET services, 100 services" "$project/services"
  row "GET services, 100 in the project" "$(wrk_value)" "-" "$(judged -)" "$errors"
  stop_server
}

# measure_create NAME MIN_RPS [VAR=VALUE...]: POST create service on a fresh emulator. Every request adds a service, so
# the store grows through the run (warm-up included) and the lifecycle worker moves each one to READY meanwhile.
measure_create() {
  local name=$1 target=$2 storage=memory
  shift 2
  step "POST create service, $name"
  start_emulator "create-$name" "$@"
  [[ " $* " == *" TIGER_EMULATOR_DATA_DIR="* ]] && storage=file
  curl -sf "$server_url/_emulator/health" | grep -q "\"storage\":\"$storage\"" || fail "the emulator does not report $storage storage"
  run_wrk "POST create service, $name" "$project/services" "$perf_dir/create-service.lua"
  row "POST create service, $name" "$(wrk_value)" ">= $(thousands "$target") req/s" "$(judged "$(at_least "$rps" "$target")")" "$errors"
  ramp_row "POST create service, $name" "$ramp"
  stop_server
}

# Create in memory, then on a data folder, in the same run: durable acknowledgements (issue 16) must keep the data
# folder at half the in-memory rate or better, and never below 2,000 req/s.
measure_create_pair() {
  measure_create "in memory" 5000
  local memory_rps=$rps
  measure_create "data folder" 2000 TIGER_EMULATOR_DATA_DIR="$work/data"
  local ratio
  ratio=$(awk -v a="$rps" -v b="$memory_rps" 'BEGIN { printf "%.2f", a / b }')
  row "POST create service, data folder / in memory" "$ratio" ">= 0.50" "$(judged "$(at_least "$ratio" 0.5)")" "-"
}

# A service aged on the manual clock until its log holds about a million entries; the newest page of it.
measure_logs() {
  step "GET logs page at about 1 million entries"
  start_emulator logs TIGER_EMULATOR_CLOCK=manual Logs__EntriesPerMinute=1000
  local id logs last
  id=$(create_service logs)
  advance_clock 10   # QUEUED, CONFIGURING, READY: 2 s a step in the default (fast) profile
  wait_all_ready 1
  advance_clock 60000   # 1,000 minutes at 1,000 entries a minute
  logs="$project/services/$id/logs"
  # 500 entries a page: pages 0 to 1999 are full and page 2000 holds what is left.
  last=$(log_entries_on_page "$logs" 2000)
  [ "$(log_entries_on_page "$logs" 1999)" -eq 500 ] && [ "$last" -lt 500 ] || fail "the log does not hold about a million entries"
  PERF_STATUS_ONLY=1 run_wrk "GET logs page" "$logs"
  row "GET logs page (500 of $(thousands $((2000 * 500 + last))) entries)" "$(wrk_value)" ">= 2,000 req/s" "$(judged "$(at_least "$rps" 2000)")" "$errors"
  # A rare term, one device of the 1,024 that statements name (about one line in 13,000): each page examines the whole
  # scan budget (src/TigerEmulator/Logs/FilteredScan.cs) and answers the few matches it found with a cursor.
  local rare="$logs?search=dev-8117"
  curl -sf -H "$auth_header" "$rare" | grep -q '"last_cursor"' || fail "a page of the rare term carries no cursor"
  PERF_STATUS_ONLY=1 run_wrk "GET logs page, rare term" "$rare"
  row "GET logs page, search=dev-8117 (a rare term, same log)" "$(wrk_value)" ">= 200 req/s" "$(judged "$(at_least "$rps" 200)")" "$errors"
  stop_server
}

# WebApplicationFactory<Program> construction to the first 200, each in a fresh process (see bench/ColdStartBench),
# alternating with the same for PlainKestrel, the floor any app hosted that way meets on this machine.
measure_cold_start() {
  step "in-process cold start, 10 fresh processes each for the emulator and plain Kestrel, alternating"
  local emulator=() floor=() out app
  for _ in $(seq 1 10); do
    for app in emulator plain; do
      out=$(timeout 60 env Logging__LogLevel__Default=Warning dotnet "$cold_start_dll" $([ $app = plain ] && echo plain) 2>&1) \
        || { echo "$out" >&2; fail "cold start run failed ($app)"; }
      out=$(grep -o 'cold-start-ms [0-9.]*' <<<"$out" | cut -d' ' -f2)
      if [ $app = plain ]; then floor+=("$out"); else emulator+=("$out"); fi
    done
  done
  printf '\n### cold start, ms\nemulator: %s\nplain Kestrel: %s\n' "${emulator[*]}" "${floor[*]}" >>"$details"
  local median_ms floor_ms
  median_ms=$(median "${emulator[@]}")
  floor_ms=$(median "${floor[@]}")
  row "cold start, factory -> first 200 (10 processes)" "min $(minimum "${emulator[@]}") ms, median $median_ms ms" "median < 400 ms" "$(below "$median_ms" 400)"
  row "cold start of plain Kestrel, the same way" "min $(minimum "${floor[@]}") ms, median $floor_ms ms" "(baseline)" "-"
  row "cold start / plain Kestrel, medians" "$(awk -v a="$median_ms" -v b="$floor_ms" 'BEGIN { printf "%.2f", a / b }')" "(info)" "-"
  measure_further_factories
}

# What each further test of a suite pays: 30 more factories in one process after the first, one at a time.
measure_further_factories() {
  local app out then=()
  for app in emulator plain; do
    out=$(timeout 120 env Logging__LogLevel__Default=Warning dotnet "$cold_start_dll" $([ $app = plain ] && echo plain) --then 30 2>&1) \
      || { echo "$out" >&2; fail "further factories run failed ($app)"; }
    read -r -a then <<<"$(grep -o 'then-ms [0-9. ]*' <<<"$out" | cut -d' ' -f2-)"
    if [ $app = plain ]; then
      row "plain Kestrel, each further factory, the same way" "median ${then[0]} ms, p95 ${then[1]} ms" "(baseline)" "-"
    else
      row "each further factory in the same process (30)" "median ${then[0]} ms, p95 ${then[1]} ms" "(info)" "-"
    fi
  done
}

# The curl config of one reset cycle: 50 services and 50 VPCs, then the reset, in order on one connection.
reset_cycle_config() {
  local written='write-out = "%{http_code} %{time_total}\n"'
  printf 'silent\nheader = "%s"\nheader = "Content-Type: application/json"\n%s\n' "$auth_header" "$written"
  printf 'data = "{\\"name\\":\\"r\\"}"\n'
  repeat_config "$project/services" 50
  printf 'next\nheader = "%s"\nheader = "Content-Type: application/json"\n%s\n' "$auth_header" "$written"
  printf 'data = "{\\"name\\":\\"v\\",\\"cidr\\":\\"10.0.0.0/16\\",\\"region_code\\":\\"us-east-1\\"}"\n'
  repeat_config "$project/vpcs" 50
  printf 'next\nrequest = "POST"\nwrite-out = "reset %%{http_code} %%{time_total}\\n"\nurl = "%s"\noutput = "/dev/null"\n' \
    "$server_url/_emulator/reset"
}

# reset_cycle: one cycle; prints the reset's milliseconds, or fails unless every answer was the one expected.
reset_cycle() {
  local out
  out=$(timeout 30 curl -K "$1") || fail "reset cycle: curl failed"
  [ "$(grep -c '^202 ' <<<"$out")" -eq 50 ] && [ "$(grep -c '^201 ' <<<"$out")" -eq 50 ] || fail "reset cycle: not every create was accepted"
  grep -q '^reset 204 ' <<<"$out" || fail "reset cycle: reset did not answer 204"
  awk '/^reset/ { printf "%.3f\n", $3 * 1000 }' <<<"$out"
}

# The first 100 cycles are reported apart: until the JIT has tiered the code up (60 to 80 cycles on 2 cores) a reset
# takes about three times as long, as it does in a short test run. Then up to 200 measured cycles; 120 s for the whole.
measure_reset() {
  step "POST /_emulator/reset with 100 resources"
  start_emulator reset
  local config="$work/reset.curl" warm="$work/reset-warm-up-ms.txt" times="$work/reset-ms.txt" deadline=$((SECONDS + 120)) cycles=0
  reset_cycle_config >"$config"
  : >"$warm"
  : >"$times"
  for _ in $(seq 1 100); do
    reset_cycle "$config" >>"$warm"
  done
  while [ "$cycles" -lt 200 ] && [ "$SECONDS" -lt "$deadline" ]; do
    reset_cycle "$config" >>"$times"
    cycles=$((cycles + 1))
  done
  printf '\n### reset, ms: 100 warm-up cycles, then %s measured\n%s\n%s\n' "$cycles" "$(tr '\n' ' ' <"$warm")" "$(tr '\n' ' ' <"$times")" >>"$details"
  local p99
  p99=$(percentile 99 "$times")
  row "POST /_emulator/reset, 100 resources, first 100 resets" "p50 $(percentile 50 "$warm") ms, p99 $(percentile 99 "$warm") ms" "(info)" "-"
  row "POST /_emulator/reset, 100 resources, next $cycles resets" "p50 $(percentile 50 "$times") ms, p99 $p99 ms" "p99 < 10 ms" "$(below "$p99" 10)"
  stop_server
}

measure_memory() {
  step "resident memory, idle and with 10,000 services"
  start_emulator memory
  sleep 3   # let start-up work (JIT, the lifecycle worker's first ticks) finish
  local idle full began
  idle=$(rss_mb "$server_pid")
  began=$SECONDS
  create_services 10000 8
  sleep 5   # the default profile takes 4 s to bring a service to READY
  full=$(rss_mb "$server_pid")
  wait_all_ready 10000
  printf '\n### memory\nidle %s MiB; 10,000 services created in %s s; %s MiB after, %s MiB after listing them, peak %s MiB\n' \
    "$idle" $((SECONDS - began)) "$full" "$(rss_mb "$server_pid")" "$(rss_mb "$server_pid" VmHWM)" >>"$details"
  row "memory (VmRSS), idle after start" "$idle MiB" "< 120 MiB" "$(below "$idle" 120)"
  row "memory (VmRSS), 10,000 services" "$full MiB" "< 300 MiB" "$(below "$full" 300)"
  stop_server
}

# The emulator's own start, as users see it; every emulator started above gave one figure.
record_process_start() {
  row "process start -> first 200, dotnet TigerEmulator.dll (${#start_ms[@]} starts)" \
    "min $(minimum "${start_ms[@]}") ms, median $(median "${start_ms[@]}") ms" "(info)" "-"
}
