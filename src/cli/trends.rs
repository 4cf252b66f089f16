//! `baocao trends [--lake DIR] [--out DIR] [--as-of DATE]`: the trend files
//! a scheduled job writes. Exit 0 when the set is in place; 1 with one line
//! on stderr otherwise. Each step logs a timestamped line on stderr.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;

use baocao::lake::Lake;
use baocao::reference::Reference;
use baocao::trends::{TrendsOptions, run as write_trends};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The lake folder
    #[arg(long, value_name = "DIR", default_value = "lake")]
    pub lake: PathBuf,
    /// The folder the trend files go to; it is replaced whole
    #[arg(long, value_name = "DIR", default_value = "trends")]
    pub out: PathBuf,
    /// What "now" is (YYYY-MM-DD or dd/mm/yyyy): submissions received later and later months are left out [default: today]
    #[arg(long, value_name = "DATE", value_parser = super::common::parse_day)]
    pub as_of: Option<NaiveDate>,
    /// Fail at once if another run is writing the same folder (or an ingest the lake), instead of waiting
    #[arg(long)]
    pub no_wait: bool,
    #[command(flatten)]
    pub reference: super::common::ReferenceArg,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let reference = std::sync::Arc::new(
        Reference::load(args.reference.reference.as_deref())
            .with_context(|| baocao::i18n::tr("cli-no-reference"))?,
    );
    let opts = TrendsOptions {
        out: args.out,
        as_of: args
            .as_of
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        wait: !args.no_wait,
    };
    let lake = Lake::open(&args.lake)?;
    super::common::block_on(async {
        write_trends(&lake, &reference, &opts).await?;
        Ok(ExitCode::SUCCESS)
    })
}
