#!/usr/bin/env bash
# docs/operations.md on loopback: two facade instances (the demo host, src/FhirFacade.Demo) behind no balancer, sharing one PostgreSQL audit
# store and the id and paging keys, each with its own embedded simulators and development issuer (there is
# no real supplier or issuer here).
#   1. a throw-away PostgreSQL cluster on a free loopback port, one database for the audit trail;
#   2. two instances on two free ports, same keys, same audit database, JSON logs, a 1 s drain delay,
#      OTLP export (http/protobuf) to a stand-in collector on loopback that keeps what it is sent;
#   3. /health/ready answers 200 on both;
#   4. a search through each instance, and a resource id issued by the first read back on the second;
#   5. both records are in the one audit chain;
#   6. SIGTERM to both: each exits 0; the collector received traces and metrics, and no NHS number;
#   7. `fhirfacade audit verify --postgres` walks the whole chain.
# Needs the built demo host and CLI (dotnet build src/FhirFacade.Demo -c Release; dotnet build
# src/FhirFacade.Cli -c Release) and Debian's postgresql package. Stops by itself; cleans up on exit.
# Usage: scripts/ops/two-instances.sh   (env: CONFIGURATION=Release)
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/server.sh

CONFIGURATION="${CONFIGURATION:-Release}"
CLI="src/FhirFacade.Cli/bin/${CONFIGURATION}/net10.0/fhirfacade.dll"
NHS="https://fhir.nhs.uk/Id/nhs-number%7C9990000018"
[ -f "$FACADE_DLL" ] && [ -f "$CLI" ] \
  || { echo "build first: dotnet build src/FhirFacade.Demo -c ${CONFIGURATION} && dotnet build src/FhirFacade.Cli -c ${CONFIGURATION}" >&2; exit 1; }
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "${PG_BIN}/initdb" ] || { echo "PostgreSQL server binaries are required (apt-get install -y postgresql)" >&2; exit 1; }

step() { printf '\n== %s\n' "$*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
# initdb and postgres refuse to run as root: as root, run them as the postgres user.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

work="$(mktemp -d)"
pg_data="${work}/pg/data"
pids=""
cleanup() {
  for pid in $pids; do kill -KILL "$pid" 2>/dev/null || true; done
  if [ -d "$pg_data" ]; then as_pg "${PG_BIN}/pg_ctl" -D "$pg_data" -m fast -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

step "1. PostgreSQL (throw-away cluster)"
pg_port="$(free_port)"
mkdir -p "${work}/pg"
chmod 755 "$work"
if [ "$(id -u)" = 0 ]; then chown -R postgres:postgres "${work}/pg"; fi
as_pg "${PG_BIN}/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 >/dev/null
as_pg "${PG_BIN}/pg_ctl" -D "$pg_data" -l "${work}/pg/log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p ${pg_port} -k ${work}/pg -c max_connections=50" start >/dev/null
as_pg "${PG_BIN}/createdb" -h "${work}/pg" -p "$pg_port" -U postgres fhirfacade_audit
AUDIT="Host=127.0.0.1;Port=${pg_port};Username=postgres;Database=fhirfacade_audit;Timeout=5"
echo "audit store: PostgreSQL on 127.0.0.1:${pg_port}, database fhirfacade_audit"

step "2. Two instances, same keys, same audit store, OTLP export"
# A stand-in OTLP/HTTP collector: keeps each POST's body under its path (v1_traces, v1_metrics), answers 200.
otlp_port="$(free_port)"
mkdir -p "${work}/otlp"
python3 - "$otlp_port" "${work}/otlp" >"${work}/otlp.log" 2>&1 <<'PY' &
import http.server, os, sys
port, out = int(sys.argv[1]), sys.argv[2]
class Collector(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        with open(os.path.join(out, self.path.strip("/").replace("/", "_")), "ab") as f:
            f.write(body)
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()
    def log_message(self, *args):
        pass
http.server.HTTPServer(("127.0.0.1", port), Collector).serve_forever()
PY
otlp_pid=$!; pids="$otlp_pid"
IDS_KEY="$(head -c 32 /dev/urandom | base64 -w0)"
PAGING_KEY="$(head -c 32 /dev/urandom | base64 -w0)"
start_instance() { # port log; sets LAST_PID (no command substitution: the instance must be this shell's child, for wait)
  ( cd "$FACADE_DIR" && Urls="http://127.0.0.1:$1" \
      Facade__Ids__SigningKey="$IDS_KEY" Facade__Paging__SigningKey="$PAGING_KEY" \
      Audit__Store=Postgres Audit__PostgresConnectionString="$AUDIT" \
      Facade__Shutdown__DrainDelay=00:00:01 Facade__Shutdown__Timeout=00:00:20 \
      Logging__Console__FormatterName=json \
      OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:${otlp_port}" OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf \
      OTEL_SERVICE_NAME="fhirfacade-$1" OTEL_BSP_SCHEDULE_DELAY=500 OTEL_METRIC_EXPORT_INTERVAL=1000 \
      exec dotnet FhirFacade.Demo.dll ) >"$2" 2>&1 &
  LAST_PID=$!
}
port_a="$(free_port)"; port_b="$(free_port)"
start_instance "$port_a" "${work}/a.log"; pid_a=$LAST_PID; pids="$pids $pid_a"
start_instance "$port_b" "${work}/b.log"; pid_b=$LAST_PID; pids="$pids $pid_b"
echo "instance A: http://127.0.0.1:${port_a} (pid ${pid_a}); instance B: http://127.0.0.1:${port_b} (pid ${pid_b}); OTLP to http://127.0.0.1:${otlp_port}"

step "3. Readiness"
wait_ready() { # port log
  facade_wait "$1" "$2" 120
  echo "http://127.0.0.1:$1/health/ready: 200 $(curl -s "http://127.0.0.1:$1/health/ready")"
}
wait_ready "$port_a" "${work}/a.log"
wait_ready "$port_b" "${work}/b.log"

step "4. A request through each instance"
token_a="$(facade_token "$port_a")"; token_b="$(facade_token "$port_b")"
id_a="two-instances-a-$$"; id_b="two-instances-b-$$"
curl -s -o "${work}/a.json" -w 'A: GET /fhir/Condition?patient.identifier=... -> %{http_code}\n' -H "Authorization: Bearer ${token_a}" \
  -H "X-Request-Id: ${id_a}" "http://127.0.0.1:${port_a}/fhir/Condition?patient.identifier=${NHS}"
curl -s -o "${work}/b.json" -w 'B: GET /fhir/Condition?patient.identifier=... -> %{http_code}\n' -H "Authorization: Bearer ${token_b}" \
  -H "X-Request-Id: ${id_b}" "http://127.0.0.1:${port_b}/fhir/Condition?patient.identifier=${NHS}"
condition="$(python3 -c 'import json,sys; b=json.load(open(sys.argv[1])); print(next(e["resource"]["id"] for e in b["entry"] if e["search"]["mode"]=="match"))' "${work}/a.json")"
read_b="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${token_b}" "http://127.0.0.1:${port_b}/fhir/Condition/${condition}")"
echo "B reads a Condition id that A issued: ${read_b}"
[ "$read_b" = 200 ] || fail "an id issued by instance A is not read by instance B (are the id keys the same?)"

step "5. Both records in the one audit chain"
rows="$(as_pg "${PG_BIN}/psql" -h "${work}/pg" -p "$pg_port" -U postgres -d fhirfacade_audit -tA \
  -c "SELECT count(*) FROM audit_event WHERE correlation_id IN ('${id_a}', '${id_b}')")"
echo "audit rows for ${id_a} and ${id_b}: ${rows}"
[ "$rows" = 2 ] || fail "expected one audit row per request, found ${rows}"

step "6. SIGTERM to both"
kill -TERM "$pid_a" "$pid_b"
status_a=0; wait "$pid_a" || status_a=$?
status_b=0; wait "$pid_b" || status_b=$?
pids="$otlp_pid"
echo "instance A exited ${status_a}; instance B exited ${status_b}"
grep -h '"EventId":3102' "${work}/a.log" "${work}/b.log" | python3 -c 'import json,sys; [print(json.loads(l)["Message"]) for l in sys.stdin]' || true
[ "$status_a" = 0 ] && [ "$status_b" = 0 ] || fail "an instance did not exit 0 after SIGTERM"
# The instances flush their telemetry as they stop: the collector has it now.
[ -s "${work}/otlp/v1_traces" ] && [ -s "${work}/otlp/v1_metrics" ] || fail "the OTLP collector received no traces or no metrics"
grep -q "fhirfacade.supplier" "${work}/otlp/v1_traces" || fail "the exported traces hold no supplier-call span"
if grep -q -e "${NHS##*%7C}" "${work}/otlp/v1_traces" "${work}/otlp/v1_metrics"; then fail "the exported telemetry holds the NHS number"; fi
echo "OTLP: traces $(wc -c <"${work}/otlp/v1_traces") bytes, metrics $(wc -c <"${work}/otlp/v1_metrics") bytes, with supplier-call spans and no NHS number"

step "7. fhirfacade audit verify --postgres"
dotnet "$CLI" audit verify --postgres "$AUDIT"
echo
echo "two instances, one audit chain: OK"
