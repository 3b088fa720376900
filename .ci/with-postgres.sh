#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL server on loopback and ALTDESK_TEST_PG_URL set.
# The server refuses to run as root, so it runs as the postgres user. Without server
# binaries the command still runs and the PostgreSQL tests say loudly that they skipped.
set -u
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
  echo "with-postgres: no PostgreSQL server binaries; PostgreSQL tests will be skipped." >&2
  exec "$@"
fi
RUN_AS=()
if [ "$(id -u)" -eq 0 ]; then
  RUN_AS=(runuser -u postgres --)
fi
BASE=$(mktemp -d /tmp/altdesk-pg.XXXXXX)
chmod 755 "$BASE"
DATA="$BASE/data"; SOCK="$BASE/sock"
mkdir -p "$DATA" "$SOCK"
[ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$BASE"
PORT=$(( 20000 + RANDOM % 20000 ))
cleanup() {
  "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$DATA" -m immediate stop >/dev/null 2>&1
  rm -rf "$BASE"
}
trap cleanup EXIT
if "${RUN_AS[@]}" "$PG_BIN/initdb" -D "$DATA" -A trust -U postgres >"$BASE/initdb.log" 2>&1 \
   && "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$DATA" -l "$BASE/server.log" \
        -o "-p $PORT -k $SOCK -c listen_addresses=127.0.0.1 -c fsync=off" -w start >/dev/null; then
  export ALTDESK_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$PORT/postgres"
  echo "with-postgres: PostgreSQL running on 127.0.0.1:$PORT"
else
  echo "with-postgres: could not start PostgreSQL (see below); PostgreSQL tests will be skipped." >&2
  cat "$BASE/initdb.log" "$BASE/server.log" 2>/dev/null | tail -20 >&2
fi
"$@"
