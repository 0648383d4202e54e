#!/usr/bin/env bash
# Builds the page and prints the benchmark table (tests/e2e/bench.mjs): sizes,
# the first view, links and the Check tab opened cold (loopback and emulated
# mobile network), Lighthouse, key generation, re-render, the audit.
# Figures, not a pass/fail test: compare with the budgets printed beside them.
#
#   ./scripts/bench.sh                     # the freshly built dist/
#   ./scripts/bench.sh path/to/other/dist  # that build ("before") and dist/
#   BENCH_BEFORE=path/to/other/dist ./scripts/bench.sh   # ("after"), in one run
set -euo pipefail
before="${1:-${BENCH_BEFORE:-}}"
if [ -n "$before" ]; then
  # Resolved before leaving the caller's directory.
  before=$(cd "$before" && pwd)
  [ -f "$before/index.html" ] || { echo "bench: no index.html in $before" >&2; exit 2; }
fi
cd "$(dirname "$0")/.."
./scripts/setup.sh >/dev/null
. scripts/env.sh
trunk build >/dev/null
# Lighthouse starts the browser CHROME_PATH names: Debian's, never a download.
export CHROME_PATH="${CHROME_PATH:-$CHROMIUM}"
if [ -n "$before" ]; then
  BENCH_BEFORE="$before" node tests/e2e/bench.mjs
else
  env -u BENCH_BEFORE node tests/e2e/bench.mjs
fi
