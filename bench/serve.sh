#!/usr/bin/env bash
# `baocao serve` under load on the 1 M lake: statements per second and
# p50/p95 latency over 8 connections, against 8 concurrent `baocao query`
# processes (bench/serve.py); writes its section of bench/RESULTS.md.
# Needs the Rust toolchain and python3 (installs psycopg when missing).
# The corpus and lake go to $BENCH_DIR (default /tmp/baocao-bench; the 1M
# corpus of bench/run.sh is reused). Not a test: nothing fails on a time.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/baocao-target}"
export CARGO_TERM_COLOR=never
python3 -c "import psycopg" 2>/dev/null || python3 -m pip install --quiet "psycopg[binary]"
echo "building the release binary with the server (the first build takes long)..."
cargo build --release --quiet --features serve
exec python3 bench/serve.py --binary "$CARGO_TARGET_DIR/release/baocao" "$@"
