#!/usr/bin/env bash
# The large-database benchmark: a private PostgreSQL cluster with the demo distributor and a year
# of orders made through the domain model and written with binary COPY (bench/Orderly.LargeDb
# generate), then the order queries of a Release `orderly serve` over HTTP, one request at a time,
# p50/p95/p99 per kind (bench/Orderly.LargeDb query). Writes artifacts/bench/largedb.json and
# largedb.md and prints the table. Target: every order query's p95 under 20 ms.
#   scripts/bench-largedb.sh           1,000,000 orders, 300 requests per kind after 20 s of warm-up (every kind in turns)
#   scripts/bench-largedb.sh --smoke   20,000 orders, 50 requests per kind after 3 s: CI runs it so the bench cannot rot
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/postgres.sh

orders=1000000
requests=300
warmup=30
warmup_seconds=20
if [ "${1:-}" = "--smoke" ]; then orders=20000; requests=50; warmup=10; warmup_seconds=3; fi
port=5396
out=artifacts/bench
mkdir -p "$out"
work="$(mktemp -d /tmp/orderly-largedb.XXXXXX)"
export Logging__LogLevel__Default=Warning
started=$SECONDS

# The build a deployment runs (scripts/publish.sh), unless ORDERLY_DLL names another (an A/B run).
source scripts/lib/orderly-build.sh
use_orderly_build
dotnet build bench/Orderly.LargeDb -c Release -nologo -v quiet
orderly=(dotnet "$ORDERLY_DLL")
largedb=(dotnet bench/Orderly.LargeDb/bin/Release/net10.0/Orderly.LargeDb.dll)

# A bulk load writes gigabytes of WAL; fewer checkpoints during it save rewriting whole pages. Reads are unaffected.
PG_EXTRA_OPTIONS="${PG_EXTRA_OPTIONS:-} -c max_wal_size=8GB -c checkpoint_timeout=30min"
start_private_postgres
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  stop_private_postgres
  rm -rf "$work"
}
trap cleanup EXIT

seeding=$SECONDS
"${orderly[@]}" seed demo --db "$PG_URL" >/dev/null
echo "==> Demo seeded in $((SECONDS - seeding)) s"
generating=$SECONDS
"${largedb[@]}" generate --db "$PG_URL" --orders "$orders" --result "$work/generation.json"
echo "==> $orders orders generated in $((SECONDS - generating)) s"

"${orderly[@]}" serve --db "$PG_URL" --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log"; echo "error: orderly serve stopped" >&2; exit 1; }
  sleep 0.2
done
token="$("${orderly[@]}" token create --user admin --name bench-largedb --db "$PG_URL")"
# The demo's branch supervisor sees only the orders of the Detroit branch (BR-DET): the scoped searches.
scoped_token="$("${orderly[@]}" token create --user supervisor --name bench-largedb-scoped --db "$PG_URL")"
"${largedb[@]}" query --db "$PG_URL" --url "http://127.0.0.1:$port" --token "$token" --scoped-token "$scoped_token" \
  --requests "$requests" --warmup "$warmup" --warmup-seconds "$warmup_seconds" --generation "$work/generation.json" --out "$out" --server-pid "$server"
echo "==> bench-largedb took $((SECONDS - started)) s in all (artifacts: $out/largedb.json, $out/largedb.md)"
