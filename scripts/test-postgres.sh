#!/usr/bin/env bash
# Proves app-config.production.yaml: starts a throwaway PostgreSQL cluster, runs the built backend
# on it, waits for readiness and checks that the catalog stored the demo organisation in PostgreSQL.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PG_PORT=${PG_TEST_PORT:-5433}
BACKEND_PORT=${PG_TEST_BACKEND_PORT:-7017}
work=$(mktemp -d /tmp/kubeflow-portal-pg.XXXXXX)
chmod 755 "$work"
chown postgres "$work" 2>/dev/null || true
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

backend_pid=""
cleanup() {
  [ -n "$backend_pid" ] && kill "$backend_pid" 2>/dev/null || true
  as_postgres "$PG_BIN/pg_ctl -D $work/data -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

as_postgres "$PG_BIN/initdb -D $work/data -U postgres --auth=trust" >/dev/null
as_postgres "$PG_BIN/pg_ctl -D $work/data -o '-p $PG_PORT -k $work -c listen_addresses=127.0.0.1' -w -l $work/pg.log start" >/dev/null
echo "postgres: $("$PG_BIN/postgres" --version) on 127.0.0.1:$PG_PORT"

# The backend bundle built by `yarn build:backend`, unpacked as the Dockerfile does.
source scripts/backend-bundle.sh
unpack_backend "$work/backend"

(
  cd "$work/backend"
  POSTGRES_HOST=127.0.0.1 POSTGRES_PORT=$PG_PORT POSTGRES_USER=postgres POSTGRES_PASSWORD=unused \
  APP_CONFIG_backend_listen_port=$BACKEND_PORT APP_CONFIG_backend_baseUrl=http://localhost:$BACKEND_PORT \
  NODE_ENV=production exec node packages/backend --config app-config.yaml --config app-config.production.yaml
) >"$work/backend.log" 2>&1 &
backend_pid=$!

ready=""
for _ in $(seq 1 180); do
  if curl -sf "http://127.0.0.1:$BACKEND_PORT/.backstage/health/v1/readiness" >/dev/null; then ready=1; break; fi
  kill -0 "$backend_pid" 2>/dev/null || break
  sleep 1
done
if [ -z "$ready" ]; then
  echo "postgres: the backend did not become ready; its log:" >&2
  tail -n 60 "$work/backend.log" >&2
  exit 1
fi

# The catalog writes entities to its own database (one database per plugin).
count=""
for _ in $(seq 1 60); do
  count=$(as_postgres "$PG_BIN/psql -h 127.0.0.1 -p $PG_PORT -U postgres -d backstage_plugin_catalog -tAc \"select count(*) from final_entities where final_entity like '%alice@example.com%'\"" 2>/dev/null || true)
  [ "${count:-0}" -ge 1 ] 2>/dev/null && break
  sleep 1
done
if [ "${count:-0}" -lt 1 ] 2>/dev/null || [ -z "$count" ]; then
  echo "postgres: the catalog did not store the demo organisation in PostgreSQL; backend log:" >&2
  tail -n 60 "$work/backend.log" >&2
  exit 1
fi
tables=$(as_postgres "$PG_BIN/psql -h 127.0.0.1 -p $PG_PORT -U postgres -tAc \"select count(*) from pg_database where datname like 'backstage_plugin_%'\"")
echo "postgres: backend ready on PostgreSQL with $tables plugin databases; the catalog stored user alice: 1 passed, 0 failed"
