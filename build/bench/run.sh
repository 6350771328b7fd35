#!/usr/bin/env bash
# Runs named benchmarks (all when none is named) against the app built in Release on a fresh embedded
# database, and prints one table: candidate and baseline medians from the same run, and their ratio.
#   build/bench/run.sh [health ...]        BENCH_ROUNDS=5 BENCH_SECONDS=3 by default
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
port=${BENCH_PORT:-5099}
work=$(mktemp -d)
trap 'kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build "$root/src/BaoCao.Web" -c Release -v q -nologo >/dev/null
dotnet build "$root/build/bench/BaoCao.Benchmarks" -c Release -v q -nologo >/dev/null

export BENCH_DEMO_PASSWORD="bench-password-2026-long"
ConnectionStrings__BaoCao="Data Source=$work/bench.db" Demo__Password="$BENCH_DEMO_PASSWORD" \
  Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production \
  dotnet "$root/src/BaoCao.Web/bin/Release/net10.0/BaoCao.Web.dll" --urls "http://127.0.0.1:$port" \
  --contentRoot "$root/src/BaoCao.Web" >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health/live" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null || { cat "$work/app.log"; echo "the app did not become ready" >&2; exit 1; }

dotnet "$root/build/bench/BaoCao.Benchmarks/bin/Release/net10.0/BaoCao.Benchmarks.dll" "http://127.0.0.1:$port" "$@"
