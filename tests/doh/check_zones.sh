#!/bin/sh
# Runs named-checkzone (Debian bind9-utils) on every zone file of tests/zones/
# and on the server's own test fixtures, with its default checks (the fault
# scenarios deliberately trip some warnings, e.g. "MX is an address");
# exits non-zero if any file fails to load.
# Usage: tests/doh/check_zones.sh [dir...]
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
[ $# -gt 0 ] || set -- "$root/tests/zones" "$root/tests/doh/fixtures"
failed=0
checked=0
for dir in "$@"; do
  for file in "$dir"/*.zone; do
    [ -e "$file" ] || continue
    origin=$(basename "$file" .zone)
    checked=$((checked + 1))
    if ! out=$(named-checkzone "$origin" "$file" 2>&1); then
      failed=$((failed + 1))
      echo "FAIL $file"
      echo "$out" | sed 's/^/    /'
    fi
  done
done
echo "check_zones: $checked checked, $failed failed"
[ "$checked" -gt 0 ] && [ "$failed" -eq 0 ]
