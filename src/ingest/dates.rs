//! Reading dates as the report means them: `dd/mm/yyyy` (Vietnamese
//! order), ISO dates and date-times (a date-time with an offset or `Z` is
//! turned into Việt Nam time, UTC+7, before its date is taken), dates as
//! spreadsheets export them (`5-Jul-23`, `Jul 5, 2023`, `5 thg 7, 2023`),
//! `tháng 7/2023`, and Excel serials in the workbook's own date system
//! (1900, or 1904 for workbooks saved by Excel for Mac). A date column is
//! read day-first unless its dates only make sense month-first and then
//! all fit the report's period (a file saved on a US-locale Windows):
//! decided per column, never per cell; and where its text dates prove it
//! was typed day-first, its real date cells that a spreadsheet set to
//! another locale turned round are read as typed, or refused. Every item
//! date must fall in the report's activity window.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use super::cell::{Cell, DateSystem};
use super::reason::{Problem, ReasonCode};
use crate::domain::{DatePrecision, Period};
use crate::i18n::Msg;
use crate::msg;
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

/// What to do with a column's real date cells whose day and month a
/// spreadsheet set to another locale may have turned round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum Swapped {
    /// Nothing proves it: real dates are what they are.
    #[default]
    No,
    /// The column's text dates prove it was typed day-first, and reading
    /// its real dates as typed puts every date of it in the period.
    ReadAsTyped,
    /// Typed day-first, but the column does not settle it: a real date
    /// whose day could be its month is refused.
    Refuse,
}

/// How to read one column of dates.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct DateReading {
    pub system: DateSystem,
    pub order: DateOrder,
    pub swapped: Swapped,
}

static SLASHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?: \d{1,2}:\d{2}(?::\d{2})?(?: ?[ap]m)?)?$",
    )
    .expect("regex")
});
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    // a date, or a date-time with an optional fraction and offset: a
    // moment with an offset is turned into Việt Nam time (UTC+7)
    Regex::new(
        r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ t](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?: ?(z|[+-]\d{2}(?::?\d{2})?))?)?$",
    )
    .expect("regex")
});
/// A day, a month's name and a year (`5-Jul-23`, `05 July 2023`, `5 thg
/// 7, 2023`, `05-Th7-23`), or a month's name, a day and a year (`Jul 5,
/// 2023`), as spreadsheets export dates.
static NAMED_DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,2})[- ./]+([a-z]+\.?(?: [a-z]+){0,2}(?: ?\d{1,2})?)[- ./,]+(\d{4}|\d{2})$")
        .expect("regex")
});
/// A moment as .NET and PowerShell's `ConvertTo-Json` write it:
/// `/Date(1690846200000)/`, milliseconds since 1970 in UTC, with an
/// optional offset (`/Date(1690846200000+0700)/`) that does not move it.
static DOTNET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\\?/date\((-?\d{1,15})(?:[+-]\d{4})?\)\\?/$").expect("regex"));
static NAMED_MDY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([a-z]+)\.? (\d{1,2}),? (\d{4}|\d{2})$").expect("regex"));
static SPELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:ngay )?(\d{1,2}) thang (\d{1,2}),? nam (\d{4})$").expect("regex")
});
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
    // Excel's long date on an English Windows: `Wednesday, July 5, 2023`
    static ENGLISH_WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thurs?|fri|sat|sun)\.?,? (.+)$")
            .expect("regex")
    });
    let s = match ENGLISH_WEEKDAY.captures(&s) {
        Some(c) => c[1].to_string(),
        None => s,
    };
    match WEEKDAY.captures(&s) {
        Some(c) => s[c.get(1).map_or(0, |m| m.start())..].to_string(),
        None => s,
    }
}

/// The month a name says: English (`jul`, `july`), or Vietnamese as
/// spreadsheets abbreviate it (`thg 7`, `th7`, `t7`, `thang 7`) or spell it
/// (`thang bay`), after folding.
fn month_named(name: &str) -> Option<u32> {
    const ENGLISH: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    const SPELT: [&str; 12] = [
        "gieng", "hai", "ba", "tu", "nam", "sau", "bay", "tam", "chin", "muoi", "muoi mot",
        "muoi hai",
    ];
    let n = name.trim_end_matches('.').trim();
    if let Some(i) = ENGLISH
        .iter()
        .position(|m| *m == n)
        .or_else(|| FULL.iter().position(|m| *m == n))
    {
        return Some(i as u32 + 1);
    }
    if n == "sept" {
        return Some(9);
    }
    let number = ["thang", "thg", "th", "t"]
        .iter()
        .find_map(|p| n.strip_prefix(p))
        .map(str::trim)?;
    match number.parse::<u32>() {
        Ok(m) if (1..=12).contains(&m) => Some(m),
        Ok(_) => None,
        Err(_) => SPELT
            .iter()
            .position(|m| *m == number)
            .map(|i| i as u32 + 1)
            .or((number == "chap").then_some(12)),
    }
}

/// Việt Nam's offset from UTC, in seconds.
const VIETNAM: i64 = 7 * 3600;

/// The Việt Nam date of a moment written with an offset (`z`, `+07:00`,
/// `-0500`, `+07`) at `hour:minute:second` on `day`.
fn vietnam_date(day: NaiveDate, (h, m, s): (u32, u32, u32), offset: &str) -> Option<NaiveDate> {
    let offset_seconds = match offset {
        "z" => 0,
        o => {
            let sign = if o.starts_with('-') { -1 } else { 1 };
            let digits: String = o[1..].chars().filter(char::is_ascii_digit).collect();
            let hours: i64 = digits.get(..2)?.parse().ok()?;
            let minutes: i64 = digits.get(2..4).map_or(Ok(0), str::parse).ok()?;
            sign * (hours * 3600 + minutes * 60)
        }
    };
    let seconds = h as i64 * 3600 + m as i64 * 60 + s as i64 - offset_seconds + VIETNAM;
    day.checked_add_signed(chrono::TimeDelta::days(seconds.div_euclid(86_400)))
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

fn ymd(y: i32, m: u32, d: u32) -> Result<NaiveDate, Msg> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| msg!("date-not-real"))
}

/// Parses a date cell day-first, with Excel serials counted from 1900: for
/// dates outside a table (the received date). `Err` carries the end of a
/// sentence that starts with the cell's text ("is not a real date").
pub(super) fn parse_date(cell: &Cell) -> Parsed {
    parse_with(cell, DateSystem::Excel1900, DateOrder::DayFirst)
}

fn parse_with(cell: &Cell, system: DateSystem, order: DateOrder) -> Parsed {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Date(d) => Ok(Some((*d, DatePrecision::Day))),
        Cell::Number(n) => system
            .serial_to_date(*n)
            .filter(|d| (1990..=2100).contains(&d.year()))
            .map(|d| Some((d, DatePrecision::Day)))
            .ok_or_else(|| msg!("date-not-a-serial")),
        Cell::Bool(_) => Err(msg!("date-not-a-date")),
        Cell::Formula(_) => Err(formula()),
        Cell::Minutes(_) => Err(msg!("date-time-of-day")),
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
type Parsed = Result<Option<(NaiveDate, DatePrecision)>, Msg>;

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
        let num = |i: usize| {
            c.get(i)
                .map_or(0, |m| m.as_str().parse::<u32>().unwrap_or(0))
        };
        let d = match c.get(7) {
            Some(offset) if num(4) < 24 && num(5) < 60 && num(6) < 61 => {
                vietnam_date(d, (num(4), num(5), num(6)), offset.as_str())
                    .ok_or_else(|| msg!("date-not-real"))?
            }
            Some(_) => return Err(msg!("date-not-a-real-time")),
            None => d,
        };
        return Ok(Some((d, DatePrecision::Day)));
    }
    if let Some(c) = DOTNET.captures(&s) {
        let ms: i64 = c[1].parse().map_err(|_| msg!("date-not-real"))?;
        let d = chrono::DateTime::from_timestamp_millis(ms + VIETNAM * 1000)
            .map(|t| t.date_naive())
            .ok_or_else(|| msg!("date-not-real"))?;
        return Ok(Some((d, DatePrecision::Day)));
    }
    if let Some(c) = NAMED_DMY.captures(&s)
        && let Some(month) = month_named(&c[2])
    {
        let d = ymd(year4(&c[3]), month, c[1].parse().unwrap_or(0))?;
        return Ok(Some((d, DatePrecision::Day)));
    }
    if let Some(c) = NAMED_MDY.captures(&s)
        && let Some(month) = month_named(&c[1])
    {
        let d = ymd(year4(&c[3]), month, c[2].parse().unwrap_or(0))?;
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
            .map_err(|_| msg!("date-not-a-real-month"))?;
        return Ok(Some((d, DatePrecision::Month)));
    }
    if let Some(c) = MONTH.captures(&s) {
        let d = ymd(year4(&c[2]), c[1].parse().unwrap_or(0), 1)
            .map_err(|_| msg!("date-not-a-real-month"))?;
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
    Err(msg!("date-unreadable"))
}

/// The end of the sentence for a formula cell Excel never calculated.
pub(super) fn formula() -> Msg {
    msg!("ingest-cell-formula")
}

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
            Some(
                msg!(
                    "date-note-month-first",
                    wrong = wrong,
                    total = pairs.len(),
                    period = period.said(),
                    window = window_of(period)
                )
                .to_string(),
            ),
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

/// Whether a column's real date cells were turned round by a spreadsheet
/// set to another locale, and the note for the file's summary. Its text
/// dates prove the column was typed day-first when one of them only makes
/// sense day-first (`13/07/2023`, which a month-first spreadsheet could
/// not read, and so kept as text); then each real date whose day could be
/// a month (7 May, typed `05/07`) was read month-first by that spreadsheet.
/// Read as typed (5 July) when that puts every date of the column in the
/// period; refused otherwise.
pub(super) fn swapped_dates(cells: &[&Cell], period: Period) -> (Swapped, Option<String>) {
    let (start, end) = period.activity_window();
    let inside = |d: NaiveDate| d >= start && d <= end;
    let typed_day_first = cells.iter().any(|c| match c {
        Cell::Text(t) => slashed(&key(t)).is_some_and(|(a, b, _)| a > 12 && b <= 12),
        _ => false,
    });
    let swappable: Vec<(NaiveDate, NaiveDate)> = cells
        .iter()
        .filter_map(|c| match c {
            Cell::Date(d) => turned(*d).map(|t| (*d, t)),
            _ => None,
        })
        .collect();
    if !typed_day_first || swappable.is_empty() {
        return (Swapped::No, None);
    }
    // every other date of the column, as it reads
    let others_inside = cells.iter().all(|c| match c {
        Cell::Date(d) if turned(*d).is_some() => true,
        Cell::Date(d) => inside(*d),
        cell => parse_with(cell, DateSystem::Excel1900, DateOrder::DayFirst)
            .ok()
            .flatten()
            .is_none_or(|(d, _)| inside(d)),
    });
    let shown = |pairs: &[(NaiveDate, NaiveDate)]| {
        pairs
            .iter()
            .take(3)
            .map(|(stored, typed)| {
                msg!(
                    "date-read-as",
                    stored = long_date(*stored),
                    typed = long_date(*typed)
                )
                .to_string()
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    if others_inside && swappable.iter().all(|(_, typed)| inside(*typed)) {
        let n = swappable.len();
        return (
            Swapped::ReadAsTyped,
            Some(msg!("date-note-turned-round", n = n, dates = shown(&swappable)).to_string()),
        );
    }
    (Swapped::Refuse, None)
}

/// A real date read the other way round (day as month), when its day
/// could be a month and the two differ.
fn turned(d: NaiveDate) -> Option<NaiveDate> {
    (d.day() <= 12 && d.day() != d.month())
        .then(|| NaiveDate::from_ymd_opt(d.year(), d.day(), d.month()))
        .flatten()
}

/// Reads an item's date as its column says and checks it against the
/// report's activity window.
pub(super) fn read_item_date(
    cell: &Cell,
    reading: DateReading,
    period: Period,
) -> Result<(NaiveDate, DatePrecision), Problem> {
    if let Some(read) = turned_round(cell, reading) {
        return read;
    }
    settle_mixed_order(cell, reading, period)?;
    // a month or a day without its year is in the report's period, if it
    // fits there at all (a January report's window starts in December)
    if let Some(read) = without_year(cell, reading, period) {
        return read;
    }
    let (date, precision) = match parse_with(cell, reading.system, reading.order) {
        Ok(Some(d)) => d,
        Ok(None) => {
            return Err(Problem::new(ReasonCode::DateMissing, msg!("date-missing")));
        }
        Err(why) if matches!(cell, Cell::Formula(_)) => {
            return Err(Problem::new(
                ReasonCode::CellFormulaWithoutValue,
                msg!("date-activity-why", why = why),
            ));
        }
        Err(why) => {
            return Err(Problem::new(
                ReasonCode::DateInvalid,
                msg!("date-activity-cell-why", cell = cell.to_string(), why = why),
            ));
        }
    };
    in_period(cell, date, precision, period)?;
    Ok((date, precision))
}

/// A date cell whose day and month a spreadsheet in another locale turned
/// round ([`Swapped`], decided for its column): read as typed, or refused
/// (`date.locale_swapped`); `None` for any other cell.
fn turned_round(
    cell: &Cell,
    reading: DateReading,
) -> Option<Result<(NaiveDate, DatePrecision), Problem>> {
    let Cell::Date(stored) = cell else {
        return None;
    };
    let typed = turned(*stored)?;
    match reading.swapped {
        Swapped::No => None,
        Swapped::ReadAsTyped => Some(Ok((typed, DatePrecision::Day))),
        Swapped::Refuse => Some(Err(Problem::new(
            ReasonCode::DateLocaleSwapped,
            msg!(
                "date-locale-swapped",
                stored = long_date(*stored),
                typed = typed.format("%d/%m/%Y").to_string(),
                other = long_date(typed)
            ),
        ))),
    }
}

/// In a column written both day-first and month-first, a text date that
/// fits the period both ways, or only month-first, is refused
/// (`date.month_first_ambiguous`).
fn settle_mixed_order(cell: &Cell, reading: DateReading, period: Period) -> Result<(), Problem> {
    let (start, end) = period.activity_window();
    let inside = |d: NaiveDate| d >= start && d <= end;
    if reading.order != DateOrder::Mixed {
        return Ok(());
    }
    let Cell::Text(t) = cell else { return Ok(()) };
    let Some((a, b, y)) = slashed(&key(t)) else {
        return Ok(());
    };
    let day_first = NaiveDate::from_ymd_opt(y, b, a).filter(|d| inside(*d));
    let month_first = NaiveDate::from_ymd_opt(y, a, b).filter(|d| inside(*d));
    match (day_first, month_first) {
        (Some(d), Some(m)) if d != m => Err(Problem::new(
            ReasonCode::DateMonthFirstAmbiguous,
            msg!(
                "date-ambiguous-order",
                cell = cell.to_string(),
                first = long_date(d),
                second = long_date(m)
            ),
        )),
        (None, Some(m)) => Err(Problem::new(
            ReasonCode::DateMonthFirstAmbiguous,
            msg!(
                "date-only-month-first",
                cell = cell.to_string(),
                date = long_date(m)
            ),
        )),
        _ => Ok(()),
    }
}

/// A month or a day written without its year (`Tháng 7`, `5/7`): the day
/// of the report's period it can be, or `date.invalid`; `None` for a cell
/// of another shape.
fn without_year(
    cell: &Cell,
    reading: DateReading,
    period: Period,
) -> Option<Result<(NaiveDate, DatePrecision), Problem>> {
    let (start, end) = period.activity_window();
    let Cell::Text(t) = cell else { return None };
    let text = key(t);
    // `5-Jul`, `Jul 5`, `5 thg 7`: a day and a month's name
    static NAMED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:(\d{1,2})[- ./]+([a-z]+\.?(?: ?\d{1,2})?)|([a-z]+)\.? (\d{1,2}))$")
            .expect("regex")
    });
    let named = NAMED.captures(&text).and_then(|c| {
        let (day, month) = match (c.get(1), c.get(2), c.get(3), c.get(4)) {
            (Some(d), Some(m), _, _) | (_, _, Some(m), Some(d)) => (d, m),
            _ => return None,
        };
        Some((
            month_named(month.as_str())?,
            day.as_str().parse::<u32>().ok()?,
        ))
    });
    let c = NO_YEAR.captures(&text);
    if named.is_none() && c.is_none() {
        return None;
    }
    let num = |i: usize| {
        c.as_ref()
            .and_then(|c| c.get(i))
            .and_then(|m| m.as_str().parse::<u32>().ok())
    };
    let (month, day, precision) = match (num(1), num(2), num(3)) {
        _ if named.is_some() => named.map_or((0, 0, DatePrecision::Day), |(m, d)| {
            (m, d, DatePrecision::Day)
        }),
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
    Some(found.map(|d| (d, precision)).ok_or_else(|| {
        Problem::new(
            ReasonCode::DateInvalid,
            msg!(
                "date-no-year",
                cell = cell.to_string(),
                period = period.said(),
                window = window_of(period)
            ),
        )
    }))
}

/// A date (a month-precision date stands for its whole month) must fall in
/// the report's window, or `date.outside_period` naming the window.
fn in_period(
    cell: &Cell,
    date: NaiveDate,
    precision: DatePrecision,
    period: Period,
) -> Result<(), Problem> {
    let (start, end) = period.activity_window();
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
    if last >= start && date <= end {
        return Ok(());
    }
    let shown = match precision {
        DatePrecision::Day => long_date(date),
        DatePrecision::Month => month_of(date),
    };
    Err(Problem::new(
        ReasonCode::DateOutsidePeriod,
        msg!(
            "date-outside-period",
            cell = cell.to_string(),
            shown = shown,
            period = period.said(),
            window = window_of(period)
        ),
    ))
}

/// A month's name: `July` / `tháng 7`.
fn month_name(month: u32) -> Msg {
    msg!("date-month-name", month = month)
}

/// `6 July 2023` / `ngày 6 tháng 7 năm 2023`.
pub(super) fn long_date(d: NaiveDate) -> Msg {
    msg!(
        "date-long",
        day = d.day(),
        month = month_name(d.month()),
        year = d.year().to_string()
    )
}

/// `May 2023` / `tháng 5 năm 2023`.
fn month_of(d: NaiveDate) -> Msg {
    msg!(
        "date-month",
        month = month_name(d.month()),
        year = d.year().to_string()
    )
}

/// The days an item of a report for `period` may be dated, in words: `1
/// June to 31 July 2023` / `từ ngày 1 tháng 6 đến ngày 31 tháng 7 năm 2023`.
pub(super) fn window_of(period: Period) -> Msg {
    let (start, end) = period.activity_window();
    if start.year() != end.year() {
        return msg!(
            "date-window-years",
            start = long_date(start),
            end = long_date(end)
        );
    }
    let day = |d: NaiveDate| msg!("date-day", day = d.day(), month = month_name(d.month()));
    msg!(
        "date-window",
        start = day(start),
        end = day(end),
        year = end.year().to_string()
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
        assert_eq!(
            day("5 tháng 7 năm 2023"),
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
    fn a_date_time_with_an_offset_counts_on_its_viet_nam_date() {
        let day = |s: &str| parse_date(&t(s)).unwrap().unwrap().0;
        // 06:30 in Hà Nội is 23:30 the day before in UTC: its Việt Nam date
        assert_eq!(day("2023-07-01T06:30:00.000+07:00"), d(2023, 7, 1));
        assert_eq!(day("2023-07-31T23:40:00+07:00"), d(2023, 7, 31));
        assert_eq!(day("2023-07-14T15:05:12.431+0700"), d(2023, 7, 14));
        assert_eq!(day("2023-07-14T15:05:12Z"), d(2023, 7, 14));
        // v3: 15:05 at UTC-5 is 03:05 the next day in Việt Nam (v2 took the
        // date written, 14 July)
        assert_eq!(day("2023-07-14T15:05-05"), d(2023, 7, 15));
        assert!(parse_date(&t("2023-07-14T15:05:12+07:00 rồi")).is_err());
        // a moment in UTC: 16:59:59 is still the same day in Điện Biên,
        // 17:00:00 is the next
        assert_eq!(day("2023-07-31T16:59:59Z"), d(2023, 7, 31));
        assert_eq!(day("2023-07-31T17:00:00Z"), d(2023, 8, 1));
        assert_eq!(day("2023-12-31T17:00:00.000Z"), d(2024, 1, 1));
        assert_eq!(day("2023-07-31 23:30:00Z"), d(2023, 8, 1));
        // without an offset, the time is already Việt Nam's
        assert_eq!(day("2023-07-31T23:30:00"), d(2023, 7, 31));
        assert!(parse_date(&t("2023-07-31T25:30:00Z")).is_err());
    }

    #[test]
    fn dates_as_spreadsheets_export_them() {
        let day = |s: &str| parse_date(&t(s)).unwrap().unwrap().0;
        for written in [
            "5-Jul-23",
            "05-Jul-2023",
            "5 July 2023",
            "Jul 5, 2023",
            "July 5, 2023",
            "jul. 5, 2023",
            "5 thg 7, 2023",
            "05-Th7-23",
            "5 tháng Bảy 2023",
        ] {
            assert_eq!(day(written), d(2023, 7, 5), "{written}");
        }
        assert_eq!(day("30-Sep-23"), d(2023, 9, 30));
        // PowerShell's ConvertTo-Json: 2023-07-31 23:30 UTC is 1 August here
        assert_eq!(day("/Date(1690846200000)/"), d(2023, 8, 1));
        assert_eq!(day("\\/Date(1690846200000+0700)\\/"), d(2023, 8, 1));
        assert_eq!(day("/Date(1690822799000)/"), d(2023, 7, 31));
        assert_eq!(day("1 Tháng Mười Hai 2023"), d(2023, 12, 1));
        assert!(parse_date(&t("31-Feb-23")).is_err());
        assert!(parse_date(&t("5-Jux-23")).is_err());
    }

    #[test]
    fn impossible_dates_are_refused_with_a_reason() {
        assert_eq!(
            parse_date(&t("31/02/2023")).unwrap_err().to_string(),
            "is not a real date"
        );
        assert_eq!(
            parse_date(&t("13/2023")).unwrap_err().to_string(),
            "is not a real month"
        );
        assert!(
            parse_date(&t("hôm qua"))
                .unwrap_err()
                .to_string()
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
        for written in [
            "Thứ 4, ngày 5/7/2023",
            "ngày 05/07/2023",
            "Ngày: 5/7/2023",
            // Excel's long date on an English Windows; a day and a month's
            // name without the year, in the report's period
            "Wednesday, July 5, 2023",
            "Wed, 5 Jul 2023",
            "5-Jul",
            "Jul 5",
            "5 thg 7",
        ] {
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
                    ..Default::default()
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
            out.text(),
            "the activity date '05/07/2019' (5 July 2019) is outside the period this file reports on, 2023-07 (items dated 1 June to 31 July 2023): check the date, or send the item with the report for its own period"
        );
        let month = read("tháng 5/2023", DateOrder::DayFirst).unwrap_err();
        assert!(month.text().contains("(May 2023)"), "{}", month.text());
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
            both.text(),
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

    #[test]
    fn refusals_of_dates_are_said_in_vietnamese() {
        use crate::i18n::Lang;
        let read = |s: &str, order| {
            read_item_date(
                &t(s),
                DateReading {
                    order,
                    ..Default::default()
                },
                JULY,
            )
            .unwrap_err()
            .msg
            .say(Lang::Vi)
        };
        assert_eq!(
            read("05/07/2019", DateOrder::DayFirst),
            "ngày thực hiện hoạt động '05/07/2019' (ngày 5 tháng 7 năm 2019) nằm ngoài kỳ báo cáo của tệp này, kỳ tháng 7/2023 (các mục phải có ngày thực hiện từ ngày 1 tháng 6 đến ngày 31 tháng 7 năm 2023): hãy kiểm tra lại ngày, hoặc gửi mục này cùng báo cáo của đúng kỳ"
        );
        assert_eq!(
            read("tháng 5/2023", DateOrder::DayFirst),
            "ngày thực hiện hoạt động 'tháng 5/2023' (tháng 5 năm 2023) nằm ngoài kỳ báo cáo của tệp này, kỳ tháng 7/2023 (các mục phải có ngày thực hiện từ ngày 1 tháng 6 đến ngày 31 tháng 7 năm 2023): hãy kiểm tra lại ngày, hoặc gửi mục này cùng báo cáo của đúng kỳ"
        );
        assert_eq!(
            read("31/02/2023", DateOrder::DayFirst),
            "ngày thực hiện hoạt động '31/02/2023' không phải là một ngày có thật"
        );
        assert_eq!(
            read("hôm qua", DateOrder::DayFirst),
            "ngày thực hiện hoạt động 'hôm qua' không phải là ngày: hãy ghi theo dạng dd/mm/yyyy, yyyy-mm-dd hoặc tháng 7/2023"
        );
        assert_eq!(
            read("", DateOrder::DayFirst),
            "thiếu ngày thực hiện hoạt động"
        );
        assert_eq!(
            read("6/7/2023", DateOrder::Mixed),
            "ngày thực hiện hoạt động '6/7/2023' có thể là ngày 6 tháng 7 năm 2023 hoặc ngày 7 tháng 6 năm 2023, vì cột ngày có ngày ghi theo thứ tự ngày trước lẫn tháng trước: hãy ghi theo dạng dd/mm/yyyy"
        );
        assert_eq!(
            read("Tháng 9", DateOrder::DayFirst),
            "ngày thực hiện hoạt động 'Tháng 9' không ghi năm, và không có ngày nào như vậy nằm trong kỳ báo cáo của tệp này, kỳ tháng 7/2023 (từ ngày 1 tháng 6 đến ngày 31 tháng 7 năm 2023): hãy ghi theo dạng dd/mm/yyyy"
        );
        let formula = read_item_date(&Cell::Formula("B2+1".into()), DateReading::default(), JULY)
            .unwrap_err();
        assert_eq!(
            formula.msg.say(Lang::Vi),
            "ngày thực hiện hoạt động là công thức chưa có kết quả lưu sẵn (bảng tính được lưu mà chưa tính toán): hãy mở tệp bằng Excel, để Excel tính, lưu lại rồi gửi lại"
        );
        // a window across two years names both
        let january = Period::Month {
            year: 2024,
            month: 1,
        };
        assert_eq!(
            window_of(january).say(Lang::Vi),
            "từ ngày 1 tháng 12 năm 2023 đến ngày 31 tháng 1 năm 2024"
        );
        assert_eq!(window_of(january).say(Lang::En), january.describe_window());
        assert_eq!(window_of(JULY).say(Lang::En), JULY.describe_window());
    }
}
