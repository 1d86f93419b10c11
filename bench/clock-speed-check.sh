#!/usr/bin/env bash
# With TIGER_EMULATOR_CLOCK_SPEED=100 and the realistic profile, drive every asynchronous operation the way the
# Tiger CLI waits for it — one GET a second until READY (or 404 for deletes) — and report the wall time of each.
# Loopback only; every wait is bounded. Usage: bench/clock-speed-check.sh [speed] [profile]
set -euo pipefail
cd "$(dirname "$0")/.."
speed=${1:-100}
profile=${2:-realistic}
port=$((20000 + RANDOM % 20000))
base="http://127.0.0.1:$port/public/api/v1"
project="$base/projects/emuproject"
auth=(-u tiger-emulator-public-key:tiger-emulator-secret-key -H 'Content-Type: application/json')

dotnet build -c Release src/TigerEmulator -v q -nologo >/dev/null
TIGER_EMULATOR_CLOCK_SPEED=$speed TIGER_EMULATOR_TIMING=$profile ASPNETCORE_URLS="http://127.0.0.1:$port" \
  dotnet src/TigerEmulator/bin/Release/net10.0/TigerEmulator.dll >/tmp/clock-speed-check.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/_emulator/health" >/dev/null && break; sleep 0.1; done

field() { grep -o "\"$1\":\"[^\"]*\"" | head -n 1 | cut -d'"' -f4; }

# wait_for URL WANT: polls once a second like the CLI (WANT is a status, or 404); prints the seconds it took.
wait_for() {
  local url=$1 want=$2 start=$SECONDS
  for _ in $(seq 1 120); do
    sleep 1
    local code body
    body=$(curl -s -w '\n%{http_code}' "${auth[@]}" "$url")
    code=${body##*$'\n'}
    if [ "$want" = 404 ] && [ "$code" = 404 ]; then echo $((SECONDS - start)); return; fi
    if [ "$code" = 200 ] && [ "$(field status <<<"${body%$'\n'*}")" = "$want" ]; then echo $((SECONDS - start)); return; fi
  done
  echo "timeout"; exit 1
}

report() { printf '%-24s %3s s\n' "$1" "$2"; }

svc=$(curl -s "${auth[@]}" -d '{"name":"speed-check","addons":["time-series"]}' "$project/services" | field service_id)
report "create" "$(wait_for "$project/services/$svc" READY)"
curl -s "${auth[@]}" -d '{"cpu_millis":"1000","memory_gbs":"4"}' "$project/services/$svc/resize" >/dev/null
report "resize" "$(wait_for "$project/services/$svc" READY)"
curl -s "${auth[@]}" -d '{"replica_count":1}' "$project/services/$svc/setHA" >/dev/null
report "setHA" "$(wait_for "$project/services/$svc" READY)"
vpc=$(curl -s "${auth[@]}" -d '{"name":"v","cidr":"10.0.0.0/16","region_code":"us-east-1"}' "$project/vpcs" | field id)
curl -s "${auth[@]}" -d "{\"vpc_id\":\"$vpc\"}" "$project/services/$svc/attachToVPC" >/dev/null
report "attachToVPC" "$(wait_for "$project/services/$svc" READY)"
curl -s "${auth[@]}" -d "{\"vpc_id\":\"$vpc\"}" "$project/services/$svc/detachFromVPC" >/dev/null
report "detachFromVPC" "$(wait_for "$project/services/$svc" READY)"
curl -s "${auth[@]}" -X POST "$project/services/$svc/stop" >/dev/null
report "stop" "$(wait_for "$project/services/$svc" PAUSED)"
curl -s "${auth[@]}" -X POST "$project/services/$svc/start" >/dev/null
report "start" "$(wait_for "$project/services/$svc" READY)"
fork=$(curl -s "${auth[@]}" -d '{"fork_strategy":"NOW"}' "$project/services/$svc/forkService" | field service_id)
report "fork" "$(wait_for "$project/services/$fork" READY)"
set_id=$(curl -s "${auth[@]}" -d '{"name":"r","nodes":1,"cpu_millis":500,"memory_gbs":2}' "$project/services/$svc/replicaSets" | field id)
start=$SECONDS
for _ in $(seq 1 120); do sleep 1; curl -s "${auth[@]}" "$project/services/$svc/replicaSets" | grep -q "\"id\":\"$set_id\"[^}]*\"status\":\"active\"" && break; done
report "replica set create" $((SECONDS - start))
curl -s "${auth[@]}" -X DELETE "$project/services/$svc/replicaSets/$set_id" >/dev/null
start=$SECONDS
for _ in $(seq 1 120); do sleep 1; curl -s "${auth[@]}" "$project/services/$svc/replicaSets" | grep -q "\"id\":\"$set_id\"" || break; done
report "replica set delete" $((SECONDS - start))
curl -s "${auth[@]}" -X DELETE "$project/services/$svc" >/dev/null
report "delete" "$(wait_for "$project/services/$svc" 404)"
