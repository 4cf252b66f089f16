//! `summary`: the annual provincial summary the department sends on. It
//! reads the year's figures through the named queries (no SQL here), draws
//! the charts, and writes one self-contained HTML page (charts inline as
//! SVG), a workbook with one sheet per table, a Markdown copy, and the
//! report itself as a Word document in the administrative format.

mod charts;
mod data;
mod docx;
mod figures;
mod html;
mod labels;
mod markdown;
mod workbook;

use std::path::{Path, PathBuf};

pub use charts::{FONT, register_font};
pub use data::{SummaryData, Table};

use crate::query::{QueryError, Session};
use crate::reference::Reference;

/// The language of the documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    Vi,
    En,
}

impl Lang {
    /// Picks the Vietnamese or English text.
    pub fn t<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

/// What can go wrong making the summary.
#[derive(Debug, thiserror::Error)]
pub enum SummaryError {
    #[error(
        "the lake holds no activity for {0}: ingest that year's reports first, or choose another --year"
    )]
    EmptyYear(i32),
    #[error("there is no reference data for {0}, so its themes and peak periods are unknown")]
    NoCampaign(i32),
    #[error(transparent)]
    Query(#[from] QueryError),
    #[error("{0}")]
    Draw(String),
    #[error(
        "cannot write {path}: {error}; check that the folder can be written (or give another --out) and that the disk has room"
    )]
    Io { path: String, error: std::io::Error },
    #[error("cannot write the workbook {path}: {message}")]
    Workbook { path: String, message: String },
}

/// How to make the summary.
#[derive(Debug, Clone)]
pub struct SummaryOptions {
    pub year: i32,
    pub lang: Lang,
    pub out: PathBuf,
    /// The generation stamp printed on every document (a date).
    pub stamp: String,
    /// Where the figures come from, for footnotes.
    pub source: String,
}

/// The files written, in order.
#[derive(Debug, Clone)]
pub struct SummaryFiles {
    pub files: Vec<PathBuf>,
}

/// Makes the summary of `opts.year` into `opts.out`.
pub async fn build(
    session: &Session,
    reference: &Reference,
    opts: &SummaryOptions,
) -> Result<SummaryFiles, SummaryError> {
    // the campaign's themes are the columns of the unit x theme table
    let themes: Vec<String> = reference
        .campaign(opts.year)
        .map(|c| c.themes.iter().map(|t| t.code.0.clone()).collect())
        .unwrap_or_default();
    // a year that spans a change of units (the 2025 reform) shows its units
    // on the map of its last day: merged units under their successor, a
    // split unit on its own row, marked
    let (first, last) = crate::domain::Period::Year(opts.year).bounds();
    let spans_change = reference
        .registers()
        .iter()
        .any(|r| r.lineage.iter().any(|l| l.date > first && l.date <= last));
    let units_as_of = spans_change.then_some(last);
    let unit_names: std::collections::BTreeMap<String, String> = reference
        .registers()
        .iter()
        .flat_map(|r| r.units.iter())
        .map(|u| (u.code.0.clone(), u.name_vi.clone()))
        .collect();
    let data = SummaryData::load(session, opts.year, &themes, units_as_of, &unit_names).await?;
    if data.items() == 0.0 {
        return Err(SummaryError::EmptyYear(opts.year));
    }
    let campaign = reference
        .campaign(opts.year)
        .ok_or(SummaryError::NoCampaign(opts.year))?;
    let dir = &opts.out;
    std::fs::create_dir_all(dir).map_err(|error| SummaryError::Io {
        path: dir.display().to_string(),
        error,
    })?;
    let drawn = figures::draw_charts(&data, campaign, opts)?;
    let mut files: Vec<PathBuf> = Vec::new();
    for c in &drawn {
        files.push(dir.join(format!("{}.png", c.name)));
        files.push(dir.join(format!("{}.svg", c.name)));
    }
    let write = |name: &str, text: String| -> Result<PathBuf, SummaryError> {
        let p = dir.join(name);
        write_atomic(&p, text.as_bytes())?;
        Ok(p)
    };
    files.push(write(
        "summary.html",
        html::html(&data, campaign, opts, &drawn),
    )?);
    files.push(write(
        "summary.md",
        markdown::markdown(&data, campaign, opts, &drawn),
    )?);
    let xlsx = dir.join("summary.xlsx");
    workbook::workbook(&data, opts, &xlsx)?;
    files.push(xlsx);
    let report = dir.join(format!("bao-cao-{}.docx", opts.year));
    docx::docx(
        &data,
        campaign,
        opts,
        &drawn,
        &reference.report_for(opts.year),
        &report,
    )?;
    files.push(report);
    Ok(SummaryFiles { files })
}

/// Writes `bytes` to `path` whole or not at all (see [`crate::atomic`]).
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SummaryError> {
    crate::atomic::write_bytes(path, bytes).map_err(|e| SummaryError::Io {
        path: e.path.display().to_string(),
        error: e.error,
    })
}

/// Today's date, for the generation stamp.
pub fn today() -> String {
    chrono::Utc::now().date_naive().to_string()
}

/// The default output folder for a year.
pub fn default_out(year: i32) -> PathBuf {
    Path::new("summary").join(year.to_string())
}
