#!/usr/bin/env bash
# Installs what is missing, then builds and serves maildns on http://127.0.0.1:8080
# (Trunk rebuilds and reloads on every change to src/, styles/ or index.html).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
. scripts/env.sh
exec trunk serve "$@"
