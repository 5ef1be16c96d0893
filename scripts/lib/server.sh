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
