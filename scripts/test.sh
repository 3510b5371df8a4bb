#!/usr/bin/env bash
# The one test command (README, CI). It installs what the tests need when run as root (Debian
# packages postgresql and chromium), starts a private PostgreSQL cluster on a free loopback port, runs every test
# against SQLite and that server, and removes the cluster afterwards. On CI (CI=true) a missing
# prerequisite is a failure, never a skip. Extra arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/postgres.sh
source scripts/lib/chromium.sh

command -v dotnet >/dev/null || { echo "error: the .NET 10 SDK (dotnet) is not on PATH" >&2; exit 1; }
ensure_chromium_installed
# fsync off: the cluster is thrown away after the run, and durability is not what the tests test.
PG_EXTRA_OPTIONS="-c fsync=off -c full_page_writes=off" start_private_postgres
export ORDERLY_TEST_PG="$PG_URL;Maximum Pool Size=100"

echo "==> Building"
dotnet build Orderly.slnx -c Release -nologo -v quiet
echo "==> Running every test (SQLite and PostgreSQL, and Chromium for the pages)"
status=0
dotnet test --solution Orderly.slnx -c Release --no-build "$@" || status=$?
# The browser tests' screenshots, for a person to look at after the run (a failed run's most of all).
mkdir -p artifacts/screenshots && cp tests/Orderly.Browser.Tests/bin/Release/net10.0/screenshots/*.png artifacts/screenshots/ 2>/dev/null || true
exit "$status"
