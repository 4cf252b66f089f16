//! `baocao cluster scheduler|executor`: Apache DataFusion Ballista's
//! scheduler and executors, started from this binary (cargo feature
//! `cluster`), for `baocao query|sql --cluster df://HOST:PORT`.

use std::net::SocketAddr;
use std::process::ExitCode;

use baocao::msg;

#[derive(Debug, clap::Subcommand)]
pub enum Args {
    /// Start a Ballista scheduler: it plans the statements and hands them to executors
    Scheduler {
        /// The address to listen on
        #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:50050")]
        listen: SocketAddr,
    },
    /// Start a Ballista executor: it reads the lake's files and runs its share of each statement
    Executor {
        /// The scheduler's address (HOST:PORT, or df://HOST:PORT)
        #[arg(long, value_name = "HOST:PORT")]
        scheduler: String,
        /// The address to serve results on (Arrow Flight)
        #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:50051")]
        listen: SocketAddr,
        /// The port of the executor's gRPC service (default: the listen port + 1)
        #[arg(long, value_name = "PORT")]
        grpc_port: Option<u16>,
    },
}

/// `host:port` or `df://host:port`, resolved.
fn scheduler_address(text: &str) -> anyhow::Result<SocketAddr> {
    use std::net::ToSocketAddrs;
    let bare = text
        .trim()
        .trim_start_matches("df://")
        .trim_end_matches('/');
    bare.to_socket_addrs()
        .ok()
        .and_then(|mut a| a.next())
        .ok_or_else(|| anyhow::anyhow!("{}", msg!("cli-cluster-bad-scheduler", value = text)))
}

#[cfg(feature = "cluster")]
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    use baocao::query::cluster;
    super::common::block_on(async {
        match args {
            Args::Scheduler { listen } => cluster::scheduler(listen).await?,
            Args::Executor {
                scheduler,
                listen,
                grpc_port,
            } => {
                let scheduler = scheduler_address(&scheduler)?;
                let grpc = grpc_port.unwrap_or(listen.port().saturating_add(1));
                cluster::executor(scheduler, listen, grpc).await?
            }
        }
        Ok(ExitCode::SUCCESS)
    })
}

#[cfg(not(feature = "cluster"))]
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if let Args::Executor { scheduler, .. } = &args {
        scheduler_address(scheduler)?;
    }
    anyhow::bail!("{}", msg!("cli-cluster-not-built"))
}
