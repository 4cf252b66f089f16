//! `baocao gen --out DIR --provinces P --units-per-province U --years Y
//! --items-per-report N [--seed S]`: a large corpus of reports, with its
//! reference folder, for scale tests and benchmarks.

use std::path::PathBuf;
use std::process::ExitCode;

use baocao::samples::{CorpusOptions, generate_corpus};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to write inbox/ (the reports) and reference/ (one folder per year)
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// How many provinces (the first is the bundled Điện Biên)
    #[arg(long, value_name = "P", default_value_t = 1)]
    pub provinces: u32,
    /// Units per province (49 in the bundled province; more repeat its kinds)
    #[arg(long, value_name = "U", default_value_t = 49)]
    pub units_per_province: u32,
    /// Campaign years, from 2023 on
    #[arg(long, value_name = "Y", default_value_t = 1)]
    pub years: u32,
    /// About how many items a report holds, on average
    #[arg(long, value_name = "N", default_value_t = 40)]
    pub items_per_report: u32,
    /// The random seed: the same seed gives the same files
    #[arg(long, value_name = "S", default_value_t = baocao::samples::SAMPLE_SEED)]
    pub seed: u64,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let opts = CorpusOptions {
        out: args.out,
        provinces: args.provinces,
        units_per_province: args.units_per_province,
        years: args.years,
        items_per_report: args.items_per_report,
        seed: args.seed,
    };
    let started = std::time::Instant::now();
    let bar = super::common::progress_bar(0);
    let stats = generate_corpus(&opts, |done, total| {
        if let Some(bar) = &bar {
            bar.set_length(total);
            bar.set_position(done);
        }
    })?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    // counts as text, ungrouped: scripts read this line
    let inbox = opts.out.join("inbox").display().to_string();
    let wrote = baocao::msg!(
        "cli-gen-wrote",
        files = stats.files.to_string(),
        items = stats.items.to_string(),
        bad = stats.bad_rows.to_string(),
        outliers = stats.typed_wrong_reach.to_string(),
        totals = stats.wrong_totals.to_string(),
        corrections = stats.corrections.to_string(),
        mb = super::common::decimal1(stats.bytes as f64 / 1e6),
        units = stats.units.to_string(),
        inbox = inbox.as_str(),
        seconds = super::common::decimal1(started.elapsed().as_secs_f64())
    );
    eprintln!("{wrote}");
    let next = baocao::msg!(
        "cli-gen-next",
        inbox = inbox.as_str(),
        reference = opts.out.join("reference").display().to_string()
    );
    eprintln!("{next}");
    Ok(ExitCode::SUCCESS)
}
