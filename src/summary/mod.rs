//! `summary`: the annual provincial summary the department sends on. It
//! reads the year's figures through the named queries (no SQL here), draws
//! the charts, and writes one self-contained HTML page (charts inline as
//! SVG), a workbook with one sheet per table, a Markdown copy, and the
//! report itself as a Word document in the administrative format.

mod answer;
mod charts;
mod data;
mod docx;
mod error;
mod figures;
mod html;
mod labels;
mod markdown;
mod options;
mod workbook;

use std::path::{Path, PathBuf};

pub use answer::{Answer, AnswerError, Cell, Col, Kind};
pub use charts::{FONT, register_font};
pub use data::SummaryData;
pub use error::SummaryError;
pub use options::{Lang, SummaryFiles, SummaryOptions};

use self::error::write_atomic;
use crate::query::Session;
use crate::reference::Reference;

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
    // the sentences the queries say (data_quality's findings) in the
    // document's language
    let mut data = crate::i18n::speaking(
        opts.lang,
        SummaryData::load(session, opts.year, &themes, units_as_of, &unit_names),
    )
    .await?;
    crate::i18n::speaking_sync(opts.lang, || data.mark_findings())?;
    data.rejects_in(opts.lang)?;
    if data.items()? == 0.0 {
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
        html::html(&data, campaign, opts, &drawn)?,
    )?);
    files.push(write(
        "summary.md",
        markdown::markdown(&data, campaign, opts, &drawn)?,
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

/// Today's date, for the generation stamp.
pub fn today() -> String {
    chrono::Utc::now().date_naive().to_string()
}

/// The default output folder for a year.
pub fn default_out(year: i32) -> PathBuf {
    Path::new("summary").join(year.to_string())
}
