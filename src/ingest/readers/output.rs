//! What a reader makes of a file: the table, the envelope's metadata,
//! rows it could not shape and notes for the per-file summary; and the
//! sentences every reader shares.

use serde_json::Value;

use crate::i18n::Msg;
use crate::ingest::reason::Problem;
use crate::ingest::table::{Preamble, Table};
use crate::msg;

/// What a reader made of a file.
#[derive(Debug, Default)]
pub(in crate::ingest) struct ReadOutput {
    pub table: Table,
    /// Metadata a JSON envelope carried (`unit`, `period`, `received_at`).
    pub envelope: Preamble,
    /// Rows the reader could not shape into cells, with why.
    pub bad_rows: Vec<(u64, Value, Problem)>,
    /// For messages: `UTF-8, ';'-separated`, `sheet "Báo cáo"`.
    pub detail: String,
    /// What a careful reader would want to know about how the file was
    /// read (a 1904 date system, hidden sheets, converted text), one
    /// sentence each, for the per-file summary.
    pub notes: Vec<String>,
}

/// No header row found: what the table needs.
pub(super) fn no_header() -> Msg {
    msg!("read-no-header", why = no_header_why())
}

/// What a table needs for its header to be found (said after a colon).
pub(super) fn no_header_why() -> Msg {
    msg!("read-no-header-why")
}
