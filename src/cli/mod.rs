//! Command-line arguments (clap derive) and dispatch, one file per
//! subcommand. Each subcommand only turns its arguments into a library call
//! and prints the result; exit codes follow the data contract.

mod cluster;
mod common;
mod compact;
mod demo;
mod gen_corpus;
mod ingest;
pub mod lang;
mod query;
mod reference;
mod serve;
mod sql;
mod summary;
mod trends;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Analytics over the human-rights communication reports of Điện Biên
/// province: ingest submitted reports into a Parquet lake, ask it questions
/// in SQL.
#[derive(Debug, Parser)]
#[command(name = "baocao", version, about, long_about = None)]
pub struct Cli {
    /// The language baocao speaks: vi (Vietnamese, the default) or en
    #[arg(
        long,
        global = true,
        value_enum,
        env = "BAOCAO_LANG",
        default_value = "vi",
        ignore_case = true
    )]
    pub lang: baocao::i18n::Lang,
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
    /// Serve the lake to PostgreSQL clients (psql, DBeaver, Metabase, Excel through ODBC)
    Serve(serve::Args),
    /// Add, remove and list the users who may connect to `baocao serve`
    #[command(subcommand)]
    Users(serve::UsersCommand),
    /// Start the distributed engine's scheduler or an executor (Apache DataFusion Ballista)
    #[command(subcommand)]
    Cluster(cluster::Args),
}

/// Runs the command `cli` names.
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
        Command::Serve(args) => serve::run(args),
        Command::Users(command) => serve::users(command),
        Command::Cluster(args) => cluster::run(args),
    }
}
