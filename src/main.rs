//! The `baocao` command: parses arguments and calls the library; errors are
//! printed once, as `baocao: ...` with their causes, and set the exit code.

use std::process::ExitCode;

use clap::Parser;

mod cli;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
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
