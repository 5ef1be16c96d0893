# Sourced by scripts/bench/*.sh and scripts/ops/*.sh (from the checkout's root): build and start the demo host
# (src/FhirFacade.Demo: the production server's composition with the embedded simulators and the development
# issuer), wait until it is ready, get a development token, find an embedded simulator's address.
# Env: CONFIGURATION (default Release).

FACADE_CONFIGURATION="${CONFIGURATION:-Release}"
FACADE_DIR="src/FhirFacade.Demo/bin/${FACADE_CONFIGURATION}/net10.0"
FACADE_DLL="${FACADE_DIR}/FhirFacade.Demo.dll"
[ -n "${FACADE_PRIORITY+set}" ] || FACADE_PRIORITY=()

# facade_build: builds the demo host (and with it the production server).
facade_build() {
  dotnet build src/FhirFacade.Demo -c "$FACADE_CONFIGURATION" -nologo -v q -p:RunAnalyzers=false >/dev/null
}

# facade_start <port> <log> [--Setting=value ...]: starts the demo host on 127.0.0.1:<port> in the background, its output in
# <log>; sets FACADE_PID (a child of this shell, so that the caller can wait for it). A caller may set the array
# FACADE_PRIORITY (e.g. (nice -n -10)) to start it under that command.
facade_start() {
  local port="$1" log="$2"; shift 2
  "${FACADE_PRIORITY[@]}" dotnet "$FACADE_DLL" --urls "http://127.0.0.1:${port}" "$@" >"$log" 2>&1 &
  FACADE_PID=$!
}

# facade_wait <port> <log> [seconds] [pattern]: waits (default 120 s) until /health/ready answers 200 and, when given,
# <pattern> is in <log>; otherwise prints the end of <log> and exits.
facade_wait() {
  local port="$1" log="$2" seconds="${3:-120}" pattern="${4:-}"
  for _ in $(seq 1 $((seconds * 5))); do
    if curl -fs -o /dev/null "http://127.0.0.1:${port}/health/ready" && { [ -z "$pattern" ] || grep -q "$pattern" "$log"; }; then
      return 0
    fi
    sleep 0.2
  done
  echo "the facade on port ${port} did not become ready in ${seconds} s:" >&2
  tail -n 40 "$log" >&2
  exit 1
}

# facade_token <port> [scope]: prints a token of the development issuer (client credentials of the demo clinician
# client; default scope user/*.rs). Use as TOKEN="$(facade_token ...)" under set -e: no token stops the script.
facade_token() {
  local token
  token="$(curl -fs -X POST "http://127.0.0.1:$1/dev-auth/token" -d grant_type=client_credentials \
    -d client_id=demo-client -d client_secret=demo-secret -d "scope=${2:-user/*.rs}" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')"
  [ -n "$token" ] || { echo "could not get a development token from port $1" >&2; return 1; }
  printf '%s\n' "$token"
}

# facade_simulator <supplier> <log>: the base address of an embedded HTTP simulator (emis, tpp, microtest), as the
# demo host logs it (needs --Logging:LogLevel:FhirFacade=Information).
facade_simulator() {
  grep -o "Embedded $1 simulator: [^ ]*" "$2" | awk '{print $4}' | sed 's:/*$::'
}

# production_start <port> <log> <suppliers_port> <suppliers_log> [--Setting=value ...]: starts the production server
# (src/FhirFacade.Server, no simulators, no development issuer) on 127.0.0.1:<port> in the background, its output in <log>,
# against the simulators of a demo host already running on <suppliers_port> (its log <suppliers_log>, which must hold the
# "Embedded ... simulator" lines: start it with --Logging:LogLevel:FhirFacade=Information): the demo's organisation
# directory with every embedded: endpoint replaced by that simulator's address, the simulators' development credentials,
# and that demo host's development issuer as the trusted token issuer (its tokens' audience is the demo host's base URL).
# Sets FACADE_PID. The suppliers are then another process, as in a deployment, not work on the measured server's cores.
production_start() {
  local port="$1" log="$2" sport="$3" slog="$4"; shift 4
  local settings="src/FhirFacade.Demo/appsettings.demo.json" args=() i=0 ods supplier name
  declare -A endpoint
  for supplier in emis tpp microtest vision; do
    endpoint[$supplier]="$(facade_simulator "$supplier" "$slog")/"
    [ "${endpoint[$supplier]}" != "/" ] || { echo "no ${supplier} simulator address in ${slog}" >&2; return 1; }
  done
  while IFS=$'\t' read -r ods supplier name; do
    args+=("--Facade:Organisations:${i}:OdsCode=${ods}" "--Facade:Organisations:${i}:Supplier=${supplier}"
      "--Facade:Organisations:${i}:Name=${name}" "--Facade:Organisations:${i}:Endpoint=${endpoint[$supplier]}")
    i=$((i + 1))
  done < <(paste <(grep -o '"OdsCode": "[^"]*"' "$settings" | cut -d'"' -f4) <(grep -o '"Supplier": "[^"]*"' "$settings" | cut -d'"' -f4) \
    <(grep -B3 '"Supplier": "' "$settings" | grep -o '"Name": "[^"]*"' | cut -d'"' -f4))
  "${FACADE_PRIORITY[@]}" dotnet "src/FhirFacade.Server/bin/${FACADE_CONFIGURATION}/net10.0/FhirFacade.Server.dll" \
    --urls "http://127.0.0.1:${port}" "${args[@]}" \
    --Suppliers:Emis:ApiKey=emis-dev-key --Suppliers:Tpp:ApiKey=tpp-dev-key --Suppliers:Vision:AccessKey=vision-dev-key \
    --Suppliers:Microtest:ClientId=fhirfacade --Suppliers:Microtest:ClientSecret=microtest-dev-secret \
    --Smart:Issuer="http://127.0.0.1:${sport}/dev-auth" --Smart:JwksUrl="http://127.0.0.1:${sport}/dev-auth/jwks.json" \
    --Smart:Audience="http://127.0.0.1:${sport}/fhir" --Facade:Server:PublicBaseUrl="http://127.0.0.1:${port}/fhir" \
    --DevAuthorization:Enabled=false "$@" >"$log" 2>&1 &
  FACADE_PID=$!
}
