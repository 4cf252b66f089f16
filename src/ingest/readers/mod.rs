//! One reader per input format, each turning a file's bytes into a
//! [`Table`]: delimited text (any of the encodings Vietnamese offices
//! produce, separator detected), workbooks (the visible sheet whose table
//! matches best, header band found under the title block, merged cells)
//! and JSON / NDJSON. Every text cell passes through [`TextCells`], which
//! converts text typed in a legacy Vietnamese encoding and counts it.

mod delimited;
mod json;
mod text;
mod workbook;

use serde_json::Value;

use super::reason::Problem;
use super::table::{Preamble, Table};

pub use delimited::read_delimited;
pub use json::read_json;
pub use text::is_binary;
pub use workbook::read_xlsx;

/// What a reader made of a file.
#[derive(Debug, Default)]
pub struct ReadOutput {
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

const NO_HEADER: &str = "no header row was found: the table needs column names such as Ngày, Hình thức, Chủ đề and Tên tin bài (at least two of them)";
