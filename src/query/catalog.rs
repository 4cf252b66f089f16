//! The session's catalog, built lazily: a statement's tables are made when
//! the planner first asks for them, and kept for the session. `SELECT 1`
//! reads neither the reference data nor any table; a query over
//! `activities` never builds `expected_reports` or `unit_rollup`; a view
//! is planned once per session, not once per statement.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use async_trait::async_trait;
use datafusion::catalog::{SchemaProvider, TableProvider, view::ViewTable};
use datafusion::error::{DataFusionError, Result};
use datafusion::execution::SessionState;

use super::columns::Table;
use super::error::QueryError;
use super::fixed_tables::{FIXED_TABLES, fixed_table};
use super::reference_tables::{REFERENCE_TABLES, reference_table};
use super::views::View;
use crate::reference::Reference;

/// Where a session's reference tables come from: data already loaded, or
/// a folder (`None`: the bundled data) loaded when a statement first
/// names a reference table, once per session.
#[derive(Clone)]
pub struct ReferenceSource(Arc<Cell>);

struct Cell {
    dir: Option<PathBuf>,
    loaded: OnceLock<std::result::Result<Arc<Reference>, String>>,
}

impl ReferenceSource {
    /// The reference data in `dir` (the bundled data for `None`), read on
    /// first use; an error then says what is wrong with the folder.
    ///
    /// # Errors
    /// `dir` is not a folder (a mistyped `--reference` is said at once,
    /// whatever the statement reads).
    pub fn lazy(dir: Option<&Path>) -> Result<ReferenceSource, QueryError> {
        if let Some(d) = dir
            && !d.is_dir()
        {
            return Err(QueryError::Param(crate::msg!(
                "query-no-reference-folder",
                folder = d.display().to_string()
            )));
        }
        Ok(ReferenceSource(Arc::new(Cell {
            dir: dir.map(Path::to_path_buf),
            loaded: OnceLock::new(),
        })))
    }

    /// The reference data, loading it the first time.
    ///
    /// # Errors
    /// The folder's first problem, as [`Reference::load`] words it.
    pub fn get(&self) -> std::result::Result<Arc<Reference>, String> {
        self.0
            .loaded
            .get_or_init(|| {
                Reference::load(self.0.dir.as_deref())
                    .map(Arc::new)
                    .map_err(|e| {
                        crate::msg!("query-reference-unloadable", error = e.to_string()).to_string()
                    })
            })
            .clone()
    }
}

impl From<Arc<Reference>> for ReferenceSource {
    fn from(reference: Arc<Reference>) -> ReferenceSource {
        ReferenceSource(Arc::new(Cell {
            dir: None,
            loaded: OnceLock::from(Ok(reference)),
        }))
    }
}

impl From<&Arc<Reference>> for ReferenceSource {
    fn from(reference: &Arc<Reference>) -> ReferenceSource {
        reference.clone().into()
    }
}

/// A table made on first use.
pub(super) type LazyTable = Box<dyn Fn() -> Result<Table, QueryError> + Send + Sync>;

/// A copy of the session's state, while the session lives.
pub(super) type StateFn = Box<dyn Fn() -> Option<SessionState> + Send + Sync>;

/// The default schema (`public`): reference tables, the ledger, rejects
/// and the views, each made on first use.
pub(super) struct PublicSchema {
    reference: ReferenceSource,
    /// `rejects`, made when the session opened (a listing table lists
    /// nothing until it is scanned).
    lake: HashMap<&'static str, Table>,
    /// `submissions` and `file_totals`, made when first named (reading
    /// the ledger's rows).
    ledger: Vec<(&'static str, LazyTable)>,
    views: Vec<View>,
    /// The session's state, to plan views with its own catalog; set once
    /// the session exists (through a weak reference: the session owns
    /// this schema).
    state: OnceLock<StateFn>,
    built: Mutex<HashMap<String, Table>>,
}

impl std::fmt::Debug for PublicSchema {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PublicSchema")
            .field("tables", &self.table_names())
            .finish_non_exhaustive()
    }
}

impl PublicSchema {
    pub(super) fn new(
        reference: ReferenceSource,
        lake: HashMap<&'static str, Table>,
        ledger: Vec<(&'static str, LazyTable)>,
        views: Vec<View>,
    ) -> PublicSchema {
        PublicSchema {
            reference,
            lake,
            ledger,
            views,
            state: OnceLock::new(),
            built: Mutex::new(HashMap::new()),
        }
    }

    pub(super) fn set_state(&self, state: StateFn) {
        let _ = self.state.set(state);
    }

    fn cached(&self, name: &str) -> Option<Table> {
        self.built.lock().ok()?.get(name).cloned()
    }

    async fn build(&self, name: &str) -> Result<Option<Table>> {
        let failed = |e: QueryError| DataFusionError::Execution(e.to_string());
        if let Some(t) = self.lake.get(name) {
            return Ok(Some(t.clone()));
        }
        if let Some((_, table)) = self.ledger.iter().find(|(n, _)| *n == name) {
            return table().map(Some).map_err(failed);
        }
        if let Some(t) = fixed_table(name).map_err(failed)? {
            return Ok(Some(t));
        }
        if REFERENCE_TABLES.contains(&name) {
            let reference = self.reference.get().map_err(DataFusionError::Execution)?;
            return reference_table(name, &reference).map_err(failed);
        }
        let compiled;
        let view = if name == super::quality::FINDINGS {
            let reference = self.reference.get().map_err(DataFusionError::Execution)?;
            compiled = super::quality::findings_view(&reference.quality.rules);
            &compiled
        } else {
            match self.views.iter().find(|v| v.name == name) {
                Some(view) => view,
                None => return Ok(None),
            }
        };
        let state = self.state.get().and_then(|state| state()).ok_or_else(|| {
            DataFusionError::Internal(crate::msg!("query-session-closed").to_string())
        })?;
        let plan = state.create_logical_plan(&view.body).await?;
        let definition = format!("CREATE VIEW {} AS\n{}", view.name, view.body);
        Ok(Some(Arc::new(ViewTable::new(plan, Some(definition)))))
    }
}

#[async_trait]
impl SchemaProvider for PublicSchema {
    fn table_names(&self) -> Vec<String> {
        let mut names: Vec<String> = REFERENCE_TABLES
            .iter()
            .chain(FIXED_TABLES)
            .chain(self.lake.keys())
            .chain(self.ledger.iter().map(|(n, _)| n))
            .map(|n| n.to_string())
            .chain(self.views.iter().map(|v| v.name.to_string()))
            .chain([super::quality::FINDINGS.to_string()])
            .collect();
        names.sort();
        names
    }

    async fn table(&self, name: &str) -> Result<Option<Arc<dyn TableProvider>>> {
        if let Some(t) = self.cached(name) {
            return Ok(Some(t));
        }
        let Some(table) = self.build(name).await? else {
            return Ok(None);
        };
        if let Ok(mut built) = self.built.lock() {
            built
                .entry(name.to_string())
                .or_insert_with(|| table.clone());
        }
        Ok(Some(table))
    }

    fn table_exist(&self, name: &str) -> bool {
        REFERENCE_TABLES.contains(&name)
            || FIXED_TABLES.contains(&name)
            || self.lake.contains_key(name)
            || self.ledger.iter().any(|(n, _)| *n == name)
            || self.views.iter().any(|v| v.name == name)
            || name == super::quality::FINDINGS
    }
}
