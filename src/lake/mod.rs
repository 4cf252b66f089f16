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
//! the next run removes. On S3-compatible object storage (`s3://`, see
//! [`remote`]) the same layout is kept, and the commit is the conditional
//! creation of the ledger's next version instead of a rename under a lock.

mod commit;
mod compact;
mod error;
mod layout;
mod ledger;
mod lock;
pub mod remote;
pub mod rollup;
pub mod tables;
pub mod writer;

pub use commit::mark_superseded;
pub use compact::{CompactReport, CompactedFolder, TARGET_ROWS};
pub(crate) use error::action_msg;
pub use error::{LakeError, WriteTrouble};
pub use layout::{Batch, DATA_FOLDERS, LEDGER, Lake, LakeState, Source};
pub use ledger::RawLedger;
pub use lock::{LakeLock, Snapshot, lock_file};
pub use tables::{Activity, ActivityRecord, FileTotal, RejectRecord, SubmissionRecord};
