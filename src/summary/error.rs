//! What can go wrong making the summary, and the one way its files are
//! written (whole or not at all).

use std::path::Path;

use super::answer::AnswerError;
use crate::i18n::Msg;
use crate::msg;
use crate::query::QueryError;

/// What can go wrong making the summary.
#[derive(Debug, thiserror::Error)]
pub enum SummaryError {
    #[error("{}", msg!("summary-error-empty-year", year = .0.to_string()))]
    EmptyYear(i32),
    #[error("{}", msg!("summary-error-no-campaign", year = .0.to_string()))]
    NoCampaign(i32),
    #[error(transparent)]
    Query(#[from] QueryError),
    #[error(transparent)]
    Answer(#[from] AnswerError),
    #[error("{0}")]
    Draw(Msg),
    #[error(
        "{}",
        msg!("summary-error-io", path = path.clone(), error = error.to_string())
    )]
    Io { path: String, error: std::io::Error },
    #[error(
        "{}",
        msg!("summary-error-workbook", path = path.clone(), error = message.clone())
    )]
    Workbook { path: String, message: String },
}

/// Writes `bytes` to `path` whole or not at all (see [`crate::atomic`]).
pub(super) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SummaryError> {
    crate::atomic::write_bytes(path, bytes).map_err(|e| SummaryError::Io {
        path: e.path.display().to_string(),
        error: e.error,
    })
}
