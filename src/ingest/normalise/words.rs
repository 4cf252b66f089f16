//! How the normaliser names things inside its sentences, in the language
//! the sentence is said in: a field, the place a file hides rows in, a
//! day, the days a unit existed, and `A and B`. Each is a message of
//! `locales/*/ingest-normalise.ftl`.

use chrono::{Datelike, NaiveDate};

use crate::i18n::Msg;
use crate::ingest::fields::Field;
use crate::msg;
use crate::reference::Unit;

/// The field as a sentence names it (`the activity date`, `ngày thực hiện`).
pub(super) fn field(field: Field) -> Msg {
    match field {
        Field::Unit => msg!("normalise-field-unit"),
        Field::Period => msg!("normalise-field-period"),
        Field::ReceivedAt => msg!("normalise-field-received-at"),
        Field::ActivityDate => msg!("normalise-field-activity-date"),
        Field::Theme => msg!("normalise-field-theme"),
        Field::Subtheme => msg!("normalise-field-subtheme"),
        Field::HrcPriority => msg!("normalise-field-hrc-priority"),
        Field::Form => msg!("normalise-field-form"),
        Field::Channel => msg!("normalise-field-channel"),
        Field::Title => msg!("normalise-field-title"),
        Field::Quantity => msg!("normalise-field-quantity"),
        Field::Reach => msg!("normalise-field-reach"),
        Field::Duration => msg!("normalise-field-duration"),
        Field::Language => msg!("normalise-field-language"),
        Field::Url => msg!("normalise-field-url"),
        Field::Notes => msg!("normalise-field-notes"),
    }
}

/// Where a file hides rows and columns (`Hidden::place`): the sheet (also
/// when the reader did not say), a page, a document.
pub(super) fn place(place: &str) -> Msg {
    match place {
        "" | "sheet" => msg!("normalise-place-sheet"),
        "page" => msg!("normalise-place-page"),
        "document" => msg!("normalise-place-document"),
        other => Msg::verbatim(other),
    }
}

/// A day as the language writes it (`2025-07-01`, `01/07/2025`).
pub(super) fn date(day: NaiveDate) -> Msg {
    msg!(
        "normalise-date",
        year = day.year().to_string(),
        month = format!("{:02}", day.month()),
        day = format!("{:02}", day.day()),
    )
}

/// The days a unit existed: `from 2023-01-01 to 2025-06-30` or `from
/// 2025-07-01 on`.
pub(super) fn span(unit: &Unit) -> Msg {
    match unit.valid_to {
        Some(to) => msg!(
            "normalise-span-closed",
            from = date(unit.valid_from),
            to = date(to)
        ),
        None => msg!("normalise-span-open", from = date(unit.valid_from)),
    }
}

/// Parts said one after another with the language's "and" between each
/// two (`A and B and C`); none when there are no parts.
pub(super) fn and(parts: impl IntoIterator<Item = Msg>) -> Option<Msg> {
    parts
        .into_iter()
        .reduce(|first, second| msg!("normalise-and", first = first, second = second))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn days_and_lists_as_each_language_writes_them() {
        let day = NaiveDate::from_ymd_opt(2025, 7, 1).unwrap();
        assert_eq!(date(day).say(Lang::En), "2025-07-01");
        assert_eq!(date(day).say(Lang::Vi), "01/07/2025");
        let parts = ["a", "b", "c"].map(Msg::verbatim);
        let both = and(parts).unwrap();
        assert_eq!(both.say(Lang::En), "a and b and c");
        assert_eq!(both.say(Lang::Vi), "a và b và c");
        assert_eq!(field(Field::ActivityDate).say(Lang::Vi), "ngày thực hiện");
    }
}
