#!/usr/bin/env bash
# Publishes Orderly for deployment: Release, framework-dependent, for this machine's platform, with ReadyToRun
# code (compiled ahead of time, so a process starts without JIT-compiling its first paths: a CLI
# command or a server start a quarter to a half faster; docs/performance.md §7). The benchmarks
# measure this build.
#   scripts/publish.sh [OUT]    default OUT: artifacts/publish/orderly; run with: dotnet OUT/orderly.dll
# Prints the full path of OUT/orderly.dll, and nothing else, on standard output (dotnet's own output
# goes to standard error), so scripts can take it: ORDERLY_DLL="$(scripts/publish.sh)".
set -euo pipefail
out="$(realpath -m "${1:-$(dirname "$0")/../artifacts/publish/orderly}")"
cd "$(dirname "$0")/.."
dotnet publish src/Orderly -c Release --use-current-runtime --self-contained false -o "$out" -nologo -v quiet >&2
echo "$out/orderly.dll"
