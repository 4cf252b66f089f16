//! The free-text fields: title, channel, link and notes, stored as the
//! cell shows them (NFC, spaces collapsed, as every cell is when read); a
//! number or date cell as its text; a formula with no result as nothing.

use super::super::columns::{Columns, Row};
use crate::ingest::fields::Field;

/// The row's text of `field` (`Title`, `Channel`, `Url`, `Notes`).
pub(in crate::ingest::normalise) fn free_text(
    cols: &Columns,
    row: &Row,
    field: Field,
) -> Option<String> {
    cols.text(row.cells, field)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::cell::Cell;
    use crate::ingest::normalise::columns::tests::{columns, table};

    #[test]
    fn text_as_the_cell_shows_it() {
        let cols = columns(&table(&["Tên tin bài", "Kênh", "Ghi chú"], &[]));
        let cells = [
            // decomposed marks and a no-break space, as Windows-1258 and Word give them
            Cell::text("Ca\u{0309}nh gia\u{0301}c\u{00A0} mua bán người"),
            Cell::Number(2023.0),
            Cell::Formula("A1".into()),
        ];
        let row = Row {
            line: 2,
            cells: &cells,
        };
        assert_eq!(
            free_text(&cols, &row, Field::Title).as_deref(),
            Some("Cảnh giác mua bán người")
        );
        assert_eq!(
            free_text(&cols, &row, Field::Channel).as_deref(),
            Some("2023")
        );
        assert_eq!(free_text(&cols, &row, Field::Notes), None);
        assert_eq!(free_text(&cols, &row, Field::Url), None);
    }
}
