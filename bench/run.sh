#!/usr/bin/env bash
# The benchmark: generates corpora of about 1 M and 10 M items, ingests them,
# runs every named query and the typical analyst queries of bench/typical/
# three ways (baocao's process against the DuckDB CLI's; the statement alone
# in baocao, in DuckDB and in DataFusion's Python bindings, on the same SQL
# and files), times start-up, summary and trends, and writes bench/RESULTS.md.
#
#   bench/run.sh           the full run (the 10 M corpus: about an hour here)
#   bench/run.sh --quick   a spot check on the 1 M corpus, a few minutes
#   bench/run.sh --queries-only   the queries again, on the lakes of an earlier run
#
# Not a test: nothing here fails on a time. Needs the Rust toolchain and
# python3; installs the duckdb Python package and GNU time when missing.
# The corpora and lakes go to $BENCH_DIR (default /tmp/baocao-bench).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/baocao-target}"
export CARGO_TERM_COLOR=never

python3 -c "import duckdb" 2>/dev/null || python3 -m pip install --quiet duckdb
python3 -c "import duckdb_cli" 2>/dev/null || python3 -m pip install --quiet duckdb-cli==1.5.6
python3 -c "import datafusion" 2>/dev/null || python3 -m pip install --quiet datafusion==55.0.0 pyarrow
if [ ! -x /usr/bin/time ]; then
    (apt-get install -y time || sudo apt-get install -y time) >/dev/null
fi

echo "building the release binary (the first build takes long: DataFusion)..."
cargo build --release --quiet
exec python3 bench/bench.py --binary "$CARGO_TARGET_DIR/release/baocao" "$@"
