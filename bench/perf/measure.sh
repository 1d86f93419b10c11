# wrk runs and the table of figures. Sourced by perf.sh, which sets $perf_dir, $auth_header and $details (the file
# that keeps every raw output for the results file).

rows=()        # "figure|value|target|result|errors", in the order they were measured
invalid=0      # measurements spoiled by non-2xx answers or socket errors

# run_wrk LABEL URL [LUA]: warm_up, then measure. Sets rps, p50_ms, p99_ms, errors ("non-2xx/socket errors") and ramp.
run_wrk() {
  warm_up "$@"
  measure "$@"
}

# warm_up LABEL URL [LUA]: the measured command in $warmup_windows windows of 5 s, whose figures are kept as the ramp
# ($ramp) but not judged: a fresh .NET process runs its first calls on tier-0 or precompiled code and recompiles the hot
# methods in the background, on a core the load already keeps busy. Measured here, the emulator takes 15 to 20 s of
# this load to get there, plain Kestrel about 5 (bench/README.md, "Warm-up").
warmup_windows=${PERF_WARMUP_WINDOWS:-4}

warm_up() {
  local label=$1 url=$2 script=${3:-$perf_dir/report.lua} out line
  ramp=""
  for _ in $(seq 1 "$warmup_windows"); do
    out=$(timeout 60 wrk -t2 -c32 -d5s -H "$auth_header" -s "$script" "$url") || fail "wrk warm-up failed: $label"
    line=$(grep '^PERF ' <<<"$out") || fail "wrk printed no PERF line in the warm-up of $label"
    ramp="${ramp:+$ramp -> }$(thousands "$(perf_value rps "$line")")"
  done
  printf '\n### %s, warm-up (load average %s)\nreq/s in 5 s windows: %s\n' "$label" "$(load_average)" "$ramp" >>"$details"
}

# measure LABEL URL [LUA]: one `wrk -t2 -c32 -d10s --latency`; sets rps, p50_ms, p99_ms and errors.
measure() {
  local label=$1 url=$2 script=${3:-$perf_dir/report.lua} out line
  out=$(timeout 60 wrk -t2 -c32 -d10s --latency -H "$auth_header" -s "$script" "$url") || fail "wrk failed: $label"
  printf '\n### %s (load average %s)\n%s\n' "$label" "$(load_average)" "$out" >>"$details"
  line=$(grep '^PERF ' <<<"$out") || fail "wrk printed no PERF line for $label"
  rps=$(perf_value rps "$line")
  p50_ms=$(awk -v us="$(perf_value p50_us "$line")" 'BEGIN { printf "%.2f", us / 1000 }')
  p99_ms=$(awk -v us="$(perf_value p99_us "$line")" 'BEGIN { printf "%.2f", us / 1000 }')
  local non2xx socket
  non2xx=$(perf_value non2xx "$line")
  socket=$(perf_value socket_errors "$line")
  errors="$non2xx/$socket"
  if [ "$non2xx" != 0 ] || [ "$socket" != 0 ]; then
    invalid=$((invalid + 1))
  fi
}

perf_value() { grep -o "$1=[0-9.]*" <<<"$2" | cut -d= -f2; }

load_average() { cut -d' ' -f1-3 /proc/loadavg; }

# Thousands separators, without depending on the locale.
thousands() {
  local n=$1 grouped=""
  while [ ${#n} -gt 3 ]; do
    grouped=",${n: -3}$grouped"
    n=${n:0:${#n}-3}
  done
  echo "$n$grouped"
}

wrk_value() { echo "$(thousands "$rps") req/s, p50 $p50_ms ms, p99 $p99_ms ms"; }

# at_least VALUE MIN / below VALUE MAX: "pass" or "MISS"; a run with errors is "INVALID" whatever its speed.
at_least() { awk -v v="$1" -v t="$2" 'BEGIN { print (v >= t ? "pass" : "MISS") }'; }
below() { awk -v v="$1" -v t="$2" 'BEGIN { print (v < t ? "pass" : "MISS") }'; }
both() { [ "$1" = pass ] && [ "$2" = pass ] && echo pass || echo MISS; }
judged() { [ "${errors:-0/0}" = "0/0" ] && echo "$1" || echo INVALID; }

# row FIGURE VALUE TARGET RESULT [ERRORS]
row() { rows+=("$1|$2|$3|$4|${5:-}"); }

# median and minimum of the numbers given, to the whole number.
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { printf "%.0f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
minimum() { printf '%s\n' "$@" | sort -n | awk 'NR == 1 { printf "%.0f", $1 }'; }

# percentile P FILE: the nearest-rank percentile of the numbers in FILE, two decimals.
percentile() { sort -n "$2" | awk -v p="$1" '{ v[NR] = $1 } END { i = int(p / 100 * NR); if (i < p / 100 * NR) i++; if (i < 1) i = 1; printf "%.2f", v[i] }'; }

print_table() {
  {
    echo "figure|value|target|result|non-2xx/socket errors"
    printf '%s\n' "${rows[@]}"
  } | awk -F'|' '
    { for (i = 1; i <= NF; i++) { cell[NR, i] = $i; if (length($i) > width[i]) width[i] = length($i) } n = NR }
    END {
      for (r = 1; r <= n; r++) {
        line = ""
        for (i = 1; i <= 5; i++) line = line sprintf("%-" width[i] "s  ", cell[r, i])
        sub(/ +$/, "", line); print line
        if (r == 1) { rule = ""; for (i = 1; i <= 5; i++) rule = rule sprintf("%s  ", substr("--------------------------------------------------------------------------------", 1, width[i])); sub(/ +$/, "", rule); print rule }
      }
    }'
}
