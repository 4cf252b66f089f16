#!/usr/bin/env bash
# The benchmark: generates corpora of about 1 M and 10 M items, ingests them,
# runs every named query with baocao and with DuckDB on the same Parquet
# files, times summary and trends, and writes bench/RESULTS.md.
#
#   bench/run.sh           the full run (the 10 M corpus: about an hour here)
#   bench/run.sh --quick   a spot check on the 1 M corpus, a few minutes
#
# Not a test: nothing here fails on a time. Needs the Rust toolchain and
# python3; installs the duckdb Python package and GNU time when missing.
# The corpora and lakes go to $BENCH_DIR (default /tmp/baocao-bench).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/baocao-target}"
export CARGO_TERM_COLOR=never

python3 -c "import duckdb" 2>/dev/null || python3 -m pip install --quiet duckdb
if [ ! -x /usr/bin/time ]; then
    (apt-get install -y time || sudo apt-get install -y time) >/dev/null
fi

echo "building the release binary (the first build takes long: DataFusion)..."
cargo build --release --quiet
exec python3 bench/bench.py --binary "$CARGO_TARGET_DIR/release/baocao" "$@"
