#!/usr/bin/env bash
# Installs (Debian's package) and starts a local PostgreSQL on 127.0.0.1:5432 for the tests, as root,
# without systemd. Source it to get BAOCAO_TEST_POSTGRES exported:  . build/start-postgres.sh
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
PGVER=$(ls /usr/lib/postgresql | sort -V | tail -1)
pg_lsclusters -h | grep -q "^$PGVER main" || pg_createcluster "$PGVER" main >/dev/null
echo "listen_addresses = '127.0.0.1'" > "/etc/postgresql/$PGVER/main/conf.d/listen.conf"
# Test databases come and go by the dozen; durability is not needed for them.
printf "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\nmax_connections = 300\n" > "/etc/postgresql/$PGVER/main/conf.d/tests.conf"
pg_ctlcluster "$PGVER" main status >/dev/null 2>&1 || pg_ctlcluster "$PGVER" main start
for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -q && break; sleep 1; done
pg_isready -h 127.0.0.1 -q || { echo "PostgreSQL did not start" >&2; exit 1; }
su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\""
export BAOCAO_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres"
echo "PostgreSQL $PGVER ready: BAOCAO_TEST_POSTGRES=$BAOCAO_TEST_POSTGRES"
