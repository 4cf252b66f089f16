//! The Parquet lake: its layout, its tables, the ledger that is the
//! commit point, the lock, and compaction. `lake` owns the lake: every
//! stage that reads or writes it uses the table definitions of [`tables`]
//! and the one writer of [`writer`].
//!
//! Layout (the contract's section 4): `activities/year=YYYY/part-*.parquet`,
//! `rollup/year=YYYY/part-*.parquet` (the [`rollup`], written with the
//! items it aggregates), `rejects/part-*.parquet`,
//! `submissions/submissions.parquet` (the ledger,
//! which lists every committed data file in its metadata) and `_baocao/`
//! (the lock and the readers' lock). Data files are written under names no
//! reader picks up, flushed and renamed into place; then the ledger is
//! replaced the same way: the commit. A crash before that leaves only files
//! the next run removes.

mod commit;
mod compact;
mod ledger;
mod lock;
pub mod rollup;
pub mod tables;
pub mod writer;

pub use commit::mark_superseded;
pub use compact::{CompactReport, CompactedFolder, TARGET_ROWS};
pub use ledger::{LEDGER, RawLedger};
pub use lock::{LakeLock, Snapshot, lock_file};
pub use tables::{Activity, ActivityRecord, RejectRecord, SubmissionRecord};

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

/// What can go wrong with the lake.
#[derive(Debug, thiserror::Error)]
pub enum LakeError {
    #[error("cannot {action} {path}: {error}{}", io_hint(error))]
    Io {
        action: &'static str,
        path: String,
        error: std::io::Error,
    },
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

pub(crate) fn io(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> LakeError {
    let path = path.display().to_string();
    move |error| LakeError::Io {
        action,
        path,
        error,
    }
}

impl From<crate::atomic::WriteError> for LakeError {
    fn from(e: crate::atomic::WriteError) -> LakeError {
        io(e.action, &e.path)(e.error)
    }
}

/// What the lake holds now, as its ledger says.
#[derive(Debug, Default, Clone)]
pub struct LakeState {
    pub submissions: Vec<SubmissionRecord>,
    /// Committed data files, relative to the lake root.
    pub files: Vec<String>,
    /// Whole-file refusals already recorded: (submission_id, reason).
    pub refused_files: HashSet<(String, String)>,
    /// True when every submission's rows are in the rollup files
    /// ([`rollup`]): always, for a lake this version wrote; false for a
    /// lake written before the rollup, until its next commit.
    pub rollup: bool,
}

/// Everything one run adds.
#[derive(Debug, Default)]
pub struct Batch {
    pub run_id: String,
    pub submissions: Vec<SubmissionRecord>,
    pub activities: Vec<ActivityRecord>,
    pub rejects: Vec<RejectRecord>,
}

/// The folders of data files, each listed file by file in the ledger.
pub const DATA_FOLDERS: &[&str] = &["activities", "rollup", "rejects"];

/// A lake folder.
#[derive(Debug, Clone)]
pub struct Lake {
    pub root: PathBuf,
}

impl Lake {
    /// The lake at `root` (nothing is read or created yet).
    pub fn new(root: impl Into<PathBuf>) -> Lake {
        Lake { root: root.into() }
    }

    /// `submissions/submissions.parquet` under the root.
    pub fn ledger_path(&self) -> PathBuf {
        self.root.join(LEDGER)
    }

    /// True once a run has committed something.
    pub fn exists(&self) -> bool {
        self.ledger_path().exists()
    }

    /// Reads the ledger (an empty state for a new lake).
    pub fn read_state(&self) -> Result<LakeState, LakeError> {
        ledger::read(self)
    }
}

pub(crate) fn walk(dir: &Path) -> Result<Vec<PathBuf>, LakeError> {
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

pub(crate) fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}
