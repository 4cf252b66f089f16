//! `serve`: the lake as a PostgreSQL server, for the tools analysts already
//! use (psql, DBeaver, Metabase, Excel and Power BI through the PostgreSQL
//! ODBC driver). Every connection sees what `baocao sql` sees (the
//! contract's tables and views, the reference tables, and schema `queries`
//! with each named query at its defaults) and may do what it may do: read.
//!
//! - [`users`]: the users file (SCRAM-SHA-256 verifiers, never passwords);
//! - [`scram`] and [`auth`]: the log-in, SCRAM-SHA-256 only, TLS required
//!   when the server has a certificate;
//! - [`statements`]: what a connection may run;
//! - [`handler`]: each statement on the lake's latest snapshot, within the
//!   server's time and memory limits, logged.
//!
//! The wire protocol is pgwire's; the catalog the clients' start-up queries
//! read (`pg_catalog`) and the planning of PostgreSQL's dialect are
//! datafusion-postgres'.

pub mod auth;
pub mod handler;
pub mod scram;
pub mod statements;
pub mod users;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use datafusion_postgres::auth::AuthManager;
use datafusion_postgres::datafusion_pg_catalog::pg_catalog::{
    PgCatalogSchemaProvider, PgCatalogStaticTables,
};
use pgwire::api::cancel::DefaultCancelHandler;
use pgwire::api::query::{ExtendedQueryHandler, SimpleQueryHandler};
use pgwire::api::{ConnectionManager, PgWireServerHandlers, RandomPidSecretKeyGenerator};
use pgwire::tokio::tokio_rustls::TlsAcceptor;
use pgwire::tokio::tokio_rustls::rustls;
use tokio::net::TcpListener;

use crate::i18n::{Lang, Msg};
use crate::lake::Lake;
use crate::query::ReferenceSource;

pub use users::{Users, Verifier};

/// Why the server cannot start or go on: each a sentence that says what to
/// do.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The users file cannot be read or written, or a line is not
    /// `name:verifier`.
    #[error("{0}")]
    Users(Msg),
    /// No user may connect: the server does not start.
    #[error("{0}")]
    NoUsers(Msg),
    /// A certificate or key was given and cannot be loaded: the server does
    /// not start (never a fallback to plain text).
    #[error("{0}")]
    Tls(Msg),
    /// The address cannot be listened on.
    #[error("{0}")]
    Listen(Msg),
    /// The lake cannot be opened.
    #[error("{0}")]
    Lake(Msg),
}

/// What one analyst's statement may take, and how many may connect.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Connections served at once; the next one is told so and closed.
    pub max_connections: usize,
    /// How long one statement may run, rows sent included.
    pub statement_timeout: Duration,
    /// The memory one statement's joins, sorts and aggregates may hold
    /// (DataFusion's memory pool), in bytes.
    pub memory_bytes: usize,
    /// How long a shutdown (SIGTERM, Ctrl-C) waits for running statements.
    pub shutdown_grace: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_connections: 32,
            statement_timeout: Duration::from_secs(300),
            memory_bytes: 2 << 30,
            shutdown_grace: Duration::from_secs(30),
        }
    }
}

/// How `baocao serve` runs.
#[derive(Clone)]
pub struct ServeOptions {
    pub lake: PathBuf,
    pub reference: ReferenceSource,
    pub listen: SocketAddr,
    pub users: PathBuf,
    /// PEM certificate chain and private key: both, or neither.
    pub tls: Option<(PathBuf, PathBuf)>,
    pub limits: Limits,
    /// The language of a connection that does not choose one.
    pub lang: Lang,
    /// The runtime statements run on, apart from the one that serves the
    /// connections (see [`handler`]); `None`: the current runtime.
    pub engine: Option<tokio::runtime::Handle>,
}

/// What every connection shares.
pub struct Shared {
    lake: Lake,
    reference: ReferenceSource,
    users: Users,
    limits: Limits,
    lang: Lang,
    tls_required: bool,
    /// Derives made-up verifiers for unknown users.
    secret: [u8; 32],
    /// PostgreSQL's catalog, one for the server so that a table keeps its
    /// OID from one statement to the next (psql's `\d` looks a table's
    /// OID up, then its columns by that OID): built over the tables of a
    /// session whose snapshot was let go (names and columns do not change
    /// from one commit to the next).
    pg_catalog: Arc<dyn datafusion::catalog::SchemaProvider>,
    /// The session `pg_catalog` reads the tables of.
    _catalog_context: datafusion::prelude::SessionContext,
    auth: Arc<AuthManager>,
    keys: RandomPidSecretKeyGenerator,
    connections: AtomicUsize,
    /// Statements running (a shutdown waits for none).
    running: AtomicUsize,
    cancels: Arc<ConnectionManager>,
    engine: tokio::runtime::Handle,
}

impl Shared {
    /// Counts a new connection in, if there is room.
    fn admit(&self) -> bool {
        self.connections
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| {
                (n < self.limits.max_connections).then_some(n + 1)
            })
            .is_ok()
    }
}

/// One connection's handlers; counts the connection out when it ends.
struct Connection {
    shared: Arc<Shared>,
    admitted: bool,
    startup: Arc<auth::Startup>,
    statements: Arc<handler::Statements>,
    opened: std::time::Instant,
    addr: SocketAddr,
}

impl Drop for Connection {
    fn drop(&mut self) {
        if self.admitted {
            self.shared.connections.fetch_sub(1, Ordering::SeqCst);
            if let Some(user) = self.statements.user.get() {
                tracing::info!(
                    user = %user,
                    addr = %self.addr,
                    statements = self.statements.count.load(Ordering::Relaxed),
                    seconds = self.opened.elapsed().as_secs(),
                    "disconnected"
                );
            }
        }
    }
}

impl PgWireServerHandlers for Connection {
    fn simple_query_handler(&self) -> Arc<impl SimpleQueryHandler> {
        self.statements.clone()
    }

    fn extended_query_handler(&self) -> Arc<impl ExtendedQueryHandler> {
        self.statements.clone()
    }

    fn startup_handler(&self) -> Arc<impl pgwire::api::auth::StartupHandler> {
        self.startup.clone()
    }

    fn error_handler(&self) -> Arc<impl pgwire::api::ErrorHandler> {
        Arc::new(handler::Explain {
            lang: self.shared.lang,
        })
    }

    fn cancel_handler(&self) -> Arc<impl pgwire::api::cancel::CancelHandler> {
        Arc::new(DefaultCancelHandler::new(self.shared.cancels.clone()))
    }
}

/// Loads a PEM certificate chain and its private key; any failure is
/// [`ServeError::Tls`], naming the file.
pub fn load_tls(cert: &std::path::Path, key: &std::path::Path) -> Result<TlsAcceptor, ServeError> {
    let failed = |path: &std::path::Path, error: String| {
        ServeError::Tls(crate::msg!(
            "serve-tls-unloadable",
            path = path.display().to_string(),
            error = error
        ))
    };
    let read =
        |path: &std::path::Path| std::fs::read(path).map_err(|e| failed(path, e.to_string()));
    let cert_pem = read(cert)?;
    let key_pem = read(key)?;
    let chain = rustls_pemfile::certs(&mut cert_pem.as_slice())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| failed(cert, e.to_string()))?;
    if chain.is_empty() {
        return Err(failed(
            cert,
            crate::msg!("serve-tls-no-certificate").to_string(),
        ));
    }
    let private = rustls_pemfile::private_key(&mut key_pem.as_slice())
        .map_err(|e| failed(key, e.to_string()))?
        .ok_or_else(|| failed(key, crate::msg!("serve-tls-no-key").to_string()))?;
    // ring's suites (the build's one crypto library); without the
    // post-quantum key exchange, which no PostgreSQL client offers yet
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| failed(cert, e.to_string()))?
        .with_no_client_auth()
        .with_single_cert(chain, private)
        .map_err(|e| failed(key, e.to_string()))?;
    // PostgreSQL 17's direct TLS negotiation names this protocol
    config.alpn_protocols = vec![b"postgresql".to_vec()];
    Ok(TlsAcceptor::from(Arc::new(config)))
}

/// Everything checked before the server listens: the users, the
/// certificate, the lake. Errors: see [`ServeError`].
pub async fn prepare(
    options: &ServeOptions,
) -> Result<(Arc<Shared>, Option<TlsAcceptor>), ServeError> {
    let users = Users::load(&options.users)?;
    if users.users.is_empty() {
        return Err(ServeError::NoUsers(crate::msg!(
            "serve-no-users",
            path = options.users.display().to_string()
        )));
    }
    let tls = match &options.tls {
        Some((cert, key)) => Some(load_tls(cert, key)?),
        None => None,
    };
    let lake = Lake::open(&options.lake).map_err(|e| ServeError::Lake(e.msg()))?;
    match lake.snapshot() {
        Ok(Some(_)) => {}
        Ok(None) => {
            return Err(ServeError::Lake(crate::msg!(
                "query-no-lake",
                lake = options.lake.display().to_string()
            )));
        }
        Err(e) => return Err(ServeError::Lake(Msg::verbatim(e.to_string()))),
    }
    let auth = Arc::new(AuthManager::default());
    let catalog_context = crate::query::Session::open(&lake, options.reference.clone())
        .await
        .map_err(|e| ServeError::Lake(e.msg()))?
        .into_catalog_context();
    let pg_catalog = Arc::new(
        PgCatalogSchemaProvider::try_new(
            catalog_context.state().catalog_list().clone(),
            Arc::new(
                PgCatalogStaticTables::try_new()
                    .map_err(|e| ServeError::Lake(Msg::verbatim(e.to_string())))?,
            ),
            auth.clone(),
        )
        .map_err(|e| ServeError::Lake(Msg::verbatim(e.to_string())))?,
    );
    let shared = Arc::new(Shared {
        lake,
        reference: options.reference.clone(),
        users,
        limits: options.limits,
        lang: options.lang,
        tls_required: tls.is_some(),
        secret: rand::random(),
        pg_catalog,
        _catalog_context: catalog_context,
        auth,
        keys: RandomPidSecretKeyGenerator::default(),
        connections: AtomicUsize::new(0),
        running: AtomicUsize::new(0),
        cancels: Arc::new(ConnectionManager::new()),
        engine: options
            .engine
            .clone()
            .unwrap_or_else(tokio::runtime::Handle::current),
    });
    Ok((shared, tls))
}

/// Listens on `options.listen` and serves connections until `shutdown`
/// completes; then stops accepting and waits for running statements (at
/// most `limits.shutdown_grace`). `ready` is told the address listened on
/// (the port, when 0 was asked for).
pub async fn serve(
    options: &ServeOptions,
    shutdown: impl std::future::Future<Output = ()>,
    ready: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
    let (shared, tls) = prepare(options).await?;
    let listener = TcpListener::bind(options.listen).await.map_err(|e| {
        ServeError::Listen(crate::msg!(
            "serve-cannot-listen",
            addr = options.listen.to_string(),
            error = e.to_string()
        ))
    })?;
    let addr = listener.local_addr().map_err(|e| {
        ServeError::Listen(crate::msg!(
            "serve-cannot-listen",
            addr = options.listen.to_string(),
            error = e.to_string()
        ))
    })?;
    tracing::info!(
        addr = %addr,
        tls = tls.is_some(),
        users = shared.users.users.len(),
        lake = %options.lake.display(),
        "listening"
    );
    if tls.is_none() && !addr.ip().is_loopback() {
        tracing::warn!(addr = %addr, "{}", crate::msg!("serve-plain-on-network"));
        eprintln!("baocao: {}", crate::msg!("serve-plain-on-network"));
    }
    ready(addr);
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            _ = &mut shutdown => break,
            accepted = listener.accept() => {
                let (socket, peer) = match accepted {
                    Ok(a) => a,
                    Err(e) => {
                        tracing::warn!(error = %e, "accept failed");
                        continue;
                    }
                };
                let admitted = shared.admit();
                let cancel = Arc::new(handler::Cancel::new());
                let connection = Connection {
                    shared: shared.clone(),
                    admitted,
                    startup: Arc::new(auth::Startup::new(shared.clone(), admitted, cancel.clone())),
                    statements: Arc::new(handler::Statements::new(shared.clone(), cancel)),
                    opened: std::time::Instant::now(),
                    addr: peer,
                };
                let tls = tls.clone();
                tokio::spawn(async move {
                    if let Err(e) = pgwire::tokio::process_socket(socket, tls, connection).await {
                        tracing::debug!(addr = %peer, error = %e, "connection ended");
                    }
                });
            }
        }
    }
    drop(listener);
    let running = shared.running.load(Ordering::SeqCst);
    tracing::info!(running, "shutting down: waiting for running statements");
    let _ = tokio::time::timeout(options.limits.shutdown_grace, async {
        while shared.running.load(Ordering::SeqCst) > 0 {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await;
    tracing::info!(
        unfinished = shared.running.load(Ordering::SeqCst),
        "stopped"
    );
    Ok(())
}
