#!/usr/bin/env bash
# Audit throughput (issue #6): audited requests/s into SQLite and PostgreSQL vs audit off, same run.
#   1. Trail level: `fhirfacade bench audit` — N in-flight producers (PRODUCERS) append realistic records
#      through the real durable path (AuditStores.Create: the group-commit writer the server uses) for
#      TRAIL_SECONDS per store and producer count: no-op store (baseline), SQLite, PostgreSQL.
#   2. HTTP level: wrk against the real server process, three of them side by side on loopback
#      (Audit:Store=None, the benchmark-only "audit off"; Sqlite; Postgres), taking turns in ROUNDS
#      interleaved rounds (medians reported), with a cheap audited request that never calls a
#      supplier: an authenticated read of a malformed id (GET /fhir/Patient/bench-unknown -> 404, the
#      SMART token is validated and the request is audited like any other); then, at RECORD_CONNECTIONS,
#      a real record request (MedicationStatement search of EMIS demo patient 9990000018: supplier call,
#      mapping, validation) to show whether the audit caps the real path.
# Durability is the production one: SQLite WAL synchronous=FULL; PostgreSQL with fsync=on and
# synchronous_commit=on (the defaults), in a throw-away cluster on a free loopback port.
# Every result line is preceded by the load average (the machine is shared).
# Usage: scripts/bench/audit-throughput.sh   (env: PRODUCERS=1,16,64,256 TRAIL_SECONDS=5 DURATION=5s
#        ROUNDS=3 THREADS=2 CONNECTIONS="16 64" RECORD_CONNECTIONS=16 PORT=5192)
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/server.sh

PRODUCERS="${PRODUCERS:-1,16,64,256}"
TRAIL_SECONDS="${TRAIL_SECONDS:-5}"
DURATION="${DURATION:-5s}"
ROUNDS="${ROUNDS:-3}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-16 64}"
RECORD_CONNECTIONS="${RECORD_CONNECTIONS:-16}"
RECORD_URL_PATH="/MedicationStatement?patient.identifier=https://fhir.nhs.uk/Id/nhs-number%7C9990000018"
PORT="${PORT:-5192}"

command -v wrk >/dev/null || { echo "wrk is required (apt-get install -y wrk)" >&2; exit 1; }
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "${PG_BIN}/initdb" ] || { echo "PostgreSQL server binaries are required (apt-get install -y postgresql)" >&2; exit 1; }

load() { printf 'load average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"; }

facade_build
dotnet build src/FhirFacade.Cli -c Release -nologo -v q -p:RunAnalyzers=false >/dev/null
CLI=(dotnet src/FhirFacade.Cli/bin/Release/net10.0/fhirfacade.dll)

work="$(mktemp -d)"
servers=""
pg_data="${work}/pg/data"
cleanup() {
  for pid in $servers; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  if [ -d "$pg_data" ]; then runuser -u postgres -- "${PG_BIN}/pg_ctl" -D "$pg_data" -m fast -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# A throw-away PostgreSQL cluster with production durability (fsync and synchronous_commit on).
pg_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
mkdir -p "${work}/pg"
chown -R postgres:postgres "${work}/pg"
chmod 755 "$work"
runuser -u postgres -- "${PG_BIN}/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 >/dev/null
runuser -u postgres -- "${PG_BIN}/pg_ctl" -D "$pg_data" -l "${work}/pg/log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p ${pg_port} -k ${work}/pg -c max_connections=50 -c fsync=on -c synchronous_commit=on" start >/dev/null
for db in audit_trail audit_http; do
  runuser -u postgres -- "${PG_BIN}/createdb" -h "${work}/pg" -p "$pg_port" -U postgres "$db"
done
pg() { printf 'Host=127.0.0.1;Port=%s;Username=postgres;Database=%s;Timeout=5' "$pg_port" "$1"; }

echo "== 1. Audit trail: appends through the durable path (${TRAIL_SECONDS}s per row) =="
load
"${CLI[@]}" bench audit --sqlite "${work}/trail.db" --postgres "$(pg audit_trail)" --producers "$PRODUCERS" --seconds "$TRAIL_SECONDS"
load

# Runs wrk and prints "req/s p50_ms p99_ms non2xx_share".
measure() {
  local connections="$1" url="$2"; shift 2
  wrk -t"$THREADS" -c"$connections" -d"$DURATION" --latency "$@" "$url" | awk '
    function ms(v) { if (v ~ /us$/) return substr(v, 1, length(v)-2)/1000; if (v ~ /ms$/) return substr(v, 1, length(v)-2)+0; if (v ~ /s$/) return substr(v, 1, length(v)-1)*1000; return v }
    /requests in/ { total = $1 }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx/ { non2xx = $NF }
    /Socket errors/ { errors = $0 }
    END { printf "%s %.3f %.3f %s%s\n", rps, p50, p99, (non2xx == "" ? 0 : non2xx) "/" total, (errors == "" ? "" : " (" errors ")") }'
}

# Starts a server with the given audit settings on the given port and waits until it answers.
declare -A PID TOKEN_OF BASE_OF
start_server() {
  local name="$1" port="$2"; shift 2
  facade_start "$port" "${work}/server-${name}.log" "$@" --Logging:LogLevel:Default=Warning
  PID[$name]=$FACADE_PID
  servers="${servers} $FACADE_PID"
  BASE_OF[$name]="http://127.0.0.1:${port}/fhir"
  facade_wait "$port" "${work}/server-${name}.log" 60
  TOKEN_OF[$name]="$(facade_token "$port")"
  local status
  status="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${TOKEN_OF[$name]}" "${BASE_OF[$name]}/Patient/bench-unknown")"
  [ "$status" = 404 ] || { echo "expected 404 from ${BASE_OF[$name]}/Patient/bench-unknown, got ${status}" >&2; exit 1; }
}

STORES="none sqlite postgres"
echo
echo "== 2. HTTP: three servers side by side (audit off / SQLite / PostgreSQL), ${ROUNDS} interleaved rounds =="
start_server none "$PORT" --Audit:Store=None --Audit:AllowNoneForBenchmarks=true
start_server sqlite "$((PORT + 1))" --Audit:Store=Sqlite --Audit:SqlitePath="${work}/http.db"
start_server postgres "$((PORT + 2))" --Audit:Store=Postgres --Audit:PostgresConnectionString="$(pg audit_http)"

# Warm-up of every server on both requests (JIT, connection pools, audit store), bounded and not measured.
for name in $STORES; do
  wrk -t"$THREADS" -c16 -d5s -H "Authorization: Bearer ${TOKEN_OF[$name]}" "${BASE_OF[$name]}/Patient/bench-unknown" >/dev/null
  wrk -t"$THREADS" -c"$RECORD_CONNECTIONS" -d5s -H "Authorization: Bearer ${TOKEN_OF[$name]}" "${BASE_OF[$name]}${RECORD_URL_PATH}" >/dev/null
done

# Rows: "store request round req/s p50 p99 non2xx/all"; the stores take turns within every round so
# that the shared machine's changing load falls on all three alike.
ROWS="${work}/rows"
: >"$ROWS"
for r in $(seq 1 "$ROUNDS"); do
  for c in $CONNECTIONS record; do
    for name in $STORES; do
      if [ "$c" = record ]; then
        url="${BASE_OF[$name]}${RECORD_URL_PATH}"; conns="$RECORD_CONNECTIONS"
      else
        url="${BASE_OF[$name]}/Patient/bench-unknown"; conns="$c"
      fi
      load
      line="$name $c $r $(measure "$conns" "$url" -H "Authorization: Bearer ${TOKEN_OF[$name]}")"
      echo "$line" | tee -a "$ROWS"
    done
  done
done
load

# The audited servers really recorded every request (chain verified, count printed).
echo
echo "SQLite trail after the HTTP runs:   $("${CLI[@]}" audit verify --sqlite "${work}/http.db")"
echo "Postgres trail after the HTTP runs: $("${CLI[@]}" audit verify --postgres "$(pg audit_http)")"

# Medians over the rounds of req/s, p50 and p99; "vs none" is the median req/s over the audit-off server's.
echo
echo "Medians over ${ROUNDS} rounds of ${DURATION} (404 = GET /fhir/Patient/bench-unknown; record = GET /fhir${RECORD_URL_PATH}, ${RECORD_CONNECTIONS} connections)"
printf '%-9s %-7s %10s %9s %9s %10s\n' store request "req/s" "p50 ms" "p99 ms" "vs none"
for c in $CONNECTIONS record; do
  awk -v c="$c" -v stores="$STORES" '
    function median(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t } return (n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2) }
    $2 == c { k = $1; n[k]++; rps[k, n[k]] = $4; p50[k, n[k]] = $5; p99[k, n[k]] = $6 }
    END {
      split(stores, names, " ")
      for (s = 1; s in names; s++) {
        k = names[s]; delete a; delete b; delete d
        for (i = 1; i <= n[k]; i++) { a[i] = rps[k, i]; b[i] = p50[k, i]; d[i] = p99[k, i] }
        m[k] = median(a, n[k]); q50[k] = median(b, n[k]); q99[k] = median(d, n[k])
      }
      for (s = 1; s in names; s++) {
        k = names[s]
        printf "%-9s %-7s %10.0f %9.3f %9.3f %10.2f\n", k, (c == "record" ? "record" : "404/" c), m[k], q50[k], q99[k], m[k] / m["none"]
      }
    }' "$ROWS"
done
echo "(404 rows: every request is the audited unknown-id read, so every answer is the expected 404)"
