//! `baocao reference new YEAR --from YEAR [--out DIR]`,
//! `baocao reference check [DIR]` and `baocao reference diff A B`: making,
//! checking and comparing reference folders (the register of units and the
//! campaign years).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
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
                .context("cannot load the reference data")?;
            let made = tools::new_campaign(&r, year, from, &out)
                .with_context(|| format!("cannot make the {year} campaign"))?;
            println!(
                "wrote {} ({} files): the register, the campaigns {}, and {year} made from {from}",
                out.display(),
                made.written.len(),
                r.years_list()
            );
            for note in &made.notes {
                println!("- {note}");
            }
            println!(
                "then: baocao reference check {} ; baocao reference diff {from} {year} --reference {}",
                out.display(),
                out.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Sub::Check { dir } => {
            let shown = dir
                .as_ref()
                .map(|d| d.display().to_string())
                .unwrap_or_else(|| "the bundled reference data".into());
            let checked = tools::check(dir.as_deref());
            for fact in &checked.facts {
                println!("{fact}");
            }
            for w in &checked.warnings {
                eprintln!("warning: {w}");
            }
            for e in &checked.errors {
                eprintln!("error: {e}");
            }
            println!(
                "{shown}: {} error(s), {} warning(s)",
                checked.errors.len(),
                checked.warnings.len()
            );
            Ok(if checked.errors.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Sub::Diff { a, b, reference } => {
            let base = Reference::load(reference.reference.as_deref())
                .context("cannot load the reference data")?;
            let (a_own, a_year) = campaign_of(&a, &base)?;
            let (b_own, b_year) = campaign_of(&b, &base)?;
            fn get<'a>(
                own: &'a Option<Reference>,
                base: &'a Reference,
                year: i32,
            ) -> anyhow::Result<&'a baocao::reference::Campaign> {
                let r = own.as_ref().unwrap_or(base);
                r.campaign(year).with_context(|| {
                    format!(
                        "there is no {year} campaign in {} (it has: {})",
                        r.origin,
                        r.years_list()
                    )
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
                "'{arg}' is neither a campaign year ({}) nor a folder",
                base.years_list()
            )
        })?;
        return Ok((None, year));
    }
    let loaded = Reference::from_dir(path).with_context(|| format!("cannot load {arg}"))?;
    let years: Vec<i32> = loaded.campaigns.keys().copied().collect();
    match years.as_slice() {
        [year] => Ok((Some(loaded), *year)),
        _ => anyhow::bail!(
            "{arg} holds the campaigns {}: name years instead, e.g. baocao reference diff 2023 2026 --reference {arg}",
            loaded.years_list()
        ),
    }
}
