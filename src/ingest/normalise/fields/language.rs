//! The language of the item (`vi` when the table does not say): a code or
//! label of `languages.csv` (`Thái`, `Mông`, `H'Mông`, `Khơ Mú`), a label
//! that names one language among other words (`Tiếng Thái trắng`, a
//! bilingual `Song ngữ Việt - Mông` counting for the minority language);
//! any other ethnic language counts as `other`, its label kept in `extra`
//! and named in the per-file summary.

use serde_json::Value;

use super::super::columns::{Columns, Row};
use super::super::notes::{FileNotes, answer};
use super::extra::Extra;
use crate::ingest::fields::Field;
use crate::ingest::legacy::or_legacy;

/// The row's language code; an unknown label goes to `extra`.
pub(in crate::ingest::normalise) fn language(
    cols: &Columns,
    row: &Row,
    notes: &mut FileNotes,
    extra: &mut Extra,
) -> String {
    let c = cols.campaign;
    let Some(l) = cols.text(row.cells, Field::Language) else {
        return "vi".to_string();
    };
    let found = answer(&mut notes.matches.languages, &l, || {
        or_legacy(&l, |t| c.match_language(t).map(str::to_string)).or_else(|| c.language_within(&l))
    });
    if let Some(code) = found {
        return code;
    }
    // an ethnic language the list does not name: counted as `other`, the label kept
    notes.other_languages.insert(l.clone());
    let i = cols.column(Field::Language).unwrap_or(0);
    extra.insert(
        i,
        (
            cols.names.get(i).cloned().unwrap_or_default(),
            Value::String(l),
        ),
    );
    "other".to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::cell::Cell;
    use crate::ingest::normalise::columns::tests::{columns, table};

    #[test]
    fn languages_by_label_within_words_or_other() {
        let cols = columns(&table(&["Ngày", "Ngôn ngữ"], &[]));
        let mut notes = FileNotes::default();
        let mut read = |label: &str| {
            let cells = [Cell::Empty, Cell::text(label)];
            let mut extra = Extra::new();
            let code = language(
                &cols,
                &Row {
                    line: 2,
                    cells: &cells,
                },
                &mut notes,
                &mut extra,
            );
            (code, extra.len())
        };
        assert_eq!(read(""), ("vi".into(), 0));
        assert_eq!(read("Thái"), ("thai".into(), 0));
        assert_eq!(read("H'Mông"), ("hmong".into(), 0));
        assert_eq!(read("Tiếng Thái trắng"), ("thai".into(), 0));
        assert_eq!(read("Song ngữ Việt - Mông"), ("hmong".into(), 0));
        assert_eq!(read("Anh"), ("other".into(), 1));
        assert_eq!(read("Thái, Mông"), ("other".into(), 1));
        assert_eq!(
            notes.other_languages.iter().collect::<Vec<_>>(),
            ["Anh", "Thái, Mông"]
        );
    }
}
