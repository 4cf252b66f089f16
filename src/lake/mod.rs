//! The Parquet lake: layout, the submissions ledger that is the commit
//! point, atomic writes and the lock. Data files are written under names no
//! reader picks up, fsynced and renamed into place; then the ledger, which
//! lists every committed data file in its metadata, is replaced the same
//! way. A crash before that leaves only files the next run removes.

mod compact;
mod ledger;

pub use compact::{CompactReport, CompactedFolder, TARGET_ROWS};

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use polars::prelude::*;

use crate::domain::UnitCode;
use crate::ingest::{Activity, ReasonCode};
pub use ledger::{LEDGER, RawLedger};

/// What can go wrong with the lake.
#[derive(Debug, thiserror::Error)]
pub enum LakeError {
    #[error("cannot {action} {path}: {error}{}", io_hint(error))]
    Io {
        action: &'static str,
        path: String,
        error: std::io::Error,
    },
    #[error("cannot write {path}: {}{}", polars_message(error), polars_hint(error))]
    Write { path: String, error: PolarsError },
    #[error(
        "the lake's ledger {path} cannot be read ({message}); restore it from a backup or ingest into a new lake"
    )]
    Ledger { path: String, message: String },
    #[error(
        "cannot read or write the lake's data file {path} ({message}); if it is damaged, restore the lake from a backup"
    )]
    Data { path: String, message: String },
    #[error(
        "another baocao run is using {0}; run again when it has finished (without --no-wait it waits)"
    )]
    Busy(String),
}

/// Why a write failed, when the user can do something about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteTrouble {
    /// The disk (or the user's quota) is full.
    Full,
    /// The folder is read-only, or this user may not write to it.
    ReadOnly,
}

impl WriteTrouble {
    pub fn of(kind: std::io::ErrorKind) -> Option<WriteTrouble> {
        use std::io::ErrorKind::*;
        match kind {
            StorageFull | QuotaExceeded | FileTooLarge => Some(WriteTrouble::Full),
            ReadOnlyFilesystem | PermissionDenied => Some(WriteTrouble::ReadOnly),
            _ => None,
        }
    }
}

/// What a user can do about an I/O error of the lake; the lake itself is
/// unchanged when a write fails (nothing is committed before the ledger).
fn io_hint(e: &std::io::Error) -> &'static str {
    match WriteTrouble::of(e.kind()) {
        Some(WriteTrouble::Full) => {
            "; the disk holding the lake is full: free some space (or give another --lake) and run again"
        }
        Some(WriteTrouble::ReadOnly) => {
            "; the lake folder is read-only for this user: ask for write access, or give another --lake"
        }
        None => "",
    }
}

/// Polars' message, or the operating system's when a write failed
/// underneath (polars repeats it in layers).
fn polars_message(e: &PolarsError) -> String {
    let text = e.to_string();
    match text.split_once("underlying IO error: ") {
        Some((_, os)) => os
            .split_once(": ")
            .map_or(os, |(first, _)| first)
            .to_string(),
        None => text,
    }
}

fn polars_hint(e: &PolarsError) -> &'static str {
    let text = e.to_string();
    let kind = match e {
        PolarsError::IO { error, .. } => Some(error.kind()),
        _ if text.contains("(os error 28)") => Some(std::io::ErrorKind::StorageFull),
        _ if text.contains("(os error 122)") => Some(std::io::ErrorKind::QuotaExceeded),
        _ if text.contains("(os error 30)") => Some(std::io::ErrorKind::ReadOnlyFilesystem),
        _ => None,
    };
    kind.map_or("", |k| io_hint(&k.into()))
}

fn io(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> LakeError {
    let path = path.display().to_string();
    move |error| LakeError::Io {
        action,
        path,
        error,
    }
}

/// One row of `submissions/`.
#[derive(Debug, Clone, PartialEq)]
pub struct SubmissionRecord {
    pub submission_id: String,
    pub unit_code: String,
    pub period_kind: String,
    pub period: String,
    pub received_at: NaiveDate,
    pub source_file: String,
    pub format: String,
    pub rows_read: i64,
    pub rows_accepted: i64,
    pub rows_rejected: i64,
    pub superseded_by: Option<String>,
    pub ingested_at: NaiveDateTime,
}

/// One row of `rejects/`.
#[derive(Debug, Clone, PartialEq)]
pub struct RejectRecord {
    pub submission_id: String,
    pub source_file: String,
    pub source_row: Option<i64>,
    pub raw: String,
    pub reason: String,
    /// The kind of refusal (`rejects.reason_code`).
    pub reason_code: ReasonCode,
    pub ingested_at: NaiveDateTime,
}

/// An accepted item with the submission it belongs to.
#[derive(Debug, Clone)]
pub struct ActivityRecord {
    pub submission_id: String,
    pub unit_code: UnitCode,
    pub activity: Activity,
}

/// What the lake holds now, as its ledger says.
#[derive(Debug, Default, Clone)]
pub struct LakeState {
    pub submissions: Vec<SubmissionRecord>,
    /// Committed data files, relative to the lake root.
    pub files: Vec<String>,
    /// Whole-file refusals already recorded: (submission_id, reason).
    pub refused_files: HashSet<(String, String)>,
}

/// Everything one run adds.
#[derive(Debug, Default)]
pub struct Batch {
    pub run_id: String,
    pub submissions: Vec<SubmissionRecord>,
    pub activities: Vec<ActivityRecord>,
    pub rejects: Vec<RejectRecord>,
}

/// A lake folder.
#[derive(Debug, Clone)]
pub struct Lake {
    pub root: PathBuf,
}

/// A reader's consistent view of the lake (see [`Lake::snapshot`]).
pub struct Snapshot {
    pub ledger: RawLedger,
    _readers: Option<File>,
}

/// Held while a run writes; released when dropped (or when the process dies).
#[derive(Debug)]
pub struct LakeLock {
    _file: File,
}

impl Lake {
    pub fn new(root: impl Into<PathBuf>) -> Lake {
        Lake { root: root.into() }
    }

    pub fn ledger_path(&self) -> PathBuf {
        self.root.join(LEDGER)
    }

    /// True once a run has committed something.
    pub fn exists(&self) -> bool {
        self.ledger_path().exists()
    }

    /// Takes the lake's lock, creating the lake's folders first. With
    /// `wait`, blocks until another run finishes, saying so on stderr.
    pub fn lock(&self, wait: bool) -> Result<LakeLock, LakeError> {
        let meta = self.root.join("_baocao");
        fs::create_dir_all(&meta).map_err(io("create", &meta))?;
        for dir in ["activities", "submissions", "rejects"] {
            let d = self.root.join(dir);
            fs::create_dir_all(&d).map_err(io("create", &d))?;
        }
        let readers = self.readers_path();
        fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&readers)
            .map_err(io("create", &readers))?;
        let path = meta.join("lock");
        let mut file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(&path)
            .map_err(io("open", &path))?;
        self.acquire(&file, &path, false, wait)?;
        file.set_len(0).map_err(io("write", &path))?;
        writeln!(file, "pid {}", std::process::id()).map_err(io("write", &path))?;
        Ok(LakeLock { _file: file })
    }

    fn readers_path(&self) -> PathBuf {
        self.root.join("_baocao").join("readers")
    }

    /// What a reader sees: the ledger of the last commit and the data files
    /// it lists, read from one open file. While the snapshot is held no run
    /// removes those files (a run that finds readers leaves the files it
    /// would remove to a later run), so a query never meets a half-written
    /// or vanished file. `None` for a lake nothing was committed to.
    pub fn snapshot(&self) -> Result<Option<Snapshot>, LakeError> {
        let path = self.readers_path();
        let readers = match File::open(&path) {
            Ok(f) => {
                // only a run removing files holds it exclusively, briefly
                lock_file(&f, true, true, || {}).map_err(io("lock", &path))?;
                Some(f)
            }
            // a lake no run has written to since readers were locked
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(io("open", &path)(e)),
        };
        Ok(ledger::read_raw(self)?.map(|ledger| Snapshot {
            ledger,
            _readers: readers,
        }))
    }

    /// The readers' lock taken exclusively if no reader holds it now.
    fn no_readers(&self) -> Result<Option<File>, LakeError> {
        let path = self.readers_path();
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(io("open", &path))?;
        let free = lock_file(&file, false, false, || {}).map_err(io("lock", &path))?;
        Ok(free.then_some(file))
    }

    fn acquire(&self, file: &File, path: &Path, shared: bool, wait: bool) -> Result<(), LakeError> {
        let got = lock_file(file, shared, wait, || {
            // the holder wrote its pid when it took the lock
            let holder = fs::read_to_string(path)
                .ok()
                .and_then(|s| s.lines().next().map(str::to_string))
                .filter(|l| l.starts_with("pid "))
                .map(|l| format!(" ({l})"))
                .unwrap_or_default();
            eprintln!(
                "baocao: another baocao run{holder} is using {}; waiting for it to finish (Ctrl-C stops waiting; --no-wait fails at once instead)",
                self.root.display()
            )
        })
        .map_err(io("lock", path))?;
        if got {
            Ok(())
        } else {
            Err(LakeError::Busy(self.root.display().to_string()))
        }
    }

    /// Reads the ledger (an empty state for a new lake).
    pub fn read_state(&self) -> Result<LakeState, LakeError> {
        ledger::read(self)
    }

    /// Removes data files no commit lists: those a crashed run left behind
    /// (temporary files, files written before the ledger) and those a
    /// compaction replaced. Needs the lock. While readers hold snapshots
    /// that may list the replaced files nothing is removed (the files are
    /// invisible to later readers anyway); a later run removes them.
    pub fn remove_orphans(&self, state: &LakeState, _lock: &LakeLock) -> Result<usize, LakeError> {
        let Some(_no_readers) = self.no_readers()? else {
            tracing::debug!("readers are open; leaving files no commit lists to a later run");
            return Ok(0);
        };
        let committed: HashSet<&str> = state.files.iter().map(String::as_str).collect();
        let mut removed = 0;
        for dir in ["activities", "rejects", "submissions"] {
            for path in walk(&self.root.join(dir))? {
                let rel = relative(&self.root, &path);
                let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
                let ours = name.starts_with("part-") || name.ends_with(".tmp");
                if ours && rel != LEDGER && !committed.contains(rel.as_str()) {
                    fs::remove_file(&path).map_err(io("remove", &path))?;
                    removed += 1;
                }
            }
        }
        Ok(removed)
    }

    /// Writes a run's data files, then replaces the ledger: the commit.
    /// A failed write (a full disk, a folder turned read-only) leaves the
    /// lake as the last commit left it: the files this commit wrote are
    /// removed again.
    pub fn commit(
        &self,
        state: &LakeState,
        batch: Batch,
        lock: &LakeLock,
    ) -> Result<LakeState, LakeError> {
        self.undo_on_error(lock, || self.write_commit(state, batch))
    }

    /// Runs `write`; if it fails, removes whatever it wrote that the ledger
    /// on disk does not list (best effort: a later run removes the rest),
    /// and returns its error.
    pub(crate) fn undo_on_error<T>(
        &self,
        lock: &LakeLock,
        write: impl FnOnce() -> Result<T, LakeError>,
    ) -> Result<T, LakeError> {
        let result = write();
        if result.is_err()
            && let Ok(now) = self.read_state()
        {
            let _ = self.remove_orphans(&now, lock);
        }
        result
    }

    fn write_commit(&self, state: &LakeState, batch: Batch) -> Result<LakeState, LakeError> {
        let mut files = state.files.clone();
        let mut years: Vec<i32> = batch
            .activities
            .iter()
            .map(|a| a.activity.activity_date.year())
            .collect();
        years.sort_unstable();
        years.dedup();
        for year in years {
            let rows: Vec<&ActivityRecord> = batch
                .activities
                .iter()
                .filter(|a| a.activity.activity_date.year() == year)
                .collect();
            let rel = format!("activities/year={year}/part-{}.parquet", batch.run_id);
            let mut df = activities_frame(&rows).map_err(|error| LakeError::Write {
                path: rel.clone(),
                error,
            })?;
            self.write_atomic(&rel, &mut df, None)?;
            files.push(rel);
        }
        if !batch.rejects.is_empty() {
            let rel = format!("rejects/part-{}.parquet", batch.run_id);
            let mut df = rejects_frame(&batch.rejects).map_err(|error| LakeError::Write {
                path: rel.clone(),
                error,
            })?;
            self.write_atomic(&rel, &mut df, None)?;
            files.push(rel);
        }
        crate::fault::point("commit-data-written");
        let mut submissions = state.submissions.clone();
        submissions.extend(batch.submissions);
        mark_superseded(&mut submissions);
        crate::fault::point("commit-superseded-marked");
        let mut refused_files = state.refused_files.clone();
        refused_files.extend(
            batch
                .rejects
                .iter()
                .filter(|r| r.source_row.is_none())
                .map(|r| (r.submission_id.clone(), r.reason.clone())),
        );
        let new_state = LakeState {
            submissions,
            files,
            refused_files,
        };
        ledger::write(self, &new_state)?;
        Ok(new_state)
    }

    /// Writes `df` to `rel` + `.tmp`, fsyncs it, renames it into place and
    /// fsyncs the folder, so the file appears whole or not at all.
    fn write_atomic(
        &self,
        rel: &str,
        df: &mut DataFrame,
        meta: Option<Vec<(String, String)>>,
    ) -> Result<(), LakeError> {
        let path = self.root.join(rel);
        let dir = path.parent().unwrap_or(&self.root).to_path_buf();
        fs::create_dir_all(&dir).map_err(io("create", &dir))?;
        let tmp = PathBuf::from(format!("{}.tmp", path.display()));
        let written = (|| {
            let mut file = File::create(&tmp).map_err(io("create", &tmp))?;
            let writer = ParquetWriter::new(&mut file)
                .with_compression(ParquetCompression::Zstd(None))
                .with_key_value_metadata(meta.map(KeyValueMetadata::from_static));
            writer.finish(df).map_err(|error| LakeError::Write {
                path: tmp.display().to_string(),
                error,
            })?;
            file.sync_all().map_err(io("sync", &tmp))
        })();
        if let Err(e) = written {
            // a full disk: give the space back; the next run would remove it too
            let _ = fs::remove_file(&tmp);
            return Err(e);
        }
        if rel == LEDGER {
            crate::fault::point("ledger-before-rename");
        }
        fs::rename(&tmp, &path).map_err(io("rename", &tmp))?;
        if rel == LEDGER {
            crate::fault::point("ledger-renamed");
        }
        File::open(&dir)
            .and_then(|d| d.sync_all())
            .map_err(io("sync", &dir))?;
        Ok(())
    }
}

/// Locks `file` (shared or exclusive). Taken at once: `Ok(true)`. Held by
/// another process: with `wait`, says so through `waiting` and blocks until
/// it is free (`Ok(true)`); without, `Ok(false)`. The lock goes with the
/// file handle, and with the process if it dies.
pub fn lock_file(
    file: &File,
    shared: bool,
    wait: bool,
    waiting: impl FnOnce(),
) -> std::io::Result<bool> {
    let attempt = if shared {
        file.try_lock_shared()
    } else {
        file.try_lock()
    };
    match attempt {
        Ok(()) => Ok(true),
        Err(fs::TryLockError::WouldBlock) if wait => {
            waiting();
            if shared {
                file.lock_shared()
            } else {
                file.lock()
            }
            .map(|()| true)
        }
        Err(fs::TryLockError::WouldBlock) => Ok(false),
        Err(fs::TryLockError::Error(e)) => Err(e),
    }
}

/// For each unit and period, the submission with the latest `received_at`
/// (the later ingested on a tie) is current; the others point to it.
pub fn mark_superseded(subs: &mut [SubmissionRecord]) {
    use std::collections::HashMap;
    let mut current: HashMap<(String, String), usize> = HashMap::new();
    for (i, s) in subs.iter().enumerate() {
        let key = (s.unit_code.clone(), s.period.clone());
        match current.get(&key) {
            Some(&j) if subs[j].received_at > s.received_at => {}
            _ => {
                current.insert(key, i);
            }
        }
    }
    let ids: Vec<String> = subs.iter().map(|s| s.submission_id.clone()).collect();
    for s in subs.iter_mut() {
        let cur = current[&(s.unit_code.clone(), s.period.clone())];
        s.superseded_by = (ids[cur] != s.submission_id).then(|| ids[cur].clone());
    }
}

fn walk(dir: &Path) -> Result<Vec<PathBuf>, LakeError> {
    let mut out = Vec::new();
    if !dir.exists() {
        return Ok(out);
    }
    for entry in fs::read_dir(dir).map_err(io("read", dir))? {
        let path = entry.map_err(io("read", dir))?.path();
        if path.is_dir() {
            out.extend(walk(&path)?);
        } else {
            out.push(path);
        }
    }
    Ok(out)
}

fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

fn days(d: NaiveDate) -> i32 {
    (d - NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default()).num_days() as i32
}

fn micros(t: NaiveDateTime) -> i64 {
    t.and_utc().timestamp_micros()
}

fn date_series(name: &str, v: Vec<i32>) -> PolarsResult<Column> {
    Ok(Series::new(name.into(), v)
        .cast(&DataType::Date)?
        .into_column())
}

fn timestamp_series(name: &str, v: Vec<i64>) -> PolarsResult<Column> {
    Ok(Series::new(name.into(), v)
        .cast(&DataType::Datetime(TimeUnit::Microseconds, None))?
        .into_column())
}

fn col<T>(name: &str, v: Vec<T>) -> Column
where
    Series: NamedFrom<Vec<T>, [T]>,
{
    Series::new(name.into(), v).into_column()
}

/// The activities of one year partition as a frame, sorted by unit and date
/// so that row-group statistics prune well.
fn activities_frame(rows: &[&ActivityRecord]) -> PolarsResult<DataFrame> {
    let mut rows = rows.to_vec();
    rows.sort_by(|a, b| {
        (
            &a.unit_code,
            a.activity.activity_date,
            a.activity.source_row,
        )
            .cmp(&(
                &b.unit_code,
                b.activity.activity_date,
                b.activity.source_row,
            ))
    });
    let a = |f: &dyn Fn(&Activity) -> Option<String>| {
        rows.iter().map(|r| f(&r.activity)).collect::<Vec<_>>()
    };
    let n = rows.len();
    DataFrame::new(
        n,
        vec![
            col("activity_id", a(&|x| Some(x.activity_id.clone()))),
            col(
                "submission_id",
                rows.iter()
                    .map(|r| r.submission_id.clone())
                    .collect::<Vec<_>>(),
            ),
            col(
                "unit_code",
                rows.iter()
                    .map(|r| r.unit_code.0.clone())
                    .collect::<Vec<_>>(),
            ),
            date_series(
                "activity_date",
                rows.iter()
                    .map(|r| days(r.activity.activity_date))
                    .collect(),
            )?,
            col("date_precision", a(&|x| Some(x.date_precision.to_string()))),
            col(
                "month",
                rows.iter()
                    .map(|r| r.activity.activity_date.month() as i32)
                    .collect::<Vec<_>>(),
            ),
            col("theme_code", a(&|x| Some(x.theme_code.0.clone()))),
            col("subtheme_code", a(&|x| x.subtheme_code.clone())),
            col(
                "theme_inferred",
                rows.iter()
                    .map(|r| r.activity.theme_inferred)
                    .collect::<Vec<_>>(),
            ),
            col(
                "hrc_priority",
                rows.iter()
                    .map(|r| r.activity.hrc_priority)
                    .collect::<Vec<_>>(),
            ),
            col("form_code", a(&|x| Some(x.form_code.clone()))),
            col("channel", a(&|x| x.channel.clone())),
            col("title", a(&|x| x.title.clone())),
            col(
                "quantity",
                rows.iter().map(|r| r.activity.quantity).collect::<Vec<_>>(),
            ),
            col(
                "reach",
                rows.iter().map(|r| r.activity.reach).collect::<Vec<_>>(),
            ),
            col(
                "duration_min",
                rows.iter()
                    .map(|r| r.activity.duration_min)
                    .collect::<Vec<_>>(),
            ),
            col("language", a(&|x| Some(x.language.clone()))),
            col("url", a(&|x| x.url.clone())),
            col("notes", a(&|x| x.notes.clone())),
            col("extra", a(&|x| x.extra.clone())),
            col(
                "source_row",
                rows.iter()
                    .map(|r| r.activity.source_row)
                    .collect::<Vec<_>>(),
            ),
        ],
    )
}

fn rejects_frame(rows: &[RejectRecord]) -> PolarsResult<DataFrame> {
    let s = |f: &dyn Fn(&RejectRecord) -> String| rows.iter().map(f).collect::<Vec<_>>();
    DataFrame::new(
        rows.len(),
        vec![
            col("submission_id", s(&|r| r.submission_id.clone())),
            col("source_file", s(&|r| r.source_file.clone())),
            col(
                "source_row",
                rows.iter().map(|r| r.source_row).collect::<Vec<_>>(),
            ),
            col("raw", s(&|r| r.raw.clone())),
            col("reason", s(&|r| r.reason.clone())),
            col("reason_code", s(&|r| r.reason_code.code().to_string())),
            timestamp_series(
                "ingested_at",
                rows.iter().map(|r| micros(r.ingested_at)).collect(),
            )?,
        ],
    )
}

fn submissions_frame(rows: &[SubmissionRecord]) -> PolarsResult<DataFrame> {
    let s = |f: &dyn Fn(&SubmissionRecord) -> String| rows.iter().map(f).collect::<Vec<_>>();
    let i = |f: &dyn Fn(&SubmissionRecord) -> i64| rows.iter().map(f).collect::<Vec<_>>();
    DataFrame::new(
        rows.len(),
        vec![
            col("submission_id", s(&|r| r.submission_id.clone())),
            col("unit_code", s(&|r| r.unit_code.clone())),
            col("period_kind", s(&|r| r.period_kind.clone())),
            col("period", s(&|r| r.period.clone())),
            date_series(
                "received_at",
                rows.iter().map(|r| days(r.received_at)).collect(),
            )?,
            col("source_file", s(&|r| r.source_file.clone())),
            col("format", s(&|r| r.format.clone())),
            col("rows_read", i(&|r| r.rows_read)),
            col("rows_accepted", i(&|r| r.rows_accepted)),
            col("rows_rejected", i(&|r| r.rows_rejected)),
            col(
                "superseded_by",
                rows.iter()
                    .map(|r| r.superseded_by.clone())
                    .collect::<Vec<_>>(),
            ),
            timestamp_series(
                "ingested_at",
                rows.iter().map(|r| micros(r.ingested_at)).collect(),
            )?,
        ],
    )
}
