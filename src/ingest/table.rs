//! The shape every reader produces: rows of typed cells with the line (or
//! spreadsheet row) they came from. This module also finds the header row
//! under a title block by matching column names, maps headers to contract
//! fields, and reads submission metadata from preamble lines.

use std::fmt;

use chrono::NaiveDate;
use serde_json::Value;

use crate::text::{clean, fold};

/// One cell as the source gave it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
    Bool(bool),
}

impl Cell {
    pub fn text(s: &str) -> Cell {
        Cell::from_clean(clean(s))
    }

    /// A cell of text already in NFC (a decoded delimited file).
    pub fn text_nfc(s: &str) -> Cell {
        Cell::from_clean(crate::text::collapse_spaces(s))
    }

    fn from_clean(s: String) -> Cell {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }

    pub fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty)
    }

    /// The cell as JSON, for `rejects.raw`.
    pub fn to_json(&self) -> Value {
        match self {
            Cell::Empty => Value::Null,
            Cell::Text(s) => Value::String(s.clone()),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => Value::from(*n as i64),
            Cell::Number(n) => serde_json::Number::from_f64(*n)
                .map(Value::Number)
                .unwrap_or(Value::Null),
            Cell::Date(d) => Value::String(d.format("%Y-%m-%d").to_string()),
            Cell::Bool(b) => Value::Bool(*b),
        }
    }
}

impl fmt::Display for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cell::Empty => Ok(()),
            Cell::Text(s) => f.write_str(s),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => write!(f, "{}", *n as i64),
            Cell::Number(n) => write!(f, "{n}"),
            Cell::Date(d) => write!(f, "{}", d.format("%d/%m/%Y")),
            Cell::Bool(b) => write!(f, "{b}"),
        }
    }
}

/// A row of cells and where it stands in the source (1-based line or row).
#[derive(Debug, Clone)]
pub struct SourceRow {
    pub line: u64,
    pub cells: Vec<Cell>,
}

/// The contract's fields (section 3): metadata and item columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Unit,
    Period,
    ReceivedAt,
    ActivityDate,
    Theme,
    Subtheme,
    HrcPriority,
    Form,
    Channel,
    Title,
    Quantity,
    Reach,
    Duration,
    Language,
    Url,
    Notes,
}

/// Accepted headers per field, already folded (no case, marks or punctuation).
const HEADERS: &[(Field, &[&str])] = &[
    (
        Field::Unit,
        &[
            "don vi",
            "ten don vi",
            "unit",
            "unit code",
            "don vi bao cao",
        ],
    ),
    (Field::Period, &["ky bao cao", "ky", "period"]),
    (
        Field::ReceivedAt,
        &["ngay nhan", "ngay gui", "received at", "ngay gui bao cao"],
    ),
    (
        Field::ActivityDate,
        &[
            "ngay",
            "ngay dang",
            "ngay phat",
            "ngay thuc hien",
            "thoi gian",
            "date",
            "activity date",
            "ngay phat song",
        ],
    ),
    (
        Field::Theme,
        &["chu de", "noi dung", "linh vuc", "theme", "theme code"],
    ),
    (
        Field::Subtheme,
        &["noi dung cu the", "tieu muc", "subtheme", "subtheme code"],
    ),
    (
        Field::HrcPriority,
        &["uu tien hdnq", "nhom uu tien", "hrc priority"],
    ),
    (
        Field::Form,
        &["hinh thuc", "loai hinh", "the loai", "form", "form code"],
    ),
    (
        Field::Channel,
        &["kenh", "nen tang", "phuong tien", "channel"],
    ),
    (
        Field::Title,
        &[
            "ten tin bai",
            "tieu de",
            "ten san pham",
            "ten hoat dong",
            "title",
            "ten bai",
        ],
    ),
    (
        Field::Quantity,
        &["so luong", "sl", "so tin bai", "quantity"],
    ),
    (
        Field::Reach,
        &[
            "luot tiep can",
            "luot xem",
            "so nguoi tham du",
            "so luot nguoi",
            "reach",
        ],
    ),
    (
        Field::Duration,
        &["thoi luong phut", "thoi luong", "duration", "duration min"],
    ),
    (Field::Language, &["ngon ngu", "tieng", "language"]),
    (Field::Url, &["duong dan", "link", "url"]),
    (Field::Notes, &["ghi chu", "notes", "note"]),
];

impl Field {
    /// The field a header names, if any.
    pub fn from_header(header: &str) -> Option<Field> {
        // headers are short; a title or a sentence is not folded (costly) to find out
        if header.chars().count() > 40 {
            return None;
        }
        let key = fold(header);
        HEADERS
            .iter()
            .find(|(_, names)| names.contains(&key.as_str()))
            .map(|(f, _)| *f)
    }

    pub fn is_metadata(self) -> bool {
        matches!(self, Field::Unit | Field::Period | Field::ReceivedAt)
    }
}

/// How many cells of a row name item fields (metadata columns do not count).
fn header_score(row: &SourceRow) -> usize {
    let mut seen = Vec::new();
    for cell in &row.cells {
        if let Cell::Text(t) = cell
            && let Some(f) = Field::from_header(t)
            && !f.is_metadata()
            && !seen.contains(&f)
        {
            seen.push(f);
        }
    }
    seen.len()
}

/// Where the header row is among the first rows, and how many fields it
/// names: the first row naming at least two item fields.
pub fn find_header(rows: &[SourceRow]) -> Option<(usize, usize)> {
    rows.iter()
        .take(40)
        .enumerate()
        .map(|(i, r)| (i, header_score(r)))
        .find(|(_, score)| *score >= 2)
}

/// A table: header cells, the data rows under them and the preamble above.
#[derive(Debug, Clone)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<SourceRow>,
    pub preamble: Vec<SourceRow>,
}

impl Table {
    /// Splits a grid at its header row.
    pub fn from_grid(mut grid: Vec<SourceRow>, header_at: usize) -> Table {
        let data = grid.split_off(header_at + 1);
        let header = grid.pop().map(|r| r.cells).unwrap_or_default();
        let headers = header.iter().map(|c| c.to_string()).collect();
        Table {
            headers,
            rows: data,
            preamble: grid,
        }
    }
}

/// Metadata written above a table or in a JSON envelope.
#[derive(Debug, Clone, Default)]
pub struct Preamble {
    pub unit: Option<String>,
    pub period: Option<String>,
    pub received_at: Option<Cell>,
}

/// Reads `Đơn vị: ...`, `Kỳ báo cáo: Tháng 7/2023`, `Ngày gửi: ...` lines
/// (key and value in one cell or two), and lines that are only a period
/// (`Tháng 7 năm 2023`, `Năm 2023`). The first value found wins.
pub fn read_preamble(rows: &[SourceRow]) -> Preamble {
    let mut p = Preamble::default();
    for row in rows {
        let cells: Vec<&Cell> = row.cells.iter().filter(|c| !c.is_empty()).collect();
        let Some(first) = cells.first() else { continue };
        let first_text = first.to_string();
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
                if p.period.is_none() && crate::domain::Period::parse(&line).is_some() {
                    p.period = Some(line);
                }
            }
        }
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(line: u64, cells: &[&str]) -> SourceRow {
        SourceRow {
            line,
            cells: cells.iter().map(|s| Cell::text(s)).collect(),
        }
    }

    #[test]
    fn headers_match_without_case_marks_or_spacing() {
        assert_eq!(Field::from_header("Hình thức"), Some(Field::Form));
        assert_eq!(Field::from_header("HINH THUC"), Some(Field::Form));
        assert_eq!(Field::from_header("  hình   thức "), Some(Field::Form));
        assert_eq!(
            Field::from_header("Thời lượng (phút)"),
            Some(Field::Duration)
        );
        assert_eq!(Field::from_header("Tên tin, bài"), Some(Field::Title));
        assert_eq!(
            Field::from_header("activity_date"),
            Some(Field::ActivityDate)
        );
        assert_eq!(Field::from_header("Ngày nhận"), Some(Field::ReceivedAt));
        assert_eq!(Field::from_header("STT"), None);
    }

    #[test]
    fn header_row_found_under_a_title_block() {
        let grid = vec![
            row(1, &["ỦY BAN NHÂN DÂN HUYỆN TUẦN GIÁO"]),
            row(2, &["BÁO CÁO KẾT QUẢ TUYÊN TRUYỀN VỀ QUYỀN CON NGƯỜI"]),
            row(3, &["Tháng 7 năm 2023"]),
            row(4, &["Đơn vị:", "Phòng VH-TT huyện Tuần Giáo"]),
            row(5, &["STT", "Ngày", "Hình thức", "Tên tin bài"]),
            row(6, &["1", "05/07/2023", "Tin", "Phòng chống mua bán người"]),
        ];
        let (at, score) = find_header(&grid).unwrap();
        assert_eq!((at, score), (4, 3));
        let table = Table::from_grid(grid, at);
        assert_eq!(
            table.headers,
            vec!["STT", "Ngày", "Hình thức", "Tên tin bài"]
        );
        assert_eq!(table.rows.len(), 1);
        assert_eq!(table.rows[0].line, 6);
        let p = read_preamble(&table.preamble);
        assert_eq!(p.unit.as_deref(), Some("Phòng VH-TT huyện Tuần Giáo"));
        assert_eq!(p.period.as_deref(), Some("Tháng 7 năm 2023"));
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
