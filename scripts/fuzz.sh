#!/usr/bin/env bash
# Runs the cargo-fuzz targets in fuzz/ one after another and prints a table:
# executions, wall time, exec/s, corpus size and crashes per target.
#
#   scripts/fuzz.sh                  every target, 10,000,000 executions each
#   scripts/fuzz.sh txt              one target
#   scripts/fuzz.sh all 100000       every target, a shorter run
#   scripts/fuzz.sh txt,mx 1000000   a comma-separated list
#
# Needs a nightly toolchain (`rustup toolchain install nightly`) and
# cargo-fuzz (installed here if missing) besides what scripts/setup.sh
# installs, and python3 for the seeds. Builds with debug assertions on
# (integer overflow panics) and without a sanitizer (the core is safe Rust;
# see fuzz/README.md), seeds fuzz/corpus/<target>/ from the test vectors
# (fuzz/seed.py), then runs each target as one process at nice 10.
# A crash stops that target, leaves the input in fuzz/artifacts/<target>/
# and makes the script exit non-zero after the table.
#
# Environment: FUZZ_TIMEOUT (seconds one input may take, default 10),
# FUZZ_NICE (default 10), FUZZ_MAX_TIME (seconds per target, 0 = until
# the executions are done; a capped run shows fewer executions).
# CI does not run this.
set -uo pipefail
cd "$(dirname "$0")/.."

targets_arg=${1:-all}
runs=${2:-10000000}
timeout=${FUZZ_TIMEOUT:-10}
niceness=${FUZZ_NICE:-10}
max_time=${FUZZ_MAX_TIME:-0}

log() { printf '\033[1m[fuzz]\033[0m %s\n' "$*" >&2; }

if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  log "no nightly toolchain: cargo fuzz needs one. Install it with: rustup toolchain install nightly"
  exit 2
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  log "installing cargo-fuzz"
  cargo install cargo-fuzz --locked || exit 2
fi
command -v python3 >/dev/null || { log "python3 is needed for fuzz/seed.py"; exit 2; }

all_targets=$(cd fuzz/fuzz_targets && ls -- *.rs | sed 's/\.rs$//')
if [ "$targets_arg" = all ]; then
  targets=$all_targets
else
  targets=$(tr ',' '\n' <<<"$targets_arg")
  for t in $targets; do
    grep -qx "$t" <<<"$all_targets" || { log "no target $t; targets: $(echo $all_targets)"; exit 2; }
  done
fi

build=(-O -a -s none)
log "building the targets (nightly, release, debug assertions, no sanitizer)"
nice -n "$niceness" cargo +nightly fuzz build "${build[@]}" || exit 1
triple=$(rustc +nightly -vV | sed -n 's/^host: //p')
bin_dir=fuzz/target/$triple/release
log "seeding fuzz/corpus from the test vectors"
python3 fuzz/seed.py $( [ "$targets_arg" = all ] || echo $targets ) >/dev/null || exit 1

mkdir -p fuzz/target/logs
# One results file per target list, so two invocations can run side by
# side (one per core) without mixing their tables.
results=fuzz/target/results.${targets_arg//,/+}.tsv
printf 'target\texecutions\tseconds\texec/s\tcorpus\tcrashes\n' >"$results"
failed=0
for t in $targets; do
  mkdir -p "fuzz/artifacts/$t" "fuzz/corpus/$t"
  log "$t: $runs executions"
  # Longest input: a record, a name or a pasted key fits in 1 KiB (a
  # 4096-bit DKIM key is 740 characters); messages, zones and plans get
  # more. Longer inputs only slow every execution down.
  case $t in
    plan_json | share) max_len=4096 ;;
    dns_wire | doh_json | spf_eval) max_len=2048 ;;
    *) max_len=1024 ;;
  esac
  before=$(ls "fuzz/artifacts/$t" | wc -l)
  start=$(date +%s.%N)
  nice -n "$niceness" "$bin_dir/$t" "fuzz/corpus/$t" \
    -runs="$runs" -max_total_time="$max_time" -max_len="$max_len" -timeout="$timeout" -print_final_stats=1 \
    -artifact_prefix="fuzz/artifacts/$t/" >"fuzz/target/logs/$t.log" 2>&1
  rc=$?
  end=$(date +%s.%N)
  seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.0f", b - a }')
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "fuzz/target/logs/$t.log" | tail -1)
  execs=${execs:-0}
  rate=$(awk -v n="$execs" -v s="$seconds" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }')
  corpus=$(ls "fuzz/corpus/$t" | wc -l)
  crashes=$(( $(ls "fuzz/artifacts/$t" | wc -l) - before ))
  if [ "$rc" -ne 0 ]; then
    failed=1
    [ "$crashes" -gt 0 ] || crashes="exit $rc"
    grep -m3 -E 'panicked|ERROR|SUMMARY' "fuzz/target/logs/$t.log" >&2
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$t" "$execs" "$seconds" "$rate" "$corpus" "$crashes" | tee -a "$results" >&2
done

echo
echo "cargo +nightly fuzz, $(rustc +nightly --version), $(cargo +nightly fuzz --version), $(date -u +%F)"
echo "runs=$runs per target (max_total_time=$max_time), -timeout=$timeout, one process at nice $niceness; logs in fuzz/target/logs/"
echo
column -t -s $'\t' "$results"
exit $failed
