//! `query`: the one place that builds DataFusion's context. It registers the
//! lake's Parquet folders (with the `year` partition), the rollup, the
//! reference tables and the contract's views, each made when a statement
//! first names it ([`catalog`]); runs SQL read-only; and binds named
//! queries' parameters through DataFusion (never spliced into the text).

mod catalog;
#[cfg(feature = "cluster")]
pub mod cluster;
mod columns;
mod error;
mod fixed_tables;
mod functions;
mod lake_tables;
pub mod named;
mod named_views;
pub mod output;
mod quality;
mod reference_tables;
mod result;
mod snapshot;
mod views;

pub use catalog::ReferenceSource;
pub use error::QueryError;
pub use lake_tables::Rollup;
pub use result::QueryResult;

use self::result::as_utf8;

use std::collections::HashMap;
use std::sync::Arc;

use datafusion::catalog::{MemorySchemaProvider, SchemaProvider};
use datafusion::common::ScalarValue;
use datafusion::error::DataFusionError;
use datafusion::execution::context::SQLOptions;
use datafusion::execution::runtime_env::RuntimeEnvBuilder;
use datafusion::logical_expr::LogicalPlan;
use datafusion::prelude::{SessionConfig, SessionContext};
use datafusion::sql::parser::DFParser;

use crate::lake::{Lake, Snapshot};

/// The tables and views analysts can query, in the order hints list them:
/// the items, the ledger and refusals, the reference tables, the views over
/// them, the rollup, the fixed tables.
pub fn table_names() -> Vec<&'static str> {
    let mut names = vec!["activities", "activities_all", "submissions", "rejects"];
    names.extend(reference_tables::REFERENCE_TABLES);
    names.extend(["reporting_status", "submission_versions", "activity_rollup"]);
    names.extend(fixed_tables::FIXED_TABLES);
    names
}

/// A DataFusion context over one snapshot of a lake and the reference data.
pub struct Session {
    ctx: SessionContext,
    /// Keeps the snapshot's files from being removed while the session lives.
    _snapshot: Arc<Snapshot>,
    /// The Ballista scheduler the statements run on, if any.
    cluster: Option<String>,
}

/// `lake.superseded` for a ledger that keeps no list of superseded ids.
const SUPERSEDED_FROM_LEDGER: &str =
    "SELECT submission_id FROM submissions WHERE superseded_by IS NOT NULL";

/// What a statement may do: read, never define, change or set (DDL, DML,
/// `SET`, `COPY` refused).
fn read_only() -> SQLOptions {
    SQLOptions::new()
        .with_allow_ddl(false)
        .with_allow_dml(false)
        .with_allow_statements(false)
}

/// Turns DataFusion's message into one a user can act on.
pub fn explain_error(e: DataFusionError) -> QueryError {
    explain_message(e.to_string())
}

/// [`explain_error`] for the engine's message as text (what a front end
/// that ran the statement itself holds).
pub fn explain_message(message: String) -> QueryError {
    // the engine's wrapping of our own sentences (a table made on first use)
    let message = message
        .strip_prefix("Execution error: ")
        .map(str::to_string)
        .unwrap_or(message);
    let lower = message.to_lowercase();
    for (needle, what) in [
        ("ddl not supported", "query-statement-ddl"),
        ("dml not supported", "query-statement-dml"),
        ("statement not supported", "query-statement-other"),
    ] {
        if lower.contains(needle) {
            return QueryError::ReadOnly(crate::msg!(what));
        }
    }
    // the parser's message, without the Debug wrapping around it
    if let Some(inner) = message
        .strip_prefix("SQL error: ParserError(\"")
        .and_then(|m| m.strip_suffix("\")"))
    {
        return QueryError::Sql {
            message: crate::msg!("query-syntax-error", error = inner).to_string(),
        };
    }
    if lower.contains("parquet error") {
        return QueryError::Sql {
            message: crate::msg!("query-data-file-damaged", error = message).to_string(),
        };
    }
    if lower.contains("not found") && (lower.contains("table") || lower.contains("view")) {
        // "table 'datafusion.public.activites' not found": the name typed
        let typed = message
            .split('\'')
            .nth(1)
            .and_then(|q| q.rsplit('.').next())
            .unwrap_or_default();
        let names = table_names();
        let hint = match crate::text::did_you_mean(typed, names.iter().map(|n| n.as_ref())) {
            Some(n) => crate::msg!(
                "query-hint-table-nearest",
                name = n,
                tables = names.join(", ")
            ),
            None => crate::msg!("query-hint-tables", tables = names.join(", ")),
        };
        return QueryError::Sql {
            message: format!("{message}\n{hint}"),
        };
    }
    QueryError::Sql { message }
}

/// Binds named parameters (`$year`) into `plan`: each value, given in its
/// declared type, is cast to the type DataFusion infers for its placeholder
/// (or kept where nothing is inferred); a parameter the plan does not name
/// is left out. Errors: a value that cannot take the inferred type.
pub(crate) fn bind(
    plan: LogicalPlan,
    params: &[(String, String, ScalarValue)],
) -> Result<LogicalPlan, QueryError> {
    if params.is_empty() {
        return Ok(plan);
    }
    let inferred = plan.get_parameter_types().map_err(explain_error)?;
    let mut values: HashMap<String, ScalarValue> = HashMap::new();
    for (name, text, fallback) in params {
        let value = match inferred.get(&format!("${name}")) {
            Some(Some(t)) if fallback.data_type() == *t => fallback.clone(),
            Some(Some(t)) => fallback
                .cast_to(t)
                .or_else(|_| ScalarValue::try_from_string(text.clone(), t))
                .map_err(|_| {
                    QueryError::Param(crate::msg!(
                        "query-param-not-valid",
                        name = name.clone(),
                        value = text.clone(),
                        kind = t.to_string()
                    ))
                })?,
            Some(None) => fallback.clone(),
            None => continue,
        };
        values.insert(name.clone(), value);
    }
    plan.with_param_values(values).map_err(explain_error)
}

/// The first `n` rows of `batches`.
fn first_rows(batches: Vec<arrow::array::RecordBatch>, n: usize) -> Vec<arrow::array::RecordBatch> {
    let mut left = n;
    let mut out = Vec::new();
    for b in batches {
        if left == 0 {
            break;
        }
        let take = left.min(b.num_rows());
        out.push(b.slice(0, take));
        left -= take;
    }
    out
}

/// The named queries that answer on the cluster exactly as in this
/// process, run after run (bench/cluster.py, tests/cli/cluster.rs). On
/// Ballista 55 `top_works` and `data_quality` were seen to answer
/// differently from one run to the next (rows of a whole theme missing),
/// `coverage_by_unit`, `gaps`, `trend_unit_monthly` and `trend_alerts` did
/// not finish, nor did `rejects_summary` on the 1 M lake: `baocao query
/// --cluster` refuses them, and every query not tried.
pub const CLUSTER_VERIFIED: &[&str] = &[
    "coverage_by_form",
    "coverage_by_peak",
    "coverage_by_subtheme",
    "coverage_by_theme",
    "lake_overview",
    "language_coverage",
    "monthly_trend",
    "outliers",
    "reporting_rate",
    "reporting_status",
    "trend_peak_monthly",
    "trend_theme_monthly",
];

/// How a [`Session`] reads and how much it may hold.
#[derive(Debug, Clone, Default)]
pub struct SessionOptions {
    /// How `activity_rollup` is read.
    pub rollup: Rollup,
    /// The most memory (bytes) one statement's operators may hold (joins,
    /// sorts, aggregates: DataFusion's memory pool); past it the statement
    /// fails with [`QueryError::Sql`] saying so. `None`: no limit.
    pub memory_limit: Option<usize>,
    /// The Ballista scheduler (`df://host:port`) that runs the statements,
    /// over a lake on object storage (cargo feature `cluster`); `None`: this
    /// process runs them.
    pub cluster: Option<String>,
}

/// The client context of a session whose statements run on the Ballista
/// scheduler at `url` ([`cluster::context`]); the lake must be on object
/// storage, which the executors read.
#[cfg(feature = "cluster")]
async fn cluster_context(
    url: &str,
    config: SessionConfig,
    runtime: Arc<datafusion::execution::runtime_env::RuntimeEnv>,
    lake: &Lake,
    snapshot: &Snapshot,
) -> Result<SessionContext, QueryError> {
    let remote = lake.remote().ok_or_else(|| {
        QueryError::Lake(crate::msg!(
            "cluster-needs-s3",
            lake = lake.root.display().to_string()
        ))
    })?;
    cluster::context(url, config, runtime, remote, snapshot.ledger.version)
        .await
        .map_err(|e| {
            QueryError::Lake(crate::msg!(
                "cluster-unreachable",
                url = url,
                error = e.to_string()
            ))
        })
}

/// Without the `cluster` feature: a sentence saying how to build it.
#[cfg(not(feature = "cluster"))]
async fn cluster_context(
    url: &str,
    _config: SessionConfig,
    _runtime: Arc<datafusion::execution::runtime_env::RuntimeEnv>,
    _lake: &Lake,
    _snapshot: &Snapshot,
) -> Result<SessionContext, QueryError> {
    Err(QueryError::Lake(crate::msg!(
        "cluster-not-built",
        url = url
    )))
}

impl Session {
    /// Opens the lake as its last commit left it; a missing lake is an
    /// error that says what to do. Tables are made when a statement first
    /// names them (the reference data is read then, if `reference` is
    /// [`ReferenceSource::lazy`]).
    pub async fn open(
        lake: &Lake,
        reference: impl Into<ReferenceSource>,
    ) -> Result<Session, QueryError> {
        Session::open_with(lake, reference, Rollup::Stored).await
    }

    /// [`Session::open`], with `activity_rollup` read as `rollup` says.
    pub async fn open_with(
        lake: &Lake,
        reference: impl Into<ReferenceSource>,
        rollup: Rollup,
    ) -> Result<Session, QueryError> {
        let options = SessionOptions {
            rollup,
            ..SessionOptions::default()
        };
        Session::open_options(lake, reference, options).await
    }

    /// [`Session::open`], as `options` say.
    pub async fn open_options(
        lake: &Lake,
        reference: impl Into<ReferenceSource>,
        options: SessionOptions,
    ) -> Result<Session, QueryError> {
        let rollup = options.rollup;
        let snapshot = lake
            .snapshot()
            .map_err(|e| QueryError::Lake(crate::i18n::Msg::verbatim(e.to_string())))?
            .ok_or_else(|| QueryError::NoLake(lake.root.display().to_string()))?;
        let snapshot = Arc::new(snapshot);
        // DataFusion's own settings may be tuned from the environment
        // (DATAFUSION_EXECUTION_BATCH_SIZE=..., see DataFusion's configuration
        // page); partitions default to the number of cores.
        let mut config = SessionConfig::from_env()
            .map_err(explain_error)?
            .with_information_schema(true);
        // The views and named queries put the small side of each join first
        // (the superseded submissions, the reports current on a day), the
        // side DataFusion hashes; its join reordering, guessing sizes after
        // filters, would swap them for the items (ten times the memory,
        // twice the time on a 10 M lake before issue 17: bench/RESULTS.md).
        if std::env::var_os("DATAFUSION_OPTIMIZER_JOIN_REORDERING").is_none() {
            config.options_mut().optimizer.join_reordering = false;
        }
        let mut runtime = RuntimeEnvBuilder::new();
        if let Some(bytes) = options.memory_limit {
            runtime = runtime.with_memory_limit(bytes, 1.0);
        }
        let ctx = match &options.cluster {
            None => SessionContext::new_with_config_rt(config, runtime.build_arc()?),
            Some(url) => {
                cluster_context(url, config, runtime.build_arc()?, lake, &snapshot).await?
            }
        };
        for f in functions::functions() {
            ctx.register_udf(f);
        }
        let lake_tables = lake_tables::lake_tables(&ctx, lake, &snapshot, rollup)?;
        let (ledger, totals) = (snapshot.clone(), snapshot.clone());
        let public = Arc::new(catalog::PublicSchema::new(
            reference.into(),
            lake_tables.public,
            vec![
                (
                    "submissions",
                    Box::new(move || {
                        Ok(Arc::new(lake_tables::LedgerTable::new(ledger.clone())) as _)
                    }),
                ),
                (
                    "file_totals",
                    Box::new(move || lake_tables::file_totals(&totals)),
                ),
            ],
            views::views(lake_tables.any_superseded),
        ));
        let weak = ctx.state_weak_ref();
        public.set_state(Box::new(move || weak.upgrade().map(|s| s.read().clone())));
        let names = ctx.state().config_options().catalog.clone();
        let catalog = ctx.catalog(&names.default_catalog).ok_or_else(|| {
            QueryError::Lake(crate::msg!(
                "query-no-catalog",
                catalog = names.default_catalog.clone()
            ))
        })?;
        let in_lake = Arc::new(MemorySchemaProvider::new());
        in_lake.register_table("activities".into(), lake_tables.activities)?;
        in_lake.register_table("rejects".into(), lake_tables.rejects)?;
        catalog.register_schema(&names.default_schema, public)?;
        let queries = Arc::new(named_views::QueriesSchema::new(named::all()?));
        let weak = ctx.state_weak_ref();
        queries.set_state(Box::new(move || weak.upgrade().map(|s| s.read().clone())));
        catalog.register_schema(named_views::SCHEMA, queries)?;
        catalog.register_schema("lake", in_lake.clone())?;
        match lake_tables.superseded {
            Some(ids) => {
                in_lake.register_table("superseded".into(), ids)?;
            }
            None => {
                let body = SUPERSEDED_FROM_LEDGER;
                let plan = ctx.state().create_logical_plan(body).await?;
                in_lake.register_table(
                    "superseded".into(),
                    Arc::new(datafusion::catalog::view::ViewTable::new(
                        plan,
                        Some(body.to_string()),
                    )),
                )?;
            }
        }
        match lake_tables.rollup {
            Some(stored) => {
                in_lake.register_table("activity_rollup".into(), stored)?;
            }
            None => {
                let view = views::computed_rollup();
                let plan = ctx.state().create_logical_plan(&view.body).await?;
                in_lake.register_table(
                    view.name.into(),
                    Arc::new(datafusion::catalog::view::ViewTable::new(
                        plan,
                        Some(view.body),
                    )),
                )?;
            }
        }
        crate::fault::point("session-opened");
        Ok(Session {
            ctx,
            _snapshot: snapshot,
            cluster: options.cluster.clone(),
        })
    }

    /// The context without the snapshot: its tables keep their names and
    /// columns, but its files may be removed by a later compaction, so it
    /// is for reading the catalog (what tables there are, with which
    /// columns), never their rows.
    pub fn into_catalog_context(self) -> SessionContext {
        self.ctx
    }

    /// DataFusion's context over this snapshot: for a front end that plans
    /// and runs statements itself (the PostgreSQL server), which must keep
    /// the session alive while it reads, and refuse first what
    /// [`Session::run`] refuses (DDL, DML, `SET`).
    pub fn context(&self) -> &SessionContext {
        &self.ctx
    }

    /// Runs one or more statements (separated by `;`), read-only; returns
    /// each statement's answer.
    pub async fn sql(&self, sql: &str) -> Result<Vec<QueryResult>, QueryError> {
        self.run(sql, &[]).await
    }

    /// A statement's failure, said as the cluster's when it ran there (its
    /// gRPC status trimmed to the sentence inside it).
    fn on_cluster(&self, e: DataFusionError) -> QueryError {
        let Some(url) = &self.cluster else {
            return explain_error(e);
        };
        let text = e.to_string();
        let inner = text
            .split_once("message: \"")
            .map(|(_, rest)| rest.split("\", metadata").next().unwrap_or(rest))
            .unwrap_or(&text);
        // DataFusion's invitation to report a bug of its own, which this is not
        let inner = inner
            .split("This issue was likely caused")
            .next()
            .unwrap_or(inner)
            .trim_end();
        let inner = inner.strip_suffix("\\n").unwrap_or(inner).trim_end();
        let mut said: String = inner.chars().take(600).collect();
        if said.len() < inner.len() {
            said.push('…');
        }
        QueryError::Lake(crate::msg!(
            "cluster-failed",
            url = url.as_str(),
            error = said
        ))
    }

    /// Runs SQL with named parameters (`$year`): each value, given in its
    /// declared type, is cast to the type DataFusion infers for its
    /// placeholder (or kept where nothing is inferred).
    pub async fn run(
        &self,
        sql: &str,
        params: &[(String, String, ScalarValue)],
    ) -> Result<Vec<QueryResult>, QueryError> {
        let statements = DFParser::parse_sql(sql).map_err(explain_error)?;
        if statements.is_empty() {
            if !sql.trim().is_empty() {
                return Err(QueryError::Sql {
                    message: crate::msg!("query-only-comments").to_string(),
                });
            }
            return Err(QueryError::Empty);
        }
        let state = self.ctx.state();
        let mut out = Vec::new();
        for stmt in statements {
            let started = std::time::Instant::now();
            let plan = state.statement_to_plan(stmt).await.map_err(explain_error)?;
            read_only().verify_plan(&plan).map_err(explain_error)?;
            let plan = bind(plan, params)?;
            // Ballista 55 loses a statement's outermost LIMIT (every row
            // came back): it is applied again to what the cluster returns
            let fetch = match (&self.cluster, &plan) {
                (Some(_), LogicalPlan::Limit(limit)) => {
                    use datafusion::logical_expr::{FetchType, SkipType};
                    match (limit.get_skip_type(), limit.get_fetch_type()) {
                        (Ok(SkipType::Literal(0)), Ok(FetchType::Literal(Some(n)))) => Some(n),
                        _ => None,
                    }
                }
                _ => None,
            };
            let df = self
                .ctx
                .execute_logical_plan(plan)
                .await
                .map_err(|e| self.on_cluster(e))?;
            let schema = df.schema().inner().clone();
            let mut batches = df.collect().await.map_err(|e| self.on_cluster(e))?;
            if let Some(n) = fetch {
                batches = first_rows(batches, n);
            }
            let mut result = as_utf8(schema, batches)?;
            result.elapsed = started.elapsed();
            out.push(result);
        }
        Ok(out)
    }
}
