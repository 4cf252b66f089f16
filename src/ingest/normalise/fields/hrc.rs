//! The HRC priority group: one of the eight priorities of Việt Nam's UN
//! Human Rights Council term (1 to 8), optional.

use super::super::columns::{Columns, Row};
use crate::ingest::cell::Cell;
use crate::ingest::fields::Field;
use crate::ingest::reason::{Problem, ReasonCode};

/// The row's HRC priority group, if it states one.
pub(in crate::ingest::normalise) fn hrc_priority(
    cols: &Columns,
    row: &Row,
    problems: &mut Vec<Problem>,
) -> Option<i32> {
    match cols.cell(row.cells, Field::HrcPriority) {
        Cell::Empty | Cell::Formula(_) => None,
        cell => {
            let digits: String = cell
                .to_string()
                .chars()
                .filter(char::is_ascii_digit)
                .collect();
            match digits.parse::<i32>() {
                Ok(n) if (1..=8).contains(&n) && digits.len() == 1 => Some(n),
                _ => {
                    problems.push(Problem::new(
                        ReasonCode::HrcPriorityInvalid,
                        crate::msg!("normalise-hrc-invalid", cell = cell.to_string()),
                    ));
                    None
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::normalise::columns::tests::{columns, table};

    #[test]
    fn a_group_from_one_to_eight() {
        let cols = columns(&table(&["Ngày", "Ưu tiên HĐNQ"], &[]));
        let read = |cell: Cell| {
            let cells = [Cell::Empty, cell];
            let mut p = Vec::new();
            let n = hrc_priority(
                &cols,
                &Row {
                    line: 2,
                    cells: &cells,
                },
                &mut p,
            );
            (n, p.len())
        };
        assert_eq!(read(Cell::Number(3.0)), (Some(3), 0));
        assert_eq!(read(Cell::text("Nhóm 5")), (Some(5), 0));
        assert_eq!(read(Cell::Empty), (None, 0));
        assert_eq!(read(Cell::text("9")), (None, 1));
        assert_eq!(read(Cell::text("12")), (None, 1));
    }
}
