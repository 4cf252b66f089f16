//! `baocao ingest PATH... [--lake DIR] [--unit CODE] [--period P]
//! [--received-at DATE] [--dry-run] [--strict]`: exit 0, 1 on a user error,
//! 2 with `--strict` when any row or file was refused.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;

use baocao::domain::Period;
use baocao::i18n::tr;
use baocao::ingest::{IngestError, IngestOptions, Overrides, ingest};
use baocao::lake::{Lake, LakeError};
use baocao::reference::Reference;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Report files, or folders of them (.xlsx, .xls, .ods, .csv, .tsv, .txt, .json, .ndjson, Word .docx, HTML tables as .html or .xls)
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The lake folder
    #[arg(long, value_name = "DIR", default_value = "lake")]
    pub lake: PathBuf,
    /// The unit that sent the files (a unit code or name); wins over the files
    #[arg(long, value_name = "CODE")]
    pub unit: Option<String>,
    /// The period reported on: 2023-07 (monthly) or 2023 (annual)
    #[arg(long, value_name = "P", value_parser = parse_period)]
    pub period: Option<String>,
    /// The date the report was received (YYYY-MM-DD or dd/mm/yyyy)
    #[arg(long, value_name = "DATE", value_parser = super::common::parse_day)]
    pub received_at: Option<NaiveDate>,
    /// Check the files and print what would happen, without writing
    #[arg(long)]
    pub dry_run: bool,
    /// Exit with status 2 when any row or file was refused
    #[arg(long)]
    pub strict: bool,
    /// Fail at once if another run is writing to the lake, instead of waiting
    #[arg(long)]
    pub no_wait: bool,
    /// Commit every time this many items have been read: the bound on memory
    #[arg(long, value_name = "N", default_value_t = baocao::ingest::BATCH_ITEMS)]
    pub batch_items: usize,
    /// Refuse files larger than this many MB without reading them
    #[arg(long, value_name = "MB", default_value_t = baocao::ingest::MAX_FILE_BYTES >> 20)]
    pub max_file_mb: u64,
    #[command(flatten)]
    pub reference: super::common::ReferenceArg,
}

fn parse_period(s: &str) -> Result<String, String> {
    Period::parse(s)
        .map(|p| p.to_string())
        .ok_or_else(|| baocao::msg!("cli-not-a-period", value = s).to_string())
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let reference = Reference::load(args.reference.reference.as_deref())
        .with_context(|| tr("cli-no-reference"))?;
    let lake = Lake::open(&args.lake)?;
    let opts = IngestOptions {
        overrides: Overrides {
            unit: args.unit,
            period: args.period,
            received_at: args.received_at,
        },
        dry_run: args.dry_run,
        no_wait: args.no_wait,
        batch_items: args.batch_items,
        max_file_bytes: args.max_file_mb.saturating_mul(1 << 20),
    };
    let bar = std::cell::RefCell::new(None::<indicatif::ProgressBar>);
    let report = ingest(
        &args.paths,
        &lake,
        &reference,
        &opts,
        |done, total, path| {
            let mut bar = bar.borrow_mut();
            if bar.is_none() && total > 1 {
                *bar = super::common::progress_bar(total as u64);
            }
            if let Some(b) = bar.as_ref() {
                b.set_position(done as u64);
                b.set_message(
                    path.file_name()
                        .map(|n| n.to_string_lossy().to_string())
                        .unwrap_or_default(),
                );
            }
        },
    )
    .map_err(|e| match e {
        // a write failed part-way: say what the lake holds now
        IngestError::Lake(LakeError::Io { .. }) => anyhow::Error::new(e).context(
            baocao::msg!("cli-ingest-stopped", lake = lake.root.display().to_string()).to_string(),
        ),
        other => other.into(),
    })?;
    if let Some(b) = bar.borrow().as_ref() {
        b.finish_and_clear();
    }
    eprint!("{}", report.render(&lake.root));
    if args.strict && report.anything_refused() {
        return Ok(ExitCode::from(2));
    }
    Ok(ExitCode::SUCCESS)
}
