//! The words and numbers of the summary's documents: theme and unit-kind
//! names, column headings, and numbers as Vietnamese (1.234,5) or English
//! (1,234.5) readers write them. Shared by the charts, the page, the
//! Markdown copy and the workbook.

use chrono::NaiveDate;

use super::answer::{Answer, Cell};
use super::options::Lang;
use crate::msg;
use crate::reference::Campaign;

/// A theme's name in `l` (its code for a theme the campaign does not list).
pub(super) fn theme_label(c: &Campaign, code: &str, lang: Lang) -> String {
    named(c, "theme", code, lang).unwrap_or_else(|| code.to_string())
}

/// The name in `l` of the row `code` of a reference list (`theme`,
/// `subtheme`, `form`, `language` or `peak`): each row has a Vietnamese
/// and an English name.
pub(super) fn named(c: &Campaign, list: &str, code: &str, l: Lang) -> Option<String> {
    let (vi, en) = match list {
        "theme" => c
            .themes
            .iter()
            .find(|t| t.code.0 == code)
            .map(|t| (&t.name_vi, &t.name_en)),
        "subtheme" => c
            .subthemes
            .iter()
            .find(|s| s.code == code)
            .map(|s| (&s.name_vi, &s.name_en)),
        "form" => c
            .forms
            .iter()
            .find(|f| f.code == code)
            .map(|f| (&f.name_vi, &f.name_en)),
        "language" => c
            .languages
            .iter()
            .find(|x| x.code == code)
            .map(|x| (&x.name_vi, &x.name_en)),
        "peak" => c
            .peaks
            .iter()
            .find(|p| p.code == code)
            .map(|p| (&p.name_vi, &p.name_en)),
        _ => None,
    }?;
    Some(l.t(vi, en).to_string())
}

/// The label of a code in `l`, from the message `<prefix>-<code>` (`_` in
/// the code as `-`); none for a code the messages do not name.
fn coded(prefix: &str, code: &str, l: Lang) -> Option<String> {
    crate::i18n::lookup(&format!("{prefix}-{}", code.replace('_', "-")), l)
}

/// A kind of unit in `l` (`all` for every kind; an unknown kind as its code).
pub(super) fn kind_label(kind: &str, lang: Lang) -> String {
    if kind == "all" {
        return msg!("summary-all").say(lang);
    }
    coded("summary-kind", kind, lang).unwrap_or_else(|| kind.to_string())
}

/// A number as Vietnamese (1.234,5) or English (1,234.5) readers write
/// it; whole numbers without decimals, others with at most two.
pub(super) fn format_f64(lang: Lang, f: f64) -> String {
    crate::i18n::number(f, lang, 2)
}

/// A day as the language writes it: `05/07/2023`, `2023-07-05`.
pub(super) fn day(d: NaiveDate, l: Lang) -> String {
    msg!(
        "summary-date",
        day = d.format("%d").to_string(),
        month = d.format("%m").to_string(),
        year = d.format("%Y").to_string()
    )
    .say(l)
}

/// The generation stamp (`YYYY-MM-DD`) as the language writes a day; a
/// stamp that is not a day as it is.
pub(super) fn stamp(s: &str, l: Lang) -> String {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_or_else(|_| s.to_string(), |d| day(d, l))
}

/// A number cell as the language writes it: an integer grouped
/// (`2.850`), a decimal with its decimals (a whole one keeps one: `100,0`),
/// anything else as [`show`] would without a column.
pub(super) fn format_cell(v: &Cell, lang: Lang) -> String {
    match v {
        Cell::Int(n) => format_f64(lang, *n as f64),
        Cell::Decimal(f) if f.fract() == 0.0 => {
            // the decimal mark as the language writes it (`0,5` / `0.5`)
            let mark = crate::i18n::number(0.5, lang, 1)
                .chars()
                .nth(1)
                .unwrap_or('.');
            format!("{}{mark}0", format_f64(lang, *f))
        }
        Cell::Decimal(f) => format_f64(lang, *f),
        Cell::Text(s) => s.clone(),
        Cell::Date(d) => day(*d, lang),
        Cell::Bool(true) => msg!("summary-yes").say(lang),
        Cell::Bool(false) => msg!("summary-no").say(lang),
        Cell::Null => String::new(),
    }
}

/// A cell of `answer`'s `row` in `column` as every document shows it (the
/// page, the Markdown copy, the Word report): codes by their labels (kinds
/// of unit and of report, statuses, kinds of gap, themes, units), dates
/// and periods the way the language writes them (`05/07/2023`, `07/2023`
/// in Vietnamese), numbers too. The workbook keeps the values themselves
/// ([`workbook_cell`]).
pub(super) fn show(answer: &Answer, row: &[Cell], column: &str, c: &Campaign, l: Lang) -> String {
    let v = answer.get(row, column);
    let code = v.text();
    let theme = |code: &str| theme_label(c, code, l);
    // a reference row's name in `l`, by the code in the column `code_col`
    // (the queries name forms, languages, sub-themes and peaks in Vietnamese)
    let by_code = |list: &str, code_col: &str| {
        named(c, list, answer.get(row, code_col).text(), l).unwrap_or_else(|| code.to_string())
    };
    let gap = answer.get(row, "gap").text();
    match (column, code) {
        (_, _) if !matches!(v, Cell::Text(_)) => format_cell(v, l),
        ("unit_kind", _) => kind_label(code, l),
        ("period_kind", "all") => msg!("summary-all").say(l),
        ("period_kind", _) => coded("summary-period-kind", code, l).unwrap_or(code.to_string()),
        ("status", _) => coded("summary-status", code, l).unwrap_or(code.to_string()),
        ("gap", _) => coded("summary-gap", code, l).unwrap_or(code.to_string()),
        ("kind", _) => coded("summary-quality-kind", code, l).unwrap_or(code.to_string()),
        ("detail", "no activity reported") => msg!("summary-no-activity").say(l),
        ("detail", _) if gap.ends_with("_theme") => theme(code),
        ("theme_code", _) => theme(code),
        ("form_code", _) => named(c, "form", code, l).unwrap_or(code.to_string()),
        ("theme", _) if l == Lang::En => by_code("theme", "theme_code"),
        ("form", _) if l == Lang::En => by_code("form", "form_code"),
        ("language", _) if l == Lang::En => by_code("language", "language_code"),
        ("subtheme", _) if l == Lang::En => by_code("subtheme", "subtheme_code"),
        ("peak", _) if l == Lang::En => by_code("peak", "peak_code"),
        ("name", _) if l == Lang::En && gap == "peak_without_theme" => by_code("peak", "subject"),
        ("unit_code", _) => match c.unit(&crate::domain::UnitCode(code.to_string())) {
            Some(u) => u.name_vi.clone(),
            None if code == "(unknown unit)" => msg!("summary-unknown-unit").say(l),
            None => code.to_string(),
        },
        ("period" | "month" | "detail", _) => periods(code, l),
        _ => code.to_string(),
    }
}

/// A cell as the workbook holds it, for those who work the figures
/// further: numbers as numbers, the query's own text and codes, dates as
/// `YYYY-MM-DD` text (as `baocao query` prints them), nothing for a null.
pub(super) enum WorkbookCell<'a> {
    Number(f64),
    Text(std::borrow::Cow<'a, str>),
    Bool(bool),
    Empty,
}

/// See [`WorkbookCell`].
pub(super) fn workbook_cell(v: &Cell) -> WorkbookCell<'_> {
    match v {
        Cell::Int(n) => WorkbookCell::Number(*n as f64),
        Cell::Decimal(f) => WorkbookCell::Number(*f),
        Cell::Text(s) => WorkbookCell::Text(s.as_str().into()),
        Cell::Date(d) => WorkbookCell::Text(d.to_string().into()),
        Cell::Bool(b) => WorkbookCell::Bool(*b),
        Cell::Null => WorkbookCell::Empty,
    }
}

/// Each month in a text (`2023-07`, `2023-06 .. 2023-08`) as the language
/// writes it (`07/2023` in Vietnamese); a year stays as it is.
pub(super) fn periods(text: &str, l: Lang) -> String {
    text.split(' ')
        .map(|w| {
            let month = w.len() == 7
                && w.as_bytes()[4] == b'-'
                && w.chars()
                    .enumerate()
                    .all(|(i, ch)| i == 4 || ch.is_ascii_digit());
            if month {
                msg!("summary-month", month = &w[5..7], year = &w[..4]).say(l)
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A column's heading in the document's language (the column name itself
/// for a column the messages do not name).
pub(super) fn column_label(col: &str, l: Lang) -> String {
    coded("summary-col", col, l).unwrap_or_else(|| col.to_string())
}

/// Columns with their headings, in the given order.
pub(super) fn cols(names: &[&str], l: Lang) -> Vec<(String, String)> {
    names
        .iter()
        .map(|c| (c.to_string(), column_label(c, l)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The columns whose headings the messages hold (`summary-col-<column>`).
    const LABELLED_COLUMNS: [&str; 56] = [
        "theme",
        "items",
        "quantity",
        "reach",
        "units",
        "share_pct",
        "unit",
        "total",
        "period",
        "theme_code",
        "peak",
        "start_date",
        "end_date",
        "quantity_inside",
        "quantity_outside",
        "rate_inside",
        "rate_outside",
        "lift",
        "period_kind",
        "unit_kind",
        "expected",
        "received",
        "on_time",
        "late",
        "missing",
        "reporting_rate_pct",
        "on_time_rate_pct",
        "due_date",
        "received_at",
        "status",
        "form",
        "language",
        "duration_min",
        "subtheme",
        "gap",
        "subject",
        "name",
        "detail",
        "months",
        "rank",
        "title",
        "unit_code",
        "form_code",
        "activity_date",
        "url",
        "reason_code",
        "reason_kind",
        "rows_refused",
        "files_refused",
        "example_file",
        "example_reason",
        "kind",
        "item",
        "check",
        "source_file",
        "source_row",
    ];

    #[test]
    fn every_code_the_documents_show_has_a_label_in_both_languages() {
        for l in Lang::ALL {
            for col in LABELLED_COLUMNS {
                let id = format!("summary-col-{}", col.replace('_', "-"));
                assert!(crate::i18n::lookup(&id, l).is_some(), "{id} in {l:?}");
            }
            for kind in crate::domain::UnitKind::ALL {
                let code = kind.to_string();
                assert_ne!(kind_label(&code, l), code, "{code} in {l:?}");
            }
            for (prefix, codes) in [
                ("summary-status", &["on_time", "late", "missing"][..]),
                ("summary-period-kind", &["annual", "monthly"][..]),
                (
                    "summary-quality-kind",
                    &["outlier", "rule", "total_mismatch"][..],
                ),
                (
                    "summary-gap",
                    &[
                        "unit_silent_all_year",
                        "unit_without_theme",
                        "peak_without_theme",
                        "office_silent",
                    ][..],
                ),
            ] {
                for code in codes {
                    assert!(coded(prefix, code, l).is_some(), "{prefix} {code} {l:?}");
                }
            }
        }
        assert_eq!(
            column_label("reporting_rate_pct", Lang::Vi),
            "Tỷ lệ nộp (%)"
        );
        assert_eq!(
            column_label("reporting_rate_pct", Lang::En),
            "Reporting rate (%)"
        );
        assert_eq!(column_label("no_such_column", Lang::Vi), "no_such_column");
        assert_eq!(kind_label("culture_office", Lang::Vi), "Phòng VH-TT");
        assert_eq!(kind_label("culture_office", Lang::En), "Culture offices");
        assert_eq!(
            periods("2023-06 .. 2023-08", Lang::Vi),
            "06/2023 .. 08/2023"
        );
        assert_eq!(
            periods("2023-06 .. 2023-08", Lang::En),
            "2023-06 .. 2023-08"
        );
        assert_eq!(stamp("2026-12-07", Lang::Vi), "07/12/2026");
        assert_eq!(stamp("2026-12-07", Lang::En), "2026-12-07");
    }

    #[test]
    fn reference_names_are_said_in_the_document_s_language() {
        let reference = crate::reference::Reference::bundled().unwrap();
        let c = reference.campaign(2023).unwrap();
        let name = |list, code, l| named(c, list, code, l).unwrap();
        assert_eq!(name("form", "radio", Lang::Vi), "Chương trình phát thanh");
        assert_eq!(name("form", "radio", Lang::En), "Radio programme");
        assert_eq!(name("language", "hmong", Lang::En), "Hmong");
        assert_eq!(name("peak", "cat", Lang::En), "Convention against Torture");
        assert_eq!(
            name("subtheme", "labour.overseas", Lang::En),
            "Protecting the rights of workers abroad"
        );
        // every row of the bundled lists has its own English name
        for l in [&c.forms, &c.languages] {
            assert!(l.iter().all(|x| x.name_en != x.name_vi), "{l:?}");
        }
        assert!(c.subthemes.iter().all(|x| x.name_en != x.name_vi));
    }

    #[test]
    fn numbers_the_way_each_language_writes_them() {
        assert_eq!(format_f64(Lang::Vi, 1234567.0), "1.234.567");
        assert_eq!(format_f64(Lang::En, 1234567.0), "1,234,567");
        assert_eq!(format_f64(Lang::Vi, 2.5), "2,5");
        assert_eq!(format_f64(Lang::Vi, 1.666), "1,67");
        assert_eq!(format_f64(Lang::En, 0.05), "0.05");
        assert_eq!(format_f64(Lang::Vi, -3.0), "-3");
        assert_eq!(format_cell(&Cell::Decimal(100.0), Lang::Vi), "100,0");
        assert_eq!(format_cell(&Cell::Decimal(24.5), Lang::Vi), "24,5");
        assert_eq!(format_cell(&Cell::Int(2850), Lang::Vi), "2.850");
        assert_eq!(format_cell(&Cell::Text("Tin".into()), Lang::Vi), "Tin");
        assert_eq!(format_cell(&Cell::Null, Lang::Vi), "");
    }

    #[test]
    fn codes_read_as_words_and_dates_as_the_language_writes_them() {
        use super::super::answer::Kind;
        let reference = crate::reference::Reference::bundled().unwrap();
        let c = reference.campaign(2023).unwrap();
        let t = |s: &str| Cell::Text(s.into());
        let a = Answer::new(
            "reporting_status",
            [
                "unit_code",
                "period_kind",
                "period",
                "due_date",
                "status",
                "gap",
                "detail",
            ]
            .iter()
            .map(|n| {
                (
                    n.to_string(),
                    if *n == "due_date" {
                        Kind::Date
                    } else {
                        Kind::Text
                    },
                )
            })
            .collect(),
            vec![vec![
                t("so-y-te"),
                t("monthly"),
                t("2023-07"),
                Cell::Date(chrono::NaiveDate::from_ymd_opt(2023, 7, 15).unwrap()),
                t("on_time"),
                t("unit_without_theme"),
                t("trafficking"),
            ]],
        );
        let row = &a.rows[0];
        let vi: Vec<String> = a
            .names()
            .iter()
            .map(|n| show(&a, row, n, c, Lang::Vi))
            .collect();
        assert_eq!(
            vi,
            [
                "Sở Y tế",
                "Tháng",
                "07/2023",
                "15/07/2023",
                "Đúng hạn",
                "Đơn vị không có hoạt động về chủ đề",
                "Phòng, chống mua bán người",
            ]
        );
        assert_eq!(show(&a, row, "status", c, Lang::En), "On time");
        assert_eq!(show(&a, row, "due_date", c, Lang::En), "2023-07-15");
        assert_eq!(show(&a, row, "period", c, Lang::En), "2023-07");
        // a column the answer does not have shows nothing
        assert_eq!(show(&a, row, "lift", c, Lang::Vi), "");
        assert!(matches!(workbook_cell(&row[4]), WorkbookCell::Text(s) if s == "on_time"));
        assert!(matches!(workbook_cell(&row[3]), WorkbookCell::Text(s) if s == "2023-07-15"));
        assert!(matches!(workbook_cell(&Cell::Null), WorkbookCell::Empty));
    }
}
