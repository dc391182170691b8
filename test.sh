#!/usr/bin/env bash
# Runs every test of Arca. This is the README's test command.
set -euo pipefail
cd "$(dirname "$0")"
dotnet test Arca.slnx -c Release "$@"
