//! Command-line arguments (clap derive) and dispatch, one file per
//! subcommand. Each subcommand only turns its arguments into a library call
//! and prints the result; exit codes follow the data contract.

mod demo;
mod ingest;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Analytics over the human-rights communication reports of Điện Biên
/// province: ingest submitted reports into a Parquet lake.
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
    /// Run the pipeline on the bundled sample reports
    Demo(demo::Args),
}

/// Options shared by commands that read reference data.
#[derive(Debug, clap::Args)]
pub struct ReferenceArg {
    /// Reference data folder (year folders such as 2023/); default: the bundled data
    #[arg(long, value_name = "DIR")]
    pub reference: Option<PathBuf>,
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Ingest(args) => ingest::run(args),
        Command::Demo(args) => demo::run(args),
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
