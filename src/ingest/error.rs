//! What stops a whole ingest run (a bad file never does: it is refused).

use crate::lake::LakeError;

/// What stops a whole ingest run (a bad file never does: it is refused).
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{0} does not exist: check the path")]
    Missing(String),
    #[error(
        "{0} is not a file or a folder (a pipe, socket or device): name report files or folders of them"
    )]
    NotAFile(String),
    #[error(
        "cannot read {path}: {error}; check that it is still there and that this user may read it, then run again"
    )]
    Unreadable { path: String, error: std::io::Error },
    #[error(transparent)]
    Lake(#[from] LakeError),
}
