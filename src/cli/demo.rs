//! `baocao demo [--out DIR]`: the pipeline on the bundled sample reports.
//! It writes the samples to `DIR/inbox`, ingests them into `DIR/lake` and
//! prints what landed. Later stages add their output under `DIR`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use baocao::ingest::{IngestOptions, ingest};
use baocao::lake::Lake;
use baocao::reference::Reference;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to write the demo's inbox and lake
    #[arg(long, value_name = "DIR", default_value = "baocao-demo")]
    pub out: PathBuf,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let reference = Reference::bundled().context("cannot load the bundled reference data")?;
    let inbox = args.out.join("inbox");
    let n = baocao::samples::extract_bundled(&inbox)
        .with_context(|| format!("cannot write the sample reports to {}", inbox.display()))?;
    eprintln!("wrote {n} sample report files to {}", inbox.display());
    let lake = Lake::new(args.out.join("lake"));
    let report = ingest(
        &[inbox],
        &lake,
        &reference,
        &IngestOptions::default(),
        |_, _, _| {},
    )
    .context("the demo's ingest failed")?;
    eprint!("{}", report.render(&lake.root));
    let o = lake.overview().context("cannot read the demo lake back")?;
    let campaign = reference
        .campaign(2023)
        .context("the bundled reference has no 2023 campaign")?;
    println!("What landed in {}:", lake.root.display());
    println!(
        "  {} current submissions from {} units ({} superseded by corrections)",
        o.submissions, o.units, o.superseded
    );
    println!("  {} activities, quantity {}", o.items, o.quantity);
    println!(
        "  {} rows and {} files refused (see the rejects table)",
        o.rows_refused, o.files_refused
    );
    println!("  {:<48} {:>6} {:>9}", "theme", "items", "quantity");
    for t in &campaign.themes {
        let (items, qty) = o.by_theme.get(&t.code.0).copied().unwrap_or_default();
        println!("  {:<48} {:>6} {:>9}", t.name_vi, items, qty);
    }
    Ok(ExitCode::SUCCESS)
}
