//! `query`: the one place that builds DataFusion's context. It registers the
//! lake's Parquet folders (with the `year` partition), the reference tables
//! and the contract's views, runs SQL read-only, and binds named queries'
//! parameters through DataFusion (never spliced into the text).

pub mod named;
pub mod output;
mod snapshot;
pub mod tables;

use std::collections::HashMap;

use arrow::array::{Array, RecordBatch};
use arrow::datatypes::SchemaRef;
use datafusion::common::ScalarValue;
use datafusion::error::DataFusionError;
use datafusion::execution::context::SQLOptions;
use datafusion::prelude::{SessionConfig, SessionContext};
use datafusion::sql::parser::DFParser;

use crate::lake::{Lake, Snapshot};
use crate::reference::Reference;

/// The tables and views analysts can query, for hints.
pub const TABLES: &[&str] = &[
    "activities",
    "activities_all",
    "submissions",
    "rejects",
    "units",
    "unit_lineage",
    "unit_rollup",
    "themes",
    "subthemes",
    "forms",
    "languages",
    "hrc_priorities",
    "peak_periods",
    "peak_themes",
    "expected_reports",
    "reporting_status",
    "submission_versions",
    "reason_codes",
    "months",
];

/// What can go wrong answering a question.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    #[error(
        "there is no lake at {0}: ingest reports first (baocao ingest PATH --lake {0}), or run baocao demo"
    )]
    NoLake(String),
    #[error("{0}")]
    Lake(String),
    #[error(
        "baocao only reads the lake: {0} is refused (no CREATE, INSERT, UPDATE, DELETE, COPY or SET); ask a question with SELECT"
    )]
    ReadOnly(String),
    #[error("{message}")]
    Sql { message: String },
    #[error("there is no SQL to run: give a statement, --file FILE, or - to read standard input")]
    Empty,
    #[error("unknown query '{name}'; the named queries are: {known} (see baocao queries)")]
    UnknownQuery { name: String, known: String },
    #[error("{0}")]
    Param(String),
    #[error("the named query file {file} is malformed: {message}")]
    BadQueryFile { file: String, message: String },
    #[error(transparent)]
    DataFusion(#[from] DataFusionError),
    #[error(transparent)]
    Arrow(#[from] arrow::error::ArrowError),
    #[error(
        "cannot write {path} (check that its folder exists and can be written, and that the disk has room)"
    )]
    Output {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot write {path}: {message}")]
    OutputFormat { path: String, message: String },
}

impl From<crate::atomic::WriteError> for QueryError {
    fn from(e: crate::atomic::WriteError) -> QueryError {
        QueryError::Output {
            path: e.path.display().to_string(),
            source: e.error,
        }
    }
}

/// A query's answer.
#[derive(Debug, Clone)]
pub struct QueryResult {
    pub schema: SchemaRef,
    pub batches: Vec<RecordBatch>,
}

impl QueryResult {
    pub fn num_rows(&self) -> usize {
        self.batches.iter().map(|b| b.num_rows()).sum()
    }

    /// The first row's value of an integer column, for headline figures.
    pub fn first_i64(&self, column: &str) -> Option<i64> {
        let col = self.first_as(column, arrow::datatypes::DataType::Int64)?;
        let ints = col.as_any().downcast_ref::<arrow::array::Int64Array>()?;
        (!ints.is_null(0)).then(|| ints.value(0))
    }

    /// The first row's value of a text column (`None` if absent or null).
    pub fn first_str(&self, column: &str) -> Option<String> {
        let col = self.first_as(column, arrow::datatypes::DataType::Utf8)?;
        let text = col.as_any().downcast_ref::<arrow::array::StringArray>()?;
        (!text.is_null(0)).then(|| text.value(0).to_string())
    }

    /// A column of the first non-empty batch, cast to `to`.
    fn first_as(
        &self,
        column: &str,
        to: arrow::datatypes::DataType,
    ) -> Option<arrow::array::ArrayRef> {
        let batch = self.batches.iter().find(|b| b.num_rows() > 0)?;
        arrow::compute::cast(batch.column_by_name(column)?, &to).ok()
    }
}

/// A DataFusion context over one snapshot of a lake and the reference data.
pub struct Session {
    ctx: SessionContext,
    /// Keeps the snapshot's files from being removed while the session lives.
    _snapshot: Snapshot,
}

fn read_only() -> SQLOptions {
    SQLOptions::new()
        .with_allow_ddl(false)
        .with_allow_dml(false)
        .with_allow_statements(false)
}

/// Turns DataFusion's message into one a user can act on.
fn explain_error(e: DataFusionError) -> QueryError {
    let message = e.to_string();
    let lower = message.to_lowercase();
    for (needle, what) in [
        (
            "ddl not supported",
            "a statement that creates or drops something",
        ),
        (
            "dml not supported",
            "a statement that writes (INSERT, UPDATE, DELETE, COPY)",
        ),
        (
            "statement not supported",
            "a statement that changes settings or state",
        ),
    ] {
        if lower.contains(needle) {
            return QueryError::ReadOnly(what.to_string());
        }
    }
    // the parser's message, without the Debug wrapping around it
    if let Some(inner) = message
        .strip_prefix("SQL error: ParserError(\"")
        .and_then(|m| m.strip_suffix("\")"))
    {
        return QueryError::Sql {
            message: format!("SQL syntax error: {inner}"),
        };
    }
    if lower.contains("parquet error") {
        return QueryError::Sql {
            message: format!(
                "a data file of the lake cannot be read ({message}); it was damaged outside baocao: restore the lake from a backup (DuckDB's SELECT count(*) FROM 'LAKE/*/**/*.parquet' names the damaged file)"
            ),
        };
    }
    if lower.contains("not found") && (lower.contains("table") || lower.contains("view")) {
        return QueryError::Sql {
            message: format!("{message}\nhint: the tables are {}", TABLES.join(", ")),
        };
    }
    QueryError::Sql { message }
}

impl Session {
    /// Opens the lake and registers every table; a missing lake is an error
    /// that says what to do.
    pub async fn open(lake: &Lake, reference: &Reference) -> Result<Session, QueryError> {
        let snapshot = lake
            .snapshot()
            .map_err(|e| QueryError::Lake(e.to_string()))?
            .ok_or_else(|| QueryError::NoLake(lake.root.display().to_string()))?;
        // DataFusion's own settings may be tuned from the environment
        // (DATAFUSION_EXECUTION_BATCH_SIZE=..., see DataFusion's configuration
        // page); partitions default to the number of cores.
        let mut config = SessionConfig::from_env()
            .map_err(explain_error)?
            .with_information_schema(true);
        // The views put the ledger (small) on the build side of their joins;
        // without statistics for the filtered partitions DataFusion's join
        // reordering would swap it for the activities (ten times the memory,
        // twice the time on a 10 M lake: bench/RESULTS.md).
        if std::env::var_os("DATAFUSION_OPTIMIZER_JOIN_REORDERING").is_none() {
            config.options_mut().optimizer.join_reordering = false;
        }
        let ctx = SessionContext::new_with_config(config);
        tables::register_reference(&ctx, reference)?;
        tables::register_lake(&ctx, lake, &snapshot).await?;
        crate::fault::point("session-opened");
        Ok(Session {
            ctx,
            _snapshot: snapshot,
        })
    }

    /// Runs one or more statements (separated by `;`), read-only; returns
    /// each statement's answer.
    pub async fn sql(&self, sql: &str) -> Result<Vec<QueryResult>, QueryError> {
        self.run(sql, &[]).await
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
            return Err(QueryError::Empty);
        }
        let state = self.ctx.state();
        let mut out = Vec::new();
        for stmt in statements {
            let plan = state.statement_to_plan(stmt).await.map_err(explain_error)?;
            read_only().verify_plan(&plan).map_err(explain_error)?;
            let mut df = self
                .ctx
                .execute_logical_plan(plan)
                .await
                .map_err(explain_error)?;
            if !params.is_empty() {
                let inferred = df
                    .logical_plan()
                    .get_parameter_types()
                    .map_err(explain_error)?;
                let mut values: HashMap<String, ScalarValue> = HashMap::new();
                for (name, text, fallback) in params {
                    let value = match inferred.get(&format!("${name}")) {
                        Some(Some(t)) if fallback.data_type() == *t => fallback.clone(),
                        Some(Some(t)) => fallback
                            .cast_to(t)
                            .or_else(|_| ScalarValue::try_from_string(text.clone(), t))
                            .map_err(|_| {
                                QueryError::Param(format!(
                                    "the parameter {name} = '{text}' is not a valid {t}"
                                ))
                            })?,
                        Some(None) => fallback.clone(),
                        None => continue,
                    };
                    values.insert(name.clone(), value);
                }
                df = df.with_param_values(values).map_err(explain_error)?;
            }
            let schema = df.schema().inner().clone();
            let batches = df.collect().await.map_err(explain_error)?;
            out.push(QueryResult { schema, batches });
        }
        Ok(out)
    }
}
