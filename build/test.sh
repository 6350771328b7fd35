#!/usr/bin/env bash
# The README's test command with result files: runs `dotnet test`, prints one summary line
# ("N passed, N failed, N skipped") and, with --require-postgres, fails unless PostgreSQL tests ran and passed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
require_postgres=false
[ "${1:-}" = "--require-postgres" ] && require_postgres=true
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

status=0
dotnet test "$root/BaoCao.sln" --logger "trx" --results-directory "$results" || status=$?

python3 - "$results" "$require_postgres" <<'PY'
import glob, re, sys, xml.etree.ElementTree as ET
results, require_postgres = sys.argv[1], sys.argv[2] == "true"
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = postgres = 0
for trx in glob.glob(f"{results}/**/*.trx", recursive=True):
    for result in ET.parse(trx).getroot().iterfind(".//t:UnitTestResult", ns):
        outcome = result.get("outcome")
        if outcome == "Passed":
            passed += 1
            if "PostgreSql" in result.get("testName", ""):
                postgres += 1
        elif outcome == "NotExecuted":
            skipped += 1
        else:
            failed += 1
print(f"PostgreSQL tests passed: {postgres}")
print(f"{passed} passed, {failed} failed, {skipped} skipped")
if require_postgres and postgres == 0:
    print("FAIL: no PostgreSQL test ran", file=sys.stderr)
    sys.exit(3)
if require_postgres and skipped:
    print("FAIL: tests were skipped under CI", file=sys.stderr)
    sys.exit(4)
PY
exit $status
