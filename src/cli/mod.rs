//! Command-line arguments (clap derive) and dispatch, one file per
//! subcommand. Each subcommand only turns its arguments into a library call
//! and prints the result; exit codes follow the data contract.

mod compact;
mod demo;
mod gen_corpus;
mod ingest;
mod query;
mod reference;
mod sql;
mod summary;
mod trends;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use baocao::query::QueryResult;
use baocao::query::output::Format;
use clap::{Parser, Subcommand};

/// Analytics over the human-rights communication reports of Điện Biên
/// province: ingest submitted reports into a Parquet lake, ask it questions
/// in SQL.
#[derive(Debug, Parser)]
#[command(name = "baocao", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate submitted report files and add them to the lake
    Ingest(ingest::Args),
    /// Run read-only SQL over the lake (an interactive prompt without SQL)
    Sql(sql::Args),
    /// Run a named query from queries/
    Query(query::Args),
    /// List the named queries with what they answer
    Queries,
    /// Write the annual provincial summary: charts, HTML page, workbook
    Summary(summary::Args),
    /// Write the trend files that scheduled jobs publish (Parquet, CSV, manifest)
    Trends(trends::Args),
    /// Rewrite the lake's small files into few large sorted ones
    Compact(compact::Args),
    /// Generate a large corpus of reports and its reference data (for scale tests)
    Gen(gen_corpus::Args),
    /// Run the pipeline on the bundled sample reports
    Demo(demo::Args),
    /// Make, check and compare reference folders (units register, campaign years)
    #[command(subcommand_required = true)]
    Reference(reference::Args),
}

/// Where answers come from and go to (`sql` and `query`).
#[derive(Debug, clap::Args)]
pub struct OutputArgs {
    /// The lake folder
    #[arg(long, value_name = "DIR", default_value = "lake")]
    pub lake: PathBuf,
    /// How to print the answer
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// Write the answer to this file instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub reference: ReferenceArg,
}

/// Prints each answer, or writes the last one to `output`.
pub fn print_results(
    results: &[QueryResult],
    format: Format,
    output: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    match output {
        Some(path) => {
            let last = results
                .last()
                .context("the SQL produced no answer to write")?;
            baocao::query::output::write_file(last, format, path)?;
            eprintln!("wrote {} rows to {}", last.num_rows(), path.display());
        }
        None => {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            for r in results {
                baocao::query::output::write(r, format, &mut lock)?;
            }
        }
    }
    Ok(())
}

/// Runs async library code on a small runtime sized for this machine.
pub fn block_on<T>(f: impl std::future::Future<Output = anyhow::Result<T>>) -> anyhow::Result<T> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    rt.block_on(f)
}

/// A day on the command line: `YYYY-MM-DD` or `dd/mm/yyyy`.
pub fn parse_day(s: &str) -> Result<chrono::NaiveDate, String> {
    baocao::domain::parse_day(s)
        .ok_or_else(|| format!("'{s}' is not a date: write YYYY-MM-DD or dd/mm/yyyy"))
}

/// Options shared by commands that read reference data.
#[derive(Debug, clap::Args)]
pub struct ReferenceArg {
    /// Reference data folder (units.csv, unit_lineage.csv and year folders such as 2023/); default: the bundled data
    #[arg(long, value_name = "DIR")]
    pub reference: Option<PathBuf>,
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Ingest(args) => ingest::run(args),
        Command::Sql(args) => sql::run(args),
        Command::Query(args) => query::run(args),
        Command::Queries => query::list(),
        Command::Summary(args) => summary::run(args),
        Command::Trends(args) => trends::run(args),
        Command::Demo(args) => demo::run(args),
        Command::Gen(args) => gen_corpus::run(args),
        Command::Compact(args) => compact::run(args),
        Command::Reference(args) => reference::run(args),
    }
}

/// A progress bar on stderr, only when stderr is a terminal.
pub fn progress_bar(len: u64) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(len);
    let style = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files  {msg}")
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    Some(bar)
}
