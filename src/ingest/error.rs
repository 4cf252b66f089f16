//! What stops a whole ingest run (a bad file never does: it is refused).

use crate::lake::LakeError;

/// What stops a whole ingest run (a bad file never does: it is refused).
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{}", crate::msg!("ingest-error-missing", path = .0.as_str()))]
    Missing(String),
    #[error("{}", crate::msg!("ingest-error-not-a-file", path = .0.as_str()))]
    NotAFile(String),
    #[error("{}", crate::msg!("ingest-error-unreadable", path = path.as_str(), error = error.to_string()))]
    Unreadable { path: String, error: std::io::Error },
    #[error(transparent)]
    Lake(#[from] LakeError),
}
