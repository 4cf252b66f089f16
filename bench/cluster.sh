#!/usr/bin/env bash
# The lake on S3 (moto's server on loopback) and the named queries on a
# Ballista cluster on this machine, against a local lake, on the 1 M corpus
# of bench/quality.sh (bench/cluster.py); writes its section of
# bench/RESULTS.md. Not a test: nothing fails on a time.
#   bench/cluster.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/baocao-target}"
export CARGO_TERM_COLOR=never
python3 -c "import moto.server, boto3" 2>/dev/null || python3 -m pip install --quiet "moto[server]" boto3
echo "building the release binary with the cluster feature (the first build takes long)..."
cargo build --release --quiet --features cluster
if [ ! -d "${BENCH_DIR:-/tmp/baocao-bench}/quality-1M/inbox" ]; then
    bash bench/quality.sh --lakes 1M
fi
exec python3 bench/cluster.py --binary "$CARGO_TARGET_DIR/release/baocao" "$@"
