//! Loading reference data: the bundled folder or `--reference DIR`, in the
//! layout with one register beside the year folders or the layout before
//! it (each year folder with its own `units.csv`); each campaign folder
//! read, validated and indexed for matching.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::bundled::{BUNDLED, bundled_text};
use super::campaign::Campaign;
use super::campaign_files::parse_campaign;
use super::error::ReferenceError;
use super::matching::Index;
use super::quality::QualityChecks;
use super::register::Register;
use super::settings::ReportSettings;

/// All campaign years available to this run, and the register of units.
#[derive(Debug)]
pub struct Reference {
    /// Who issues the annual report (`report_settings.csv`).
    pub report: ReportSettings,
    /// The bounds and validation rules of the data-quality checks
    /// (`bounds.csv`, `validation_rules.csv`; the bundled ones where the
    /// folder has none).
    pub quality: QualityChecks,
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
                load_campaign(year, &format!("data/reference/{name}"), read, &register)?,
            );
        }
        if campaigns.is_empty() {
            return Err(ReferenceError::Empty(crate::msg!("reference-bundled-data")));
        }
        Ok(Reference {
            report: ReportSettings::bundled()?,
            quality: QualityChecks::bundled()?,
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
            message: crate::msg!("reference-folder-unreadable", error = e.to_string()),
        };
        let mut year_dirs: Vec<(i32, PathBuf)> = Vec::new();
        let register_dir = if dir.join("themes.csv").exists() {
            let year = dir
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.parse().ok())
                .ok_or_else(|| ReferenceError::File {
                    file: dir.display().to_string(),
                    message: crate::msg!("reference-campaign-folder-name"),
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
        let quality = match &register_dir {
            Some(d) => {
                QualityChecks::read(&d.display().to_string(), &|f: &str| read_file(&d.join(f)))?
            }
            None => QualityChecks::bundled()?,
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
                    message: crate::msg!(
                        "reference-units-missing",
                        folder = register_home.display().to_string()
                    ),
                });
            } else {
                register.clone()
            };
            campaigns.insert(year, load_campaign(year, &shown, read, &own)?);
        }
        if campaigns.is_empty() {
            return Err(ReferenceError::Empty(crate::i18n::Msg::verbatim(
                dir.display().to_string(),
            )));
        }
        Ok(Reference {
            report,
            quality,
            campaigns,
            register,
            origin: dir.display().to_string(),
        })
    }

    /// The text of one bundled reference file as committed in
    /// `data/reference/`: `2023/themes.csv`, or the register's `units.csv`.
    pub fn bundled_text(path: &str) -> Option<&'static str> {
        bundled_text(path)
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

/// Reads one campaign folder through `read` (a file's text, `None` when
/// it is not there), keeping each file's text as read.
fn load_campaign(
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
    let mut campaign = parse_campaign(year, dir, remember, register.clone())?;
    campaign.index = Index::build(&campaign.vocabulary(), dir)?;
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

/// A file of a reference folder; `None` when it is not there.
pub(super) fn read_file(p: &Path) -> Result<Option<String>, ReferenceError> {
    match std::fs::read_to_string(p) {
        Ok(s) => Ok(Some(s)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(ReferenceError::File {
            file: p.display().to_string(),
            message: crate::msg!("reference-file-unreadable", error = e.to_string()),
        }),
    }
}
