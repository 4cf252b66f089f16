//! A full disk and a read-only lake, for real: each run happens in a private
//! mount namespace (`unshare -m`) on a small tmpfs, or on a read-only bind
//! mount of the lake. Writing fails with a sentence that says what to do,
//! and the lake is left exactly as the last commit left it.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use crate::crash::{corpus, lake_figures, visible};
use crate::support::{Run, Workdir, sha256_hex};

fn namespaces_allowed() -> bool {
    let ok = Command::new("unshare")
        .args(["-m", "true"])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("SKIPPED: unshare -m is not permitted here, so no tmpfs can be mounted");
    }
    ok
}

/// Runs a bash `script` in `w`'s folder inside a private mount namespace,
/// with `$B` the baocao binary.
fn in_namespace(w: &Workdir, script: &str) -> Run {
    let out = Command::new("unshare")
        .current_dir(w.dir.path())
        .args(["-m", "bash", "-c", script])
        .env("B", assert_cmd::cargo::cargo_bin("baocao"))
        .env("BAOCAO_LANG", "en")
        .output()
        .expect("unshare");
    Run::from(out)
}

/// Every file under `dir` with its size and sha256, the lock files left out.
fn files(dir: &Path) -> BTreeMap<String, (usize, String)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            let rel = p.strip_prefix(dir).unwrap().display().to_string();
            if p.is_dir() {
                stack.push(p);
            } else if !rel.starts_with("_baocao/") {
                let bytes = std::fs::read(&p).expect("read");
                out.insert(rel, (bytes.len(), sha256_hex(&bytes)));
            }
        }
    }
    out
}

/// The space `dir`'s files take on a tmpfs (whole 4 KiB pages), in KiB.
fn kib(dir: &Path) -> u64 {
    files(dir)
        .values()
        .map(|(len, _)| (*len as u64).div_ceil(4096) * 4)
        .sum()
}

/// Copies `lake` onto a tmpfs with `spare` KiB free, runs `command` on it
/// and copies the result to `after`; the command's exit code is the last
/// line of stdout.
fn on_small_disk(w: &Workdir, lake: &str, spare: u64, command: &str, after: &str) -> Run {
    let size = kib(&w.path(lake)) + 64 + spare;
    let script = format!(
        "set -e; mkdir -p small; mount -t tmpfs -o size={size}k tmpfs small; \
         cp -a {lake} small/lake; set +e; {command}; echo \"exit $?\"; cp -a small/lake {after}"
    );
    in_namespace(w, &script)
}

fn exit_code(run: &Run) -> i32 {
    let last = run.stdout.lines().last().unwrap_or_default();
    last.strip_prefix("exit ")
        .and_then(|c| c.parse().ok())
        .unwrap_or_else(|| panic!("no exit code: {}\n{}", run.stdout, run.stderr))
}

const FULL: &str =
    "the disk holding the lake is full: free some space (or give another --lake) and run again";

#[test]
fn a_full_disk_stops_ingest_and_compact_with_the_lake_as_it_was() {
    if !namespaces_allowed() {
        return;
    }
    let w = Workdir::new();
    corpus(&w, "30");
    let clean = w.run(&[
        "ingest",
        "corpus/inbox",
        "--reference",
        "corpus/reference",
        "--lake",
        "clean",
    ]);
    assert_eq!(clean.code, 0, "{}", clean.stderr);
    let clean = lake_figures(&w.path("clean"));
    let first = w.run(&[
        "ingest",
        "corpus/inbox/2023/01",
        "--reference",
        "corpus/reference",
        "--lake",
        "lake",
    ]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let before = files(&w.path("lake"));
    let figures = lake_figures(&w.path("lake"));

    // one batch: the disk fills while writing the data files or the ledger
    let ingest = "$B ingest corpus/inbox --reference corpus/reference --lake small/lake";
    for (n, spare) in [0, 16, 64, 160].into_iter().enumerate() {
        let after = format!("after{n}");
        let run = on_small_disk(&w, "lake", spare, ingest, &after);
        assert_eq!(exit_code(&run), 1, "{spare} KiB spare: {}", run.stderr);
        assert!(
            run.stderr
                .contains("No space left on device (os error 28); "),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains(FULL), "{}", run.stderr);
        assert_eq!(
            files(&w.path(&after)),
            before,
            "{spare} KiB spare: the lake changed"
        );
    }

    // small batches: those committed before the disk filled stay, whole;
    // with space again the same command goes on to the clean run's figures
    let small_batches = format!("{ingest} --batch-items 800");
    let run = on_small_disk(&w, "lake", 200, &small_batches, "partial");
    assert_eq!(exit_code(&run), 1, "{}", run.stderr);
    let partial = lake_figures(&w.path("partial"));
    assert!(figures.within(&partial) && partial.within(&clean));
    assert!(
        partial.submissions.len() > figures.submissions.len(),
        "no batch fitted"
    );
    assert_eq!(
        visible(&w, "partial"),
        Some((
            partial.activities.len(),
            partial.rejects.len(),
            partial.submissions.len()
        ))
    );
    let again = w.run(&[
        "ingest",
        "corpus/inbox",
        "--reference",
        "corpus/reference",
        "--lake",
        "partial",
    ]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert_eq!(lake_figures(&w.path("partial")), clean);

    // compaction on a full disk
    let many = w.run(&[
        "ingest",
        "corpus/inbox",
        "--reference",
        "corpus/reference",
        "--lake",
        "many",
        "--batch-items",
        "300",
    ]);
    assert_eq!(many.code, 0, "{}", many.stderr);
    let before = files(&w.path("many"));
    for (n, spare) in [0, 48].into_iter().enumerate() {
        let after = format!("compacted{n}");
        let run = on_small_disk(&w, "many", spare, "$B compact --lake small/lake", &after);
        assert_eq!(exit_code(&run), 1, "{spare} KiB spare: {}", run.stderr);
        assert!(
            run.stderr
                .contains("compaction of small/lake stopped; the lake is as it was"),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr.contains("No space left on device"),
            "{}",
            run.stderr
        );
        assert_eq!(
            files(&w.path(&after)),
            before,
            "{spare} KiB spare: the lake changed"
        );
    }

    // trends: the old set stays when the new one does not fit
    let old = w.run(&[
        "trends",
        "--lake",
        "clean",
        "--reference",
        "corpus/reference",
        "--out",
        "clean/t",
        "--as-of",
        "2023-06-30",
    ]);
    assert_eq!(old.code, 0, "{}", old.stderr);
    let old = files(&w.path("clean/t"));
    let run = on_small_disk(
        &w,
        "clean",
        8,
        "$B trends --lake small/lake --reference corpus/reference --out small/lake/t --as-of 2023-12-31",
        "trends-after",
    );
    assert_eq!(exit_code(&run), 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("the disk is full: free some space and run again; the previous trend files are unchanged"),
        "{}",
        run.stderr
    );
    assert_eq!(files(&w.path("trends-after/t")), old);
    let leftovers: Vec<String> = std::fs::read_dir(w.path("trends-after"))
        .expect("read")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".t.tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_read_only_lake_is_read_but_not_written() {
    if !namespaces_allowed() {
        return;
    }
    let w = Workdir::new();
    corpus(&w, "6");
    let run = w.run(&[
        "ingest",
        "corpus/inbox/2023/01",
        "--reference",
        "corpus/reference",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let before = files(&w.path("lake"));
    let figures = lake_figures(&w.path("lake"));
    let run = in_namespace(
        &w,
        "set -e; mount --bind lake lake; mount -o remount,bind,ro lake; set +e; \
         $B ingest corpus/inbox --reference corpus/reference; echo \"ingest $?\"; \
         $B compact; echo \"compact $?\"; \
         $B sql 'SELECT count(*) AS n FROM activities_all' --reference corpus/reference --format csv; \
         echo \"sql $?\"; \
         $B trends --reference corpus/reference --out t --as-of 2023-12-31; echo \"trends $?\"",
    );
    for expected in ["ingest 1", "compact 1", "sql 0", "trends 0"] {
        assert!(
            run.stdout.contains(expected),
            "{expected}: {}\n{}",
            run.stdout,
            run.stderr
        );
    }
    assert!(
        run.stdout
            .contains(&format!("n\n{}\n", figures.activities.len())),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr.contains(
            "Read-only file system (os error 30); the lake folder is read-only for this user: ask for write access, or give another --lake"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(files(&w.path("lake")), before);
    assert!(w.path("t/manifest.json").exists());
}

#[test]
fn a_damaged_lake_is_reported_with_what_to_do() {
    let w = Workdir::new();
    w.fixture("so-y-te_2023.json", "so-y-te_2023.json");
    assert_eq!(w.run(&["ingest", "inbox"]).code, 0);
    // a data file cut short by something outside baocao
    let data = files(&w.path("lake"))
        .into_keys()
        .find(|k| k.starts_with("activities/"))
        .expect("a data file");
    let path = w.path("lake").join(&data);
    let bytes = std::fs::read(&path).expect("read");
    std::fs::write(&path, &bytes[..bytes.len() / 2]).expect("cut");
    let run = w.run(&["sql", "SELECT count(*) FROM activities"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("a data file of the lake cannot be read (")
            && run.stderr.contains("restore the lake from a backup"),
        "{}",
        run.stderr
    );
    // the ledger cut short
    let ledger = w.path("lake/submissions/submissions.parquet");
    std::fs::write(&ledger, b"PAR1").expect("cut");
    let run = w.run(&["sql", "SELECT 1"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("the lake's ledger lake/submissions/submissions.parquet cannot be read")
            && run
                .stderr
                .contains("restore it from a backup or ingest into a new lake"),
        "{}",
        run.stderr
    );
}
