//! Columns the contract does not name are kept, never dropped: each
//! filled cell of a column that holds no field goes to `extra` (JSON text)
//! under its heading.

use std::collections::BTreeMap;

use serde_json::Value;

use super::super::columns::{Columns, Row};

/// The row's kept cells by column: (heading, value).
pub(in crate::ingest::normalise) type Extra = BTreeMap<usize, (String, Value)>;

/// The filled cells of columns that hold no field (nor spell one another
/// way).
pub(in crate::ingest::normalise) fn extra(cols: &Columns, row: &Row) -> Extra {
    let mut extra = Extra::new();
    for (i, cell) in row.cells.iter().enumerate() {
        let alternate = cols.alternates.values().any(|c| c.contains(&i));
        if cols.fields.get(i).copied().flatten().is_none() && !alternate && !cell.is_empty() {
            extra.insert(i, (cols.name(i), cell.to_json()));
        }
    }
    extra
}

/// `extra` as stored: a JSON object in column order, or none.
pub(in crate::ingest::normalise) fn to_json(extra: Extra) -> Option<String> {
    (!extra.is_empty()).then(|| Value::Object(extra.into_values().collect()).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::cell::Cell;
    use crate::ingest::normalise::columns::tests::{columns, table};

    #[test]
    fn unnamed_columns_are_kept_under_their_heading() {
        let cols = columns(&table(&["Ngày", "Cơ quan phối hợp", "Hình thức"], &[]));
        let cells = [
            Cell::text("05/07/2023"),
            Cell::text("Hội LHPN"),
            Cell::text("Tin"),
            Cell::Number(7.0),
        ];
        let e = extra(
            &cols,
            &Row {
                line: 2,
                cells: &cells,
            },
        );
        assert_eq!(
            to_json(e).as_deref(),
            Some(r#"{"Cơ quan phối hợp":"Hội LHPN","column 4":7}"#)
        );
        assert_eq!(to_json(Extra::new()), None);
    }
}
