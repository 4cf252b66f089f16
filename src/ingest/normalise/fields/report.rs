//! A row that names its unit or period (a `Đơn vị` or `Kỳ báo cáo`
//! column) must name the file's: a file is the report of one unit for one
//! period.

use super::super::columns::{Columns, Row};
use super::super::notes::FileNotes;
use crate::domain::Period;
use crate::ingest::fields::Field;
use crate::ingest::legacy::or_legacy;
use crate::ingest::reason::{Problem, ReasonCode};
use crate::msg;
use crate::reference::Match;

/// The row's unit cell, when it has one, names the file's unit (the cell
/// rows repeat is matched once).
pub(in crate::ingest::normalise) fn unit(
    cols: &Columns,
    row: &Row,
    notes: &mut FileNotes,
    problems: &mut Vec<Problem>,
) {
    let Some(u) = cols.text(row.cells, Field::Unit) else {
        return;
    };
    if notes.unit_cell_ok.as_ref() == Some(&u) {
        return;
    }
    let found = or_legacy(&u, |t| {
        Some(cols.campaign.match_unit(t, cols.period)).filter(|m| *m != Match::NotFound)
    });
    if found == Some(Match::Found(cols.unit.clone())) {
        notes.unit_cell_ok = Some(u);
    } else {
        problems.push(Problem::new(
            ReasonCode::RowOtherUnit,
            msg!(
                "normalise-other-unit",
                named = u,
                unit = cols.unit.to_string()
            ),
        ));
    }
}

/// The row's period cell, when it has one, names the file's period.
pub(in crate::ingest::normalise) fn period(cols: &Columns, row: &Row, problems: &mut Vec<Problem>) {
    if let Some(p) = cols.text(row.cells, Field::Period)
        && or_legacy(&p, Period::parse) != Some(cols.period)
    {
        problems.push(Problem::new(
            ReasonCode::RowOtherPeriod,
            msg!(
                "normalise-other-period",
                named = p,
                period = cols.period.said()
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::cell::Cell;
    use crate::ingest::normalise::columns::tests::{columns, table};

    #[test]
    fn a_row_of_another_unit_or_period_is_refused() {
        let out = table(&["Đơn vị", "Kỳ báo cáo", "Ngày", "Hình thức"], &[]);
        let cols = columns(&out);
        let mut notes = FileNotes::default();
        let read = |cells: &[&str], notes: &mut FileNotes| {
            let cells: Vec<Cell> = cells.iter().map(|s| Cell::text(s)).collect();
            let row = Row {
                line: 3,
                cells: &cells,
            };
            let mut p = Vec::new();
            unit(&cols, &row, notes, &mut p);
            period(&cols, &row, &mut p);
            p.into_iter().map(|p| p.code).collect::<Vec<_>>()
        };
        // the file's own unit, by name and without diacritics, and its year
        assert!(read(&["Sở Giáo dục và Đào tạo", "2023"], &mut notes).is_empty());
        assert_eq!(
            notes.unit_cell_ok.as_deref(),
            Some("Sở Giáo dục và Đào tạo")
        );
        assert!(read(&["so giao duc va dao tao", "Năm 2023"], &mut notes).is_empty());
        assert_eq!(
            read(&["Sở Y tế", "2023-07"], &mut notes),
            [ReasonCode::RowOtherUnit, ReasonCode::RowOtherPeriod]
        );
    }
}
