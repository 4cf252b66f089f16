//! The small value types that carry meaning through every stage: unit and
//! theme codes, unit kinds, the reporting period a submission covers, how
//! precise an activity's date is, and why a row or file was refused.
//! Parsing of periods happens here, once, at the edge.

mod reason;

pub use reason::ReasonCode;

use std::fmt;
use std::sync::LazyLock;

use chrono::Datelike;

use regex::Regex;

use crate::text::strip_marks_lower;

/// A unit's code from the reference data, e.g. `pvhtt-tuan-giao`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
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

/// The kind of a reporting unit (`units.unit_kind`): what the reporting
/// obligations are set for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum UnitKind {
    /// A district People's Committee (UBND cấp huyện).
    District,
    /// A district culture-information office (Phòng Văn hóa - Thông tin).
    CultureOffice,
    /// The provincial newspaper.
    Press,
    /// The provincial broadcaster.
    Broadcaster,
    /// A central press office in the province.
    CentralPress,
    /// A provincial department or agency.
    Department,
    /// A commune People's Committee (UBND xã), from the 2025 reform; its
    /// Phòng Văn hóa - Xã hội reports under the commune's name.
    Commune,
    /// A ward People's Committee (UBND phường), from the 2025 reform.
    Ward,
}

impl UnitKind {
    /// Every kind, in the order reference files and messages list them.
    pub const ALL: [UnitKind; 8] = [
        UnitKind::District,
        UnitKind::CultureOffice,
        UnitKind::Press,
        UnitKind::Broadcaster,
        UnitKind::CentralPress,
        UnitKind::Department,
        UnitKind::Commune,
        UnitKind::Ward,
    ];

    /// The code as stored and as reference files write it, e.g. `culture_office`.
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::District => "district",
            UnitKind::CultureOffice => "culture_office",
            UnitKind::Press => "press",
            UnitKind::Broadcaster => "broadcaster",
            UnitKind::CentralPress => "central_press",
            UnitKind::Department => "department",
            UnitKind::Commune => "commune",
            UnitKind::Ward => "ward",
        }
    }

    /// The kind for its code; `None` for anything else.
    pub fn parse(code: &str) -> Option<UnitKind> {
        UnitKind::ALL.into_iter().find(|k| k.as_str() == code)
    }

    /// Every code, comma-separated, for messages.
    pub fn codes() -> String {
        UnitKind::ALL.map(UnitKind::as_str).join(", ")
    }
}

impl fmt::Display for UnitKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How precisely an activity's date is known (`activities.date_precision`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DatePrecision {
    /// The day itself was given.
    Day,
    /// Only the month was given; the date is the month's first day.
    Month,
}

impl DatePrecision {
    /// `day` or `month`, as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Month => "month",
        }
    }

    /// The precision for its stored text.
    pub fn parse(text: &str) -> Option<DatePrecision> {
        match text {
            "day" => Some(DatePrecision::Day),
            "month" => Some(DatePrecision::Month),
            _ => None,
        }
    }
}

impl fmt::Display for DatePrecision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
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

impl Period {
    /// The first and last day of the period itself.
    pub fn bounds(&self) -> (chrono::NaiveDate, chrono::NaiveDate) {
        match *self {
            Period::Month { year, month } => (first_day(year, month), last_day(year, month)),
            Period::Quarter { year, quarter } => (
                first_day(year, quarter * 3 - 2),
                last_day(year, quarter * 3),
            ),
            Period::Year(year) => (first_day(year, 1), last_day(year, 12)),
        }
    }

    /// The days an item of a report for this period may be dated
    /// (contract 3.1): a monthly report covers the calendar month and the
    /// reporting window from the 15th of the month before, so it accepts
    /// the whole month before and the month itself; a quarterly report
    /// likewise the month before the quarter and the quarter; an annual
    /// report its year.
    pub fn activity_window(&self) -> (chrono::NaiveDate, chrono::NaiveDate) {
        let (start, end) = self.bounds();
        match self {
            Period::Year(_) => (start, end),
            Period::Month { .. } | Period::Quarter { .. } => {
                let before = start.pred_opt().unwrap_or(start);
                (first_day(before.year(), before.month()), end)
            }
        }
    }

    /// The activity window in words, for messages: `1 June to 31 July 2023`.
    pub fn describe_window(&self) -> String {
        let (start, end) = self.activity_window();
        let day =
            |d: chrono::NaiveDate| format!("{} {}", d.day(), MONTH_NAMES[d.month0() as usize]);
        if start.year() == end.year() {
            format!("{} to {} {}", day(start), day(end), end.year())
        } else {
            format!(
                "{} {} to {} {}",
                day(start),
                start.year(),
                day(end),
                end.year()
            )
        }
    }
}

/// The months' names in English, for messages.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn first_day(year: i32, month: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(chrono::NaiveDate::MIN)
}

fn last_day(year: i32, month: u32) -> chrono::NaiveDate {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    first_day(y, m).pred_opt().unwrap_or(chrono::NaiveDate::MIN)
}

impl Period {
    /// The period a report's title line ends with: `BÁO CÁO KẾT QUẢ ...
    /// THÁNG 10 NĂM 2023`, `... NĂM 2023`, `... QUÝ III NĂM 2023`. Only a
    /// line that calls itself a report (`báo cáo`, `kết quả`) counts, and
    /// not a span (`TỪ THÁNG 6 ĐẾN THÁNG 7`, `6 THÁNG ĐẦU NĂM`, `9 THÁNG
    /// NĂM 2023`: part of a year is not the year) or a dateline (`Điện
    /// Biên, ngày 10 tháng 11 năm 2023`).
    pub fn from_title(text: &str) -> Option<Period> {
        let folded = strip_marks_lower(text);
        let words: Vec<&str> = crate::text::words(&folded);
        let is_title = words
            .windows(2)
            .any(|w| w == ["bao", "cao"] || w == ["ket", "qua"]);
        if !is_title || words.len() < 4 {
            return None;
        }
        let n = words.len();
        let year: i32 = words[n - 1].parse().ok().filter(|y| plausible_year(*y))?;
        // what stands before the period phrase must not make it a span or a date
        let free = |i: usize| {
            i == 0
                || !matches!(
                    words[i - 1],
                    "tu" | "den" | "ngay" | "dau" | "cuoi" | "cac" | "va" | "thang" | "quy"
                ) && words[i - 1].parse::<u32>().is_err()
        };
        // ... thang M nam YYYY | ... thang M YYYY (from `tháng 10/2023`)
        let month_at = if words[n - 2] == "nam" {
            n.checked_sub(4)
        } else {
            n.checked_sub(3)
        };
        if let Some(i) = month_at
            && words[i] == "thang"
            && let Ok(month) = words[i + 1].parse::<u32>()
        {
            return ((1..=12).contains(&month) && free(i)).then_some(Period::Month { year, month });
        }
        if let Some(i) = month_at
            && words[i] == "quy"
        {
            let quarter = match words[i + 1] {
                "i" | "1" => 1,
                "ii" | "2" => 2,
                "iii" | "3" => 3,
                "iv" | "4" => 4,
                _ => return None,
            };
            return free(i).then_some(Period::Quarter { year, quarter });
        }
        (words[n - 2] == "nam" && free(n - 2)).then_some(Period::Year(year))
    }
}

fn plausible_year(year: i32) -> bool {
    (2000..=2100).contains(&year)
}

impl Period {
    /// The periods from `self` to `last` inclusive, stepping by their kind
    /// (months, or years); none when they are of different kinds.
    pub fn through(self, last: Period) -> Vec<Period> {
        let mut out = Vec::new();
        match (self, last) {
            (
                Period::Month {
                    year: y0,
                    month: m0,
                },
                Period::Month {
                    year: y1,
                    month: m1,
                },
            ) => {
                let (mut y, mut m) = (y0, m0);
                while (y, m) <= (y1, m1) {
                    out.push(Period::Month { year: y, month: m });
                    (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
                }
            }
            (Period::Year(a), Period::Year(b)) => out.extend((a..=b).map(Period::Year)),
            _ => {}
        }
        out
    }
}

impl Period {
    /// The period as a sentence says it: `tháng 7/2023`, `quý 3/2023`,
    /// `năm 2023` in Vietnamese; `2023-07`, `2023-Q3`, `2023` (the code)
    /// in English (messages of `locales/*/domain.ftl`).
    pub fn said(&self) -> crate::i18n::Msg {
        match self {
            Period::Month { year, month } => {
                crate::msg!("period-month", month = *month, year = year.to_string())
            }
            Period::Quarter { year, quarter } => {
                crate::msg!(
                    "period-quarter",
                    quarter = *quarter,
                    year = year.to_string()
                )
            }
            Period::Year(year) => crate::msg!("period-year", year = year.to_string()),
        }
    }
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
    fn a_period_is_said_as_each_language_writes_it() {
        use crate::i18n::Lang;
        let july = Period::Month {
            year: 2023,
            month: 7,
        };
        assert_eq!(july.said().say(Lang::Vi), "tháng 7/2023");
        assert_eq!(july.said().say(Lang::En), "2023-07");
        let dec = Period::Month {
            year: 2023,
            month: 12,
        };
        assert_eq!(dec.said().say(Lang::En), "2023-12");
        assert_eq!(Period::Year(2023).said().say(Lang::Vi), "năm 2023");
        assert_eq!(Period::Year(2023).said().say(Lang::En), "2023");
        let q = Period::Quarter {
            year: 2023,
            quarter: 3,
        };
        assert_eq!(q.said().say(Lang::Vi), "quý 3/2023");
        assert_eq!(q.said().say(Lang::En), "2023-Q3");
    }

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
    fn a_period_in_a_title_line() {
        let month = |m| {
            Some(Period::Month {
                year: 2023,
                month: m,
            })
        };
        let t = Period::from_title;
        assert_eq!(
            t("BÁO CÁO KẾT QUẢ TUYÊN TRUYỀN VỀ QUYỀN CON NGƯỜI THÁNG 10 NĂM 2023"),
            month(10)
        );
        assert_eq!(t("Báo cáo kết quả tuyên truyền tháng 7/2023"), month(7));
        assert_eq!(
            t("BÁO CÁO KẾT QUẢ TUYÊN TRUYỀN VỀ QUYỀN CON NGƯỜI NĂM 2023"),
            Some(Period::Year(2023))
        );
        assert_eq!(
            t("KẾT QUẢ CÔNG TÁC TUYÊN TRUYỀN QUÝ III NĂM 2023"),
            Some(Period::Quarter {
                year: 2023,
                quarter: 3
            })
        );
        // spans, half-years, datelines and lines that are not titles
        assert_eq!(t("BÁO CÁO KẾT QUẢ TỪ THÁNG 6 ĐẾN THÁNG 7 NĂM 2023"), None);
        assert_eq!(t("BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM 2023"), None);
        assert_eq!(t("BÁO CÁO KẾT QUẢ TUYÊN TRUYỀN 9 THÁNG NĂM 2023"), None);
        assert_eq!(t("BÁO CÁO SƠ KẾT 6 THÁNG NĂM 2023"), None);
        assert_eq!(t("Điện Biên, ngày 10 tháng 11 năm 2023"), None);
        assert_eq!(t("Kế hoạch tuyên truyền năm 2023"), None);
        assert_eq!(t("BÁO CÁO KẾT QUẢ THÁNG 13 NĂM 2023"), None);
        assert_eq!(t("BÁO CÁO KẾT QUẢ TUYÊN TRUYỀN"), None);
    }

    #[test]
    fn activity_windows_follow_the_contract() {
        let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let july = Period::Month {
            year: 2023,
            month: 7,
        };
        assert_eq!(july.activity_window(), (d(2023, 6, 1), d(2023, 7, 31)));
        assert_eq!(july.describe_window(), "1 June to 31 July 2023");
        let january = Period::Month {
            year: 2024,
            month: 1,
        };
        assert_eq!(january.activity_window(), (d(2023, 12, 1), d(2024, 1, 31)));
        assert_eq!(
            january.describe_window(),
            "1 December 2023 to 31 January 2024"
        );
        assert_eq!(
            Period::Year(2023).activity_window(),
            (d(2023, 1, 1), d(2023, 12, 31))
        );
        let q3 = Period::Quarter {
            year: 2023,
            quarter: 3,
        };
        assert_eq!(q3.bounds(), (d(2023, 7, 1), d(2023, 9, 30)));
        assert_eq!(q3.activity_window(), (d(2023, 6, 1), d(2023, 9, 30)));
        let feb = Period::Month {
            year: 2024,
            month: 2,
        };
        assert_eq!(feb.bounds(), (d(2024, 2, 1), d(2024, 2, 29)));
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
