# Sourced by the other scripts: puts the project's pinned tools first on PATH
# (npm's binaryen wasm-opt before any Debian wasm-opt, which is too old to
# read current wasm-bindgen output).
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$repo_root/tests/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
