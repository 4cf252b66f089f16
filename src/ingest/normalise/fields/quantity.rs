//! The quantity: how many items the row counts, a whole number of 1 or
//! more (`3`, `3 tin`, `1.234`). No default hides a column: the quantity
//! is 1 only in a table that has no quantity column (or for a JSON item
//! that does not state the key); an empty or unreadable cell in a
//! quantity column, or a column that only looks like the quantity,
//! refuses the row.

use super::super::columns::{Columns, QuantityColumn, Row};
use super::super::notes::FileNotes;
use super::figures::check;
use crate::i18n::names;
use crate::ingest::fields::Field;
use crate::ingest::reason::{Problem, ReasonCode};
use crate::ingest::values::{ITEM_UNITS, MAX_QUANTITY, parse_count};
use crate::msg;

/// The row's quantity, or none with the problem.
pub(in crate::ingest::normalise) fn quantity(
    cols: &Columns,
    row: &Row,
    notes: &mut FileNotes,
    problems: &mut Vec<Problem>,
) -> Option<i64> {
    let (col, keyed) = match &cols.quantity {
        QuantityColumn::Absent => return Some(1),
        // said once for the row, with the other columns
        QuantityColumn::Ambiguous => return None,
        QuantityColumn::Unclear(names) => {
            problems.push(Problem::new(
                ReasonCode::QuantityColumnUnclear,
                msg!(
                    "normalise-quantity-unclear",
                    names = crate::i18n::names(names),
                    count = names.len(),
                ),
            ));
            return None;
        }
        QuantityColumn::Hidden(names) => {
            problems.push(Problem::new(
                ReasonCode::QuantityMissing,
                msg!(
                    "normalise-quantity-hidden",
                    names = crate::i18n::names(names)
                ),
            ));
            return None;
        }
        QuantityColumn::Held { col, keyed } => (*col, *keyed),
    };
    let cell = cols.cell(row.cells, Field::Quantity);
    if let Err(p) = check(cols, row.line, col, cell, Field::Quantity, notes) {
        problems.extend(p);
        return None;
    }
    // an item without the key states no quantity: it counts 1
    let unstated = keyed
        && cols
            .columns(Field::Quantity)
            .iter()
            .all(|&c| cols.absent.contains(&(row.line, c)));
    match parse_count(cell, ITEM_UNITS, MAX_QUANTITY) {
        Ok(None) if unstated => unstated_quantity(cols, row, problems),
        Ok(None) => {
            problems.push(Problem::new(
                ReasonCode::QuantityMissing,
                msg!("normalise-quantity-empty", column = &cols.names[col]),
            ));
            None
        }
        Ok(Some(n)) if n >= 1 => Some(n),
        Ok(Some(n)) => {
            problems.push(Problem::new(
                ReasonCode::QuantityInvalid,
                msg!("normalise-quantity-below-one", quantity = n),
            ));
            None
        }
        Err(why) => {
            problems.push(Problem::new(
                ReasonCode::QuantityInvalid,
                msg!(
                    "normalise-quantity-invalid",
                    cell = cell.to_string(),
                    why = why
                ),
            ));
            None
        }
    }
}

/// A JSON item with no quantity key counts 1, unless it states a field
/// that looks like the quantity instead.
fn unstated_quantity(cols: &Columns, row: &Row, problems: &mut Vec<Problem>) -> Option<i64> {
    let like: Vec<String> = cols
        .quantity_like
        .iter()
        .filter(|&&c| row.cells.get(c).is_some_and(|x| !x.is_empty()))
        .map(|&c| cols.names[c].clone())
        .collect();
    if like.is_empty() {
        return Some(1);
    }
    problems.push(Problem::new(
        ReasonCode::QuantityColumnUnclear,
        msg!("normalise-quantity-unstated", names = names(&like)),
    ));
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::ingest::cell::Cell;
    use crate::ingest::normalise::columns::tests::{columns, table};

    fn read(names: &[&str], cells: &[Cell]) -> (Option<i64>, Vec<(ReasonCode, String)>) {
        let cols = columns(&table(names, &[]));
        let mut p = Vec::new();
        let q = quantity(
            &cols,
            &Row { line: 2, cells },
            &mut FileNotes::default(),
            &mut p,
        );
        (q, p.into_iter().map(|p| (p.code, p.text())).collect())
    }

    #[test]
    fn counts_as_offices_write_them() {
        let names = ["Ngày", "Số lượng (tin, bài)"];
        let q = |s: &str| read(&names, &[Cell::Empty, Cell::text(s)]).0;
        assert_eq!(q("3"), Some(3));
        assert_eq!(q("3 tin"), Some(3));
        assert_eq!(q("1.234"), Some(1234));
        assert_eq!(q("0,500"), None);
        assert_eq!(q("0"), None);
        assert_eq!(q("3 người"), None);
        assert_eq!(
            read(&names, &[Cell::Empty, Cell::text("-2")]).1,
            [(
                ReasonCode::QuantityInvalid,
                "the quantity -2 is not allowed: it counts items, so it is 1 or more".into()
            )]
        );
    }

    #[test]
    fn one_only_where_the_table_has_no_quantity_column() {
        assert_eq!(
            read(&["Ngày", "Hình thức"], &[Cell::Empty, Cell::Empty]).0,
            Some(1)
        );
        assert_eq!(
            read(&["Ngày", "Số lượng"], &[Cell::Empty, Cell::Empty]).1,
            [(ReasonCode::QuantityMissing, "the quantity is empty, and the table has a quantity column ('Số lượng'): fill in how many items the row counts, 1 or more".into())]
        );
        let (q, p) = read(
            &["Ngày", "Số lượng sản phẩm in"],
            &[Cell::Empty, Cell::text("4")],
        );
        assert_eq!(q, None);
        assert_eq!(p[0].0, ReasonCode::QuantityColumnUnclear);
        // two columns name it: said once for the row elsewhere
        assert_eq!(
            read(&["Số lượng", "SL"], &[Cell::text("1"), Cell::text("2")]),
            (None, vec![])
        );
    }

    #[test]
    fn a_quantity_below_one_or_empty_is_refused_in_vietnamese() {
        let names = ["Ngày", "Số lượng"];
        let vi = |cell: &str| {
            let cols = columns(&table(&names, &[]));
            let mut p = Vec::new();
            let cells = [Cell::Empty, Cell::text(cell)];
            quantity(
                &cols,
                &Row {
                    line: 2,
                    cells: &cells,
                },
                &mut FileNotes::default(),
                &mut p,
            );
            crate::i18n::reason(&[p.remove(0).msg], Lang::Vi)
        };
        assert_eq!(
            vi("0"),
            "Số lượng 0 không hợp lệ: số lượng dùng để đếm sản phẩm nên phải từ 1 trở lên."
        );
        assert_eq!(
            vi(""),
            "Số lượng đang để trống, trong khi bảng có cột số lượng ('Số lượng'): hãy điền số sản phẩm mà dòng này tính, từ 1 trở lên."
        );
    }
}
