#!/usr/bin/env bash
# The bulk-load benchmark: items, customers and opening stock balances loaded through Orderly's
# own import commands (`orderly import items|customers|stock`, each its own process, on a fresh
# database seeded with the demo), against the engine's bulk limit writing the same rows (SQLite
# prepared batches of 10,000 in one transaction; PostgreSQL binary COPY), on SQLite and on a
# private PostgreSQL cluster. Appends one JSON object per engine (one per line) to
# artifacts/bench/bulk.json and one Markdown table row to artifacts/bench/bulk.md, and prints them.
#   scripts/bench-bulk.sh                1,000,000 balance rows per engine (about 4 minutes on 2 cores)
#   scripts/bench-bulk.sh --smoke        20,000 rows: CI runs it so the benchmark cannot rot
#   scripts/bench-bulk.sh --balances N   N rows per engine
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/postgres.sh

balances=1000000
case "${1:-}" in
  --smoke) balances=20000 ;;
  --balances) balances="$2" ;;
  "") ;;
  *) echo "usage: scripts/bench-bulk.sh [--smoke | --balances N]" >&2; exit 1 ;;
esac
out=artifacts/bench
mkdir -p "$out"
work="$(mktemp -d /tmp/orderly-bulk.XXXXXX)"
export Logging__LogLevel__Default=Warning

# The build a deployment runs (scripts/publish.sh), unless ORDERLY_DLL names another (an A/B run).
source scripts/lib/orderly-build.sh
use_orderly_build
dotnet build bench/Orderly.BulkBench -c Release -nologo -v quiet
orderly="$ORDERLY_DLL"
bench=(dotnet bench/Orderly.BulkBench/bin/Release/net10.0/Orderly.BulkBench.dll)

if [ ! -s "$out/bulk.md" ]; then
  {
    echo "| date | engine | balance rows | import rows/s | limit rows/s | ratio | import s (process s) | limit s | items rows/s import / limit | customers rows/s import / limit |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
  } >"$out/bulk.md"
fi

# The bench's last two lines are its result as JSON and as a Markdown row; the rest is progress.
run_engine() {
  "${bench[@]}" "$@" | tee "$work/run.log"
  tail -n 2 "$work/run.log" | head -n 1 >>"$out/bulk.json"
  tail -n 1 "$work/run.log" >>"$out/bulk.md"
}

run_engine sqlite "$orderly" "$work/sqlite" "$balances"
start_private_postgres
run_engine postgres "$orderly" "$work/postgres" "$balances" "$PG_URL"

tail -n 2 "$out/bulk.md"
rm -rf "$work"
