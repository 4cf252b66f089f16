//! Which column holds which contract field. Forms draw their headers over
//! one to three rows: a group heading merged over sub-columns (`Kết quả`
//! over `Số lượng | Số người tham dự`), headings merged down, wrapped text,
//! a note in brackets (`Số lượng (tin, bài)`). Every candidate band of rows
//! near the top is scored by the fields it names, all its rows together,
//! and the best band wins (not the first row with two known names).
//! Columns that look like a field but are not one of its names are
//! reported, so a default never hides a column nobody recognised.

use std::collections::HashMap;

use super::cell::{Cell, Merge, SourceRow};
use super::fields::Field;
use super::legacy::or_legacy;
use crate::text::fold;

/// Field names looked up once per distinct text (per worker thread, see
/// [`crate::memo`]) while a header is searched for: every band of the first
/// rows of every file is scored, and folding each cell's text again for
/// each band would cost more than reading the file.
#[derive(Debug, Default)]
pub(super) struct Names {
    /// Columns the sheet hides: they name no field (their values are not
    /// what the sheet shows, and are kept in `extra`).
    hidden: std::collections::HashSet<usize>,
}

type Lookup = (Option<Field>, Option<Field>);

impl Names {
    /// (the field `text` names, else the field it looks like).
    fn lookup(&self, text: &str) -> Lookup {
        thread_local! {
            static LOOKUPS: crate::memo::Cache<Lookup> = Default::default();
        }
        crate::memo::cached(&LOOKUPS, text, || {
            // a heading typed in a legacy encoding (`Ngµy`, `H×nh thøc`) is
            // read as it was meant when that names a field
            let named = or_legacy(text, Field::from_header);
            let like = named.map_or_else(|| Field::looks_like(text), |_| None);
            (named, like)
        })
    }

    fn field(&self, text: &str) -> Option<Field> {
        self.lookup(text).0
    }

    fn field_or_like(&self, text: &str) -> Option<Field> {
        let (named, like) = self.lookup(text);
        named.or(like)
    }
}

/// What a table's header says about its columns.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Header {
    /// Each column's name as the header spells it (a group heading and its
    /// sub-heading joined by ` / `), unique, `column N` when blank.
    pub names: Vec<String>,
    /// The field each column holds, if any; a field is held by one column.
    pub fields: Vec<Option<Field>>,
    /// Columns whose heading looks like a field but is not one of its
    /// names (kept in `extra`): (column, field).
    pub looks_like: Vec<(usize, Field)>,
    /// Columns naming a field another column holds (kept in `extra`).
    pub repeated: Vec<(usize, Field)>,
    /// A figure (or the date) named by several columns with nothing to
    /// tell which holds this report's value: no column holds it.
    pub ambiguous: Vec<(Field, Vec<usize>)>,
    /// JSON keys naming one field (`quantity`, `SL`): the first holds it,
    /// and an item that states it under another key is read from that.
    pub alternates: Vec<(Field, Vec<usize>)>,
    /// Columns under a heading of a higher row that spans several columns.
    pub grouped: Vec<bool>,
    /// How many rows the header takes.
    pub rows: usize,
}

impl Header {
    /// The header of a table whose columns are named once each: JSON keys
    /// (`keyed`: each item names its own fields) or a one-row header.
    pub(super) fn from_names(names: &[String], keyed: bool) -> Header {
        let headings: Vec<Vec<Part>> = names
            .iter()
            .map(|n| {
                vec![Part {
                    text: n.clone(),
                    width: 1,
                    row: 0,
                }]
            })
            .collect();
        Header::from_headings(&headings, 1, &Names::default(), keyed)
    }

    fn from_headings(headings: &[Vec<Part>], rows: usize, names: &Names, keyed: bool) -> Header {
        let mut h = Header {
            rows,
            ..Default::default()
        };
        let found: Vec<Option<Field>> = headings
            .iter()
            .enumerate()
            .map(|(i, p)| {
                if names.hidden.contains(&i) {
                    None
                } else {
                    column_field(p, names)
                }
            })
            .collect();
        h.fields = found.clone();
        h.settle_repeats(headings, keyed);
        let mut taken = std::collections::HashSet::new();
        for (i, parts) in headings.iter().enumerate() {
            if found[i].is_none() && !names.hidden.contains(&i) {
                let looks = parts
                    .iter()
                    .rev()
                    .find_map(|p| names.field_or_like(&p.text));
                if let Some(f) = looks.filter(|f| !f.is_metadata()) {
                    h.looks_like.push((i, f));
                }
            }
            // under a heading of a row above that spans several columns
            h.grouped
                .push(parts.iter().any(|p| p.width > 1 && p.row + 1 < rows));
            let name = parts
                .iter()
                .map(|p| p.text.as_str())
                .collect::<Vec<_>>()
                .join(" / ");
            let name = if name.is_empty() {
                crate::msg!("read-column-numbered", column = (i + 1).to_string()).to_string()
            } else {
                name
            };
            let name = if names.hidden.contains(&i) {
                crate::msg!("read-column-hidden", name = name).to_string()
            } else {
                name
            };
            let unique = if taken.contains(&name) {
                format!("{name} ({})", i + 1)
            } else {
                name
            };
            taken.insert(unique.clone());
            h.names.push(unique);
        }
        h
    }

    /// A field named by several columns keeps one: the one its group
    /// heading says is this period's result (`Kết quả` rather than `Kế
    /// hoạch`), else, for a figure or the date, none (the rows cannot be
    /// read and are refused), else the first. Among JSON keys (`flat`),
    /// they are one field spelt several ways: each item states it under
    /// one of them.
    fn settle_repeats(&mut self, headings: &[Vec<Part>], flat: bool) {
        let mut seen: Vec<Field> = Vec::new();
        for f in self.fields.iter().flatten() {
            if !seen.contains(f) {
                seen.push(*f);
            }
        }
        for field in seen {
            let cols: Vec<usize> = (0..self.fields.len())
                .filter(|&c| self.fields[c] == Some(field))
                .collect();
            if cols.len() < 2 {
                continue;
            }
            if flat {
                for &c in &cols[1..] {
                    self.fields[c] = None;
                }
                self.alternates.push((field, cols));
                continue;
            }
            let stage: Vec<Stage> = cols.iter().map(|&c| stage(&headings[c])).collect();
            let pick = |want: &dyn Fn(Stage) -> bool| {
                let hits: Vec<usize> = (0..cols.len()).filter(|&i| want(stage[i])).collect();
                (hits.len() == 1).then(|| cols[hits[0]])
            };
            let keep = pick(&|s| s == Stage::Result).or_else(|| pick(&|s| s != Stage::Plan));
            let figure = matches!(
                field,
                Field::Quantity | Field::Reach | Field::Duration | Field::ActivityDate
            );
            match keep {
                Some(k) => {
                    for &c in cols.iter().filter(|&&c| c != k) {
                        self.fields[c] = None;
                        self.repeated.push((c, field));
                    }
                }
                None if figure => {
                    for &c in &cols {
                        self.fields[c] = None;
                    }
                    self.ambiguous.push((field, cols));
                }
                None => {
                    for &c in &cols[1..] {
                        self.fields[c] = None;
                        self.repeated.push((c, field));
                    }
                }
            }
        }
        // a figure held only by a plan column is no figure of this report
        for (c, parts) in headings.iter().enumerate() {
            if let Some(f @ (Field::Quantity | Field::Reach | Field::Duration)) = self.fields[c]
                && stage(parts) == Stage::Plan
            {
                self.fields[c] = None;
                self.looks_like.push((c, f));
            }
        }
        self.repeated.sort_by_key(|(c, _)| *c);
    }

    /// How many item fields the header names (metadata columns do not count).
    pub(super) fn score(&self) -> usize {
        self.fields
            .iter()
            .flatten()
            .filter(|f| !f.is_metadata())
            .count()
    }

    /// The column holding `field`.
    pub(super) fn column(&self, field: Field) -> Option<usize> {
        self.fields.iter().position(|f| *f == Some(field))
    }

    /// True when the table has what every item needs: a date and a form.
    pub(super) fn has_required(&self) -> bool {
        self.column(Field::ActivityDate).is_some() && self.column(Field::Form).is_some()
    }
}

/// Whether a column's headings say it holds a plan or this period's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Plan,
    Result,
    Unknown,
}

fn stage(parts: &[Part]) -> Stage {
    let text = format!(
        " {} ",
        fold(
            &parts
                .iter()
                .map(|p| p.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        )
    );
    let has = |list: &[&str]| list.iter().any(|w| text.contains(&format!(" {w} ")));
    // `Tháng 7` over a figure: this month's, the report's own
    let month = text
        .split(' ')
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| w[0] == "thang" && w[1].parse::<u32>().is_ok());
    if has(&[
        "ke hoach",
        "chi tieu",
        "du kien",
        "luy ke",
        "cung ky",
        "nam truoc",
        "thang truoc",
        "ky truoc",
        "kh",
    ]) {
        Stage::Plan
    } else if month
        || has(&[
            "ket qua",
            "thuc hien",
            "thuc te",
            "ky nay",
            "thang nay",
            "nam nay",
            "th",
        ])
    {
        Stage::Result
    } else {
        Stage::Unknown
    }
}

/// One row's heading over a column: its text and how many columns it spans.
#[derive(Debug, Clone)]
struct Part {
    text: String,
    width: usize,
    /// The band row it stands in.
    row: usize,
}

/// A column's field from its heading parts, top to bottom: its own
/// headings first, the lowest (most specific) first, then its own headings
/// read together (a heading wrapped over two rows); a group heading over
/// several columns names none of them.
fn column_field(parts: &[Part], names: &Names) -> Option<Field> {
    let own: Vec<&Part> = parts.iter().filter(|p| p.width == 1).collect();
    // a note in brackets on a row of its own qualifies the heading above
    // it (`Số lượng` over `(người)`): they are read together
    if own.len() > 1
        && own
            .iter()
            .any(|p| p.text.starts_with('(') && p.text.ends_with(')'))
    {
        let joined = own
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        return names.field(&joined);
    }
    // `Số lượng` over `Tháng 7 | Lũy kế`: each sub-column is the field at
    // a stage, which `settle_repeats` chooses between
    let staged = || {
        let group = parts
            .iter()
            .filter(|p| p.width > 1)
            .find_map(|p| names.field(&p.text))?;
        let stages = !own.is_empty()
            && own
                .iter()
                .all(|p| stage(std::slice::from_ref(*p)) != Stage::Unknown);
        stages.then_some(group)
    };
    own.iter()
        .rev()
        .find_map(|p| names.field(&p.text))
        .or_else(staged)
        .or_else(|| {
            (own.len() > 1)
                .then(|| {
                    let joined = own
                        .iter()
                        .map(|p| p.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" ");
                    names.field(&joined)
                })
                .flatten()
        })
}

/// Where a table's header is, and what it says.
#[derive(Debug, Clone)]
pub(super) struct Band {
    /// Index of the header's first row in the grid.
    pub start: usize,
    pub header: Header,
}

impl Band {
    /// How well the band matches the contract: a table with a date and a
    /// form column beats one without, then more fields beat fewer.
    pub(super) fn rank(&self) -> (bool, usize) {
        (self.header.has_required(), self.header.score())
    }
}

/// The rows searched for a header.
const SEARCHED_ROWS: usize = 40;

/// The most rows a header may take.
const BAND_ROWS: usize = 3;

/// Finds the header among the first rows of a grid. From each row that
/// names a field, a band grows downwards (three rows at most) while the
/// next row holds no figure
/// or date and either names more fields or is all headings (field names, a
/// note in brackets, sub-headings under a group heading). The best band
/// wins: a date and a form column first, then more fields, then fewer rows,
/// then the earlier. At least two item fields must be named.
pub(super) fn find_band(rows: &[SourceRow], merges: &[Merge]) -> Option<Band> {
    find_band_hiding(rows, merges, &Default::default())
}

/// [`find_band`] on a sheet that hides the columns `hidden` (0-based):
/// they name no field.
pub(super) fn find_band_hiding(
    rows: &[SourceRow],
    merges: &[Merge],
    hidden: &std::collections::HashSet<usize>,
) -> Option<Band> {
    let names = Names {
        hidden: hidden.clone(),
    };
    // the horizontal spans of merges that start where a header can be
    let last_line = rows
        .get(
            (SEARCHED_ROWS + BAND_ROWS)
                .min(rows.len())
                .saturating_sub(1),
        )
        .map_or(0, |r| r.line);
    let spans: Spans = merges
        .iter()
        .filter(|m| m.first_line <= last_line && m.last_col > m.first_col)
        .map(|m| ((m.first_line, m.first_col), m.last_col))
        .collect();
    let mut best: Option<Band> = None;
    for start in 0..rows.len().min(SEARCHED_ROWS) {
        // a header's first row names a field itself: a line of the title
        // block above it (`Kỳ báo cáo: ...`) never starts one
        let names_one = rows[start]
            .cells
            .iter()
            .any(|c| matches!(c, Cell::Text(t) if names.field(t).is_some()));
        if !names_one {
            continue;
        }
        let mut header = band_header(&rows[start..=start], &spans, &names);
        let mut height = 1;
        while height < BAND_ROWS && start + height < rows.len() {
            let next = &rows[start + height];
            if holds_data(next) || next.cells.iter().all(Cell::is_empty) {
                break;
            }
            let longer = band_header(&rows[start..=start + height], &spans, &names);
            let all_headings = next.cells.iter().enumerate().all(|(c, cell)| match cell {
                Cell::Text(t) => {
                    names.field_or_like(t).is_some()
                        || (t.starts_with('(') && t.ends_with(')'))
                        || longer.grouped.get(c).copied().unwrap_or(false)
                }
                _ => cell.is_empty(),
            });
            if longer.score() <= header.score() && !all_headings {
                break;
            }
            header = longer;
            height += 1;
        }
        let band = Band { start, header };
        let better = |b: &Band| {
            let key = |x: &Band| (x.rank(), std::cmp::Reverse(x.header.rows));
            key(&band) > key(b)
        };
        if band.header.score() >= 2 && best.as_ref().is_none_or(better) {
            best = Some(band);
        }
    }
    best
}

/// A row with a number or a date in it is data, not a heading (a template's
/// column numbers `(1) (2) (3)` are numbers too).
fn holds_data(row: &SourceRow) -> bool {
    row.cells.iter().any(|c| match c {
        Cell::Number(_) | Cell::Date(_) | Cell::Formula(_) | Cell::Bool(_) | Cell::Minutes(_) => {
            true
        }
        Cell::Text(t) => {
            let t = t.trim_matches(|c| c == '(' || c == ')');
            t.parse::<f64>().is_ok()
                || super::dates::parse_date(&Cell::Text(t.into())).is_ok_and(|d| d.is_some())
        }
        Cell::Empty => false,
    })
}

/// The header a band of rows spells: for each column, the heading each row
/// puts over it. A heading spans the columns of its merge, or (without
/// merge information, as in CSV) the blank columns after it that have
/// headings in a lower row; a merged heading with no headings under it
/// names its first column only (the others are the same field's width).
/// Merged cells that span columns: (first line, first column) → last column.
type Spans = HashMap<(u64, u32), u32>;

fn band_header(band: &[SourceRow], spans: &Spans, names: &Names) -> Header {
    let width = band.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let text = |r: usize, c: usize| match band[r].cells.get(c) {
        Some(Cell::Empty) | None => None,
        Some(cell) => Some(cell.to_string()),
    };
    let lower_has = |r: usize, c: usize| (r + 1..band.len()).any(|lr| text(lr, c).is_some());
    let mut headings: Vec<Vec<Part>> = vec![Vec::new(); width];
    for r in 0..band.len() {
        let line = band[r].line;
        let mut c = 0;
        while c < width {
            let Some(t) = text(r, c) else {
                c += 1;
                continue;
            };
            let merged_to = spans.get(&(line, c as u32)).map(|last| *last as usize);
            let mut end = c;
            match merged_to {
                Some(last) => end = last.min(width - 1),
                None if r + 1 < band.len() => {
                    while end + 1 < width && text(r, end + 1).is_none() && lower_has(r, end + 1) {
                        end += 1;
                    }
                }
                None => {}
            }
            // a heading over sub-columns named below it is a group heading;
            // one merged across columns with nothing below (a wide `Tên tin
            // bài` made of two grid columns) names its first column only
            let groups = (c..=end).any(|cc| lower_has(r, cc));
            let (last, span) = if groups { (end, end - c + 1) } else { (c, 1) };
            for h in headings.iter_mut().take(last + 1).skip(c) {
                h.push(Part {
                    text: t.clone(),
                    width: span,
                    row: r,
                });
            }
            c = end + 1;
        }
    }
    Header::from_headings(&headings, band.len(), names, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::table::tests::row;

    #[test]
    fn header_row_found_under_a_title_block() {
        let grid = crate::ingest::table::tests::titled_grid();
        let band = find_band(&grid, &[]).unwrap();
        assert_eq!(
            (band.start, band.header.rows, band.header.score()),
            (4, 1, 3)
        );
        assert_eq!(
            band.header.names,
            vec!["STT", "Ngày", "Hình thức", "Tên tin bài"]
        );
    }

    #[test]
    fn a_two_row_header_with_a_merged_group_heading() {
        // as Excel draws it: A..E and H merged down over rows 7-8, F7:G7 merged
        let grid = vec![
            row(6, &["Kỳ báo cáo: Năm 2023"]),
            row(
                7,
                &[
                    "STT",
                    "Ngày",
                    "Chủ đề",
                    "Hình thức",
                    "Tên hoạt động",
                    "Kết quả",
                    "",
                    "Ghi chú",
                ],
            ),
            row(8, &["", "", "", "", "", "Số lượng", "Số người tham dự", ""]),
            row(
                9,
                &[
                    "1",
                    "15/03/2023",
                    "labour",
                    "Hội nghị",
                    "Tập huấn",
                    "2",
                    "180",
                    "",
                ],
            ),
        ];
        let merges = [Merge {
            first_line: 7,
            last_line: 7,
            first_col: 5,
            last_col: 6,
        }];
        for merges in [&merges[..], &[]] {
            let band = find_band(&grid, merges).unwrap();
            assert_eq!((band.start, band.header.rows), (1, 2));
            let h = &band.header;
            assert_eq!(h.fields[5], Some(Field::Quantity));
            assert_eq!(h.fields[6], Some(Field::Reach));
            assert_eq!(h.fields[7], Some(Field::Notes));
            assert_eq!(h.names[5], "Kết quả / Số lượng");
            assert_eq!(h.names[6], "Kết quả / Số người tham dự");
            assert_eq!(h.score(), 7);
        }
    }

    #[test]
    fn a_heading_wrapped_over_two_rows_and_a_group_naming_a_field() {
        // "Số lượng" over per-form sub-columns: no column is the quantity
        let grid = vec![
            row(1, &["Ngày", "Hình thức", "Số lượng", "", "Thời lượng"]),
            row(2, &["", "", "Tin", "Bài", "(phút)"]),
            row(3, &["05/07/2023", "Tin", "2", "1", "15"]),
        ];
        let band = find_band(&grid, &[]).unwrap();
        assert_eq!(band.header.rows, 2, "the second row is all headings");
        let two = &band.header;
        assert_eq!(two.fields[2], None);
        assert_eq!(two.fields[3], None);
        assert_eq!(
            two.looks_like,
            vec![(2, Field::Quantity), (3, Field::Quantity)]
        );
        assert_eq!(two.fields[4], Some(Field::Duration));
        assert_eq!(two.names[4], "Thời lượng / (phút)");
        // a note wrapped onto a second row without a merge
        let grid = vec![
            row(1, &["Ngày", "Hình thức", "Số lượng", "Lượt tiếp cận"]),
            row(2, &["", "", "(tin, bài)", "(lượt người)"]),
            row(3, &["05/07/2023", "Tin", "2", "1.200"]),
        ];
        let band = find_band(&grid, &[]).unwrap();
        assert_eq!(band.header.rows, 2);
        assert_eq!(band.header.fields[2], Some(Field::Quantity));
        assert_eq!(band.header.fields[3], Some(Field::Reach));
        // a line of the title block above the header is not part of it
        let grid = vec![
            row(4, &["Đơn vị: Phòng VH-TT huyện Tuần Giáo"]),
            row(5, &["Ngày", "Hình thức", "Tên tin bài"]),
            row(6, &["05/07/2023", "Tin", "Phòng chống mua bán người"]),
        ];
        assert_eq!(find_band(&grid, &[]).unwrap().start, 1);
        // nor a line of it right above a header of three rows
        let grid = vec![
            row(4, &["Kỳ báo cáo: Tháng 7/2023"]),
            row(5, &["Ngày", "Hình thức", "Kết quả", ""]),
            row(6, &["", "", "Số lượng", "Lượt tiếp cận"]),
            row(7, &["", "", "(tin, bài)", "(lượt người)"]),
            row(8, &["05/07/2023", "Tin", "2", "1.200"]),
        ];
        let band = find_band(&grid, &[]).unwrap();
        assert_eq!((band.start, band.header.rows), (1, 3));
        assert_eq!(
            band.header.fields[2..],
            [Some(Field::Quantity), Some(Field::Reach)]
        );
        // nor is a section heading under it
        let grid = vec![
            row(5, &["STT", "Ngày", "Hình thức", "Tên tin bài"]),
            row(6, &["I", "Phòng, chống mua bán người"]),
            row(7, &["1", "05/07/2023", "Tin", "Cảnh giác"]),
        ];
        assert_eq!(find_band(&grid, &[]).unwrap().header.rows, 1);
    }

    #[test]
    fn a_figure_named_twice_is_the_result_or_nobody() {
        // plan and result under group headings: the result is the figure
        let grid = vec![
            row(
                1,
                &["Ngày", "Hình thức", "Kế hoạch", "", "Kết quả thực hiện", ""],
            ),
            row(
                2,
                &[
                    "",
                    "",
                    "Số lượng",
                    "Lượt tiếp cận",
                    "Số lượng",
                    "Lượt tiếp cận",
                ],
            ),
            row(3, &["05/07/2023", "Tin", "10", "1000", "2", "150"]),
        ];
        let h = find_band(&grid, &[]).unwrap().header;
        assert_eq!(
            h.fields[2..],
            [None, None, Some(Field::Quantity), Some(Field::Reach)]
        );
        assert_eq!(h.repeated, vec![(2, Field::Quantity), (3, Field::Reach)]);
        assert!(h.ambiguous.is_empty());
        // a plan beside an unmarked column: the unmarked one
        let grid = vec![
            row(1, &["Ngày", "Hình thức", "Số lượng", "Chỉ tiêu"]),
            row(2, &["", "", "", "Số lượng"]),
            row(3, &["05/07/2023", "Tin", "2", "10"]),
        ];
        let h = find_band(&grid, &[]).unwrap().header;
        assert_eq!(h.fields[2..], [Some(Field::Quantity), None]);
        // two columns with nothing to tell them apart (one may be hidden)
        let h = Header::from_names(
            &[
                "Ngày".into(),
                "Hình thức".into(),
                "Số lượng".into(),
                "SL".into(),
            ],
            false,
        );
        assert_eq!(h.fields[2..], [None, None]);
        assert_eq!(h.ambiguous, vec![(Field::Quantity, vec![2, 3])]);
        // but not other fields: the first title holds
        // JSON keys spelling one field two ways are alternates
        let h = Header::from_names(
            &["date".into(), "form".into(), "quantity".into(), "SL".into()],
            true,
        );
        assert_eq!(h.fields[2..], [Some(Field::Quantity), None]);
        assert_eq!(h.alternates, vec![(Field::Quantity, vec![2, 3])]);
    }

    #[test]
    fn figures_named_with_their_stage() {
        let h = Header::from_names(
            &[
                "Ngày",
                "Hình thức",
                "Số lượng kế hoạch",
                "Số lượng thực hiện",
            ]
            .map(String::from),
            false,
        );
        assert_eq!(h.fields[2..], [None, Some(Field::Quantity)]);
        let h = Header::from_names(
            &["Ngày", "Hình thức", "SL (KH)", "SL (TH)"].map(String::from),
            false,
        );
        assert_eq!(h.fields[2..], [None, Some(Field::Quantity)]);
        // a plan alone is no figure of the report
        let h = Header::from_names(
            &["Ngày", "Hình thức", "Số lượng kế hoạch"].map(String::from),
            false,
        );
        assert_eq!(h.fields[2], None);
        assert_eq!(h.looks_like, vec![(2, Field::Quantity)]);
        // the month's figure and the year so far under one heading
        let grid = vec![
            row(1, &["Ngày", "Hình thức", "Số lượng", ""]),
            row(2, &["", "", "Tháng 7", "Lũy kế"]),
            row(3, &["05/07/2023", "Tin", "2", "15"]),
        ];
        let h = find_band(&grid, &[]).unwrap().header;
        assert_eq!(h.fields[2..], [Some(Field::Quantity), None]);
        // a data-collection app's group paths
        assert_eq!(
            Field::from_header("group_hd/so_luong"),
            Some(Field::Quantity)
        );
        assert_eq!(
            Field::from_header("group_hd/ngay"),
            Some(Field::ActivityDate)
        );
    }

    #[test]
    fn a_note_that_contradicts_the_field_names_none() {
        assert_eq!(Field::from_header("Số lượng (người)"), None);
        assert_eq!(Field::looks_like("Số lượng (người)"), Some(Field::Quantity));
        assert_eq!(Field::from_header("SL (lượt người)"), None);
        assert_eq!(Field::from_header("Lượt tiếp cận (%)"), None);
        assert_eq!(Field::from_header("Lượt tiếp cận (tin bài)"), None);
        assert_eq!(Field::from_header("Thời lượng (giờ)"), None);
        assert_eq!(Field::looks_like("Thời lượng (giờ)"), Some(Field::Duration));
        assert_eq!(
            Field::from_header("Thời lượng (phút)"),
            Some(Field::Duration)
        );
        assert_eq!(Field::from_header("Số lượng (buổi)"), Some(Field::Quantity));
        assert_eq!(
            Field::from_header("Lượt tiếp cận (lượt người)"),
            Some(Field::Reach)
        );
        // a note on a row of its own
        let grid = vec![
            row(1, &["Ngày", "Hình thức", "Số lượng", "Số lượng"]),
            row(2, &["", "", "(người)", "(tin, bài)"]),
            row(3, &["05/07/2023", "Tin", "120", "2"]),
        ];
        let h = find_band(&grid, &[]).unwrap().header;
        assert_eq!(h.fields[2..], [None, Some(Field::Quantity)]);
    }

    #[test]
    fn the_best_band_wins_not_the_first() {
        // a drop-down list block above the real table names three fields
        let grid = vec![
            row(1, &["Chủ đề", "Hình thức", "Ngôn ngữ"]),
            row(2, &["Tin", "Bài", "Thái"]),
            row(3, &[]),
            row(
                4,
                &["Ngày", "Chủ đề", "Hình thức", "Tên tin bài", "Số lượng"],
            ),
            row(5, &["05/07/2023", "ethnic", "Tin", "Bản tin", "2"]),
        ];
        let band = find_band(&grid, &[]).unwrap();
        assert_eq!(band.start, 3);
        assert_eq!(band.rank(), (true, 5));
    }

    #[test]
    fn unmatched_look_alikes_and_repeated_fields_are_reported() {
        let h = Header::from_names(
            &[
                "Ngày".into(),
                "Hình thức".into(),
                "Tỷ lệ tiếp cận".into(),
                "Tên tin bài".into(),
                "Tiêu đề".into(),
                "".into(),
            ],
            false,
        );
        assert_eq!(h.looks_like, vec![(2, Field::Reach)]);
        assert_eq!(h.repeated, vec![(4, Field::Title)]);
        assert_eq!(h.fields[4], None);
        assert_eq!(h.names[5], "column 6");
        // a look-alike beside the column that holds the field
        let h = Header::from_names(&["Lượt tiếp cận".into(), "Tỷ lệ tiếp cận".into()], false);
        assert_eq!(h.looks_like, vec![(1, Field::Reach)]);
        assert_eq!(h.fields[0], Some(Field::Reach));
    }
}
