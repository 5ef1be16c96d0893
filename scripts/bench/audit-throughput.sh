#!/usr/bin/env bash
# Audit throughput (issue #6): audited requests/s into SQLite and PostgreSQL vs audit off, same run.
#   1. Trail level: `fhirfacade bench audit` — N in-flight producers (PRODUCERS) append realistic records
#      through the real durable path (AuditStores.Create: the group-commit writer the server uses) for
#      TRAIL_SECONDS per store and producer count: no-op store (baseline), SQLite, PostgreSQL.
#   2. HTTP level: wrk against the real server process, started three times (Audit:Store=None, the
#      benchmark-only "audit off"; Sqlite; Postgres), with a cheap audited request that never calls a
#      supplier: an authenticated read of a malformed id (GET /fhir/Patient/bench-unknown -> 404, the
#      SMART token is validated and the request is audited like any other).
# Durability is the production one: SQLite WAL synchronous=FULL; PostgreSQL with fsync=on and
# synchronous_commit=on (the defaults), in a throw-away cluster on a free loopback port.
# Every result line is preceded by the load average (the machine is shared).
# Usage: scripts/bench/audit-throughput.sh   (env: PRODUCERS=1,16,64,256 TRAIL_SECONDS=5 DURATION=10s
#        THREADS=2 CONNECTIONS="16 64" PORT=5192)
set -euo pipefail
cd "$(dirname "$0")/../.."

PRODUCERS="${PRODUCERS:-1,16,64,256}"
TRAIL_SECONDS="${TRAIL_SECONDS:-5}"
DURATION="${DURATION:-10s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-16 64}"
PORT="${PORT:-5192}"
BASE="http://127.0.0.1:${PORT}/fhir"

command -v wrk >/dev/null || { echo "wrk is required (apt-get install -y wrk)" >&2; exit 1; }
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "${PG_BIN}/initdb" ] || { echo "PostgreSQL server binaries are required (apt-get install -y postgresql)" >&2; exit 1; }

load() { printf 'load average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"; }

dotnet build src/FhirFacade.Server -c Release -nologo -v q -p:RunAnalyzers=false >/dev/null
dotnet build src/FhirFacade.Cli -c Release -nologo -v q -p:RunAnalyzers=false >/dev/null
CLI=(dotnet src/FhirFacade.Cli/bin/Release/net10.0/fhirfacade.dll)

work="$(mktemp -d)"
server=""
pg_data="${work}/pg/data"
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
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

# Starts the server with the given audit settings and waits until it answers.
start_server() {
  local log="${work}/server-$1.log"; shift
  dotnet src/FhirFacade.Server/bin/Release/net10.0/FhirFacade.Server.dll --urls "http://127.0.0.1:${PORT}" \
    --contentRoot "$PWD/src/FhirFacade.Server" "$@" \
    --Logging:LogLevel:Default=Warning >"$log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do curl -fs -o /dev/null "${BASE}/metadata" && return 0; sleep 0.5; done
  echo "server did not start:" >&2; cat "$log" >&2; exit 1
}

stop_server() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""; }

declare -A RESULT
http_run() {
  local name="$1"; shift
  start_server "$name" "$@"
  local token
  token="$(curl -fs -X POST "http://127.0.0.1:${PORT}/dev-auth/token" -d grant_type=client_credentials \
    -d client_id=demo-client -d client_secret=demo-secret -d 'scope=user/*.rs' | sed -E 's/.*"access_token":"([^"]+)".*/\1/')"
  [ -n "$token" ] || { echo "could not get a development token" >&2; exit 1; }
  local url="${BASE}/Patient/bench-unknown"
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${token}" "$url")" = 404 ] || { echo "expected 404 from ${url}" >&2; exit 1; }
  # Warm-up (JIT, connections, audit store), bounded and not measured.
  wrk -t"$THREADS" -c16 -d3s -H "Authorization: Bearer ${token}" "$url" >/dev/null
  for c in $CONNECTIONS; do
    load
    RESULT["$name/$c"]="$(measure "$c" "$url" -H "Authorization: Bearer ${token}")"
    printf '%-9s %5s connections: %s\n' "$name" "$c" "${RESULT["$name/$c"]}"
  done
  stop_server
}

echo
echo "== 2. HTTP: GET /fhir/Patient/bench-unknown (authenticated, audited 404, no supplier call); wrk ${THREADS} threads, ${DURATION} per row =="
http_run none --Audit:Store=None --Audit:AllowNoneForBenchmarks=true
http_run sqlite --Audit:Store=Sqlite --Audit:SqlitePath="${work}/http.db"
http_run postgres --Audit:Store=Postgres --Audit:PostgresConnectionString="$(pg audit_http)"
load

# The audited servers really recorded every request (chain verified, count printed).
echo
echo "SQLite trail after the HTTP runs:   $("${CLI[@]}" audit verify --sqlite "${work}/http.db")"
echo "Postgres trail after the HTTP runs: $("${CLI[@]}" audit verify --postgres "$(pg audit_http)")"

echo
printf '%-9s %5s %10s %9s %9s %14s %10s\n' store conns "req/s" "p50 ms" "p99 ms" "non-2xx/all" "vs none"
for c in $CONNECTIONS; do
  read -r b_rps _ <<<"${RESULT["none/$c"]}"
  for name in none sqlite postgres; do
    read -r rps p50 p99 share _ <<<"${RESULT["$name/$c"]}"
    awk -v n="$name" -v c="$c" -v r="$rps" -v a="$p50" -v b="$p99" -v s="$share" -v base="$b_rps" \
      'BEGIN { printf "%-9s %5s %10.0f %9.3f %9.3f %14s %10.2f\n", n, c, r, a, b, s, r/base }'
  done
done
echo "(non-2xx are the expected 404s: every request is the audited unknown-id read)"
