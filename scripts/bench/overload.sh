#!/usr/bin/env bash
# Overload benchmark (issue #13 item 6): load shedding on vs off, in one run, on loopback.
# Starts two real server processes (embedded simulators, SQLite audit in a throw-away file): "on" with the
# default Facade:LoadShedding limits (plus any SERVER_ARGS), "off" with Facade:LoadShedding:Enabled=false,
# which is how the facade behaved before admission control. Both get the same request (URL_PATH: by default
# a Condition search for demo patient 9990000050, whose record is spread over all four suppliers), taking turns:
#   1. warm-up (WARMUP of closed-loop load on each; not measured);
#   2. unloaded: one connection, one request at a time (closed loop), DURATION: p50/p99 of the 200s;
#   3. saturation: closed-loop connections STEPS on the "off" server (its raw capacity) and the "on" server,
#      DURATION each; the saturated rate R is the most 200s/s the "off" server gave;
#   4. 2x saturation: FLOOD_CONNECTIONS connections paced so that together they offer ~2R requests/s (each waits
#      FLOOD_CONNECTIONS/(2R) s after every answer; wrk cannot offer load open-loop, so the rate reached is
#      printed too), plus PROBE_CONNECTIONS timed connections (one per wrk thread, same pacing) whose
#      latencies are split by status: admitted (200) vs shed (503).
# Prints saturated req/s, requests shed, admitted p50/p99 and shed p50/p99 against the unloaded p50/p99 of the
# same server in the same run (ratios), partial 200s (a supplier failure or FACADE-OVERLOADED reported in the
# answer), statuses other than 200/503, and each server's RSS (VmRSS now, VmHWM peak) after each phase.
# Every line is preceded by the load average: the machine may be shared.
# Bounded: about 2*WARMUP + 2*DURATION + 2*|STEPS|*DURATION + 2*DURATION (~4 min by default); stops by itself.
# Usage: scripts/bench/overload.sh   (env: DURATION=10 WARMUP=10 STEPS="1 2 4 8 16 32" FLOOD_CONNECTIONS=64
#        PROBE_CONNECTIONS=2 PORT=5290 URL_PATH=... SERVER_ARGS="--Facade:LoadShedding:PermitLimit=4 ...")
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-10}"
STEPS="${STEPS:-1 2 4 8 16 32}"
FLOOD_CONNECTIONS="${FLOOD_CONNECTIONS:-64}"
PROBE_CONNECTIONS="${PROBE_CONNECTIONS:-2}"
PORT="${PORT:-5290}"
URL_PATH="${URL_PATH:-/Condition?patient.identifier=https://fhir.nhs.uk/Id/nhs-number%7C9990000050}"
read -r -a SERVER_ARGS <<<"${SERVER_ARGS:-}"
LUA="$PWD/scripts/bench/overload.lua"

command -v wrk >/dev/null || { echo "wrk is required (apt-get install -y wrk)" >&2; exit 1; }

load() { printf '[load average %s] ' "$(cut -d' ' -f1-3 /proc/loadavg)"; }

dotnet build src/FhirFacade.Server -c Release -nologo -v q -p:RunAnalyzers=false >/dev/null

work="$(mktemp -d)"
servers=""
cleanup() {
  for pid in $servers; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

declare -A PID BASE TOKEN
start_server() {
  local name="$1" port="$2"; shift 2
  dotnet src/FhirFacade.Server/bin/Release/net10.0/FhirFacade.Server.dll --urls "http://127.0.0.1:${port}" \
    --contentRoot "$PWD/src/FhirFacade.Server" --Audit:SqlitePath="${work}/audit-${name}.db" \
    --Logging:LogLevel:Default=Warning "$@" >"${work}/server-${name}.log" 2>&1 &
  PID[$name]=$!
  servers="${servers} $!"
  BASE[$name]="http://127.0.0.1:${port}"
  local up=""
  for _ in $(seq 1 120); do curl -fs -o /dev/null "${BASE[$name]}/fhir/metadata" && { up=1; break; }; sleep 0.5; done
  [ -n "$up" ] || { echo "server ${name} did not start:" >&2; cat "${work}/server-${name}.log" >&2; exit 1; }
  TOKEN[$name]="$(curl -fs -X POST "${BASE[$name]}/dev-auth/token" -d grant_type=client_credentials \
    -d client_id=demo-client -d client_secret=demo-secret -d 'scope=user/*.rs' | sed -E 's/.*"access_token":"([^"]+)".*/\1/')"
  [ -n "${TOKEN[$name]}" ] || { echo "could not get a development token from ${name}" >&2; exit 1; }
  local status
  status="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${TOKEN[$name]}" "${BASE[$name]}/fhir${URL_PATH}")"
  [ "$status" = 200 ] || { echo "expected 200 from ${name} for ${URL_PATH}, got ${status}" >&2; exit 1; }
}

rss() { awk '/^VmRSS|^VmHWM/ { printf "%s %.0f MiB  ", $1, $2 / 1024 }' "/proc/${PID[$1]}/status"; }

# run <server> <label> <connections> <threads> <pace_ms> <timed> -> the RESULT line of overload.lua
run() {
  local name="$1" label="$2" connections="$3" threads="$4" pace="$5" timed="$6"
  wrk -t"$threads" -c"$connections" -d"${DURATION}s" -s "$LUA" -H "Authorization: Bearer ${TOKEN[$name]}" \
    "${BASE[$name]}/fhir${URL_PATH}" -- "$label" "$pace" "$timed" | grep '^RESULT'
}

start_server on "$PORT" "${SERVER_ARGS[@]}"
start_server off "$((PORT + 1))" --Facade:LoadShedding:Enabled=false
echo "request: GET /fhir${URL_PATH}"
echo "server 'on' limits: $(grep -o 'LoadShedding[^ ]*' <<<"${SERVER_ARGS[*]:-}" | tr '\n' ' ')(others default: docs/adr/0008-load-shedding-and-overload.md)"

for name in on off; do
  wrk -t2 -c4 -d"${WARMUP}s" -H "Authorization: Bearer ${TOKEN[$name]}" "${BASE[$name]}/fhir${URL_PATH}" >/dev/null
done

# Columns of a RESULT line: 1 RESULT 2 label 3 requests 4 s200 5 s503 6 other 7 partial_supplier
# 8 partial_overload 9 shed_well_formed 10 p50_200 11 p99_200 12 p50_503 13 p99_503 14 max_503
declare -A UNLOADED
echo
echo "== unloaded: 1 connection, closed loop, ${DURATION}s =="
for name in on off; do
  line="$(run "$name" "unloaded-${name}" 1 1 0 1)"
  UNLOADED[$name]="$line"
  load; echo "$line"; echo "    ${name}: $(rss "$name")"
done

echo
echo "== saturation: closed loop, ${DURATION}s per step (200s/s) =="
best=0; best_c=0
for c in $STEPS; do
  threads=$(( c < 2 ? c : 2 ))
  for name in off on; do
    line="$(run "$name" "sat-${name}-c${c}" "$c" "$threads" 0 0)"
    rate="$(awk -v d="$DURATION" '{ printf "%.0f", $4 / d }' <<<"$line")"
    load; echo "$line  -> ${rate} x 200/s"
    if [ "$name" = off ] && [ "$rate" -gt "$best" ]; then best="$rate"; best_c="$c"; fi
  done
done
echo "saturated: ${best} req/s (200s) at ${best_c} connections, load shedding off"
for name in on off; do echo "    ${name}: $(rss "$name")"; done

# 2x saturation: FLOOD_CONNECTIONS + PROBE_CONNECTIONS connections, each pausing so that all together offer 2R/s.
total_connections=$((FLOOD_CONNECTIONS + PROBE_CONNECTIONS))
pace="$(awk -v c="$total_connections" -v r="$best" 'BEGIN { printf "%d", (r > 0 ? 1000 * c / (2 * r) : 10) }')"
echo
echo "== 2x saturation: ${total_connections} connections each pausing ${pace} ms (offered ~$((2 * best)) req/s), ${DURATION}s =="
declare -A FLOOD PROBE
for name in on off; do
  run "$name" "flood-${name}" "$FLOOD_CONNECTIONS" 2 "$pace" 0 >"${work}/flood-${name}" &
  flood=$!
  PROBE[$name]="$(run "$name" "probe-${name}" "$PROBE_CONNECTIONS" "$PROBE_CONNECTIONS" "$pace" 1)"
  wait "$flood"
  FLOOD[$name]="$(cat "${work}/flood-${name}")"
  load; echo "${FLOOD[$name]}"
  load; echo "${PROBE[$name]}"
  echo "    ${name}: $(rss "$name")"
done

echo
echo "== summary (same run; ratios against the same server's unloaded figures) =="
echo "saturated: ${best} req/s of 200s (load shedding off, ${best_c} connections)"
for name in on off; do
  read -r -a u <<<"${UNLOADED[$name]}"
  read -r -a f <<<"${FLOOD[$name]}"
  read -r -a p <<<"${PROBE[$name]}"
  awk -v name="$name" -v d="$DURATION" -v best="$best" \
    -v u50="${u[9]}" -v u99="${u[10]}" \
    -v req="$(( f[2] + p[2] ))" -v ok="$(( f[3] + p[3] ))" -v shed="$(( f[4] + p[4] ))" -v other="$(( f[5] + p[5] ))" \
    -v ps="$(( f[6] + p[6] ))" -v po="$(( f[7] + p[7] ))" -v wf="$(( f[8] + p[8] ))" \
    -v a50="${p[9]}" -v a99="${p[10]}" -v s50="${p[11]}" -v s99="${p[12]}" -v smax="${p[13]}" '
    function ratio(a, b) { return (a == "-" || b == "-" || b == 0) ? "-" : sprintf("%.2f", a / b) }
    BEGIN {
      printf "load shedding %-3s: offered %.0f req/s (%.2fx saturation): %d x 200, %d x 503 shed (%d with Retry-After + OperationOutcome), %d other\n", name, req / d, req / d / best, ok, shed, wf, other
      printf "                   partial 200s: %d report a supplier failure, %d FACADE-OVERLOADED (of %d)\n", ps, po, ok
      printf "                   unloaded p50 %s / p99 %s ms; admitted (200) p50 %s / p99 %s ms = %sx / %sx unloaded\n", u50, u99, a50, a99, ratio(a50, u50), ratio(a99, u99)
      printf "                   shed (503) p50 %s / p99 %s / max %s ms\n", s50, s99, smax
    }'
  echo "                   RSS: $(rss "$name")"
done
