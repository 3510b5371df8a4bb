#!/usr/bin/env bash
# Regenerates the compiled EF models in src/Orderly.Data/CompiledModels, one per provider, after a
# change to the model's configuration (docs/development.md). Orderly runs on these rather than
# building the model in every process; CompiledModelTests fail until they are regenerated.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
# Built without the committed models (NoCompiledModel), which may no longer compile against the
# entities; both models are generated into a scratch folder and replace the committed ones only when
# both succeeded, so a failure leaves the repository as it was.
dotnet build src/Orderly --nologo -v quiet -p:NoCompiledModel=true
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
for provider in Sqlite Postgres; do
  dotnet ef dbcontext optimize --no-build --project src/Orderly.Data --startup-project src/Orderly \
    --context "${provider}OrderlyDbContext" --output-dir "$scratch/$provider" \
    --namespace "Orderly.Data.CompiledModels.$provider"
done
for provider in Sqlite Postgres; do
  rm -rf "src/Orderly.Data/CompiledModels/$provider"
  mv "$scratch/$provider" "src/Orderly.Data/CompiledModels/$provider"
done
# Built again with the new models, so the next run does not start from the build without them.
dotnet build src/Orderly --nologo -v quiet
