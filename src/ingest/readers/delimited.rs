//! Delimited text (`.csv`, `.tsv`, `.txt`): decoded whole, the separator
//! (`,` `;` or tab) is the one under which a header band names the most
//! contract fields; quoted fields may hold separators and line breaks.

use super::output::{ReadOutput, no_header};
use super::text::{TextCells, decode};
use crate::ingest::cell::SourceRow;
use crate::ingest::header::find_band;
use crate::ingest::limits::{MAX_COLUMNS, check_lines, too_many_columns};
use crate::ingest::reason::{Problem, ReasonCode};
use crate::ingest::table::Table;
use crate::msg;

fn csv_rows(
    text: &str,
    delimiter: u8,
    limit: usize,
    cells: &mut TextCells,
) -> Result<Vec<SourceRow>, Problem> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    let mut record = csv::StringRecord::new();
    // Line numbers from byte offsets: the csv crate's own line count lags by
    // one after CRLF endings (it counts the LF only once the next record starts).
    let bytes = text.as_bytes();
    let (mut counted_to, mut line) = (0usize, 1u64);
    while out.len() < limit {
        match reader.read_record(&mut record) {
            Ok(true) => {
                if record.len() > MAX_COLUMNS {
                    return Err(too_many_columns(record.len()));
                }
                let mut start = record
                    .position()
                    .map(|p| p.byte() as usize)
                    .unwrap_or(0)
                    .min(bytes.len());
                if bytes.get(start) == Some(&b'\n') {
                    start += 1;
                }
                if start > counted_to {
                    line += bytes[counted_to..start]
                        .iter()
                        .filter(|b| **b == b'\n')
                        .count() as u64;
                    counted_to = start;
                }
                out.push(SourceRow {
                    line,
                    cells: record
                        .iter()
                        .enumerate()
                        .map(|(col, field)| cells.cell_nfc(excel_text(field), line, col))
                        .collect(),
                });
            }
            Ok(false) | Err(_) => break,
        }
    }
    Ok(out)
}

/// A field written as an Excel text formula (`="15/03/2023"`, `="2"`: what
/// web systems export so that Excel keeps the text) is the text inside.
fn excel_text(field: &str) -> &str {
    let t = field.trim();
    match t.strip_prefix("=\"").and_then(|r| r.strip_suffix('"')) {
        Some(inner) if !inner.contains('"') => inner,
        _ => field,
    }
}

/// Delimited text: the separator is the one whose best header band names
/// the most fields.
pub(crate) fn read_delimited(bytes: &[u8]) -> Result<ReadOutput, Problem> {
    let (text, encoding) = decode(bytes);
    if text.trim().is_empty() {
        return Err(Problem::new(ReasonCode::FileBlank, msg!("read-file-blank")));
    }
    check_lines(&text)?;
    let mut best: Option<(usize, u8)> = None;
    for delimiter in [b'\t', b';', b','] {
        let sample = csv_rows(&text, delimiter, 44, &mut TextCells::default())?;
        if let Some(band) = find_band(&sample, &[])
            && best.is_none_or(|(s, _)| band.header.score() > s)
        {
            best = Some((band.header.score(), delimiter));
        }
    }
    let (_, delimiter) = best.ok_or_else(|| Problem::new(ReasonCode::FileNoTable, no_header()))?;
    let mut cells = TextCells::default();
    let grid = csv_rows(&text, delimiter, usize::MAX, &mut cells)?;
    let band =
        find_band(&grid, &[]).ok_or_else(|| Problem::new(ReasonCode::FileNoTable, no_header()))?;
    let shown = match delimiter {
        b'\t' => msg!("read-detail-tab-separated", encoding = encoding),
        d => msg!(
            "read-detail-separated",
            encoding = encoding,
            separator = format!("'{}'", d as char)
        ),
    };
    let mut notes = Vec::new();
    if encoding.starts_with("TCVN3") || encoding.starts_with("VNI") {
        notes.push(msg!("read-note-legacy-encoding", encoding = encoding).to_string());
    }
    notes.extend(cells.notes());
    let mut table = Table::from_grid(grid, band, Vec::new());
    table.unconvertible = cells.unconvertible;
    table.separator = Some(delimiter as char);
    Ok(ReadOutput {
        table,
        detail: shown.to_string(),
        notes,
        ..Default::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::cell::Cell;

    #[test]
    fn separator_is_detected_and_quotes_hold_newlines() {
        let csv =
            "Ngày;Hình thức;Tên tin bài\n05/07/2023;Tin;\"Một; hai\nba\"\n06/07/2023;Bài;Bốn\n";
        let out = read_delimited(csv.as_bytes()).unwrap();
        assert_eq!(
            out.table.header.names,
            vec!["Ngày", "Hình thức", "Tên tin bài"]
        );
        assert_eq!(out.table.rows.len(), 2);
        assert_eq!(out.table.rows[0].cells[2], Cell::Text("Một; hai ba".into()));
        assert_eq!(out.table.rows[1].line, 4);
        assert!(out.detail.contains("';'"), "{}", out.detail);
    }

    #[test]
    fn a_two_row_header_in_csv() {
        // Excel's CSV of a merged two-row header: the group heading in its
        // first column, blanks after it
        let csv = "STT,Ngày,Hình thức,Kết quả,,Ghi chú\n,,,Số lượng,Số người tham dự,\n1,05/07/2023,Tin,2,180,\n";
        let out = read_delimited(csv.as_bytes()).unwrap();
        let h = &out.table.header;
        assert_eq!(h.rows, 2);
        assert_eq!(h.names[3], "Kết quả / Số lượng");
        assert_eq!(h.names[4], "Kết quả / Số người tham dự");
        assert_eq!(out.table.rows.len(), 1);
        assert_eq!(out.table.rows[0].line, 3);
    }

    #[test]
    fn a_text_without_a_header_is_refused_in_vietnamese() {
        let err = read_delimited("a,b,c\n1,2,3\n".as_bytes()).unwrap_err();
        assert_eq!(err.code, ReasonCode::FileNoTable);
        assert_eq!(
            err.msg.say(crate::i18n::Lang::Vi),
            "không tìm thấy dòng tiêu đề: bảng cần có tên cột như Ngày, Hình thức, Chủ đề và Tên tin bài (ít nhất hai tên trong số đó)"
        );
    }

    #[test]
    fn excel_text_formulas_are_the_text_inside() {
        assert_eq!(excel_text("=\"15/03/2023\""), "15/03/2023");
        assert_eq!(excel_text(" =\"2\" "), "2");
        assert_eq!(excel_text("=A1+1"), "=A1+1");
        assert_eq!(excel_text("=\"a\"&\"b\""), "=\"a\"&\"b\"");
        assert_eq!(excel_text("Tin"), "Tin");
    }
}
