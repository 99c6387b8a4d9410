#!/usr/bin/env bash
# Builds once, runs every test project one after the other (they share two cores and the same
# PostgreSQL), and ends with one summary line. Extra arguments go to each `dotnet test`.
set -uo pipefail
cd "$(dirname "$0")/.."

dotnet build Quiz.Aspire.sln -nologo -v:q || exit 1

passed=0; failed=0; skipped=0; status=0
for project in $(dotnet sln Quiz.Aspire.sln list | grep -E '^tests/.*\.csproj$'); do
  grep -q '<IsTestProject>true</IsTestProject>' "$project" || continue
  out=$(mktemp)
  dotnet test "$project" --no-build -nologo "$@" 2>&1 | tee "$out"
  rc=${PIPESTATUS[0]}
  line=$(grep -E '^(Passed|Failed)!' "$out" | tail -1)
  p=$(sed -nE 's/.*Passed: +([0-9]+).*/\1/p' <<<"$line"); f=$(sed -nE 's/.*Failed: +([0-9]+).*/\1/p' <<<"$line")
  s=$(sed -nE 's/.*Skipped: +([0-9]+).*/\1/p' <<<"$line")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
  if [[ $rc -ne 0 ]]; then status=1; [[ -z "$line" ]] && failed=$((failed + 1)); fi
  rm -f "$out"
done

echo "Tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
exit $status
