//! One reader per input format, each turning a file's bytes into a
//! [`Table`]: delimited text (any of the encodings Vietnamese offices
//! produce, separator detected), workbooks (the visible sheet whose table
//! matches best, header band found under the title block, merged cells)
//! and JSON / NDJSON. Every text cell passes through [`TextCells`], which
//! converts text typed in a legacy Vietnamese encoding and counts it.

mod delimited;
mod document;
mod docx;
mod html;
mod json;
mod measure;
mod text;
mod workbook;

use serde_json::Value;

use super::reason::Problem;
use super::table::{Preamble, Table};

pub(super) use delimited::read_delimited;
pub(super) use docx::read_docx;
pub(super) use html::{looks_like_html, read_html};
pub(super) use json::read_json;
pub(super) use text::is_binary;
pub(super) use workbook::{read_ods, read_xls, read_xlsx};

/// What a reader made of a file.
#[derive(Debug, Default)]
pub(super) struct ReadOutput {
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
fn hidden_rows_note(lines: &[u64], place: &str) -> Option<String> {
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

const NO_HEADER: &str = "no header row was found: the table needs column names such as Ngày, Hình thức, Chủ đề and Tên tin bài (at least two of them)";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::table::Cell;

    /// The legacy-encoding detector's false positives on every text cell of
    /// the bundled samples (Unicode, Windows-1258 and UTF-16 files, and
    /// workbooks, Word and HTML reports): none.
    #[test]
    fn no_text_of_the_bundled_samples_is_taken_for_a_legacy_encoding() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/samples/2023");
        let (mut files, mut cells) = (0, 0);
        for entry in std::fs::read_dir(&dir).expect("samples") {
            let path = entry.expect("entry").path();
            let bytes = std::fs::read(&path).expect("sample");
            let ext = path.extension().map(|e| e.to_string_lossy().to_string());
            let out = match ext.as_deref() {
                Some("csv" | "txt") => read_delimited(&bytes),
                Some("xlsx") => read_xlsx(&bytes),
                Some("xls") if looks_like_html(&bytes) => read_html(&bytes),
                Some("xls") => read_xls(&bytes),
                Some("ods") => read_ods(&bytes),
                Some("docx") => read_docx(&bytes),
                Some("json" | "ndjson") => read_json(&bytes),
                _ => continue,
            }
            .unwrap_or_else(|p| panic!("{}: {}", path.display(), p.text));
            files += 1;
            assert!(
                out.notes.iter().all(|n| !n.contains("legacy")),
                "{}: {:?}",
                path.display(),
                out.notes
            );
            assert!(out.table.unconvertible.is_empty(), "{}", path.display());
            let t = &out.table;
            cells += t
                .rows
                .iter()
                .chain(&t.preamble)
                .flat_map(|r| &r.cells)
                .filter(|c| matches!(c, Cell::Text(s) if !s.is_ascii()))
                .count();
            cells += t.header.names.iter().filter(|n| !n.is_ascii()).count();
        }
        eprintln!(
            "{files} sample files, {cells} non-ASCII text cells: none taken for TCVN3 or VNI"
        );
        assert!(files >= 100, "{files} sample files");
        assert!(cells > 1000, "{cells} text cells");
    }
}
