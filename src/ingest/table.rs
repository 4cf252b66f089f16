//! The shape every reader produces: rows of typed cells with the line (or
//! spreadsheet row) they came from. This module also finds the header row
//! under a title block by matching column names, maps headers to contract
//! fields, and reads submission metadata from preamble lines.

use super::cell::{Cell, DateSystem, Merge, SourceRow};
use super::fields::Field;
use super::header::{Band, Header};
use super::legacy::Legacy;
use crate::domain::Period;
use crate::text::clean;

/// A table: its header, the data rows under it and the preamble above.
#[derive(Debug, Clone, Default)]
pub(super) struct Table {
    pub header: Header,
    /// The first and last line of the header (0, 0 without one).
    pub header_lines: (u64, u64),
    pub rows: Vec<SourceRow>,
    pub preamble: Vec<SourceRow>,
    /// Merged ranges that reach into the data rows (spreadsheets only).
    pub merges: Vec<Merge>,
    /// How the source counts Excel serial dates.
    pub dates: DateSystem,
    /// Cells that look typed in a legacy encoding but do not convert:
    /// (line, column, encoding).
    pub unconvertible: Vec<(u64, usize, Legacy)>,
    /// Rows are objects naming their own fields (JSON items).
    pub keyed: bool,
    /// In a keyed table, the (line, column) of fields an item does not
    /// state at all (no key), as opposed to stating them empty (`null`).
    pub absent: std::collections::HashSet<(u64, usize)>,
    /// A delimited file's separator: its rows may not be wider than the
    /// header (a wider row holds a value split at an unquoted separator).
    pub separator: Option<char>,
    /// What the source hides where it is shown: rows (their lines) and
    /// columns (0-based), which are not what the report shows.
    pub hidden: Hidden,
    /// Formula cells (line, column) whose stored result no spreadsheet
    /// computed (a workbook that asks to be recalculated when opened).
    pub uncomputed: std::collections::HashMap<(u64, usize), Uncomputed>,
    /// The file states an empty list of items (JSON `"items": []`): a
    /// report of no activity, not a table left empty.
    pub stated_empty: bool,
}

/// What a sheet, a web page or a document hides where it is shown.
#[derive(Debug, Clone, Default)]
pub(super) struct Hidden {
    /// The lines of hidden rows.
    pub rows: std::collections::HashSet<u64>,
    /// Hidden columns, 0-based.
    pub cols: std::collections::HashSet<usize>,
    /// The range of the filter that hides rows (`A8:H16`), if any.
    pub filter: Option<String>,
    /// Where the rows are hidden, for messages: `sheet`, `web page`, ...
    pub place: &'static str,
}

impl Table {
    /// Splits a grid at its header band.
    pub(super) fn from_grid(mut grid: Vec<SourceRow>, band: Band, merges: Vec<Merge>) -> Table {
        let data = grid.split_off((band.start + band.header.rows).min(grid.len()));
        let header_lines = (
            grid.get(band.start).map_or(0, |r| r.line),
            grid.last().map_or(0, |r| r.line),
        );
        grid.truncate(band.start);
        let first_data = data.first().map_or(u64::MAX, |r| r.line);
        Table {
            header: band.header,
            header_lines,
            rows: data,
            preamble: grid,
            merges: merges
                .into_iter()
                .filter(|m| m.last_line >= first_data)
                .collect(),
            dates: DateSystem::default(),
            unconvertible: Vec::new(),
            keyed: false,
            absent: Default::default(),
            separator: None,
            hidden: Hidden::default(),
            uncomputed: Default::default(),
            stated_empty: false,
        }
    }
}

/// Metadata written above a table or in a JSON envelope.
#[derive(Debug, Clone, Default)]
pub(super) struct Preamble {
    pub unit: Option<String>,
    /// From a `Kỳ báo cáo:` line, or a line that is only a period.
    pub period: Option<String>,
    /// From the title line (`BÁO CÁO ... THÁNG 10 NĂM 2023`), which counts
    /// only when no line states the period itself.
    pub title_period: Option<String>,
    /// The letterhead: the lines of one text above the title (`UBND TỈNH
    /// ĐIỆN BIÊN`, `SỞ TƯ PHÁP`), at most four, top first.
    pub letterhead: Vec<String>,
    /// A title that names a span, not a period (`... 9 THÁNG NĂM 2023`,
    /// `... THÁNG 7, 8 NĂM 2023`), for the message when nothing else does.
    pub title_span: Option<String>,
    pub received_at: Option<Cell>,
}

/// Reads `Đơn vị: ...`, `Kỳ báo cáo: Tháng 7/2023`, `Ngày gửi: ...` lines
/// (key and value in one cell or two), lines that are only a period
/// (`Tháng 7 năm 2023`, `Năm 2023`) and a title that ends with the period
/// (`BÁO CÁO KẾT QUẢ ... THÁNG 10 NĂM 2023`). The first value found wins.
pub(super) fn read_preamble(rows: &[SourceRow]) -> Preamble {
    let mut p = Preamble::default();
    let mut in_letterhead = true;
    for row in rows {
        let cells: Vec<&Cell> = row.cells.iter().filter(|c| !c.is_empty()).collect();
        let Some(first) = cells.first() else { continue };
        let first_text = first.to_string();
        // the letterhead ends at the title or at the first line of metadata
        in_letterhead &= cells.len() <= 2
            && !first_text.contains(':')
            && Period::from_title(&first_text).is_none()
            && !crate::text::fold(&first_text).starts_with("bao cao");
        // the issuing body is on the left; the national motto (`CỘNG HÒA
        // XÃ HỘI CHỦ NGHĨA VIỆT NAM`, `Độc lập - Tự do - Hạnh phúc`) on the right
        if in_letterhead && p.letterhead.len() < 4 {
            let motto = {
                let key = crate::text::fold(&first_text);
                key.starts_with("cong hoa xa hoi") || key.starts_with("doc lap tu do")
            };
            if !motto {
                p.letterhead.push(first_text.clone());
            }
        }
        let (key, value): (String, Option<Cell>) = match first_text.split_once(':') {
            Some((k, v)) if !clean(v).is_empty() => (k.to_string(), Some(Cell::text(v))),
            Some((k, _)) => (k.to_string(), cells.get(1).map(|c| (*c).clone())),
            None => (first_text.clone(), cells.get(1).map(|c| (*c).clone())),
        };
        match (Field::from_header(&key), value) {
            (Some(Field::Unit), Some(v)) if p.unit.is_none() => p.unit = Some(v.to_string()),
            (Some(Field::Period), Some(v)) if p.period.is_none() => p.period = Some(v.to_string()),
            (Some(Field::ReceivedAt), Some(v)) if p.received_at.is_none() => {
                p.received_at = Some(v)
            }
            _ => {
                let line = cells
                    .iter()
                    .map(|c| c.to_string())
                    .collect::<Vec<_>>()
                    .join(" ");
                if p.period.is_none() && Period::parse(&line).is_some() {
                    p.period = Some(line);
                } else if p.title_period.is_none()
                    && let Some(period) = Period::from_title(&line)
                {
                    p.title_period = Some(period.to_string());
                } else if p.title_span.is_none() {
                    let key = crate::text::fold(&line);
                    let words: Vec<&str> = key.split(' ').collect();
                    let report = key.contains("bao cao") || key.contains("ket qua");
                    let dated = words.windows(2).any(|w| w[0] == "nam" && w[1].len() == 4);
                    if report && dated && words.contains(&"thang") {
                        p.title_span = Some(line);
                    }
                }
            }
        }
    }
    p
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A row of text cells at `line`, for tests.
    pub(in crate::ingest) fn row(line: u64, cells: &[&str]) -> SourceRow {
        SourceRow {
            line,
            cells: cells.iter().map(|s| Cell::text(s)).collect(),
        }
    }

    /// A district office's form: a title block of four lines, then the
    /// header (line 5) and one item (line 6).
    pub(in crate::ingest) fn titled_grid() -> Vec<SourceRow> {
        vec![
            row(1, &["ỦY BAN NHÂN DÂN HUYỆN TUẦN GIÁO"]),
            row(2, &["BÁO CÁO KẾT QUẢ TUYÊN TRUYỀN VỀ QUYỀN CON NGƯỜI"]),
            row(3, &["Tháng 7 năm 2023"]),
            row(4, &["Đơn vị:", "Phòng VH-TT huyện Tuần Giáo"]),
            row(5, &["STT", "Ngày", "Hình thức", "Tên tin bài"]),
            row(6, &["1", "05/07/2023", "Tin", "Phòng chống mua bán người"]),
        ]
    }

    #[test]
    fn a_grid_splits_at_its_header_band() {
        let grid = titled_grid();
        let band = crate::ingest::header::find_band(&grid, &[]).unwrap();
        let table = Table::from_grid(grid, band, Vec::new());
        assert_eq!(
            table.header.names,
            vec!["STT", "Ngày", "Hình thức", "Tên tin bài"]
        );
        assert_eq!(table.rows.len(), 1);
        assert_eq!(table.rows[0].line, 6);
        assert_eq!(table.preamble.len(), 4);
        let p = read_preamble(&table.preamble);
        assert_eq!(p.unit.as_deref(), Some("Phòng VH-TT huyện Tuần Giáo"));
        assert_eq!(p.period.as_deref(), Some("Tháng 7 năm 2023"));
    }

    #[test]
    fn the_period_in_the_title_line() {
        let p = read_preamble(&[
            row(1, &["UBND TỈNH ĐIỆN BIÊN"]),
            row(
                2,
                &["BÁO CÁO KẾT QUẢ TUYÊN TRUYỀN VỀ QUYỀN CON NGƯỜI THÁNG 10 NĂM 2023"],
            ),
            row(3, &["Điện Biên, ngày 10 tháng 11 năm 2023"]),
        ]);
        assert_eq!(p.period, None);
        assert_eq!(p.title_period.as_deref(), Some("2023-10"));
        // a line that states the period wins over the title
        let p = read_preamble(&[
            row(1, &["BÁO CÁO KẾT QUẢ TUYÊN TRUYỀN NĂM 2023"]),
            row(2, &["Kỳ báo cáo: Tháng 7/2023"]),
        ]);
        assert_eq!(p.period.as_deref(), Some("Tháng 7/2023"));
        assert_eq!(p.title_period.as_deref(), Some("2023"));
    }

    #[test]
    fn preamble_key_and_value_in_one_cell() {
        let p = read_preamble(&[
            row(1, &["Kỳ báo cáo: Tháng 8/2023"]),
            row(2, &["Ngày gửi: 10/09/2023"]),
        ]);
        assert_eq!(p.period.as_deref(), Some("Tháng 8/2023"));
        assert_eq!(p.received_at, Some(Cell::Text("10/09/2023".into())));
    }
}

/// Why a formula's stored result is not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Uncomputed {
    /// The workbook asks to be recalculated when opened, and the result
    /// is not what the formula gives or baocao cannot work it out: nothing
    /// shows a spreadsheet computed it.
    RecalculationAsked,
    /// It is not what the formula gives, worked out from the sheet's
    /// numbers, in a workbook that does not ask to be recalculated (one a
    /// spreadsheet passed on without recalculating).
    Disagrees,
}
