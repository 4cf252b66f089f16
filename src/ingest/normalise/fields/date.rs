//! The activity date: read as its column says (day-first unless the
//! column proves month-first; serials in the workbook's date system), in
//! the report's window, and not after its unit ended. A date after the
//! day the report was received is read, and noted.

use chrono::NaiveDate;

use super::super::columns::{Columns, Row};
use super::super::notes::FileNotes;
use super::super::words;
use crate::domain::DatePrecision;
use crate::ingest::dates::read_item_date;
use crate::ingest::fields::Field;
use crate::ingest::reason::{Problem, ReasonCode};
use crate::msg;

/// The row's activity date and its precision, or none with the problem.
pub(in crate::ingest::normalise) fn activity_date(
    cols: &Columns,
    row: &Row,
    notes: &mut FileNotes,
    problems: &mut Vec<Problem>,
) -> Option<(NaiveDate, DatePrecision)> {
    if cols.column(Field::ActivityDate).is_none() {
        // two date columns are said once for the row (`column.ambiguous`)
        if !cols.is_ambiguous(Field::ActivityDate) {
            problems.push(Problem::new(
                ReasonCode::DateMissing,
                cols.no_column(Field::ActivityDate),
            ));
        }
        return None;
    }
    let cell = cols.cell(row.cells, Field::ActivityDate);
    match read_item_date(cell, cols.dates, cols.period) {
        Ok((d, p)) => {
            if d > cols.received_at {
                notes.after_received.push(row.line);
            }
            if let Some(p) = after_unit_ended(cols, d) {
                problems.push(p);
            }
            Some((d, p))
        }
        // said for the whole row, with the other formula cells
        Err(p) if p.code == ReasonCode::CellFormulaWithoutValue => None,
        Err(p) => {
            problems.push(p);
            None
        }
    }
}

/// A period may outlast its unit (a 2025 annual report from a district
/// abolished on 1 July): its work after that day is its successors' to
/// report. (Before its `valid_from` is not refused: the 2023 units'
/// 2023-01-01 is when the register starts knowing them, and a reporting
/// window opens in the month before.)
fn after_unit_ended(cols: &Columns, d: NaiveDate) -> Option<Problem> {
    let c = cols.campaign;
    let u = c.unit(&cols.unit)?;
    if u.valid_to.is_none_or(|to| to >= d) {
        return None;
    }
    let (date, unit, span) = (words::date(d), cols.unit.to_string(), words::span(u));
    let said = match c.register.what_became_of_msg(&cols.unit) {
        Some(what) => msg!(
            "normalise-date-after-unit-became",
            date = date,
            unit = unit,
            span = span,
            what = what,
        ),
        None => msg!(
            "normalise-date-after-unit",
            date = date,
            unit = unit,
            span = span
        ),
    };
    Some(Problem::new(ReasonCode::DateOutsideUnit, said))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Period, UnitCode};
    use crate::ingest::cell::Cell;
    use crate::ingest::normalise::columns::tests::{columns, columns_of, table};

    fn read(cols: &Columns, cell: Cell) -> (Option<NaiveDate>, Vec<ReasonCode>, Vec<u64>) {
        let cells = [cell, Cell::text("Tin")];
        let mut notes = FileNotes::default();
        let mut p = Vec::new();
        let d = activity_date(
            cols,
            &Row {
                line: 7,
                cells: &cells,
            },
            &mut notes,
            &mut p,
        );
        (
            d.map(|d| d.0),
            p.into_iter().map(|p| p.code).collect(),
            notes.after_received,
        )
    }

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn dates_as_offices_write_them_in_the_reports_window() {
        let out = table(&["Ngày", "Hình thức"], &[]);
        let cols = columns(&out);
        assert_eq!(read(&cols, Cell::text("05/07/2023")).0, day(2023, 7, 5));
        assert_eq!(read(&cols, Cell::Number(45112.0)).0, day(2023, 7, 5));
        assert_eq!(read(&cols, Cell::text("tháng 7/2023")).0, day(2023, 7, 1));
        // after the report was received (1 November 2023): read, and noted
        assert_eq!(
            read(&cols, Cell::text("20/12/2023")),
            (day(2023, 12, 20), vec![], vec![7])
        );
        assert_eq!(
            read(&cols, Cell::text("05/07/2022")).1,
            [ReasonCode::DateOutsidePeriod]
        );
        assert_eq!(
            read(&cols, Cell::text("hôm qua")).1,
            [ReasonCode::DateInvalid]
        );
        assert_eq!(read(&cols, Cell::Empty).1, [ReasonCode::DateMissing]);
        // a formula is said for the whole row, not here
        assert_eq!(
            read(&cols, Cell::Formula("A1".into())),
            (None, vec![], vec![])
        );
    }

    #[test]
    fn no_date_column_or_two_of_them() {
        let cols = columns(&table(&["Hình thức", "Tên tin bài"], &[]));
        assert_eq!(
            read(&cols, Cell::text("05/07/2023")).1,
            [ReasonCode::DateMissing]
        );
        let cols = columns(&table(&["Ngày", "Hình thức", "Ngày"], &[]));
        assert_eq!(
            read(&cols, Cell::text("05/07/2023")),
            (None, vec![], vec![])
        );
    }

    #[test]
    fn an_item_after_its_unit_ended() {
        // the 2025 annual report of a district abolished on 1 July 2025
        let out = table(&["Ngày", "Hình thức"], &[]);
        let mut cols = columns_of(&out, Period::Year(2025));
        cols.unit = UnitCode("ubnd-h-muong-cha".into());
        assert_eq!(read(&cols, Cell::text("20/06/2025")).1, []);
        assert_eq!(
            read(&cols, Cell::text("20/08/2025")).1,
            [ReasonCode::DateOutsideUnit]
        );
    }
}
