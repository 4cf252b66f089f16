//! Runs beside each other on one lake: writers take turns (the second
//! waits, saying so, or fails at once with --no-wait), readers see one
//! commit whole while a writer works, a compaction never pulls a file from
//! under a reader, and a lock left by a killed run is no obstacle.
//! `BAOCAO_PAUSE_AT` makes a run sleep at a named point, so that the
//! overlap is certain rather than a matter of timing.

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::crash::{corpus, lake_figures, no_leftovers};
use crate::support::Workdir;

const INGEST: &[&str] = &[
    "ingest",
    "corpus/inbox",
    "--reference",
    "corpus/reference",
    "--batch-items",
    "1500",
];

/// Starts `baocao args` in `w` with `env`, its stderr piped.
fn start(w: &Workdir, args: &[&str], env: &[(&str, &str)]) -> Child {
    Command::new(assert_cmd::cargo::cargo_bin("baocao"))
        .current_dir(w.dir.path())
        .env("BAOCAO_LANG", "en")
        .args(args)
        .envs(env.iter().copied())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start baocao")
}

/// Waits for `child`: its exit code and what it said on stderr.
pub fn finish(mut child: Child) -> (i32, String) {
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("stderr");
    let status = child.wait().expect("wait");
    (status.code().unwrap_or(-1), err)
}

/// Waits until some process holds the lake's lock (a guard of a minute, not
/// a timing assertion).
fn until_locked(lake: &Path) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Ok(f) = std::fs::File::open(lake.join("_baocao/lock"))
            && matches!(f.try_lock_shared(), Err(std::fs::TryLockError::WouldBlock))
        {
            return;
        }
        assert!(Instant::now() < deadline, "no run took the lock");
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn slow(point: &'static str) -> [(&'static str, &'static str); 2] {
    [("BAOCAO_PAUSE_AT", point), ("BAOCAO_PAUSE_MS", "400")]
}

#[test]
fn a_second_ingest_waits_for_the_first_and_adds_nothing_twice() {
    let w = Workdir::new();
    corpus(&w, "16");
    let clean_run = w.run(&[INGEST, &["--lake", "clean"]].concat());
    assert_eq!(clean_run.code, 0, "{}", clean_run.stderr);
    let clean = lake_figures(&w.path("clean"));

    let first = start(&w, INGEST, &slow("ingest-batch-committed"));
    until_locked(&w.path("lake"));
    // --no-wait: refused at once, with what to do
    let refused = w.run(&[INGEST, &["--no-wait"]].concat());
    assert_eq!(refused.code, 1, "{}", refused.stderr);
    assert!(
        refused
            .stderr
            .contains("another baocao run is using lake; run again when it has finished"),
        "{}",
        refused.stderr
    );
    // without: it waits, says so and naming the run it waits for, then
    // finds every file already in the lake
    let second = start(&w, INGEST, &[]);
    let (code, err) = finish(first);
    assert_eq!(code, 0, "{err}");
    let (code, err) = finish(second);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("baocao: another baocao run (pid ")
            && err.contains("waiting for it to finish"),
        "{err}"
    );
    assert!(err.contains("0 ingested"), "{err}");
    assert_eq!(lake_figures(&w.path("lake")), clean);
}

/// Counts that must agree within one snapshot: rows against the ledger.
const AGREE: &str = "SELECT (SELECT count(*) FROM activities_all) AS rows_seen, \
     (SELECT COALESCE(sum(rows_accepted), 0) FROM submissions) AS rows_committed, \
     (SELECT count(*) FROM rejects WHERE source_row IS NOT NULL) AS refused_seen, \
     (SELECT COALESCE(sum(rows_rejected), 0) FROM submissions) AS refused_committed";

fn agree(w: &Workdir) -> Option<Vec<i64>> {
    let run = w.run(&[
        "sql",
        AGREE,
        "--reference",
        "corpus/reference",
        "--format",
        "csv",
    ]);
    if run.stderr.contains("there is no lake") {
        return None;
    }
    assert_eq!(run.code, 0, "{}", run.stderr);
    let line = run.stdout.lines().nth(1).expect("a row");
    Some(line.split(',').map(|x| x.parse().expect("count")).collect())
}

#[test]
fn readers_see_whole_commits_while_ingest_and_compact_write() {
    let w = Workdir::new();
    corpus(&w, "16");
    let writer = start(&w, INGEST, &slow("ingest-batch-committed"));
    let mut states = std::collections::BTreeSet::new();
    let mut writer = Some(writer);
    while let Some(mut child) = writer.take() {
        if let Some(n) = agree(&w) {
            assert_eq!(
                (n[0], n[2]),
                (n[1], n[3]),
                "a reader saw a part of a commit"
            );
            states.insert(n[0]);
        }
        if child.try_wait().expect("wait").is_none() {
            writer = Some(child);
        } else {
            let (code, err) = finish(child);
            assert_eq!(code, 0, "{err}");
        }
    }
    assert!(states.len() >= 2, "the reader saw only {states:?}");

    // summary and trends read while another ingest writes
    w.fixture("so-y-te_2023.json", "late/so-y-te_2023.json");
    let writer = start(
        &w,
        &["ingest", "inbox/late", "--reference", "corpus/reference"],
        &slow("commit-data-written"),
    );
    until_locked(&w.path("lake"));
    let summary = w.run(&[
        "summary",
        "--year",
        "2023",
        "--reference",
        "corpus/reference",
        "--out",
        "s",
    ]);
    assert_eq!(summary.code, 0, "{}", summary.stderr);
    let trends = w.run(&[
        "trends",
        "--reference",
        "corpus/reference",
        "--as-of",
        "2023-12-31",
    ]);
    assert_eq!(trends.code, 0, "{}", trends.stderr);
    let (code, err) = finish(writer);
    assert_eq!(code, 0, "{err}");
    let figures = lake_figures(&w.path("lake"));

    // a reader holding its snapshot while compaction replaces its files
    let before = agree(&w).expect("a lake");
    let reader = Command::new(assert_cmd::cargo::cargo_bin("baocao"))
        .current_dir(w.dir.path())
        .env("BAOCAO_LANG", "en")
        .args([
            "sql",
            AGREE,
            "--reference",
            "corpus/reference",
            "--format",
            "csv",
        ])
        .env("BAOCAO_PAUSE_AT", "session-opened")
        .env("BAOCAO_PAUSE_MS", "3000")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the reader");
    std::thread::sleep(Duration::from_millis(1000));
    let compact = w.run(&["compact"]);
    assert_eq!(compact.code, 0, "{}", compact.stderr);
    let out = reader.wait_with_output().expect("reader");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line = String::from_utf8_lossy(&out.stdout)
        .lines()
        .nth(1)
        .map(str::to_string);
    let seen: Vec<i64> = line
        .expect("a row")
        .split(',')
        .map(|x| x.parse().expect("n"))
        .collect();
    assert_eq!(seen, before, "the reader's answer changed under compaction");
    assert_eq!(agree(&w), Some(before));
    assert_eq!(lake_figures(&w.path("lake")), figures);
    // the files the reader held were left; the next run removes them
    let again = w.run(&["compact"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(again.stderr.contains("removed "), "{}", again.stderr);
    assert_eq!(lake_figures(&w.path("lake")), figures);
    no_leftovers(&w.path("lake"));
}

#[test]
fn the_lock_of_a_killed_run_is_taken_over() {
    let w = Workdir::new();
    corpus(&w, "8");
    assert_eq!(w.run(&[INGEST, &["--lake", "clean"]].concat()).code, 0);
    let mut killed = start(&w, INGEST, &slow("ingest-batch-committed"));
    until_locked(&w.path("lake"));
    killed.kill().expect("kill");
    killed.wait().expect("wait");
    let stale = std::fs::read_to_string(w.path("lake/_baocao/lock")).expect("lock file");
    assert!(
        stale.starts_with(&format!("pid {}", killed.id())),
        "{stale}"
    );
    let run = w.run(&[INGEST, &["--no-wait"]].concat());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        lake_figures(&w.path("lake")),
        lake_figures(&w.path("clean"))
    );
}
