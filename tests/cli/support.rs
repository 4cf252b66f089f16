//! A fresh folder per test, the built binary, and an independent reader of
//! the lake (every `*.parquet` below a folder, read with the parquet crate,
//! Hive `key=value` folders added as columns, as DuckDB or Spark would).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use arrow::json::ArrayWriter;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::{Map, Value};
use tempfile::TempDir;

pub struct Workdir {
    pub dir: TempDir,
}

/// What a run printed and how it ended.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<std::process::Output> for Run {
    fn from(out: std::process::Output) -> Run {
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

impl Workdir {
    pub fn new() -> Workdir {
        Workdir {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Copies `tests/fixtures/<name>` to `inbox/<as_name>`.
    pub fn fixture(&self, name: &str, as_name: &str) -> PathBuf {
        let src = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        self.write(
            &format!("inbox/{as_name}"),
            &std::fs::read(src).expect("fixture"),
        )
    }

    pub fn write(&self, rel: &str, bytes: &[u8]) -> PathBuf {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(&p, bytes).expect("write");
        p
    }

    /// Runs `baocao` with `args` in this folder, in English.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_env(args, &[])
    }

    /// Runs `baocao` with `args` in this folder as a user runs it, with
    /// no language asked for: Vietnamese.
    pub fn run_vi(&self, args: &[&str]) -> Run {
        let out = assert_cmd::Command::cargo_bin("baocao")
            .expect("binary")
            .current_dir(self.dir.path())
            .args(args)
            .env_remove("BAOCAO_LANG")
            .output()
            .expect("run");
        Run::from(out)
    }

    /// Runs `baocao` with `args` in this folder, in English, with `stdin`
    /// typed on its standard input (a password twice, say; only the
    /// server's commands read one).
    #[cfg(feature = "serve")]
    pub fn run_stdin(&self, args: &[&str], stdin: &str) -> Run {
        let out = assert_cmd::Command::cargo_bin("baocao")
            .expect("binary")
            .current_dir(self.dir.path())
            .args(args)
            .env("BAOCAO_LANG", "en")
            .write_stdin(stdin)
            .output()
            .expect("run");
        Run::from(out)
    }

    /// Runs `baocao` with `args` and extra environment variables, in
    /// English (the tests written before Vietnamese became the default
    /// assert English sentences; pass `BAOCAO_LANG` in `env`, or use
    /// [`Workdir::run_vi`], for Vietnamese).
    pub fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let out = assert_cmd::Command::cargo_bin("baocao")
            .expect("binary")
            .current_dir(self.dir.path())
            .args(args)
            .env("BAOCAO_LANG", "en")
            .envs(env.iter().copied())
            .output()
            .expect("run");
        Run::from(out)
    }

    /// Copies the bundled 2023 campaign folder to `ref/<year>/`, with the
    /// register's `units.csv` inside it (the layout before the register,
    /// which still loads), passing each file's text through `edit` (to
    /// break it, or to make a new year).
    pub fn reference_copy(&self, year: &str, edit: impl Fn(&str, String) -> String) {
        let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/reference");
        let mut files: Vec<PathBuf> = std::fs::read_dir(bundled.join("2023"))
            .expect("reference folder")
            .map(|e| e.expect("entry").path())
            .collect();
        files.push(bundled.join("units.csv"));
        for path in files {
            let name = path
                .file_name()
                .expect("name")
                .to_string_lossy()
                .to_string();
            let text = std::fs::read_to_string(&path).expect("reference file");
            self.write(&format!("ref/{year}/{name}"), edit(&name, text).as_bytes());
        }
    }

    /// Copies the bundled reference folder (register and campaigns) to `rel`.
    pub fn bundled_reference(&self, rel: &str) {
        let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/reference");
        for p in walk(&bundled) {
            let sub = p.strip_prefix(&bundled).expect("inside");
            self.write(
                &format!("{rel}/{}", sub.display()),
                &std::fs::read(&p).expect("reference file"),
            );
        }
    }

    /// Every row of every Parquet file under `rel`, as JSON objects.
    pub fn rows(&self, rel: &str) -> Vec<Map<String, Value>> {
        read_rows(&self.path(rel))
    }

    /// Every file of the lake with its bytes (the lock excluded).
    pub fn snapshot(&self, rel: &str) -> BTreeMap<String, Vec<u8>> {
        let mut out = BTreeMap::new();
        for p in walk(&self.path(rel)) {
            if !p.ends_with("_baocao/lock") {
                out.insert(p.display().to_string(), std::fs::read(&p).expect("read"));
            }
        }
        out
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p))
            } else {
                out.push(p)
            }
        }
    }
    out.sort();
    out
}

pub fn read_rows(dir: &Path) -> Vec<Map<String, Value>> {
    let mut rows = Vec::new();
    let files = if dir.is_file() {
        vec![dir.to_path_buf()]
    } else {
        walk(dir)
    };
    for p in files
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "parquet"))
    {
        let file = std::fs::File::open(&p).expect("open parquet");
        let reader = ParquetRecordBatchReaderBuilder::try_new(file)
            .expect("parquet")
            .build()
            .expect("reader");
        let mut writer = ArrayWriter::new(Vec::new());
        for batch in reader {
            writer.write(&batch.expect("batch")).expect("json");
        }
        writer.finish().expect("finish");
        let text = String::from_utf8(writer.into_inner()).expect("utf8");
        let parsed: Vec<Map<String, Value>> = if text.trim().is_empty() {
            vec![]
        } else {
            serde_json::from_str(&text).expect("json rows")
        };
        let hive: Vec<(String, String)> = p
            .strip_prefix(dir)
            .unwrap_or(Path::new(""))
            .components()
            .filter_map(|c| {
                c.as_os_str()
                    .to_str()?
                    .split_once('=')
                    .map(|(k, v)| (k.to_string(), v.to_string()))
            })
            .collect();
        for mut row in parsed {
            for (k, v) in &hive {
                row.insert(k.clone(), Value::String(v.clone()));
            }
            rows.push(row);
        }
    }
    rows
}

/// The rows, sorted by a column, for stable assertions.
pub fn sorted_by(mut rows: Vec<Map<String, Value>>, key: &str) -> Vec<Map<String, Value>> {
    rows.sort_by(|a, b| {
        match (
            a.get(key).and_then(Value::as_f64),
            b.get(key).and_then(Value::as_f64),
        ) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            _ => a
                .get(key)
                .map(|v| v.to_string())
                .cmp(&b.get(key).map(|v| v.to_string())),
        }
    });
    rows
}

/// A column's value, `null` when the writer left it out.
pub fn v(row: &Map<String, Value>, key: &str) -> Value {
    row.get(key).cloned().unwrap_or(Value::Null)
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}

/// True when Python can import `packages` (e.g. `duckdb, polars`); when it
/// cannot, says loudly that the test is skipped, and under CI (which
/// installs them, see `.ci/run`) fails.
pub fn have_python(packages: &str) -> bool {
    let probe = std::process::Command::new("python3")
        .args(["-c", &format!("import {packages}")])
        .output();
    if probe.is_ok_and(|o| o.status.success()) {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI must have the Python packages {packages} (.ci/run installs them)"
    );
    eprintln!("SKIPPED: no Python package among {packages} (pip install them to run this test)");
    false
}

/// A free TCP port on loopback.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// Runs a Python `script` in `dir` with the independent readers it imports
/// (`packages`, e.g. `duckdb, polars`) and returns what it prints, as JSON.
/// `None` when a package is missing here: the test then says loudly that it
/// is skipped; under CI (which installs them, see `.ci/run`) it fails.
pub fn python_json(dir: &Path, packages: &str, script: &str) -> Option<Value> {
    if !have_python(packages) {
        return None;
    }
    let out = std::process::Command::new("python3")
        .current_dir(dir)
        .args(["-c", script])
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(serde_json::from_slice(&out.stdout).expect("the script prints JSON"))
}
