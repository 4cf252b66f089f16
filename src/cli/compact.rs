//! `baocao compact [--lake DIR]`: rewrites the small files each ingest run
//! leaves into few large sorted ones, keeping every row.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use baocao::lake::Lake;
use baocao::msg;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The lake folder
    #[arg(long, value_name = "DIR", default_value = "lake")]
    pub lake: PathBuf,
    /// Fail at once if another run is using the lake, instead of waiting
    #[arg(long)]
    pub no_wait: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let lake = Lake::open(&args.lake)?;
    if !lake.exists() {
        anyhow::bail!(
            "{}",
            msg!("cli-no-lake", lake = lake.root.display().to_string())
        );
    }
    let lock = lake.lock(!args.no_wait)?;
    let started = std::time::Instant::now();
    let shown = lake.root.display().to_string();
    let report = lake
        .compact(&lock)
        .with_context(|| msg!("cli-compact-stopped", lake = shown.as_str()).to_string())?;
    if report.orphans_removed > 0 {
        eprintln!(
            "{}",
            msg!("cli-orphans-removed", n = report.orphans_removed)
        );
    }
    if report.rollup_built > 0 {
        eprintln!("{}", msg!("cli-rollup-built", n = report.rollup_built));
    }
    if report.folders.is_empty() && report.rollup_built == 0 {
        eprintln!("{}", msg!("cli-nothing-to-compact", lake = shown.as_str()));
    } else if report.folders.is_empty() {
        eprintln!("{}", msg!("cli-no-small-files", lake = shown.as_str()));
    }
    for f in &report.folders {
        let line = msg!(
            "cli-compacted-folder",
            folder = f.folder.as_str(),
            before = f.files_before,
            after = f.files_after,
            rows = f.rows
        );
        eprintln!("  {line}");
    }
    let seconds = super::common::decimal1(started.elapsed().as_secs_f64());
    eprintln!("{}", msg!("cli-done-in", seconds = seconds));
    Ok(ExitCode::SUCCESS)
}
