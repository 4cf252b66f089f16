//! What a reader makes of a file: the table, the envelope's metadata,
//! rows it could not shape and notes for the per-file summary; and the
//! sentences every reader shares.

use serde_json::Value;

use crate::ingest::reason::Problem;
use crate::ingest::table::{Preamble, Table};

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

pub(super) const NO_HEADER: &str = "no header row was found: the table needs column names such as Ngày, Hình thức, Chủ đề and Tên tin bài (at least two of them)";
