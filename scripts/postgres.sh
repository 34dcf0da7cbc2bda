# Sourced: start_postgres PORT starts a throwaway PostgreSQL cluster (Debian's server, no systemd)
# on 127.0.0.1:PORT with trust auth for user postgres and exports PG_BIN and PG_URL; stop_postgres
# stops it and removes its data.
PG_WORK=""

as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

start_postgres() {
  local port="$1"
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  PG_WORK=$(mktemp -d /tmp/kubeflow-portal-pg.XXXXXX)
  chmod 755 "$PG_WORK"
  chown postgres "$PG_WORK" 2>/dev/null || true
  as_postgres "$PG_BIN/initdb -D $PG_WORK/data -U postgres --auth=trust" >/dev/null
  as_postgres "$PG_BIN/pg_ctl -D $PG_WORK/data -o '-p $port -k $PG_WORK -c listen_addresses=127.0.0.1' -w -l $PG_WORK/pg.log start" >/dev/null
  export PG_BIN PG_PORT="$port" PG_URL="postgresql://postgres@127.0.0.1:$port"
  echo "postgres: $("$PG_BIN/postgres" --version) on 127.0.0.1:$port"
}

stop_postgres() {
  [ -n "$PG_WORK" ] || return 0
  as_postgres "$PG_BIN/pg_ctl -D $PG_WORK/data -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$PG_WORK"
  PG_WORK=""
}
