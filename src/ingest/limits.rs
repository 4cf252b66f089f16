//! What one file may cost to read. A broken or hostile file (a workbook
//! that unpacks to gigabytes, a 200 MB line, a million columns) is refused
//! with a reason instead of exhausting the machine's memory or time. The
//! limits are far above any report: a report of 10,000 items is about 2 MB
//! as CSV and has about twenty columns.

use std::io::{Cursor, Read};

use super::reason::{Problem, ReasonCode};

/// The largest file read, by default (`--max-file-mb`).
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// The longest line of delimited text.
pub(super) const MAX_LINE_BYTES: usize = 1 << 20;

/// The most columns a table may have.
pub(super) const MAX_COLUMNS: usize = 1_000;

/// The most cells a JSON file's items may make when laid out as a table.
pub(super) const MAX_CELLS: usize = 20_000_000;

/// The most a workbook may unpack to.
pub(super) const MAX_UNPACKED_BYTES: u64 = 256 << 20;

/// The most rows a sheet may have (Excel's own limit).
pub(super) const MAX_SHEET_ROWS: u32 = 1_048_576;

/// The most cells the sheets of an `.xls` or `.ods` workbook may span
/// together, each from its first used cell to its last (calamine holds
/// them all in memory at once, about 60 bytes a cell with its formula
/// text); a report of 10,000 items spans about 200,000. Also the most
/// cells a Word or HTML table may make once its merged cells are laid out.
pub(super) const MAX_GRID_CELLS: u64 = 4_000_000;

/// The largest HTML file read: an export of 10,000 items is about 4 MB.
pub(super) const MAX_HTML_BYTES: usize = 16 << 20;

pub(super) fn grid_too_large(cells: u64) -> Problem {
    Problem::new(
        ReasonCode::FileTooLarge,
        format!(
            "the tables of the file span {cells} cells or more from their first used cell to their last, more than the {MAX_GRID_CELLS} a report may (a report of 10,000 items spans about 200,000): it is not a report, or a stray value sits far from the table; delete it and send the file again"
        ),
    )
}

/// Sizes as Windows shows them (1 MB = 1,048,576 bytes).
pub(super) fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / (1u64 << 20) as f64)
}

pub(super) fn file_too_big(size: u64, max: u64) -> String {
    format!(
        "The file is {}, more than the {} a report may be (a report of 10,000 items is about 2 MB): check that it is the right file, split it, or raise the limit with --max-file-mb.",
        megabytes(size),
        megabytes(max)
    )
}

pub(super) fn too_many_columns(found: usize) -> Problem {
    Problem::new(
        ReasonCode::FileTooLarge,
        format!(
            "the table has more than {MAX_COLUMNS} columns ({found} or more), far more than a report's twenty or so: check that it is the right file, or delete the extra columns and send it again"
        ),
    )
}

/// Refuses text with a line longer than [`MAX_LINE_BYTES`].
pub(super) fn check_lines(text: &str) -> Result<(), Problem> {
    for (i, line) in text.split('\n').enumerate() {
        if line.len() > MAX_LINE_BYTES {
            return Err(Problem::new(
                ReasonCode::FileTooLarge,
                format!(
                    "line {} is {} long, longer than any report row can be ({} at most): check that it is the right file and that its line breaks survived",
                    i + 1,
                    megabytes(line.len() as u64),
                    megabytes(MAX_LINE_BYTES as u64)
                ),
            ));
        }
    }
    Ok(())
}

/// The sentence for a file its reader cannot open (not a container of its
/// kind, cut short, broken inside): `kind` is the format, `xlsx`, `xls`,
/// `ods` or `docx`; `e` what the library said.
pub(super) fn cannot_open(kind: &str, e: &dyn std::fmt::Display) -> Problem {
    let raw = e.to_string();
    // the reader's own words go in brackets after ours, never alone
    damaged_because(kind, &format!("{}: {raw}", cause(&raw)))
        .with_detail(serde_json::json!({ "error": raw }))
}

/// A file of `kind` refused as damaged, `why` (in our words) in brackets.
pub(super) fn damaged_because(kind: &str, why: &str) -> Problem {
    let (what, again) = match kind {
        "xls" => (
            "the workbook cannot be opened as an Excel 97-2003 workbook",
            "open it in Excel, save it again",
        ),
        "ods" => (
            "the workbook cannot be opened as a LibreOffice spreadsheet",
            "open it in LibreOffice Calc, save it again as .ods",
        ),
        "docx" => (
            "the Word document cannot be opened",
            "open it in Word, save it again as .docx",
        ),
        _ => (
            "the workbook cannot be opened",
            "open it in Excel, save it again as .xlsx",
        ),
    };
    Problem::new(
        ReasonCode::FileDamaged,
        format!("{what} ({why}); it may be damaged or cut short: {again} and resend it"),
    )
}

/// What a reading library's error says, in a person's words: the
/// library's own text follows ours in brackets (and is kept in
/// `rejects.raw`), never alone and never last.
pub(super) fn cause(raw: &str) -> &'static str {
    let lower = raw.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    if has(&[
        "zip",
        "archive",
        "central directory",
        "crc",
        "deflate",
        "eof",
    ]) {
        "its packed contents are broken or cut short"
    } else if has(&[
        "xml",
        "entity",
        "tag",
        "attribute",
        "syntax",
        "escape",
        "utf-8",
        "utf8",
    ]) {
        "its inner text is not well-formed"
    } else if has(&["cfb", "compound", "sector", "stream", "fat"]) {
        "its container of parts is broken"
    } else if has(&[
        "unrecognized",
        "unknown",
        "missing",
        "expected",
        "range",
        "invalid",
    ]) {
        "it holds values the program that should have written it never writes"
    } else {
        "its contents do not read as what its name says"
    }
}

/// Refuses a zipped file of `kind` (`xlsx`, `ods`, `docx`) whose parts
/// unpack to more than [`MAX_UNPACKED_BYTES`]: first by the sizes its
/// directory declares, then by unpacking (a directory can lie), never past
/// the limit.
pub(super) fn check_unpacked(bytes: &[u8], kind: &str) -> Result<(), Problem> {
    let damaged = |e: &dyn std::fmt::Display| cannot_open(kind, e);
    let what = if kind == "docx" {
        "Word document"
    } else {
        "workbook"
    };
    let too_big = |size: u64| {
        Problem::new(
            ReasonCode::FileTooLarge,
            format!(
                "the {what} unpacks to {} or more, more than the {} any report needs: it is not a report (or it was made to exhaust memory); check the file and send it again",
                megabytes(size),
                megabytes(MAX_UNPACKED_BYTES)
            ),
        )
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged(&e))?;
    let mut declared = 0u64;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|e| damaged(&e))?;
        declared = declared.saturating_add(entry.size());
        if declared > MAX_UNPACKED_BYTES {
            return Err(too_big(declared));
        }
    }
    let mut actual = 0u64;
    for i in 0..zip.len() {
        let entry = zip.by_index(i).map_err(|e| damaged(&e))?;
        let room = MAX_UNPACKED_BYTES - actual + 1;
        actual +=
            std::io::copy(&mut entry.take(room), &mut std::io::sink()).map_err(|e| damaged(&e))?;
        if actual > MAX_UNPACKED_BYTES {
            return Err(too_big(actual));
        }
    }
    Ok(())
}
