//! The `baocao` command: parses arguments and calls the library; errors are
//! printed once, as `baocao: ...` with their causes, and set the exit code.

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

mod cli;

fn main() -> ExitCode {
    let argv = cli::lang::help_subcommand(std::env::args_os().collect());
    let lang = cli::lang::asked(&argv);
    baocao::i18n::set_current(lang);
    let command = cli::lang::localise(cli::Cli::command(), lang);
    let args = match command
        .try_get_matches_from(&argv)
        .and_then(|m| cli::Cli::from_arg_matches(&m))
    {
        Ok(args) => args,
        Err(err) => match cli::lang::error_text(&err, lang) {
            Some(text) => {
                eprintln!("baocao: {text}");
                return ExitCode::from(2);
            }
            None => err.exit(),
        },
    };
    baocao::i18n::set_current(args.lang);
    // Steps of long or scheduled work, timestamped, on stderr.
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_target(false)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_max_level(tracing::Level::INFO)
        .init();
    match cli::run(args) {
        Ok(code) => code,
        // a reader that stopped reading (`| head`) is not an error
        Err(err)
            if err.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("baocao: {err:#}");
            ExitCode::from(1)
        }
    }
}
