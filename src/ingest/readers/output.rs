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

/// The note for item rows that are hidden where the file is shown (rows
/// hidden in a sheet, `display:none` rows of a web page) and were read:
/// someone should check that they belong to the report. `lines` are the
/// rows' lines; `None` when there are none.
pub(super) fn hidden_rows_note(lines: &[u64], place: &str) -> Option<String> {
    let n = lines.len();
    if n == 0 {
        return None;
    }
    let shown: Vec<String> = lines.iter().take(8).map(u64::to_string).collect();
    let more = if n > 8 {
        format!(" and {} more", n - 8)
    } else {
        String::new()
    };
    let one = n == 1;
    Some(format!(
        "row{} {}{more} of the table {} hidden in the {place} and {} read as {}: if {} not part of this report, delete {} and send the file again",
        crate::text::plural(n),
        shown.join(", "),
        if one { "is" } else { "are" },
        if one { "was" } else { "were" },
        if one { "an item" } else { "items" },
        if one { "it is" } else { "they are" },
        if one { "it" } else { "them" },
    ))
}

pub(super) const NO_HEADER: &str = "no header row was found: the table needs column names such as Ngày, Hình thức, Chủ đề and Tên tin bài (at least two of them)";
