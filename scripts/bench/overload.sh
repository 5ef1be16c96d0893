#!/usr/bin/env bash
# Overload benchmark (issue #13 item 6): load shedding on vs off, in one run, on loopback.
# Starts two real server processes (embedded simulators, SQLite audit in a throw-away file): "on" with the
# default Facade:LoadShedding limits (plus any SERVER_ARGS), "off" with Facade:LoadShedding:Enabled=false,
# which is how the facade behaved before admission control. Both get the same request (URL_PATH: by default
# a Condition search for demo patient 9990000050, whose record is spread over all four suppliers), taking
# turns within every round so that the shared machine's changing load falls on both alike:
#   1. warm-up (WARMUP seconds of closed-loop load on each; not measured);
#   2. unloaded: one connection, one request at a time (closed loop), DURATION: p50/p99 of the 200s, after one
#      such round per server that is not counted (the first was always slower);
#   3. saturation: closed-loop connections STEPS, SAT_DURATION each; the saturated rate R is the highest
#      median (over the rounds) of 200s/s the "off" server gave at any step: its raw capacity;
#   4. 2x saturation: FLOOD_CONNECTIONS connections paced so that with the probe they offer ~2R requests/s
#      (each waits (FLOOD+PROBE connections)/(2R) s after every answer; wrk cannot offer load open-loop, so
#      the rate reached is printed), plus PROBE_CONNECTIONS timed connections (one per wrk thread, same
#      pacing) whose latencies are split by status: admitted (200) vs shed (503).
# Every phase runs ROUNDS times; figures are medians over the rounds, counts are sums. Prints the saturated
# rate, requests shed, admitted p50/p99 and shed p50/p99 against the same server's unloaded p50/p99 (ratios,
# same run), partial 200s (a supplier failure or FACADE-OVERLOADED reported in the answer), answers other
# than 200/503 (wrk's socket errors included), each server's CPU use during 2x saturation, and its RSS (VmRSS now,
# VmHWM peak) after each phase.
# Every measured line is preceded by the load average: the machine may be shared.
# Bounded: with N servers (2, plus one per VARIANTS entry) about N*WARMUP + ROUNDS*(2*N*DURATION + 2*|STEPS|*SAT_DURATION)
# seconds, plus building and starting the servers (~5 min with the defaults, ~7 with two variants); stops by itself.
# Other settings can be measured in the same run: VARIANTS="name=ARG,ARG name2=ARG" starts one more server per
# entry (load shedding on, the defaults plus those arguments; an entry env:NAME=VALUE sets that environment variable
# for the server instead, e.g. env:DOTNET_gcServer=0 for workstation GC) that takes its turn in the unloaded and 2x phases
# (not in the saturation steps, which measure the raw capacity of "off"), e.g.
#   VARIANTS="q0=--Facade:LoadShedding:QueueLimit=0 p2=--Facade:LoadShedding:PermitLimit=2,--Facade:LoadShedding:QueueLimit=0"
# NICE=-10 (root only) runs the servers and wrk at that priority, so that other work on a shared machine takes
# CPU from them less; the figures it printed say so.
# SUPPLIERS=remote measures the production server (src/FhirFacade.Server: no simulators in it) against the simulators of
# a demo host started as a process of its own (SUPPLIERS_CPUS pins it), as a deployment's suppliers are elsewhere:
# each measured server's cores then carry only the facade's own work (with WRK_CPUS=SUPPLIERS_CPUS and SERVER_CPUS
# apart, nothing else). The default, SUPPLIERS=embedded, measures the demo host with its simulators in-process.
# WRK_NICE=19 runs only wrk at that (lower) priority, so that where wrk and a server want the same core the server
# is served first: the server is measured as if the load generator used only the CPU it leaves idle, as it would
# on a machine of its own. wrk's clock then runs late, never early, when it waits for a core (a response read late is
# timed longer), so latencies can only be overstated; its offered rate may fall short of 2x, which the 2x line shows.
# WRK_CPUS / SERVER_CPUS (taskset -c lists, e.g. WRK_CPUS=0 SERVER_CPUS=1; util-linux's taskset) pin the load
# generator and the servers to those cores; unset (the default), nothing is pinned and wrk shares every core with
# the server it measures. Pinned apart, the figures are those of a server with fewer cores (.NET sizes its defaults,
# PermitLimit and QueueLimit included, by the cores it may use) that does not share them with the load generator;
# the in-process simulators and the shed requests still share the server's cores. The header says which was used.
# Usage: scripts/bench/overload.sh   (env: ROUNDS=3 DURATION=10 SAT_DURATION=5 WARMUP=10 STEPS="1 2 4 8 16"
#        FLOOD_CONNECTIONS=64 PROBE_CONNECTIONS=2 PORT=5290 URL_PATH=... SERVER_ARGS="--Facade:LoadShedding:PermitLimit=8"
#        VARIANTS=... NICE=... WRK_NICE=... WRK_CPUS=... SERVER_CPUS=... SUPPLIERS=remote SUPPLIERS_CPUS=...)
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/server.sh

ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-10}"
SAT_DURATION="${SAT_DURATION:-5}"
WARMUP="${WARMUP:-10}"
STEPS="${STEPS:-1 2 4 8 16}"
FLOOD_CONNECTIONS="${FLOOD_CONNECTIONS:-64}"
PROBE_CONNECTIONS="${PROBE_CONNECTIONS:-2}"
PORT="${PORT:-5290}"
URL_PATH="${URL_PATH:-/Condition?patient.identifier=https://fhir.nhs.uk/Id/nhs-number%7C9990000050}"
read -r -a SERVER_ARGS <<<"${SERVER_ARGS:-}"
VARIANTS="${VARIANTS:-}"
NICE="${NICE:-}"
WRK_NICE="${WRK_NICE:-}"
WRK_CPUS="${WRK_CPUS:-}"
SERVER_CPUS="${SERVER_CPUS:-}"
SUPPLIERS="${SUPPLIERS:-embedded}"
SUPPLIERS_CPUS="${SUPPLIERS_CPUS:-}"
SUPPLIERS_PORT="$((PORT + 9))"
PRIORITY=()
[ -z "$NICE" ] || PRIORITY=(nice -n "$NICE")
PRIORITY_BASE=("${PRIORITY[@]}")
FACADE_PRIORITY=("${PRIORITY[@]}")
[ -z "$SERVER_CPUS" ] || FACADE_PRIORITY+=(taskset -c "$SERVER_CPUS")
[ -z "$WRK_CPUS" ] || PRIORITY+=(taskset -c "$WRK_CPUS")
[ -z "$WRK_NICE" ] || PRIORITY+=(nice -n "$WRK_NICE")
LUA="$PWD/scripts/bench/overload.lua"

command -v wrk >/dev/null || { echo "wrk is required (apt-get install -y wrk)" >&2; exit 1; }
case "$SUPPLIERS" in embedded|remote) ;; *) echo "SUPPLIERS is embedded or remote" >&2; exit 1 ;; esac
[ -z "${WRK_CPUS}${SERVER_CPUS}${SUPPLIERS_CPUS}" ] || command -v taskset >/dev/null || { echo "WRK_CPUS/SERVER_CPUS need taskset (util-linux)" >&2; exit 1; }

load() { printf '[load %s] ' "$(cut -d' ' -f1-3 /proc/loadavg)"; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

facade_build

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
  if [ "$SUPPLIERS" = remote ]; then
    production_start "$port" "${work}/server-${name}.log" "$SUPPLIERS_PORT" "${work}/suppliers.log" \
      --Audit:SqlitePath="${work}/audit-${name}.db" --Logging:LogLevel:Default=Warning "$@"
  else
    facade_start "$port" "${work}/server-${name}.log" --Audit:SqlitePath="${work}/audit-${name}.db" --Logging:LogLevel:Default=Warning "$@"
  fi
  PID[$name]=$FACADE_PID
  servers="${servers} $FACADE_PID"
  BASE[$name]="http://127.0.0.1:${port}"
  facade_wait "$port" "${work}/server-${name}.log" 90
  if [ "$SUPPLIERS" = remote ]; then TOKEN[$name]="$(facade_token "$SUPPLIERS_PORT")"; else TOKEN[$name]="$(facade_token "$port")"; fi
  local status
  status="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${TOKEN[$name]}" "${BASE[$name]}/fhir${URL_PATH}")"
  [ "$status" = 200 ] || { echo "expected 200 from ${name} for ${URL_PATH}, got ${status}" >&2; exit 1; }
}

rss() { awk '/^VmRSS|^VmHWM/ { printf "%s %.0f MiB  ", $1, $2 / 1024 }' "/proc/${PID[$1]}/status"; }
# CPU seconds the server process has used so far (user + system).
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/${PID[$1]}/stat"; }

# run <server> <label> <connections> <threads> <pace_ms> <timed> <seconds> -> the RESULT line of overload.lua:
# 1 RESULT 2 label 3 requests 4 s200 5 s503 6 other 7 partial_supplier 8 partial_overload 9 shed_well_formed
# 10 p50_200 11 p99_200 12 p50_503 13 p99_503 14 max_503
run() {
  local name="$1" label="$2" connections="$3" threads="$4" pace="$5" timed="$6" seconds="$7"
  "${PRIORITY[@]}" wrk -t"$threads" -c"$connections" -d"${seconds}s" -s "$LUA" -H "Authorization: Bearer ${TOKEN[$name]}" \
    "${BASE[$name]}/fhir${URL_PATH}" -- "$label" "$pace" "$timed" | grep '^RESULT'
}

column() { awk -v c="$1" '{ print $c }' | grep -v '^-$' || true; }

if [ "$SUPPLIERS" = remote ]; then
  # The suppliers' process: a demo host whose embedded simulators every measured server calls (its own facade stays idle).
  saved_priority=("${FACADE_PRIORITY[@]}")
  FACADE_PRIORITY=("${PRIORITY_BASE[@]}")
  [ -z "$SUPPLIERS_CPUS" ] || FACADE_PRIORITY+=(taskset -c "$SUPPLIERS_CPUS")
  facade_start "$SUPPLIERS_PORT" "${work}/suppliers.log" --Audit:SqlitePath="${work}/audit-suppliers.db" --Logging:LogLevel:Default=Warning --Logging:LogLevel:FhirFacade=Information
  FACADE_PRIORITY=("${saved_priority[@]}")
  servers="${servers} $FACADE_PID"
  facade_wait "$SUPPLIERS_PORT" "${work}/suppliers.log" 90 "Embedded vision simulator"
fi
start_server on "$PORT" "${SERVER_ARGS[@]}"
start_server off "$((PORT + 1))" --Facade:LoadShedding:Enabled=false
echo "request: GET /fhir${URL_PATH}; ${ROUNDS} rounds${NICE:+; servers and wrk at nice ${NICE}}"
echo "cores: $(nproc --all); wrk at nice ${WRK_NICE:-${NICE:-0}} on ${WRK_CPUS:-any core (not pinned)}; servers on ${SERVER_CPUS:-any core (not pinned)} (the 'on' server sees $(taskset -pc "${PID[on]}" 2>/dev/null | sed 's/.*: //' || echo '?'))"
if [ "$SUPPLIERS" = remote ]; then
  echo "servers: the production server (src/FhirFacade.Server), calling the simulators of a demo host in another process on ${SUPPLIERS_CPUS:-any core (not pinned)}"
else
  echo "servers: the demo host (src/FhirFacade.Demo), its simulators in the same process"
fi
echo "server 'on': Facade:LoadShedding defaults (docs/load.md) ${SERVER_ARGS[*]:-}"
NAMES="on off"
variant_port=$((PORT + 2))
for variant in $VARIANTS; do
  vname="${variant%%=*}"
  IFS=, read -r -a vparts <<<"${variant#*=}"
  vargs=(); venv=()
  for part in "${vparts[@]}"; do
    if [[ "$part" == env:* ]]; then venv+=("${part#env:}"); else vargs+=("$part"); fi
  done
  saved_priority=("${FACADE_PRIORITY[@]}")
  [ "${#venv[@]}" -eq 0 ] || FACADE_PRIORITY=(env "${venv[@]}" "${FACADE_PRIORITY[@]}")
  start_server "$vname" "$variant_port" "${SERVER_ARGS[@]}" "${vargs[@]}"
  FACADE_PRIORITY=("${saved_priority[@]}")
  echo "server '${vname}': Facade:LoadShedding defaults ${SERVER_ARGS[*]:-} ${vargs[*]:-} ${venv[*]:+(environment: ${venv[*]})}"
  NAMES="${NAMES} ${vname}"
  variant_port=$((variant_port + 1))
done

for name in $NAMES; do
  "${PRIORITY[@]}" wrk -t2 -c4 -d"${WARMUP}s" -H "Authorization: Bearer ${TOKEN[$name]}" "${BASE[$name]}/fhir${URL_PATH}" >/dev/null
done
# One unloaded round per server that is printed but not counted: the first unloaded round after the warm-up was slower
# on every server (p99 ~20 ms against ~6 ms by the third, even after a 30 s warm-up), which inflated the baseline.
for name in $NAMES; do
  load; echo "(settling, not counted) $(run "$name" "settle-${name}" 1 1 0 1 "$DURATION")"
done

echo
echo "== unloaded: 1 connection, closed loop, ${DURATION}s =="
for r in $(seq 1 "$ROUNDS"); do
  for name in $NAMES; do
    line="$(run "$name" "unloaded-${name}-r${r}" 1 1 0 1 "$DURATION")"
    echo "$line" >>"${work}/unloaded-${name}"
    load; echo "$line"
  done
done
for name in $NAMES; do echo "    ${name}: $(rss "$name")"; done

echo
echo "== saturation: closed loop, ${SAT_DURATION}s per step =="
best=0; best_c=0
for c in $STEPS; do
  threads=$(( c < 2 ? c : 2 ))
  for r in $(seq 1 "$ROUNDS"); do
    for name in off on; do
      line="$(run "$name" "sat-${name}-c${c}-r${r}" "$c" "$threads" 0 0 "$SAT_DURATION")"
      awk -v d="$SAT_DURATION" '{ printf "%.1f\n", $4 / d }' <<<"$line" >>"${work}/sat-${name}-${c}"
      load; echo "${line}  -> $(tail -1 "${work}/sat-${name}-${c}") x 200/s"
    done
  done
  for name in off on; do
    rate="$(median <"${work}/sat-${name}-${c}")"
    echo "    ${c} connections, ${name}: median $(printf '%.0f' "$rate") x 200/s"
    if [ "$name" = off ] && awk -v a="$rate" -v b="$best" 'BEGIN { exit !(a > b) }'; then best="$(printf '%.0f' "$rate")"; best_c="$c"; fi
  done
done
echo "saturated: ${best} req/s (200s; median of ${ROUNDS} rounds) at ${best_c} connections, load shedding off"
for name in $NAMES; do echo "    ${name}: $(rss "$name")"; done

# 2x saturation: FLOOD_CONNECTIONS + PROBE_CONNECTIONS connections, each pausing so that all together offer 2R/s.
total_connections=$((FLOOD_CONNECTIONS + PROBE_CONNECTIONS))
pace="$(awk -v c="$total_connections" -v r="$best" 'BEGIN { printf "%d", (r > 0 ? 1000 * c / (2 * r) : 10) }')"
echo
echo "== 2x saturation: ${total_connections} connections each pausing ${pace} ms (offered ~$((2 * best)) req/s), ${DURATION}s =="
for r in $(seq 1 "$ROUNDS"); do
  for name in $NAMES; do
    cpu_before="$(cpu_seconds "$name")"
    run "$name" "flood-${name}-r${r}" "$FLOOD_CONNECTIONS" 2 "$pace" 0 "$DURATION" >"${work}/flood-now" &
    flood=$!
    probe="$(run "$name" "probe-${name}-r${r}" "$PROBE_CONNECTIONS" "$PROBE_CONNECTIONS" "$pace" 1 "$DURATION")"
    wait "$flood"
    awk -v a="$cpu_before" -v b="$(cpu_seconds "$name")" -v d="$DURATION" 'BEGIN { printf "%.2f\n", (b - a) / d }' >>"${work}/cpu-${name}"
    cat "${work}/flood-now" >>"${work}/flood-${name}"
    echo "$probe" >>"${work}/probe-${name}"
    load; cat "${work}/flood-now"
    load; echo "${probe}  (server CPU $(tail -1 "${work}/cpu-${name}") s/s)"
  done
done
for name in $NAMES; do echo "    ${name}: $(rss "$name")"; done

echo
echo "== summary: medians of ${ROUNDS} rounds, counts summed; ratios against the same server's unloaded figures =="
echo "saturated: ${best} req/s of 200s (load shedding off, ${best_c} connections)"
for name in $NAMES; do
  u50="$(column 10 <"${work}/unloaded-${name}" | median)"; u99="$(column 11 <"${work}/unloaded-${name}" | median)"
  a50="$(column 10 <"${work}/probe-${name}" | median)"; a99="$(column 11 <"${work}/probe-${name}" | median)"
  s50="$(column 12 <"${work}/probe-${name}" | median)"; s99="$(column 13 <"${work}/probe-${name}" | median)"
  smax="$(column 14 <"${work}/probe-${name}" | sort -g | tail -1)"
  cpu="$(median <"${work}/cpu-${name}")"
  cat "${work}/flood-${name}" "${work}/probe-${name}" | awk -v name="$name" -v d="$((DURATION * ROUNDS))" -v best="$best" -v cpu="$cpu" \
    -v u50="$u50" -v u99="$u99" -v a50="$a50" -v a99="$a99" -v s50="$s50" -v s99="$s99" -v smax="${smax:--}" '
    function ratio(a, b) { return (a == "-" || b == "-" || b == 0) ? "-" : sprintf("%.2f", a / b) }
    { req += $3; ok += $4; shed += $5; other += $6; ps += $7; po += $8; wf += $9 }
    END {
      printf "load shedding %-3s: offered %.0f req/s (%.2fx saturation), served %.0f x 200/s: %d x 200, %d x 503 shed (%d with Retry-After + OperationOutcome), %d other\n", name, req / d, req / d / best, ok / d, ok, shed, wf, other
      printf "                   partial 200s: %d report a supplier failure, %d FACADE-OVERLOADED (of %d)\n", ps, po, ok
      printf "                   unloaded p50 %s / p99 %s ms; admitted (200) p50 %s / p99 %s ms = %sx / %sx unloaded\n", u50, u99, a50, a99, ratio(a50, u50), ratio(a99, u99)
      printf "                   shed (503) p50 %s / p99 %s / max %s ms; server CPU %s s per s\n", s50, s99, smax, cpu
    }'
  echo "                   RSS: $(rss "$name")"
done
