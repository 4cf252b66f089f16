//! `ingest`: submitted report files become rows in the lake. Each file goes
//! through one reader (by format), then the one normaliser, on every core;
//! the run commits accepted submissions, refused rows and refused files in
//! batches of at most about [`BATCH_ITEMS`] items, each batch atomically.
//! Same bytes twice change nothing; a newer report for the same unit and
//! period supersedes the older one, which stays, marked.

mod body;
mod cell;
mod dates;
mod error;
mod fields;
mod guard;
mod header;
mod inbox;
mod legacy;
mod limits;
mod normalise;
mod readers;
mod reason;
mod report;
mod run;
mod sniff;
mod table;
mod template;
mod values;

pub use error::IngestError;
pub use inbox::{Inbox, SKIPPED_LINK, SKIPPED_SPECIAL, expand_paths, file_date};
pub use legacy::{Legacy, Verdict, detect as detect_legacy};
pub use limits::MAX_FILE_BYTES;
pub use normalise::{Overrides, Refusal, activity_id};
pub use reason::{Problem, ReasonCode};
pub use report::{FileReport, FileStatus, IngestReport};
pub use run::{BATCH_ITEMS, IngestOptions, READER_STOPPED, ingest, read_bytes};
