#!/usr/bin/env bash
# Installs whatever maildns needs and this machine lacks; does nothing for
# what is already there at the right version. Fresh Debian + Rust toolchain.
#
#   wasm32 target, clippy, rustfmt        rustup
#   trunk (pinned), wasm-bindgen-cli      cargo install (wasm-bindgen-cli at the
#                                         exact version in Cargo.lock)
#   wasm-split-cli (pinned)               cargo install wasm_split_cli_support:
#                                         splits the page's module (scripts/split.py)
#   chromium, chromium-driver, node, npm, apt (Debian packages)
#   named-checkzone (bind9-utils), fonts-noto-cjk (Chinese text in screenshots),
#   python3 (the Trunk hook that writes the CSP, scripts/csp.py),
#   python3-dnspython (the local DoH test endpoint)
#   python3-dkim, opendkim-tools          apt: sign the message test's messages
#   promtool (prometheus),                apt (Debian packages): the monitoring
#   prometheus-blackbox-exporter          export is checked with the real tools
#   nginx, caddy, apache2, curl           apt: the MTA-STS policy-host kit's files
#                                         run in the real servers on 127.0.0.1
#                                         (tests/mta_sts_kit_servers.rs); the
#                                         packages' own services are kept from
#                                         starting and left disabled
#   wasm-opt (binaryen), playwright-core, npm ci in tests/e2e (versions in
#   axe-core                              package-lock.json)
#   octodns, octodns-bind, python-hcl2    pip into .tools/venv (versions in
#                                         tests/tools/requirements.txt)
#
# Nothing is downloaded from anywhere but the package registries.
#
# --build-only: only what building the page needs (no browser, no DNS
# tools); the GitHub Pages workflow uses it.
set -euo pipefail
cd "$(dirname "$0")/.."
build_only=false
[ "${1:-}" = "--build-only" ] && build_only=true

TRUNK_VERSION=0.22.1
# The splitter must read what wasm_split_helpers (Cargo.lock) writes.
WASM_SPLIT_VERSION=0.2.3
WASM_BINDGEN_VERSION=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/[^0-9.]/, "", $0); print; exit }' Cargo.lock)

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Rust side.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in clippy rustfmt; do
  if ! rustup component list --installed | grep -q "^$component"; then
    log "adding rustup component $component"
    rustup component add "$component"
  fi
done
export PATH="$HOME/.cargo/bin:$PATH"
if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (about 13 minutes on 2 cores, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --ignore-rust-version
fi
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (matches Cargo.lock)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi
if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  log "installing wasm-split-cli $WASM_SPLIT_VERSION (about 2 minutes on 2 cores, once)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi

# Debian packages.
# python3 runs the post-build hook that writes the page's CSP (Trunk.toml).
wanted="node:nodejs npm:npm python3:python3"
# openssl makes the benchmark's throwaway certificate (tests/e2e/lib/h2-front.mjs).
$build_only || wanted="$wanted chromium:chromium chromedriver:chromium-driver named-checkzone:bind9-utils openssl:openssl promtool:prometheus prometheus-blackbox-exporter:prometheus-blackbox-exporter"
# The MTA-STS kit test runs the kit's files in nginx, Caddy and Apache httpd
# and fetches the policy with curl. nginx and apache2 are in /usr/sbin, which
# a user's PATH may lack: looked for by path.
$build_only || wanted="$wanted /usr/sbin/nginx:nginx /usr/bin/caddy:caddy /usr/sbin/apache2:apache2 curl:curl"
missing=()
for pair in $wanted; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
done
# Without a CJK font, screenshots of the Chinese page show empty boxes.
if ! $build_only && ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  missing+=(fonts-noto-cjk)
fi
# The local DoH test endpoint answers from zone files with Debian's dnspython,
# under Debian's own /usr/bin/python3 (not any other python3 on PATH).
if ! $build_only && ! /usr/bin/python3 -c 'import dns.zone' >/dev/null 2>&1; then
  missing+=(python3 python3-dnspython)
fi
# The message test's test messages are signed at test time by real DKIM
# signers, dkimpy (python3-dkim, under Debian's python3) and OpenDKIM
# (opendkim-testmsg from opendkim-tools), never by our own code.
if ! $build_only && ! /usr/bin/python3 -c 'import dkim, nacl' >/dev/null 2>&1; then
  missing+=(python3-dkim python3-nacl)
fi
$build_only || [ -x /usr/sbin/opendkim-testmsg ] || command -v opendkim-testmsg >/dev/null 2>&1 || missing+=(opendkim-tools)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  # nginx, caddy and apache2 start a service on port 80 when installed (and
  # the second to start fails, the port being taken); the test starts its own
  # servers. While installing, a policy-rc.d that answers 101 ("action
  # forbidden", which invoke-rc.d and deb-systemd-invoke obey:
  # /usr/share/doc/init-system-helpers/README.policy-rc.d.gz) keeps them from
  # starting; an existing one (containers have one) is left as it is.
  daemons=()
  for package in "${missing[@]}"; do
    case $package in nginx | caddy) daemons+=("$package") ;; apache2) daemons+=(apache2 apache-htcacheclean) ;; esac
  done
  own_policy=false
  if [ ${#daemons[@]} -gt 0 ] && [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\n# maildns scripts/setup.sh, while installing\nexit 101\n' | as_root tee /usr/sbin/policy-rc.d >/dev/null
    as_root chmod 755 /usr/sbin/policy-rc.d
    own_policy=true
    trap 'as_root rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  if $own_policy; then
    as_root rm -f /usr/sbin/policy-rc.d
    trap - EXIT
  fi
  # Not started at boot either.
  if [ ${#daemons[@]} -gt 0 ] && [ -d /run/systemd/system ]; then
    as_root systemctl disable --quiet "${daemons[@]}" || true
  fi
fi

# Python packages the export tests run (octoDNS, octodns-bind, an HCL
# parser), in a venv of Debian's python3, at the versions of the lock list.
if ! $build_only; then
  want=$(grep -v '^#' tests/tools/requirements.txt | sort)
  have=$( [ -x .tools/venv/bin/pip ] && .tools/venv/bin/pip freeze 2>/dev/null | sort || true)
  if [ "$want" != "$have" ]; then
    log "installing Python packages into .tools/venv"
    if ! /usr/bin/python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
      as_root apt-get update -qq
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv
    fi
    rm -rf .tools/venv
    /usr/bin/python3 -m venv .tools/venv
    .tools/venv/bin/pip install -q --no-deps -r tests/tools/requirements.txt
  fi
fi

# npm packages (wasm-opt for Trunk, the browser test tools): exactly the lock file.
if ! (cd tests/e2e && npm ls --depth=0 >/dev/null 2>&1); then
  log "installing npm packages in tests/e2e"
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
fi
log "ready: trunk $TRUNK_VERSION, wasm-bindgen $WASM_BINDGEN_VERSION, $(tests/e2e/node_modules/.bin/wasm-opt --version)"
