#!/usr/bin/env bash
# The end-to-end benchmark in one command: builds the silo, the DevLedger, LedgerBench and EndToEndBench in
# Release, then runs EndToEndBench, which starts (and always stops) every process it measures.
#   bench/run.sh                      # full run: embedded default and PostgreSQL mode, 60 s outages (~15 min)
#   bench/run.sh --quick              # smoke run with short durations
#   bench/run.sh --modes embedded --skip-outage --seconds 30 --users 128 --concurrency 64 --outage-seconds 60
# Prints progress on stderr and, at the end, one markdown table (measure | project | baseline | ratio | goal | met?)
# and one line starting "JSON " with every figure.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
# The bench looks for the default output paths (src/*/bin/Release/net10.0).
unset GX_ARTIFACTS

for project in src/Silo/Silo.csproj src/DevLedger/DevLedger.csproj bench/LedgerBench/LedgerBench.csproj bench/EndToEndBench/EndToEndBench.csproj; do
    dotnet build "$project" -c Release --nologo -v quiet -clp:ErrorsOnly >&2
done

exec dotnet bench/EndToEndBench/bin/Release/net10.0/GxProtocol.EndToEndBench.dll --repo "$repo_root" "$@"
