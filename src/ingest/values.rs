//! Reading numbers the way Vietnamese offices write them: whole numbers
//! with `.` or `,` as thousands separators (`1.234` is one thousand two
//! hundred and thirty-four); decimals with a comma; and numbers a
//! spreadsheet computed, which are that whole number when they are within
//! floating-point noise of it (`3500.0000000000005`, shown by Excel as
//! 3,500). Each parser says why it refused. Dates are in `dates`.

use std::sync::LazyLock;

use regex::Regex;

use super::cell::Cell;
use super::dates::formula;
use crate::i18n::Msg;
use crate::msg;
use crate::text::strip_marks_lower;

/// How far, relative to its size, a computed number may be from a whole
/// number and still be that number: a few thousand units in the last place
/// of a double, the noise of a handful of arithmetic steps (12500 x 0.28 is
/// 3500.0000000000005), far below any fraction a person types.
const WHOLE_TOLERANCE: f64 = 4096.0 * f64::EPSILON;

/// The end of the sentence for a number no count can be.
fn too_large() -> Msg {
    msg!("ingest-value-too-large")
}

/// A count is a whole number that a figure may hold: the quantity, the
/// reach. `units` are the words that may follow it (`3 tin`, `1.200
/// người`); `max` the largest a report's row can claim.
pub(super) fn parse_count(cell: &Cell, units: &[&str], max: i64) -> Result<Option<i64>, Msg> {
    let bare;
    let cell = match cell {
        Cell::Text(t) => match strip_unit(t, units) {
            Some(number) => {
                bare = Cell::Text(number);
                &bare
            }
            None => cell,
        },
        other => other,
    };
    match parse_int(cell)? {
        Some(n) if n > max => Err(msg!(
            "ingest-value-above-most",
            most = crate::text::group_thousands(max, '.')
        )),
        n => Ok(n),
    }
}

/// `3 tin`, `3 (tin)`, `1.200 lượt người` → the number, when the words
/// after it are one of `units`.
fn strip_unit(text: &str, units: &[&str]) -> Option<String> {
    let end = text.find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | '-')))?;
    let (number, rest) = text.split_at(end);
    let rest = crate::text::fold(rest);
    (!number.trim().is_empty() && units.contains(&rest.as_str())).then(|| number.trim().to_string())
}

/// The words that may follow a quantity: things counted, never people.
pub(super) const ITEM_UNITS: &[&str] = &[
    "tin",
    "bai",
    "tin bai",
    "san pham",
    "buoi",
    "cuoc",
    "lan",
    "chuong trinh",
    "tac pham",
    "phong su",
    "so",
    "to",
    "cuon",
    "an pham",
    "ban",
    "luot",
    "luot phat",
    "tiet muc",
    "video",
    "clip",
    "hoi nghi",
    "lop",
    "dot",
    "tin anh",
    "bai viet",
];

/// The words that may follow a reach: people, or times people were reached.
pub(super) const REACH_UNITS: &[&str] = &[
    "nguoi",
    "luot",
    "luot nguoi",
    "luot xem",
    "luot nghe",
    "nguoi tham du",
    "nguoi nghe",
    "nguoi xem",
    "luot truy cap",
];

/// The most items one row may count.
pub(super) const MAX_QUANTITY: i64 = 1_000_000;

/// The largest reach one row may claim (ten times the people of Việt Nam
/// reached a hundred times over is still below it).
pub(super) const MAX_REACH: i64 = 10_000_000_000;

/// A duration in minutes: a number (`30`, `2,5`, `30 phút`), or a time
/// (`1:30:00`, or an Excel cell formatted as a time). `1.500` and `1,500`
/// could be one and a half or fifteen hundred minutes: refused.
pub(super) fn parse_minutes(cell: &Cell) -> Result<Option<f64>, Msg> {
    if let Cell::Text(t) = cell {
        let s = t.trim();
        if let Some((h, rest)) = s.split_once(':') {
            let parts: Vec<&str> = std::iter::once(h).chain(rest.split(':')).collect();
            let nums: Option<Vec<f64>> =
                parts.iter().map(|p| p.trim().parse::<f64>().ok()).collect();
            return match nums.as_deref() {
                Some([h, m, sec]) => Ok(Some(h * 60.0 + m + sec / 60.0)),
                _ => Err(msg!("ingest-value-ambiguous-time")),
            };
        }
        let digits = s.trim_end_matches(|c: char| c.is_alphabetic() || c == ' ');
        let one_separator = digits.matches(['.', ',']).count() == 1;
        if one_separator
            && let Some((a, b)) = digits.split_once(['.', ','])
            && b.len() == 3
            && !a.starts_with('0')
            && a.chars().all(|c| c.is_ascii_digit())
        {
            return Err(msg!(
                "ingest-value-ambiguous-minutes",
                a = a,
                b = b,
                short = b.trim_end_matches('0')
            ));
        }
    }
    match parse_decimal(cell)? {
        // `-0` is nothing, not a negative duration
        Some(0.0) => Ok(Some(0.0)),
        d => Ok(d),
    }
}

/// The whole number `n` stands for, if it is one up to floating-point
/// noise (a relative tolerance, so it holds for 3.5 million as for 35).
pub(super) fn as_whole(n: f64) -> Option<i64> {
    if !n.is_finite() || n.abs() >= 9.0e15 {
        return None;
    }
    let whole = n.round();
    ((n - whole).abs() <= WHOLE_TOLERANCE * whole.abs().max(1.0)).then_some(whole as i64)
}

/// The text of a number with its spaces taken out, when each space sits
/// where a thousands group starts (`1 234`, `12 345 678`, `9 000,5`); `None`
/// when a space splits something else (`2 3`: two figures, as a cell of two
/// lines or paragraphs holds them, never twenty-three).
fn without_group_spaces(text: &str) -> Option<String> {
    let parts: Vec<&str> = text.split_whitespace().collect();
    let digits = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
    let grouped = match parts.as_slice() {
        [] | [_] => true,
        [first, rest @ ..] => {
            let lead = first.strip_prefix('-').unwrap_or(first);
            let last = rest.len() - 1;
            (1..=3).contains(&lead.len())
                && digits(lead)
                && rest.iter().enumerate().all(|(i, p)| {
                    // the last group may carry the decimals (`234,5`)
                    let group = if i == last {
                        p.get(..3).unwrap_or(p)
                    } else {
                        p
                    };
                    let tail = &p[group.len()..];
                    group.len() == 3
                        && digits(group)
                        && (tail.is_empty() || (i == last && tail.starts_with([',', '.'])))
                })
        }
    };
    grouped.then(|| parts.concat())
}

/// What a spreadsheet shows for a formula that failed: Excel's `#DIV/0!`,
/// `#N/A`, `#NAME?`, LibreOffice's `Err:502`.
pub(super) fn is_spreadsheet_error(text: &str) -> bool {
    (text.starts_with('#') && text.ends_with(['!', '?', 'A']))
        || text
            .strip_prefix("Err:")
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// Why text with spaces is not a whole number (`whole`) or a number:
/// figures split apart (`2 3`, `12 / 500`: two lines of a cell), or words
/// around one (`khoảng 500`).
fn split_or_not(text: &str, whole: bool) -> Msg {
    let figures = text.split_whitespace().all(|p| {
        p.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '/'))
    });
    match (figures, whole) {
        (true, true) => msg!("ingest-value-split-whole"),
        (true, false) => msg!("ingest-value-split-number"),
        (false, true) => msg!("ingest-value-not-whole"),
        (false, false) => msg!("ingest-value-not-a-number"),
    }
}

/// A whole number as offices write it: `12`, `1.234`, `1,234`, `1 234`,
/// a spreadsheet number within noise of a whole one, or a decimal text
/// that is whole (`3500.0`).
pub(super) fn parse_int(cell: &Cell) -> Result<Option<i64>, Msg> {
    // thousands groups never start with 0: `0,500` and `0.750` are not
    // five hundred and seven hundred and fifty
    static GROUPED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^-?[1-9]\d{0,2}(?:([.,])\d{3})(?:[.,]\d{3})*$").expect("regex")
    });
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(n) if n.abs() >= 9.0e15 => Err(too_large()),
        Cell::Minutes(_) => Err(msg!("ingest-value-time")),
        Cell::Number(n) => as_whole(*n)
            .map(Some)
            .ok_or_else(|| msg!("ingest-value-not-whole")),
        Cell::Formula(_) => Err(formula()),
        Cell::Bool(_) | Cell::Date(_) => Err(msg!("ingest-value-not-a-number")),
        Cell::Text(t) if is_spreadsheet_error(t) => Err(msg!("ingest-value-spreadsheet-error")),
        Cell::Text(t) => {
            let Some(s) = without_group_spaces(t) else {
                return Err(split_or_not(t, true));
            };
            if s.is_empty() {
                return Ok(None);
            }
            match s.parse::<i64>() {
                Ok(n) => return Ok(Some(n)),
                Err(e)
                    if matches!(
                        e.kind(),
                        std::num::IntErrorKind::PosOverflow | std::num::IntErrorKind::NegOverflow
                    ) =>
                {
                    return Err(too_large());
                }
                Err(_) => {}
            }
            if let Some(c) = GROUPED.captures(&s) {
                let sep = &c[1];
                // one kind of separator only: `1.234,567` is not a whole number
                let other = if sep == "." { ',' } else { '.' };
                if !s.contains(other) {
                    return s
                        .replace(sep, "")
                        .parse()
                        .map(Some)
                        .map_err(|_| msg!("ingest-value-too-large-plain"));
                }
                return Err(msg!("ingest-value-not-whole"));
            }
            // a decimal written out by a program (`3500.0000000000005`)
            match parse_decimal(cell) {
                Ok(Some(n)) => as_whole(n)
                    .map(Some)
                    .ok_or_else(|| msg!("ingest-value-not-whole")),
                _ => Err(msg!("ingest-value-not-whole")),
            }
        }
    }
}

/// A decimal number: `2,5` (Vietnamese) and `2.5` both mean two and a half,
/// `1.234,5` is one thousand two hundred and thirty-four and a half; a
/// trailing unit (`30 phút`) is ignored.
pub(super) fn parse_decimal(cell: &Cell) -> Result<Option<f64>, Msg> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(n) => Ok(Some(*n)),
        Cell::Minutes(m) => Ok(Some(*m)),
        Cell::Formula(_) => Err(formula()),
        Cell::Bool(_) | Cell::Date(_) => Err(msg!("ingest-value-not-a-number")),
        Cell::Text(t) => {
            let lower = strip_marks_lower(t);
            let s = lower
                .trim()
                .trim_end_matches("phut")
                .trim_end_matches("minutes")
                .trim_end_matches("min");
            let Some(s) = without_group_spaces(s) else {
                return Err(split_or_not(s, false));
            };
            if s.is_empty() {
                return Ok(None);
            }
            let grouped_thousands = |sep: char| {
                let parts: Vec<&str> = s.trim_start_matches('-').split(sep).collect();
                parts.len() > 1
                    && (1..=3).contains(&parts[0].len())
                    && !parts[0].starts_with('0')
                    && parts[1..].iter().all(|p| p.len() == 3)
            };
            let normalised = match (s.rfind(','), s.rfind('.')) {
                (Some(c), Some(d)) if c > d => s.replace('.', "").replace(',', "."),
                (Some(_), Some(_)) => s.replace(',', ""),
                // `1,500` and `1.500` are thousands; `2,5` and `2.5` decimals
                (Some(_), None) if grouped_thousands(',') => s.replace(',', ""),
                (Some(_), None) => s.replace(',', "."),
                (None, Some(_)) if grouped_thousands('.') => s.replace('.', ""),
                _ => s.clone(),
            };
            if !normalised
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
            {
                return Err(msg!("ingest-value-not-a-number"));
            }
            normalised
                .parse::<f64>()
                .ok()
                .filter(|f| f.is_finite())
                .map(Some)
                .ok_or_else(|| msg!("ingest-value-not-a-number"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }

    #[test]
    fn whole_numbers_with_vietnamese_and_english_grouping() {
        let n = |s: &str| parse_int(&t(s)).unwrap();
        assert_eq!(n("12"), Some(12));
        assert_eq!(n("1.234"), Some(1234));
        assert_eq!(n("1,234"), Some(1234));
        assert_eq!(n("12.345.678"), Some(12_345_678));
        assert_eq!(n("1 234"), Some(1234));
        assert_eq!(n("12 345 678"), Some(12_345_678));
        assert_eq!(n(" 7 "), Some(7));
        // a cell of two lines (`2`, `3`) is two figures, not twenty-three
        for split in ["2 3", "1 2", "12 34", "1 2345", "1234 567", "12 / 500"] {
            assert_eq!(
                parse_int(&t(split)).unwrap_err().to_string(),
                "is not one whole number (a space or a line break splits it)",
                "{split}"
            );
        }
        assert_eq!(
            parse_int(&t("khoảng 500")).unwrap_err().to_string(),
            "is not a whole number"
        );
        assert_eq!(n("-3"), Some(-3));
        assert_eq!(n(""), None);
        assert_eq!(parse_int(&Cell::Number(7.0)).unwrap(), Some(7));
        assert!(parse_int(&t("1.5")).is_err());
        assert!(parse_int(&t("1.234,5")).is_err());
        assert!(parse_int(&t("abc")).is_err());
        assert!(parse_int(&Cell::Number(2.5)).is_err());
        assert!(parse_int(&Cell::Formula("G8*H8".into())).is_err());
        assert_eq!(
            parse_int(&t("100000000000000000000"))
                .unwrap_err()
                .to_string(),
            "is too large to be a count: check the figure"
        );
        assert_eq!(
            parse_int(&Cell::Number(1e20)).unwrap_err().to_string(),
            "is too large to be a count: check the figure"
        );
        assert!(
            parse_int(&t("#REF!"))
                .unwrap_err()
                .to_string()
                .starts_with("is a spreadsheet error")
        );
    }

    #[test]
    fn computed_numbers_within_noise_are_whole() {
        // what Excel stores for =12500*0.28 and =5600*0.35
        assert_eq!(12500.0 * 0.28, 3500.0000000000005);
        assert_eq!(5600.0 * 0.35, 1959.9999999999998);
        assert_eq!(
            parse_int(&Cell::Number(12500.0 * 0.28)).unwrap(),
            Some(3500)
        );
        assert_eq!(parse_int(&Cell::Number(5600.0 * 0.35)).unwrap(), Some(1960));
        assert_eq!(parse_int(&Cell::Number(0.1 + 0.2 - 0.3)).unwrap(), Some(0));
        // relative: noise on a large figure is larger in absolute terms
        let big = 3_500_000.0 * 1.1 / 1.1;
        assert_eq!(parse_int(&Cell::Number(big)).unwrap(), Some(3_500_000));
        assert_eq!(
            parse_int(&Cell::Number(12_345_678.000_000_002)).unwrap(),
            Some(12_345_678)
        );
        // a fraction a person typed is not noise
        assert!(parse_int(&Cell::Number(3500.5)).is_err());
        assert!(parse_int(&Cell::Number(3500.001)).is_err());
        assert!(parse_int(&Cell::Number(1.0001)).is_err());
        assert!(parse_int(&Cell::Number(f64::NAN)).is_err());
        // the same figure written out as text by a program
        assert_eq!(parse_int(&t("3500.0000000000005")).unwrap(), Some(3500));
        assert_eq!(parse_int(&t("1959.9999999999998")).unwrap(), Some(1960));
        assert_eq!(parse_int(&t("3500.0")).unwrap(), Some(3500));
        assert!(parse_int(&t("3500.25")).is_err());
    }

    #[test]
    fn a_leading_zero_is_never_a_thousands_group() {
        assert!(parse_int(&t("0,500")).is_err());
        assert!(parse_int(&t("0.003")).is_err());
        assert_eq!(parse_decimal(&t("0,750")).unwrap(), Some(0.75));
        assert_eq!(parse_decimal(&t("0.750")).unwrap(), Some(0.75));
        assert_eq!(parse_decimal(&t("00.500")).unwrap(), Some(0.5));
    }

    #[test]
    fn counts_with_their_unit_and_a_ceiling() {
        let q = |s: &str| parse_count(&t(s), ITEM_UNITS, MAX_QUANTITY);
        assert_eq!(q("3 tin").unwrap(), Some(3));
        assert_eq!(q("3 (tin)").unwrap(), Some(3));
        assert_eq!(q("12 tin bài").unwrap(), Some(12));
        assert!(q("3 người").is_err());
        assert_eq!(
            q("5000000000000000000").unwrap_err().to_string(),
            "is larger than any report's row can count (1.000.000 at most): check the figure"
        );
        let r = |s: &str| parse_count(&t(s), REACH_UNITS, MAX_REACH);
        assert_eq!(r("1.200 lượt người").unwrap(), Some(1200));
        assert_eq!(r("1.200 người").unwrap(), Some(1200));
        assert!(r("1.200 tin").is_err());
    }

    #[test]
    fn minutes_as_numbers_and_times() {
        let m = |s: &str| parse_minutes(&t(s));
        assert_eq!(m("30 phút").unwrap(), Some(30.0));
        assert_eq!(m("2,5").unwrap(), Some(2.5));
        assert_eq!(m("12,25").unwrap(), Some(12.25));
        assert_eq!(m("1:30:00").unwrap(), Some(90.0));
        assert_eq!(m("0:15:00").unwrap(), Some(15.0));
        assert!(m("1:30").is_err());
        assert!(
            m("1,500")
                .unwrap_err()
                .to_string()
                .starts_with("could be 1.500 minutes or 1500 minutes")
        );
        assert!(m("1.500").is_err());
        assert_eq!(m("0.750").unwrap(), Some(0.75));
        assert_eq!(m("-0").unwrap(), Some(0.0));
        assert!(m("-0").unwrap().unwrap().is_sign_positive());
        // a cell Excel formats as a time holds minutes already
        assert_eq!(parse_minutes(&Cell::Minutes(90.0)).unwrap(), Some(90.0));
    }

    #[test]
    fn decimals_with_a_comma() {
        let n = |s: &str| parse_decimal(&t(s)).unwrap();
        assert_eq!(n("2,5"), Some(2.5));
        assert_eq!(n("2.5"), Some(2.5));
        assert_eq!(n("30 phút"), Some(30.0));
        assert_eq!(n("1.234,5"), Some(1234.5));
        assert_eq!(n("1.500"), Some(1500.0));
        assert_eq!(n("1,500"), Some(1500.0));
        assert_eq!(n("9 000,5"), Some(9000.5));
        assert!(parse_decimal(&t("2 3")).is_err());
        assert!(parse_decimal(&t("nửa giờ")).is_err());
        assert!(parse_decimal(&t("inf")).is_err());
    }

    #[test]
    fn why_a_value_is_refused_in_vietnamese() {
        use crate::i18n::Lang;
        let vi = |r: Result<Option<i64>, Msg>| r.unwrap_err().say(Lang::Vi);
        assert_eq!(
            vi(parse_int(&t("2 3"))),
            "không phải là một số nguyên duy nhất (dấu cách hoặc dấu xuống dòng đã tách nó ra)"
        );
        assert_eq!(vi(parse_int(&t("khoảng 500"))), "không phải là số nguyên");
        assert_eq!(
            vi(parse_int(&Cell::Number(1e20))),
            "quá lớn, không thể là một số đếm: hãy kiểm tra lại con số"
        );
        assert_eq!(
            vi(parse_count(
                &t("5000000000000000000"),
                ITEM_UNITS,
                MAX_QUANTITY
            )),
            "lớn hơn mức tối đa một dòng báo cáo có thể ghi (nhiều nhất 1.000.000): hãy kiểm tra lại con số"
        );
        assert_eq!(
            vi(parse_int(&t("#REF!"))),
            "là lỗi của bảng tính, không phải là số: hãy sửa công thức trong Excel hoặc LibreOffice, lưu lại tệp rồi gửi lại"
        );
        assert_eq!(
            parse_minutes(&t("1,500")).unwrap_err().say(Lang::Vi),
            "có thể là 1,5 phút hoặc 1500 phút: hãy ghi 1500 nếu là 1500 phút, hoặc 1,5 nếu ít hơn"
        );
        assert_eq!(
            parse_minutes(&t("1,500")).unwrap_err().say(Lang::En),
            "could be 1.500 minutes or 1500 minutes: write 1500 for 1500 minutes, or 1,5 for less"
        );
    }
}
