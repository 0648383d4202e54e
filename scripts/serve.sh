#!/usr/bin/env bash
# Installs what is missing, then builds and serves maildns on http://127.0.0.1:8080
# (Trunk rebuilds and reloads on every change to src/, styles/ or index.html).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
. scripts/env.sh
# No HTML/JS minification here: the minifier copies the "{{__TRUNK_ADDRESS__}}"
# placeholder of Trunk's live-reload script into a second string, which the
# server does not fill in, so the page would never reload. (`trunk build`,
# the deployed page, stays minified.)
exec trunk serve --minify false "$@"
