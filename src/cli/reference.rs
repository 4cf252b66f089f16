//! `baocao reference new YEAR --from YEAR [--out DIR]`,
//! `baocao reference check [DIR]` and `baocao reference diff A B`: making,
//! checking and comparing reference folders (the register of units and the
//! campaign years).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use baocao::i18n::tr;
use baocao::msg;
use baocao::reference::{Reference, tools};

use super::common::ReferenceArg;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: Sub,
}

#[derive(Debug, clap::Subcommand)]
pub enum Sub {
    /// Write a reference folder with a new campaign year made from an earlier one
    New {
        /// The new campaign year, e.g. 2026
        year: i32,
        /// The campaign year to start from (themes, forms, keyword rules, obligations)
        #[arg(long, value_name = "YEAR")]
        from: i32,
        /// The folder to write (it must not exist, or be empty)
        #[arg(long, value_name = "DIR", default_value = "reference")]
        out: PathBuf,
        #[command(flatten)]
        reference: ReferenceArg,
    },
    /// Check a reference folder: files, fields, dates, lineage, obligations
    Check {
        /// The folder to check; default: the bundled reference data
        dir: Option<PathBuf>,
    },
    /// Say what changed between two campaigns: units, peak periods, obligations
    Diff {
        /// The earlier campaign: a year of --reference, or a campaign folder
        a: String,
        /// The later campaign: a year of --reference, or a campaign folder
        b: String,
        #[command(flatten)]
        reference: ReferenceArg,
    },
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.command {
        Sub::New {
            year,
            from,
            out,
            reference,
        } => {
            let r = Reference::load(reference.reference.as_deref())
                .with_context(|| tr("cli-no-reference"))?;
            let made = tools::new_campaign(&r, year, from, &out).with_context(|| {
                msg!("cli-reference-cannot-make", year = year.to_string()).to_string()
            })?;
            let shown = out.display().to_string();
            let wrote = msg!(
                "cli-reference-wrote",
                out = shown.as_str(),
                files = made.written.len(),
                years = r.years_list(),
                year = year.to_string(),
                from = from.to_string()
            );
            println!("{wrote}");
            for note in &made.notes {
                println!("- {note}");
            }
            let then = msg!(
                "cli-reference-then",
                out = shown.as_str(),
                year = year.to_string(),
                from = from.to_string()
            );
            println!("{then}");
            Ok(ExitCode::SUCCESS)
        }
        Sub::Check { dir } => {
            let shown = dir
                .as_ref()
                .map(|d| d.display().to_string())
                .unwrap_or_else(|| tr("cli-reference-bundled"));
            let checked = tools::check(dir.as_deref());
            for fact in &checked.facts {
                println!("{fact}");
            }
            for w in &checked.warnings {
                eprintln!("{}", msg!("cli-reference-warning", text = w.to_string()));
            }
            for e in &checked.errors {
                eprintln!("{}", msg!("cli-reference-error", text = e.to_string()));
            }
            let counted = msg!(
                "cli-reference-checked",
                dir = shown,
                errors = checked.errors.len(),
                warnings = checked.warnings.len()
            );
            println!("{counted}");
            Ok(if checked.errors.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Sub::Diff { a, b, reference } => {
            let base = Reference::load(reference.reference.as_deref())
                .with_context(|| tr("cli-no-reference"))?;
            let (a_own, a_year) = campaign_of(&a, &base)?;
            let (b_own, b_year) = campaign_of(&b, &base)?;
            fn get<'a>(
                own: &'a Option<Reference>,
                base: &'a Reference,
                year: i32,
            ) -> anyhow::Result<&'a baocao::reference::Campaign> {
                let r = own.as_ref().unwrap_or(base);
                r.campaign(year).with_context(|| {
                    msg!(
                        "cli-reference-no-campaign",
                        year = year.to_string(),
                        origin = r.origin.to_string(),
                        years = r.years_list()
                    )
                    .to_string()
                })
            }
            let (ca, cb) = (get(&a_own, &base, a_year)?, get(&b_own, &base, b_year)?);
            for sentence in tools::diff(ca, cb) {
                println!("{sentence}");
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// A year names a campaign of the `--reference` data; a folder is loaded
/// on its own and must hold one campaign.
fn campaign_of(arg: &str, base: &Reference) -> anyhow::Result<(Option<Reference>, i32)> {
    let path = std::path::Path::new(arg);
    if !path.is_dir() {
        let year = arg.parse::<i32>().map_err(|_| {
            anyhow::anyhow!(
                "{}",
                msg!(
                    "cli-reference-not-a-year",
                    arg = arg,
                    years = base.years_list()
                )
            )
        })?;
        return Ok((None, year));
    }
    let loaded = Reference::from_dir(path)
        .with_context(|| msg!("cli-cannot-load", path = arg).to_string())?;
    let years: Vec<i32> = loaded.campaigns.keys().copied().collect();
    match years.as_slice() {
        [year] => Ok((Some(loaded), *year)),
        _ => anyhow::bail!(
            "{}",
            msg!(
                "cli-reference-several-campaigns",
                arg = arg,
                years = loaded.years_list()
            )
        ),
    }
}
