//! The lake on S3-compatible object storage (cargo feature `s3`), against a
//! real S3 server on loopback: moto's (`pip install "moto[server]"`;
//! `.ci/run` installs it). Each test starts its own server on a free port
//! and reads what baocao wrote with S3 clients that are not baocao's
//! (boto3, pyarrow's S3 filesystem).

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::concurrency::finish;
use crate::crash::corpus;
use crate::support::{Run, Workdir, free_port, have_python, python_json};

/// A moto S3 server on a free loopback port, with the bucket `kho`;
/// stopped when dropped.
pub struct Moto {
    child: Child,
    pub endpoint: String,
}

impl Moto {
    /// `None` (said loudly) when moto is not installed here; under CI,
    /// which installs it, a failure.
    pub fn start() -> Option<Moto> {
        if !have_python("moto.server, boto3") {
            return None;
        }
        let port = free_port();
        let child = Command::new("python3")
            .args([
                "-m",
                "moto.server",
                "-H",
                "127.0.0.1",
                "-p",
                &port.to_string(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start moto");
        let moto = Moto {
            child,
            endpoint: format!("http://127.0.0.1:{port}"),
        };
        let deadline = Instant::now() + Duration::from_secs(60);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "moto did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        moto.boto("s3.create_bucket(Bucket='kho'); print('null')");
        Some(moto)
    }

    /// The standard variables that point baocao (and pyarrow) at moto.
    pub fn env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("AWS_ENDPOINT_URL", self.endpoint.clone()),
            ("AWS_ALLOW_HTTP", "true".into()),
            ("AWS_ACCESS_KEY_ID", "kiem-thu".into()),
            ("AWS_SECRET_ACCESS_KEY", "bi-mat".into()),
            ("AWS_REGION", "us-east-1".into()),
        ]
    }

    /// Runs `script` with `s3`, a boto3 client of this server, and returns
    /// what it prints as JSON.
    fn boto(&self, script: &str) -> Value {
        let program = format!(
            "import boto3, json\ns3 = boto3.client('s3', endpoint_url='{}', \
             aws_access_key_id='kiem-thu', aws_secret_access_key='bi-mat', \
             region_name='us-east-1')\n{script}",
            self.endpoint
        );
        let out = Command::new("python3")
            .args(["-c", &program])
            .output()
            .expect("python3");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("JSON")
    }

    /// Every object under `prefix` in the bucket, as boto3 lists it.
    fn keys(&self, prefix: &str) -> Vec<String> {
        let listed = self.boto(&format!(
            "keys = []\nfor page in s3.get_paginator('list_objects_v2').paginate(Bucket='kho', Prefix='{prefix}'):\n    keys += [o['Key'] for o in page.get('Contents', [])]\nprint(json.dumps(sorted(keys)))"
        ));
        serde_json::from_value(listed).expect("keys")
    }

    /// The committed files the plain copy of the ledger lists, under `prefix`.
    fn committed(&self, prefix: &str) -> Vec<String> {
        let listed = self.boto(&format!(
            "import io, pyarrow.parquet as pq\nbody = s3.get_object(Bucket='kho', Key='{prefix}/submissions/submissions.parquet')['Body'].read()\nmeta = pq.ParquetFile(io.BytesIO(body)).metadata.metadata\nprint(meta[b'baocao.files'].decode())"
        ));
        let mut files: Vec<String> = serde_json::from_value(listed).expect("files");
        files.sort();
        files
    }

    pub fn run(&self, w: &Workdir, args: &[&str]) -> Run {
        let env = self.env();
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
        w.run_env(args, &env)
    }

    fn spawn(&self, w: &Workdir, args: &[&str], extra: &[(&str, &str)]) -> Child {
        Command::new(assert_cmd::cargo::cargo_bin("baocao"))
            .current_dir(w.dir.path())
            .env("BAOCAO_LANG", "en")
            .envs(self.env())
            .envs(extra.iter().copied())
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start baocao")
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub const LAKE: &str = "s3://kho/tinh/lake";

pub fn ingest<'a>(inbox: &'a str, lake: &'a str, batch: &'a str) -> Vec<&'a str> {
    vec![
        "ingest",
        inbox,
        "--reference",
        "corpus/reference",
        "--batch-items",
        batch,
        "--lake",
        lake,
    ]
}

/// The named queries an analyst runs most, each as CSV, from `lake`.
const NAMED: &[&[&str]] = &[
    &["coverage_by_unit"],
    &["coverage_by_theme"],
    &["coverage_by_form"],
    &["reporting_rate", "-p", "year=2023"],
    &["monthly_trend"],
    &["rejects_summary"],
    &["top_works", "-p", "year=2023"],
    &["lake_overview"],
];

/// `command` (e.g. `["query", NAME]`) over the corpus's reference data,
/// answering as CSV, on `lake`.
pub fn csv_args<'a>(command: &[&'a str], lake: &'a str) -> Vec<&'a str> {
    let mut args = command.to_vec();
    args.extend([
        "--reference",
        "corpus/reference",
        "--format",
        "csv",
        "--lake",
        lake,
    ]);
    args
}

fn answers(moto: &Moto, w: &Workdir, lake: &str) -> Vec<String> {
    NAMED
        .iter()
        .map(|q| {
            let mut command = vec!["query"];
            command.extend_from_slice(q);
            let run = moto.run(w, &csv_args(&command, lake));
            assert_eq!(run.code, 0, "{q:?} on {lake}: {}", run.stderr);
            run.stdout
        })
        .collect()
}

/// What the ledger holds, from SQL: each submission with its supersession,
/// and the items' count and sums.
fn figures(moto: &Moto, w: &Workdir, lake: &str) -> (String, String) {
    let sql = |q: &str| {
        let run = moto.run(w, &csv_args(&["sql", q], lake));
        assert_eq!(run.code, 0, "{q} on {lake}: {}", run.stderr);
        run.stdout
    };
    (
        sql(
            "SELECT submission_id, unit_code, period, rows_accepted, rows_rejected, superseded_by \
             FROM submissions ORDER BY submission_id",
        ),
        sql(
            "SELECT count(*) AS items, sum(quantity) AS quantity, sum(reach) AS reach, \
             count(DISTINCT activity_id) AS ids FROM lake.activities",
        ),
    )
}

/// The data objects under the lake's prefix that no commit lists.
fn uncommitted(moto: &Moto) -> Vec<String> {
    let committed = moto.committed("tinh/lake");
    moto.keys("tinh/lake/")
        .into_iter()
        .map(|k| k.trim_start_matches("tinh/lake/").to_string())
        .filter(|k| {
            ["activities/", "rollup/", "rejects/"]
                .iter()
                .any(|d| k.starts_with(d))
                && !committed.contains(k)
        })
        .collect()
}

#[test]
fn an_s3_lake_answers_as_a_local_one() {
    let Some(moto) = Moto::start() else { return };
    let w = Workdir::new();
    corpus(&w, "2");
    let run = moto.run(&w, &ingest("corpus/inbox", LAKE, "400"));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains(LAKE), "{}", run.stderr);
    let local = w.run(&ingest("corpus/inbox", "local", "400"));
    assert_eq!(local.code, 0, "{}", local.stderr);
    assert_eq!(answers(&moto, &w, LAKE), answers(&moto, &w, "local"));
    assert_eq!(figures(&moto, &w, LAKE), figures(&moto, &w, "local"));
    // the objects: versions of the ledger, its plain copy, data files
    // under the run's names, and no lease left
    let keys = moto.keys("tinh/lake/");
    assert!(keys.contains(&"tinh/lake/submissions/submissions.parquet".to_string()));
    assert!(keys.contains(&"tinh/lake/_baocao/ledger/00000000000000000001.parquet".to_string()));
    assert!(
        !keys.iter().any(|k| k.contains("_baocao/runs/")),
        "{keys:?}"
    );
    assert_eq!(uncommitted(&moto), Vec::<String>::new());
    // the same files again change nothing
    let again = moto.run(&w, &ingest("corpus/inbox", LAKE, "400"));
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(again.stderr.contains(" 0 ingested"), "{}", again.stderr);
    assert_eq!(answers(&moto, &w, LAKE), answers(&moto, &w, "local"));
}

/// Two folders of the corpus, sharing the files of one month: `a/` and `b/`.
fn split_corpus(w: &Workdir) {
    let inbox = w.path("corpus/inbox");
    let mut files: Vec<std::path::PathBuf> = walk(&inbox);
    files.sort();
    for (n, f) in files.iter().enumerate() {
        let rel = f.strip_prefix(&inbox).expect("inside");
        let shared = rel.starts_with("2023/05");
        for side in ["a", "b"] {
            if shared || (n % 2 == 0) == (side == "a") {
                let to = w.path(&format!("split/{side}")).join(rel);
                std::fs::create_dir_all(to.parent().expect("folder")).expect("mkdir");
                std::fs::copy(f, &to).expect("copy");
            }
        }
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read_dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn two_ingests_at_once_lose_no_commit() {
    let Some(moto) = Moto::start() else { return };
    let w = Workdir::new();
    corpus(&w, "2");
    split_corpus(&w);
    // the first run pauses after uploading each batch's files, before its
    // commit: the second commits meanwhile, so the first loses the race
    // for the next ledger version at least once, and must keep the
    // shared month's files the second committed
    let first = moto.spawn(
        &w,
        &ingest("split/a", LAKE, "300"),
        &[
            ("BAOCAO_PAUSE_AT", "commit-data-written"),
            ("BAOCAO_PAUSE_MS", "700"),
        ],
    );
    let second = moto.spawn(&w, &ingest("split/b", LAKE, "300"), &[]);
    let (code_a, err_a) = finish(first);
    let (code_b, err_b) = finish(second);
    assert_eq!(code_a, 0, "{err_a}");
    assert_eq!(code_b, 0, "{err_b}");
    assert!(
        err_a.contains("another run committed to the lake first")
            || err_b.contains("another run committed to the lake first"),
        "no run lost a race:\n{err_a}\n{err_b}"
    );
    let local = w.run(&ingest("corpus/inbox", "local", "300"));
    assert_eq!(local.code, 0, "{}", local.stderr);
    assert_eq!(figures(&moto, &w, LAKE), figures(&moto, &w, "local"));
    // the two reports count each committed file once: a file the other run
    // committed first is "already in the lake"
    let ingested = |err: &str| -> usize {
        let line = err
            .lines()
            .rev()
            .find(|l| l.contains(" ingested, "))
            .expect("a summary line");
        let before = line.split(" ingested, ").next().expect("count");
        before
            .rsplit(' ')
            .next()
            .expect("count")
            .parse()
            .expect("a number")
    };
    let submissions = figures(&moto, &w, LAKE).0.lines().count() - 1;
    assert_eq!(
        ingested(&err_a) + ingested(&err_b),
        submissions,
        "{err_a}\n{err_b}"
    );
    // the refusals' example files name the folder each run read
    let unsplit = |answers: Vec<String>| -> Vec<String> {
        answers
            .into_iter()
            .map(|a| {
                a.replace("split/a/", "corpus/inbox/")
                    .replace("split/b/", "corpus/inbox/")
            })
            .collect()
    };
    assert_eq!(
        unsplit(answers(&moto, &w, LAKE)),
        answers(&moto, &w, "local")
    );
    assert_eq!(uncommitted(&moto), Vec::<String>::new());
}

#[test]
fn an_ingest_killed_midway_then_run_again_equals_a_clean_run() {
    let Some(moto) = Moto::start() else { return };
    let w = Workdir::new();
    corpus(&w, "2");
    // killed (SIGKILL) while paused between uploading a batch's data files
    // and its commit
    let mut child = moto.spawn(
        &w,
        &ingest("corpus/inbox", LAKE, "300"),
        &[
            ("BAOCAO_PAUSE_AT", "commit-data-written"),
            ("BAOCAO_PAUSE_MS", "600000"),
        ],
    );
    let deadline = Instant::now() + Duration::from_secs(120);
    while !moto
        .keys("tinh/lake/activities/")
        .iter()
        .any(|k| k.contains("part-"))
    {
        assert!(Instant::now() < deadline, "no data file was uploaded");
        assert!(child.try_wait().expect("wait").is_none(), "the run ended");
        std::thread::sleep(Duration::from_millis(200));
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("wait");
    // its files are there, uncommitted, and its lease is left
    assert!(!uncommitted_before_commit(&moto).is_empty());
    // a crash after a version is created, before the plain copy follows
    let crashed = moto.run_crash(&w, &ingest("corpus/inbox", LAKE, "300"), "ledger-renamed#2");
    assert_ne!(crashed.code, 0, "{}", crashed.stderr);
    let run = moto.run(&w, &ingest("corpus/inbox", LAKE, "300"));
    assert_eq!(run.code, 0, "{}", run.stderr);
    let clean = w.run(&ingest("corpus/inbox", "local", "300"));
    assert_eq!(clean.code, 0, "{}", clean.stderr);
    assert_eq!(figures(&moto, &w, LAKE), figures(&moto, &w, "local"));
    assert_eq!(answers(&moto, &w, LAKE), answers(&moto, &w, "local"));
    // the killed runs' files are gone, and so are their leases
    assert_eq!(uncommitted(&moto), Vec::<String>::new());
    assert_eq!(moto.keys("tinh/lake/_baocao/runs/"), Vec::<String>::new());
}

/// Data objects while no ledger exists yet, or that the plain copy does
/// not list.
fn uncommitted_before_commit(moto: &Moto) -> Vec<String> {
    let keys = moto.keys("tinh/lake/");
    if keys
        .iter()
        .any(|k| k.ends_with("submissions/submissions.parquet"))
    {
        uncommitted(moto)
    } else {
        keys.into_iter().filter(|k| k.contains("/part-")).collect()
    }
}

impl Moto {
    fn run_crash(&self, w: &Workdir, args: &[&str], point: &str) -> Run {
        let mut env = self.env();
        env.push(("BAOCAO_CRASH_AT", point.to_string()));
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
        w.run_env(args, &env)
    }
}

#[test]
fn compaction_on_s3_keeps_every_answer_and_pyarrow_reads_the_lake() {
    let Some(moto) = Moto::start() else { return };
    let w = Workdir::new();
    corpus(&w, "2");
    let run = moto.run(&w, &ingest("corpus/inbox", LAKE, "200"));
    assert_eq!(run.code, 0, "{}", run.stderr);
    let before_files = moto.committed("tinh/lake");
    let before = (answers(&moto, &w, LAKE), figures(&moto, &w, LAKE));
    let compact = moto.run(&w, &["compact", "--lake", LAKE]);
    assert_eq!(compact.code, 0, "{}", compact.stderr);
    let after_files = moto.committed("tinh/lake");
    assert!(
        after_files.len() < before_files.len(),
        "{before_files:?} -> {after_files:?}"
    );
    assert_eq!((answers(&moto, &w, LAKE), figures(&moto, &w, LAKE)), before);
    // the replaced files stay a while for readers still reading them
    let keys = moto.keys("tinh/lake/");
    for f in &before_files {
        assert!(
            keys.contains(&format!("tinh/lake/{f}")),
            "{f} was removed at once"
        );
    }
    // an independent reader: pyarrow's own S3 filesystem, reading the files
    // the plain copy of the ledger lists
    let endpoint = moto.endpoint.trim_start_matches("http://");
    let script = format!(
        r#"
import json, pyarrow.fs as pafs, pyarrow.parquet as pq, pyarrow.compute as pc
fs = pafs.S3FileSystem(endpoint_override="{endpoint}", scheme="http", access_key="kiem-thu", secret_key="bi-mat", region="us-east-1")
ledger = pq.ParquetFile("kho/tinh/lake/submissions/submissions.parquet", filesystem=fs)
files = json.loads(ledger.metadata.metadata[b"baocao.files"])
superseded = set(json.loads(ledger.metadata.metadata[b"baocao.superseded_ids"]))
items = quantity = 0
for f in files:
    if f.startswith("activities/"):
        t = pq.read_table("kho/tinh/lake/" + f, filesystem=fs)
        keep = [s not in superseded for s in t.column("submission_id").to_pylist()]
        t = t.filter(keep)
        items += t.num_rows
        quantity += pc.sum(t.column("quantity")).as_py() or 0
subs = ledger.read().num_rows
print(json.dumps([subs, items, quantity]))
"#
    );
    let Some(read) = python_json(w.dir.path(), "pyarrow", &script) else {
        return;
    };
    let sql = moto.run(
        &w,
        &[
            "sql",
            "SELECT (SELECT count(*) FROM submissions) AS subs, count(*) AS items, sum(quantity) AS quantity FROM activities",
            "--reference",
            "corpus/reference",
            "--format",
            "json",
            "--lake",
            LAKE,
        ],
    );
    assert_eq!(sql.code, 0, "{}", sql.stderr);
    let ours: Value = serde_json::from_str(&sql.stdout).expect("json");
    let row = &ours[0];
    assert_eq!(
        read,
        serde_json::json!([row["subs"], row["items"], row["quantity"]]),
        "pyarrow read {read}, baocao says {row}"
    );
}

#[test]
fn summary_and_trends_on_s3_equal_a_local_lakes() {
    let Some(moto) = Moto::start() else { return };
    let w = Workdir::new();
    corpus(&w, "2");
    for lake in [LAKE, "local"] {
        let run = moto.run(&w, &ingest("corpus/inbox", lake, "400"));
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    for (lake, out) in [(LAKE, "s3-out"), ("local", "local-out")] {
        let summary = moto.run(
            &w,
            &[
                "summary",
                "--year",
                "2023",
                "--reference",
                "corpus/reference",
                "--lake",
                lake,
                "--out",
                out,
            ],
        );
        assert_eq!(summary.code, 0, "{}", summary.stderr);
        let trends = moto.run(
            &w,
            &[
                "trends",
                "--as-of",
                "2023-12-31",
                "--reference",
                "corpus/reference",
                "--lake",
                lake,
                "--out",
                &format!("{out}/trends"),
            ],
        );
        assert_eq!(trends.code, 0, "{}", trends.stderr);
    }
    let read = |p: &str| std::fs::read_to_string(w.path(p)).expect(p);
    let s3 = read("s3-out/summary.md");
    assert!(s3.contains("| "), "{s3}");
    assert_eq!(
        s3.replace(LAKE, "LAKE"),
        read("local-out/summary.md").replace("local", "LAKE")
    );
    let mut compared = 0;
    for f in walk(&w.path("local-out/trends")) {
        let name = f.file_name().and_then(|n| n.to_str()).expect("name");
        if name == "manifest.json" || !name.ends_with(".csv") {
            continue;
        }
        let rel = f.strip_prefix(w.path("local-out")).expect("inside");
        assert_eq!(
            std::fs::read(w.path("s3-out").join(rel)).expect("s3 trend file"),
            std::fs::read(&f).expect("local trend file"),
            "{name}"
        );
        compared += 1;
    }
    assert!(compared >= 3, "only {compared} trend files");
}

#[cfg(feature = "serve")]
#[test]
fn serve_answers_psql_from_an_s3_lake() {
    use crate::serve::{Server, have_psql, psql};
    if !have_psql() {
        return;
    }
    let Some(moto) = Moto::start() else { return };
    let w = Workdir::new();
    corpus(&w, "1");
    let run = moto.run(&w, &ingest("corpus/inbox", LAKE, "400"));
    assert_eq!(run.code, 0, "{}", run.stderr);
    let sql = "SELECT count(*) AS items, sum(quantity) AS quantity FROM activities";
    let expected = moto.run(&w, &["sql", sql, "--format", "csv", "--lake", LAKE]);
    assert_eq!(expected.code, 0, "{}", expected.stderr);
    let env = moto.env();
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let server = Server::start_on(&w, LAKE, &[], &env);
    let answer = psql(server.port, sql);
    assert_eq!(answer.code, 0, "{}", answer.stderr);
    // psql -At prints `items|quantity`; the CSV's second line is `items,quantity`
    let csv = expected
        .stdout
        .lines()
        .nth(1)
        .expect("a row")
        .replace(',', "|");
    assert_eq!(answer.stdout.trim(), csv);
}
