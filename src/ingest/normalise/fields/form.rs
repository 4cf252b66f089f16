//! The form (`Tin`, `Bài`, `Phát thanh`, ...): a code, a label or an
//! alias of `forms.csv`, matched exactly after folding case, marks and
//! spacing (so `Tin` never matches `Tin bài trên Cổng TTĐT`). Required.

use super::super::columns::{Columns, Row};
use super::super::notes::{FileNotes, answer};
use crate::ingest::cell::Cell;
use crate::ingest::fields::Field;
use crate::ingest::legacy::or_legacy;
use crate::ingest::reason::{Problem, ReasonCode};
use crate::msg;

/// The row's form code, or none with the problem.
pub(in crate::ingest::normalise) fn form<'a>(
    cols: &Columns<'a>,
    row: &Row,
    notes: &mut FileNotes<'a>,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    let c = cols.campaign;
    let Some(f) = cols.text(row.cells, Field::Form) else {
        if cols.column(Field::Form).is_none() {
            problems.push(Problem::new(
                ReasonCode::FormMissing,
                cols.no_column(Field::Form),
            ));
        } else if !matches!(cols.cell(row.cells, Field::Form), Cell::Formula(_)) {
            // (a formula is said for the whole row)
            problems.push(Problem::new(
                ReasonCode::FormMissing,
                msg!("normalise-form-missing"),
            ));
        }
        return None;
    };
    let found = answer(&mut notes.matches.forms, &f, || {
        or_legacy(&f, |t| c.match_form(t))
    });
    match found {
        Some(code) => Some(code.to_string()),
        None => {
            let labels: Vec<&str> = c.forms.iter().map(|f| f.name_vi.as_str()).collect();
            let forms = labels.join(", ");
            let said = match crate::text::did_you_mean(&f, labels.iter().copied()) {
                Some(near) => msg!(
                    "normalise-form-unknown-near",
                    form = &f,
                    near = near,
                    forms = forms
                ),
                None => msg!("normalise-form-unknown", form = &f, forms = forms),
            };
            problems.push(Problem::new(ReasonCode::FormUnknown, said));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::normalise::columns::tests::{columns, table};

    fn read(names: &[&str], cell: Cell) -> (Option<String>, Vec<(ReasonCode, String)>) {
        let cols = columns(&table(names, &[]));
        let cells = [Cell::text("05/07/2023"), cell];
        let mut p = Vec::new();
        let f = form(
            &cols,
            &Row {
                line: 2,
                cells: &cells,
            },
            &mut FileNotes::default(),
            &mut p,
        );
        (f, p.into_iter().map(|p| (p.code, p.text())).collect())
    }

    #[test]
    fn a_code_a_label_or_an_alias_exactly() {
        let names = ["Ngày", "Hình thức"];
        assert_eq!(read(&names, Cell::text("Tin")).0.as_deref(), Some("news"));
        assert_eq!(
            read(&names, Cell::text("PHÁT THANH")).0.as_deref(),
            Some("radio")
        );
        assert_eq!(
            read(&names, Cell::text("Zalo")).0.as_deref(),
            Some("social_post")
        );
        assert_eq!(read(&names, Cell::text("tv")).0.as_deref(), Some("tv"));
        // typed in TCVN3 (`Bµi` is `Bài`)
        assert_eq!(
            read(&names, Cell::text("Bµi")).0.as_deref(),
            Some("article")
        );
        let (none, p) = read(&names, Cell::text("Tin nhắn"));
        assert_eq!(none, None);
        assert_eq!(p[0].0, ReasonCode::FormUnknown);
        assert!(
            p[0].1
                .starts_with("the form 'Tin nhắn' is not in the list of forms: Tin, Bài,")
        );
    }

    #[test]
    fn an_empty_form_or_no_form_column() {
        assert_eq!(
            read(&["Ngày", "Hình thức"], Cell::Empty).1,
            [(ReasonCode::FormMissing, "the form is missing".into())]
        );
        assert_eq!(
            read(&["Ngày", "Hình thức"], Cell::Formula("A1".into())).1,
            []
        );
        assert_eq!(
            read(&["Ngày", "Tên tin bài"], Cell::text("Tin")).1,
            [(
                ReasonCode::FormMissing,
                "the table has no form column: add one named 'Hình thức'".into()
            )]
        );
    }
}
