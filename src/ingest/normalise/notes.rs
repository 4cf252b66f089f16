//! What reading the rows learns about the file, passed to each field
//! reader as `&mut` (the signature says who writes): figures read within
//! floating-point noise of a whole number, items dated after the report
//! was received, language labels counted as `other`, the unit cell rows
//! repeat, and the campaign's answer for each distinct label already
//! matched. At the end it gives the notes only the rows could tell.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;

use crate::domain::ThemeCode;
use crate::i18n::Msg;
use crate::msg;
use crate::reference::{Inference, Subtheme};

/// What the rows of one file have taught its reader.
#[derive(Debug, Default)]
pub(super) struct FileNotes<'a> {
    /// Figures a formula left within floating-point noise of a whole
    /// number, read as that number: how many, and the first.
    pub rounded: (usize, Option<f64>),
    /// Rows dated after the report was received (plans, or a wrong date).
    pub after_received: Vec<u64>,
    /// Language labels counted as `other`.
    pub other_languages: BTreeSet<String>,
    /// The last unit cell seen to name the file's unit (rows repeat it).
    pub unit_cell_ok: Option<String>,
    /// The campaign's answer for each distinct label of the file.
    pub matches: Matches<'a>,
}

/// The campaign's answers for a file's distinct theme, sub-theme, form and
/// language labels and titles, each asked once: a file of 10,000 items
/// holds a few dozen distinct labels.
#[derive(Debug, Default)]
pub(super) struct Matches<'a> {
    pub themes: Answers<Option<(ThemeCode, Option<String>)>>,
    pub subthemes: Answers<Option<&'a Subtheme>>,
    pub forms: Answers<Option<&'a str>>,
    pub languages: Answers<Option<String>>,
    pub inferred: Answers<Inference>,
}

/// Answers by the text asked about.
pub(super) type Answers<V> = HashMap<Box<str>, V>;

/// The answer for `key`, computed the first time it is asked (titles are
/// many and seldom repeat: past [`crate::memo::CAPACITY`] answers the
/// list starts again).
pub(super) fn answer<V: Clone>(
    answers: &mut Answers<V>,
    key: &str,
    compute: impl FnOnce() -> V,
) -> V {
    if let Some(v) = answers.get(key) {
        return v.clone();
    }
    let v = compute();
    if answers.len() >= crate::memo::CAPACITY {
        answers.clear();
    }
    answers.insert(key.into(), v.clone());
    v
}

impl FileNotes<'_> {
    /// Notes only the rows could tell, for the per-file summary.
    pub(super) fn closing(&self, received_at: NaiveDate) -> Vec<Msg> {
        let (n, first) = self.rounded;
        let after = &self.after_received;
        let late = (!after.is_empty()).then(|| {
            msg!(
                "normalise-after-received",
                count = after.len(),
                received = received_at.format("%d/%m/%Y").to_string(),
                rows = after
                    .iter()
                    .map(u64::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            )
        });
        let others = &self.other_languages;
        let languages = (!others.is_empty()).then(|| {
            msg!(
                "normalise-other-languages",
                count = others.len(),
                labels = others
                    .iter()
                    .map(|l| format!("'{l}'"))
                    .collect::<Vec<_>>()
                    .join(", "),
            )
        });
        let rounded = match first {
            // the figure as stored, every digit (it is not an amount)
            Some(x) if n > 0 => Some(msg!(
                "normalise-rounded",
                count = n,
                example = format!("{x:?}")
            )),
            _ => None,
        };
        late.into_iter().chain(languages).chain(rounded).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn each_label_is_answered_once() {
        let mut answers: Answers<usize> = Answers::default();
        let mut calls = 0;
        for label in ["Tin", "Bài", "Tin"] {
            answer(&mut answers, label, || {
                calls += 1;
                label.len()
            });
        }
        assert_eq!(calls, 2);
    }

    #[test]
    fn what_the_rows_taught_is_said_at_the_end() {
        let day = NaiveDate::from_ymd_opt(2023, 8, 1).unwrap();
        let mut notes = FileNotes::default();
        assert!(notes.closing(day).is_empty());
        notes.after_received = vec![7, 9];
        notes.other_languages.insert("Anh".into());
        notes.rounded = (1, Some(3500.0000000000005));
        let said: Vec<String> = notes.closing(day).iter().map(Msg::to_string).collect();
        assert_eq!(
            said,
            [
                "items are dated after the report was received (01/08/2023): check that they were done, not planned (rows 7, 9)",
                "language 'Anh' counted as other (another ethnic-minority language), the label kept in extra",
                "1 figure within floating-point noise of a whole number, as a computed figure is stored (e.g. 3500.0000000000005), read as that whole number",
            ]
        );
        let late = &notes.closing(day)[0];
        assert_eq!(
            late.say(Lang::Vi),
            "2 hoạt động có ngày sau ngày nhận báo cáo (01/08/2023): hãy kiểm tra xem hoạt động đã được thực hiện hay mới là kế hoạch (dòng 7, 9)"
        );
    }
}
