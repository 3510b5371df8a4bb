# Sourced by scripts/test.sh and scripts/bench-capture.sh: installs PostgreSQL when missing (as
# root, from Debian packages) and starts a private, throw-away cluster on a free loopback port.
# After `start_private_postgres`, $PG_URL holds its connection string; the cluster is removed on exit.

find_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

ensure_postgres_installed() {
  [ -x "$(find_pg_bin)/initdb" ] && return 0
  if [ "$(id -u)" = 0 ]; then
    echo "==> Installing postgresql (Debian packages)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  else
    echo "error: postgresql is missing; run this script as root once so it can apt-get install it" >&2
    exit 1
  fi
}

start_private_postgres() {
  ensure_postgres_installed
  PG_BIN="$(find_pg_bin)"
  PG_DIR="$(mktemp -d /tmp/orderly-pg.XXXXXX)"
  AS_PG=()
  if [ "$(id -u)" = 0 ]; then
    # PostgreSQL refuses to run as root; the Debian package's postgres user runs the cluster.
    chown postgres:postgres "$PG_DIR"
    AS_PG=(runuser -u postgres --)
  fi
  local port=55432
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  trap stop_private_postgres EXIT
  echo "==> Starting PostgreSQL ($("$PG_BIN/postgres" --version | awk '{print $3}')) on 127.0.0.1:$port"
  "${AS_PG[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U orderly --auth=trust -E UTF8 --no-sync >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log"; echo "error: initdb failed" >&2; exit 1; }
  "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 ${PG_EXTRA_OPTIONS:-}" start >/dev/null \
    || { cat "$PG_DIR/server.log"; echo "error: PostgreSQL did not start" >&2; exit 1; }
  PG_URL="Host=127.0.0.1;Port=$port;Username=orderly;Database=postgres"
}

stop_private_postgres() {
  "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
