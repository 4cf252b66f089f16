//! `baocao sql "SELECT ..." [--file F | -] [--format table|csv|json|parquet]
//! [--output FILE]`: read-only SQL over the lake. With no SQL and a terminal
//! on stdin, an interactive prompt with history and multi-line statements.

use std::io::{IsTerminal, Read};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use baocao::lake::Lake;
use baocao::query::Session;
use baocao::query::output::Format;
use baocao::reference::Reference;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The SQL to run (several statements separated by ;); - reads standard input
    #[arg(value_name = "SQL")]
    pub sql: Option<String>,
    /// Read the SQL from a file
    #[arg(long, short = 'f', value_name = "FILE", conflicts_with = "sql")]
    pub file: Option<PathBuf>,
    #[command(flatten)]
    pub out: super::OutputArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let sql = match (&args.sql, &args.file) {
        (Some(s), _) if s == "-" => Some(read_stdin()?),
        (Some(s), _) => Some(s.clone()),
        (None, Some(f)) => Some(
            std::fs::read_to_string(f)
                .with_context(|| format!("cannot read the SQL file {}", f.display()))?,
        ),
        (None, None) if std::io::stdin().is_terminal() => None,
        (None, None) => Some(read_stdin()?),
    };
    let reference = Reference::load(args.out.reference.reference.as_deref())
        .context("cannot load the reference data")?;
    let lake = Lake::new(&args.out.lake);
    super::block_on(async {
        match sql {
            Some(sql) => {
                let session = Session::open(&lake, &reference).await?;
                let results = session.sql(&sql).await?;
                super::print_results(&results, args.out.format, args.out.output.as_deref())?;
                Ok(ExitCode::SUCCESS)
            }
            None => interactive(&lake, &reference, args.out.format).await,
        }
    })
}

fn read_stdin() -> anyhow::Result<String> {
    let mut s = String::new();
    std::io::stdin()
        .read_to_string(&mut s)
        .context("cannot read SQL from standard input")?;
    Ok(s)
}

/// A prompt like duckdb's shell: statements end with `;` and may span
/// lines; `.tables` lists the tables, `.quit` or Ctrl-D leaves. Each
/// statement reads the lake as the last commit left it (a run that commits
/// while the prompt is open is seen by the next statement).
async fn interactive(
    lake: &Lake,
    reference: &Reference,
    format: Format,
) -> anyhow::Result<ExitCode> {
    use rustyline::error::ReadlineError;
    let mut editor =
        rustyline::DefaultEditor::new().context("cannot start the interactive prompt")?;
    let history = std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".baocao_history"));
    if let Some(h) = &history {
        let _ = editor.load_history(h);
    }
    eprintln!("baocao SQL (read-only). End statements with ;  .tables lists tables, .quit leaves.");
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
                    println!("{}", baocao::query::TABLES.join("\n"));
                    continue;
                }
                buffer.push_str(&line);
                buffer.push('\n');
                if trimmed.ends_with(';') {
                    let _ = editor.add_history_entry(buffer.trim());
                    let answer = match Session::open(lake, reference).await {
                        Ok(session) => session.sql(&buffer).await,
                        Err(e) => Err(e),
                    };
                    match answer {
                        Ok(results) => {
                            if let Err(e) = super::print_results(&results, format, None) {
                                eprintln!("baocao: {e:#}");
                            }
                        }
                        Err(e) => eprintln!("baocao: {e}"),
                    }
                    buffer.clear();
                }
            }
            Err(ReadlineError::Interrupted) => buffer.clear(),
            Err(ReadlineError::Eof) => break,
            Err(e) => return Err(e).context("the interactive prompt failed"),
        }
    }
    if let Some(h) = &history {
        let _ = editor.save_history(h);
    }
    Ok(ExitCode::SUCCESS)
}
