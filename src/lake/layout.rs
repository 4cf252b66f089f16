//! Where the lake's files are: the folder, its data folders and its
//! ledger; what the ledger says the lake holds; and what one run adds.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::error::{LakeError, io};
use super::tables::{ActivityRecord, RejectRecord, SubmissionRecord};

/// The ledger, under the lake's root.
pub const LEDGER: &str = "submissions/submissions.parquet";

/// What the lake holds now, as its ledger says.
#[derive(Debug, Default, Clone)]
pub struct LakeState {
    pub submissions: Vec<SubmissionRecord>,
    /// Committed data files, relative to the lake root.
    pub files: Vec<String>,
    /// Whole-file refusals already recorded: (submission_id, reason_code).
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
}

/// Every file under `dir` (none when it does not exist).
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

/// `path` relative to `root`, with `/` separators.
pub(crate) fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}
