//! What one file may cost to read. A broken or hostile file (a workbook
//! that unpacks to gigabytes, a 200 MB line, a million columns) is refused
//! with a reason instead of exhausting the machine's memory or time. The
//! limits are far above any report: a report of 10,000 items is about 2 MB
//! as CSV and has about twenty columns.

use std::io::{Cursor, Read};

use super::reason::{Problem, ReasonCode};
use crate::i18n::Msg;
use crate::msg;

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
        msg!(
            "read-grid-too-large",
            cells = cells.to_string(),
            max = MAX_GRID_CELLS.to_string()
        ),
    )
}

/// Sizes as Windows shows them (1 MB = 1,048,576 bytes), one digit after
/// the language's decimal mark, always (`2.0 MB` / `2,0 MB`).
pub(super) fn megabytes(bytes: u64) -> Msg {
    let text = format!("{:.1}", bytes as f64 / (1u64 << 20) as f64);
    let (whole, tenth) = text.split_once('.').unwrap_or((&text, "0"));
    msg!("read-megabytes", whole = whole, tenth = tenth)
}

pub(super) fn file_too_big(size: u64, max: u64) -> Msg {
    msg!(
        "read-file-too-big",
        size = megabytes(size),
        max = megabytes(max)
    )
}

pub(super) fn too_many_columns(found: usize) -> Problem {
    Problem::new(
        ReasonCode::FileTooLarge,
        msg!(
            "read-too-many-columns",
            max = MAX_COLUMNS.to_string(),
            found = found.to_string()
        ),
    )
}

/// Refuses text with a line longer than [`MAX_LINE_BYTES`].
pub(super) fn check_lines(text: &str) -> Result<(), Problem> {
    for (i, line) in text.split('\n').enumerate() {
        if line.len() > MAX_LINE_BYTES {
            return Err(Problem::new(
                ReasonCode::FileTooLarge,
                msg!(
                    "read-line-too-long",
                    line = (i + 1).to_string(),
                    size = megabytes(line.len() as u64),
                    max = megabytes(MAX_LINE_BYTES as u64)
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
    let why = msg!(
        "read-cause-with-error",
        cause = cause(&raw),
        error = raw.clone()
    );
    damaged_because(kind, why).with_detail(serde_json::json!({ "error": raw }))
}

/// A file of `kind` refused as damaged, `why` (in our words) in brackets.
pub(super) fn damaged_because(kind: &str, why: Msg) -> Problem {
    let id = match kind {
        "xls" => "read-damaged-xls",
        "ods" => "read-damaged-ods",
        "docx" => "read-damaged-docx",
        _ => "read-damaged-xlsx",
    };
    Problem::new(ReasonCode::FileDamaged, msg!(id, why = why))
}

/// What a reading library's error says, in a person's words: the
/// library's own text follows ours in brackets (and is kept in
/// `rejects.raw`), never alone and never last.
pub(super) fn cause(raw: &str) -> Msg {
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
        msg!("read-cause-packed")
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
        msg!("read-cause-xml")
    } else if has(&["cfb", "compound", "sector", "stream", "fat"]) {
        msg!("read-cause-container")
    } else if has(&[
        "unrecognized",
        "unknown",
        "missing",
        "expected",
        "range",
        "invalid",
    ]) {
        msg!("read-cause-values")
    } else {
        msg!("read-cause-other")
    }
}

/// Refuses a zipped file of `kind` (`xlsx`, `ods`, `docx`) whose parts
/// unpack to more than [`MAX_UNPACKED_BYTES`]: first by the sizes its
/// directory declares, then by unpacking (a directory can lie), never past
/// the limit.
pub(super) fn check_unpacked(bytes: &[u8], kind: &str) -> Result<(), Problem> {
    let damaged = |e: &dyn std::fmt::Display| cannot_open(kind, e);
    let id = if kind == "docx" {
        "read-unpacks-too-big-docx"
    } else {
        "read-unpacks-too-big"
    };
    let too_big = |size: u64| {
        Problem::new(
            ReasonCode::FileTooLarge,
            msg!(
                id,
                size = megabytes(size),
                max = megabytes(MAX_UNPACKED_BYTES)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang::{En, Vi};

    /// Sizes keep their one digit after the language's decimal mark.
    #[test]
    fn a_file_too_big_is_refused_in_either_language() {
        let too_big = file_too_big(100 << 20, MAX_FILE_BYTES);
        assert_eq!(
            too_big.say(Vi),
            "Tệp có dung lượng 100,0 MB, vượt quá mức 64,0 MB cho phép của một báo cáo (một báo cáo 10.000 hoạt động chỉ khoảng 2 MB): đề nghị kiểm tra lại có đúng tệp không, chia nhỏ tệp, hoặc nâng giới hạn bằng --max-file-mb."
        );
        assert_eq!(
            too_big.say(En),
            "The file is 100.0 MB, more than the 64.0 MB a report may be (a report of 10,000 items is about 2 MB): check that it is the right file, split it, or raise the limit with --max-file-mb."
        );
    }

    /// The library's own words stay as they are, in brackets after ours.
    #[test]
    fn a_damaged_workbook_says_why_in_our_words_then_the_library_s() {
        let damaged = cannot_open("xlsx", &"invalid Zip archive: Could not find EOCD");
        assert_eq!(damaged.code, ReasonCode::FileDamaged);
        assert_eq!(
            damaged.msg.say(Vi),
            "không mở được bảng tính (phần nội dung nén bị hỏng hoặc bị cắt cụt: invalid Zip archive: Could not find EOCD); tệp có thể bị hỏng hoặc bị cắt cụt: đề nghị mở tệp bằng Excel, lưu lại dưới dạng .xlsx rồi gửi lại"
        );
        assert_eq!(
            damaged.msg.say(En),
            "the workbook cannot be opened (its packed contents are broken or cut short: invalid Zip archive: Could not find EOCD); it may be damaged or cut short: open it in Excel, save it again as .xlsx and resend it"
        );
    }

    #[test]
    fn a_line_too_long_names_its_line() {
        let text = format!("Ngày,Hình thức\n{}\n", "x".repeat(MAX_LINE_BYTES + 1));
        let err = check_lines(&text).unwrap_err();
        assert_eq!(
            err.msg.say(Vi),
            "dòng 2 dài 1,0 MB, dài hơn mọi dòng báo cáo có thể có (tối đa 1,0 MB): đề nghị kiểm tra lại có đúng tệp không và các dấu xuống dòng của tệp có còn nguyên không"
        );
    }
}
