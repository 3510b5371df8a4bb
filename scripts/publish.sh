#!/usr/bin/env bash
# Publishes Orderly for deployment: Release, framework-dependent, for linux-x64, with ReadyToRun
# code (compiled ahead of time, so a process starts without JIT-compiling its first paths: a CLI
# command or a server start about a quarter faster; see docs/performance.md). The benchmarks
# measure this build.
#   scripts/publish.sh [OUT]    default OUT: artifacts/publish/orderly; run with: dotnet OUT/orderly.dll
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-artifacts/publish/orderly}"
dotnet publish src/Orderly -c Release -r linux-x64 --self-contained false -o "$out" -nologo -v quiet
echo "$out/orderly.dll"
