#!/usr/bin/env bash
# RELIABILITY B4, repeat mode: runs the reliability tests (Category=Reliability) N times in a row — default 50 — and
# prints "N runs, F failures". A run fails when `dotnet test` fails; a run that skips tests is counted and reported
# too (B4 wants 0 skipped). Not for every CI run: use it before resolving a reliability change.
#   tests/repeat-reliability.sh [N]     (CONFIGURATION=Release to test the Release build)
set -uo pipefail
cd "$(dirname "$0")/.."

runs=${1:-50}
configuration=${CONFIGURATION:-Debug}
project=tests/Cymbio.Client.Tests
logs=$(mktemp -d "${TMPDIR:-/tmp}/repeat-reliability.XXXXXX")
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! dotnet build "$project" -c "$configuration" >"$logs/build.log" 2>&1; then
  tail -n 30 "$logs/build.log" >&2
  echo "The build failed (log: $logs/build.log)." >&2
  exit 2
fi

failures=0
skipped_runs=0
for ((i = 1; i <= runs; i++)); do
  log="$logs/run-$i.log"
  dotnet test "$project" -c "$configuration" --no-build --filter "Category=Reliability" >"$log" 2>&1
  status=$?
  # vstest's summary: "Passed!  - Failed:     0, Passed:    56, Skipped:     0, Total: ..."
  summary=$(grep -E '^(Passed|Failed)! +- Failed:' "$log" | tail -n 1)
  skipped=$(sed -nE 's/.*Skipped: +([0-9]+).*/\1/p' <<<"$summary")
  if [ "$status" -ne 0 ] || [ -z "$summary" ]; then
    failures=$((failures + 1))
    echo "run $i: FAILED (log: $log)"
    grep -E '^\s+Failed ' "$log" | sed 's/^/    /'
  else
    rm -f "$log"
    echo "run $i: ok${summary:+ — ${summary#*- }}"
  fi
  if [ "${skipped:-0}" -gt 0 ]; then
    skipped_runs=$((skipped_runs + 1))
  fi
done

echo "$runs runs, $failures failures"
if [ "$skipped_runs" -gt 0 ]; then
  echo "$skipped_runs runs skipped tests (B4 asks for 0 skipped)."
fi
[ "$failures" -eq 0 ] && [ "$skipped_runs" -eq 0 ]
