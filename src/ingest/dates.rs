//! Reading dates as the report means them: `dd/mm/yyyy` (Vietnamese
//! order), ISO dates and date-times (an offset counts on its local date, the
//! date as written), `tháng 7/2023`, and Excel serials in the workbook's own
//! date system (1900, or 1904 for workbooks saved by Excel for Mac). A date
//! column is read day-first unless its dates only make sense month-first
//! and then all fit the report's period (a file saved on a US-locale
//! Windows): decided per column, never per cell. Every item date must fall
//! in the report's activity window.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use super::cell::{Cell, DateSystem};
use super::reason::{Problem, ReasonCode};
use crate::domain::{DatePrecision, MONTH_NAMES, Period};
use crate::text::strip_marks_lower;

/// The order of day and month in a column's `a/b/yyyy` dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum DateOrder {
    /// `dd/mm/yyyy`, as Vietnamese write dates.
    #[default]
    DayFirst,
    /// `mm/dd/yyyy`: only when no other reading makes sense of the column.
    MonthFirst,
    /// The column has dates that only make sense month-first and others
    /// that only make sense day-first: a date whose reading depends on the
    /// order is refused.
    Mixed,
}

/// How to read one column of dates.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct DateReading {
    pub system: DateSystem,
    pub order: DateOrder,
}

static SLASHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?: \d{1,2}:\d{2}(?::\d{2})?(?: ?[ap]m)?)?$",
    )
    .expect("regex")
});
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    // a date, or a date-time with an optional fraction and offset: the
    // offset says which local time the date is in, and that date counts
    Regex::new(
        r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?: ?(?:z|[+-]\d{2}(?::?\d{2})?))?)?$",
    )
    .expect("regex")
});
static SPELLED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})$").expect("regex"));
static ISO_MONTH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})-(\d{1,2})$").expect("regex"));
/// A month or a day without its year (`Tháng 7`, `5/7`): the report's.
static NO_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:thang ?|t)(\d{1,2})|(\d{1,2})[/.-](\d{1,2}))$").expect("regex")
});
static MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:thang ?|t)?(\d{1,2}) ?(?:/|-|nam) ?(\d{4})$").expect("regex")
});

/// The matching form of a date cell's text: no case or marks, single
/// spaces, no day of the week or `ngày` before it (`Thứ Tư, 05/07/2023`,
/// `ngày 5/7/2023`, `Thứ 4, ngày 5/7/2023`).
fn key(text: &str) -> String {
    static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:(?:thu (?:hai|ba|tu|nam|sau|bay|[2-7])|chu nhat|cn|t[2-7])[ ,.-]+)?(?:ngay[ ,.:-]*)?(\d{1,2}[/.-])")
            .expect("regex")
    });
    let s = strip_marks_lower(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    match WEEKDAY.captures(&s) {
        Some(c) => s[c.get(1).map_or(0, |m| m.start())..].to_string(),
        None => s,
    }
}

fn year4(y: &str) -> i32 {
    let y: i32 = y.parse().unwrap_or(0);
    if y < 100 { 2000 + y } else { y }
}

/// `a/b/yyyy` with both orders possible: the two numbers and the year.
fn slashed(text: &str) -> Option<(u32, u32, i32)> {
    let c = SLASHED.captures(text)?;
    Some((c[1].parse().ok()?, c[2].parse().ok()?, year4(&c[3])))
}

fn ymd(y: i32, m: u32, d: u32) -> Result<NaiveDate, String> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| "is not a real date".to_string())
}

/// Parses a date cell day-first, with Excel serials counted from 1900: for
/// dates outside a table (the received date). `Err` carries the end of a
/// sentence that starts with the cell's text ("is not a real date").
pub(super) fn parse_date(cell: &Cell) -> Result<Option<(NaiveDate, DatePrecision)>, String> {
    parse_with(cell, DateSystem::Excel1900, DateOrder::DayFirst)
}

fn parse_with(
    cell: &Cell,
    system: DateSystem,
    order: DateOrder,
) -> Result<Option<(NaiveDate, DatePrecision)>, String> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Date(d) => Ok(Some((*d, DatePrecision::Day))),
        Cell::Number(n) => system
            .serial_to_date(*n)
            .filter(|d| (1990..=2100).contains(&d.year()))
            .map(|d| Some((d, DatePrecision::Day)))
            .ok_or_else(|| "is not a date (a number that is not an Excel date serial)".into()),
        Cell::Bool(_) => Err("is not a date".into()),
        Cell::Formula(_) => Err(FORMULA.into()),
        Cell::Minutes(_) => Err("is a time of day, not a date".into()),
        Cell::Text(t) => {
            // a year has at most 366 distinct dates: each distinct text is
            // read once per thread, for each order and date system
            thread_local! {
                static DATES: crate::memo::Cache<Parsed> = Default::default();
            }
            let memo_key = format!("{}{}{t}", order as u8, system as u8);
            crate::memo::cached(&DATES, &memo_key, || parse_text(t, system, order))
        }
    }
}

/// A date cell's reading: the day (or month) or the end of a sentence that
/// says why not.
type Parsed = Result<Option<(NaiveDate, DatePrecision)>, String>;

/// [`parse_with`] for a cell of text.
fn parse_text(t: &str, system: DateSystem, order: DateOrder) -> Parsed {
    let s = key(t);
    if s.is_empty() {
        return Ok(None);
    }
    if let Some((a, b, y)) = slashed(&s) {
        let (d, m) = match order {
            DateOrder::MonthFirst => (b, a),
            DateOrder::DayFirst | DateOrder::Mixed => (a, b),
        };
        return ymd(y, m, d).map(|d| Some((d, DatePrecision::Day)));
    }
    if let Some(c) = ISO.captures(&s) {
        let d = ymd(
            year4(&c[1]),
            c[2].parse().unwrap_or(0),
            c[3].parse().unwrap_or(0),
        )?;
        return Ok(Some((d, DatePrecision::Day)));
    }
    if let Some(c) = SPELLED.captures(&s) {
        let d = ymd(
            year4(&c[3]),
            c[2].parse().unwrap_or(0),
            c[1].parse().unwrap_or(0),
        )?;
        return Ok(Some((d, DatePrecision::Day)));
    }
    if let Some(c) = ISO_MONTH.captures(&s) {
        let d = ymd(year4(&c[1]), c[2].parse().unwrap_or(0), 1)
            .map_err(|_| "is not a real month".to_string())?;
        return Ok(Some((d, DatePrecision::Month)));
    }
    if let Some(c) = MONTH.captures(&s) {
        let d = ymd(year4(&c[2]), c[1].parse().unwrap_or(0), 1)
            .map_err(|_| "is not a real month".to_string())?;
        return Ok(Some((d, DatePrecision::Month)));
    }
    // an Excel serial written out as text, with its time or not
    let (whole, fraction) = s.split_once('.').unwrap_or((&s, "0"));
    if whole.len() == 5
        && whole.chars().all(|c| c.is_ascii_digit())
        && fraction.chars().all(|c| c.is_ascii_digit())
    {
        let n: f64 = s.parse().unwrap_or(0.0);
        return parse_with(&Cell::Number(n), system, order);
    }
    Err("is not a date: write dd/mm/yyyy, yyyy-mm-dd or tháng 7/2023".into())
}

/// The end of the sentence for a formula cell Excel never calculated.
pub(super) const FORMULA: &str = "is a formula with no stored result (the workbook was saved without calculating it): open the file in Excel, let it calculate, save it again and resend it";

/// What a column's `a/b/yyyy` dates say about their order, and the note
/// for the file's summary when they are read month-first.
pub(super) fn column_order(cells: &[&Cell], period: Period) -> (DateOrder, Option<String>) {
    let window = period.activity_window();
    let fits = |y: i32, m: u32, d: u32| {
        NaiveDate::from_ymd_opt(y, m, d).is_some_and(|d| d >= window.0 && d <= window.1)
    };
    let pairs: Vec<(u32, u32, i32)> = cells
        .iter()
        .filter_map(|c| match c {
            Cell::Text(t) => slashed(&key(t)),
            _ => None,
        })
        .collect();
    let day_first = pairs.iter().all(|&(a, b, y)| fits(y, b, a));
    if day_first {
        return (DateOrder::DayFirst, None);
    }
    let month_first = pairs.iter().all(|&(a, b, y)| fits(y, a, b));
    if month_first {
        let wrong = pairs.iter().filter(|&&(a, b, y)| !fits(y, b, a)).count();
        return (
            DateOrder::MonthFirst,
            Some(format!(
                "dates read month-first (mm/dd/yyyy, as a US-locale Windows writes them): read day-first, {wrong} of {} would be impossible or outside {period} ({}); month-first, every one fits",
                pairs.len(),
                period.describe_window()
            )),
        );
    }
    let only_month_first = pairs
        .iter()
        .any(|&(a, b, y)| fits(y, a, b) && !fits(y, b, a));
    if only_month_first {
        (DateOrder::Mixed, None)
    } else {
        (DateOrder::DayFirst, None)
    }
}

/// Reads an item's date as its column says and checks it against the
/// report's activity window.
pub(super) fn read_item_date(
    cell: &Cell,
    reading: DateReading,
    period: Period,
) -> Result<(NaiveDate, DatePrecision), Problem> {
    let (start, end) = period.activity_window();
    let inside = |d: NaiveDate| d >= start && d <= end;
    if reading.order == DateOrder::Mixed
        && let Cell::Text(t) = cell
        && let Some((a, b, y)) = slashed(&key(t))
    {
        let day_first = NaiveDate::from_ymd_opt(y, b, a).filter(|d| inside(*d));
        let month_first = NaiveDate::from_ymd_opt(y, a, b).filter(|d| inside(*d));
        match (day_first, month_first) {
            (Some(d), Some(m)) if d != m => {
                return Err(Problem::new(
                    ReasonCode::DateMonthFirstAmbiguous,
                    format!(
                        "the activity date '{cell}' could be {} or {}, and its column has dates written both day-first and month-first: write it as dd/mm/yyyy",
                        long_date(d),
                        long_date(m)
                    ),
                ));
            }
            (None, Some(m)) => {
                return Err(Problem::new(
                    ReasonCode::DateMonthFirstAmbiguous,
                    format!(
                        "the activity date '{cell}' only makes sense month-first ({}), but other dates in its column are day-first: write every date as dd/mm/yyyy",
                        long_date(m)
                    ),
                ));
            }
            _ => {}
        }
    }
    // a month or a day without its year is in the report's period, if it
    // fits there at all (a January report's window starts in December)
    if let Cell::Text(t) = cell
        && let Some(c) = NO_YEAR.captures(&key(t))
    {
        let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let (month, day, precision) = match (num(1), num(2), num(3)) {
            (Some(m), _, _) => (m, 1, DatePrecision::Month),
            (_, Some(a), Some(b)) if reading.order == DateOrder::MonthFirst => {
                (a, b, DatePrecision::Day)
            }
            (_, Some(a), Some(b)) => (b, a, DatePrecision::Day),
            _ => (0, 0, DatePrecision::Day),
        };
        let years = [end.year(), start.year()];
        let found = years.iter().find_map(|&y| {
            let d = NaiveDate::from_ymd_opt(y, month, day)?;
            let last = match precision {
                DatePrecision::Day => d,
                DatePrecision::Month => Period::Month { year: y, month }.bounds().1,
            };
            (last >= start && d <= end).then_some(d)
        });
        return found.map(|d| (d, precision)).ok_or_else(|| {
            Problem::new(
                ReasonCode::DateInvalid,
                format!(
                    "the activity date '{cell}' has no year, and no such day falls in the period this file reports on, {period} ({}): write dd/mm/yyyy",
                    period.describe_window()
                ),
            )
        });
    }
    let (date, precision) = match parse_with(cell, reading.system, reading.order) {
        Ok(Some(d)) => d,
        Ok(None) => {
            return Err(Problem::new(
                ReasonCode::DateMissing,
                "the activity date is missing",
            ));
        }
        Err(why) if matches!(cell, Cell::Formula(_)) => {
            return Err(Problem::new(
                ReasonCode::CellFormulaWithoutValue,
                format!("the activity date {why}"),
            ));
        }
        Err(why) => {
            return Err(Problem::new(
                ReasonCode::DateInvalid,
                format!("the activity date '{cell}' {why}"),
            ));
        }
    };
    // a month-precision date stands for its whole month
    let last = match precision {
        DatePrecision::Day => date,
        DatePrecision::Month => {
            Period::Month {
                year: date.year(),
                month: date.month(),
            }
            .bounds()
            .1
        }
    };
    if last < start || date > end {
        let shown = match precision {
            DatePrecision::Day => long_date(date),
            DatePrecision::Month => {
                format!("{} {}", MONTH_NAMES[date.month0() as usize], date.year())
            }
        };
        return Err(Problem::new(
            ReasonCode::DateOutsidePeriod,
            format!(
                "the activity date '{cell}' ({shown}) is outside the period this file reports on, {period} (items dated {}): check the date, or send the item with the report for its own period",
                period.describe_window()
            ),
        ));
    }
    Ok((date, precision))
}

/// `6 July 2023`.
fn long_date(d: NaiveDate) -> String {
    format!(
        "{} {} {}",
        d.day(),
        MONTH_NAMES[d.month0() as usize],
        d.year()
    )
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
    const JULY: Period = Period::Month {
        year: 2023,
        month: 7,
    };

    #[test]
    fn dates_in_vietnamese_and_iso_forms() {
        let day = |s: &str| parse_date(&t(s)).unwrap().unwrap();
        assert_eq!(day("05/07/2023"), (d(2023, 7, 5), DatePrecision::Day));
        assert_eq!(day("5/7/2023"), (d(2023, 7, 5), DatePrecision::Day));
        assert_eq!(day("5/7/23"), (d(2023, 7, 5), DatePrecision::Day));
        assert_eq!(day("05/07/2023 14:30"), (d(2023, 7, 5), DatePrecision::Day));
        assert_eq!(day("2023-07-05"), (d(2023, 7, 5), DatePrecision::Day));
        assert_eq!(
            day("2023-07-05 08:30:00"),
            (d(2023, 7, 5), DatePrecision::Day)
        );
        assert_eq!(
            day("ngày 5 tháng 7 năm 2023"),
            (d(2023, 7, 5), DatePrecision::Day)
        );
        assert_eq!(day("tháng 7/2023"), (d(2023, 7, 1), DatePrecision::Month));
        assert_eq!(
            day("Tháng 07 năm 2023"),
            (d(2023, 7, 1), DatePrecision::Month)
        );
        assert_eq!(day("07/2023"), (d(2023, 7, 1), DatePrecision::Month));
        // Excel serial 45112 is 2023-07-05, as text and as a number
        assert_eq!(day("45112"), (d(2023, 7, 5), DatePrecision::Day));
        assert_eq!(
            parse_date(&Cell::Number(45112.0)).unwrap().unwrap().0,
            d(2023, 7, 5)
        );
        assert_eq!(parse_date(&t("  ")).unwrap(), None);
    }

    #[test]
    fn a_date_time_with_an_offset_counts_on_its_local_date() {
        let day = |s: &str| parse_date(&t(s)).unwrap().unwrap().0;
        // 06:30 in Hà Nội is 23:30 the day before in UTC: the local date counts
        assert_eq!(day("2023-07-01T06:30:00.000+07:00"), d(2023, 7, 1));
        assert_eq!(day("2023-07-31T23:40:00+07:00"), d(2023, 7, 31));
        assert_eq!(day("2023-07-14T15:05:12.431+0700"), d(2023, 7, 14));
        assert_eq!(day("2023-07-14T15:05:12Z"), d(2023, 7, 14));
        assert_eq!(day("2023-07-14T15:05-05"), d(2023, 7, 14));
        assert!(parse_date(&t("2023-07-14T15:05:12+07:00 rồi")).is_err());
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
    fn dates_without_a_year_or_with_a_weekday() {
        let read = |s: &str| {
            read_item_date(&t(s), DateReading::default(), JULY).map(|(d, p)| (d.to_string(), p))
        };
        assert_eq!(
            read("Tháng 7").unwrap(),
            ("2023-07-01".into(), DatePrecision::Month)
        );
        assert_eq!(
            read("T6").unwrap(),
            ("2023-06-01".into(), DatePrecision::Month)
        );
        assert_eq!(
            read("5/7").unwrap(),
            ("2023-07-05".into(), DatePrecision::Day)
        );
        assert_eq!(
            read("2023-07").unwrap(),
            ("2023-07-01".into(), DatePrecision::Month)
        );
        for written in ["Thứ 4, ngày 5/7/2023", "ngày 05/07/2023", "Ngày: 5/7/2023"] {
            assert_eq!(
                read(written).unwrap(),
                ("2023-07-05".into(), DatePrecision::Day),
                "{written}"
            );
        }
        assert_eq!(
            read("Thứ Tư, 05/07/2023").unwrap(),
            ("2023-07-05".into(), DatePrecision::Day)
        );
        assert_eq!(
            read("CN 09/07/2023").unwrap(),
            ("2023-07-09".into(), DatePrecision::Day)
        );
        assert_eq!(read("Tháng 9").unwrap_err().code, ReasonCode::DateInvalid);
        // a January report reaches back into December of the year before
        let january = Period::Month {
            year: 2024,
            month: 1,
        };
        let (d, _) = read_item_date(&t("20/12"), DateReading::default(), january).unwrap();
        assert_eq!(d.to_string(), "2023-12-20");
    }

    #[test]
    fn serials_follow_the_workbooks_date_system() {
        // the same serial is 1,462 days later in the 1904 system
        assert_eq!(
            DateSystem::Excel1900.serial_to_date(45112.0),
            Some(d(2023, 7, 5))
        );
        assert_eq!(
            DateSystem::Excel1904.serial_to_date(43650.0),
            Some(d(2023, 7, 5))
        );
        assert_eq!(
            DateSystem::Excel1904.serial_to_date(45112.0),
            Some(d(2027, 7, 6))
        );
        assert_eq!(
            DateSystem::Excel1904.serial_to_date(0.0),
            Some(d(1904, 1, 1))
        );
        assert_eq!(DateSystem::Excel1900.serial_to_date(0.0), None);
        assert_eq!(DateSystem::Excel1900.serial_to_date(f64::NAN), None);
    }

    #[test]
    fn the_column_decides_month_first_never_the_cell() {
        let cells = |v: &[&str]| v.iter().map(|s| t(s)).collect::<Vec<_>>();
        let order = |v: &[Cell]| column_order(&v.iter().collect::<Vec<_>>(), JULY).0;
        // Vietnamese order: every date fits day-first
        assert_eq!(
            order(&cells(&["05/07/2023", "28/07/2023"])),
            DateOrder::DayFirst
        );
        // a US-locale file: 7/28 only makes sense month-first, and then all fit
        let us = cells(&["7/5/2023", "7/28/2023", "6/30/2023"]);
        assert_eq!(order(&us), DateOrder::MonthFirst);
        let (_, note) = column_order(&us.iter().collect::<Vec<_>>(), JULY);
        assert_eq!(
            note.unwrap(),
            "dates read month-first (mm/dd/yyyy, as a US-locale Windows writes them): read day-first, 3 of 3 would be impossible or outside 2023-07 (1 June to 31 July 2023); month-first, every one fits"
        );
        // 7/5 alone is 7 May day-first (outside July's report) and 5 July month-first
        assert_eq!(order(&cells(&["7/5/2023"])), DateOrder::MonthFirst);
        // both orders in one column
        assert_eq!(
            order(&cells(&["7/28/2023", "15/07/2023", "6/7/2023"])),
            DateOrder::Mixed
        );
        // neither order makes the column fit, and nothing is month-first only
        assert_eq!(
            order(&cells(&["05/07/2023", "05/09/2023"])),
            DateOrder::DayFirst
        );
        // real dates and ISO text do not take part
        assert_eq!(
            order(&[Cell::Date(d(2023, 7, 5)), t("2023-07-28")]),
            DateOrder::DayFirst
        );
    }

    #[test]
    fn item_dates_must_fit_the_period() {
        let read = |s: &str, order| {
            read_item_date(
                &t(s),
                DateReading {
                    system: DateSystem::Excel1900,
                    order,
                },
                JULY,
            )
        };
        assert_eq!(
            read("20/06/2023", DateOrder::DayFirst).unwrap().0,
            d(2023, 6, 20)
        );
        assert_eq!(
            read("31/07/2023", DateOrder::DayFirst).unwrap().0,
            d(2023, 7, 31)
        );
        assert_eq!(
            read("tháng 6/2023", DateOrder::DayFirst).unwrap().0,
            d(2023, 6, 1)
        );
        let out = read("05/07/2019", DateOrder::DayFirst).unwrap_err();
        assert_eq!(out.code, ReasonCode::DateOutsidePeriod);
        assert_eq!(
            out.text,
            "the activity date '05/07/2019' (5 July 2019) is outside the period this file reports on, 2023-07 (items dated 1 June to 31 July 2023): check the date, or send the item with the report for its own period"
        );
        let month = read("tháng 5/2023", DateOrder::DayFirst).unwrap_err();
        assert!(month.text.contains("(May 2023)"), "{}", month.text);
        assert_eq!(
            read("01/08/2023", DateOrder::DayFirst).unwrap_err().code,
            ReasonCode::DateOutsidePeriod
        );
        assert_eq!(
            read("7/28/2023", DateOrder::MonthFirst).unwrap().0,
            d(2023, 7, 28)
        );
        assert_eq!(
            read("31/02/2023", DateOrder::DayFirst).unwrap_err().code,
            ReasonCode::DateInvalid
        );
        assert_eq!(
            read("", DateOrder::DayFirst).unwrap_err().code,
            ReasonCode::DateMissing
        );
        let both = read("6/7/2023", DateOrder::Mixed).unwrap_err();
        assert_eq!(both.code, ReasonCode::DateMonthFirstAmbiguous);
        assert_eq!(
            both.text,
            "the activity date '6/7/2023' could be 6 July 2023 or 7 June 2023, and its column has dates written both day-first and month-first: write it as dd/mm/yyyy"
        );
        let us = read("7/28/2023", DateOrder::Mixed).unwrap_err();
        assert_eq!(us.code, ReasonCode::DateMonthFirstAmbiguous);
        assert_eq!(
            read("15/07/2023", DateOrder::Mixed).unwrap().0,
            d(2023, 7, 15)
        );
        // in a mixed column a date that reads the same both ways is fine
        assert_eq!(read("7/7/2023", DateOrder::Mixed).unwrap().0, d(2023, 7, 7));
        let formula = read_item_date(&Cell::Formula("B2+1".into()), DateReading::default(), JULY)
            .unwrap_err();
        assert_eq!(formula.code, ReasonCode::CellFormulaWithoutValue);
    }
}
