//! `baocao sql "SELECT ..." [--file F | -] [--format table|csv|json|parquet]
//! [--output FILE]`: read-only SQL over the lake. With no SQL and a terminal
//! on stdin, an interactive prompt with history and multi-line statements.

use std::io::{IsTerminal, Read};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use baocao::i18n::tr;
use baocao::lake::Lake;
use baocao::msg;
use baocao::query::output::Format;
use baocao::query::{ReferenceSource, Session};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The SQL to run (several statements separated by ;); - reads standard input
    #[arg(value_name = "SQL", allow_hyphen_values = true)]
    pub sql: Option<String>,
    /// Read the SQL from a file
    #[arg(long, short = 'f', value_name = "FILE", conflicts_with = "sql")]
    pub file: Option<PathBuf>,
    /// Print each statement's run time on standard error, as DuckDB's
    /// `.timer on` does (at the prompt: `.timer on`, `.timer off`)
    #[arg(long)]
    pub timer: bool,
    #[command(flatten)]
    pub out: super::common::OutputArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let sql = match (&args.sql, &args.file) {
        (Some(s), _) if s == "-" => Some(read_stdin()?),
        (Some(s), _) => Some(s.clone()),
        (None, Some(f)) => Some(std::fs::read_to_string(f).with_context(|| {
            msg!("cli-sql-cannot-read-file", path = f.display().to_string()).to_string()
        })?),
        (None, None) if std::io::stdin().is_terminal() => None,
        (None, None) => Some(read_stdin()?),
    };
    if let Some(s) = &sql
        && s.trim_start().starts_with('.')
    {
        anyhow::bail!(
            "{}",
            msg!(
                "cli-sql-prompt-command",
                command = s.split_whitespace().next().unwrap_or(".")
            )
        );
    }
    let reference = ReferenceSource::lazy(args.out.reference.reference.as_deref())?;
    let lake = Lake::open(&args.out.lake)?;
    if args.out.cluster.is_some() {
        eprintln!("baocao: {}", tr("cli-sql-cluster-caution"));
    }
    super::common::block_on(async {
        match sql {
            Some(sql) => {
                let session =
                    Session::open_options(&lake, reference.clone(), args.out.session_options())
                        .await?;
                let results = session.sql(&sql).await?;
                super::common::print_results(
                    &results,
                    args.out.format,
                    args.out.output.as_deref(),
                )?;
                if args.timer {
                    print_times(&results);
                }
                Ok(ExitCode::SUCCESS)
            }
            None => {
                let options = args.out.session_options();
                interactive(&lake, &reference, &options, args.out.format, args.timer).await
            }
        }
    })
}

/// One line per statement on stderr: `Run Time (s): real 0.012`.
fn print_times(results: &[baocao::query::QueryResult]) {
    for r in results {
        let mut seconds = format!("{:.4}", r.elapsed.as_secs_f64());
        if baocao::i18n::current() == baocao::i18n::Lang::Vi {
            seconds = seconds.replace('.', ",");
        }
        eprintln!("{}", msg!("cli-sql-run-time", seconds = seconds));
    }
}

fn read_stdin() -> anyhow::Result<String> {
    let mut s = String::new();
    std::io::stdin()
        .read_to_string(&mut s)
        .with_context(|| tr("cli-sql-cannot-read-stdin"))?;
    Ok(s)
}

/// A prompt like duckdb's shell: statements end with `;` and may span
/// lines; `.tables` lists the tables, `.quit` or Ctrl-D leaves. Each
/// statement reads the lake as the last commit left it (a run that commits
/// while the prompt is open is seen by the next statement).
async fn interactive(
    lake: &Lake,
    reference: &ReferenceSource,
    options: &baocao::query::SessionOptions,
    format: Format,
    mut timer: bool,
) -> anyhow::Result<ExitCode> {
    use rustyline::error::ReadlineError;
    let mut editor = rustyline::DefaultEditor::new().with_context(|| tr("cli-sql-no-prompt"))?;
    let history = std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".baocao_history"));
    if let Some(h) = &history {
        let _ = editor.load_history(h);
    }
    eprintln!("{}", tr("cli-sql-welcome"));
    let mut buffer = String::new();
    loop {
        let prompt = if buffer.is_empty() {
            "baocao> "
        } else {
            "   ...> "
        };
        match editor.readline(prompt) {
            Ok(line) => {
                let trimmed = line.trim();
                if buffer.is_empty()
                    && matches!(trimmed, ".quit" | ".exit" | "\\q" | "exit" | "quit")
                {
                    break;
                }
                if buffer.is_empty() && trimmed == ".tables" {
                    println!("{}", baocao::query::table_names().join("\n"));
                    continue;
                }
                if buffer.is_empty() && trimmed.starts_with(".timer") {
                    match trimmed.trim_start_matches(".timer").trim() {
                        "on" => timer = true,
                        "off" => timer = false,
                        _ => eprintln!("{}", tr("cli-sql-timer-usage")),
                    }
                    continue;
                }
                buffer.push_str(&line);
                buffer.push('\n');
                if trimmed.ends_with(';') {
                    let _ = editor.add_history_entry(buffer.trim());
                    let answer =
                        match Session::open_options(lake, reference.clone(), options.clone()).await
                        {
                            Ok(session) => session.sql(&buffer).await,
                            Err(e) => Err(e),
                        };
                    match answer {
                        Ok(results) => {
                            if let Err(e) = super::common::print_results(&results, format, None) {
                                eprintln!("baocao: {e:#}");
                            }
                            if timer {
                                print_times(&results);
                            }
                        }
                        Err(e) => eprintln!("baocao: {e}"),
                    }
                    buffer.clear();
                }
            }
            Err(ReadlineError::Interrupted) => buffer.clear(),
            Err(ReadlineError::Eof) => break,
            Err(e) => return Err(e).with_context(|| tr("cli-sql-prompt-failed")),
        }
    }
    if let Some(h) = &history {
        let _ = editor.save_history(h);
    }
    Ok(ExitCode::SUCCESS)
}
