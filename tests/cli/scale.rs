//! `gen`, batched ingest and `compact` on a small generated corpus, checked
//! with the independent Parquet reader against the generator's own counts.

use std::collections::{BTreeMap, HashSet};

use serde_json::Value;

use super::support::{Workdir, sha256_hex, v};

/// What `gen` said it wrote: (files, items, bad rows, corrections).
fn generate(w: &Workdir, out: &str, seed: &str) -> (usize, usize, usize, usize) {
    let run = w.run(&[
        "gen",
        "--out",
        out,
        "--provinces",
        "2",
        "--units-per-province",
        "30",
        "--years",
        "1",
        "--items-per-report",
        "5",
        "--seed",
        seed,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let re = regex::Regex::new(
        r"wrote (\d+) report files \((\d+) items, (\d+) bad rows, (\d+) corrections",
    )
    .unwrap();
    let c = re.captures(&run.stderr).expect(&run.stderr);
    let n = |i: usize| c[i].parse::<usize>().unwrap();
    (n(1), n(2), n(3), n(4))
}

fn tree(w: &Workdir, rel: &str) -> BTreeMap<String, String> {
    fn walk(dir: &std::path::Path, root: &std::path::Path, out: &mut BTreeMap<String, String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, root, out);
            } else {
                let rel = p.strip_prefix(root).unwrap().display().to_string();
                out.insert(rel, sha256_hex(&std::fs::read(&p).unwrap()));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(&w.path(rel), &w.path(rel), &mut out);
    out
}

fn ingest(w: &Workdir, lake: &str, batch: &str) {
    let run = w.run(&[
        "ingest",
        "g/inbox",
        "--reference",
        "g/reference",
        "--lake",
        lake,
        "--batch-items",
        batch,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

fn parquet_files(w: &Workdir, rel: &str) -> usize {
    tree(w, rel)
        .keys()
        .filter(|k| k.ends_with(".parquet"))
        .count()
}

#[test]
fn gen_writes_a_corpus_that_ingests_whole_in_batches() {
    let w = Workdir::new();
    let (files, items, bad, corrections) = generate(&w, "g", "7");
    assert!(files > 600 && items > 2_000, "{files} files, {items} items");
    // a reference folder per year with the generated units
    let units = std::fs::read_to_string(w.path("g/reference/2023/units.csv")).unwrap();
    assert_eq!(
        units.lines().count() - 1,
        96 + 30,
        "the bundled register's 96 (49 of 2023, 2 departments of 2025, 45 communes and wards) and 30 in Lai Châu"
    );
    assert!(
        units.contains(
            "\nlai-chau-ubnd-h-tuan-giao,Ủy ban nhân dân huyện Tuần Giáo tỉnh Lai Châu,district,"
        ),
        "{units}"
    );
    // every format an office sends
    let exts: HashSet<String> = tree(&w, "g/inbox")
        .keys()
        .filter_map(|k| k.rsplit_once('.').map(|(_, e)| e.to_string()))
        .collect();
    for e in ["csv", "txt", "xlsx", "json", "ndjson"] {
        assert!(exts.contains(e), "no .{e} in {exts:?}");
    }

    ingest(&w, "lake", "1000");
    let subs = w.rows("lake/submissions");
    let acts = w.rows("lake/activities");
    let rejects = w.rows("lake/rejects");
    assert_eq!(subs.len(), files, "every file is a submission");
    let read: i64 = subs
        .iter()
        .map(|s| v(s, "rows_read").as_i64().unwrap())
        .sum();
    assert_eq!(read as usize, items);
    assert_eq!(
        rejects.len(),
        bad,
        "exactly the generated bad rows are refused"
    );
    assert_eq!(acts.len(), items - bad);
    let superseded = subs
        .iter()
        .filter(|s| !v(s, "superseded_by").is_null())
        .count();
    assert_eq!(superseded, corrections);
    // batches of about 1,000 items: several files in the year's partition
    assert!(parquet_files(&w, "lake/activities/year=2023") >= items / 1000 / 2);

    // one batch gives the same rows
    ingest(&w, "lake1", "0");
    assert_eq!(parquet_files(&w, "lake1/activities/year=2023"), 1);
    let key = |rows: Vec<serde_json::Map<String, Value>>| {
        let mut k: Vec<(String, i64)> = rows
            .iter()
            .map(|r| {
                (
                    v(r, "activity_id").as_str().unwrap().to_string(),
                    v(r, "quantity").as_i64().unwrap(),
                )
            })
            .collect();
        k.sort();
        k
    };
    assert_eq!(
        key(w.rows("lake1/activities")),
        key(w.rows("lake/activities"))
    );
}

#[test]
fn the_same_seed_gives_the_same_corpus() {
    let w = Workdir::new();
    generate(&w, "a", "11");
    generate(&w, "b", "11");
    generate(&w, "c", "12");
    assert_eq!(tree(&w, "a"), tree(&w, "b"));
    assert_ne!(tree(&w, "a/inbox"), tree(&w, "c/inbox"));
}

#[test]
fn compact_keeps_every_row_and_every_mark() {
    let w = Workdir::new();
    generate(&w, "g", "5");
    ingest(&w, "lake", "500");
    let before_files = parquet_files(&w, "lake/activities");
    assert!(before_files >= 3, "{before_files} files");
    let rows = |w: &Workdir| {
        let mut r: Vec<String> = w
            .rows("lake/activities")
            .iter()
            .map(|r| serde_json::to_string(r).unwrap())
            .collect();
        r.sort();
        r
    };
    let acts = rows(&w);
    let ledger = w.rows("lake/submissions");
    let rejects = w.rows("lake/rejects").len();
    let coverage = |w: &Workdir| {
        w.run(&[
            "query",
            "coverage_by_unit",
            "--lake",
            "lake",
            "--reference",
            "g/reference",
            "--format",
            "csv",
        ])
        .stdout
    };
    let before = coverage(&w);

    let run = w.run(&["compact", "--lake", "lake"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("activities/year=2023: "),
        "{}",
        run.stderr
    );
    // one file per partition now (the corpus is far under a million rows)
    for part in std::fs::read_dir(w.path("lake/activities")).unwrap() {
        let part = part.unwrap().path();
        let n = std::fs::read_dir(&part).unwrap().count();
        assert_eq!(n, 1, "{}", part.display());
    }
    assert_eq!(rows(&w), acts, "every row kept, every value as it was");
    assert_eq!(
        w.rows("lake/submissions"),
        ledger,
        "the ledger's rows are untouched"
    );
    assert_eq!(w.rows("lake/rejects").len(), rejects);
    assert_eq!(coverage(&w), before);
    // a second compaction has nothing to do
    let run = w.run(&["compact", "--lake", "lake"]);
    assert!(run.stderr.contains("nothing to compact"), "{}", run.stderr);
}
