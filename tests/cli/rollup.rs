//! The rollup: every named query gives the same answer from the rollup
//! files the commits wrote as from the items themselves (the same query,
//! its `activity_rollup` computed from `activities` by SQL), on fixture
//! lakes after ingest, after corrections supersede reports, and after
//! compaction; and the rollup files, read with the parquet crate, add up
//! to the items.

use std::collections::BTreeMap;
use std::path::Path;

use baocao::lake::Lake;
use baocao::query::output::{Format, write};
use baocao::query::{ReferenceSource, Rollup, Session, named};

use super::support::{Workdir, read_rows, v};

/// Each named query's answer, as CSV, for every combination of the
/// parameter values given (other parameters at their defaults).
fn answers(lake: &Path, reference: &Path, rollup: Rollup) -> BTreeMap<String, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let session = Session::open_with(
            &Lake::new(lake),
            ReferenceSource::lazy(Some(reference)).expect("reference folder"),
            rollup,
        )
        .await
        .expect("session");
        let mut out = BTreeMap::new();
        for q in named::all().expect("named queries") {
            let mut settings: Vec<Vec<(String, String)>> = vec![vec![]];
            for p in &q.params {
                let values: &[&str] = match p.name.as_str() {
                    "year" => &["2023", "2024"],
                    // a month's last day (every month from the rollup),
                    // a day inside a month (that month from the items)
                    "as_of" => &["2023-09-30", "2023-10-17", "2024-02-29"],
                    "units_as_of" => &["none", "2023-12-31"],
                    _ => continue,
                };
                settings = settings
                    .iter()
                    .flat_map(|s| {
                        values.iter().map(move |v| {
                            let mut s = s.clone();
                            s.push((p.name.clone(), v.to_string()));
                            s
                        })
                    })
                    .collect();
            }
            for given in settings {
                let params = q.bind(&given).expect("parameters");
                let results = session.run(&q.sql, &params).await.expect(&q.name);
                let mut csv = Vec::new();
                for r in &results {
                    write(r, Format::Csv, &mut csv).expect("csv");
                }
                let key = format!("{} {given:?}", q.name);
                out.insert(key, String::from_utf8(csv).expect("utf8"));
            }
        }
        out
    })
}

/// What kind of table `lake.activity_rollup` is: the rollup files (a base
/// table) or the SQL over the items (a view).
fn rollup_kind(lake: &Path, reference: &Path, rollup: Rollup) -> String {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let session = Session::open_with(&Lake::new(lake), ReferenceSource::lazy(Some(reference)).expect("reference folder"), rollup)
            .await
            .expect("session");
        let r = session
            .sql("SELECT table_type FROM information_schema.tables WHERE table_schema = 'lake' AND table_name = 'activity_rollup'")
            .await
            .expect("information_schema");
        r[0].first_str("table_type").expect("a row")
    })
}

fn same_answers(w: &Workdir, lake: &str, reference: &str, when: &str) {
    let (lake, reference) = (w.path(lake), w.path(reference));
    assert_eq!(
        rollup_kind(&lake, &reference, Rollup::Stored),
        "BASE TABLE",
        "{when}"
    );
    assert_eq!(
        rollup_kind(&lake, &reference, Rollup::FromActivities),
        "VIEW",
        "{when}"
    );
    let stored = answers(&lake, &reference, Rollup::Stored);
    let computed = answers(&lake, &reference, Rollup::FromActivities);
    assert_eq!(stored.len(), computed.len());
    for (key, answer) in &computed {
        assert_eq!(
            &stored[key], answer,
            "{when}: {key} differs from the rollup"
        );
    }
    // the answers compared hold figures: the lake's items, by its overview
    let overview = &stored["lake_overview []"];
    let header: Vec<&str> = overview.lines().next().unwrap().split(',').collect();
    let row: Vec<&str> = overview.lines().nth(1).unwrap().split(',').collect();
    let items = header.iter().position(|c| *c == "items").unwrap();
    let n: usize = row[items].parse().unwrap();
    let superseded: std::collections::HashSet<String> = read_rows(&lake.join("submissions"))
        .iter()
        .filter(|r| !v(r, "superseded_by").is_null())
        .map(|r| v(r, "submission_id").as_str().unwrap().to_string())
        .collect();
    let current = read_rows(&lake.join("activities"))
        .iter()
        .filter(|r| !superseded.contains(v(r, "submission_id").as_str().unwrap()))
        .count();
    assert_eq!(n, current, "{when}: {overview}");
    assert!(n > 0, "{when}");
    check_files(&lake, when);
}

/// The rollup files, read with the parquet crate: each grain's items and
/// quantity per submission add up to that submission's items.
fn check_files(lake: &Path, when: &str) {
    let items = read_rows(&lake.join("activities"));
    let rollup = read_rows(&lake.join("rollup"));
    assert!(!rollup.is_empty(), "{when}: no rollup rows");
    let mut expected: BTreeMap<String, (i64, i64)> = BTreeMap::new();
    for row in &items {
        let e = expected
            .entry(v(row, "submission_id").as_str().unwrap().to_string())
            .or_default();
        e.0 += 1;
        e.1 += v(row, "quantity").as_i64().unwrap();
    }
    for grain in ["theme", "form", "language"] {
        let mut got: BTreeMap<String, (i64, i64)> = BTreeMap::new();
        for row in rollup.iter().filter(|r| v(r, "grain") == grain) {
            let e = got
                .entry(v(row, "submission_id").as_str().unwrap().to_string())
                .or_default();
            e.0 += v(row, "items").as_i64().unwrap();
            e.1 += v(row, "quantity").as_i64().unwrap();
        }
        assert_eq!(got, expected, "{when}: grain {grain}");
    }
    assert!(
        rollup.len() < items.len() * 3,
        "{when}: the rollup is not smaller than its three grains of items"
    );
}

fn ingest(w: &Workdir, paths: &[&str], reference: &str) {
    let mut args = vec!["ingest"];
    args.extend(paths);
    args.extend(["--reference", reference, "--lake", "lake"]);
    let run = w.run(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn every_named_query_answers_the_same_from_the_rollup_after_ingest_correction_and_compaction() {
    let w = Workdir::new();
    let run = w.run(&[
        "gen",
        "--out",
        "g",
        "--provinces",
        "1",
        "--units-per-province",
        "12",
        "--years",
        "2",
        "--items-per-report",
        "12",
        "--seed",
        "17",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // the corrections (`*_sua.*`) apart, then with them
    let (mut first, mut corrections) = (Vec::new(), Vec::new());
    for p in walk(&w.path("g/inbox")) {
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if name.contains("_sua.") {
            corrections.push(p.display().to_string());
        } else {
            first.push(p.display().to_string());
        }
    }
    assert!(!corrections.is_empty(), "the corpus has corrections");
    let first: Vec<&str> = first.iter().map(String::as_str).collect();
    let corrections: Vec<&str> = corrections.iter().map(String::as_str).collect();
    // in two runs, so that the lake has several files per partition
    let half = first.len() / 2;
    ingest(&w, &first[..half], "g/reference");
    ingest(&w, &first[half..], "g/reference");
    same_answers(&w, "lake", "g/reference", "after ingest");
    ingest(&w, &corrections, "g/reference");
    let superseded = read_rows(&w.path("lake/submissions"))
        .iter()
        .filter(|r| !v(r, "superseded_by").is_null())
        .count();
    assert!(superseded > 0, "the corrections supersede reports");
    same_answers(&w, "lake", "g/reference", "after corrections");
    let run = w.run(&["compact", "--lake", "lake"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    same_answers(&w, "lake", "g/reference", "after compaction");
}

#[test]
fn the_demo_lake_answers_the_same_from_the_rollup() {
    let w = Workdir::new();
    let run = w.run(&["demo", "--out", "d"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    w.bundled_reference("ref");
    same_answers(&w, "d/lake", "ref", "the demo");
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("read_dir") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// Rewrites `lake`'s ledger as a version before the rollup wrote it: the
/// same rows, the file list without the rollup files, no other key; and
/// removes the rollup folder.
fn as_before_the_rollup(lake: &Path) {
    use parquet::arrow::ArrowWriter;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    use parquet::file::metadata::KeyValue;
    use parquet::file::properties::WriterProperties;
    let path = lake.join("submissions/submissions.parquet");
    let builder =
        ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&path).unwrap()).unwrap();
    let files: Vec<String> = builder
        .metadata()
        .file_metadata()
        .key_value_metadata()
        .and_then(|kv| kv.iter().find(|k| k.key == "baocao.files"))
        .and_then(|k| k.value.as_deref())
        .map(|v| serde_json::from_str(v).unwrap())
        .unwrap();
    let files: Vec<String> = files
        .into_iter()
        .filter(|f| !f.starts_with("rollup/"))
        .collect();
    let schema = builder.schema().clone();
    let batches: Vec<_> = builder.build().unwrap().map(|b| b.unwrap()).collect();
    let props = WriterProperties::builder()
        .set_key_value_metadata(Some(vec![KeyValue::new(
            "baocao.files".to_string(),
            serde_json::to_string(&files).unwrap(),
        )]))
        .build();
    let mut w =
        ArrowWriter::try_new(std::fs::File::create(&path).unwrap(), schema, Some(props)).unwrap();
    for b in &batches {
        w.write(b).unwrap();
    }
    w.close().unwrap();
    std::fs::remove_dir_all(lake.join("rollup")).unwrap();
}

#[test]
fn a_lake_written_before_the_rollup_answers_the_same_and_gets_it_at_compaction() {
    let w = Workdir::new();
    let run = w.run(&[
        "gen",
        "--out",
        "g",
        "--provinces",
        "1",
        "--units-per-province",
        "12",
        "--years",
        "2",
        "--items-per-report",
        "12",
        "--seed",
        "17",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    ingest(&w, &["g/inbox"], "g/reference");
    let (lake, reference) = (w.path("lake"), w.path("g/reference"));
    let superseded = read_rows(&lake.join("submissions"))
        .iter()
        .filter(|r| !v(r, "superseded_by").is_null())
        .count();
    assert!(superseded > 0, "the corpus's corrections supersede reports");
    let before = answers(&lake, &reference, Rollup::Stored);
    as_before_the_rollup(&lake);
    // read through the items, superseded reports known from the ledger's rows
    assert_eq!(rollup_kind(&lake, &reference, Rollup::Stored), "VIEW");
    assert_eq!(answers(&lake, &reference, Rollup::Stored), before);
    let run = w.run(&["compact", "--lake", "lake"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("built the rollup of"), "{}", run.stderr);
    assert_eq!(rollup_kind(&lake, &reference, Rollup::Stored), "BASE TABLE");
    assert_eq!(answers(&lake, &reference, Rollup::Stored), before);
    check_files(&lake, "after the upgrade");
}
