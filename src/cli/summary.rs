//! `baocao summary --year 2023 [--lake DIR] [--out DIR]` (in the language
//! of `--lang`):
//! the annual provincial summary as charts (PNG, SVG), `summary.html`,
//! `summary.xlsx` and `summary.md`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use baocao::lake::Lake;
use baocao::query::Session;
use baocao::reference::Reference;
use baocao::summary::{SummaryOptions, build, today};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The year to summarise
    #[arg(long, value_name = "YEAR")]
    pub year: i32,
    /// The lake folder
    #[arg(long, value_name = "DIR", default_value = "lake")]
    pub lake: PathBuf,
    /// Where to write the charts and documents
    #[arg(long, value_name = "DIR", default_value = "summary")]
    pub out: PathBuf,
    #[command(flatten)]
    pub reference: super::common::ReferenceArg,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let reference = std::sync::Arc::new(
        Reference::load(args.reference.reference.as_deref())
            .with_context(|| baocao::i18n::tr("cli-no-reference"))?,
    );
    let lake = Lake::open(&args.lake)?;
    let opts = SummaryOptions {
        year: args.year,
        lang: baocao::i18n::current(),
        out: args.out.clone(),
        stamp: today(),
        source: lake.root.display().to_string(),
    };
    super::common::block_on(async {
        let session = Session::open(&lake, &reference).await?;
        let files = build(&session, &reference, &opts).await?;
        for f in &files.files {
            eprintln!(
                "{}",
                baocao::msg!("cli-wrote", path = f.display().to_string())
            );
        }
        Ok(ExitCode::SUCCESS)
    })
}
