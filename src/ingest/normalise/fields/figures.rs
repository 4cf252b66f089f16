//! The figures a row may state besides its quantity: the reach (people,
//! or times people were reached: `1.200`, `1,200`, `1.200 người`) and the
//! duration in minutes (`30`, `2,5`, `30 phút`, `1:30:00`). Neither is
//! required; a cell that cannot be read, or a negative one, refuses its
//! row. Every figure, the quantity too, passes [`check`] first: a figure
//! merged over several items, or a formula never calculated, is none of
//! the row's own.

use super::super::columns::{Columns, Row};
use super::super::notes::FileNotes;
use super::super::words;
use crate::i18n::Arg;
use crate::ingest::cell::Cell;
use crate::ingest::fields::Field;
use crate::ingest::reason::{Problem, ReasonCode};
use crate::ingest::values::{MAX_REACH, REACH_UNITS, as_whole, parse_count, parse_minutes};
use crate::msg;

/// The row's reach, if it states one.
pub(in crate::ingest::normalise) fn reach(
    cols: &Columns,
    row: &Row,
    notes: &mut FileNotes,
    problems: &mut Vec<Problem>,
) -> Option<i64> {
    optional(
        cols,
        row,
        Field::Reach,
        ReasonCode::ReachInvalid,
        |c| parse_count(c, REACH_UNITS, MAX_REACH),
        notes,
        problems,
    )
}

/// The row's duration in minutes, if it states one.
pub(in crate::ingest::normalise) fn duration(
    cols: &Columns,
    row: &Row,
    notes: &mut FileNotes,
    problems: &mut Vec<Problem>,
) -> Option<f64> {
    optional(
        cols,
        row,
        Field::Duration,
        ReasonCode::DurationInvalid,
        parse_minutes,
        notes,
        problems,
    )
}

/// An optional figure: none where the table has no column for it or the
/// cell is empty; a cell that cannot be read, or is negative, is a problem
/// of kind `code`.
fn optional<T: Copy + PartialOrd + Default + Into<Arg>>(
    cols: &Columns,
    row: &Row,
    field: Field,
    code: ReasonCode,
    parse: impl Fn(&Cell) -> Result<Option<T>, crate::i18n::Msg>,
    notes: &mut FileNotes,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    let col = cols.column(field)?;
    let cell = cols.cell(row.cells, field);
    if let Err(p) = check(cols, row.line, col, cell, field, notes) {
        problems.extend(p);
        return None;
    }
    match parse(cell) {
        Ok(Some(v)) if v < T::default() => {
            problems.push(Problem::new(
                code,
                msg!(
                    "normalise-figure-negative",
                    field = words::field(field),
                    value = v
                ),
            ));
            None
        }
        Ok(v) => v,
        Err(why) => {
            problems.push(Problem::new(
                code,
                msg!(
                    "normalise-figure-invalid",
                    field = words::field(field),
                    cell = cell.to_string(),
                    why = why,
                ),
            ));
            None
        }
    }
}

/// A figure cell that cannot be read as the row's own: merged over
/// several rows (its problem), or a formula Excel never calculated (said
/// for the whole row: no problem here). A number a formula left within
/// floating-point noise of a whole number is noted.
pub(in crate::ingest::normalise) fn check(
    cols: &Columns,
    line: u64,
    col: usize,
    cell: &Cell,
    field: Field,
    notes: &mut FileNotes,
) -> Result<(), Vec<Problem>> {
    if let Some((first, last)) = cols.merged.get(&(line, col)) {
        return Err(vec![Problem::new(
            ReasonCode::CellMergedFigure,
            msg!(
                "normalise-figure-merged",
                field = words::field(field),
                first = first.to_string(),
                last = last.to_string(),
                heading = field.heading(),
            ),
        )]);
    }
    if matches!(cell, Cell::Formula(_)) {
        return Err(Vec::new());
    }
    if let Cell::Number(n) = cell
        && field != Field::Duration
        && n.fract() != 0.0
        && as_whole(*n).is_some()
    {
        notes.rounded.0 += 1;
        notes.rounded.1.get_or_insert(*n);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::normalise::columns::tests::{columns, table};

    fn cols() -> Columns<'static> {
        columns(&table(&["Ngày", "Lượt tiếp cận", "Thời lượng (phút)"], &[]))
    }

    /// (reach, minutes, problems, rounded figures) of a row.
    type Read = (Option<i64>, Option<f64>, Vec<String>, (usize, Option<f64>));

    fn read(cols: &Columns, reach_cell: Cell, minutes: Cell) -> Read {
        let cells = [Cell::Empty, reach_cell, minutes];
        let row = Row {
            line: 4,
            cells: &cells,
        };
        let mut notes = FileNotes::default();
        let mut p = Vec::new();
        let r = reach(cols, &row, &mut notes, &mut p);
        let d = duration(cols, &row, &mut notes, &mut p);
        (
            r,
            d,
            p.into_iter().map(|p| p.text()).collect(),
            notes.rounded,
        )
    }

    #[test]
    fn reach_as_people_write_it() {
        let c = cols();
        assert_eq!(read(&c, Cell::text("1.200"), Cell::Empty).0, Some(1200));
        assert_eq!(read(&c, Cell::text("1,200"), Cell::Empty).0, Some(1200));
        assert_eq!(
            read(&c, Cell::text("1.200 lượt người"), Cell::Empty).0,
            Some(1200)
        );
        assert_eq!(read(&c, Cell::Empty, Cell::Empty).0, None);
        assert_eq!(
            read(&c, Cell::text("-5"), Cell::Empty).2,
            ["the reach -5 is negative"]
        );
        assert_eq!(
            read(&c, Cell::text("12 500"), Cell::Empty).0,
            Some(12500),
            "a space between thousands groups"
        );
        assert_eq!(
            read(&c, Cell::text("12 5"), Cell::Empty).2,
            ["the reach '12 5' is not one whole number (a space or a line break splits it)"]
        );
        // a computed reach within noise of a whole number is it, and noted
        let (r, _, p, rounded) = read(&c, Cell::Number(12500.0 * 0.28), Cell::Empty);
        assert_eq!(
            (r, p.len(), rounded),
            (Some(3500), 0, (1, Some(3500.0000000000005)))
        );
    }

    #[test]
    fn minutes_as_numbers_or_times() {
        let c = cols();
        assert_eq!(read(&c, Cell::Empty, Cell::text("2,5")).1, Some(2.5));
        assert_eq!(read(&c, Cell::Empty, Cell::text("1:30:00")).1, Some(90.0));
        assert_eq!(read(&c, Cell::Empty, Cell::Minutes(15.0)).1, Some(15.0));
        let (_, d, p, _) = read(&c, Cell::Empty, Cell::text("1,500"));
        assert_eq!(d, None);
        assert!(p[0].starts_with("the duration '1,500' could be 1.500 minutes or 1500 minutes"));
    }

    #[test]
    fn a_figure_merged_over_several_items_or_never_calculated() {
        let mut c = cols();
        c.merged.insert((4, 1), (4, 6));
        let (r, _, p, _) = read(&c, Cell::text("300"), Cell::Empty);
        assert_eq!(r, None);
        assert_eq!(
            p,
            [
                "the reach is one cell merged over rows 4 to 6, and a figure cannot be shared out between activities: give each row its own Lượt tiếp cận"
            ]
        );
        let c = cols();
        assert_eq!(
            read(&c, Cell::Formula("B2*3".into()), Cell::Empty).2,
            Vec::<String>::new()
        );
    }
}
