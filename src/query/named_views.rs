//! The named queries as views: schema `queries` holds one view per file of
//! `queries/`, its parameters bound to their defaults (`SELECT * FROM
//! queries.coverage_by_peak` answers what `baocao query coverage_by_peak`
//! answers). Tools that browse tables (DBeaver, Metabase) list them; other
//! parameter values are `baocao query ... --param`, or the query's SQL with
//! the values written in. Each view is planned when a statement first names
//! it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use arrow::datatypes::SchemaRef;
use async_trait::async_trait;
use datafusion::catalog::{SchemaProvider, Session};
use datafusion::datasource::TableProvider;
use datafusion::datasource::memory::MemorySourceConfig;
use datafusion::error::{DataFusionError, Result};
use datafusion::logical_expr::{Expr, LogicalPlan, TableType};
use datafusion::physical_plan::ExecutionPlan;

use super::catalog::StateFn;
use super::named::NamedQuery;

/// The schema's name.
pub(super) const SCHEMA: &str = "queries";

/// Schema `queries`: the named queries, with their defaults.
pub(super) struct QueriesSchema {
    queries: Vec<NamedQuery>,
    state: OnceLock<StateFn>,
    built: Mutex<HashMap<String, Arc<dyn TableProvider>>>,
}

impl std::fmt::Debug for QueriesSchema {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("QueriesSchema")
            .field("queries", &self.table_names())
            .finish_non_exhaustive()
    }
}

impl QueriesSchema {
    pub(super) fn new(queries: Vec<NamedQuery>) -> QueriesSchema {
        QueriesSchema {
            queries,
            state: OnceLock::new(),
            built: Mutex::new(HashMap::new()),
        }
    }

    /// The session's state, to plan each query with its catalog (set once
    /// the session exists).
    pub(super) fn set_state(&self, state: StateFn) {
        let _ = self.state.set(state);
    }

    async fn build(&self, query: &NamedQuery) -> Result<Arc<dyn TableProvider>> {
        let failed = |e: super::QueryError| DataFusionError::Execution(e.to_string());
        let state = self.state.get().and_then(|state| state()).ok_or_else(|| {
            DataFusionError::Internal(crate::msg!("query-session-closed").to_string())
        })?;
        let params = query.bind(&[]).map_err(failed)?;
        let plan = state.create_logical_plan(&query.sql).await?;
        let plan = super::bind(plan, &params).map_err(failed)?;
        Ok(Arc::new(Answer {
            schema: Arc::new(plan.schema().as_arrow().clone()),
            plan,
        }))
    }
}

/// A named query's answer: computed when a statement reads it, kept in one
/// partition in the query's order (answers are small: a row per unit,
/// theme or month).
#[derive(Debug)]
struct Answer {
    plan: LogicalPlan,
    schema: SchemaRef,
}

#[async_trait]
impl TableProvider for Answer {
    fn schema(&self) -> SchemaRef {
        self.schema.clone()
    }

    fn table_type(&self) -> TableType {
        TableType::View
    }

    async fn scan(
        &self,
        state: &dyn Session,
        projection: Option<&Vec<usize>>,
        _filters: &[Expr],
        _limit: Option<usize>,
    ) -> Result<Arc<dyn ExecutionPlan>> {
        let physical = state.create_physical_plan(&self.plan).await?;
        let batches = datafusion::physical_plan::collect(physical, state.task_ctx()).await?;
        let exec: Arc<dyn ExecutionPlan> =
            MemorySourceConfig::try_new_exec(&[batches], self.schema.clone(), projection.cloned())?;
        Ok(exec)
    }
}

#[async_trait]
impl SchemaProvider for QueriesSchema {
    fn table_names(&self) -> Vec<String> {
        self.queries.iter().map(|q| q.name.clone()).collect()
    }

    async fn table(&self, name: &str) -> Result<Option<Arc<dyn TableProvider>>> {
        if let Some(t) = self.built.lock().ok().and_then(|b| b.get(name).cloned()) {
            return Ok(Some(t));
        }
        let Some(query) = self.queries.iter().find(|q| q.name == name) else {
            return Ok(None);
        };
        let table = self.build(query).await?;
        if let Ok(mut built) = self.built.lock() {
            built.insert(name.to_string(), table.clone());
        }
        Ok(Some(table))
    }

    fn table_exist(&self, name: &str) -> bool {
        self.queries.iter().any(|q| q.name == name)
    }
}
