#!/usr/bin/env bash
# Counts the source files one warm request executes (issue #16: "following the request touches at most N files").
# Runs WalkThroughRequestTests' "once" and "twice" tests, each on a server of its own, under coverage
# (coverlet.collector, cobertura), and lists every src/ file with a line that ran more often in "twice" than in
# "once": the files the second, warm request executed. Start-up, the first request's one-time initialisation
# (profile compilation, caches) and the test's own code are in both runs and cancel out. The embedded simulators
# (the outside world) and TestKit are listed apart: they are not the facade's code.
# Usage: scripts/request-path.sh   (needs the .NET SDK and python3; ~2 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
project=tests/FhirFacade.Server.IntegrationTests
dotnet build "$project" -c Release -v q -nologo >/dev/null
for run in Once Twice; do
  dotnet test "$project" -c Release --no-build --nologo -v q \
    --filter "FullyQualifiedName~WalkThroughRequestTests.WalkThroughRequest_${run}_" \
    --collect "XPlat Code Coverage" --results-directory "$out/$run" >"$out/$run.log" || { cat "$out/$run.log"; exit 1; }
done
python3 - "$out/Once" "$out/Twice" "$PWD" <<'PY'
import glob, os, sys, xml.etree.ElementTree as ET
from collections import defaultdict

def hits(folder):
    (path,) = glob.glob(os.path.join(folder, "*", "coverage.cobertura.xml"))
    root = ET.parse(path).getroot()
    sources = [s.text for s in root.iter("source")]
    counts = defaultdict(int)
    for cls in root.iter("class"):
        name = cls.get("filename")
        full = next((os.path.join(s, name) for s in sources if os.path.exists(os.path.join(s, name))), name)
        for line in cls.iter("line"):
            counts[(full, int(line.get("number")))] += int(line.get("hits"))
    return counts

once, twice, repo = hits(sys.argv[1]), hits(sys.argv[2]), sys.argv[3]
files = sorted({os.path.relpath(f, repo) for (f, n), h in twice.items() if h > once.get((f, n), 0)})
outside = [f for f in files if not f.startswith("src/") or "/obj/" in f or f.startswith("src/FhirFacade.Simulators/")]
facade = [f for f in files if f not in outside]
by_project = defaultdict(list)
for f in facade:
    by_project[f.split("/")[1]].append(f)
for project in sorted(by_project):
    print(f"{project}: {len(by_project[project])}")
    for f in by_project[project]:
        print(f"    {f}")
print(f"outside the facade (simulators, generated, tests): {len(outside)}")
for f in outside:
    print(f"    {f}")
print(f"facade source files executed by one warm request: {len(facade)} in {len(by_project)} projects")
PY
