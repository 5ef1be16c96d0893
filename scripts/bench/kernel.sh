#!/usr/bin/env bash
# Kernel benchmarks (BenchmarkDotNet, in-process toolchain): typed JSON parse/serialize vs raw
# JsonDocument, and package open + UK Core profile resolution. Results: BenchmarkDotNet.Artifacts/.
# Usage: scripts/bench/kernel.sh [extra BenchmarkDotNet args]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tests/FhirFacade.Benchmarks -- \
  --filter '*JsonParseBenchmarks*' '*PackageOpenBenchmarks*' \
  --inProcess --job short --exporters markdown "$@"
