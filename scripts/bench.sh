#!/usr/bin/env bash
# Builds the page and prints the benchmark table (sizes, transfer, time to
# interactive). Figures, not a pass/fail test: compare with README budgets.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh >/dev/null
. scripts/env.sh
trunk build >/dev/null
node tests/e2e/bench.mjs
