#!/usr/bin/env bash
# Load benchmark: the facade vs the same native request straight to the EMIS simulator, in one run.
# Starts the demo host (embedded simulators, validation policy as configured) on loopback, then runs wrk
# (bounded: DURATION per run, THREADS threads, CONNECTIONS connections) for
#   1. Patient read            facade GET /fhir/Patient/{id}                 vs native GET /api/patients/{nhs}
#   2. MedicationStatement     facade GET /fhir/MedicationStatement?patient.identifier=…|{nhs}
#                              vs native GET /api/patients/{nhs}/record?sections=medications
# and prints req/s, p50, p99 and the facade's overhead (difference and ratio).
# Usage: scripts/bench/facade-vs-native.sh            (env: DURATION=10s WARMUP=10s THREADS=2 CONNECTIONS=16 PACE_MS=0 PORT=5190 AUDIT_OFF=0)
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/server.sh

DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-10s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-16}"
PORT="${PORT:-5190}"
NHS="${NHS:-9990000018}"
API_KEY="${API_KEY:-emis-dev-key}"
BASE="http://127.0.0.1:${PORT}/fhir"

command -v wrk >/dev/null || { echo "wrk is required (apt-get install -y wrk)" >&2; exit 1; }

facade_build
log="$(mktemp)"
audit_dir="$(mktemp -d)"
# Every facade request is audited (durably, before the response is released), into a throw-away SQLite file.
# AUDIT_OFF=1 measures the same facade with the benchmark-only no-op audit store instead, to price the audit.
audit_args=(--Audit:SqlitePath="${audit_dir}/audit.db")
if [ "${AUDIT_OFF:-0}" = "1" ]; then
  audit_args=(--Audit:Store=None --Audit:AllowNoneForBenchmarks=true)
  echo "AUDIT OFF (benchmark-only no-op store): this run does not measure the production configuration"
fi
facade_start "$PORT" "$log" "${audit_args[@]}" --Logging:LogLevel:Default=Warning --Logging:LogLevel:FhirFacade=Information
server=$FACADE_PID
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$log" "$audit_dir"' EXIT

facade_wait "$PORT" "$log" 60 "Embedded emis simulator"
NATIVE="$(facade_simulator emis "$log")"

# A development clinician token (the embedded default's issuer), sent on every facade request.
TOKEN="$(facade_token "$PORT")"
AUTH="Authorization: Bearer ${TOKEN}"

search="${BASE}/MedicationStatement?patient.identifier=https://fhir.nhs.uk/Id/nhs-number%7C${NHS}"
patient_id="$(curl -fs -H "$AUTH" "${BASE}/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C${NHS}" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)"
[ -n "$patient_id" ] || { echo "could not find demo patient ${NHS}" >&2; exit 1; }

# Warm every measured path (JIT, connection pools) before measuring: the read too, or the first run
# (the read) pays the facade's warm-up and looks slower than it is. A few hundred requests are not
# enough: .NET's tiered compiler keeps re-compiling hot methods in the background for several seconds
# (a profile after 200 requests per path still showed ~8% of CPU in the JIT), so each path also gets
# WARMUP of load before anything is measured.
for _ in $(seq 1 200); do
  curl -fs -o /dev/null -H "$AUTH" "$search"
  curl -fs -o /dev/null -H "$AUTH" "${BASE}/Patient/${patient_id}"
  curl -fs -o /dev/null -H "X-Api-Key: ${API_KEY}" "${NATIVE}/api/patients/${NHS}/record?sections=medications"
  curl -fs -o /dev/null -H "X-Api-Key: ${API_KEY}" "${NATIVE}/api/patients/${NHS}"
done
for url in "${BASE}/Patient/${patient_id}" "$search"; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "$AUTH" "$url" >/dev/null
done
for url in "${NATIVE}/api/patients/${NHS}" "${NATIVE}/api/patients/${NHS}/record?sections=medications"; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "X-Api-Key: ${API_KEY}" "$url" >/dev/null
done

# PACE_MS=N: each connection waits N ms after every response before its next request (wrk's delay()
# hook), so the load is light and steady instead of closed-loop saturation: a different question
# ("what does one request cost when the server is mostly idle?") with a different answer, because an
# idle virtual machine is slow to wake threads and disks. The wait is not counted in the latency.
pace=()
if [ "${PACE_MS:-0}" != "0" ]; then
  pace_script="${audit_dir}/pace.lua"
  printf 'function delay() return %d end\n' "$PACE_MS" >"$pace_script"
  pace=(-s "$pace_script")
fi

# Runs wrk and prints "req/s p50_ms p99_ms".
measure() {
  local url="$1"; shift
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${pace[@]}" "$@" "$url" | awk '
    function ms(v) { if (v ~ /us$/) return substr(v, 1, length(v)-2)/1000; if (v ~ /ms$/) return substr(v, 1, length(v)-2)+0; if (v ~ /s$/) return substr(v, 1, length(v)-1)*1000; return v }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx/ { non2xx = $NF }
    END { printf "%s %.3f %.3f %s\n", rps, p50, p99, (non2xx == "" ? 0 : non2xx) }'
}

report() {
  local name="$1" facade="$2" native="$3"
  read -r f_rps f_p50 f_p99 f_err <<<"$facade"
  read -r n_rps n_p50 n_p99 n_err <<<"$native"
  printf '%-28s %10s %9s %9s %8s\n' "$name (facade)" "$f_rps" "$f_p50" "$f_p99" "$f_err"
  printf '%-28s %10s %9s %9s %8s\n' "$name (native)" "$n_rps" "$n_p50" "$n_p99" "$n_err"
  awk -v fr="$f_rps" -v nr="$n_rps" -v f5="$f_p50" -v n5="$n_p50" -v f9="$f_p99" -v n9="$n_p99" -v name="$name" 'BEGIN {
    printf "%-28s throughput ratio %.2f   p50 +%.3f ms   p99 +%.3f ms   (goal: p50 +1 ms, p99 +3 ms)\n", name " overhead", fr/nr, f5-n5, f9-n9 }'
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk: ${THREADS} threads, ${CONNECTIONS} connections, ${DURATION} per run (after ${WARMUP} warm-up per path), pause ${PACE_MS:-0} ms between requests per connection; facade ${BASE}; native ${NATIVE}"
printf '%-28s %10s %9s %9s %8s\n' "run" "req/s" "p50 ms" "p99 ms" "non-2xx"
read_facade="$(measure "${BASE}/Patient/${patient_id}" -H "$AUTH")"
read_native="$(measure "${NATIVE}/api/patients/${NHS}" -H "X-Api-Key: ${API_KEY}")"
search_facade="$(measure "$search" -H "$AUTH")"
search_native="$(measure "${NATIVE}/api/patients/${NHS}/record?sections=medications" -H "X-Api-Key: ${API_KEY}")"
report "Patient read" "$read_facade" "$read_native"
report "MedicationStatement search" "$search_facade" "$search_native"
