//! One item row becomes an activity, or a refusal naming every problem
//! found, in the order a person reads the row: the row as a whole, who and
//! when, then each field by its own reader.

use sha2::{Digest, Sha256};

use super::columns::{Columns, Row};
use super::fields::theme::Themed;
use super::fields::{
    date, extra, figures, form, hrc, language, quantity, report, row, text, theme,
};
use super::notes::FileNotes;
use crate::ingest::fields::Field;
use crate::ingest::reason::{Problem, ReasonCode};
use crate::lake::Activity;

/// The activity an item row states, under a section heading that names
/// `section`'s theme (if any); or every problem that refuses it.
pub(super) fn read_item<'a>(
    cols: &Columns<'a>,
    item: &Row,
    section: Option<&Themed>,
    notes: &mut FileNotes<'a>,
) -> Result<Activity, Vec<Problem>> {
    let mut problems = Vec::new();
    let p = &mut problems;
    let mut kept = extra::extra(cols, item);
    row::check(cols, item, p);
    report::unit(cols, item, notes, p);
    report::period(cols, item, p);
    let date = date::activity_date(cols, item, notes, p);
    let subtheme = theme::subtheme(cols, item, notes, p);
    let title = text::free_text(cols, item, Field::Title);
    let themed = theme::theme(cols, item, section, subtheme, title.as_deref(), notes, p);
    let hrc_priority = hrc::hrc_priority(cols, item, p);
    let form = form::form(cols, item, notes, p);
    let quantity = quantity::quantity(cols, item, notes, p);
    let reach = figures::reach(cols, item, notes, p);
    let duration_min = figures::duration(cols, item, notes, p);
    let language = language::language(cols, item, notes, &mut kept);
    if !problems.is_empty() {
        return Err(problems);
    }
    let (Some((activity_date, precision)), Some(theme_code), Some(form_code), Some(quantity)) =
        (date, themed.theme, form, quantity)
    else {
        return Err(vec![Problem::new(
            ReasonCode::RowMalformed,
            crate::msg!("normalise-row-incomplete"),
        )]);
    };
    Ok(Activity {
        activity_id: activity_id(&cols.submission_id, item.line),
        activity_date,
        date_precision: precision,
        theme_code,
        subtheme_code: themed.subtheme,
        theme_inferred: themed.inferred,
        hrc_priority,
        form_code,
        channel: text::free_text(cols, item, Field::Channel),
        title,
        quantity,
        reach,
        duration_min,
        language,
        url: text::free_text(cols, item, Field::Url),
        notes: text::free_text(cols, item, Field::Notes),
        extra: extra::to_json(kept),
        source_row: item.line as i64,
    })
}

/// Stable id of an item: its submission and its row.
pub fn activity_id(submission_id: &str, line: u64) -> String {
    let digest = Sha256::digest(format!("{submission_id}:{line}").as_bytes());
    hex::encode(&digest[..16])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::cell::Cell;
    use crate::ingest::normalise::columns::tests::{columns, table};

    #[test]
    fn a_row_becomes_an_activity_with_every_field() {
        let out = table(
            &[
                "Ngày",
                "Chủ đề",
                "Hình thức",
                "Tên tin bài",
                "Số lượng",
                "Lượt tiếp cận",
                "Thời lượng (phút)",
                "Ngôn ngữ",
                "Kênh",
                "Đường dẫn",
                "Ghi chú",
                "Phối hợp",
            ],
            &[],
        );
        let cols = columns(&out);
        let cells: Vec<Cell> = [
            "15/03/2023",
            "ethnic",
            "Phát thanh",
            "Bản tin vùng cao",
            "2",
            "1.500",
            "15",
            "Thái",
            "VOV4",
            "https://x.vn/1",
            "phát lại",
            "Hội Phụ nữ",
        ]
        .iter()
        .map(|s| Cell::text(s))
        .collect();
        let a = read_item(
            &cols,
            &Row {
                line: 9,
                cells: &cells,
            },
            None,
            &mut FileNotes::default(),
        )
        .unwrap();
        assert_eq!(a.activity_date.to_string(), "2023-03-15");
        assert_eq!(
            (
                a.theme_code.0.as_str(),
                a.form_code.as_str(),
                a.quantity,
                a.reach,
                a.duration_min
            ),
            ("ethnic", "radio", 2, Some(1500), Some(15.0))
        );
        assert_eq!(a.language, "thai");
        assert_eq!(a.extra.as_deref(), Some(r#"{"Phối hợp":"Hội Phụ nữ"}"#));
        assert_eq!(a.source_row, 9);
        assert_eq!(a.activity_id, activity_id("id", 9));
        assert_eq!(a.activity_id.len(), 32);
    }

    #[test]
    fn every_problem_of_a_row_is_named_in_order() {
        let out = table(&["Ngày", "Chủ đề", "Hình thức", "Số lượng"], &[]);
        let cols = columns(&out);
        let cells: Vec<Cell> = ["31/02/2023", "", "Tin nhắn", "0"]
            .iter()
            .map(|s| Cell::text(s))
            .collect();
        let problems = read_item(
            &cols,
            &Row {
                line: 3,
                cells: &cells,
            },
            None,
            &mut FileNotes::default(),
        )
        .unwrap_err();
        let codes: Vec<ReasonCode> = problems.iter().map(|p| p.code).collect();
        assert_eq!(
            codes,
            [
                ReasonCode::DateInvalid,
                ReasonCode::ThemeMissing,
                ReasonCode::FormUnknown,
                ReasonCode::QuantityInvalid
            ]
        );
    }
}
