//! Rows of a report form that are not items: the column numbers under the
//! header, totals and running totals, the header repeated on a new page,
//! the signature block under the table, and how section headings are
//! numbered.

use super::cell::Cell;
use super::fields::Field;
use crate::text::fold;

/// `(1) (2) (3)` or `1 2 3` under the header: a template's column numbers.
pub(super) fn is_column_number_row(cells: &[Cell]) -> bool {
    let filled: Vec<String> = cells
        .iter()
        .filter(|c| !c.is_empty())
        .map(|c| c.to_string())
        .collect();
    filled.len() >= 3
        && filled
            .iter()
            .enumerate()
            .all(|(i, s)| s.trim_matches(|c| c == '(' || c == ')') == (i + 1).to_string())
}

/// A row that sums the table or a part of it, whichever of its cells holds
/// the label (`Tổng cộng`, `Cộng`, `Cộng mục I`, `Cộng tin, bài`), or, in a
/// row with no date, runs on (`Tổng số lượt tiếp cận`, `Lũy kế từ đầu năm`,
/// `Cộng dồn`): not an item.
pub(super) fn is_totals_row(cells: &[Cell], dated: bool) -> bool {
    cells.iter().any(|c| match c {
        Cell::Text(t) if t.len() <= 80 => totals_label(t) || (!dated && runs_on(t)),
        _ => false,
    })
}

/// The label of a totals row that sums items (`Tổng cộng`, `Cộng`,
/// `Tổng số tin`, `Cộng mục I`), with whether it sums a part only (its
/// label names a section: `Cộng mục I`, `Tổng II`); `None` for a row that
/// runs a figure on (`Lũy kế`, `Cộng dồn`), which no file's items can check.
pub(super) fn sum_label(cells: &[Cell]) -> Option<(&str, bool)> {
    cells.iter().find_map(|c| match c {
        Cell::Text(t) if totals_label(t) && !runs_on_only(t) => {
            let lower = t.to_lowercase();
            let words: Vec<&str> = lower.split_whitespace().collect();
            let part =
                words.contains(&"mục") || words.get(1).is_some_and(|w| numbering(w).is_some());
            Some((t.as_str(), part))
        }
        _ => None,
    })
}

/// `Lũy kế`, `Cộng dồn`, `Cộng lũy kế`, `Cộng từ đầu năm`: a running
/// total, not a sum of the rows above.
fn runs_on_only(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "lũy kế",
        "luỹ kế",
        "cộng dồn",
        "cộng lũy kế",
        "cộng luỹ kế",
        "từ đầu năm",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// A label that sums: `Cộng` (with its dot below: `cộng đồng`, a
/// community, and `cộng hòa` are words, not sums), `Tổng`, `Tổng cộng`,
/// `Tổng số tin`, `Tổng I`, `Total`.
fn totals_label(text: &str) -> bool {
    if text.len() > 60 || !text.starts_with(['T', 't', 'C', 'c', 'S', 's']) {
        return false;
    }
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | '.' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .collect();
    match words[..] {
        [] => false,
        ["total" | "subtotal" | "sub-total", ..] => words.len() <= 3,
        ["cộng"] | ["tổng"] => true,
        ["cộng", second, ..] => {
            !matches!(
                second,
                "đồng" | "hòa" | "hoà" | "tác" | "sản" | "sự" | "hưởng"
            ) && words.len() <= 4
        }
        ["tổng", "cộng", ..] => words.len() <= 5,
        // `Tổng số tin`, not `Tổng số hộ nghèo giảm`
        ["tổng", "số", ..] => words.len() <= 3,
        ["tổng", second, ..] => words.len() <= 3 && numbering(second).is_some(),
        _ => false,
    }
}

/// `Lũy kế`, `Cộng dồn`, `Tổng số ...`: a label that runs a figure on.
fn runs_on(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "tổng số",
        "tổng cộng",
        "lũy kế",
        "luỹ kế",
        "cộng dồn",
        "cộng lũy kế",
    ]
    .iter()
    .any(|w| lower.starts_with(w))
}

/// A line of the signature block or a note under the table: `Nơi nhận:`,
/// `Người lập biểu`, `GIÁM ĐỐC`, `KT. GIÁM ĐỐC`, `Ghi chú: ...`.
pub(super) fn is_footer_row(cells: &[Cell]) -> bool {
    cells.iter().any(|c| match c {
        Cell::Text(t) if t.len() <= 80 => {
            let key = fold(t);
            [
                "noi nhan",
                "nguoi lap",
                "thu truong",
                "giam doc",
                "pho giam doc",
                "truong phong",
                "pho truong phong",
                "chu tich",
                "pho chu tich",
                "kt giam doc",
                "tm ",
                "kt ",
                "xac nhan",
                "ky ten",
                "ky ghi ro",
                "ghi chu ",
                "luu vt",
            ]
            .iter()
            .any(|w| key.starts_with(w) || key == w.trim())
        }
        _ => false,
    })
}

/// A row that names fields again (the header repeated on a new page, or
/// over a second table): not an item.
pub(super) fn is_header_row(cells: &[Cell]) -> bool {
    let mut named = Vec::new();
    for c in cells {
        if let Cell::Text(t) = c
            && let Some(f) = Field::from_header(t)
            && !f.is_metadata()
            && !named.contains(&f)
        {
            named.push(f);
        }
    }
    named.len() >= 2
}

/// How a heading is numbered: Roman numerals and letters number sections;
/// a number alone may also number an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Numbering {
    Strong,
    Weak,
}

/// `I`, `II.`, `A)`, `a`, `1`, `1.2.`: a section's numbering.
pub(super) fn numbering(token: &str) -> Option<Numbering> {
    let t = token.trim().trim_end_matches(['.', ')']);
    if t.is_empty() {
        return None;
    }
    let roman = t.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'));
    let letter = t.chars().count() == 1 && t.chars().all(|c| c.is_ascii_alphabetic());
    let number = t
        .split('.')
        .all(|p| !p.is_empty() && p.len() <= 2 && p.chars().all(|c| c.is_ascii_digit()));
    if roman || letter {
        Some(Numbering::Strong)
    } else if number {
        Some(Numbering::Weak)
    } else {
        None
    }
}

/// `I. Phòng, chống mua bán người` → (numbering, `Phòng, chống mua bán người`).
pub(super) fn split_numbering(text: &str) -> Option<(Numbering, &str)> {
    let (token, rest) = text.split_once(' ')?;
    if !token.ends_with(['.', ')']) {
        return None;
    }
    Some((numbering(token)?, rest.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_rows_are_recognised() {
        let t = |v: &[&str]| v.iter().map(|s| Cell::text(s)).collect::<Vec<_>>();
        assert!(is_column_number_row(&t(&["(1)", "(2)", "(3)", "(4)"])));
        assert!(is_column_number_row(&t(&["1", "2", "3"])));
        assert!(!is_column_number_row(&t(&["1", "05/07/2023", "Tin"])));
        assert!(is_totals_row(&t(&["", "Tổng cộng", "", "12"]), true));
        assert!(is_totals_row(&t(&["", "", "Cộng mục I", "5"]), true));
        assert!(is_totals_row(&t(&["TỔNG CỘNG:", "", "5"]), true));
        // a total under a date and a form merged down to it
        assert!(is_totals_row(
            &t(&["", "Tháng 7/2023", "Tin", "Tổng cộng", "5"]),
            true
        ));
        assert!(!is_totals_row(&t(&["1", "Tổng kết năm"]), true));
        assert!(!is_totals_row(
            &t(&["1", "05/07/2023", "Tin", "Cộng đồng dân tộc thiểu số", "2"]),
            true
        ));
        assert!(!is_totals_row(
            &t(&["1", "05/07/2023", "Tin", "Cộng đồng dân tộc", "2"]),
            true
        ));
        assert!(!is_totals_row(
            &t(&["1", "05/07/2023", "Tin", "Tổng số hộ nghèo giảm", "2"]),
            true
        ));
        // a row with no date that runs on is not an item; a dated one is
        assert!(is_totals_row(
            &t(&["", "Lũy kế từ đầu năm", "", "40"]),
            false
        ));
        assert!(!is_totals_row(
            &t(&["", "Lũy kế từ đầu năm", "", "40"]),
            true
        ));
    }

    #[test]
    fn section_numbering() {
        assert_eq!(numbering("I"), Some(Numbering::Strong));
        assert_eq!(numbering("IV."), Some(Numbering::Strong));
        assert_eq!(numbering("B)"), Some(Numbering::Strong));
        assert_eq!(numbering("2"), Some(Numbering::Weak));
        assert_eq!(numbering("1.2."), Some(Numbering::Weak));
        assert_eq!(numbering("Tin"), None);
        assert_eq!(numbering("123"), None);
        assert_eq!(
            split_numbering("I. Phòng, chống mua bán người"),
            Some((Numbering::Strong, "Phòng, chống mua bán người"))
        );
        assert_eq!(split_numbering("Phòng, chống mua bán người"), None);
        assert_eq!(split_numbering("Tin tổng hợp"), None);
    }
}
