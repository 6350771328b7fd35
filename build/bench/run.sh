#!/usr/bin/env bash
# Runs named benchmarks (all when none is named) against the app built in Release on a fresh database, and prints
# one table: candidate and baseline medians from the same run, and their ratio.
#   build/bench/run.sh [health|sign-in|formula|forms ...]     BENCH_ROUNDS=5 BENCH_SECONDS=3 by default
#   BENCH_DATABASE=postgres build/bench/run.sh forms          on PostgreSQL (BAOCAO_TEST_POSTGRES, default local postgres/postgres)
#   build/bench/run.sh reminders                               2,000 late units' reminders to a local SMTP server the benchmark runs
#   build/bench/run.sh dashboards                              24 million figures (2,000 units × 200 indicators × 60 months); ~15 min, ~5 GB of disk
#   build/bench/run.sh load                                    deadline-day mix at 100/s and stepping up until p95 > 200 ms; entry read vs minimal endpoint
#   build/bench/report                                         every benchmark, one table
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
port=${BENCH_PORT:-5099}
work=$(mktemp -d)
database=baocao_bench_$$
provider=${BENCH_DATABASE:-sqlite}
cleanup() {
  kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; rm -rf "$work"
  if [ "$provider" = postgres ]; then su postgres -c "dropdb --if-exists $database" 2>/dev/null || true; fi
}
trap cleanup EXIT

dotnet build "$root/src/BaoCao.Web" -c Release -v q -nologo >/dev/null
dotnet build "$root/build/bench/BaoCao.Benchmarks" -c Release -v q -nologo >/dev/null

export BENCH_DEMO_PASSWORD="bench-password-2026-long"
export BENCH_SMTP_PORT=${BENCH_SMTP_PORT:-2525}
if [ "$provider" = postgres ]; then
  su postgres -c "createdb $database"
  export BENCH_DB_PROVIDER=PostgreSql BENCH_DB="${BAOCAO_TEST_POSTGRES:-Host=127.0.0.1;Username=postgres;Password=postgres};Database=$database"
else
  export BENCH_DB_PROVIDER=Sqlite BENCH_DB="Data Source=$work/bench.db"
fi
Database__Provider=$BENCH_DB_PROVIDER ConnectionStrings__BaoCao="$BENCH_DB" Smtp__Host=127.0.0.1 Smtp__Port=$BENCH_SMTP_PORT Demo__Seed=true Demo__Password="$BENCH_DEMO_PASSWORD" \
  Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production \
  dotnet "$root/src/BaoCao.Web/bin/Release/net10.0/BaoCao.Web.dll" --urls "http://127.0.0.1:$port" \
  --contentRoot "$root/src/BaoCao.Web" >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health/live" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null || { cat "$work/app.log"; echo "the app did not become ready" >&2; exit 1; }

BENCH_APP_PID=$app dotnet "$root/build/bench/BaoCao.Benchmarks/bin/Release/net10.0/BaoCao.Benchmarks.dll" "http://127.0.0.1:$port" "$@"
