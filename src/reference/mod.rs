//! Reference data: one dated register of units with its lineage
//! (`data/reference/units.csv`, `unit_lineage.csv`), and one folder per
//! campaign year (`data/reference/2023/`) with its themes, sub-themes, HRC
//! priorities, forms, languages, peak periods, reporting obligations and
//! theme keywords. The bundled folder is embedded in the binary;
//! `--reference DIR` replaces it. Every file is validated at load, and an
//! error names the file, line and field. A campaign folder holding its own
//! `units.csv` (the layout before the register) still loads: its units are
//! its own register, with the lineage of its own `unit_lineage.csv` if it
//! has one.

mod files;
pub mod matching;
pub mod register;
pub mod tools;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use include_dir::{Dir, include_dir};

use std::sync::Arc;

use crate::domain::{Period, ThemeCode, UnitCode, UnitKind};
pub use matching::{Inference, Match};
pub use register::{ChangeKind, Fate, Lineage, Register};

static BUNDLED: Dir = include_dir!("$CARGO_MANIFEST_DIR/data/reference");

/// What can go wrong loading reference data.
#[derive(Debug, thiserror::Error)]
pub enum ReferenceError {
    #[error("{file} line {line}, field `{field}`: {message}")]
    Invalid {
        file: String,
        line: u64,
        field: String,
        message: String,
    },
    #[error("{file}: {message}")]
    File { file: String, message: String },
    #[error(
        "no reference data in {0}: expected units.csv with year folders (2023/, ...), or one year folder holding themes.csv and the other campaign files"
    )]
    Empty(String),
}

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
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct HrcPriority {
    pub number: u8,
    pub name_vi: String,
    pub name_en: String,
}

/// A form of communication (`news`, `radio`, ...) or a broadcast language:
/// both are a code, a Vietnamese label and aliases.
#[derive(Debug, Clone)]
pub struct Labelled {
    pub code: String,
    pub name_vi: String,
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
    index: matching::Index,
}

/// Who issues the annual report and to whom (`report_settings.csv`: `key`,
/// `vi`, `en`): the issuing body and its parent, the document symbol, the
/// place, the signatory's authority, title and name, and the recipients
/// (`|`-separated). A folder without the file takes the bundled one, the
/// values of the 2023 letter.
#[derive(Debug, Clone, Default)]
pub struct ReportSettings {
    values: BTreeMap<String, (String, String)>,
}

impl ReportSettings {
    /// The keys a settings file may hold.
    pub const KEYS: [&str; 9] = [
        "issuer_parent",
        "issuer",
        "issuer_name",
        "symbol",
        "place",
        "signer_authority",
        "signer_title",
        "signer_name",
        "recipients",
    ];

    /// Reads `key,vi,en` rows; a key it does not know, a key given twice,
    /// a value running over several lines (an unclosed quote) or a file
    /// without its header is an error naming the line. A key it does not
    /// give keeps the bundled value.
    fn parse(file: &str, text: &str) -> Result<ReportSettings, ReferenceError> {
        let bad = |line: u64, field: &str, message: String| ReferenceError::Invalid {
            file: file.to_string(),
            line,
            field: field.to_string(),
            message,
        };
        let mut reader = files::csv_reader(text, true);
        let header: Vec<String> = reader
            .headers()
            .map_err(|e| bad(1, "", format!("this line is not valid CSV: {e}")))?
            .iter()
            .map(str::to_string)
            .collect();
        if header != ["key", "vi", "en"] {
            return Err(bad(
                1,
                "",
                format!(
                    "the first line must be the header key,vi,en, not '{}'",
                    header.join(",")
                ),
            ));
        }
        let mut values = BTreeMap::new();
        for record in reader.records() {
            let record = record.map_err(|e| {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                bad(line, "", format!("this line is not valid CSV: {e}"))
            })?;
            let line = record.position().map(|p| p.line()).unwrap_or(0);
            let get = |n: usize| record.get(n).unwrap_or_default();
            let key = get(0);
            if !Self::KEYS.contains(&key) {
                return Err(bad(
                    line,
                    "key",
                    format!(
                        "'{key}' is not a setting: the settings are {}",
                        Self::KEYS.join(", ")
                    ),
                ));
            }
            if record.len() > 3 {
                return Err(bad(
                    line,
                    "",
                    "a line has three fields, key,vi,en: put a value with a comma in double quotes"
                        .into(),
                ));
            }
            for (n, field) in [(1, "vi"), (2, "en")] {
                if get(n).contains('\n') {
                    return Err(bad(
                        line,
                        field,
                        format!(
                            "the value of '{key}' runs over several lines: a double quote is not closed"
                        ),
                    ));
                }
            }
            if values
                .insert(
                    key.to_string(),
                    (crate::text::clean(get(1)), crate::text::clean(get(2))),
                )
                .is_some()
            {
                return Err(bad(line, "key", format!("'{key}' is given twice")));
            }
        }
        Ok(ReportSettings { values })
    }

    /// These settings, with `defaults` for every key they do not give.
    fn or(mut self, defaults: &ReportSettings) -> ReportSettings {
        for (k, v) in &defaults.values {
            self.values.entry(k.clone()).or_insert_with(|| v.clone());
        }
        self
    }

    /// The settings as `report_settings.csv` writes them.
    pub fn csv(&self) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        let _ = w.write_record(["key", "vi", "en"]);
        for (key, (vi, en)) in &self.values {
            let _ = w.write_record([key, vi, en]);
        }
        String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
    }

    /// The value of `key` in Vietnamese, or in English when `english`
    /// (falling back to the Vietnamese); empty when not set.
    pub fn get(&self, key: &str, english: bool) -> &str {
        match self.values.get(key) {
            Some((_, en)) if english && !en.is_empty() => en,
            Some((vi, _)) => vi,
            None => "",
        }
    }
}

/// All campaign years available to this run, and the register of units.
#[derive(Debug)]
pub struct Reference {
    /// Who issues the annual report (`report_settings.csv`).
    pub report: ReportSettings,
    pub campaigns: BTreeMap<i32, Campaign>,
    /// The register at the folder's top (`units.csv`, `unit_lineage.csv`);
    /// empty when every campaign folder holds its own `units.csv`.
    pub register: Arc<Register>,
    /// Where it came from: `bundled` or a folder.
    pub origin: String,
}

impl Reference {
    /// The reference data to use: `dir` when given, else the bundled data.
    pub fn load(dir: Option<&Path>) -> Result<Reference, ReferenceError> {
        match dir {
            Some(dir) => Reference::from_dir(dir),
            None => Reference::bundled(),
        }
    }

    /// The reference data compiled into the binary from `data/reference/`.
    pub fn bundled() -> Result<Reference, ReferenceError> {
        let text = |path: String| {
            Ok(BUNDLED
                .get_file(path)
                .and_then(|f| f.contents_utf8())
                .map(str::to_owned))
        };
        let top = |file: &str| text(file.to_string());
        let register = Arc::new(Register::load("data/reference", &top, true)?);
        let mut campaigns = BTreeMap::new();
        for sub in BUNDLED.dirs() {
            let name = sub.path().to_string_lossy().to_string();
            let Ok(year) = name.parse::<i32>() else {
                continue;
            };
            let read = |file: &str| text(format!("{name}/{file}"));
            campaigns.insert(
                year,
                Campaign::load(year, &format!("data/reference/{name}"), read, &register)?,
            );
        }
        if campaigns.is_empty() {
            return Err(ReferenceError::Empty("the bundled data".into()));
        }
        Ok(Reference {
            report: ReportSettings::bundled()?,
            campaigns,
            register,
            origin: "bundled".into(),
        })
    }

    /// Reads a reference folder: `units.csv` and `unit_lineage.csv` beside
    /// year folders (`2023/`, ...), or one year folder (named after its
    /// year) whose units are its own `units.csv` or its parent folder's.
    pub fn from_dir(dir: &Path) -> Result<Reference, ReferenceError> {
        let unreadable = |e: std::io::Error| ReferenceError::File {
            file: dir.display().to_string(),
            message: format!("cannot read the reference folder: {e}"),
        };
        let mut year_dirs: Vec<(i32, PathBuf)> = Vec::new();
        let register_dir = if dir.join("themes.csv").exists() {
            let year = dir
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.parse().ok())
                .ok_or_else(|| ReferenceError::File {
                    file: dir.display().to_string(),
                    message: "a single campaign folder must be named after its year, e.g. 2023/"
                        .into(),
                })?;
            year_dirs.push((year, dir.to_path_buf()));
            dir.parent().map(Path::to_path_buf)
        } else {
            for entry in std::fs::read_dir(dir).map_err(unreadable)? {
                let path = entry.map_err(unreadable)?.path();
                let year = path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .and_then(|n| n.parse().ok());
                if let (Some(year), true) = (year, path.is_dir()) {
                    year_dirs.push((year, path));
                }
            }
            Some(dir.to_path_buf())
        };
        let report = match register_dir
            .as_ref()
            .map(|d| d.join("report_settings.csv"))
            .filter(|p| p.exists())
        {
            Some(p) => ReportSettings::parse(
                &p.display().to_string(),
                &read_file(&p)?.unwrap_or_default(),
            )?
            .or(&ReportSettings::bundled()?),
            None => ReportSettings::bundled()?,
        };
        let register_home = register_dir.clone().unwrap_or_else(|| dir.to_path_buf());
        let register = match register_dir.filter(|d| d.join("units.csv").exists()) {
            Some(d) => {
                let read = |file: &str| read_file(&d.join(file));
                let lineage = d.join("unit_lineage.csv").exists();
                Arc::new(Register::load(&d.display().to_string(), &read, lineage)?)
            }
            None => Arc::new(Register::default()),
        };
        let mut campaigns = BTreeMap::new();
        for (year, path) in year_dirs {
            let read = |file: &str| read_file(&path.join(file));
            let shown = path.display().to_string();
            // a campaign folder of the layout before the register
            let own = if path.join("units.csv").exists() {
                let lineage = path.join("unit_lineage.csv").exists();
                Arc::new(Register::load(&shown, &read, lineage)?)
            } else if register.units.is_empty() {
                return Err(ReferenceError::File {
                    file: path.join("units.csv").display().to_string(),
                    message: format!(
                        "this file is missing: put the register units.csv (and unit_lineage.csv) in {}, or a units.csv in the campaign folder",
                        register_home.display()
                    ),
                });
            } else {
                register.clone()
            };
            campaigns.insert(year, Campaign::load(year, &shown, read, &own)?);
        }
        if campaigns.is_empty() {
            return Err(ReferenceError::Empty(dir.display().to_string()));
        }
        Ok(Reference {
            report,
            campaigns,
            register,
            origin: dir.display().to_string(),
        })
    }

    /// The text of one bundled reference file as committed in
    /// `data/reference/`: `2023/themes.csv`, or the register's `units.csv`.
    pub fn bundled_text(path: &str) -> Option<&'static str> {
        BUNDLED.get_file(path).and_then(|f| f.contents_utf8())
    }

    /// Every register this run's campaigns use, the top one first (several
    /// only with campaign folders holding their own `units.csv`).
    pub fn registers(&self) -> Vec<&Arc<Register>> {
        let mut out: Vec<&Arc<Register>> = vec![&self.register];
        for c in self.campaigns.values() {
            if !out.iter().any(|r| Arc::ptr_eq(r, &c.register)) {
                out.push(&c.register);
            }
        }
        out
    }

    pub fn campaign(&self, year: i32) -> Option<&Campaign> {
        self.campaigns.get(&year)
    }

    /// The campaign years, comma separated, for messages.
    pub fn years_list(&self) -> String {
        self.campaigns
            .keys()
            .map(|y| y.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl Reference {
    /// The settings of the `year` report: the campaign folder's own, with
    /// the folder's for what it leaves out.
    pub fn report_for(&self, year: i32) -> ReportSettings {
        match self.campaign(year).and_then(|c| c.report.clone()) {
            Some(own) => own.or(&self.report),
            None => self.report.clone(),
        }
    }
}

impl ReportSettings {
    fn bundled() -> Result<ReportSettings, ReferenceError> {
        ReportSettings::parse(
            "data/reference/report_settings.csv",
            Reference::bundled_text("report_settings.csv").unwrap_or_default(),
        )
    }
}

/// A file of a reference folder; `None` when it is not there.
fn read_file(p: &Path) -> Result<Option<String>, ReferenceError> {
    match std::fs::read_to_string(p) {
        Ok(s) => Ok(Some(s)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(ReferenceError::File {
            file: p.display().to_string(),
            message: format!("cannot read it as UTF-8 text: {e}"),
        }),
    }
}

impl Campaign {
    fn load(
        year: i32,
        dir: &str,
        read: impl Fn(&str) -> Result<Option<String>, ReferenceError>,
        register: &Arc<Register>,
    ) -> Result<Campaign, ReferenceError> {
        let texts = std::cell::RefCell::new(BTreeMap::new());
        let remember = |file: &str| {
            let text = read(file)?;
            if let Some(t) = &text {
                texts.borrow_mut().insert(file.to_string(), t.clone());
            }
            Ok(text)
        };
        let mut campaign = files::parse_campaign(year, dir, remember, register.clone())?;
        campaign.index = matching::Index::build(&campaign, dir)?;
        campaign.report = match read("report_settings.csv")? {
            Some(text) => Some(ReportSettings::parse(
                &format!("{dir}/report_settings.csv"),
                &text,
            )?),
            None => None,
        };
        campaign.texts = texts.into_inner();
        Ok(campaign)
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
            for period in periods_between(ob.first, ob.last) {
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
        self.index.infer(self, title)
    }
}

/// Inclusive first and last day of a period.
pub fn period_bounds(p: Period) -> (NaiveDate, NaiveDate) {
    p.bounds()
}

/// The periods from `first` to `last` inclusive, stepping by their kind.
pub(crate) fn periods_between(first: Period, last: Period) -> Vec<Period> {
    let mut out = Vec::new();
    match (first, last) {
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

#[cfg(test)]
mod tests {
    use super::*;

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
