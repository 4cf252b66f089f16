//! The named queries on Apache DataFusion Ballista (cargo feature
//! `cluster`): Ballista's own scheduler and executors, started from this
//! binary, and a client session whose statements they run.
//!
//! A statement goes to the scheduler as DataFusion's serialised logical
//! plan, after the client has planned it over its catalog (so every view,
//! named query and CTE is already inlined). What must travel with it:
//!
//! - **the snapshot**: the lake's URL and the ledger version the client
//!   read travel as two settings (`baocao.lake`, `baocao.version`, the
//!   [`LakeSnapshot`] extension). The scheduler and each executor read
//!   that version's file list and see the data folders through the same
//!   [`SnapshotStore`] a local session uses, so a file a later run wrote,
//!   or a compaction retired, is never listed (versions and retired files
//!   stay [`crate::lake::remote::GRACE_SECS`] for this);
//! - **the lake's folders** (`lake.activities`, `rejects`, the rollup): as
//!   DataFusion's listing tables, which its plan format carries;
//! - **small in-memory tables** (the reference data, `lake.superseded`,
//!   `file_totals`) and **the ledger** (`submissions`): as Arrow IPC
//!   inside the plan, by [`LakeCodec`];
//! - **baocao's SQL functions** (`lang()` and the others): registered by
//!   name on the scheduler and the executors.
//!
//! A table provider of any other kind cannot go: the codec says which.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, OnceLock};

use arrow::array::RecordBatch;
use arrow::datatypes::SchemaRef;
use ballista::prelude::SessionContextExt;
use ballista_core::extension::SessionConfigExt;
use ballista_core::registry::BallistaFunctionRegistry;
use ballista_core::serde::BallistaLogicalExtensionCodec;
use datafusion::catalog::TableProvider;
use datafusion::common::{DataFusionError, TableReference};
use datafusion::config::{ConfigEntry, ConfigExtension, ExtensionOptions};
use datafusion::datasource::MemTable;
use datafusion::execution::TaskContext;
use datafusion::execution::object_store::ObjectStoreRegistry;
use datafusion::execution::runtime_env::{RuntimeEnv, RuntimeEnvBuilder};
use datafusion::execution::session_state::{SessionState, SessionStateBuilder};
use datafusion::logical_expr::{Extension, LogicalPlan};
use datafusion::prelude::{SessionConfig, SessionContext};
use datafusion_proto::logical_plan::LogicalExtensionCodec;
use object_store::ObjectStore;
use url::Url;

use super::lake_tables::LedgerTable;
use super::snapshot::SnapshotStore;
use crate::lake::remote::Remote;
use crate::lake::{DATA_FOLDERS, Lake};

/// The lake snapshot a statement reads, sent with it to the scheduler and
/// the executors as the settings `baocao.lake` and `baocao.version`.
///
/// Written out rather than with DataFusion's `extensions_options!`, whose
/// entries leave out the `baocao.` prefix, so that the scheduler, setting
/// them by name, would drop them (and list every file of the bucket).
#[derive(Debug, Clone, Default)]
pub struct LakeSnapshot {
    /// `s3://bucket/prefix` (empty: no lake).
    pub lake: String,
    /// The ledger version the client read.
    pub version: u64,
}

impl ExtensionOptions for LakeSnapshot {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }

    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }

    fn cloned(&self) -> Box<dyn ExtensionOptions> {
        Box::new(self.clone())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<()> {
        match key {
            "lake" => self.lake = value.to_string(),
            "version" => {
                self.version = value
                    .parse()
                    .map_err(|e| DataFusionError::Configuration(format!("baocao.version: {e}")))?
            }
            other => {
                return Err(DataFusionError::Configuration(format!(
                    "baocao.{other} is not a setting"
                )));
            }
        }
        Ok(())
    }

    fn entries(&self) -> Vec<ConfigEntry> {
        vec![
            ConfigEntry {
                key: format!("{}.lake", Self::PREFIX),
                value: Some(self.lake.clone()),
                description: "the lake the statement reads (s3://bucket/prefix)",
            },
            ConfigEntry {
                key: format!("{}.version", Self::PREFIX),
                value: Some(self.version.to_string()),
                description: "the version of the lake's ledger the statement reads",
            },
        ]
    }
}

impl ConfigExtension for LakeSnapshot {
    const PREFIX: &'static str = "baocao";
}

type Result<T> = datafusion::error::Result<T>;

fn failed(e: impl std::fmt::Display) -> DataFusionError {
    DataFusionError::External(e.to_string().into())
}

/// The largest gRPC message the client, the scheduler and the executors
/// take: a plan carries the ledger (`submissions`), about 10 MB for the
/// 1 M lake's 15,000 reports, more than gRPC's 16 MB default allows
/// beyond that.
const MAX_MESSAGE: u32 = 1 << 30;

/// The settings every session of the cluster starts from: Ballista's, with
/// [`LakeSnapshot`] and [`LakeCodec`].
pub fn base_config() -> SessionConfig {
    SessionConfig::new_with_ballista()
        .with_ballista_grpc_client_max_message_size(MAX_MESSAGE as usize)
        .with_information_schema(true)
        .with_option_extension(LakeSnapshot::default())
        .with_ballista_logical_extension_codec(Arc::new(LakeCodec::default()))
}

/// The stores a session of the cluster reads through: S3 buckets from the
/// `AWS_*` variables, and for the bucket of the session's lake, the
/// snapshot's view of it.
#[derive(Debug)]
struct LakeStores {
    snapshot: Option<(String, u64)>,
    stores: Mutex<HashMap<String, Arc<dyn ObjectStore>>>,
}

/// Snapshot views of lakes, by lake URL and ledger version.
type SnapshotStores = HashMap<(String, u64), Arc<dyn ObjectStore>>;

/// The views of snapshots already read, by lake and version (a session's
/// tasks on an executor share one).
fn snapshot_stores() -> &'static Mutex<SnapshotStores> {
    static STORES: OnceLock<Mutex<SnapshotStores>> = OnceLock::new();
    STORES.get_or_init(Default::default)
}

/// The bucket `s3://bucket/...` names, as a URL.
fn bucket_of(url: &str) -> Option<String> {
    let rest = url.strip_prefix("s3://")?;
    Some(format!("s3://{}", rest.split('/').next()?))
}

/// The lake `lake` as version `version` of its ledger lists it.
fn snapshot_store(lake: &str, version: u64) -> Result<Arc<dyn ObjectStore>> {
    let key = (lake.to_string(), version);
    if let Some(store) = snapshot_stores().lock().map_err(failed)?.get(&key) {
        return Ok(store.clone());
    }
    let remote = Arc::new(Remote::open_s3(lake).map_err(failed)?);
    let at = Lake::on(remote.clone());
    let ledger = at
        .snapshot_at(version)
        .map_err(failed)?
        .ok_or_else(|| failed(crate::msg!("cluster-no-version", lake = lake, n = version)))?;
    let store: Arc<dyn ObjectStore> = Arc::new(SnapshotStore::new(
        remote.store.clone(),
        DATA_FOLDERS.iter().map(|d| remote.path(d)).collect(),
        ledger.files.iter().map(|f| remote.path(f)).collect(),
    ));
    snapshot_stores()
        .lock()
        .map_err(failed)?
        .insert(key, store.clone());
    Ok(store)
}

impl ObjectStoreRegistry for LakeStores {
    fn register_store(
        &self,
        url: &Url,
        store: Arc<dyn ObjectStore>,
    ) -> Option<Arc<dyn ObjectStore>> {
        let key = format!("{}://{}", url.scheme(), url.host_str().unwrap_or(""));
        self.stores.lock().ok()?.insert(key, store)
    }

    fn get_store(&self, url: &Url) -> Result<Arc<dyn ObjectStore>> {
        let key = format!("{}://{}", url.scheme(), url.host_str().unwrap_or(""));
        if let Some(store) = self.stores.lock().map_err(failed)?.get(&key) {
            return Ok(store.clone());
        }
        let store: Arc<dyn ObjectStore> = match url.scheme() {
            "file" => Arc::new(object_store::local::LocalFileSystem::new()),
            "s3" => match &self.snapshot {
                Some((lake, version)) if bucket_of(lake).as_deref() == Some(&key) => {
                    snapshot_store(lake, *version)?
                }
                _ => Remote::open_s3(&key).map_err(failed)?.store,
            },
            other => {
                return Err(failed(crate::msg!("cluster-store-scheme", scheme = other)));
            }
        };
        self.stores
            .lock()
            .map_err(failed)?
            .insert(key, store.clone());
        Ok(store)
    }
}

/// The runtime of a session of the cluster: its stores as
/// [`LakeSnapshot`] in `config` says.
pub fn runtime_for(config: &SessionConfig) -> Result<Arc<RuntimeEnv>> {
    let snapshot = config
        .options()
        .extensions
        .get::<LakeSnapshot>()
        .filter(|s| !s.lake.is_empty())
        .map(|s| (s.lake.clone(), s.version));
    RuntimeEnvBuilder::new()
        .with_object_store_registry(Arc::new(LakeStores {
            snapshot,
            stores: Mutex::new(HashMap::new()),
        }))
        .build_arc()
}

/// A scheduler's session: Ballista's default, with the snapshot's stores
/// and baocao's functions.
fn scheduler_session(config: SessionConfig) -> Result<SessionState> {
    let runtime = runtime_for(&config)?;
    let state = ballista_core::utils::default_session_builder(config)?;
    let mut functions = state
        .scalar_functions()
        .values()
        .cloned()
        .collect::<Vec<_>>();
    functions.extend(super::functions::functions().into_iter().map(Arc::new));
    Ok(SessionStateBuilder::new_from_existing(state)
        .with_runtime_env(runtime)
        .with_scalar_functions(functions)
        .build())
}

/// Runs Ballista's scheduler on `listen` until the process is stopped.
///
/// # Errors
/// The address is taken, or the scheduler fails to start.
pub async fn scheduler(listen: SocketAddr) -> anyhow::Result<()> {
    use ballista_scheduler::cluster::BallistaCluster;
    use ballista_scheduler::config::SchedulerConfig;
    let config = SchedulerConfig {
        bind_host: listen.ip().to_string(),
        external_host: listen.ip().to_string(),
        bind_port: listen.port(),
        override_config_producer: Some(Arc::new(base_config)),
        override_session_builder: Some(Arc::new(scheduler_session)),
        override_logical_codec: Some(Arc::new(LakeCodec::default())),
        grpc_server_max_decoding_message_size: MAX_MESSAGE,
        grpc_server_max_encoding_message_size: MAX_MESSAGE,
        grpc_client_max_message_size: MAX_MESSAGE,
        ..Default::default()
    };
    let cluster = BallistaCluster::new_from_config(&config).await?;
    eprintln!(
        "{}",
        crate::msg!("cluster-scheduler-listening", addr = listen.to_string())
    );
    ballista_scheduler::scheduler_process::start_server(cluster, listen, Arc::new(config)).await?;
    Ok(())
}

/// Runs a Ballista executor serving Arrow Flight on `listen` (and its gRPC
/// service on `grpc_port`), registered with the scheduler at `scheduler`,
/// until the process is stopped.
///
/// # Errors
/// The scheduler cannot be reached, or the executor fails to start.
pub async fn executor(
    scheduler: SocketAddr,
    listen: SocketAddr,
    grpc_port: u16,
) -> anyhow::Result<()> {
    use ballista_executor::executor_process::{ExecutorProcessConfig, start_executor_process};
    let mut registry = BallistaFunctionRegistry::default();
    for f in super::functions::functions() {
        registry
            .scalar_functions
            .insert(f.name().to_string(), Arc::new(f));
    }
    let config = ExecutorProcessConfig {
        bind_host: listen.ip().to_string(),
        external_host: Some(listen.ip().to_string()),
        port: listen.port(),
        grpc_port,
        scheduler_host: scheduler.ip().to_string(),
        scheduler_port: scheduler.port(),
        scheduler_connect_timeout_seconds: 30,
        override_config_producer: Some(Arc::new(base_config)),
        override_runtime_producer: Some(Arc::new(runtime_for)),
        override_function_registry: Some(Arc::new(registry)),
        override_logical_codec: Some(Arc::new(LakeCodec::default())),
        grpc_max_decoding_message_size: MAX_MESSAGE,
        grpc_max_encoding_message_size: MAX_MESSAGE,
        ..Default::default()
    };
    eprintln!(
        "{}",
        crate::msg!(
            "cluster-executor-listening",
            addr = listen.to_string(),
            scheduler = scheduler.to_string()
        )
    );
    start_executor_process(Arc::new(config)).await?;
    Ok(())
}

/// A client context whose statements run on the scheduler at `url`
/// (`df://host:port`), over version `version` of the lake `lake`.
///
/// # Errors
/// The scheduler cannot be reached.
pub async fn context(
    url: &str,
    config: SessionConfig,
    runtime: Arc<RuntimeEnv>,
    lake: &Remote,
    version: u64,
) -> Result<SessionContext> {
    // Ballista's client connects lazily, and says so in gRPC's words:
    // find out now, in ours
    let address = url.trim_start_matches("df://").trim_end_matches('/');
    let url = format!("df://{address}");
    let found = std::net::ToSocketAddrs::to_socket_addrs(address)
        .map_err(failed)?
        .next()
        .ok_or_else(|| {
            failed(crate::msg!(
                "cli-cluster-bad-scheduler",
                value = url.as_str()
            ))
        })?;
    std::net::TcpStream::connect_timeout(&found, std::time::Duration::from_secs(5))
        .map_err(failed)?;
    let mut config = config
        .upgrade_for_ballista()
        .with_option_extension(LakeSnapshot {
            lake: lake.url(),
            version,
        })
        .with_ballista_logical_extension_codec(Arc::new(LakeCodec::default()))
        .with_ballista_grpc_client_max_message_size(MAX_MESSAGE as usize);
    if let Ok(extra) = std::env::var("BAOCAO_BALLISTA_SET") {
        for pair in extra.split(',') {
            if let Some((k, v)) = pair.split_once('=') {
                config.options_mut().set(k, v)?;
            }
        }
    }
    let state = SessionStateBuilder::new()
        .with_config(config)
        .with_runtime_env(runtime)
        .with_default_features()
        .build();
    SessionContext::remote_with_state(&url, state).await
}

/// Ballista's logical codec, and baocao's in-memory tables and ledger as
/// Arrow IPC (see the module's documentation).
#[derive(Debug, Default)]
pub struct LakeCodec {
    inner: BallistaLogicalExtensionCodec,
}

/// What starts a table [`LakeCodec`] wrote.
const MAGIC: &[u8] = b"baocao-ipc\0";

/// The rows of a provider that travels as data, or `None`.
fn rows_of(node: &Arc<dyn TableProvider>) -> Result<Option<(SchemaRef, Vec<RecordBatch>)>> {
    if let Some(mem) = node.downcast_ref::<MemTable>() {
        let mut batches = Vec::new();
        for partition in &mem.batches {
            let part = partition
                .try_read()
                .map_err(|_| failed("an in-memory table is being written"))?;
            batches.extend(part.iter().cloned());
        }
        return Ok(Some((mem.schema(), batches)));
    }
    if let Some(ledger) = node.downcast_ref::<LedgerTable>() {
        let mem = ledger.all().map_err(failed)?;
        return rows_of(&(mem as Arc<dyn TableProvider>));
    }
    Ok(None)
}

impl LogicalExtensionCodec for LakeCodec {
    fn try_decode(
        &self,
        buf: &[u8],
        inputs: &[LogicalPlan],
        ctx: &TaskContext,
    ) -> Result<Extension> {
        self.inner.try_decode(buf, inputs, ctx)
    }

    fn try_encode(&self, node: &Extension, buf: &mut Vec<u8>) -> Result<()> {
        self.inner.try_encode(node, buf)
    }

    fn try_decode_table_provider(
        &self,
        buf: &[u8],
        table_ref: &TableReference,
        schema: SchemaRef,
        ctx: &TaskContext,
    ) -> Result<Arc<dyn TableProvider>> {
        let Some(ipc) = buf.strip_prefix(MAGIC) else {
            return self
                .inner
                .try_decode_table_provider(buf, table_ref, schema, ctx);
        };
        let reader = arrow::ipc::reader::StreamReader::try_new(ipc, None)?;
        let batches = reader.collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(Arc::new(MemTable::try_new(schema, vec![batches])?))
    }

    fn try_encode_table_provider(
        &self,
        table_ref: &TableReference,
        node: Arc<dyn TableProvider>,
        buf: &mut Vec<u8>,
    ) -> Result<()> {
        let Some((schema, batches)) = rows_of(&node)? else {
            return self
                .inner
                .try_encode_table_provider(table_ref, node, buf)
                .map_err(|e| {
                    failed(crate::msg!(
                        "cluster-table-cannot-go",
                        table = table_ref.to_string(),
                        error = e.to_string()
                    ))
                });
        };
        buf.extend_from_slice(MAGIC);
        let mut writer = arrow::ipc::writer::StreamWriter::try_new(buf, &schema)?;
        for b in &batches {
            writer.write(b)?;
        }
        writer.finish()?;
        Ok(())
    }

    fn try_decode_file_format(
        &self,
        buf: &[u8],
        ctx: &TaskContext,
    ) -> Result<Arc<dyn datafusion::datasource::file_format::FileFormatFactory>> {
        self.inner.try_decode_file_format(buf, ctx)
    }

    fn try_encode_file_format(
        &self,
        buf: &mut Vec<u8>,
        node: Arc<dyn datafusion::datasource::file_format::FileFormatFactory>,
    ) -> Result<()> {
        self.inner.try_encode_file_format(buf, node)
    }
}
