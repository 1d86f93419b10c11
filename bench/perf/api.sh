# The few emulator calls perf.sh needs to set up a measurement, with curl. Sourced by perf.sh; $project is the
# project URL of the emulator started last, $auth_header its default key pair.

json=(-H "Content-Type: application/json")

# field NAME: the first string value of NAME in the JSON on stdin.
field() { grep -o "\"$1\":\"[^\"]*\"" | head -n 1 | cut -d'"' -f4; }

# create_service NAME: prints the new service's id.
create_service() {
  local answer
  answer=$(curl -s -w '\n%{http_code}' -H "$auth_header" "${json[@]}" -d "{\"name\":\"$1\"}" "$project/services") || true
  [ "${answer##*$'\n'}" = 202 ] || fail "POST create service answered ${answer##*$'\n'}: ${answer%$'\n'*}"
  field service_id <<<"${answer%$'\n'*}"
}

# repeat_config URL COUNT: a curl config that sends COUNT requests to URL, discarding the bodies.
repeat_config() {
  for ((i = 0; i < $2; i++)); do
    printf 'url = "%s"\noutput = "/dev/null"\n' "$1"
  done
}

# create_services COUNT [PARALLEL]: COUNT services through one curl process (keep-alive), PARALLEL at a time;
# fails unless every answer is 202.
create_services() {
  local count=$1 parallel=${2:-1} config="$work/create-$1.curl" accepted
  repeat_config "$project/services" "$count" >"$config"
  accepted=$(timeout 300 curl -s --no-progress-meter --parallel --parallel-max "$parallel" -H "$auth_header" "${json[@]}" -d '{"name":"x"}' \
    -w '%{http_code}\n' -K "$config" | grep -c '^202$' || true)
  [ "$accepted" -eq "$count" ] || fail "creating $count services: only $accepted answered 202"
}

# count_in_list STATUS: how many services of the project are in STATUS.
count_in_list() { curl -sf -H "$auth_header" "$project/services" | grep -o "\"status\":\"$1\"" | wc -l; }

# wait_all_ready COUNT: until COUNT services are READY (the fast profile takes 4 s); at most 60 s.
wait_all_ready() {
  for _ in $(seq 1 240); do
    [ "$(count_in_list READY)" -ge "$1" ] && return
    sleep 0.25
  done
  fail "$1 services did not all become READY within 60 s"
}

# advance_clock SECONDS: moves the manual clock and applies every transition that falls due.
advance_clock() {
  curl -sf "${json[@]}" -d "{\"seconds\":$1}" "$server_url/_emulator/clock/advance" >/dev/null || fail "clock advance refused"
}

# log_entries_on_page URL PAGE: how many entries page PAGE of a service's log holds.
log_entries_on_page() { curl -sf -H "$auth_header" "$1?page=$2" | grep -o '"severity":"' | wc -l; }
