#!/usr/bin/env bash
# The data-quality checks on generated 1 M and 10 M lakes (bench/quality.py):
# `outliers` and `data_quality` timed against `coverage_by_unit`, the
# findings by kind and how many of the generator's deliberate faults are
# among them; writes its section of bench/RESULTS.md.
#   bench/quality.sh                 both lakes (the 10 M corpus: about 15 minutes to make)
#   bench/quality.sh --lakes 1M      the 1 M lake only
# The corpora and lakes go to $BENCH_DIR (default /tmp/baocao-bench) and are
# reused by later runs. Not a test: nothing fails on a time.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/baocao-target}"
export CARGO_TERM_COLOR=never
echo "building the release binary (the first build takes long: DataFusion)..."
cargo build --release --quiet
exec python3 bench/quality.py --binary "$CARGO_TARGET_DIR/release/baocao" "$@"
