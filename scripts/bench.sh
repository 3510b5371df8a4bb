#!/usr/bin/env bash
# The benchmark run the benchmarks issue asks for, one command, in this order:
#  1. capture and allocation through HTTP: bench/Orderly.LoadGen (its own process) against a Release
#     `orderly serve` with the demo distributor, after a warm-up of 2,000 orders that is not measured,
#     1, 4 and 16 clients and the batch endpoint, on
#     SQLite and on a private PostgreSQL cluster; server CPU seconds per 1,000 orders and RSS from /proc;
#  2. the storage limit in the same run: bench/Orderly.StorageLimit writes the same rows per order
#     with prepared statements, one transaction per order, on a fresh demo database of the same
#     engine; the ratio is Orderly's orders/s over the limit's, both with 4 clients;
#  3. the allocation engine in memory (BenchmarkDotNet, bench/Orderly.Bench);
#  4. bulk load through `orderly import` against the engine's bulk limit (scripts/bench-bulk.sh);
#  5. a PostgreSQL database of 1,000,000 orders and the order queries' latency (scripts/bench-largedb.sh).
# Writes artifacts/bench/results.json and results.md (1-3), bulk.json|md (4) and largedb.json|md (5).
#   scripts/bench.sh            the full run (about 15 minutes on 2 cores)
#   scripts/bench.sh --smoke    a few hundred orders per case, 20,000 balances and 20,000 orders, no
#                               BenchmarkDotNet: CI runs it so the bench cannot rot (no targets asserted)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/postgres.sh

orders=1500
warmup=2000
smoke=false
if [ "${1:-}" = "--smoke" ]; then smoke=true; orders=200; warmup=100; fi
port=5394
out=artifacts/bench
mkdir -p "$out"
work="$(mktemp -d /tmp/orderly-bench.XXXXXX)"
export ORDERLY_DEMO_PASSWORD="Bench-Password-2026!"
export Logging__LogLevel__Default=Warning
ticks=$(getconf CLK_TCK)

# The build a deployment runs (scripts/publish.sh), unless ORDERLY_DLL names another (an A/B run).
source scripts/lib/orderly-build.sh
use_orderly_build
dotnet build bench/Orderly.LoadGen -c Release -nologo -v quiet
dotnet build bench/Orderly.StorageLimit -c Release -nologo -v quiet
orderly=(dotnet "$ORDERLY_DLL")
loadgen=(dotnet bench/Orderly.LoadGen/bin/Release/net10.0/Orderly.LoadGen.dll)
limit=(dotnet bench/Orderly.StorageLimit/bin/Release/net10.0/Orderly.StorageLimit.dll)
results="$work/results.jsonl"
table="$work/results.tsv"
ratios="$work/ratios.tsv"
: >"$results"
: >"$table"
: >"$ratios"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

run_engine() {
  local engine="$1" db="$2" limit_db="$3"
  # The demo is seeded by its own command on both engines, as a deployment's data is loaded before
  # its server starts: a server that seeds the demo itself keeps the seed's compiled code and heap,
  # about 15 MiB more after the load (docs/performance.md, memory).
  "${orderly[@]}" seed demo --db "$db" >/dev/null
  "${orderly[@]}" serve --db "$db" --urls "http://127.0.0.1:$port" >"$work/$engine.log" 2>&1 &
  local server=$!
  until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.2; done
  local token; token="$("${orderly[@]}" token create --user admin --name "bench-$engine" --db "$db")"
  # Warm-up, not measured: the first few thousand requests run while the JIT is still compiling and
  # re-optimising the hot path (tiered compilation, about a quarter of the CPU in a cold 1,500-order
  # run); a server at its peak has been running for hours.
  "${loadgen[@]}" "http://127.0.0.1:$port" "$token" "$warmup" 4 5 >/dev/null
  for case in "1 0" "4 0" "16 0" "4 50"; do
    set -- $case
    local before; before=$(cpu_ticks "$server")
    local output; output="$("${loadgen[@]}" "http://127.0.0.1:$port" "$token" "$orders" "$1" 5 "$2")"
    local line; line="$(echo "$output" | tail -n 2 | head -n 1)"
    local row; row="$(echo "$output" | tail -n 1)"
    local after; after=$(cpu_ticks "$server")
    local cpu; cpu=$(awk -v t=$((after - before)) -v hz="$ticks" -v n="$orders" 'BEGIN { printf "%.2f", t / hz / n * 1000 }')
    local rss; rss=$(awk '/VmHWM/ {printf "%d", $2/1024}' "/proc/$server/status")
    echo "{\"engine\":\"$engine\",\"cpuSecondsPer1000Orders\":$cpu,\"peakRssMiB\":$rss,\"result\":$line}" >>"$results"
    printf '%s\t%s\t%s\t%s\n' "$engine" "$row" "$cpu" "$rss" >>"$table"
    echo "$engine, $1 client(s), batch ${2/#0/none}: $(echo "$output" | tail -n 3 | head -n 1); server CPU ${cpu} s per 1,000 orders; peak RSS ${rss} MiB"
  done
  local settled; settled=$(awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$server/status")
  echo "$engine: RSS after the load ${settled} MiB"
  kill "$server"; wait "$server" 2>/dev/null || true

  # The storage limit, in the same run: the same rows per order, written by a minimal program with
  # prepared statements, one transaction per order, 4 connections, into a fresh demo database of
  # the same engine at the same durability settings.
  "${orderly[@]}" seed demo --db "$limit_db" >/dev/null
  local limit_output; limit_output="$("${limit[@]}" "$engine" "$limit_db" "$orders" 4 5)"
  echo "$limit_output" | head -n 2
  local limit_line; limit_line="$(echo "$limit_output" | tail -n 2 | head -n 1)"
  local orderly_rate; orderly_rate=$(awk -F'\t' -v e="$engine" '$1 == e && $2 == 4 && $3 == "-" {print $4}' "$table")
  local limit_rate; limit_rate=$(echo "$limit_output" | tail -n 1 | cut -f 3)
  local ratio; ratio=$(awk -v a="$orderly_rate" -v b="$limit_rate" 'BEGIN { printf "%.2f", a / b }')
  echo "{\"engine\":\"$engine\",\"storageLimit\":$limit_line,\"orderlyOrdersPerSecond\":$orderly_rate,\"ratio\":$ratio,\"rssAfterLoadMiB\":$settled}" >>"$results"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$engine" "$orderly_rate" "$limit_rate" "$ratio" "$(echo "$limit_output" | tail -n 1 | cut -f 7)" "$settled" >>"$ratios"
  echo "$engine: Orderly $orderly_rate orders/s with 4 clients, storage limit $limit_rate orders/s: ratio $ratio"
}

run_engine sqlite "$work/bench.db" "$work/limit.db"
start_private_postgres
pg_port="${PG_URL#*Port=}"; pg_port="${pg_port%%;*}"
"$PG_BIN/psql" -q -h 127.0.0.1 -p "$pg_port" -U orderly -d postgres -c "CREATE DATABASE storage_limit"
run_engine postgres "$PG_URL" "${PG_URL/Database=postgres/Database=storage_limit}"

stop_private_postgres

if [ "$smoke" = false ]; then
  # Not BenchmarkDotNet's short job: its 3 warm-up iterations end before tiered compilation has
  # optimised the engine, which overstated the time per line by up to 80 %.
  dotnet run -c Release --project bench/Orderly.Bench -- --filter '*' --launchCount 1 --warmupCount 10 --iterationCount 15 --artifacts "$work/bdn" >/dev/null
  cp "$work"/bdn/results/*-report-github.md "$out/allocation-engine.md"
fi

{
  echo "[";
  sed '$!s/$/,/' "$results";
  echo "]";
} >"$out/results.json"
{
  echo "| engine | clients | batch | orders/s | lines/s | p50 ms | p95 ms | p99 ms | server CPU s / 1000 orders | peak RSS MiB | failed |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $10, $11, $9 }' "$table"
  echo
  echo "| engine | Orderly orders/s (4 clients) | storage limit orders/s (4 connections) | ratio | storage limit p99 ms | Orderly RSS after the load MiB |"
  echo "|---|---|---|---|---|---|"
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6 }' "$ratios"
} >"$out/results.md"
cat "$out/results.md"
if [ "$smoke" = false ]; then tail -n 3 "$out/allocation-engine.md"; fi
rm -rf "$work"

# Each starts and removes its own PostgreSQL cluster.
smoke_flag=()
if [ "$smoke" = true ]; then smoke_flag=(--smoke); fi
scripts/bench-bulk.sh "${smoke_flag[@]}"
scripts/bench-largedb.sh "${smoke_flag[@]}"
