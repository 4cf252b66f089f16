#!/usr/bin/env python3
"""The benchmark behind bench/run.sh (see there); writes bench/RESULTS.md.

Ours: each step is the `baocao` process, timed from start to exit (what an
analyst or cron waits for, start-up included). DuckDB: the same SQL on the
same Parquet files, in one in-process connection whose views mirror
baocao's (their definitions are read from baocao's information_schema) and
whose reference tables are baocao's, exported once; only the query is timed.
Medians of 5 runs after one warm-up (3 with --quick).
"""

import argparse
import datetime
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2024-12-31"

# (name, gen arguments); about P x U x 12 x Y x N monthly items plus annual reports
CORPORA = {
    "1M": dict(provinces=4, units_per_province=150, years=2, items_per_report=65),
    "10M": dict(provinces=34, units_per_province=150, years=2, items_per_report=75),
    # large exports: 10,000 items a file
    "exports": dict(provinces=1, units_per_province=10, years=1, items_per_report=10000),
}


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def timed(cmd):
    """Wall seconds and peak RSS (MiB) of one process, by GNU time."""
    start = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v", *cmd], capture_output=True, text=True)
    wall = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{p.stderr[-3000:]}")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    return wall, (int(rss.group(1)) / 1024 if rss else float("nan")), p.stderr


def du(path):
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


def gen(binary, work, name):
    out = work / name
    if (out / "inbox").exists():
        shutil.rmtree(out)
    args = CORPORA[name]
    cmd = [binary, "gen", "--out", str(out)]
    for k, v in args.items():
        cmd += [f"--{k.replace('_', '-')}", str(v)]
    wall, _, err = timed(cmd)
    m = re.search(r"wrote (\d+) report files \((\d+) items", err)
    files, items = int(m.group(1)), int(m.group(2))
    print(f"  gen {name}: {files} files, {items} items in {wall:.1f} s", flush=True)
    return out, files, items


def ingest(binary, corpus, lake, paths=None):
    if lake.exists():
        shutil.rmtree(lake)
    cmd = [binary, "ingest", *(paths or [str(corpus / "inbox")]),
           "--reference", str(corpus / "reference"), "--lake", str(lake)]
    wall, rss, err = timed(cmd)
    m = re.search(r"(\d+) files?: .*?; (\d+) items accepted", err)
    return dict(wall=wall, rss=rss, files=int(m.group(1)), items=int(m.group(2)))


def named_queries():
    out = []
    for f in sorted((ROOT / "queries").glob("*.sql")):
        text = f.read_text()
        params = {}
        for m in re.finditer(r"^--\s+\$(\w+)\s+(INT|TEXT|DATE)(?:\s+\(default ([^)]*)\))?", text, re.M):
            name, kind, default = m.groups()
            if kind == "DATE":
                params[name] = ("DATE", AS_OF)
            else:
                params[name] = (kind, default)
        out.append((f.stem, text, params))
    return out


def duckdb_connection(binary, lake, reference, work):
    """DuckDB with baocao's tables: reference tables exported by baocao,
    the lake's Parquet folders, and baocao's own view definitions."""
    con = duckdb.connect()
    con.execute("SET threads = 2")
    ref = work / "duckdb-ref"
    ref.mkdir(exist_ok=True)
    base = ["--lake", str(lake), "--reference", str(reference)]
    for t in ["units", "themes", "subthemes", "forms", "languages", "hrc_priorities",
              "peak_periods", "peak_themes", "expected_reports", "months", "reason_codes"]:
        run([binary, "sql", f"SELECT * FROM {t}", "--format", "parquet",
             "--output", str(ref / f"{t}.parquet"), *base])
        con.execute(f"CREATE TABLE {t} AS SELECT * FROM '{ref / (t + '.parquet')}'")
    con.execute("CREATE SCHEMA lake")
    con.execute(f"""CREATE VIEW lake.activities AS SELECT * FROM read_parquet(
        '{lake}/activities/*/*.parquet', hive_partitioning = true, hive_types = {{'year': INTEGER}})""")
    con.execute(f"CREATE VIEW submissions AS SELECT * FROM read_parquet('{lake}/submissions/*.parquet')")
    con.execute(f"CREATE VIEW rejects AS SELECT * FROM read_parquet('{lake}/rejects/*.parquet')")
    views = json.loads(run([binary, "sql", "SELECT table_name, definition FROM information_schema.views "
                            "WHERE definition IS NOT NULL", "--format", "json", *base]).stdout)
    pending = {v["table_name"]: v["definition"] for v in views}
    while pending:  # views may use each other: create in dependency order
        for name, sql in list(pending.items()):
            try:
                con.execute(sql)
                del pending[name]
            except duckdb.CatalogException:
                pass
    return con


def duckdb_sql(sql, params):
    """The query for DuckDB: the parameters as typed literals (DuckDB's
    prepared statements cannot type `$as_of - start_date`), and the one
    aggregate it spells differently."""
    for k, (kind, v) in sorted(params.items(), key=lambda p: -len(p[0])):
        literal = {"INT": str(v), "DATE": f"DATE '{v}'"}.get(kind, "'" + str(v).replace("'", "''") + "'")
        sql = re.sub(r"\$" + k + r"\b", literal, sql)
    return sql.replace("first_value(", "first(")


def median_time(fn, reps):
    fn()  # warm-up
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def bench_queries(binary, lake, reference, work, reps):
    con = duckdb_connection(binary, lake, reference, work)
    rows = []
    for name, text, params in named_queries():
        cmd = [binary, "query", name, "--lake", str(lake), "--reference", str(reference),
               "--format", "csv"]
        for k, (_, v) in params.items():
            cmd += ["--param", f"{k}={v}"]
        ours = median_time(lambda: run(cmd), reps)
        n_ours = len(run(cmd).stdout.strip().splitlines()) - 1
        sql = duckdb_sql(text, params)
        try:
            theirs = median_time(lambda: con.execute(sql).fetchall(), reps)
            n_theirs = len(con.execute(sql).fetchall())
        except duckdb.Error as e:
            theirs, n_theirs = float("nan"), f"error: {str(e).splitlines()[0][:80]}"
        rows.append(dict(query=name, ours=ours, duckdb=theirs, rows=n_ours, duckdb_rows=n_theirs))
        print(f"  {name}: ours {ours*1000:.0f} ms, DuckDB {theirs*1000:.0f} ms", flush=True)
    return rows


def machine():
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        mem = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, AttributeError):
        pass
    return f"{os.cpu_count()} cores ({cpu}), {mem} RAM, {platform.system()} {platform.release()}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--quick", action="store_true")
    a = ap.parse_args()
    binary = str(Path(a.binary).resolve())
    work = Path(os.environ.get("BENCH_DIR", "/tmp/baocao-bench"))
    work.mkdir(parents=True, exist_ok=True)
    reps = 3 if a.quick else 5
    started = time.perf_counter()
    commit = run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT).stdout.strip()
    version = run([binary, "--version"]).stdout.strip()

    sizes = ["1M"] if a.quick else ["1M", "10M"]
    big = sizes[-1]
    ingest_rows = []
    corpora = {}
    for name in sizes + ([] if a.quick else ["exports"]):
        print(f"corpus {name}", flush=True)
        corpus, files, items = gen(binary, work, name)
        corpora[name] = corpus
        r = ingest(binary, corpus, work / f"lake-{name}")
        r.update(corpus=name, kind="all formats, 20-100 items a file" if name != "exports" else "CSV exports, ~10,000 items a file",
                 inbox=du(corpus / "inbox"), lake=du(work / f"lake-{name}"))
        ingest_rows.append(r)
        print(f"  ingest: {r['items']} items from {r['files']} files in {r['wall']:.1f} s, "
              f"peak RSS {r['rss']:.0f} MiB", flush=True)
    # XLSX alone, from the 1 M corpus
    xlsx = sorted(str(p) for p in (corpora["1M"] / "inbox").rglob("*.xlsx"))
    if xlsx:
        r = ingest(binary, corpora["1M"], work / "lake-xlsx", xlsx[:2000])
        r.update(corpus="1M (.xlsx only)", kind="XLSX with a title block", inbox=sum(Path(p).stat().st_size for p in xlsx[:2000]),
                 lake=du(work / "lake-xlsx"))
        ingest_rows.append(r)
        print(f"  xlsx ingest: {r['items']} items from {r['files']} files in {r['wall']:.1f} s", flush=True)

    lake = work / f"lake-{big}"
    reference = corpora[big] / "reference"
    print(f"compact {big}", flush=True)
    compact_wall, compact_rss, _ = timed([binary, "compact", "--lake", str(lake)])
    lake_after = du(lake)
    print(f"queries on the {big} lake", flush=True)
    queries = bench_queries(binary, lake, reference, work, reps)
    print("summary and trends", flush=True)
    summary_wall, summary_rss, _ = timed([binary, "summary", "--year", "2024", "--lake", str(lake),
                                         "--reference", str(reference), "--out", str(work / "summary")])
    trends_wall, trends_rss, _ = timed([binary, "trends", "--lake", str(lake), "--reference", str(reference),
                                       "--as-of", AS_OF, "--out", str(work / "trends")])

    ratios = [q["ours"] / q["duckdb"] for q in queries if q["duckdb"] == q["duckdb"] and q["duckdb"] > 0]
    geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios)) if ratios else float("nan")
    lines = [
        "# Benchmark results",
        "",
        f"{datetime.datetime.now().strftime('%Y-%m-%d %H:%M')}, {version} (commit {commit}), "
        f"`bench/run.sh{' --quick' if a.quick else ''}`, {machine()}; DuckDB {duckdb.__version__} (2 threads).",
        f"The whole run took {(time.perf_counter() - started) / 60:.0f} min after the build.",
        "",
        "## Ingest",
        "",
        "| corpus | files | items | wall s | items/s | files/s | peak RSS MiB | input MB | lake MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in ingest_rows:
        lines.append(f"| {r['corpus']}: {r['kind']} | {r['files']:,} | {r['items']:,} | {r['wall']:.1f} | "
                     f"{r['items'] / r['wall']:,.0f} | {r['files'] / r['wall']:,.0f} | {r['rss']:,.0f} | "
                     f"{r['inbox'] / 1e6:,.1f} | {r['lake'] / 1e6:,.1f} |")
    lines += [
        "",
        f"`compact` on the {big} lake: {compact_wall:.1f} s, peak RSS {compact_rss:,.0f} MiB; "
        f"lake {lake_after / 1e6:,.1f} MB after it.",
        "",
        f"## Named queries on the {big} lake (median of {reps}, after compact)",
        "",
        "ours: `baocao query NAME` as a process (start-up included); DuckDB: the same SQL in-process.",
        "",
        "| query | rows | ours ms | DuckDB ms | ours / DuckDB |",
        "|---|---:|---:|---:|---:|",
    ]
    for q in queries:
        ratio = q["ours"] / q["duckdb"] if q["duckdb"] == q["duckdb"] and q["duckdb"] > 0 else float("nan")
        agree = "" if q["rows"] == q["duckdb_rows"] else f" (DuckDB: {q['duckdb_rows']} rows)"
        lines.append(f"| {q['query']} | {q['rows']:,}{agree} | {q['ours'] * 1000:,.0f} | "
                     f"{q['duckdb'] * 1000:,.0f} | {ratio:.2f} |")
    lines += [
        f"| **geometric mean** | | | | **{geo:.2f}** |",
        "",
        "## End to end",
        "",
        "| command | wall s | peak RSS MiB |",
        "|---|---:|---:|",
        f"| `summary --year 2024` | {summary_wall:.1f} | {summary_rss:,.0f} |",
        f"| `trends --as-of {AS_OF}` | {trends_wall:.1f} | {trends_rss:,.0f} |",
        "",
    ]
    text = "\n".join(lines)
    (ROOT / "bench" / ("RESULTS-quick.md" if a.quick else "RESULTS.md")).write_text(text)
    print("\n" + text)


if __name__ == "__main__":
    main()
