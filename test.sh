#!/usr/bin/env bash
# Runs every test project and prints one line "N passed, N failed" (summed over projects).
# Usage: ./test.sh [extra dotnet test args]
set -uo pipefail
cd "$(dirname "$0")"
results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

dotnet build FhirFacade.sln -c Release -nologo -v q "$@" || { echo "0 passed, 1 failed"; exit 1; }
dotnet test FhirFacade.sln -c Release --no-build -nologo \
  --logger "trx" --results-directory "$results" "$@"
status=$?

passed=0; failed=0
for f in "$results"/*.trx; do
  [ -f "$f" ] || continue
  line=$(grep -o '<Counters [^>]*>' "$f" | head -n1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$line"); f2=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$line")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f2:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "${passed} passed, ${failed} failed"
exit "$status"
