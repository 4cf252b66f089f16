//! The named queries on Apache DataFusion Ballista (cargo feature
//! `cluster`): a scheduler and two executors started from the binary as
//! separate processes on loopback, over an S3 lake on moto's server,
//! answer as the engine in one process does.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::crash::corpus;
use crate::s3::{LAKE, Moto, csv_args, ingest};
use crate::support::{Workdir, free_port};

fn wait_for(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "nothing listens on {port}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// A scheduler and two executors; stopped when dropped.
struct Cluster {
    children: Vec<Child>,
    url: String,
}

impl Cluster {
    fn start(moto: &Moto) -> Cluster {
        let spawn = |args: Vec<String>| {
            Command::new(assert_cmd::cargo::cargo_bin("baocao"))
                .env("BAOCAO_LANG", "en")
                .envs(moto.env())
                .args(args)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("start baocao cluster")
        };
        let scheduler = free_port();
        let address = format!("127.0.0.1:{scheduler}");
        let mut children = vec![spawn(vec![
            "cluster".into(),
            "scheduler".into(),
            "--listen".into(),
            address.clone(),
        ])];
        wait_for(scheduler);
        for _ in 0..2 {
            let (flight, grpc) = (free_port(), free_port());
            children.push(spawn(vec![
                "cluster".into(),
                "executor".into(),
                "--scheduler".into(),
                address.clone(),
                "--listen".into(),
                format!("127.0.0.1:{flight}"),
                "--grpc-port".into(),
                grpc.to_string(),
            ]));
            wait_for(flight);
        }
        Cluster {
            children,
            url: format!("df://{address}"),
        }
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        for c in &mut self.children {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

/// Six named queries of the analysts, with the parameters they take.
const SIX: &[&[&str]] = &[
    &["coverage_by_theme"],
    &["coverage_by_form"],
    &["monthly_trend"],
    &["reporting_rate", "-p", "year=2023"],
    &["lake_overview"],
    &["language_coverage"],
];

#[test]
fn a_ballista_cluster_answers_six_named_queries_as_one_process() {
    let Some(moto) = Moto::start() else { return };
    let w = Workdir::new();
    corpus(&w, "2");
    // many small files, then compacted: the replaced files stay in the
    // bucket for an hour, and the cluster must not read them
    let run = moto.run(&w, &ingest("corpus/inbox", LAKE, "100"));
    assert_eq!(run.code, 0, "{}", run.stderr);
    let compact = moto.run(&w, &["compact", "--lake", LAKE]);
    assert_eq!(compact.code, 0, "{}", compact.stderr);
    let cluster = Cluster::start(&moto);
    // a command's answer here and on the cluster
    let both = |command: &[&str]| {
        let mut args = csv_args(command, LAKE);
        let here = moto.run(&w, &args);
        assert_eq!(here.code, 0, "{command:?}: {}", here.stderr);
        assert!(
            here.stdout.lines().count() > 1,
            "{command:?} answered nothing"
        );
        args.extend(["--cluster", &cluster.url]);
        let there = moto.run(&w, &args);
        assert_eq!(
            there.code, 0,
            "{command:?} on the cluster: {}",
            there.stderr
        );
        (here, there)
    };
    for q in SIX {
        let mut command = vec!["query"];
        command.extend_from_slice(q);
        let (here, there) = both(&command);
        assert_eq!(there.stdout, here.stdout, "{q:?}");
    }
    // SQL of one's own, over the items, the ledger and the reference data
    let sql = "SELECT t.theme_code, count(*) AS items, sum(a.quantity) AS quantity, \
               count(DISTINCT s.unit_code) AS units \
               FROM activities a JOIN submissions s USING (submission_id) \
               JOIN themes t ON t.theme_code = a.theme_code GROUP BY 1 ORDER BY 1";
    let (here, there) = both(&["sql", sql]);
    assert_eq!(there.stdout, here.stdout);
    assert!(there.stderr.contains("Ballista"), "{}", there.stderr);
    // every committed row once: none of the files compaction replaced
    let (here, there) = both(&["sql", "SELECT count(*) AS n FROM lake.activities"]);
    assert_eq!(there.stdout, here.stdout);
    // a statement's LIMIT is kept (Ballista 55 returned every row)
    let (here, there) = both(&["sql", "SELECT unit_code FROM units ORDER BY 1 LIMIT 2"]);
    assert_eq!(there.stdout, here.stdout);
    let (_, there) = both(&["sql", "SELECT * FROM units LIMIT 2"]);
    assert_eq!(there.stdout.lines().count(), 3, "{}", there.stdout);
    // a query not shown to answer alike is refused, saying which can run
    let refused = moto.run(
        &w,
        &[
            "query",
            "top_works",
            "-p",
            "year=2023",
            "--lake",
            LAKE,
            "--cluster",
            &cluster.url,
        ],
    );
    assert_ne!(refused.code, 0);
    assert!(
        refused.stderr.contains("top_works") && refused.stderr.contains("coverage_by_theme"),
        "{}",
        refused.stderr
    );
}

#[test]
fn the_cluster_needs_an_s3_lake_and_a_scheduler_that_answers() {
    let w = Workdir::new();
    corpus(&w, "1");
    let run = w.run(&ingest("corpus/inbox", "local", "400"));
    assert_eq!(run.code, 0, "{}", run.stderr);
    let port = free_port();
    let url = format!("df://127.0.0.1:{port}");
    let local = w.run(&[
        "query",
        "lake_overview",
        "--lake",
        "local",
        "--cluster",
        &url,
    ]);
    assert_ne!(local.code, 0);
    assert!(local.stderr.contains("--lake s3://"), "{}", local.stderr);
    let Some(moto) = Moto::start() else { return };
    let run = moto.run(&w, &ingest("corpus/inbox", LAKE, "400"));
    assert_eq!(run.code, 0, "{}", run.stderr);
    // nothing listens on the port
    let gone = moto.run(
        &w,
        &["query", "lake_overview", "--lake", LAKE, "--cluster", &url],
    );
    assert_ne!(gone.code, 0);
    assert!(
        gone.stderr.contains("cannot reach the cluster's scheduler"),
        "{}",
        gone.stderr
    );
}
