#!/usr/bin/env bash
# Measures capture-and-allocate throughput through HTTP: a Release `orderly serve` with the demo
# distributor, and the load generator (bench/Orderly.LoadGen) posting 5-line orders with 4 clients,
# first on SQLite, then on a private PostgreSQL cluster, each after a warm-up that is not measured
# (scripts/bench.sh says why). Usage: scripts/bench-capture.sh [orders] [clients] [warm-up orders]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/postgres.sh
orders="${1:-2000}"
clients="${2:-4}"
warmup="${3:-2000}"
port=5390

# The build a deployment runs (scripts/publish.sh), unless ORDERLY_DLL names another (an A/B run).
source scripts/lib/orderly-build.sh
use_orderly_build
dotnet build bench/Orderly.LoadGen -c Release -nologo -v quiet
orderly=(dotnet "$ORDERLY_DLL")
work="$(mktemp -d /tmp/orderly-bench.XXXXXX)"
export ORDERLY_DEMO_PASSWORD="Bench-Password-2026!"
export Logging__LogLevel__Default=Warning

run() {
  local label="$1" db="$2"
  # The demo is seeded by its own command on both engines, as a deployment's data is loaded before
  # its server starts: a server that seeds the demo itself keeps the seed's compiled code and heap,
  # about 15 MiB more after the load (docs/performance.md, memory).
  "${orderly[@]}" seed demo --db "$db" >/dev/null
  "${orderly[@]}" serve --db "$db" --urls "http://127.0.0.1:$port" >"$work/$label.log" 2>&1 &
  local server=$!
  until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.2; done
  local token; token="$("${orderly[@]}" token create --user admin --name "bench-$label" --db "$db")"
  dotnet bench/Orderly.LoadGen/bin/Release/net10.0/Orderly.LoadGen.dll "http://127.0.0.1:$port" "$token" "$warmup" "$clients" 5 >/dev/null
  echo -n "$label: "
  dotnet bench/Orderly.LoadGen/bin/Release/net10.0/Orderly.LoadGen.dll "http://127.0.0.1:$port" "$token" "$orders" "$clients" 5
  echo "$label: server RSS $(awk '/VmRSS/ {printf "%d MiB", $2/1024}' /proc/$server/status)"
  kill "$server"; wait "$server" 2>/dev/null || true
}

run sqlite "$work/bench.db"
start_private_postgres
run postgres "$PG_URL"
rm -rf "$work"
