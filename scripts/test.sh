#!/usr/bin/env bash
# Installs what is missing, then runs every test: formatting and lints, the
# native core tests (unit, property, vectors, the RFC 7208 suite), the shell
# tests in headless Chromium, and the end-to-end tests of the built page.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
. scripts/env.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format"
cargo fmt --check

step "clippy (native and wasm32)"
cargo clippy --all-targets --locked -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --lib --bins --test wasm_shell --test idna_browser -- -D warnings

step "native tests (core)"
cargo test --locked
# The page-state tests (crate::page: both halves, the tabs, the SPF what-if box)
# again on their own, to print their count.
cargo test --locked --lib -q page:: 2>&1 |
  sed -n 's/^test result: [a-zA-Z]*\. \([0-9]*\) passed; \([0-9]*\) failed.*/page state: \1 passed, \2 failed/p'

step "test zones (named-checkzone) and the local DoH endpoint"
tests/doh/check_zones.sh
/usr/bin/python3 -m unittest discover -s tests/doh 2>&1 | tail -n 3

step "shell tests in headless Chromium (wasm-bindgen-test)"
WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/tests/webdriver.json" \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --locked --target wasm32-unknown-unknown --test wasm_shell

step "international names through the browser's URL parser (wasm-bindgen-test)"
# The page converts non-ASCII names with the browser, natively the idna crate
# does: the same table of names must give the same A-labels (tests/idna_browser.rs).
idna_log=$(mktemp)
idna_status=0
WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/tests/webdriver.json" \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --locked --target wasm32-unknown-unknown --test idna_browser 2>&1 | tee "$idna_log" || idna_status=$?
sed -n 's/^test result: [a-zA-Z]*\. \([0-9]*\) passed; \([0-9]*\) failed.*/idna browser: \1 passed, \2 failed/p' "$idna_log"
rm -f "$idna_log"
[ "$idna_status" -eq 0 ]

step "build the page (trunk, release)"
trunk build

step "first-load size of the Generate view (budget in scripts/first-load-budget)"
/usr/bin/python3 scripts/size_check.py

step "end-to-end tests in headless Chromium"
(cd tests/e2e && node --test --test-concurrency=1 ./*.test.mjs)
