//! Reading cell values the way Vietnamese offices write them: dates as
//! `dd/mm/yyyy`, `tháng 7/2023` or Excel serials; whole numbers with `.` or
//! `,` as thousands separators (`1.234` is one thousand two hundred and
//! thirty-four); decimals with a comma. Each parser says why it refused.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::table::Cell;
use crate::text::strip_marks_lower;

/// Whether a date names a day or only a month (`tháng 7/2023`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Day,
    Month,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
        }
    }
}

/// Excel's day zero (serial 1 is 1900-01-01; the 1900 leap-year bug makes
/// 1899-12-30 the right origin for every serial after February 1900).
pub fn excel_serial_to_date(serial: f64) -> Option<NaiveDate> {
    if !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    let origin = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    origin.checked_add_days(chrono::Days::new(serial.floor() as u64))
}

fn ymd(y: i32, m: u32, d: u32) -> Result<NaiveDate, String> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| "is not a real date".to_string())
}

fn year4(y: &str) -> i32 {
    let y: i32 = y.parse().unwrap_or(0);
    if y < 100 { 2000 + y } else { y }
}

/// Parses an activity date cell. `Err` carries the end of a sentence that
/// starts with the cell's text ("is not a real date").
pub fn parse_date(cell: &Cell) -> Result<Option<(NaiveDate, Precision)>, String> {
    static DMY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$").unwrap());
    static YMD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?z?)?$",
        )
        .unwrap()
    });
    static SPELLED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})$").unwrap());
    static MONTH: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:thang ?|t)?(\d{1,2}) ?(?:/|-|nam) ?(\d{4})$").unwrap());
    match cell {
        Cell::Empty => Ok(None),
        Cell::Date(d) => Ok(Some((*d, Precision::Day))),
        Cell::Number(n) => excel_serial_to_date(*n)
            .filter(|d| (1990..=2100).contains(&chrono::Datelike::year(d)))
            .map(|d| Some((d, Precision::Day)))
            .ok_or_else(|| "is not a date (a number that is not an Excel date serial)".into()),
        Cell::Bool(_) => Err("is not a date".into()),
        Cell::Text(t) => {
            let s = strip_marks_lower(t)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if s.is_empty() {
                return Ok(None);
            }
            if let Some(c) = DMY.captures(&s) {
                let d = ymd(
                    year4(&c[3]),
                    c[2].parse().unwrap_or(0),
                    c[1].parse().unwrap_or(0),
                )?;
                return Ok(Some((d, Precision::Day)));
            }
            if let Some(c) = YMD.captures(&s) {
                let d = ymd(
                    year4(&c[1]),
                    c[2].parse().unwrap_or(0),
                    c[3].parse().unwrap_or(0),
                )?;
                return Ok(Some((d, Precision::Day)));
            }
            if let Some(c) = SPELLED.captures(&s) {
                let d = ymd(
                    year4(&c[3]),
                    c[2].parse().unwrap_or(0),
                    c[1].parse().unwrap_or(0),
                )?;
                return Ok(Some((d, Precision::Day)));
            }
            if let Some(c) = MONTH.captures(&s) {
                let d = ymd(year4(&c[2]), c[1].parse().unwrap_or(0), 1)
                    .map_err(|_| "is not a real month".to_string())?;
                return Ok(Some((d, Precision::Month)));
            }
            if s.chars().all(|c| c.is_ascii_digit()) && s.len() == 5 {
                let n: f64 = s.parse().unwrap_or(0.0);
                return parse_date(&Cell::Number(n));
            }
            Err("is not a date: write dd/mm/yyyy, yyyy-mm-dd or tháng 7/2023".into())
        }
    }
}

/// A whole number as offices write it: `12`, `1.234`, `1,234`, `1 234`,
/// or an Excel number with no fraction.
pub fn parse_int(cell: &Cell) -> Result<Option<i64>, String> {
    static GROUPED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^-?\d{1,3}(?:([.,])\d{3})(?:[.,]\d{3})*$").unwrap());
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => Ok(Some(*n as i64)),
        Cell::Number(_) => Err("is not a whole number".into()),
        Cell::Bool(_) | Cell::Date(_) => Err("is not a number".into()),
        Cell::Text(t) => {
            let s: String = t.chars().filter(|c| !c.is_whitespace()).collect();
            if s.is_empty() {
                return Ok(None);
            }
            if let Ok(n) = s.parse::<i64>() {
                return Ok(Some(n));
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
                        .map_err(|_| "is too large".into());
                }
            }
            Err("is not a whole number".into())
        }
    }
}

/// A decimal number: `2,5` (Vietnamese) and `2.5` both mean two and a half,
/// `1.234,5` is one thousand two hundred and thirty-four and a half; a
/// trailing unit (`30 phút`) is ignored.
pub fn parse_decimal(cell: &Cell) -> Result<Option<f64>, String> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(n) => Ok(Some(*n)),
        Cell::Bool(_) | Cell::Date(_) => Err("is not a number".into()),
        Cell::Text(t) => {
            if let Ok(Some(n)) = parse_int(cell) {
                return Ok(Some(n as f64));
            }
            let lower = strip_marks_lower(t);
            let s = lower
                .trim()
                .trim_end_matches("phut")
                .trim_end_matches("minutes")
                .trim_end_matches("min");
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            if s.is_empty() {
                return Ok(None);
            }
            let normalised = match (s.rfind(','), s.rfind('.')) {
                (Some(c), Some(d)) if c > d => s.replace('.', "").replace(',', "."),
                (Some(_), Some(_)) => s.replace(',', ""),
                (Some(_), None) => s.replace(',', "."),
                _ => s.clone(),
            };
            normalised
                .parse::<f64>()
                .ok()
                .filter(|f| f.is_finite())
                .map(Some)
                .ok_or_else(|| "is not a number".into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }
    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_in_vietnamese_and_iso_forms() {
        let day = |s: &str| parse_date(&t(s)).unwrap().unwrap();
        assert_eq!(day("05/07/2023"), (d(2023, 7, 5), Precision::Day));
        assert_eq!(day("5/7/2023"), (d(2023, 7, 5), Precision::Day));
        assert_eq!(day("2023-07-05"), (d(2023, 7, 5), Precision::Day));
        assert_eq!(day("2023-07-05 08:30:00"), (d(2023, 7, 5), Precision::Day));
        assert_eq!(
            day("ngày 5 tháng 7 năm 2023"),
            (d(2023, 7, 5), Precision::Day)
        );
        assert_eq!(day("tháng 7/2023"), (d(2023, 7, 1), Precision::Month));
        assert_eq!(day("Tháng 07 năm 2023"), (d(2023, 7, 1), Precision::Month));
        assert_eq!(day("07/2023"), (d(2023, 7, 1), Precision::Month));
        // Excel serial 45112 is 2023-07-05, as text and as a number
        assert_eq!(day("45112"), (d(2023, 7, 5), Precision::Day));
        assert_eq!(
            parse_date(&Cell::Number(45112.0)).unwrap().unwrap().0,
            d(2023, 7, 5)
        );
        assert_eq!(parse_date(&t("  ")).unwrap(), None);
    }

    #[test]
    fn impossible_dates_are_refused_with_a_reason() {
        assert_eq!(
            parse_date(&t("31/02/2023")).unwrap_err(),
            "is not a real date"
        );
        assert_eq!(
            parse_date(&t("13/2023")).unwrap_err(),
            "is not a real month"
        );
        assert!(
            parse_date(&t("hôm qua"))
                .unwrap_err()
                .starts_with("is not a date")
        );
        assert!(parse_date(&Cell::Number(12.0)).is_err());
    }

    #[test]
    fn whole_numbers_with_vietnamese_and_english_grouping() {
        let n = |s: &str| parse_int(&t(s)).unwrap();
        assert_eq!(n("12"), Some(12));
        assert_eq!(n("1.234"), Some(1234));
        assert_eq!(n("1,234"), Some(1234));
        assert_eq!(n("12.345.678"), Some(12_345_678));
        assert_eq!(n("1 234"), Some(1234));
        assert_eq!(n("-3"), Some(-3));
        assert_eq!(n(""), None);
        assert_eq!(parse_int(&Cell::Number(7.0)).unwrap(), Some(7));
        assert!(parse_int(&t("1.5")).is_err());
        assert!(parse_int(&t("1.234,5")).is_err());
        assert!(parse_int(&t("abc")).is_err());
        assert!(parse_int(&Cell::Number(2.5)).is_err());
    }

    #[test]
    fn decimals_with_a_comma() {
        let n = |s: &str| parse_decimal(&t(s)).unwrap();
        assert_eq!(n("2,5"), Some(2.5));
        assert_eq!(n("2.5"), Some(2.5));
        assert_eq!(n("30 phút"), Some(30.0));
        assert_eq!(n("1.234,5"), Some(1234.5));
        assert_eq!(n("1.500"), Some(1500.0));
        assert!(parse_decimal(&t("nửa giờ")).is_err());
    }
}
