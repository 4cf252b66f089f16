#!/usr/bin/env bash
# Runs the readers' fuzz targets (cargo-fuzz, libFuzzer) for a time budget
# each, then keeps a minimal corpus of the interesting inputs in
# fuzz/corpus/TARGET, which `cargo test` replays. A crash stops the run and
# leaves the input in fuzz/artifacts/TARGET: fix it, and keep the file there
# (the replay test reads artifacts too).
#
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     (default 600; csv xlsx json xls docx html)
#
# Each input is held to 1 GB of memory and 10 s: a reader that needs more on
# a hostile file is a failure, as a panic is. Builds in the dev profile
# (debug assertions on, and a build of minutes instead of DataFusion's
# release build); needs the nightly toolchain, installed if missing.
set -euo pipefail
cd "$(dirname "$0")"
budget=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(csv xlsx json xls docx html)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/baocao-fuzz-target}

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
fuzz() { cargo +nightly fuzz "$1" --dev --sanitizer none "${@:2}"; }
fuzz build

mkdir -p logs
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t"
  echo "== $t: ${budget} s"
  set +e
  fuzz run "$t" "corpus/$t" "seeds/$t" -- \
    -max_total_time="$budget" -max_len=65536 -rss_limit_mb=1024 -timeout=10 \
    -print_final_stats=1 > "logs/$t.log" 2>&1
  status=$?
  set -e
  grep -E '^(#[0-9]+.*(INITED|DONE)|stat::number_of_executed_units|stat::peak_rss_mb|SUMMARY)' "logs/$t.log" || true
  if [ $status -ne 0 ]; then
    echo "the $t fuzzer stopped on a failure (exit $status): see fuzz/logs/$t.log and the input in fuzz/artifacts/$t" >&2
    exit 1
  fi
  fuzz cmin "$t" "corpus/$t" -- -max_len=65536 -rss_limit_mb=1024 -timeout=10 >> "logs/$t.log" 2>&1
  echo "$t: $(ls "corpus/$t" | wc -l) inputs kept in fuzz/corpus/$t"
done
