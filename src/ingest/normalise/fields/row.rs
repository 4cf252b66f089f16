//! What is wrong with a row as a whole before any field is read: formulas
//! saved without a result, text in a legacy encoding that does not convert,
//! a delimited row wider than its table, a figure named by two columns, or
//! one field given twice in one item.

use super::super::columns::{Columns, Row};
use super::super::words;
use crate::i18n::Msg;
use crate::ingest::cell::Cell;
use crate::ingest::reason::{Problem, ReasonCode};
use crate::ingest::table::Uncomputed;
use crate::msg;

/// The row's own problems, in order.
pub(in crate::ingest::normalise) fn check(cols: &Columns, row: &Row, problems: &mut Vec<Problem>) {
    formulas(cols, row, problems);
    unconvertible(cols, row, problems);
    too_many_cells(cols, row, problems);
    for (field, names) in &cols.ambiguous {
        problems.push(Problem::new(
            ReasonCode::ColumnAmbiguous,
            msg!(
                "normalise-columns-ambiguous",
                count = names.len(),
                field = words::field(*field),
                names = crate::i18n::names(names),
            ),
        ));
    }
    given_twice(cols, row, problems);
}

/// A field's cell holding a formula with no value refuses the row, which
/// says which cells: those with no stored result, and those whose stored
/// result no spreadsheet computed (a workbook that asks to be recalculated
/// when opened, as programs write them). A formula in a column that names
/// no field (`STT` as `=ROW()-1`) is kept in `extra` as its formula.
fn formulas(cols: &Columns, row: &Row, problems: &mut Vec<Problem>) {
    let (mut none, mut disagrees, mut unchecked) = (Vec::new(), Vec::new(), Vec::new());
    for (i, c) in row.cells.iter().enumerate() {
        let a_field = cols.fields.get(i).is_some_and(Option::is_some);
        if a_field && matches!(c, Cell::Formula(_)) {
            let named = format!("'{}' ({c})", cols.names.get(i).map_or("?", String::as_str));
            match cols.uncomputed.get(&(row.line, i)) {
                Some(Uncomputed::Disagrees) => disagrees.push(named),
                Some(Uncomputed::RecalculationAsked) => unchecked.push(named),
                None => none.push(named),
            }
        }
    }
    // each kind of formula cell, said once for the row
    let kinds = [
        (
            none,
            ReasonCode::CellFormulaWithoutValue,
            "normalise-formula-no-value",
        ),
        (
            disagrees,
            ReasonCode::CellFormulaNotCalculated,
            "normalise-formula-disagrees",
        ),
        (
            unchecked,
            ReasonCode::CellFormulaNotCalculated,
            "normalise-formula-recalculation",
        ),
    ];
    for (cells, code, id) in kinds {
        if !cells.is_empty() {
            problems.push(Problem::new(
                code,
                msg!(id, count = cells.len(), cells = cells.join(", ")),
            ));
        }
    }
}

/// Cells that look typed in a legacy encoding but do not convert.
fn unconvertible(cols: &Columns, row: &Row, problems: &mut Vec<Problem>) {
    for (col, old) in cols.unconvertible.get(&row.line).into_iter().flatten() {
        let column = match cols.names.get(*col) {
            Some(name) => Msg::verbatim(name.as_str()),
            None => msg!("normalise-cell"),
        };
        problems.push(Problem::new(
            ReasonCode::TextLegacyEncodingUnconvertible,
            msg!(
                "normalise-legacy-unconvertible",
                column = column,
                value = row
                    .cells
                    .get(*col)
                    .map(|c| c.to_string())
                    .unwrap_or_default(),
                encoding = old.name(),
            ),
        ));
    }
}

/// A delimited row wider than its table holds a value split at an
/// unquoted separator: read as it stands, every cell after it would shift.
fn too_many_cells(cols: &Columns, row: &Row, problems: &mut Vec<Problem>) {
    if let Some((separator, width)) = cols.separator
        && row.cells.len() > width
    {
        problems.push(Problem::new(
            ReasonCode::RowTooManyCells,
            msg!(
                "normalise-too-many-cells",
                cells = row.cells.len(),
                columns = width,
                separator = separator.to_string(),
            ),
        ));
    }
}

/// A JSON item that gives one field twice, under two keys, differently.
fn given_twice(cols: &Columns, row: &Row, problems: &mut Vec<Problem>) {
    for field in cols.alternates.keys() {
        let given: Vec<(usize, &Cell)> = cols
            .columns(*field)
            .into_iter()
            .filter_map(|c| row.cells.get(c).map(|x| (c, x)))
            .filter(|(_, x)| !x.is_empty())
            .collect();
        if given.windows(2).any(|w| w[0].1 != w[1].1) {
            let each = given.iter().map(|(c, x)| {
                msg!(
                    "normalise-given-as",
                    value = x.to_string(),
                    key = &cols.names[*c]
                )
            });
            problems.push(Problem::new(
                ReasonCode::ColumnAmbiguous,
                msg!(
                    "normalise-given-twice",
                    field = words::field(*field),
                    given = words::and(each).unwrap_or_else(|| Msg::verbatim("")),
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::header::Header;
    use crate::ingest::legacy::Legacy;
    use crate::ingest::normalise::columns::tests::{columns, table};

    fn problems(cols: &Columns, line: u64, cells: &[Cell]) -> Vec<(ReasonCode, String)> {
        let mut p = Vec::new();
        check(cols, &Row { line, cells }, &mut p);
        p.into_iter().map(|p| (p.code, p.text())).collect()
    }

    #[test]
    fn formula_cells_without_a_result_are_named() {
        let out = table(&["Ngày", "Hình thức", "Số lượng", "Lượt tiếp cận"], &[]);
        let cols = columns(&out);
        let row = [
            Cell::text("05/07/2023"),
            Cell::text("Tin"),
            Cell::Formula("B2*2".into()),
            Cell::Formula("C2*100".into()),
        ];
        assert_eq!(
            problems(&cols, 2, &row),
            [(
                ReasonCode::CellFormulaWithoutValue,
                "the cells 'Số lượng' (=B2*2), 'Lượt tiếp cận' (=C2*100) are a formula with no stored result (the workbook was saved without calculating it): open the file in Excel, let it calculate, save it again and resend it".into()
            )]
        );
    }

    #[test]
    fn a_delimited_row_wider_than_its_table() {
        let mut out = table(&["Ngày", "Hình thức", "Số lượng"], &[]);
        out.table.separator = Some(',');
        let cols = columns(&out);
        let row: Vec<Cell> = ["05/07/2023", "Tin", "1", "200"]
            .iter()
            .map(|s| Cell::text(s))
            .collect();
        let got = problems(&cols, 2, &row);
        assert_eq!(got[0].0, ReasonCode::RowTooManyCells);
        assert!(
            got[0]
                .1
                .starts_with("the row has 4 cells but the table 3 columns")
        );
        assert!(problems(&cols, 2, &row[..3]).is_empty());
    }

    #[test]
    fn legacy_text_that_does_not_convert_and_two_figures_columns() {
        let mut out = table(&["Ngày", "Hình thức", "Tên tin bài", "Số lượng", "SL"], &[]);
        out.table.unconvertible = vec![(4, 2, Legacy::Tcvn3)];
        let cols = columns(&out);
        let row: Vec<Cell> = ["05/07/2023", "Tin", "C¶nh gi¸c ®", "1", "2"]
            .iter()
            .map(|s| Cell::text(s))
            .collect();
        let codes: Vec<ReasonCode> = problems(&cols, 4, &row).into_iter().map(|p| p.0).collect();
        assert_eq!(
            codes,
            [
                ReasonCode::TextLegacyEncodingUnconvertible,
                ReasonCode::ColumnAmbiguous
            ]
        );
    }

    #[test]
    fn a_json_item_that_gives_a_field_twice() {
        let mut out = table(&[], &[]);
        out.table.header =
            Header::from_names(&["date", "form", "quantity", "SL"].map(String::from), true);
        out.table.keyed = true;
        let cols = columns(&out);
        let same = [Cell::Empty, Cell::Empty, Cell::text("2"), Cell::text("2")];
        assert!(problems(&cols, 1, &same).is_empty());
        let two = [Cell::Empty, Cell::Empty, Cell::text("2"), Cell::text("3")];
        assert_eq!(
            problems(&cols, 1, &two),
            [(
                ReasonCode::ColumnAmbiguous,
                "the item gives the quantity twice, '2' as quantity and '3' as SL: keep one".into()
            )]
        );
    }
}
