//! The files of one campaign folder (`2023/themes.csv`, ...) read into a
//! [`Campaign`], each file by itself, every row checked: codes, dates,
//! themes that exist, periods that match their kind, exactly one due date.

use std::sync::Arc;

use serde::Deserialize;

use super::campaign::Campaign;
use super::error::ReferenceError;
use super::files::{Ctx, list, rows};
use super::register::Register;
use super::types::{
    Due, HrcPriority, Labelled, Obligation, PeakPeriod, Subtheme, Theme, ThemeKeyword,
};
use crate::domain::{Period, ThemeCode, UnitKind};

/// Every file a campaign folder holds (`2023/themes.csv`, ...).
pub const CAMPAIGN_FILES: [&str; 8] = [
    "themes.csv",
    "subthemes.csv",
    "hrc_priorities.csv",
    "forms.csv",
    "languages.csv",
    "peak_periods.csv",
    "obligations.csv",
    "theme_keywords.csv",
];

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
    name_en: String,
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
    name_en: String,
    #[serde(default)]
    aliases: String,
}

#[derive(Deserialize)]
struct LanguageRow {
    language_code: String,
    name_vi: String,
    #[serde(default)]
    name_en: String,
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

/// Reads the campaign folder `dir` of `year` through `read` (a file's
/// text, `None` when it is not there); its units are `register`'s units
/// that existed during the year.
pub(super) fn parse_campaign(
    year: i32,
    dir: &str,
    read: impl Fn(&str) -> Result<Option<String>, ReferenceError>,
    register: Arc<Register>,
) -> Result<Campaign, ReferenceError> {
    let ctx = |file| Ctx { dir, file };
    let themes = themes(&ctx("themes.csv"), &read)?;
    let subthemes = subthemes(&ctx("subthemes.csv"), &read, &themes)?;
    let hrc_priorities = hrc_priorities(&ctx("hrc_priorities.csv"), &read)?;
    let forms = forms(&ctx("forms.csv"), &read)?;
    let languages = languages(&ctx("languages.csv"), &read)?;
    if !languages.iter().any(|l| l.code == "vi") {
        return Err(ReferenceError::File {
            file: format!("{dir}/languages.csv"),
            message: crate::msg!("reference-no-vi-language"),
        });
    }
    let peaks = peaks(&ctx("peak_periods.csv"), &read, &themes)?;
    let obligations = obligations(&ctx("obligations.csv"), &read)?;
    let keywords = keywords(&ctx("theme_keywords.csv"), &read, &themes)?;
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

/// What reads a file of the folder: its text, `None` when it is not there.
type Read<'r> = &'r dyn Fn(&str) -> Result<Option<String>, ReferenceError>;

/// `code`, which must be a theme of `themes.csv`.
fn known_theme(
    themes: &[Theme],
    c: &Ctx,
    line: u64,
    field: &str,
    code: &str,
) -> Result<ThemeCode, ReferenceError> {
    if themes.iter().any(|t| t.code.0 == code) {
        Ok(ThemeCode(code.to_string()))
    } else {
        Err(c.err(
            line,
            field,
            crate::msg!("reference-unknown-theme", code = code),
        ))
    }
}

/// `themes.csv`.
fn themes(c: &Ctx, read: Read) -> Result<Vec<Theme>, ReferenceError> {
    let mut themes = Vec::new();
    for (line, r) in rows::<ThemeRow>(c, &read)? {
        themes.push(Theme {
            code: ThemeCode(c.code(line, "theme_code", &r.theme_code)?),
            name_vi: c.nonempty(line, "name_vi", &r.name_vi)?,
            name_en: c.nonempty(line, "name_en", &r.name_en)?,
            aliases: list(&r.aliases),
        });
    }
    Ok(themes)
}

/// `subthemes.csv`: each code starts with its theme's.
fn subthemes(c: &Ctx, read: Read, themes: &[Theme]) -> Result<Vec<Subtheme>, ReferenceError> {
    let mut subthemes = Vec::new();
    for (line, r) in rows::<SubthemeRow>(c, &read)? {
        let theme = known_theme(themes, c, line, "theme_code", &r.theme_code)?;
        let code = c.code(line, "subtheme_code", &r.subtheme_code)?;
        if !code.starts_with(&format!("{}.", theme.0)) {
            return Err(c.err(
                line,
                "subtheme_code",
                crate::msg!(
                    "reference-subtheme-prefix",
                    code = code,
                    theme = theme.0.clone()
                ),
            ));
        }
        subthemes.push(Subtheme {
            code,
            theme,
            name_en: name_en(&r.name_en, &r.name_vi),
            name_vi: c.nonempty(line, "name_vi", &r.name_vi)?,
            aliases: list(&r.aliases),
        });
    }
    Ok(subthemes)
}

/// The English name of a row whose `name_en` column is optional: the
/// Vietnamese name where it is empty or absent (a folder made before the
/// column, or a row not yet translated).
fn name_en(en: &str, vi: &str) -> String {
    let en = crate::text::clean(en);
    if en.is_empty() {
        crate::text::clean(vi)
    } else {
        en
    }
}

/// `hrc_priorities.csv`: groups 1 to 8.
fn hrc_priorities(c: &Ctx, read: Read) -> Result<Vec<HrcPriority>, ReferenceError> {
    let mut hrc_priorities = Vec::new();
    for (line, r) in rows::<HrcRow>(c, &read)? {
        let number = r
            .hrc_priority
            .parse::<u8>()
            .ok()
            .filter(|n| (1..=8).contains(n));
        let number = number.ok_or_else(|| {
            c.err(
                line,
                "hrc_priority",
                crate::msg!("reference-hrc-number", value = r.hrc_priority.clone()),
            )
        })?;
        hrc_priorities.push(HrcPriority {
            number,
            name_vi: c.nonempty(line, "name_vi", &r.name_vi)?,
            name_en: c.nonempty(line, "name_en", &r.name_en)?,
        });
    }
    Ok(hrc_priorities)
}

/// `forms.csv`: a code, a Vietnamese label, an English one (optional) and
/// aliases.
fn forms(c: &Ctx, read: Read) -> Result<Vec<Labelled>, ReferenceError> {
    let mut forms = Vec::new();
    for (line, r) in rows::<FormRow>(c, &read)? {
        forms.push(Labelled {
            code: c.code(line, "form_code", &r.form_code)?,
            name_en: name_en(&r.name_en, &r.name_vi),
            name_vi: c.nonempty(line, "name_vi", &r.name_vi)?,
            aliases: list(&r.aliases),
        });
    }
    Ok(forms)
}

/// `languages.csv`: a code, a Vietnamese label, an English one (optional)
/// and aliases.
fn languages(c: &Ctx, read: Read) -> Result<Vec<Labelled>, ReferenceError> {
    let mut languages = Vec::new();
    for (line, r) in rows::<LanguageRow>(c, &read)? {
        languages.push(Labelled {
            code: c.code(line, "language_code", &r.language_code)?,
            name_en: name_en(&r.name_en, &r.name_vi),
            name_vi: c.nonempty(line, "name_vi", &r.name_vi)?,
            aliases: list(&r.aliases),
        });
    }
    Ok(languages)
}

/// `peak_periods.csv`: windows whose end is not before their start, on
/// known themes.
fn peaks(c: &Ctx, read: Read, themes: &[Theme]) -> Result<Vec<PeakPeriod>, ReferenceError> {
    let mut peaks = Vec::new();
    for (line, r) in rows::<PeakRow>(c, &read)? {
        let start = c.date(line, "start_date", &r.start_date)?;
        let end = c.date(line, "end_date", &r.end_date)?;
        if end < start {
            return Err(c.err(
                line,
                "end_date",
                crate::msg!(
                    "reference-end-before-start",
                    end = end.to_string(),
                    start = start.to_string()
                ),
            ));
        }
        let mut peak_themes = Vec::new();
        for t in list(&r.themes) {
            peak_themes.push(known_theme(themes, c, line, "themes", &t)?);
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
    Ok(peaks)
}

/// `obligations.csv`: kinds of unit, the first and last period of the
/// period kind, and exactly one of a due date or a monthly due day.
fn obligations(c: &Ctx, read: Read) -> Result<Vec<Obligation>, ReferenceError> {
    let mut obligations = Vec::new();
    for (line, r) in rows::<ObligationRow>(c, &read)? {
        let unit_kinds = list(&r.unit_kinds)
            .iter()
            .map(|k| {
                UnitKind::parse(k).ok_or_else(|| {
                    c.err(
                        line,
                        "unit_kinds",
                        crate::msg!("reference-not-one-of", value = k, codes = UnitKind::codes()),
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let period = |field: &str, s: &str| {
            Period::parse(s).ok_or_else(|| {
                c.err(
                    line,
                    field,
                    crate::msg!("reference-not-a-period", value = s),
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
                crate::msg!(
                    "reference-period-kind-mismatch",
                    kind = r.period_kind.clone(),
                    first = first.to_string(),
                    last = last.to_string()
                ),
            ));
        }
        let due = match (r.due_date.as_str(), r.due_day.as_str()) {
            (d, "") if !d.is_empty() => Due::Date(c.date(line, "due_date", d)?),
            ("", d) if !d.is_empty() && r.period_kind == "monthly" => {
                let day = d.parse().ok().filter(|d| (1..=28).contains(d));
                Due::DayOfMonth(day.ok_or_else(|| {
                    c.err(line, "due_day", crate::msg!("reference-due-day", value = d))
                })?)
            }
            _ => {
                return Err(c.err(line, "due_date", crate::msg!("reference-due-one-of")));
            }
        };
        obligations.push(Obligation {
            unit_kinds,
            first,
            last,
            due,
        });
    }
    Ok(obligations)
}

/// `theme_keywords.csv`: a keyword, its theme, and whether it is a fallback.
fn keywords(c: &Ctx, read: Read, themes: &[Theme]) -> Result<Vec<ThemeKeyword>, ReferenceError> {
    let mut keywords = Vec::new();
    for (line, r) in rows::<KeywordRow>(c, &read)? {
        let fallback = match r.fallback.as_str() {
            "true" => true,
            "false" | "" => false,
            other => {
                return Err(c.err(
                    line,
                    "fallback",
                    crate::msg!("reference-true-or-false", value = other),
                ));
            }
        };
        keywords.push(ThemeKeyword {
            keyword: c.nonempty(line, "keyword", &r.keyword)?,
            theme: known_theme(themes, c, line, "theme_code", &r.theme_code)?,
            fallback,
        });
    }
    Ok(keywords)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &'static str) -> impl Fn(&str) -> Result<Option<String>, ReferenceError> {
        move |_| Ok(Some(text.to_string()))
    }

    #[test]
    fn english_names_are_read_and_a_folder_without_them_still_loads() {
        let ctx = |file| Ctx { dir: "2023", file };
        let with =
            read("form_code,name_vi,name_en,aliases\nnews,Tin,News,Tin tức\nskit,Tiểu phẩm,,\n");
        let forms = forms(&ctx("forms.csv"), &with).unwrap();
        assert_eq!(forms[0].name_en, "News");
        // a row not yet translated: its Vietnamese name
        assert_eq!(forms[1].name_en, "Tiểu phẩm");
        // a folder made before the column
        let without = read("language_code,name_vi,aliases\nvi,Tiếng Việt,Việt\n");
        let languages = languages(&ctx("languages.csv"), &without).unwrap();
        assert_eq!(languages[0].name_en, "Tiếng Việt");
        let themes = vec![Theme {
            code: ThemeCode("labour".into()),
            name_vi: "Người lao động".into(),
            name_en: "Workers".into(),
            aliases: vec![],
        }];
        let old = read(
            "subtheme_code,theme_code,name_vi,aliases\nlabour.overseas,labour,Lao động ở nước ngoài,\n",
        );
        let subthemes = subthemes(&ctx("subthemes.csv"), &old, &themes).unwrap();
        assert_eq!(subthemes[0].name_en, "Lao động ở nước ngoài");
    }
}
