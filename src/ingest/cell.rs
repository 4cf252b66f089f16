//! The plain values every reader produces and every later step reads: a
//! cell as the source gave it, a row of cells with the line it came from,
//! a merged range of a sheet, and the date system its serial numbers count
//! in. A leaf: it imports nothing else of `ingest`.

use std::fmt;

use chrono::NaiveDate;
use serde_json::Value;

use crate::text::clean;

/// One cell as the source gave it.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
    Bool(bool),
    /// A formula with no stored result (its text kept for `rejects.raw`):
    /// a cell with no value, never read as empty.
    Formula(String),
    /// A time or a duration, as a spreadsheet cell formatted `h:mm` holds
    /// it, in minutes.
    Minutes(f64),
}

impl Cell {
    pub(super) fn text(s: &str) -> Cell {
        Cell::from_clean(clean(s))
    }

    /// A cell of text already in NFC (a decoded delimited file).
    pub(super) fn text_nfc(s: &str) -> Cell {
        Cell::from_clean(crate::text::collapse_spaces(&crate::text::look_alikes(s)))
    }

    fn from_clean(s: String) -> Cell {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty)
    }

    /// The cell as JSON, for `rejects.raw`.
    pub(super) fn to_json(&self) -> Value {
        match self {
            Cell::Empty => Value::Null,
            Cell::Text(s) => Value::String(s.clone()),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => Value::from(*n as i64),
            Cell::Number(n) => serde_json::Number::from_f64(*n)
                .map(Value::Number)
                .unwrap_or(Value::Null),
            Cell::Date(d) => Value::String(d.format("%Y-%m-%d").to_string()),
            Cell::Bool(b) => Value::Bool(*b),
            Cell::Formula(f) => Value::String(format!("={f}")),
            Cell::Minutes(_) => Value::String(self.to_string()),
        }
    }
}

impl fmt::Display for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cell::Empty => Ok(()),
            Cell::Text(s) => f.write_str(s),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => write!(f, "{}", *n as i64),
            Cell::Number(n) => write!(f, "{n}"),
            Cell::Date(d) => write!(f, "{}", d.format("%d/%m/%Y")),
            Cell::Bool(b) => write!(f, "{b}"),
            Cell::Formula(formula) => write!(f, "={formula}"),
            Cell::Minutes(m) => {
                let seconds = (m * 60.0).round() as i64;
                write!(
                    f,
                    "{}:{:02}:{:02}",
                    seconds / 3600,
                    seconds / 60 % 60,
                    seconds % 60
                )
            }
        }
    }
}

/// A row of cells and where it stands in the source (1-based line or row).
#[derive(Debug, Clone)]
pub(super) struct SourceRow {
    pub line: u64,
    pub cells: Vec<Cell>,
}

/// A merged range of a sheet: the value is in its first cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Merge {
    /// First and last row, as 1-based lines (a [`SourceRow`]'s `line`).
    pub first_line: u64,
    pub last_line: u64,
    /// First and last column, 0-based.
    pub first_col: u32,
    pub last_col: u32,
}

/// What day an Excel serial number counts from. Excel for Windows counts
/// from 1900 (serial 1 is 1900-01-01, with its 1900 leap-year bug); Excel
/// for Mac saved workbooks counting from 1904 (serial 0 is 1904-01-01), so
/// the same serial is 1,462 days later there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum DateSystem {
    #[default]
    Excel1900,
    Excel1904,
}

impl DateSystem {
    /// The day an Excel serial stands for; `None` outside Excel's range.
    pub(super) fn serial_to_date(self, serial: f64) -> Option<NaiveDate> {
        let (origin, first) = match self {
            // the leap-year bug makes 1899-12-30 the origin of every serial
            // after February 1900
            DateSystem::Excel1900 => (NaiveDate::from_ymd_opt(1899, 12, 30)?, 1.0),
            DateSystem::Excel1904 => (NaiveDate::from_ymd_opt(1904, 1, 1)?, 0.0),
        };
        if !serial.is_finite() || !(first..=2_958_465.0).contains(&serial) {
            return None;
        }
        origin.checked_add_days(chrono::Days::new(serial.floor() as u64))
    }
}
