//! The rows of a table that are not items: blank rows and rows that only
//! continue the item above, the template's rows (column numbers, totals
//! and running totals, the header repeated over a page, the signature
//! block under the table), section headings (which may name the theme of
//! the items under them), and the items under a heading of plans, which
//! are refused: what is planned is not an activity done.

use std::collections::HashSet;

use super::columns::Columns;
use super::words;
use crate::domain::ThemeCode;
use crate::ingest::cell::{Cell, SourceRow};
use crate::ingest::fields::Field;
use crate::ingest::reason::{Problem, ReasonCode};
use crate::ingest::template::{
    Numbering, is_column_number_row, is_footer_row, is_header_row, is_totals_row, numbering,
    split_numbering,
};
use crate::msg;
use crate::reference::Inference;
use crate::text::fold;

/// The section a heading opens: the theme it names, and, for a plan
/// (`II. KẾ HOẠCH TUYÊN TRUYỀN THÁNG 11, 12`, `PHƯƠNG HƯỚNG ...`), its text:
/// what is planned is not an activity done.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Section {
    pub theme: Option<(ThemeCode, Option<String>)>,
    pub plan: Option<String>,
}

/// What a row of the table is.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum RowKind {
    /// Blank, or the text of the item above continued: not counted.
    Skipped,
    /// A template row (column numbers, totals, header, signature block):
    /// counted as read, never an item.
    Template,
    /// A section heading: it opens a section.
    Heading,
    /// An item under a heading of plans (the heading's text).
    Planned(String),
    /// A row the file hides where it is shown: not part of the report.
    Hidden,
    /// An item.
    Item,
}

/// Walks the rows of a table in order, telling what each is; it keeps the
/// section the rows stand in.
pub(super) struct RowWalker<'c, 'a> {
    cols: &'c Columns<'a>,
    continuing: HashSet<u64>,
    /// Under the table: the signature block and notes.
    in_footer: bool,
    /// The row before was the header (repeated over a new page): the
    /// column numbers may follow it again.
    after_header: bool,
    section: Section,
}

impl<'c, 'a> RowWalker<'c, 'a> {
    /// A walker over a table whose continuation rows are `continuations`
    /// ((line, item's line), as the body was read).
    pub(super) fn new(cols: &'c Columns<'a>, continuations: &[(u64, u64)]) -> Self {
        RowWalker {
            cols,
            continuing: continuations.iter().map(|(line, _)| *line).collect(),
            in_footer: false,
            after_header: true,
            section: Section::default(),
        }
    }

    /// What the `index`-th row is, told by its cells as read, before
    /// merged values are given down to it (a total under a merged date is
    /// still a total).
    pub(super) fn kind(&mut self, index: usize, read: &SourceRow) -> RowKind {
        let cells = &read.cells;
        if cells.iter().all(Cell::is_empty) || self.continuing.contains(&read.line) {
            return RowKind::Skipped;
        }
        let dated = self.cols.dated(cells);
        self.in_footer = !dated && (self.in_footer || is_footer_row(cells));
        let header = !dated && is_header_row(cells);
        let numbers = (index < 2 || self.after_header) && is_column_number_row(cells);
        self.after_header = header;
        if numbers || is_totals_row(cells, dated) || self.in_footer || header {
            return RowKind::Template;
        }
        if self.cols.is_hidden(read.line) {
            return RowKind::Hidden;
        }
        if let Some(opened) = heading(self.cols, cells) {
            self.section = opened;
            return RowKind::Heading;
        }
        match &self.section.plan {
            Some(plan) => RowKind::Planned(plan.clone()),
            None => RowKind::Item,
        }
    }

    /// The theme the current section's heading names, if any.
    pub(super) fn section_theme(&self) -> Option<&(ThemeCode, Option<String>)> {
        self.section.theme.as_ref()
    }
}

/// Why an item under the heading `plan` is refused.
pub(super) fn planned(plan: &str) -> Problem {
    Problem::new(
        ReasonCode::RowPlanned,
        msg!("normalise-row-planned", heading = plan),
    )
}

/// Why a row the file hides is refused: what the sheet (the page, the
/// document) does not show is not part of the report.
pub(super) fn hidden(cols: &Columns, line: u64) -> Problem {
    let place = words::place(cols.hidden.place);
    let by_filter = cols
        .hidden
        .filter
        .as_deref()
        .and_then(|range| filter_rows(range).map(|rows| (range, rows)))
        .filter(|(_, (first, last))| (*first..=*last).contains(&line));
    let text = match by_filter {
        Some((range, _)) => msg!("normalise-row-hidden-filter", place = place, range = range),
        None => msg!("normalise-row-hidden", place = place),
    };
    Problem::new(ReasonCode::RowHidden, text)
}

/// The first and last row (1-based) of a range such as `A8:H16`.
fn filter_rows(range: &str) -> Option<(u64, u64)> {
    let row = |cell: &str| {
        cell.trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == '$')
            .trim_start_matches('$')
            .parse::<u64>()
            .ok()
    };
    let (a, b) = range.split_once(':').unwrap_or((range, range));
    Some((row(a)?, row(b)?))
}

/// When the row is a section heading (`I. Phòng, chống mua bán người`,
/// `II | Quyền của đồng bào dân tộc thiểu số`), the section it opens. A
/// heading has no date and no form; it is one text, or a numbering cell
/// and a text; it is numbered with a Roman numeral or a letter, or names
/// a theme exactly (a number alone, `1.`, makes a heading only with a
/// theme its words name); a subtotal in the figure columns is allowed.
fn heading(cols: &Columns, cells: &[Cell]) -> Option<Section> {
    // a heading's text may stand in any column (a CSV puts it under
    // `Ngày`), but it holds no date and no form
    let date = cols.cell(cells, Field::ActivityDate);
    let form = cols.text(cells, Field::Form);
    if matches!(date, Cell::Date(_) | Cell::Number(_))
        || crate::ingest::dates::parse_date(date).is_ok_and(|d| d.is_some())
        || form.is_some_and(|f| cols.campaign.match_form(&f).is_some())
    {
        return None;
    }
    let filled: Vec<&Cell> = cells
        .iter()
        .enumerate()
        .filter(|(i, c)| {
            !c.is_empty()
                && !matches!(
                    cols.fields.get(*i).copied().flatten(),
                    Some(Field::Quantity | Field::Reach | Field::Duration)
                )
        })
        .map(|(_, c)| c)
        .collect();
    let (mark, text) = match filled[..] {
        [Cell::Text(t)] => match split_numbering(t) {
            Some((mark, rest)) => (Some(mark), rest.to_string()),
            None => (None, t.clone()),
        },
        [mark, Cell::Text(t)] => (Some(numbering(&mark.to_string())?), t.clone()),
        _ => return None,
    };
    let exact = cols.campaign.match_theme(&text);
    let named = exact
        .clone()
        .or_else(|| match cols.campaign.infer_theme(&text) {
            Inference::Theme(t) => Some((t, None)),
            _ => None,
        });
    let key = fold(&text);
    let plan = [
        "ke hoach",
        "du kien",
        "phuong huong",
        "nhiem vu",
        "de xuat",
        "kien nghi",
    ]
    .iter()
    .any(|w| key.starts_with(w))
    .then(|| text.clone());
    match (mark, &exact, &named) {
        (Some(Numbering::Strong), _, _) | (_, Some(_), _) | (Some(Numbering::Weak), _, Some(_)) => {
            Some(Section {
                theme: if plan.is_some() { None } else { named },
                plan,
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::normalise::columns::tests::{columns, table};

    fn cells(v: &[&str]) -> Vec<Cell> {
        v.iter().map(|s| Cell::text(s)).collect()
    }

    #[test]
    fn headings_numbered_or_naming_a_theme() {
        let out = table(&["STT", "Ngày", "Hình thức", "Tên tin bài"], &[]);
        let cols = columns(&out);
        let theme = |s: &Section| s.theme.as_ref().map(|(t, _)| t.0.clone());
        // a Roman numeral in its own cell, and the theme its words name
        let s = heading(&cols, &cells(&["I", "Phòng, chống mua bán người"])).unwrap();
        assert_eq!(theme(&s).as_deref(), Some("trafficking"));
        // numbered in its text
        let s = heading(&cols, &cells(&["II. Quyền của đồng bào dân tộc thiểu số"])).unwrap();
        assert_eq!(theme(&s).as_deref(), Some("ethnic"));
        // a letter, naming no theme: a heading that ends the section's theme
        let s = heading(&cols, &cells(&["", "B. CÁC HOẠT ĐỘNG KHÁC"])).unwrap();
        assert_eq!(s, Section::default());
        // a number alone: only with a theme its words name
        assert!(heading(&cols, &cells(&["5", "Tuyên truyền miệng"])).is_none());
        assert!(heading(&cols, &cells(&["3.", "Tuyên truyền về quyền con người"])).is_some());
        // a plan
        let s = heading(&cols, &cells(&["II", "Kế hoạch tuyên truyền quý II"])).unwrap();
        assert_eq!(s.plan.as_deref(), Some("Kế hoạch tuyên truyền quý II"));
        assert_eq!(s.theme, None);
        // a dated row or one with a form is an item
        assert!(
            heading(
                &cols,
                &cells(&["I", "05/07/2023", "Tin", "Phòng, chống mua bán người"])
            )
            .is_none()
        );
    }

    #[test]
    fn template_rows_and_plans_as_the_walker_meets_them() {
        let out = table(
            &["STT", "Ngày", "Hình thức", "Tên tin bài", "Số lượng"],
            &[
                (5, &["(1)", "(2)", "(3)", "(4)", "(5)"]),
                (6, &["1", "05/03/2023", "Tin", "Bản tin", "2"]),
                (7, &["", "", "", "Tổng cộng", "2"]),
                (8, &["", "", "", "", ""]),
                (9, &["II", "Kế hoạch tuyên truyền quý II", "", "", ""]),
                (10, &["1", "10/04/2023", "Tin", "Dự kiến", "1"]),
                (11, &["", "Nơi nhận:", "", "", ""]),
                (12, &["", "", "", "GIÁM ĐỐC", ""]),
            ],
        );
        let cols = columns(&out);
        let mut walker = RowWalker::new(&cols, &[]);
        let kinds: Vec<RowKind> = out
            .table
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| walker.kind(i, r))
            .collect();
        assert_eq!(
            kinds,
            [
                RowKind::Template,
                RowKind::Item,
                RowKind::Template,
                RowKind::Skipped,
                RowKind::Heading,
                RowKind::Planned("Kế hoạch tuyên truyền quý II".into()),
                RowKind::Template,
                RowKind::Template,
            ]
        );
        assert_eq!(planned("Kế hoạch").code, ReasonCode::RowPlanned);
    }

    #[test]
    fn a_planned_row_is_refused_in_vietnamese() {
        let p = planned("Kế hoạch tuyên truyền quý II");
        assert_eq!(
            crate::i18n::reason(&[p.msg], crate::i18n::Lang::Vi),
            "Dòng này nằm dưới mục 'Kế hoạch tuyên truyền quý II': nội dung kế hoạch không phải là hoạt động đã thực hiện nên không được tính; hãy báo cáo hoạt động trong kỳ thực hiện."
        );
    }
}
