//! What can go wrong making the summary, and the one way its files are
//! written (whole or not at all).

use std::path::Path;

use super::answer::AnswerError;
use crate::query::QueryError;

/// What can go wrong making the summary.
#[derive(Debug, thiserror::Error)]
pub enum SummaryError {
    #[error(
        "the lake holds no activity for {0}: ingest that year's reports first, or choose another --year"
    )]
    EmptyYear(i32),
    #[error("there is no reference data for {0}, so its themes and peak periods are unknown")]
    NoCampaign(i32),
    #[error(transparent)]
    Query(#[from] QueryError),
    #[error(transparent)]
    Answer(#[from] AnswerError),
    #[error("{0}")]
    Draw(String),
    #[error(
        "cannot write {path}: {error}; check that the folder can be written (or give another --out) and that the disk has room"
    )]
    Io { path: String, error: std::io::Error },
    #[error("cannot write the workbook {path}: {message}")]
    Workbook { path: String, message: String },
}

/// Writes `bytes` to `path` whole or not at all (see [`crate::atomic`]).
pub(super) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SummaryError> {
    crate::atomic::write_bytes(path, bytes).map_err(|e| SummaryError::Io {
        path: e.path.display().to_string(),
        error: e.error,
    })
}
