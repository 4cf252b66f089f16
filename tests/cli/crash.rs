//! Crash safety, proven: `ingest`, `compact` and `trends` are killed at many
//! moments (crash points that abort like `kill -9` at each step of a commit,
//! and real SIGKILLs at spread-out times), restarted, and after every kill
//! the lake is read with the parquet crate and checked: the ledger reads,
//! every file it lists reads, each submission has exactly its rows, nothing
//! is duplicated, queries see exactly the committed rows, and what is there
//! is part of what a clean run makes. The final run must give exactly the
//! clean run's figures.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::Value;

use crate::support::{Workdir, read_rows, sha256_hex, v};

/// One submission as the ledger holds it (without the time it was ingested).
type Submission = (String, String, i64, i64, Option<String>);

/// What a lake holds, as an independent reader sees it.
#[derive(Debug, PartialEq, Default)]
pub struct Figures {
    pub submissions: BTreeMap<String, Submission>,
    pub activities: BTreeSet<String>,
    /// (submission, source row, reason)
    pub rejects: BTreeSet<(String, String, String)>,
}

impl Figures {
    /// True when every part of `self` is in `whole` (a consistent earlier state).
    pub fn within(&self, whole: &Figures) -> bool {
        self.submissions.iter().all(|(id, s)| {
            whole
                .submissions
                .get(id)
                .is_some_and(|w| (&w.0, &w.1, w.2, w.3) == (&s.0, &s.1, s.2, s.3))
        }) && self.activities.is_subset(&whole.activities)
            && self.rejects.is_subset(&whole.rejects)
    }
}

fn text(row: &serde_json::Map<String, Value>, key: &str) -> String {
    match v(row, key) {
        Value::String(s) => s,
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Reads the lake at `dir` through its ledger and checks it is consistent;
/// panics with what is wrong.
pub fn lake_figures(dir: &Path) -> Figures {
    let ledger = dir.join("submissions/submissions.parquet");
    if !ledger.exists() {
        return Figures::default();
    }
    let file = std::fs::File::open(&ledger).expect("open the ledger");
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).expect("the ledger reads");
    let files: Vec<String> = builder
        .metadata()
        .file_metadata()
        .key_value_metadata()
        .and_then(|kv| kv.iter().find(|k| k.key == "baocao.files"))
        .and_then(|k| k.value.clone())
        .map(|s| serde_json::from_str(&s).expect("the file list is JSON"))
        .unwrap_or_default();
    let mut figures = Figures::default();
    for row in read_rows(&ledger) {
        let superseded = match v(&row, "superseded_by") {
            Value::String(s) => Some(s),
            _ => None,
        };
        let id = text(&row, "submission_id");
        let sub = (
            text(&row, "unit_code"),
            text(&row, "period"),
            v(&row, "rows_accepted").as_i64().expect("rows_accepted"),
            v(&row, "rows_rejected").as_i64().expect("rows_rejected"),
            superseded,
        );
        assert!(
            figures.submissions.insert(id.clone(), sub).is_none(),
            "submission {id} twice in the ledger"
        );
    }
    let mut accepted: HashMap<String, i64> = HashMap::new();
    let mut refused: HashMap<String, i64> = HashMap::new();
    for rel in &files {
        let path = dir.join(rel);
        assert!(path.exists(), "the ledger lists {rel}, which is missing");
        let rows = read_rows(&path);
        for row in rows {
            let sub = text(&row, "submission_id");
            if rel.starts_with("rollup/") {
                // the rollup of committed items (tests/cli/rollup.rs checks its figures)
                assert!(
                    figures.submissions.contains_key(&sub),
                    "{rel} holds a rollup row of {sub}, which the ledger does not list"
                );
                continue;
            }
            if rel.starts_with("activities/") {
                assert!(
                    figures.submissions.contains_key(&sub),
                    "{rel} holds a row of {sub}, which the ledger does not list"
                );
                *accepted.entry(sub).or_default() += 1;
                let id = text(&row, "activity_id");
                assert!(figures.activities.insert(id.clone()), "activity {id} twice");
            } else {
                let source_row = text(&row, "source_row");
                if !source_row.is_empty() {
                    *refused.entry(sub.clone()).or_default() += 1;
                }
                let key = (sub, source_row, text(&row, "reason"));
                assert!(figures.rejects.insert(key.clone()), "reject {key:?} twice");
            }
        }
    }
    for (id, s) in &figures.submissions {
        assert_eq!(
            accepted.get(id).copied().unwrap_or(0),
            s.2,
            "accepted rows of {id}"
        );
        assert_eq!(
            refused.get(id).copied().unwrap_or(0),
            s.3,
            "refused rows of {id}"
        );
    }
    figures
}

/// What queries see: (activities_all, rejects, submissions) row counts.
pub fn visible(w: &Workdir, lake: &str) -> Option<(usize, usize, usize)> {
    if !w
        .path(lake)
        .join("submissions/submissions.parquet")
        .exists()
    {
        return None;
    }
    let run = w.run(&[
        "sql",
        "SELECT (SELECT count(*) FROM activities_all) AS a, (SELECT count(*) FROM rejects) AS r, \
         (SELECT count(*) FROM submissions) AS s",
        "--lake",
        lake,
        "--reference",
        "corpus/reference",
        "--format",
        "csv",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let line = run.stdout.lines().nth(1).expect("a row");
    let n: Vec<usize> = line.split(',').map(|x| x.parse().expect("count")).collect();
    Some((n[0], n[1], n[2]))
}

/// Checks the lake after a kill: consistent, part of `clean`, and what
/// queries see is exactly what the ledger commits.
fn check_after_kill(w: &Workdir, lake: &str, clean: &Figures, what: &str) -> Figures {
    let f = lake_figures(&w.path(lake));
    assert!(
        f.within(clean),
        "after {what}: the lake holds rows a clean run does not"
    );
    if let Some(seen) = visible(w, lake) {
        assert_eq!(
            seen,
            (f.activities.len(), f.rejects.len(), f.submissions.len()),
            "after {what}: queries see other rows than the ledger commits"
        );
    }
    f
}

/// A corpus of several hundred reports (and one PDF sent as .csv).
pub fn corpus(w: &Workdir, units: &str) {
    let run = w.run(&[
        "gen",
        "--out",
        "corpus",
        "--units-per-province",
        units,
        "--items-per-report",
        "20",
        "--seed",
        "11",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    w.write(
        "corpus/inbox/2023/05/bao-cao.csv",
        b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\n",
    );
}

fn baocao() -> PathBuf {
    assert_cmd::cargo::cargo_bin("baocao")
}

/// Starts `baocao args` in `w`, SIGKILLs it after `delay`; true if it was
/// still running (killed), false if it had finished.
fn kill_after(w: &Workdir, args: &[&str], delay: Duration) -> bool {
    let mut child = Command::new(baocao())
        .current_dir(w.dir.path())
        .env("BAOCAO_LANG", "en")
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start baocao");
    std::thread::sleep(delay);
    let running = child.try_wait().expect("wait").is_none();
    if running {
        child.kill().expect("kill");
    }
    let status = child.wait().expect("wait");
    assert!(
        running || status.success(),
        "{args:?} failed on its own: {status}"
    );
    running
}

/// Runs `baocao args` with a crash point; it must die there.
fn crash_at(w: &Workdir, args: &[&str], point: &str) {
    let run = w.run_env(args, &[("BAOCAO_CRASH_AT", point)]);
    assert!(
        run.code != 0,
        "the crash point {point} was not reached: {}",
        run.stderr
    );
}

fn timed(w: &Workdir, args: &[&str]) -> Duration {
    let start = Instant::now();
    let run = w.run(args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    start.elapsed()
}

/// `n` delays spread over `span`, shifted by `round` so rounds differ.
fn delays(span: Duration, n: u32, round: u32) -> Vec<Duration> {
    (0..n)
        .map(|k| span * (k * 3 + round + 1) / (n * 3 + 1))
        .collect()
}

fn files_on_disk(lake: &Path) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for dir in ["activities", "rollup", "rejects", "submissions"] {
        let mut stack = vec![lake.join(dir)];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    out.insert(p.strip_prefix(lake).unwrap().display().to_string());
                }
            }
        }
    }
    out
}

/// After the final run nothing but the ledger and the files it lists is left.
pub fn no_leftovers(lake: &Path) {
    let ledger = lake.join("submissions/submissions.parquet");
    let file = std::fs::File::open(&ledger).expect("ledger");
    let meta = ParquetRecordBatchReaderBuilder::try_new(file).expect("ledger reads");
    let listed: Vec<String> = meta
        .metadata()
        .file_metadata()
        .key_value_metadata()
        .and_then(|kv| kv.iter().find(|k| k.key == "baocao.files"))
        .and_then(|k| k.value.clone())
        .map(|s| serde_json::from_str(&s).expect("json"))
        .unwrap_or_default();
    let mut expected: BTreeSet<String> = listed.into_iter().collect();
    expected.insert("submissions/submissions.parquet".into());
    assert_eq!(files_on_disk(lake), expected);
}

const INGEST: &[&str] = &[
    "ingest",
    "corpus/inbox",
    "--reference",
    "corpus/reference",
    "--batch-items",
    "400",
];

fn ingest_args(lake: &str) -> Vec<&str> {
    let mut args = INGEST.to_vec();
    args.extend(["--lake", lake]);
    args
}

#[test]
fn ingest_killed_at_any_moment_loses_nothing_and_duplicates_nothing() {
    let w = Workdir::new();
    corpus(&w, "30");
    let span = timed(&w, &ingest_args("clean"));
    let clean = lake_figures(&w.path("clean"));
    assert!(clean.submissions.len() > 350 && clean.activities.len() > 7000);

    // every step of a commit, in the first batch and in later ones
    let points = [
        "commit-data-written#1",
        "commit-superseded-marked#1",
        "ledger-before-rename#1",
        "ledger-renamed#1",
        "ingest-batch-committed#2",
        "commit-data-written#3",
        "commit-superseded-marked#2",
        "ledger-before-rename#4",
        "ledger-renamed#2",
    ];
    let mut before = Figures::default();
    for point in points {
        crash_at(&w, &ingest_args("points"), point);
        let after = check_after_kill(&w, "points", &clean, point);
        assert!(before.within(&after), "{point}: committed rows were lost");
        before = after;
    }
    assert_eq!(w.run(&ingest_args("points")).code, 0);
    assert_eq!(lake_figures(&w.path("points")), clean);
    no_leftovers(&w.path("points"));

    // real SIGKILLs at times spread over a clean run, three rounds
    let mut kills = 0;
    for round in 0..3 {
        let lake = format!("killed{round}");
        let mut before = Figures::default();
        for delay in delays(span, 8, round) {
            if kill_after(&w, &ingest_args(&lake), delay) {
                kills += 1;
            }
            let after = check_after_kill(&w, &lake, &clean, &format!("a kill after {delay:?}"));
            assert!(before.within(&after), "committed rows were lost");
            before = after;
        }
        assert_eq!(w.run(&ingest_args(&lake)).code, 0);
        assert_eq!(lake_figures(&w.path(&lake)), clean, "round {round}");
        no_leftovers(&w.path(&lake));
    }
    eprintln!(
        "ingest: {} crash points, {kills} SIGKILLs; {} submissions, {} activities, {} rejects: none lost",
        points.len(),
        clean.submissions.len(),
        clean.activities.len(),
        clean.rejects.len()
    );
    assert!(kills >= 8, "only {kills} of 24 kills landed during a run");
}

fn compact(lake: &str) -> Vec<&str> {
    vec!["compact", "--lake", lake]
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read").flatten() {
        let (src, dst) = (e.path(), to.join(e.file_name()));
        if src.is_dir() {
            copy_dir(&src, &dst);
        } else {
            std::fs::copy(&src, &dst).expect("copy");
        }
    }
}

#[test]
fn compaction_killed_at_any_moment_changes_no_row() {
    let w = Workdir::new();
    corpus(&w, "20");
    let mut args = ingest_args("small");
    args[5] = "150";
    assert_eq!(w.run(&args).code, 0);
    let figures = lake_figures(&w.path("small"));
    let files_before = files_on_disk(&w.path("small")).len();
    assert!(files_before > 20, "{files_before} files");

    copy_dir(&w.path("small"), &w.path("points"));
    let points = [
        "compact-file-written#1",
        "compact-file-written#2",
        "compact-before-commit",
        "ledger-before-rename",
        "ledger-renamed",
    ];
    for point in points {
        crash_at(&w, &compact("points"), point);
        let after = check_after_kill(&w, "points", &figures, point);
        assert_eq!(after, figures, "{point}");
    }
    // the crash after the commit left a compacted lake: the files it
    // replaced are removed by the next run
    let run = w.run(&compact("points"));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(lake_figures(&w.path("points")), figures);
    no_leftovers(&w.path("points"));

    copy_dir(&w.path("small"), &w.path("timing"));
    let span = timed(&w, &compact("timing"));
    let mut kills = 0;
    for round in 0..2 {
        let lake = format!("killed{round}");
        copy_dir(&w.path("small"), &w.path(&lake));
        for delay in delays(span, 6, round) {
            if kill_after(&w, &compact(&lake), delay) {
                kills += 1;
            }
            let after = check_after_kill(&w, &lake, &figures, &format!("a kill after {delay:?}"));
            assert_eq!(after, figures);
        }
        assert_eq!(w.run(&compact(&lake)).code, 0);
        assert_eq!(lake_figures(&w.path(&lake)), figures);
        no_leftovers(&w.path(&lake));
        assert!(files_on_disk(&w.path(&lake)).len() < files_before);
    }
    eprintln!(
        "compact: {} crash points, {kills} SIGKILLs; {} activities, {} rejects: none lost",
        points.len(),
        figures.activities.len(),
        figures.rejects.len()
    );
    assert!(kills >= 4, "only {kills} of 12 kills landed during a run");
}

fn args(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

/// Every file of a trends folder with its sha256; the manifest must match.
fn trend_set(dir: &Path) -> Option<BTreeMap<String, String>> {
    if !dir.exists() {
        return None;
    }
    let mut out = BTreeMap::new();
    for e in std::fs::read_dir(dir).expect("read").flatten() {
        let bytes = std::fs::read(e.path()).expect("read");
        out.insert(
            e.file_name().to_string_lossy().into_owned(),
            sha256_hex(&bytes),
        );
    }
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).expect("a manifest"))
            .expect("manifest JSON");
    for f in manifest["files"].as_array().expect("files") {
        let name = f["name"].as_str().expect("name");
        assert_eq!(
            out.get(name).map(String::as_str),
            f["sha256"].as_str(),
            "{name}"
        );
    }
    Some(out)
}

#[test]
fn trends_killed_at_any_moment_leaves_the_old_set_or_the_new_one() {
    let w = Workdir::new();
    corpus(&w, "12");
    assert_eq!(w.run(&ingest_args("lake")).code, 0);
    let trends = |out: &str, as_of: &str| {
        [
            "trends",
            "--lake",
            "lake",
            "--reference",
            "corpus/reference",
            "--out",
            out,
            "--as-of",
            as_of,
        ]
        .map(String::from)
        .to_vec()
    };
    let old_args = trends("t", "2023-06-30");
    let new_args = trends("t", "2023-12-31");
    let span = timed(&w, &args(&trends("new", "2023-12-31")));
    let new = trend_set(&w.path("new")).expect("the new set");
    assert_eq!(w.run(&args(&old_args)).code, 0);
    let old = trend_set(&w.path("t")).expect("the old set");
    assert_ne!(old, new);

    for point in ["trends-files-written", "trends-before-swap"] {
        crash_at(&w, &args(&new_args), point);
        assert_eq!(trend_set(&w.path("t")).as_ref(), Some(&old), "{point}");
    }
    let mut kills = 0;
    let mut swapped = false;
    for delay in delays(span, 10, 0) {
        if swapped {
            // start again from the old set, so every kill can tell
            assert_eq!(w.run(&args(&old_args)).code, 0);
        }
        if kill_after(&w, &args(&new_args), delay) {
            kills += 1;
        }
        let now = trend_set(&w.path("t"));
        assert!(
            now.as_ref() == Some(&old) || now.as_ref() == Some(&new),
            "after a kill at {delay:?} the folder is neither set"
        );
        swapped = now.as_ref() == Some(&new);
    }
    assert_eq!(w.run(&args(&new_args)).code, 0);
    assert_eq!(trend_set(&w.path("t")), Some(new));
    let leftovers: Vec<_> = std::fs::read_dir(w.dir.path())
        .expect("read")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".t.tmp") || n.starts_with(".t.old"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    eprintln!("trends: 2 crash points, {kills} SIGKILLs: old set or new set every time");
    assert!(kills >= 4, "only {kills} of 10 kills landed during a run");
}
