#!/usr/bin/env python3
"""The benchmark behind bench/run.sh (see there); writes bench/RESULTS.md.

Every query is timed three ways, on the same Parquet files and the same
SQL (parameters as literals):
- whole process: `baocao query NAME` (or `baocao sql`) against the DuckDB
  CLI on a database file holding the same views, each timed from start to
  exit (what an analyst or cron waits for, start-up included);
- in-process, the statement alone: baocao (`sql --file --timer`, the
  statement repeated in one process), DuckDB (Python) and DataFusion's own
  Python bindings, each with baocao's views (their definitions read from
  baocao's information_schema) and baocao's reference tables, exported once.
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
    """(name, SQL, params, baocao's own command) of every named query and
    of the typical analyst queries in bench/typical/."""
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
        cmd = ["query", f.stem]
        for k, (_, v) in params.items():
            cmd += ["--param", f"{k}={v}"]
        out.append((f.stem, text, params, cmd))
    for f in sorted((ROOT / "bench" / "typical").glob("*.sql")):
        text = f.read_text()
        out.append(("typical: " + f.stem, text, {}, ["sql", text]))
    return out


def literal_sql(sql, params):
    """The query with its parameters as typed literals: the same text for
    every engine (DuckDB's prepared statements cannot type `$as_of - start_date`)."""
    for k, (kind, v) in sorted(params.items(), key=lambda p: -len(p[0])):
        literal = {"INT": str(v), "DATE": f"DATE '{v}'"}.get(kind, "'" + str(v).replace("'", "''") + "'")
        sql = re.sub(r"\$" + k + r"\b", literal, sql)
    return sql


ANTI = re.compile(r"FROM lake\.superseded superseded\s+"
                  r"RIGHT ANTI JOIN (lake\.\w+) a ON a\.submission_id = superseded\.submission_id")
# baocao's lake.superseded (the ledger's list of superseded ids), as a view
SUPERSEDED = "CREATE VIEW lake.superseded AS SELECT submission_id FROM submissions WHERE superseded_by IS NOT NULL"


def duckdb_dialect(sql):
    """What DuckDB spells differently: first(), and ANTI JOIN (no RIGHT)."""
    sql = ANTI.sub(r"FROM \1 a ANTI JOIN lake.superseded superseded ON a.submission_id = superseded.submission_id", sql)
    return sql.replace("first_value(", "first(")


REFERENCE_TABLES = ["units", "themes", "subthemes", "forms", "languages", "hrc_priorities", "peak_periods",
                    "peak_themes", "expected_reports", "months", "reason_codes", "unit_lineage", "unit_rollup"]


def export_reference(binary, lake, reference, work):
    """baocao's reference tables as Parquet, and its view definitions."""
    ref = work / "engine-ref"
    ref.mkdir(exist_ok=True)
    base = ["--lake", str(lake), "--reference", str(reference)]
    for t in REFERENCE_TABLES:
        run([binary, "sql", f"SELECT * FROM {t}", "--format", "parquet",
             "--output", str(ref / f"{t}.parquet"), *base])
    views = json.loads(run([binary, "sql", "SELECT table_name, definition FROM information_schema.views "
                            "WHERE definition IS NOT NULL", "--format", "json", *base]).stdout)
    return ref, {v["table_name"]: v["definition"] for v in views}


def create_in_order(execute, views, missing):
    """Creates the views in an order in which each finds the views it uses;
    returns the statements run, in that order."""
    pending = dict(views)
    done = []
    while pending:  # views may use each other: create in dependency order
        progress = False
        for name, sql in list(pending.items()):
            try:
                execute(sql)
                done.append(sql)
                del pending[name]
                progress = True
            except missing:
                pass
        if not progress:
            sys.exit(f"cannot create the views {sorted(pending)}")
    return done


def duckdb_setup(con, lake, ref, views):
    """DuckDB with baocao's tables: the reference tables baocao exported, the
    lake's Parquet folders, and baocao's own view definitions; returns the
    statements, for the CLI's database."""
    statements = [f"CREATE TABLE {t} AS SELECT * FROM '{ref / (t + '.parquet')}'" for t in REFERENCE_TABLES]
    statements += [
        "CREATE SCHEMA lake",
        f"""CREATE VIEW lake.activities AS SELECT * FROM read_parquet(
        '{lake}/activities/*/*.parquet', hive_partitioning = true, hive_types = {{'year': INTEGER}})""",
        f"""CREATE VIEW lake.activity_rollup AS SELECT * FROM read_parquet(
        '{lake}/rollup/*/*.parquet', hive_partitioning = true, hive_types = {{'year': INTEGER}})""",
        f"CREATE VIEW submissions AS SELECT * FROM read_parquet('{lake}/submissions/*.parquet')",
        f"CREATE VIEW rejects AS SELECT * FROM read_parquet('{lake}/rejects/*.parquet')",
        SUPERSEDED,
    ]
    for s in statements:
        con.execute(s)
    return statements + create_in_order(lambda q: con.execute(duckdb_dialect(q)), views, duckdb.CatalogException)


def datafusion_setup(lake, ref, views):
    """DataFusion's own Python bindings (the same engine as baocao) with the
    same tables and the same view definitions; their default settings, 2
    partitions as on this machine."""
    import datafusion
    import pyarrow as pa
    ctx = datafusion.SessionContext(datafusion.SessionConfig().with_target_partitions(os.cpu_count() or 2))
    for t in REFERENCE_TABLES:
        ctx.register_parquet(t, str(ref / f"{t}.parquet"))
    ctx.sql("CREATE SCHEMA lake")
    ctx.register_listing_table("lake.activities", f"{lake}/activities/", table_partition_cols=[("year", pa.int32())],
                               file_extension=".parquet")
    ctx.register_listing_table("lake.activity_rollup", f"{lake}/rollup/", table_partition_cols=[("year", pa.int32())],
                               file_extension=".parquet")
    ctx.register_parquet("submissions", f"{lake}/submissions/submissions.parquet")
    ctx.register_listing_table("rejects", f"{lake}/rejects/", file_extension=".parquet")
    ctx.sql(SUPERSEDED)
    create_in_order(lambda q: ctx.sql(q), views, Exception)
    return ctx


def median_time(fn, reps):
    fn()  # warm-up
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def in_process(binary, base, sql, reps, work):
    """baocao's own time for the statement, in one process that runs it
    reps + 1 times (`sql --timer`); the first run is the warm-up."""
    script = work / "statements.sql"
    script.write_text((sql.strip().rstrip(";") + ";\n") * (reps + 1))
    p = subprocess.run([binary, "sql", "--file", str(script), "--timer", "--format", "csv", *base],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        sys.exit(f"failed: baocao sql --file {script}\n{p.stderr[-3000:]}")
    times = [float(t) for t in re.findall(r"Run Time \(s\): real ([0-9.]+)", p.stderr)]
    return statistics.median(times[1:])


def process_time(cmd, reps):
    return median_time(lambda: subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL,
                                              stderr=subprocess.DEVNULL), reps)


def bench_queries(binary, duckdb_cli, lake, reference, work, reps, label):
    ref, views = export_reference(binary, lake, reference, work)
    con = duckdb.connect()
    con.execute("SET threads = 2")
    statements = duckdb_setup(con, lake, ref, views)
    # the CLI's own database file (its storage version, not the Python package's)
    db = work / f"duckdb-{label}.duckdb"
    db.unlink(missing_ok=True)
    setup = work / "duckdb-setup.sql"
    setup.write_text("".join(duckdb_dialect(s).rstrip().rstrip(";") + ";\n" for s in statements))
    subprocess.run([duckdb_cli, str(db), "-c", f".read {setup}"], check=True, capture_output=True)
    df = datafusion_setup(lake, ref, views)
    base = ["--lake", str(lake), "--reference", str(reference)]
    rows = []
    for name, text, params, cmd in named_queries():
        sql = literal_sql(text, params)
        r = dict(query=name)
        r["process"] = process_time([binary, *cmd, *base, "--format", "csv"], reps)
        r["rows"] = len(run([binary, *cmd, *base, "--format", "csv"]).stdout.strip().splitlines()) - 1
        r["cli"] = process_time([duckdb_cli, "-readonly", str(db), "-csv", "-c", duckdb_dialect(sql)], reps)
        r["inproc"] = in_process(binary, base, sql, reps, work)
        try:
            r["duckdb"] = median_time(lambda: con.execute(duckdb_dialect(sql)).fetchall(), reps)
            r["duckdb_rows"] = len(con.execute(duckdb_dialect(sql)).fetchall())
        except duckdb.Error as e:
            r["duckdb"], r["duckdb_rows"] = float("nan"), f"error: {str(e).splitlines()[0][:80]}"
        try:
            r["datafusion"] = median_time(lambda: df.sql(sql).collect(), reps)
            r["df_rows"] = sum(b.num_rows for b in df.sql(sql).collect())
        except Exception as e:  # the bindings' errors are plain exceptions
            r["datafusion"], r["df_rows"] = float("nan"), f"error: {str(e).splitlines()[0][:80]}"
        rows.append(r)
        print(f"  {name}: process {r['process']*1000:.0f} ms vs DuckDB CLI {r['cli']*1000:.0f} ms; in-process "
              f"{r['inproc']*1000:.0f} ms vs DuckDB {r['duckdb']*1000:.0f} ms, DataFusion {r['datafusion']*1000:.0f} ms",
              flush=True)
    return rows


def startup(binary, duckdb_cli, lake, reference, reps):
    """Wall time of `SELECT 1` and of a statement that reads the reference."""
    out = []
    for what, args in [("bundled reference", []), ("the corpus's reference", ["--reference", str(reference)])]:
        for sql in ["SELECT 1", "SELECT COUNT(*) FROM units"]:
            t = process_time([binary, "sql", sql, "--lake", str(lake), *args], max(reps, 10))
            out.append((f"`baocao sql \"{sql}\"`, {what}", t))
    out.append(("`duckdb -c \"SELECT 1\"`", process_time([duckdb_cli, "-c", "SELECT 1"], max(reps, 10))))
    return out


def ratio(a, b):
    return a / b if b == b and b > 0 else float("nan")


def geo(values):
    values = [v for v in values if v == v and v > 0]
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else float("nan")


def query_table(queries, big, reps):
    lines = [
        f"## Queries on the {big} lake (median of {reps}, after compact)",
        "",
        "Whole process: `baocao query NAME` (or `baocao sql`) against the DuckDB CLI with a database of the same "
        "views over the same files, each started and timed to exit. In-process: the statement alone, in a process "
        "already started: baocao (`sql --file --timer`), DuckDB (Python), DataFusion's Python bindings; the same "
        "SQL text, parameters as literals.",
        "",
        "| query | rows | baocao process ms | DuckDB CLI ms | ratio | baocao in-process ms | DuckDB ms | ratio | DataFusion ms | ratio |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for q in queries:
        agree = ""
        if q["rows"] != q["duckdb_rows"]:
            agree += f" (DuckDB: {q['duckdb_rows']})"
        if q["rows"] != q["df_rows"]:
            agree += f" (DataFusion: {q['df_rows']})"
        lines.append(
            f"| {q['query']} | {q['rows']:,}{agree} | {q['process'] * 1000:,.0f} | {q['cli'] * 1000:,.0f} | "
            f"{ratio(q['process'], q['cli']):.2f} | {q['inproc'] * 1000:,.1f} | {q['duckdb'] * 1000:,.1f} | "
            f"{ratio(q['inproc'], q['duckdb']):.2f} | {q['datafusion'] * 1000:,.1f} | "
            f"{ratio(q['inproc'], q['datafusion']):.2f} |")
    cols = [("process", "cli"), ("inproc", "duckdb"), ("inproc", "datafusion")]
    means = [geo([ratio(q[a], q[b]) for q in queries]) for a, b in cols]
    worst = [max((ratio(q[a], q[b]) for q in queries if ratio(q[a], q[b]) == ratio(q[a], q[b])), default=float("nan"))
             for a, b in cols]
    lines += [
        f"| **geometric mean** | | | | **{means[0]:.2f}** | | | **{means[1]:.2f}** | | **{means[2]:.2f}** |",
        f"| **highest** | | | | {worst[0]:.2f} | | | {worst[1]:.2f} | | {worst[2]:.2f} |",
        "",
    ]
    return lines


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
    ap.add_argument("--queries-only", action="store_true",
                    help="reuse the corpora and lakes of an earlier run (no gen, ingest or compact timing)")
    a = ap.parse_args()
    binary = str(Path(a.binary).resolve())
    work = Path(os.environ.get("BENCH_DIR", "/tmp/baocao-bench"))
    work.mkdir(parents=True, exist_ok=True)
    reps = 3 if a.quick else 5
    started = time.perf_counter()
    commit = run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT).stdout.strip()
    version = run([binary, "--version"]).stdout.strip()

    sizes = ["1M"] if a.quick else ["1M", "10M"]
    ingest_rows = []
    corpora = {}
    for name in sizes + ([] if a.quick or a.queries_only else ["exports"]):
        if a.queries_only:
            corpora[name] = work / name
            continue
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
    xlsx = [] if a.queries_only else sorted(str(p) for p in (corpora["1M"] / "inbox").rglob("*.xlsx"))
    if xlsx:
        r = ingest(binary, corpora["1M"], work / "lake-xlsx", xlsx[:2000])
        r.update(corpus="1M (.xlsx only)", kind="XLSX with a title block", inbox=sum(Path(p).stat().st_size for p in xlsx[:2000]),
                 lake=du(work / "lake-xlsx"))
        ingest_rows.append(r)
        print(f"  xlsx ingest: {r['items']} items from {r['files']} files in {r['wall']:.1f} s", flush=True)

    duckdb_cli = shutil.which("duckdb") or sys.exit("the DuckDB CLI is missing (bench/run.sh installs it)")
    duckdb_cli = str(Path(run([sys.executable, "-c", "import duckdb_cli.__main__ as m; print(m._find_binary())"])
                          .stdout.strip() or duckdb_cli))
    cli_version = run([duckdb_cli, "--version"]).stdout.split()[0]
    import datafusion
    compacts, query_tables, ends, starts = [], [], [], []
    for name in sizes:
        lake = work / f"lake-{name}"
        reference = corpora[name] / "reference"
        if not a.queries_only:
            print(f"compact {name}", flush=True)
            wall, rss, _ = timed([binary, "compact", "--lake", str(lake)])
            compacts.append(f"`compact` on the {name} lake: {wall:.1f} s, peak RSS {rss:,.0f} MiB; "
                            f"lake {du(lake) / 1e6:,.1f} MB after it.")
        print(f"queries on the {name} lake", flush=True)
        queries = bench_queries(binary, duckdb_cli, lake, reference, work, reps, name)
        query_tables += query_table(queries, name, reps)
        print("start-up", flush=True)
        starts += [(name, what, t) for what, t in startup(binary, duckdb_cli, lake, reference, reps)]
        print("summary and trends", flush=True)
        s_wall, s_rss, _ = timed([binary, "summary", "--year", "2024", "--lake", str(lake),
                                  "--reference", str(reference), "--out", str(work / f"summary-{name}")])
        t_wall, t_rss, _ = timed([binary, "trends", "--lake", str(lake), "--reference", str(reference),
                                  "--as-of", AS_OF, "--out", str(work / f"trends-{name}")])
        ends += [(name, "summary --year 2024", s_wall, s_rss), (name, f"trends --as-of {AS_OF}", t_wall, t_rss)]

    lines = [
        "# Benchmark results",
        "",
        f"{datetime.datetime.now().strftime('%Y-%m-%d %H:%M')}, {version} (commit {commit}), "
        f"`bench/run.sh{' --quick' if a.quick else ''}`, {machine()}; DuckDB CLI {cli_version}, "
        f"DuckDB Python {duckdb.__version__} (2 threads), DataFusion Python {datafusion.__version__}.",
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
    lines += [""] + compacts + [""] + query_tables
    lines += [
        "## Start-up (whole process, median of 10)",
        "",
        "| lake | command | ms |",
        "|---|---|---:|",
    ]
    lines += [f"| {lake} | {what} | {t * 1000:,.1f} |" for lake, what, t in starts]
    lines += [
        "",
        "## End to end",
        "",
        "| lake | command | wall s | peak RSS MiB |",
        "|---|---|---:|---:|",
    ]
    lines += [f"| {lake} | `{cmd}` | {wall:.1f} | {rss:,.0f} |" for lake, cmd, wall, rss in ends]
    lines.append("")
    text = "\n".join(lines)
    (ROOT / "bench" / ("RESULTS.md" if not (a.quick or a.queries_only) else "RESULTS-partial.md")).write_text(text)
    print("\n" + text)


if __name__ == "__main__":
    main()
