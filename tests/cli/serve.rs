//! `baocao serve` (feature `serve`) started on a free loopback port and
//! driven by real clients: psql for its backslash commands, Python's
//! psycopg for the extended protocol, a raw socket for the first
//! authentication message. Figures are the fixture lake's, computed by hand
//! (see `query::fixture_lake`).

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::{Value, json};

use super::query::fixture_lake;
use super::support::{Run, Workdir, python_json};

const PASSWORD: &str = "Mật-khẩu 2023";

/// A running `baocao serve`; stopped with SIGTERM (or killed) when dropped.
pub struct Server {
    child: Option<Child>,
    pub port: u16,
    log: std::sync::Arc<std::sync::Mutex<String>>,
}

impl Server {
    /// Starts `baocao serve --lake lake --users users --listen
    /// 127.0.0.1:0 ARGS` in `w` (adding user `analyst` first) and waits
    /// until it listens.
    pub fn start(w: &Workdir, args: &[&str], env: &[(&str, &str)]) -> Server {
        Server::start_on(w, "lake", args, env)
    }

    /// [`Server::start`] on the lake `lake` (a folder or `s3://...`).
    pub fn start_on(w: &Workdir, lake: &str, args: &[&str], env: &[(&str, &str)]) -> Server {
        add_user(w, "analyst", PASSWORD);
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("baocao"))
            .current_dir(w.dir.path())
            .args([
                "serve",
                "--lake",
                lake,
                "--users",
                "users",
                "--listen",
                "127.0.0.1:0",
            ])
            .args(args)
            .env("BAOCAO_LANG", "en")
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("baocao serve");
        let stderr = child.stderr.take().expect("stderr");
        let log = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let (tx, rx) = mpsc::channel();
        let kept = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(rest) = line.split("listening addr=127.0.0.1:").nth(1) {
                    let port: u16 = rest
                        .split_whitespace()
                        .next()
                        .and_then(|p| p.parse().ok())
                        .expect("port");
                    let _ = tx.send(port);
                }
                let mut log = kept.lock().expect("log");
                log.push_str(&line);
                log.push('\n');
            }
        });
        let port = match rx.recv_timeout(Duration::from_secs(120)) {
            Ok(port) => port,
            Err(_) => {
                let _ = child.kill();
                panic!("the server did not start:\n{}", log.lock().expect("log"));
            }
        };
        Server {
            child: Some(child),
            port,
            log,
        }
    }

    /// SIGTERM, then the exit code and everything the server logged.
    pub fn stop(mut self) -> (i32, String) {
        let mut child = self.child.take().expect("running");
        let _ = Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status();
        let deadline = std::time::Instant::now() + Duration::from_secs(60);
        let code = loop {
            if let Ok(Some(status)) = child.try_wait() {
                break status.code().unwrap_or(-1);
            }
            if std::time::Instant::now() > deadline {
                let _ = child.kill();
                panic!("the server did not stop on SIGTERM");
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        // the reader thread has the last lines once the pipe closes
        std::thread::sleep(Duration::from_millis(100));
        let log = self.log.lock().expect("log").clone();
        (code, log)
    }

    pub fn log(&self) -> String {
        self.log.lock().expect("log").clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// `baocao users add NAME --users users`, the password typed twice.
fn add_user(w: &Workdir, name: &str, password: &str) -> Run {
    let run = w.run_stdin(
        &["users", "add", name, "--users", "users"],
        &format!("{password}\n{password}\n"),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    run
}

/// psql is installed (`.ci/run` installs postgresql-client); elsewhere a
/// test without it says loudly that it is skipped.
pub fn have_psql() -> bool {
    let found = Command::new("psql")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have psql (.ci/run installs postgresql-client)"
        );
        eprintln!("SKIPPED: no psql here (apt-get install postgresql-client to run this test)");
    }
    found
}

/// `psql -At` as `user` with `password` and extra `PG*` variables.
fn psql_as(port: u16, user: &str, password: &str, env: &[(&str, &str)], sql: &str) -> Run {
    let out = Command::new("psql")
        .args([
            "-X",
            "-At",
            "-v",
            "ON_ERROR_STOP=1",
            "-h",
            "127.0.0.1",
            "-p",
            &port.to_string(),
            "-U",
            user,
            "-d",
            "baocao",
            "-c",
            sql,
        ])
        .env("PGPASSWORD", password)
        .env("PGCONNECT_TIMEOUT", "30")
        .env_remove("PGOPTIONS")
        .envs(env.iter().copied())
        .output()
        .expect("psql");
    Run::from(out)
}

pub fn psql(port: u16, sql: &str) -> Run {
    psql_as(port, "analyst", PASSWORD, &[], sql)
}

/// A Python script's JSON answer, with psycopg connected as `analyst`:
/// `connect()` is defined for the script.
fn psycopg(w: &Workdir, port: u16, body: &str) -> Option<Value> {
    let script = format!(
        "import json, psycopg\n\
         def connect(**kw):\n    \
             return psycopg.connect(host='127.0.0.1', port={port}, user='analyst', password={PASSWORD:?}, dbname='baocao', **kw)\n\
         {body}"
    );
    python_json(w.dir.path(), "psycopg", &script)
}

#[test]
fn psql_lists_the_tables_describes_one_and_runs_a_named_query() {
    if !have_psql() {
        return;
    }
    let w = fixture_lake();
    let server = Server::start(&w, &[], &[]);
    // psql -At prints `schema|name|type|owner` per relation
    let listed = |command: &str, names: &[&str]| {
        let run = psql(server.port, command);
        assert_eq!(run.code, 0, "{}", run.stderr);
        for name in names {
            assert!(
                run.stdout
                    .lines()
                    .any(|l| l.split('|').nth(1) == Some(*name)),
                "{name} not in {command}:\n{}",
                run.stdout
            );
        }
    };
    listed(
        "\\dt",
        &["submissions", "units", "themes", "forms", "peak_periods"],
    );
    listed("\\dv", &["activities", "reporting_status", "rejects"]);
    // the columns of the contract's section 2, with their types
    let described = psql(server.port, "\\d activities");
    assert_eq!(described.code, 0, "{}", described.stderr);
    for column in [
        "activity_date|date",
        "quantity|bigint",
        "reach|bigint",
        "title|text",
        "year|integer",
    ] {
        assert!(
            described.stdout.contains(column),
            "{column}:\n{}",
            described.stdout
        );
    }
    // 11 items, quantity 18 (the fixture's table)
    let counted = psql(
        server.port,
        "SELECT count(*), sum(quantity) FROM activities",
    );
    assert_eq!(counted.stdout.trim(), "11|18", "{}", counted.stderr);
    // a named query at its defaults: items and quantity per theme, by hand
    let themes = psql(
        server.port,
        "SELECT theme_code, items, quantity FROM queries.coverage_by_theme ORDER BY theme_code",
    );
    assert_eq!(
        themes.stdout.trim(),
        "commitments|1|1\nethnic|3|3\ngeneral|2|4\nlabour|1|1\nreligion|2|5\ntrafficking|2|4",
        "{}",
        themes.stderr
    );
    // one log line per connection and per statement
    let (code, log) = server.stop();
    assert_eq!(code, 0, "SIGTERM ends the server with 0:\n{log}");
    assert!(log.contains("connected user=analyst"), "{log}");
    assert!(
        log.lines().any(|l| l
            .contains("statement: SELECT count(*), sum(quantity) FROM activities")
            && l.contains("rows=1")
            && l.contains("user=analyst")),
        "{log}"
    );
    assert!(log.contains("disconnected user=analyst"), "{log}");
}

/// The server's first answer to a start-up message, read off a raw socket:
/// AuthenticationSASL (code 10) offering SCRAM-SHA-256 and nothing else.
#[test]
fn the_server_asks_for_scram_sha_256_and_nothing_else() {
    let w = fixture_lake();
    let server = Server::start(&w, &[], &[]);
    let mut socket = std::net::TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
    socket
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    let mut body = Vec::new();
    body.extend_from_slice(&196608u32.to_be_bytes()); // protocol 3.0
    for part in ["user", "analyst", "database", "baocao"] {
        body.extend_from_slice(part.as_bytes());
        body.push(0);
    }
    body.push(0);
    let mut message = ((body.len() + 4) as u32).to_be_bytes().to_vec();
    message.extend_from_slice(&body);
    socket.write_all(&message).expect("startup");
    let mut head = [0u8; 5];
    socket.read_exact(&mut head).expect("answer");
    assert_eq!(head[0], b'R', "an authentication request");
    let len = u32::from_be_bytes([head[1], head[2], head[3], head[4]]) as usize;
    let mut rest = vec![0u8; len - 4];
    socket.read_exact(&mut rest).expect("answer body");
    assert_eq!(&rest[..4], &10u32.to_be_bytes(), "AuthenticationSASL");
    let mechanisms: Vec<&[u8]> = rest[4..]
        .split(|&b| b == 0)
        .filter(|m| !m.is_empty())
        .collect();
    assert_eq!(mechanisms, vec![b"SCRAM-SHA-256".as_slice()]);
}

#[test]
fn a_wrong_password_and_an_unknown_user_are_refused_alike() {
    if !have_psql() {
        return;
    }
    let w = fixture_lake();
    let server = Server::start(&w, &[], &[]);
    let wrong = psql_as(server.port, "analyst", "not the password", &[], "SELECT 1");
    let unknown = psql_as(server.port, "nobody", PASSWORD, &[], "SELECT 1");
    assert_ne!(wrong.code, 0);
    assert_eq!(wrong.code, unknown.code);
    assert!(
        wrong
            .stderr
            .contains("password authentication failed for user \"analyst\""),
        "{}",
        wrong.stderr
    );
    // the same sentence, but for the name
    assert_eq!(
        wrong.stderr.replace("analyst", "NAME"),
        unknown.stderr.replace("nobody", "NAME")
    );
    // the right password still works after both
    assert_eq!(psql(server.port, "SELECT 1").stdout.trim(), "1");
    let log = server.log();
    assert!(log.contains("reason=\"password\""), "{log}");
    assert!(log.contains("reason=\"no such user\""), "{log}");
}

#[test]
fn writing_is_refused_with_baocao_sql_s_sentence_in_the_language_asked_for() {
    if !have_psql() {
        return;
    }
    let w = fixture_lake();
    let server = Server::start(&w, &[], &[]);
    for sql in [
        "DROP TABLE activities",
        "CREATE TABLE t (a INT)",
        "INSERT INTO activities (activity_id) VALUES ('x')",
        "DELETE FROM activities",
        "COPY activities TO '/tmp/baocao-copy.csv'",
        "SET datafusion.execution.batch_size = 1",
    ] {
        let local = w.run(&["sql", "--lake", "lake", sql]);
        assert_eq!(local.code, 1, "{sql}");
        let sentence = local
            .stderr
            .trim()
            .strip_prefix("baocao: ")
            .expect("baocao: ...")
            .to_string();
        let served = psql(server.port, sql);
        assert_ne!(served.code, 0, "{sql} was not refused");
        assert!(
            served.stderr.contains(&sentence),
            "{sql}: psql said\n{}\nbaocao sql said\n{sentence}",
            served.stderr
        );
        // in Vietnamese when the connection asks for it, as `baocao sql` says it
        let local_vi = w.run_vi(&["sql", "--lake", "lake", sql]);
        let sentence_vi = local_vi
            .stderr
            .trim()
            .trim_start_matches("baocao: ")
            .to_string();
        let served_vi = psql_as(
            server.port,
            "analyst",
            PASSWORD,
            &[("PGOPTIONS", "-c lc_messages=vi")],
            sql,
        );
        assert!(
            served_vi.stderr.contains(&sentence_vi),
            "{sql}: {}\n{sentence_vi}",
            served_vi.stderr
        );
    }
    // nothing was written: still 11 items
    assert_eq!(
        psql(server.port, "SELECT count(*) FROM activities")
            .stdout
            .trim(),
        "11"
    );
}

#[test]
fn a_certificate_that_cannot_be_loaded_stops_the_server_before_it_listens() {
    let w = fixture_lake();
    add_user(&w, "analyst", PASSWORD);
    w.write("bad.pem", b"not a certificate\n");
    let serve = |extra: &[&str]| {
        let mut args = vec!["serve", "--lake", "lake", "--listen", "127.0.0.1:0"];
        args.extend_from_slice(extra);
        w.run(&args)
    };
    for (cert, key, named) in [
        ("bad.pem", "bad.pem", "bad.pem"),
        ("bad.pem", "missing.key", "missing.key"),
    ] {
        let run = serve(&["--users", "users", "--tls-cert", cert, "--tls-key", key]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(run.stderr.contains(named), "{}", run.stderr);
        assert!(run.stderr.contains("does not start"), "{}", run.stderr);
        assert!(!run.stderr.contains("listening"), "{}", run.stderr);
    }
    // a certificate with no key: a usage error
    let run = serve(&["--users", "users", "--tls-cert", "bad.pem"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    // no users: no start either
    let run = serve(&["--users", "nobody-here"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("baocao users add"), "{}", run.stderr);
}

#[test]
fn with_a_certificate_every_connection_uses_tls() {
    if !have_psql() {
        return;
    }
    let w = fixture_lake();
    let made = Command::new("openssl")
        .current_dir(w.dir.path())
        .args([
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=localhost",
            "-keyout",
            "server.key",
            "-out",
            "server.crt",
        ])
        .output();
    if !made.is_ok_and(|o| o.status.success()) {
        assert!(std::env::var_os("CI").is_none(), "CI must have openssl");
        eprintln!("SKIPPED: no openssl here to make a certificate");
        return;
    }
    let server = Server::start(
        &w,
        &["--tls-cert", "server.crt", "--tls-key", "server.key"],
        &[],
    );
    let secure = psql_as(
        server.port,
        "analyst",
        PASSWORD,
        &[("PGSSLMODE", "require")],
        "SELECT count(*) FROM activities",
    );
    assert_eq!(secure.stdout.trim(), "11", "{}", secure.stderr);
    let plain = psql_as(
        server.port,
        "analyst",
        PASSWORD,
        &[("PGSSLMODE", "disable")],
        "SELECT 1",
    );
    assert_ne!(plain.code, 0);
    assert!(
        plain.stderr.contains("only TLS connections"),
        "{}",
        plain.stderr
    );
    assert!(server.log().contains("tls=true"), "{}", server.log());
}

#[test]
fn psycopg_binds_parameters_dates_nulls_and_vietnamese_text() {
    let w = fixture_lake();
    let server = Server::start(&w, &[], &[]);
    let Some(got) = psycopg(
        &w,
        server.port,
        r#"
import datetime, unicodedata
out = {}
with connect() as conn:
    cur = conn.cursor()
    # a prepared statement with an integer and a date parameter
    cur.execute("SELECT unit_code, sum(quantity) AS q FROM activities WHERE year = %s AND activity_date >= %s GROUP BY unit_code ORDER BY unit_code", (2023, datetime.date(2023, 7, 1)), prepare=True)
    out['from_july'] = [[u, int(q)] for u, q in cur.fetchall()]
    cur.execute("SELECT unit_code, sum(quantity) AS q FROM activities WHERE year = %s AND activity_date >= %s GROUP BY unit_code ORDER BY unit_code", (2023, datetime.date(2023, 9, 1)), prepare=True)
    out['from_september'] = [[u, int(q)] for u, q in cur.fetchall()]
    # a date comes back as a date
    cur.execute("SELECT activity_date FROM activities WHERE unit_code = %s AND form_code = %s", ('dai-ptth-dien-bien', 'tv'))
    d = cur.fetchone()[0]
    out['date'] = [type(d).__name__, d.isoformat()]
    # NULLs both ways
    cur.execute("SELECT %s::bigint AS n, reach FROM activities WHERE unit_code = %s AND form_code = %s", (None, 'ttxvn-dien-bien', 'news'))
    out['nulls'] = list(cur.fetchone())
    # Vietnamese text round-trips in NFC
    cur.execute("SELECT %s::text AS t", ("Điện Biên – Mường Chà",))
    t = cur.fetchone()[0]
    out['text'] = [t, unicodedata.is_normalized('NFC', t)]
    cur.execute("SELECT title FROM activities WHERE title LIKE %s ORDER BY title", ('%quyền%',))
    titles = [r[0] for r in cur.fetchall()]
    out['titles_nfc'] = all(unicodedata.is_normalized('NFC', x) for x in titles)
    out['titles'] = len(titles)
print(json.dumps(out, ensure_ascii=False))
"#,
    ) else {
        return;
    };
    // from July: tuan-giao 2+1+3+1 = 7, muong-cha 1+2 = 3, dai-ptth 1 (09-11),
    // so-y-te 1 (10-10), ttxvn 4 (07-20)
    assert_eq!(
        got["from_july"],
        json!([
            ["dai-ptth-dien-bien", 1],
            ["pvhtt-muong-cha", 3],
            ["pvhtt-tuan-giao", 7],
            ["so-y-te", 1],
            ["ttxvn-dien-bien", 4]
        ])
    );
    assert_eq!(
        got["from_september"],
        json!([["dai-ptth-dien-bien", 1], ["so-y-te", 1]])
    );
    assert_eq!(got["date"], json!(["date", "2023-03-10"]));
    assert_eq!(got["nulls"], json!([null, null]));
    assert_eq!(got["text"], json!(["Điện Biên – Mường Chà", true]));
    assert_eq!(got["titles_nfc"], json!(true));
}

/// The start-up queries DBeaver and Metabase send, from datafusion-postgres'
/// own tests (`tests/dbeaver.rs`, `tests/metabase.rs`), sent as their JDBC
/// driver sends them: through the extended protocol.
#[test]
fn dbeaver_s_and_metabase_s_start_up_queries_are_answered() {
    let w = fixture_lake();
    let server = Server::start(&w, &[], &[]);
    let queries = include_str!("serve_client_queries.json");
    let Some(got) = psycopg(
        &w,
        server.port,
        &format!(
            r#"
queries = json.loads({queries:?})
queries.pop('_source')
failed = []
with connect(autocommit=True) as conn:
    for client, qs in queries.items():
        for q in qs:
            try:
                conn.execute(q)
            except Exception as e:
                failed.append([client, q[:80], str(e)[:200]])
print(json.dumps({{'failed': failed, 'count': sum(len(v) for v in queries.values())}}))
"#
        ),
    ) else {
        return;
    };
    // One of DBeaver's queries (is type 1034 an array? it compares
    // `typinput` with `'pg_catalog.array_in'::regproc`) fails in
    // datafusion-postgres 0.19's catalog itself: DBeaver logs it and goes
    // on. Listed here so that the day it is answered, this test says so.
    let known = json!([[
        "dbeaver",
        "SELECT typinput='pg_catalog.array_in'::regproc as is_array, typtype, typname, pg",
        "Arrow error: Cast error: Cannot cast string 'array_in' to value of Int32 type"
    ]]);
    assert_eq!(got["failed"], known, "{got}");
    assert_eq!(got["count"], json!(29));
}

/// One more July report, of Mường Nhé: 2 items, quantity 3.
fn later_report(w: &Workdir) {
    w.write(
        "inbox/later/pvhtt-muong-nhe_2023-07.csv",
        "Ngày,Chủ đề,Hình thức,Tên tin bài,Số lượng,Lượt tiếp cận,Ngôn ngữ\n\
         03/07/2023,trafficking,Tin,Phòng chống mua bán người ở Mường Nhé,2,500,Thái\n\
         10/07/2023,ethnic,Bài,Chính sách dân tộc ở vùng cao,1,,\n"
            .as_bytes(),
    );
}

#[test]
fn an_ingest_is_seen_by_the_next_statement_and_never_half_by_a_running_one() {
    let w = fixture_lake();
    let server = Server::start(&w, &[], &[]);
    // a reader asks, again and again, for two figures of one commit: the
    // items and the submissions; meanwhile a new report is ingested
    later_report(&w);
    let body = r#"
import os, time
seen = set()
with connect(autocommit=True) as conn:
    started = time.time()
    open('reader-started', 'w').close()
    while not os.path.exists('ingested') and time.time() - started < 300:
        r = conn.execute("SELECT (SELECT count(*) FROM activities) AS a, (SELECT count(*) FROM submissions WHERE superseded_by IS NULL) AS s").fetchone()
        seen.add((int(r[0]), int(r[1])))
    r = conn.execute("SELECT (SELECT count(*) FROM activities) AS a, (SELECT count(*) FROM submissions WHERE superseded_by IS NULL) AS s").fetchone()
    after = [int(r[0]), int(r[1])]
print(json.dumps({'seen': sorted(seen), 'after': after}))
"#;
    let port = server.port;
    let dir = w.dir.path().to_path_buf();
    let reader = std::thread::spawn(move || {
        let script = format!(
            "import json, psycopg\n\
             def connect(**kw):\n    return psycopg.connect(host='127.0.0.1', port={port}, user='analyst', password={PASSWORD:?}, dbname='baocao', **kw)\n{body}"
        );
        python_json(&dir, "psycopg", &script)
    });
    let started = std::time::Instant::now();
    while !w.path("reader-started").exists() && started.elapsed() < Duration::from_secs(120) {
        if reader.is_finished() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let before = w.run(&["sql", "--lake", "lake", "--format", "csv",
        "SELECT (SELECT count(*) FROM activities) AS a, (SELECT count(*) FROM submissions WHERE superseded_by IS NULL) AS s"]);
    let ingest = w.run(&["ingest", "inbox/later"]);
    assert_eq!(ingest.code, 0, "{}", ingest.stderr);
    let after = w.run(&["sql", "--lake", "lake", "--format", "csv",
        "SELECT (SELECT count(*) FROM activities) AS a, (SELECT count(*) FROM submissions WHERE superseded_by IS NULL) AS s"]);
    std::thread::sleep(Duration::from_millis(500));
    w.write("ingested", b"");
    let Some(got) = reader.join().expect("reader") else {
        return;
    };
    let pair = |run: &Run| -> Vec<i64> {
        run.stdout
            .lines()
            .nth(1)
            .expect("a row")
            .split(',')
            .map(|n| n.parse().expect("a count"))
            .collect()
    };
    let (before, after) = (pair(&before), pair(&after));
    // 11 items in 5 current reports (the fixture), then 2 more in one more
    assert_eq!(before, vec![11, 5]);
    assert_eq!(after, vec![13, 6]);
    assert_eq!(
        got["after"],
        json!(after),
        "the next statement sees the commit"
    );
    for seen in got["seen"].as_array().expect("seen") {
        assert!(
            *seen == json!(before) || *seen == json!(after),
            "a statement saw half a commit: {seen}"
        );
    }
}

#[test]
fn a_cursor_keeps_its_snapshot_while_a_compaction_runs() {
    let w = fixture_lake();
    let server = Server::start(&w, &[], &[]);
    later_report(&w);
    let bin = assert_cmd::cargo::cargo_bin("baocao");
    let Some(got) = psycopg(
        &w,
        server.port,
        &format!(
            r#"
import subprocess
def baocao(*args):
    r = subprocess.run([{bin:?}, *args], capture_output=True, text=True, env={{**__import__('os').environ, 'BAOCAO_LANG': 'en'}})
    assert r.returncode == 0, r.stderr
    return r.stderr
with connect() as conn:
    cur = conn.cursor()
    cur.execute("DECLARE c CURSOR FOR SELECT activity_id FROM activities ORDER BY activity_id")
    cur.execute("FETCH 2 FROM c")
    first = [r[0] for r in cur.fetchall()]
    # a commit and a compaction while the cursor is open
    baocao('ingest', 'inbox/later')
    compacted = baocao('compact', '--lake', 'lake')
    cur.execute("FETCH ALL FROM c")
    rest = [r[0] for r in cur.fetchall()]
    cur.execute("CLOSE c")
    conn.commit()
    now = conn.execute("SELECT count(*) FROM activities").fetchone()[0]
print(json.dumps({{'cursor': len(first) + len(rest), 'distinct': len(set(first + rest)), 'now': int(now)}}))
"#,
            bin = bin.display().to_string()
        ),
    ) else {
        return;
    };
    // the cursor reads the 11 items of its snapshot, all of them, each once;
    // the next statement sees the 13 of the new commit
    assert_eq!(got["cursor"], json!(11), "{got}");
    assert_eq!(got["distinct"], json!(11), "{got}");
    assert_eq!(got["now"], json!(13), "{got}");
}

#[test]
fn sixteen_connections_run_the_named_queries_fifty_times_each() {
    let w = fixture_lake();
    let server = Server::start(&w, &[], &[]);
    // each answer as `baocao query` gives it
    let names = [
        "coverage_by_theme",
        "coverage_by_unit",
        "coverage_by_form",
        "reporting_rate",
        "language_coverage",
        "monthly_trend",
    ];
    let mut expected = serde_json::Map::new();
    for name in names {
        let run = w.run(&["query", name, "--lake", "lake", "--format", "json"]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        let rows: Value = serde_json::from_str(&run.stdout).expect("json");
        expected.insert(name.to_string(), rows);
    }
    w.write(
        "expected.json",
        Value::Object(expected).to_string().as_bytes(),
    );
    let Some(got) = psycopg(
        &w,
        server.port,
        r#"
import datetime, decimal
from concurrent.futures import ThreadPoolExecutor
expected = json.load(open('expected.json'))
names = sorted(expected)
def plain(v):
    if isinstance(v, (datetime.date, datetime.datetime)):
        return v.isoformat()
    if isinstance(v, decimal.Decimal):
        return float(v)
    return v
def canon(rows):
    return sorted(json.dumps({k: (round(v, 6) if isinstance(v, float) else v) for k, v in r.items()}, sort_keys=True) for r in rows)
want = {n: canon(expected[n]) for n in names}
def worker(i):
    wrong, done = [], 0
    with connect(autocommit=True) as conn:
        for k in range(50):
            n = names[(i + k) % len(names)]
            cur = conn.execute(f"SELECT * FROM queries.{n}")
            cols = [d.name for d in cur.description]
            rows = [dict(zip(cols, map(plain, r))) for r in cur.fetchall()]
            if canon(rows) != want[n]:
                wrong.append(n)
            done += 1
    return done, wrong
with ThreadPoolExecutor(16) as pool:
    results = list(pool.map(worker, range(16)))
print(json.dumps({'done': sum(d for d, _ in results), 'wrong': sorted(set(x for _, w in results for x in w))}))
"#,
    ) else {
        return;
    };
    assert_eq!(got["wrong"], json!([]), "{got}");
    assert_eq!(got["done"], json!(800));
    assert!(!server.log().contains("ok=false"), "{}", server.log());
}

#[test]
fn the_limits_answer_with_a_sentence_and_the_server_goes_on() {
    if !have_psql() {
        return;
    }
    let w = fixture_lake();
    let server = Server::start(&w, &["--max-connections", "2", "--memory-limit", "1"], &[]);
    // a hash join whose build side (300,000 keys) needs more than 1 MB
    let big = psql(
        server.port,
        "SELECT count(*) FROM generate_series(1, 300000) a JOIN generate_series(1, 300000) b ON a.value = b.value",
    );
    assert_ne!(big.code, 0);
    assert!(
        big.stderr
            .contains("more memory than one statement may hold"),
        "{}",
        big.stderr
    );
    assert!(big.stderr.contains("--memory-limit"), "{}", big.stderr);
    assert_eq!(
        psql(server.port, "SELECT count(*) FROM activities")
            .stdout
            .trim(),
        "11"
    );
    // two connections held open: the third is told the server is full
    let Some(got) = psycopg(
        &w,
        server.port,
        r#"
a = connect(); b = connect()
try:
    connect()
    third = 'connected'
except Exception as e:
    third = str(e)
n = a.execute("SELECT count(*) FROM activities").fetchone()[0]
a.close(); b.close()
import time; time.sleep(0.5)
with connect() as c:
    again = c.execute("SELECT 1").fetchone()[0]
print(json.dumps({'third': third, 'n': int(n), 'again': again}))
"#,
    ) else {
        return;
    };
    assert!(
        got["third"]
            .as_str()
            .unwrap_or_default()
            .contains("2 connections, its most"),
        "{got}"
    );
    assert_eq!(got["n"], json!(11));
    assert_eq!(got["again"], json!(1));
    drop(server);
    // a statement that runs past its time
    let server = Server::start(&w, &["--statement-timeout", "1"], &[]);
    let slow = psql(
        server.port,
        "SELECT count(*) FROM generate_series(1, 20000) a CROSS JOIN generate_series(1, 20000) b WHERE a.value + b.value = 7",
    );
    assert_ne!(slow.code, 0);
    assert!(
        slow.stderr
            .contains("stopped after 1 second, the server's limit"),
        "{}",
        slow.stderr
    );
    // the server goes on: the stopped statement's engine task ends at its
    // next yield (a batch of the join later), and then the next answers
    let started = std::time::Instant::now();
    loop {
        let next = psql(server.port, "SELECT count(*) FROM activities");
        if next.stdout.trim() == "11" {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(180),
            "the server did not go on: {}",
            next.stderr
        );
        std::thread::sleep(Duration::from_millis(500));
    }
}

#[test]
fn a_cancel_request_stops_the_running_statement() {
    let w = fixture_lake();
    let server = Server::start(&w, &[], &[]);
    let Some(got) = psycopg(
        &w,
        server.port,
        r#"
import threading, time
with connect(autocommit=True) as conn:
    timer = threading.Timer(1.5, conn.cancel_safe)
    timer.start()
    started = time.time()
    try:
        conn.execute("SELECT count(*) FROM generate_series(1, 30000) a CROSS JOIN generate_series(1, 30000) b WHERE a.value + b.value = 7").fetchall()
        said = 'finished'
    except Exception as e:
        said = [type(e).__name__, e.sqlstate, str(e)]
    took = time.time() - started
    after = conn.execute("SELECT count(*) FROM activities").fetchone()[0]
print(json.dumps({'said': said, 'took': took, 'after': int(after)}))
"#,
    ) else {
        return;
    };
    assert_eq!(got["said"][0], json!("QueryCanceled"), "{got}");
    assert_eq!(got["said"][1], json!("57014"), "{got}");
    assert!(
        got["said"][2]
            .as_str()
            .unwrap_or_default()
            .contains("cancelled, as you asked"),
        "{got}"
    );
    // the connection goes on
    assert_eq!(got["after"], json!(11));
}

/// DBeaver and Metabase connect through the PostgreSQL JDBC driver (Debian's
/// libpostgresql-jdbc-java, which `.ci/run` installs): log-in, metadata,
/// a prepared statement, Vietnamese text, a refusal.
#[test]
fn the_jdbc_driver_of_dbeaver_and_metabase_logs_in_and_reads_the_metadata() {
    let jar = std::path::Path::new("/usr/share/java/postgresql.jar");
    let java = Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !jar.exists() || !java {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have java and the PostgreSQL JDBC driver (.ci/run installs libpostgresql-jdbc-java)"
        );
        eprintln!("SKIPPED: no java or no /usr/share/java/postgresql.jar here");
        return;
    }
    let w = fixture_lake();
    let server = Server::start(&w, &[], &[]);
    let program = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cli/serve_jdbc/JdbcCheck.java");
    let out = Command::new("java")
        .args([
            "-Dfile.encoding=UTF-8",
            "-Dsun.stdout.encoding=UTF-8",
            "-cp",
        ])
        .arg(jar)
        .arg(program)
        .args([&server.port.to_string(), "analyst", PASSWORD])
        .output()
        .expect("java");
    let run = Run::from(out);
    assert_eq!(run.code, 0, "{}\n{}", run.stderr, server.log());
    let got: Value = serde_json::from_str(run.stdout.trim()).expect("JSON");
    for schema in ["lake", "public", "queries"] {
        assert!(
            got["schemas"]
                .as_array()
                .expect("schemas")
                .contains(&json!(schema)),
            "{got}"
        );
    }
    for table in [
        "public.activities",
        "public.units",
        "lake.activities",
        "queries.coverage_by_theme",
    ] {
        assert!(
            got["tables"]
                .as_array()
                .expect("tables")
                .contains(&json!(table)),
            "{table}: {got}"
        );
    }
    let columns = got["columns"].as_array().expect("columns");
    assert!(columns.contains(&json!("activity_date:date")), "{got}");
    assert!(columns.contains(&json!("quantity:int8")), "{got}");
    // from July 2023: tuan-giao 4 items (7), muong-cha 2 (3), dai-ptth 1 (1),
    // so-y-te 1 (1), ttxvn 1 (4): 9 items, quantity 16
    assert_eq!(got["from_july"], json!([9, 16]), "{got}");
    assert_eq!(got["theme"], json!("Quyền của đồng bào dân tộc thiểu số"));
    assert_eq!(got["drop"][0], json!("25006"), "{got}");
    assert!(
        got["drop"][1]
            .as_str()
            .unwrap_or_default()
            .contains("only reads the lake"),
        "{got}"
    );
}

/// Excel and Power BI reach PostgreSQL through psqlODBC's Unicode driver:
/// the same driver (Debian's odbc-postgresql, through unixODBC and
/// pyodbc, which `.ci/run` installs) logs in, lists the tables, binds a
/// date and reads Vietnamese text.
#[test]
fn the_odbc_driver_of_excel_and_power_bi_logs_in_and_reads() {
    let w = fixture_lake();
    let server = Server::start(&w, &[], &[]);
    let script = format!(
        r#"
import json, datetime, pyodbc
if 'PostgreSQL Unicode' not in pyodbc.drivers():
    print(json.dumps({{'skipped': 'no PostgreSQL Unicode ODBC driver'}}))
    raise SystemExit
c = pyodbc.connect("DRIVER={{PostgreSQL Unicode}};SERVER=127.0.0.1;PORT={port};DATABASE=baocao;UID=analyst;PWD={PASSWORD};SSLMODE=disable", autocommit=True)
cur = c.cursor()
tables = sorted(set(t.table_schem + '.' + t.table_name for t in cur.tables(tableType='TABLE,VIEW')))
cur.execute("SELECT count(*), sum(quantity) FROM activities WHERE year = ? AND activity_date >= ?", 2023, datetime.date(2023, 7, 1))
july = [int(x) for x in cur.fetchone()]
cur.execute("SELECT name_vi FROM themes WHERE theme_code = ?", 'ethnic')
theme = cur.fetchone()[0]
try:
    cur.execute("DROP TABLE activities")
    drop = 'allowed'
except pyodbc.Error as e:
    drop = e.args[0]
print(json.dumps({{'tables': tables, 'july': july, 'theme': theme, 'drop': drop}}, ensure_ascii=False))
"#,
        port = server.port
    );
    let Some(got) = python_json(w.dir.path(), "pyodbc", &script) else {
        return;
    };
    if let Some(why) = got.get("skipped") {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have psqlODBC (.ci/run installs odbc-postgresql)"
        );
        eprintln!("SKIPPED: {why}");
        return;
    }
    let tables = got["tables"].as_array().expect("tables");
    for t in [
        "public.activities",
        "public.units",
        "queries.coverage_by_theme",
    ] {
        assert!(tables.contains(&json!(t)), "{t}: {got}");
    }
    // 9 items from July 2023, quantity 16 (see the JDBC test)
    assert_eq!(got["july"], json!([9, 16]));
    assert_eq!(got["theme"], json!("Quyền của đồng bào dân tộc thiểu số"));
    assert_eq!(got["drop"], json!("25006"));
}
