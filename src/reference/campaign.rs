//! One campaign year's reference data (its themes, forms, languages, peak
//! periods, obligations and keyword rules, and the register its reports
//! are matched against) and the questions asked of it: which unit, theme,
//! form or language a label names, what theme a title implies, and which
//! reports the obligations expect.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;

use super::matching::{Index, Inference, Match, Vocabulary};
use super::register::Register;
use super::settings::ReportSettings;
use super::types::{
    Due, ExpectedReport, HrcPriority, Labelled, Obligation, PeakPeriod, Subtheme, Theme,
    ThemeKeyword, Unit,
};
use crate::domain::{Period, ThemeCode, UnitCode};

/// The reference data of one campaign year, with its matching indices.
#[derive(Debug)]
pub struct Campaign {
    pub year: i32,
    pub themes: Vec<Theme>,
    pub subthemes: Vec<Subtheme>,
    pub hrc_priorities: Vec<HrcPriority>,
    pub forms: Vec<Labelled>,
    pub languages: Vec<Labelled>,
    pub peaks: Vec<PeakPeriod>,
    /// The register's units that existed on some day of the year.
    pub units: Vec<Unit>,
    pub obligations: Vec<Obligation>,
    pub keywords: Vec<ThemeKeyword>,
    /// The register the campaign's reports are matched against.
    pub register: Arc<Register>,
    /// The text of each campaign file as read (`themes.csv` → its CSV), so
    /// that `reference new` copies files as their authors wrote them.
    pub texts: BTreeMap<String, String>,
    /// The year's own `report_settings.csv`, when its issuing body differs
    /// from the folder's (a department that changed with the 2025 reform).
    pub report: Option<ReportSettings>,
    pub(super) index: Index,
}

impl Campaign {
    /// The labels the campaign's matching index is built from.
    pub(super) fn vocabulary(&self) -> Vocabulary<'_> {
        Vocabulary {
            themes: &self.themes,
            subthemes: &self.subthemes,
            forms: &self.forms,
            languages: &self.languages,
            keywords: &self.keywords,
        }
    }

    /// The register's row of `code`.
    pub fn unit(&self, code: &UnitCode) -> Option<&Unit> {
        self.register.unit(code)
    }

    /// Every report the obligations expect, in unit then period order: one
    /// per period from each unit of the obligation's kinds that existed
    /// both during the period and on its due date (a unit abolished before
    /// the due date owes nothing; its successors owe the report).
    pub fn expected_reports(&self) -> Vec<ExpectedReport> {
        let mut out = Vec::new();
        for ob in &self.obligations {
            for period in ob.first.through(ob.last) {
                let due = match (ob.due, period) {
                    (Due::Date(d), _) => d,
                    (Due::DayOfMonth(day), Period::Month { year, month }) => {
                        match NaiveDate::from_ymd_opt(year, month, day) {
                            Some(d) => d,
                            None => continue,
                        }
                    }
                    (Due::DayOfMonth(_), _) => continue,
                };
                for unit in self
                    .units
                    .iter()
                    .filter(|u| ob.unit_kinds.contains(&u.kind))
                {
                    let alive = unit.valid_during(period) && unit.valid_on(due);
                    if alive {
                        out.push(ExpectedReport {
                            unit: unit.code.clone(),
                            period,
                            due,
                        });
                    }
                }
            }
        }
        out.sort_by(|a, b| (&a.unit, a.period).cmp(&(&b.unit, b.period)));
        out
    }

    /// Finds the unit a name, alias or code designates among the units
    /// that existed during `period` (see [`Register::match_unit`]).
    pub fn match_unit(&self, text: &str, period: Period) -> Match<UnitCode> {
        self.register.match_unit(text, period)
    }

    /// Finds the theme (and sub-theme, when the text names one).
    pub fn match_theme(&self, text: &str) -> Option<(ThemeCode, Option<String>)> {
        self.index.theme(text)
    }

    /// Finds a sub-theme by code or label.
    pub fn match_subtheme(&self, text: &str) -> Option<&Subtheme> {
        self.index
            .subtheme(text)
            .and_then(|code| self.subthemes.iter().find(|s| s.code == code))
    }

    pub fn match_form(&self, text: &str) -> Option<&str> {
        self.index.form(text)
    }

    pub fn match_language(&self, text: &str) -> Option<&str> {
        self.index.language(text)
    }

    /// The language a longer label names: the one language whose name
    /// stands in it (`Tiếng Thái trắng` is Thai); of a Vietnamese and an
    /// ethnic-minority language (`Song ngữ Việt - Thái`), the minority one.
    /// None when it names none, or several minority languages.
    pub fn language_within(&self, text: &str) -> Option<String> {
        let mut found = self.index.languages_within(text);
        if found.len() > 1 {
            found.remove("vi");
        }
        (found.len() == 1)
            .then(|| found.into_iter().next())
            .flatten()
    }

    /// Infers a theme from a title with the keyword rules.
    pub fn infer_theme(&self, title: &str) -> Inference {
        self.index.infer(title)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::UnitKind;
    use crate::reference::Reference;

    #[test]
    fn bundled_2023_loads_with_the_letter_s_figures() {
        let r = Reference::bundled().unwrap();
        let c = r.campaign(2023).unwrap();
        assert_eq!(c.themes.len(), 6);
        assert_eq!(c.subthemes.len(), 16);
        assert_eq!(c.hrc_priorities.len(), 8);
        assert_eq!(c.forms.len(), 14);
        assert_eq!(c.peaks.len(), 5);
        assert_eq!(c.units.len(), 49);
        assert_eq!(
            c.units
                .iter()
                .filter(|u| u.kind == UnitKind::CultureOffice)
                .count(),
            10
        );
    }

    #[test]
    fn expected_reports_follow_section_5() {
        let r = Reference::bundled().unwrap();
        let exp = r.campaign(2023).unwrap().expected_reports();
        // 49 annual reports + 10 culture offices x 7 months (2023-06..2023-12)
        assert_eq!(exp.len(), 49 + 70);
        let tg_july = exp
            .iter()
            .find(|e| {
                e.unit.0 == "pvhtt-tuan-giao"
                    && e.period
                        == Period::Month {
                            year: 2023,
                            month: 7,
                        }
            })
            .unwrap();
        assert_eq!(tg_july.due, NaiveDate::from_ymd_opt(2023, 7, 15).unwrap());
        let annual = exp.iter().find(|e| e.unit.0 == "so-y-te").unwrap();
        assert_eq!(annual.due, NaiveDate::from_ymd_opt(2023, 11, 5).unwrap());
    }
}
