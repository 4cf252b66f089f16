//! Where the lake's files are: the folder, its data folders and its
//! ledger; what the ledger says the lake holds; and what one run adds.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::error::{LakeError, io};
use super::remote::Remote;
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
    /// The ledger version this state was read from or written as (0 for a
    /// lake nothing was committed to); counted on object storage only.
    pub version: u64,
    /// On object storage: data files a compaction replaced, with when
    /// (Unix seconds), kept for readers for [`super::remote::GRACE_SECS`].
    pub retired: BTreeMap<String, i64>,
    /// On object storage: the submissions of the last commit's batch that
    /// another run had committed meanwhile (the same files), left out of it.
    pub kept_theirs: Vec<String>,
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

/// A lake: a local folder, or a prefix in S3-compatible object storage
/// (see [`super::remote`]).
#[derive(Debug, Clone)]
pub struct Lake {
    /// The folder; for a lake in object storage, its URL (`s3://bucket/prefix`),
    /// shown in messages.
    pub root: PathBuf,
    pub(crate) remote: Option<Arc<Remote>>,
}

impl Lake {
    /// The lake in the local folder `root` (nothing is read or created yet).
    pub fn new(root: impl Into<PathBuf>) -> Lake {
        Lake {
            root: root.into(),
            remote: None,
        }
    }

    /// The lake `--lake` names: `s3://bucket/prefix` (S3-compatible
    /// storage, configured by the `AWS_*` variables), or a local folder.
    ///
    /// # Errors
    /// [`LakeError::Location`] for another URL scheme (`gs://`, `http://`),
    /// an S3 URL without a bucket, or S3 in a build without the `s3` feature.
    pub fn open(location: &Path) -> Result<Lake, LakeError> {
        let text = location.to_string_lossy();
        if let Some((scheme, _)) = text.split_once("://")
            && !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '+')
        {
            if scheme != "s3" {
                return Err(LakeError::Location {
                    lake: text.to_string(),
                    message: crate::msg!("lake-scheme-unknown"),
                });
            }
            let remote = Remote::open_s3(&text)?;
            return Ok(Lake::on(Arc::new(remote)));
        }
        Ok(Lake::new(location))
    }

    /// The lake on object storage `remote`.
    pub fn on(remote: Arc<Remote>) -> Lake {
        Lake {
            root: PathBuf::from(remote.url()),
            remote: Some(remote),
        }
    }

    /// The object storage holding the lake (`None` for a local folder).
    pub fn remote(&self) -> Option<&Arc<Remote>> {
        self.remote.as_ref()
    }

    /// `submissions/submissions.parquet` under the root.
    pub fn ledger_path(&self) -> PathBuf {
        self.root.join(LEDGER)
    }

    /// True once a run has committed something.
    pub fn exists(&self) -> bool {
        match &self.remote {
            Some(remote) => remote.ledger_versions().is_ok_and(|v| !v.is_empty()),
            None => self.ledger_path().exists(),
        }
    }

    /// The committed file `rel` (a path inside the lake), to read with the
    /// `parquet` crate.
    ///
    /// # Errors
    /// The file cannot be opened or fetched.
    pub fn open_file(&self, rel: &str) -> Result<Source, LakeError> {
        match &self.remote {
            Some(remote) => match remote.get(rel)? {
                Some(bytes) => Ok(Source::Bytes(bytes)),
                None => Err(LakeError::Data {
                    path: remote.path(rel).to_string(),
                    message: crate::msg!("lake-file-missing").to_string(),
                }),
            },
            None => {
                let path = self.root.join(rel);
                fs::File::open(&path)
                    .map(Source::File)
                    .map_err(io("open", &path))
            }
        }
    }
}

/// A lake file as the `parquet` crate reads it: an open local file, or
/// the bytes fetched from object storage.
#[derive(Debug)]
pub enum Source {
    File(fs::File),
    Bytes(bytes::Bytes),
}

impl Source {
    /// A second handle on the same contents.
    ///
    /// # Errors
    /// The file cannot be duplicated.
    pub fn try_clone(&self) -> std::io::Result<Source> {
        Ok(match self {
            Source::File(f) => Source::File(f.try_clone()?),
            Source::Bytes(b) => Source::Bytes(b.clone()),
        })
    }
}

impl parquet::file::reader::Length for Source {
    fn len(&self) -> u64 {
        match self {
            Source::File(f) => parquet::file::reader::Length::len(f),
            Source::Bytes(b) => b.len() as u64,
        }
    }
}

impl parquet::file::reader::ChunkReader for Source {
    type T = Box<dyn std::io::Read + Send>;

    fn get_read(&self, start: u64) -> parquet::errors::Result<Self::T> {
        Ok(match self {
            Source::File(f) => Box::new(f.get_read(start)?),
            Source::Bytes(b) => Box::new(b.get_read(start)?),
        })
    }

    fn get_bytes(&self, start: u64, length: usize) -> parquet::errors::Result<bytes::Bytes> {
        match self {
            Source::File(f) => f.get_bytes(start, length),
            Source::Bytes(b) => b.get_bytes(start, length),
        }
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
