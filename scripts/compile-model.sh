#!/usr/bin/env bash
# Regenerates the compiled EF models in src/Orderly.Data/CompiledModels, one per provider, after a
# change to the model's configuration (docs/development.md). Orderly runs on these rather than
# building the model in every process; CompiledModelTests fail until they are regenerated.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
# Built first, with the models as they are: the code refers to them. Each folder is then emptied,
# so a file for an entity type that no longer exists does not linger.
dotnet build src/Orderly --nologo -v quiet
for provider in Sqlite Postgres; do
  rm -rf "src/Orderly.Data/CompiledModels/$provider"
  dotnet ef dbcontext optimize --no-build --project src/Orderly.Data --startup-project src/Orderly \
    --context "${provider}OrderlyDbContext" --output-dir "CompiledModels/$provider" \
    --namespace "Orderly.Data.CompiledModels.$provider"
done
