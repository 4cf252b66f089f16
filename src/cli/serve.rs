//! `baocao serve`: the lake as a PostgreSQL server; `baocao users
//! add|remove|list`: who may connect. Both need the `serve` feature
//! (`cargo build --release --features serve`); without it they say so.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

#[cfg(feature = "serve")]
use anyhow::Context;
use baocao::msg;

/// Where the users file is, for both commands.
#[derive(Debug, clap::Args)]
pub struct UsersArg {
    /// The users file (name and SCRAM-SHA-256 verifier per line, never a password)
    #[arg(
        long,
        value_name = "FILE",
        env = "BAOCAO_USERS",
        default_value = "baocao-users"
    )]
    pub users: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The lake folder
    #[arg(long, value_name = "DIR", default_value = "lake")]
    pub lake: PathBuf,
    #[command(flatten)]
    pub reference: super::common::ReferenceArg,
    /// The address and port to listen on (loopback only by default)
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:5432")]
    pub listen: SocketAddr,
    #[command(flatten)]
    pub users: UsersArg,
    /// TLS certificate chain (PEM); with --tls-key, every connection must use TLS
    #[arg(long, value_name = "FILE", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,
    /// TLS private key (PEM)
    #[arg(long, value_name = "FILE", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,
    /// Connections served at once
    #[arg(long, value_name = "N", default_value_t = 32)]
    pub max_connections: usize,
    /// Seconds one statement may run, its rows sent included
    #[arg(long, value_name = "SECONDS", default_value_t = 300)]
    pub statement_timeout: u64,
    /// Memory one statement may hold for joins, sorts and aggregates, in MB
    #[arg(long, value_name = "MB", default_value_t = 2048)]
    pub memory_limit: usize,
}

#[derive(Debug, clap::Subcommand)]
pub enum UsersCommand {
    /// Add a user, or give one a new password (read twice from standard input)
    Add {
        /// The user name (letters, digits, _ . - @)
        name: String,
        #[command(flatten)]
        users: UsersArg,
    },
    /// Remove a user
    Remove {
        /// The user name
        name: String,
        #[command(flatten)]
        users: UsersArg,
    },
    /// List the users
    List {
        #[command(flatten)]
        users: UsersArg,
    },
}

#[cfg(not(feature = "serve"))]
fn without_server() -> anyhow::Result<ExitCode> {
    anyhow::bail!("{}", msg!("cli-serve-not-built"))
}

#[cfg(not(feature = "serve"))]
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    without_server()
}

#[cfg(not(feature = "serve"))]
pub fn users(_command: UsersCommand) -> anyhow::Result<ExitCode> {
    without_server()
}

#[cfg(feature = "serve")]
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    use baocao::serve::{Limits, ServeOptions, serve};
    let options = ServeOptions {
        lake: args.lake,
        reference: baocao::query::ReferenceSource::lazy(args.reference.reference.as_deref())?,
        listen: args.listen,
        users: args.users.users,
        tls: args.tls_cert.zip(args.tls_key),
        limits: Limits {
            max_connections: args.max_connections.max(1),
            statement_timeout: std::time::Duration::from_secs(args.statement_timeout.max(1)),
            memory_bytes: args.memory_limit.max(1) << 20,
            ..Limits::default()
        },
        lang: baocao::i18n::current(),
        engine: None,
    };
    // the runtime is let go at the end without waiting for a statement
    // that computes without yielding (its client has been answered)
    // two runtimes: one serves the connections (a thread is enough), the
    // other runs the statements on every core, so that a statement that
    // computes without yielding never keeps a connection's deadline,
    // cancel or log-in from being answered
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .thread_name("baocao-connections")
        .enable_all()
        .build()
        .with_context(|| baocao::i18n::tr("cli-no-runtime"))?;
    let engine = tokio::runtime::Builder::new_multi_thread()
        .thread_name("baocao-engine")
        .enable_all()
        .build()
        .with_context(|| baocao::i18n::tr("cli-no-runtime"))?;
    let options = ServeOptions {
        engine: Some(engine.handle().clone()),
        ..options
    };
    let served = runtime.block_on(async move {
        let shutdown = async {
            use tokio::signal::unix::{SignalKind, signal};
            match signal(SignalKind::terminate()) {
                Ok(mut term) => {
                    tokio::select! {
                        _ = term.recv() => {},
                        _ = tokio::signal::ctrl_c() => {},
                    }
                }
                Err(_) => {
                    let _ = tokio::signal::ctrl_c().await;
                }
            }
        };
        let ready = |addr: SocketAddr| {
            eprintln!(
                "{}",
                msg!(
                    "cli-serve-listening",
                    addr = addr.to_string(),
                    port = addr.port().to_string()
                )
            );
        };
        serve(&options, shutdown, ready).await
    });
    runtime.shutdown_background();
    engine.shutdown_background();
    served?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(feature = "serve")]
pub fn users(command: UsersCommand) -> anyhow::Result<ExitCode> {
    use baocao::serve::users::{Users, Verifier, valid_name};
    match command {
        UsersCommand::Add { name, users } => {
            if !valid_name(&name) {
                anyhow::bail!("{}", msg!("cli-users-bad-name", name = name));
            }
            let mut file = Users::load(&users.users)?;
            let password = read_password_twice()?;
            let replaced = file.set(&name, Verifier::new(&password));
            file.save()?;
            let id = if replaced {
                "cli-users-changed"
            } else {
                "cli-users-added"
            };
            eprintln!(
                "{}",
                msg!(id, name = name, path = users.users.display().to_string())
            );
        }
        UsersCommand::Remove { name, users } => {
            let mut file = Users::load(&users.users)?;
            if !file.remove(&name) {
                anyhow::bail!(
                    "{}",
                    msg!(
                        "cli-users-no-such",
                        name = name,
                        path = users.users.display().to_string()
                    )
                );
            }
            file.save()?;
            eprintln!(
                "{}",
                msg!(
                    "cli-users-removed",
                    name = name,
                    path = users.users.display().to_string()
                )
            );
        }
        UsersCommand::List { users } => {
            let file = Users::load(&users.users)?;
            if file.users.is_empty() {
                eprintln!(
                    "{}",
                    msg!("cli-users-none", path = users.users.display().to_string())
                );
            }
            for (name, _) in &file.users {
                println!("{name}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The fewest characters a password may have.
#[cfg(feature = "serve")]
const MIN_PASSWORD: usize = 8;

/// The password, typed twice: at a terminal without echo, else two lines
/// of standard input. Errors: the two differ, or it is empty.
#[cfg(feature = "serve")]
fn read_password_twice() -> anyhow::Result<String> {
    use std::io::{BufRead, IsTerminal};
    let stdin = std::io::stdin();
    let terminal = stdin.is_terminal();
    let mut lines = stdin.lock().lines();
    let mut ask = |prompt: &str| -> anyhow::Result<String> {
        if terminal {
            eprint!("{prompt}");
        }
        let hidden = terminal && set_echo(false);
        let line = lines.next().transpose()?;
        if hidden {
            set_echo(true);
            eprintln!();
        }
        match line {
            Some(line) => Ok(line.trim_end_matches('\r').to_string()),
            None => anyhow::bail!("{}", msg!("cli-users-password-twice")),
        }
    };
    let first = ask(&msg!("cli-users-password").to_string())?;
    let second = ask(&msg!("cli-users-password-again").to_string())?;
    if first.is_empty() {
        anyhow::bail!("{}", msg!("cli-users-password-empty"));
    }
    if first != second {
        anyhow::bail!("{}", msg!("cli-users-password-differ"));
    }
    if first.chars().count() < MIN_PASSWORD {
        anyhow::bail!("{}", msg!("cli-users-password-short", least = MIN_PASSWORD));
    }
    Ok(first)
}

/// Turns the terminal's echo of standard input on or off (`stty`).
#[cfg(feature = "serve")]
fn set_echo(on: bool) -> bool {
    std::process::Command::new("stty")
        .arg(if on { "echo" } else { "-echo" })
        .stdin(std::process::Stdio::inherit())
        .status()
        .is_ok_and(|s| s.success())
}
