//! What the subcommands share: where answers come from and go to, the
//! reference folder option, a day on the command line, the async runtime
//! and the progress bar.

use std::path::PathBuf;

use anyhow::Context;
use baocao::i18n::tr;
use baocao::msg;
use baocao::query::QueryResult;
use baocao::query::output::Format;

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
    /// Run the statements on a Ballista cluster's scheduler (df://HOST:PORT), over an s3:// lake
    #[arg(long, value_name = "df://HOST:PORT")]
    pub cluster: Option<String>,
}

impl OutputArgs {
    /// How the session reads: here, or on the cluster.
    pub fn session_options(&self) -> baocao::query::SessionOptions {
        baocao::query::SessionOptions {
            cluster: self.cluster.clone(),
            ..Default::default()
        }
    }
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
                .with_context(|| tr("cli-no-answer-to-write"))?;
            baocao::query::output::write_file(last, format, path)?;
            eprintln!(
                "{}",
                msg!(
                    "cli-wrote-rows",
                    rows = last.num_rows(),
                    path = path.display().to_string()
                )
            );
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

/// A number with one decimal, as the language writes it (`2.5` / `2,5`),
/// never grouped: seconds and megabytes in a line of progress.
pub fn decimal1(x: f64) -> String {
    let s = format!("{x:.1}");
    match baocao::i18n::current() {
        baocao::i18n::Lang::Vi => s.replace('.', ","),
        baocao::i18n::Lang::En => s,
    }
}

/// Runs async library code on a small runtime sized for this machine.
pub fn block_on<T>(f: impl std::future::Future<Output = anyhow::Result<T>>) -> anyhow::Result<T> {
    // planning and (de)serialising the named queries' deep plans recurses
    // further than tokio's 2 MiB stacks allow (the Ballista scheduler
    // overflowed them); the stacks are address space until used
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_stack_size(64 * 1024 * 1024)
        .build()
        .with_context(|| tr("cli-no-runtime"))?;
    rt.block_on(f)
}

/// A day on the command line: `YYYY-MM-DD` or `dd/mm/yyyy`.
pub fn parse_day(s: &str) -> Result<chrono::NaiveDate, String> {
    baocao::domain::parse_day(s).ok_or_else(|| msg!("cli-not-a-day", value = s).to_string())
}

/// Options shared by commands that read reference data.
#[derive(Debug, clap::Args)]
pub struct ReferenceArg {
    /// Reference data folder (units.csv, unit_lineage.csv and year folders such as 2023/); default: the bundled data
    #[arg(long, value_name = "DIR")]
    pub reference: Option<PathBuf>,
}

/// A progress bar on stderr, only when stderr is a terminal.
pub fn progress_bar(len: u64) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(len);
    // the template's own braces are indicatif's; the word is the language's
    let template = format!(
        "{{bar:40}} {{pos}}/{{len}} {}  {{msg}}",
        tr("cli-progress-files")
    );
    let style = indicatif::ProgressStyle::with_template(&template)
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    Some(bar)
}
