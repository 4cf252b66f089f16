//! `baocao compact [--lake DIR]`: rewrites the small files each ingest run
//! leaves into few large sorted ones, keeping every row.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use baocao::lake::Lake;

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
    let lake = Lake::new(&args.lake);
    if !lake.exists() {
        anyhow::bail!(
            "there is no lake at {}: ingest reports first (baocao ingest PATH --lake {}), or run baocao demo",
            lake.root.display(),
            lake.root.display()
        );
    }
    let lock = lake.lock(!args.no_wait)?;
    let started = std::time::Instant::now();
    let report = lake.compact(&lock).with_context(|| {
        format!(
            "compaction of {} stopped; the lake is as it was (its rows and answers are unchanged)",
            lake.root.display()
        )
    })?;
    if report.orphans_removed > 0 {
        eprintln!(
            "removed {} file(s) an interrupted run had left behind",
            report.orphans_removed
        );
    }
    if report.rollup_built > 0 {
        eprintln!(
            "built the rollup of {} data file(s) written before it (the named queries read it)",
            report.rollup_built
        );
    }
    if report.folders.is_empty() && report.rollup_built == 0 {
        eprintln!(
            "{}: nothing to compact (no folder has small files to merge)",
            lake.root.display()
        );
    } else if report.folders.is_empty() {
        eprintln!(
            "{}: no folder has small files to merge",
            lake.root.display()
        );
    }
    for f in &report.folders {
        eprintln!(
            "  {}: {} files -> {} ({} rows)",
            f.folder, f.files_before, f.files_after, f.rows
        );
    }
    eprintln!("done in {:.1} s", started.elapsed().as_secs_f64());
    Ok(ExitCode::SUCCESS)
}
