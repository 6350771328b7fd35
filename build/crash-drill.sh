#!/usr/bin/env bash
# The long crash drill (issue 11, item 6): the server is killed with SIGKILL at random points of form saves, imports,
# submissions/approvals and reminder runs, and started again — 200 times on SQLite and 50 on PostgreSQL by default —
# checking after each kill that nothing acknowledged was lost and nothing was left half done (tests/BaoCao.Tests/ProveIt/
# CrashSafetyTests.cs; CI runs the same test with a few kills). Needs PostgreSQL (BAOCAO_TEST_POSTGRES, else the local
# postgres/postgres). Takes ≈ 40 min on 2 cores.
#   build/crash-drill.sh [SQLITE_RUNS [POSTGRES_RUNS]]     BAOCAO_CRASH_SEED=N replays one random sequence
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export BAOCAO_TEST_POSTGRES=${BAOCAO_TEST_POSTGRES:-"Host=127.0.0.1;Username=postgres;Password=postgres"}
export BAOCAO_CRASH_RUNS_SQLITE=${1:-200} BAOCAO_CRASH_RUNS_POSTGRES=${2:-50}
dotnet build "$root/tests/BaoCao.Tests" -c Release -v q -nologo >/dev/null
dotnet test "$root/tests/BaoCao.Tests" -c Release --no-build --filter "FullyQualifiedName~CrashSafetyTests" \
  --logger "console;verbosity=detailed" 2>&1 | grep -E "Crash drill|Passed |Failed |Error Message|run [0-9]+ \(|Total tests|^\s+(Passed|Failed):"
