//! What can go wrong with the lake, each said with what a user can do
//! about it (a full disk, a read-only folder, a damaged ledger, a busy
//! lake).

use std::path::Path;

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
