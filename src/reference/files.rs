//! Reading the reference CSV files of one campaign year into typed records.
//! Each file is parsed with the `csv` crate; every problem is reported with
//! the file, the line and the field, so whoever edits next year's folder
//! knows exactly what to fix.

use chrono::NaiveDate;
use serde::Deserialize;

use super::{
    Campaign, Due, HrcPriority, Labelled, Obligation, PeakPeriod, ReferenceError, Subtheme, Theme,
    ThemeKeyword,
};
use crate::domain::{Period, ThemeCode, UnitKind};

pub(super) struct Ctx<'a> {
    dir: &'a str,
    file: &'static str,
}

impl<'a> Ctx<'a> {
    pub(super) fn new(dir: &'a str, file: &'static str) -> Ctx<'a> {
        Ctx { dir, file }
    }

    pub(super) fn err(&self, line: u64, field: &str, message: impl Into<String>) -> ReferenceError {
        ReferenceError::Invalid {
            file: format!("{}/{}", self.dir, self.file),
            line,
            field: field.into(),
            message: message.into(),
        }
    }

    pub(super) fn date(
        &self,
        line: u64,
        field: &str,
        s: &str,
    ) -> Result<NaiveDate, ReferenceError> {
        NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
            let shaped = s.trim().len() == 10
                && s.trim().chars().enumerate().all(|(i, c)| {
                    if i == 4 || i == 7 {
                        c == '-'
                    } else {
                        c.is_ascii_digit()
                    }
                });
            let message = if shaped {
                format!("'{s}' is not a day of the calendar: check the month and day")
            } else {
                format!("'{s}' is not a date written YYYY-MM-DD")
            };
            self.err(line, field, message)
        })
    }

    pub(super) fn code(&self, line: u64, field: &str, s: &str) -> Result<String, ReferenceError> {
        let ok = !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.".contains(c));
        if ok {
            Ok(s.to_string())
        } else {
            Err(self.err(
                line,
                field,
                format!("'{s}' is not a code: use lower-case ASCII letters, digits and hyphens"),
            ))
        }
    }

    pub(super) fn nonempty(
        &self,
        line: u64,
        field: &str,
        s: &str,
    ) -> Result<String, ReferenceError> {
        let s = crate::text::clean(s);
        if s.is_empty() {
            Err(self.err(line, field, "must not be empty"))
        } else {
            Ok(s)
        }
    }
}

/// A reader of one reference CSV text: a byte-order mark dropped, fields
/// trimmed, and semicolons taken as the separator when the header has no
/// comma (Excel in Vietnamese settings saves "CSV" that way); `flexible`
/// lets lines have fewer fields than the header.
pub(super) fn csv_reader(text: &str, flexible: bool) -> csv::Reader<&[u8]> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.contains(';') && !first.contains(',') {
        b';'
    } else {
        b','
    };
    csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(flexible)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
}

/// Rows of one CSV file with the line each came from.
pub(super) fn rows<T: for<'de> Deserialize<'de>>(
    ctx: &Ctx,
    read: &impl Fn(&str) -> Result<Option<String>, ReferenceError>,
) -> Result<Vec<(u64, T)>, ReferenceError> {
    rows_of(ctx, read, None)
}

/// Like [`rows`], and a header that is not one of `known` is an error
/// naming it (a misspelt `valid_until` would otherwise read as empty).
pub(super) fn known_rows<T: for<'de> Deserialize<'de>>(
    ctx: &Ctx,
    read: &impl Fn(&str) -> Result<Option<String>, ReferenceError>,
    known: &[&str],
) -> Result<Vec<(u64, T)>, ReferenceError> {
    rows_of(ctx, read, Some(known))
}

fn rows_of<T: for<'de> Deserialize<'de>>(
    ctx: &Ctx,
    read: &impl Fn(&str) -> Result<Option<String>, ReferenceError>,
    known: Option<&[&str]>,
) -> Result<Vec<(u64, T)>, ReferenceError> {
    let text = read(ctx.file)?.ok_or_else(|| ReferenceError::File {
        file: format!("{}/{}", ctx.dir, ctx.file),
        message: "this file is missing; every campaign folder needs it".into(),
    })?;
    let mut reader = csv_reader(&text, false);
    let headers = reader
        .headers()
        .map_err(|e| ctx.err(1, "", e.to_string()))?
        .clone();
    if let Some(known) = known {
        for h in headers.iter() {
            if !known.contains(&h) {
                return Err(ctx.err(
                    1,
                    h,
                    format!(
                        "'{h}' is not a column of {}: the columns are {}",
                        ctx.file,
                        known.join(", ")
                    ),
                ));
            }
        }
    }
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or(0);
            ctx.err(line, "", format!("this line is not valid CSV: {e}"))
        })?;
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let row = record.deserialize::<T>(Some(&headers)).map_err(|e| {
            let field = match e.kind() {
                csv::ErrorKind::Deserialize { err, .. } => {
                    err.field().and_then(|f| headers.get(f as usize))
                }
                _ => None,
            }
            .unwrap_or("");
            ctx.err(line, field, e.to_string())
        })?;
        out.push((line, row));
    }
    Ok(out)
}

pub(super) fn list(s: &str) -> Vec<String> {
    s.split('|')
        .map(crate::text::clean)
        .filter(|a| !a.is_empty())
        .collect()
}

#[derive(Deserialize)]
struct ThemeRow {
    theme_code: String,
    name_vi: String,
    name_en: String,
    #[serde(default)]
    aliases: String,
}

#[derive(Deserialize)]
struct SubthemeRow {
    subtheme_code: String,
    theme_code: String,
    name_vi: String,
    #[serde(default)]
    aliases: String,
}

#[derive(Deserialize)]
struct HrcRow {
    hrc_priority: String,
    name_vi: String,
    name_en: String,
}

#[derive(Deserialize)]
struct FormRow {
    form_code: String,
    name_vi: String,
    #[serde(default)]
    aliases: String,
}

#[derive(Deserialize)]
struct LanguageRow {
    language_code: String,
    name_vi: String,
    #[serde(default)]
    aliases: String,
}

#[derive(Deserialize)]
struct PeakRow {
    peak_code: String,
    name_vi: String,
    name_en: String,
    start_date: String,
    end_date: String,
    themes: String,
}

#[derive(Deserialize)]
struct ObligationRow {
    period_kind: String,
    unit_kinds: String,
    first_period: String,
    last_period: String,
    #[serde(default)]
    due_date: String,
    #[serde(default)]
    due_day: String,
}

#[derive(Deserialize)]
struct KeywordRow {
    keyword: String,
    theme_code: String,
    #[serde(default)]
    fallback: String,
}

pub(super) fn parse_campaign(
    year: i32,
    dir: &str,
    read: impl Fn(&str) -> Result<Option<String>, ReferenceError>,
    register: std::sync::Arc<super::Register>,
) -> Result<Campaign, ReferenceError> {
    let ctx = |file| Ctx { dir, file };

    let c = ctx("themes.csv");
    let mut themes = Vec::new();
    for (line, r) in rows::<ThemeRow>(&c, &read)? {
        themes.push(Theme {
            code: ThemeCode(c.code(line, "theme_code", &r.theme_code)?),
            name_vi: c.nonempty(line, "name_vi", &r.name_vi)?,
            name_en: c.nonempty(line, "name_en", &r.name_en)?,
            aliases: list(&r.aliases),
        });
    }
    let known_theme = |c: &Ctx, line, field: &str, code: &str| {
        if themes.iter().any(|t| t.code.0 == code) {
            Ok(ThemeCode(code.to_string()))
        } else {
            Err(c.err(
                line,
                field,
                format!("unknown theme '{code}': it must be a theme_code of themes.csv"),
            ))
        }
    };

    let c = ctx("subthemes.csv");
    let mut subthemes = Vec::new();
    for (line, r) in rows::<SubthemeRow>(&c, &read)? {
        let theme = known_theme(&c, line, "theme_code", &r.theme_code)?;
        let code = c.code(line, "subtheme_code", &r.subtheme_code)?;
        if !code.starts_with(&format!("{}.", theme.0)) {
            return Err(c.err(
                line,
                "subtheme_code",
                format!("'{code}' must start with its theme, '{}.'", theme.0),
            ));
        }
        subthemes.push(Subtheme {
            code,
            theme,
            name_vi: c.nonempty(line, "name_vi", &r.name_vi)?,
            aliases: list(&r.aliases),
        });
    }

    let c = ctx("hrc_priorities.csv");
    let mut hrc_priorities = Vec::new();
    for (line, r) in rows::<HrcRow>(&c, &read)? {
        let number = r
            .hrc_priority
            .parse::<u8>()
            .ok()
            .filter(|n| (1..=8).contains(n));
        let number = number.ok_or_else(|| {
            c.err(
                line,
                "hrc_priority",
                format!("'{}' is not a number from 1 to 8", r.hrc_priority),
            )
        })?;
        hrc_priorities.push(HrcPriority {
            number,
            name_vi: c.nonempty(line, "name_vi", &r.name_vi)?,
            name_en: c.nonempty(line, "name_en", &r.name_en)?,
        });
    }

    let c = ctx("forms.csv");
    let mut forms = Vec::new();
    for (line, r) in rows::<FormRow>(&c, &read)? {
        forms.push(Labelled {
            code: c.code(line, "form_code", &r.form_code)?,
            name_vi: c.nonempty(line, "name_vi", &r.name_vi)?,
            aliases: list(&r.aliases),
        });
    }

    let c = ctx("languages.csv");
    let mut languages = Vec::new();
    for (line, r) in rows::<LanguageRow>(&c, &read)? {
        languages.push(Labelled {
            code: c.code(line, "language_code", &r.language_code)?,
            name_vi: c.nonempty(line, "name_vi", &r.name_vi)?,
            aliases: list(&r.aliases),
        });
    }
    if !languages.iter().any(|l| l.code == "vi") {
        return Err(ReferenceError::File {
            file: format!("{dir}/languages.csv"),
            message: "the default language 'vi' is missing".into(),
        });
    }

    let c = ctx("peak_periods.csv");
    let mut peaks = Vec::new();
    for (line, r) in rows::<PeakRow>(&c, &read)? {
        let start = c.date(line, "start_date", &r.start_date)?;
        let end = c.date(line, "end_date", &r.end_date)?;
        if end < start {
            return Err(c.err(
                line,
                "end_date",
                format!("{end} is before the start date {start}"),
            ));
        }
        let mut peak_themes = Vec::new();
        for t in list(&r.themes) {
            peak_themes.push(known_theme(&c, line, "themes", &t)?);
        }
        peaks.push(PeakPeriod {
            code: c.code(line, "peak_code", &r.peak_code)?,
            name_vi: c.nonempty(line, "name_vi", &r.name_vi)?,
            name_en: c.nonempty(line, "name_en", &r.name_en)?,
            start,
            end,
            themes: peak_themes,
        });
    }

    let c = ctx("obligations.csv");
    let mut obligations = Vec::new();
    for (line, r) in rows::<ObligationRow>(&c, &read)? {
        let unit_kinds = list(&r.unit_kinds)
            .iter()
            .map(|k| {
                UnitKind::parse(k).ok_or_else(|| {
                    c.err(
                        line,
                        "unit_kinds",
                        format!("'{k}' is not one of {}", UnitKind::codes()),
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let period = |field: &str, s: &str| {
            Period::parse(s).ok_or_else(|| {
                c.err(
                    line,
                    field,
                    format!("'{s}' is not a period (2023 or 2023-06)"),
                )
            })
        };
        let (first, last) = (
            period("first_period", &r.first_period)?,
            period("last_period", &r.last_period)?,
        );
        if first.kind() != r.period_kind || last.kind() != r.period_kind {
            return Err(c.err(
                line,
                "period_kind",
                format!(
                    "'{}' does not match the periods {first} and {last}",
                    r.period_kind
                ),
            ));
        }
        let due = match (r.due_date.as_str(), r.due_day.as_str()) {
            (d, "") if !d.is_empty() => Due::Date(c.date(line, "due_date", d)?),
            ("", d) if !d.is_empty() && r.period_kind == "monthly" => {
                let day = d.parse().ok().filter(|d| (1..=28).contains(d));
                Due::DayOfMonth(day.ok_or_else(|| {
                    c.err(line, "due_day", format!("'{d}' is not a day from 1 to 28"))
                })?)
            }
            _ => {
                return Err(c.err(line, "due_date", "give exactly one of due_date (a date) or due_day (monthly: the day of the reported month)"));
            }
        };
        obligations.push(Obligation {
            unit_kinds,
            first,
            last,
            due,
        });
    }

    let c = ctx("theme_keywords.csv");
    let mut keywords = Vec::new();
    for (line, r) in rows::<KeywordRow>(&c, &read)? {
        let fallback = match r.fallback.as_str() {
            "true" => true,
            "false" | "" => false,
            other => {
                return Err(c.err(line, "fallback", format!("'{other}' must be true or false")));
            }
        };
        keywords.push(ThemeKeyword {
            keyword: c.nonempty(line, "keyword", &r.keyword)?,
            theme: known_theme(&c, line, "theme_code", &r.theme_code)?,
            fallback,
        });
    }

    Ok(Campaign {
        year,
        themes,
        subthemes,
        hrc_priorities,
        forms,
        languages,
        peaks,
        units: register.units_in(Period::Year(year)).cloned().collect(),
        obligations,
        keywords,
        register,
        texts: Default::default(),
        report: None,
        index: Default::default(),
    })
}
