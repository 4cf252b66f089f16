//! The small value types that carry meaning through every stage: unit and
//! theme codes, and the reporting period a submission covers. Parsing of
//! periods happens here, once, at the edge.

use std::fmt;
use std::sync::LazyLock;

use regex::Regex;

use crate::text::strip_marks_lower;

/// A unit's code from the reference data, e.g. `pvhtt-tuan-giao`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnitCode(pub String);

/// A theme's code from the reference data, e.g. `trafficking`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ThemeCode(pub String);

impl fmt::Display for UnitCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for ThemeCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A day typed by a person: `YYYY-MM-DD`, or `dd/mm/yyyy` as Vietnamese
/// write it.
pub fn parse_day(text: &str) -> Option<chrono::NaiveDate> {
    let t = text.trim();
    chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .or_else(|_| chrono::NaiveDate::parse_from_str(t, "%d/%m/%Y"))
        .ok()
}

/// The period one submission reports on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    /// A monthly report, `2023-07`.
    Month { year: i32, month: u32 },
    /// A quarterly report, `2023-Q3` (kind `other` in the lake).
    Quarter { year: i32, quarter: u32 },
    /// An annual report, `2023`.
    Year(i32),
}

impl Period {
    /// `monthly`, `annual` or `other`, as stored in `submissions.period_kind`.
    pub fn kind(&self) -> &'static str {
        match self {
            Period::Month { .. } => "monthly",
            Period::Year(_) => "annual",
            Period::Quarter { .. } => "other",
        }
    }

    pub fn year(&self) -> i32 {
        match *self {
            Period::Month { year, .. } | Period::Quarter { year, .. } | Period::Year(year) => year,
        }
    }

    /// Reads the ways Vietnamese reports name a period: `2023-07`, `07/2023`,
    /// `Tháng 7/2023`, `Tháng 7 năm 2023`, `T7/2023`, `2023`, `Năm 2023`,
    /// `Quý III/2023`, `2023-Q3`. Returns `None` for anything else.
    pub fn parse(text: &str) -> Option<Period> {
        static MONTH: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^(?:(?:bao cao )?thang|t)? ?(\d{1,2}) ?(?:/|-|\.|nam) ?(\d{4})$").unwrap()
        });
        static ISO_MONTH: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^(\d{4})-(\d{1,2})$").unwrap());
        static YEAR: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^(?:(?:bao cao )?nam )?(\d{4})$").unwrap());
        static QUARTER: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^(?:quy ?(i{1,3}|iv|[1-4]) ?(?:/|-|nam) ?(\d{4})|(\d{4})-q([1-4]))$")
                .unwrap()
        });
        let s = strip_marks_lower(text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let s = s.trim_matches(|c: char| c == '.' || c == ':' || c == ' ');
        let month = |y: &str, m: &str| {
            let (year, month) = (y.parse().ok()?, m.parse().ok()?);
            ((1..=12).contains(&month) && plausible_year(year))
                .then_some(Period::Month { year, month })
        };
        if let Some(c) = ISO_MONTH.captures(s) {
            return month(&c[1], &c[2]);
        }
        if let Some(c) = MONTH.captures(s) {
            return month(&c[2], &c[1]);
        }
        if let Some(c) = YEAR.captures(s) {
            let year = c[1].parse().ok()?;
            return plausible_year(year).then_some(Period::Year(year));
        }
        if let Some(c) = QUARTER.captures(s) {
            let (q, y) = match (c.get(1), c.get(2), c.get(3), c.get(4)) {
                (Some(q), Some(y), _, _) => (q.as_str(), y.as_str()),
                (_, _, Some(y), Some(q)) => (q.as_str(), y.as_str()),
                _ => return None,
            };
            let quarter = match q {
                "i" | "1" => 1,
                "ii" | "2" => 2,
                "iii" | "3" => 3,
                "iv" | "4" => 4,
                _ => return None,
            };
            let year = y.parse().ok()?;
            return plausible_year(year).then_some(Period::Quarter { year, quarter });
        }
        None
    }
}

fn plausible_year(year: i32) -> bool {
    (2000..=2100).contains(&year)
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Month { year, month } => write!(f, "{year}-{month:02}"),
            Period::Quarter { year, quarter } => write!(f, "{year}-Q{quarter}"),
            Period::Year(year) => write!(f, "{year}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_in_every_contract_spelling() {
        let july = Some(Period::Month {
            year: 2023,
            month: 7,
        });
        for s in [
            "2023-07",
            "07/2023",
            "7/2023",
            "Tháng 7/2023",
            "Tháng 7 năm 2023",
            "THÁNG 07/2023",
            "T7/2023",
            "tháng 7 - 2023",
        ] {
            assert_eq!(Period::parse(s), july, "{s}");
        }
        assert_eq!(Period::parse("2023"), Some(Period::Year(2023)));
        assert_eq!(Period::parse("Năm 2023"), Some(Period::Year(2023)));
        assert_eq!(
            Period::parse("Quý III/2023"),
            Some(Period::Quarter {
                year: 2023,
                quarter: 3
            })
        );
        assert_eq!(
            Period::parse("2023-Q3"),
            Some(Period::Quarter {
                year: 2023,
                quarter: 3
            })
        );
    }

    #[test]
    fn impossible_periods_are_refused() {
        for s in ["13/2023", "2023-00", "Tháng 7", "hôm qua", "", "1899"] {
            assert_eq!(Period::parse(s), None, "{s}");
        }
    }

    #[test]
    fn period_prints_as_stored() {
        assert_eq!(
            Period::Month {
                year: 2023,
                month: 7
            }
            .to_string(),
            "2023-07"
        );
        assert_eq!(Period::Year(2023).to_string(), "2023");
        assert_eq!(
            Period::Month {
                year: 2023,
                month: 7
            }
            .kind(),
            "monthly"
        );
    }
}
