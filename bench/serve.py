"""`baocao serve` under load: statements per second and p50/p95 latency of
the named queries over 8 connections (psycopg, the extended protocol),
against the same queries as 8 concurrent `baocao query` processes, on the
1 M lake. Writes the section between the `serve` markers of
bench/RESULTS.md. Run through bench/serve.sh. Not a test: nothing here
fails on a time."""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from results import write_section

import psycopg

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ["coverage_by_form", "coverage_by_theme", "coverage_by_unit", "gaps",
           "lake_overview", "language_coverage", "monthly_trend", "reporting_rate",
           "reporting_status", "top_works"]
CONNECTIONS = 8
PASSWORD = "bench-Mật-khẩu"


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def load(run_one, per_worker, workers=CONNECTIONS):
    """`workers` at once, each `per_worker` runs; (statements/s, p50 ms, p95 ms)."""
    lat = []
    lock = threading.Lock()

    def worker(i):
        mine = []
        for _ in range(per_worker):
            t = time.perf_counter()
            run_one(i)
            mine.append((time.perf_counter() - t) * 1000)
        with lock:
            lat.extend(mine)

    t0 = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(worker, range(workers)))
    wall = time.perf_counter() - t0
    return len(lat) / wall, pct(lat, 50), pct(lat, 95)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--work", default=os.environ.get("BENCH_DIR", "/tmp/baocao-bench"))
    ap.add_argument("--per-worker", type=int, default=10)
    a = ap.parse_args()
    work = Path(a.work)
    corpus = work / "1M"
    if not (corpus / "inbox").exists():
        work.mkdir(parents=True, exist_ok=True)
        subprocess.run([a.binary, "gen", "--out", str(corpus), "--provinces", "4",
                        "--units-per-province", "150", "--years", "2", "--items-per-report", "65"],
                       check=True, capture_output=True)
    lake = work / "serve-1M-lake"
    if not lake.exists():
        subprocess.run([a.binary, "ingest", str(corpus / "inbox"), "--reference", str(corpus / "reference"),
                        "--lake", str(lake)], check=True, capture_output=True)
        subprocess.run([a.binary, "compact", "--lake", str(lake)], check=True, capture_output=True)
    users = work / "serve-users"
    subprocess.run([a.binary, "users", "add", "bench", "--users", str(users)],
                   input=f"{PASSWORD}\n{PASSWORD}\n", text=True, check=True, capture_output=True)
    env = {**os.environ, "BAOCAO_LANG": "en"}
    server = subprocess.Popen([a.binary, "serve", "--lake", str(lake), "--reference", str(corpus / "reference"),
                               "--users", str(users), "--listen", "127.0.0.1:0"],
                              stderr=subprocess.PIPE, text=True, env=env)
    port = None
    for line in server.stderr:
        m = re.search(r"listening addr=127\.0\.0\.1:(\d+)", line)
        if m:
            port = int(m.group(1))
            break
    threading.Thread(target=lambda: [None for _ in server.stderr], daemon=True).start()
    conns = [psycopg.connect(host="127.0.0.1", port=port, user="bench", password=PASSWORD,
                             dbname="baocao", autocommit=True) for _ in range(CONNECTIONS)]
    rows = {}
    results = []
    try:
        # the floor: what a served statement costs before it reads anything
        _, floor50, floor95 = load(lambda i: conns[0].execute("SELECT 1").fetchall(), 30, workers=1)
        for q in QUERIES:
            # one run each first: plans warm, answers checked against `baocao query`
            served = conns[0].execute(f"SELECT * FROM queries.{q}").fetchall()
            local = json.loads(subprocess.run(
                [a.binary, "query", q, "--lake", str(lake), "--reference", str(corpus / "reference"),
                 "--format", "json"], check=True, capture_output=True, text=True, env=env).stdout)
            rows[q] = (len(served), len(local))
            s_rate, s50, s95 = load(lambda i: conns[i].execute(f"SELECT * FROM queries.{q}").fetchall(),
                                    a.per_worker)
            p_rate, p50, p95 = load(lambda i: subprocess.run(
                [a.binary, "query", q, "--lake", str(lake), "--reference", str(corpus / "reference"),
                 "--format", "csv"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env),
                a.per_worker)
            # each alone: one connection, one process at a time
            _, a50, _ = load(lambda i: conns[0].execute(f"SELECT * FROM queries.{q}").fetchall(), 5, workers=1)
            _, b50, _ = load(lambda i: subprocess.run(
                [a.binary, "query", q, "--lake", str(lake), "--reference", str(corpus / "reference"),
                 "--format", "csv"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env),
                5, workers=1)
            results.append((q, rows[q][0], rows[q][1], s_rate, s50, s95, p_rate, p50, p95, a50, b50))
            print(f"{q}: serve {s_rate:.1f}/s p50 {s50:.0f} p95 {s95:.0f} ms; "
                  f"processes {p_rate:.1f}/s p50 {p50:.0f} p95 {p95:.0f} ms", flush=True)
        # all ten queries mixed over the 8 connections
        mix_rate, mix50, mix95 = load(
            lambda i: conns[i].execute(f"SELECT * FROM queries.{QUERIES[(i + int(time.time()*1000)) % len(QUERIES)]}").fetchall(),
            a.per_worker * 2)
    finally:
        for c in conns:
            c.close()
        server.terminate()
        server.wait(60)
    cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"],
                         capture_output=True, text=True).stdout.strip()
    lines = ["<!-- serve -->",
             "## `baocao serve` on the 1M lake (8 connections)",
             "",
             f"{time.strftime('%Y-%m-%d %H:%M')}, `bench/serve.sh`, release build with `--features serve`, "
             f"{os.cpu_count()} cores ({cpu}). Each query: 8 workers x {a.per_worker} runs. "
             "Served: 8 psycopg connections (the extended protocol), `SELECT * FROM queries.NAME`, rows fetched. "
             "Processes: 8 concurrent `baocao query NAME --format csv`, each started and timed to exit. "
             "Rows: served / `baocao query` (the same answers, checked by count here and by value in "
             "`cargo test --features serve`).",
             "",
             "| query | rows | served stmt/s | p50 ms | p95 ms | processes/s | p50 ms | p95 ms | speed-up | alone: served p50 ms | alone: process p50 ms |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for q, rs, rl, sr, s50, s95, pr, p50, p95, a50, b50 in results:
        lines.append(f"| {q} | {rs:,} / {rl:,} | {sr:.1f} | {s50:.0f} | {s95:.0f} | {pr:.1f} | {p50:.0f} | {p95:.0f} | {sr / pr:.2f} | {a50:.0f} | {b50:.0f} |")
    lines += ["", f"All ten mixed over the 8 connections: {mix_rate:.1f} statements/s, p50 {mix50:.0f} ms, p95 {mix95:.0f} ms.",
              f"The floor, `SELECT 1` on one connection: p50 {floor50:.1f} ms, p95 {floor95:.1f} ms "
              "(opening the snapshot and PostgreSQL's catalog functions for the statement).",
              "",
              "What it says: a served statement opens the latest snapshot, as a `baocao query` process does, "
              "but skips the process start and keeps the reference data read; on 2 cores 8 connections "
              "share the CPU, so each waits for the others (compare the p50 under load with the p50 alone). "
              "What it does not say: loopback only, no TLS (rustls adds a handshake per connection, not per "
              "statement), psycopg's own time is in the figures, and nothing else ran on the machine.",
              "<!-- /serve -->"]
    write_section("serve", "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
