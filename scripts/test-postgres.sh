#!/usr/bin/env bash
# Proves app-config.production.yaml: runs the built backend on PostgreSQL (the server test.sh
# started, or a throwaway one), waits for readiness and checks that the catalog stored the demo
# organisation in PostgreSQL.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"
source scripts/postgres.sh
source scripts/backend-bundle.sh

BACKEND_PORT=${PG_TEST_BACKEND_PORT:-7017}
work=$(mktemp -d /tmp/kubeflow-portal-prod.XXXXXX)
backend_pid=""
own_pg=""
cleanup() {
  [ -n "$backend_pid" ] && kill "$backend_pid" 2>/dev/null || true
  # Kept for scripts/canary-scan.sh when the test command collects logs.
  [ -n "${KUBEFLOW_TEST_LOG_DIR:-}" ] && cp "$work/backend.log" "$KUBEFLOW_TEST_LOG_DIR/production-backend.log" 2>/dev/null || true
  [ -n "$own_pg" ] && stop_postgres
  rm -rf "$work"
}
trap cleanup EXIT
if [ -z "${PG_URL:-}" ]; then
  start_postgres "${PG_TEST_PORT:-5433}"
  own_pg=1
fi
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)}

# The backend bundle built by `yarn build:backend`, unpacked as the Dockerfile does.
unpack_backend "$work/backend"
# The cluster credential is a canary (assembled here, never written whole in this file): the
# canary scan proves the production backend never logs it.
canary="KFCANARY_prodtoken_$(printf '%s' 5e0d41a7)"
sandbox_cluster_config "$canary" >"$work/canary.yaml"
(
  cd "$work/backend"
  POSTGRES_HOST=127.0.0.1 POSTGRES_PORT=$PG_PORT POSTGRES_USER=postgres POSTGRES_PASSWORD=unused \
  APP_CONFIG_backend_listen_port=$BACKEND_PORT APP_CONFIG_backend_baseUrl=http://localhost:$BACKEND_PORT \
  NODE_ENV=production exec node packages/backend --config app-config.yaml --config app-config.production.yaml \
    --config "$work/canary.yaml"
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
psql_q() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "$2" "$1" 2>/dev/null; }
count=0
for _ in $(seq 1 60); do
  count=$(psql_q backstage_plugin_catalog "select count(*) from final_entities where final_entity like '%alice@example.com%'" || echo 0)
  [ "${count:-0}" -ge 1 ] 2>/dev/null && break
  sleep 1
done
if ! [ "${count:-0}" -ge 1 ] 2>/dev/null; then
  echo "postgres: the catalog did not store the demo organisation in PostgreSQL; backend log:" >&2
  tail -n 60 "$work/backend.log" >&2
  exit 1
fi
databases=$(psql_q postgres "select count(*) from pg_database where datname like 'backstage_plugin_%'")
echo "postgres: backend ready on PostgreSQL with $databases plugin databases; the catalog stored user alice: 1 passed, 0 failed"
