//! The records of reference data, as every other module reads them: a
//! theme and its sub-themes, an HRC priority, a form or a language, a peak
//! period, a unit of the register, a reporting obligation, a theme keyword
//! and a report a unit owes. Plain values: this module imports nothing
//! else of `reference`.

use chrono::NaiveDate;

use crate::domain::{Period, ThemeCode, UnitCode, UnitKind};

#[derive(Debug, Clone)]
pub struct Theme {
    pub code: ThemeCode,
    pub name_vi: String,
    pub name_en: String,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Subtheme {
    pub code: String,
    pub theme: ThemeCode,
    pub name_vi: String,
    /// The English name (`name_vi` where the file gives none).
    pub name_en: String,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct HrcPriority {
    pub number: u8,
    pub name_vi: String,
    pub name_en: String,
}

/// A form of communication (`news`, `radio`, ...) or a broadcast language:
/// both are a code, a Vietnamese and an English label, and aliases.
#[derive(Debug, Clone)]
pub struct Labelled {
    pub code: String,
    pub name_vi: String,
    /// The English label (`name_vi` where the file gives none).
    pub name_en: String,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct PeakPeriod {
    pub code: String,
    pub name_vi: String,
    pub name_en: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub themes: Vec<ThemeCode>,
}

/// One row of the register: a unit and the days it existed, inclusive
/// (`valid_to` none while it exists).
#[derive(Debug, Clone)]
pub struct Unit {
    pub code: UnitCode,
    pub name_vi: String,
    pub kind: UnitKind,
    pub parent: Option<UnitCode>,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
    pub aliases: Vec<String>,
    /// The 5-digit administrative code of a commune or ward (2025 list).
    pub admin_code: Option<String>,
    /// How sure the register's source is of this row (`confirmed`,
    /// `unconfirmed-by-page`, `inferred`, ...); empty when not said.
    pub status: String,
    /// Where the row's facts come from, `|`-separated.
    pub source: String,
}

/// When a report is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// One fixed date (the annual report).
    Date(NaiveDate),
    /// That day of the reported month (monthly reports: the 15th).
    DayOfMonth(u32),
}

#[derive(Debug, Clone)]
pub struct Obligation {
    pub unit_kinds: Vec<UnitKind>,
    pub first: Period,
    pub last: Period,
    pub due: Due,
}

#[derive(Debug, Clone)]
pub struct ThemeKeyword {
    pub keyword: String,
    pub theme: ThemeCode,
    /// Used only when no specific keyword matched (`quyền con người`).
    pub fallback: bool,
}

/// One report a unit owes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpectedReport {
    pub unit: UnitCode,
    pub period: Period,
    pub due: NaiveDate,
}
