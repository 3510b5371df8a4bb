#!/usr/bin/env bash
# The one test command (README, CI). It installs what the tests need when run as root (Debian
# packages), starts a private PostgreSQL cluster on a free loopback port, runs every test
# against SQLite and that server, and removes the cluster afterwards. On CI (CI=true) a missing
# prerequisite is a failure, never a skip.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }

find_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# --- prerequisites -----------------------------------------------------------------------------
missing=()
[ -x "$(find_pg_bin)/initdb" ] || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    say "Installing ${missing[*]} (Debian packages)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    fail "missing ${missing[*]}; run this script as root once so it can apt-get install them"
  fi
fi
command -v dotnet >/dev/null || fail "the .NET 10 SDK (dotnet) is not on PATH"

# --- a private PostgreSQL cluster ----------------------------------------------------------------
pg_bin="$(find_pg_bin)"
pg_dir="$(mktemp -d /tmp/orderly-pg.XXXXXX)"
as_pg=()
if [ "$(id -u)" = 0 ]; then
  # PostgreSQL refuses to run as root; the Debian package's postgres user runs the test cluster.
  chown postgres:postgres "$pg_dir"
  as_pg=(runuser -u postgres --)
fi
port=55432
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done

stop_pg() {
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_pg EXIT

say "Starting PostgreSQL ($("$pg_bin/postgres" --version | awk '{print $3}')) on 127.0.0.1:$port"
"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U orderly --auth=trust -E UTF8 --no-sync >"$pg_dir/initdb.log" 2>&1 \
  || { cat "$pg_dir/initdb.log"; fail "initdb failed"; }
# fsync off: the cluster is thrown away after the run, and durability is not what the tests test.
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
  -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c full_page_writes=off" start >/dev/null \
  || { cat "$pg_dir/server.log"; fail "PostgreSQL did not start"; }
export ORDERLY_TEST_PG="Host=127.0.0.1;Port=$port;Username=orderly;Database=postgres;Maximum Pool Size=100"

# --- the tests -----------------------------------------------------------------------------------
say "Building"
dotnet build Orderly.slnx -c Release -nologo -v quiet
say "Running every test (SQLite and PostgreSQL)"
dotnet test --solution Orderly.slnx -c Release --no-build "$@"
