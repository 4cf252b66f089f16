//! What can go wrong with the lake, each said with what a user can do
//! about it (a full disk, a read-only folder, a damaged ledger, a busy
//! lake).

use std::path::Path;

use crate::i18n::Msg;
use crate::msg;

/// What can go wrong with the lake.
#[derive(Debug, thiserror::Error)]
pub enum LakeError {
    #[error("{}", self.msg())]
    Io {
        action: &'static str,
        path: String,
        error: std::io::Error,
    },
    #[error("{}", self.msg())]
    Ledger { path: String, message: String },
    #[error("{}", self.msg())]
    Data { path: String, message: String },
    #[error("{}", self.msg())]
    Busy(String),
    /// The object storage holding the lake cannot be reached, or refused a
    /// request (credentials, a bucket that does not exist).
    #[error("{}", self.msg())]
    Store { lake: String, message: String },
    /// `--lake` names a place baocao cannot open (a URL without a bucket, a
    /// scheme it does not know, S3 in a build without the `s3` feature).
    #[error("{}", self.msg())]
    Location { lake: String, message: Msg },
    /// Other writers committed first every time this one tried.
    #[error("{}", self.msg())]
    Contended { lake: String, attempts: usize },
}

impl LakeError {
    /// The error as a message, to be said in either language.
    pub fn msg(&self) -> Msg {
        match self {
            LakeError::Io {
                action,
                path,
                error,
            } => msg!(
                "lake-io",
                action = action_msg(action),
                path = path.clone(),
                error = error.to_string(),
                hint = io_hint(error)
            ),
            LakeError::Ledger { path, message } => msg!(
                "lake-ledger-unreadable",
                path = path.clone(),
                error = message.clone()
            ),
            LakeError::Data { path, message } => {
                msg!(
                    "lake-data-file",
                    path = path.clone(),
                    error = message.clone()
                )
            }
            LakeError::Busy(lake) => msg!("lake-busy", lake = lake.clone()),
            LakeError::Store { lake, message } => {
                msg!("lake-store", lake = lake.clone(), error = message.clone())
            }
            LakeError::Location { lake, message } => msg!(
                "lake-location",
                lake = lake.clone(),
                error = message.clone()
            ),
            LakeError::Contended { lake, attempts } => {
                msg!("lake-contended", lake = lake.clone(), n = *attempts)
            }
        }
    }
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
fn io_hint(e: &std::io::Error) -> Msg {
    match WriteTrouble::of(e.kind()) {
        Some(WriteTrouble::Full) => msg!("lake-hint-full"),
        Some(WriteTrouble::ReadOnly) => msg!("lake-hint-read-only"),
        None => Msg::verbatim(""),
    }
}

/// What was being done (`create`, `read`, `write`, ...), said as a verb in
/// the language: `cannot create PATH` / `không thể tạo PATH`.
pub(crate) fn action_msg(action: &str) -> Msg {
    msg!("lake-action", action = action)
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
