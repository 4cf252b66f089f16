//! The lake's tables as one snapshot sees them: the Parquet folders as
//! listing tables over a view of the file system that lists only the
//! files the snapshot's ledger names (`lake.activities`, `rejects`, the
//! rollup), the superseded ids from the ledger's metadata, and the ledger
//! itself (`submissions`), read a set of columns at a time.

use std::sync::Arc;

use arrow::array::{ArrayRef, RecordBatch, StringViewArray};
use arrow::datatypes::{DataType, Field, Schema, SchemaRef};
use datafusion::datasource::MemTable;
use datafusion::datasource::file_format::parquet::ParquetFormat;
use datafusion::datasource::listing::{
    ListingOptions, ListingTable, ListingTableConfig, ListingTableUrl,
};
use datafusion::execution::object_store::ObjectStoreUrl;
use datafusion::prelude::SessionContext;

use super::columns::{Table, view_types};
use super::error::QueryError;
use super::snapshot::SnapshotStore;
use crate::lake::tables::{activities_schema, conform, rejects_schema, submissions_schema};
use crate::lake::{Lake, Snapshot};

/// `cannot open PATH: why`.
fn cannot_open(path: &std::path::Path, e: impl std::fmt::Display) -> QueryError {
    QueryError::Lake(crate::msg!(
        "query-cannot-open",
        path = path.display().to_string(),
        error = e.to_string()
    ))
}

fn listing(
    lake: &Lake,
    dir: &str,
    schema: SchemaRef,
    partitions: Vec<(String, DataType)>,
) -> Result<Table, QueryError> {
    let url = match lake.remote() {
        Some(remote) => ListingTableUrl::parse(format!("{}/", remote.url_of(dir)))?,
        None => {
            let path = lake.root.join(dir);
            let abs = std::fs::canonicalize(&path).map_err(|e| cannot_open(&path, e))?;
            ListingTableUrl::parse(format!("{}/", abs.display()))?
        }
    };
    let options = ListingOptions::new(Arc::new(ParquetFormat::default()))
        .with_file_extension(".parquet")
        .with_table_partition_cols(partitions);
    let config = ListingTableConfig::new(url)
        .with_listing_options(options)
        .with_schema(view_types(&schema));
    Ok(Arc::new(ListingTable::try_new(config)?))
}

/// The lake's tables as `snapshot` sees them: `lake.activities` (every
/// committed row, each version of each report), `lake.rejects`, and
/// `submissions` (the ledger read with the snapshot) for the default
/// schema.
/// Registers the snapshot's view of the file system with `ctx`.
pub(super) struct LakeTables {
    pub activities: Table,
    /// `lake.rejects`: the files as written; the `rejects` view adds the
    /// reason in each language.
    pub rejects: Table,
    /// `lake.superseded`: the ids of the superseded submissions, from the
    /// ledger's metadata (`None` for a ledger written before they were
    /// kept: then a view over `submissions`).
    pub superseded: Option<Table>,
    /// `lake.activity_rollup`: the rollup files, or (for a lake written
    /// before the rollup, or with [`Rollup::FromActivities`]) none, and
    /// the view computes the same rows from the items.
    pub rollup: Option<Table>,
    pub public: std::collections::HashMap<&'static str, Table>,
    /// True when some report was replaced by a correction.
    pub any_superseded: bool,
}

/// See [`LakeTables`].
pub(super) fn lake_tables(
    ctx: &SessionContext,
    lake: &Lake,
    snapshot: &Snapshot,
    rollup: Rollup,
) -> Result<LakeTables, QueryError> {
    match lake.remote() {
        Some(remote) => {
            let store = SnapshotStore::new(
                remote.store.clone(),
                crate::lake::DATA_FOLDERS
                    .iter()
                    .map(|d| remote.path(d))
                    .collect(),
                snapshot
                    .ledger
                    .files
                    .iter()
                    .map(|f| remote.path(f))
                    .collect(),
            );
            let url = ObjectStoreUrl::parse(&remote.bucket_url)?;
            ctx.register_object_store(url.as_ref(), Arc::new(store));
        }
        None => {
            let root = std::fs::canonicalize(&lake.root).map_err(|e| cannot_open(&lake.root, e))?;
            let store =
                SnapshotStore::local(&root, crate::lake::DATA_FOLDERS, &snapshot.ledger.files)
                    .map_err(|e| cannot_open(&root, e))?;
            ctx.register_object_store(ObjectStoreUrl::local_filesystem().as_ref(), Arc::new(store));
        }
    }
    let activities = listing(
        lake,
        "activities",
        activities_schema(),
        vec![("year".into(), DataType::Int32)],
    )?;
    let any_superseded = match snapshot.ledger.superseded {
        Some(n) => n > 0,
        // a ledger written before the count: look at its rows
        None => {
            let ledger = snapshot
                .ledger
                .columns(&["superseded_by"])
                .map_err(|e| QueryError::Lake(crate::i18n::Msg::verbatim(e.to_string())))?;
            ledger
                .iter()
                .any(|b| b.num_columns() == 1 && b.column(0).null_count() < b.num_rows())
        }
    };
    let public: std::collections::HashMap<&'static str, Table> = Default::default();
    let rejects = listing(lake, "rejects", rejects_schema(), vec![])?;
    let superseded = snapshot.ledger.superseded_ids.as_ref().map(|ids| {
        let schema = Arc::new(Schema::new(vec![Field::new(
            "submission_id",
            DataType::Utf8View,
            false,
        )]));
        let column: ArrayRef = Arc::new(StringViewArray::from_iter_values(ids));
        RecordBatch::try_new(schema.clone(), vec![column])
            .map_err(QueryError::from)
            .and_then(|b| Ok(Arc::new(MemTable::try_new(schema, vec![vec![b]])?) as Table))
    });
    let rollup = match rollup {
        Rollup::Stored if snapshot.ledger.rollup => Some(listing(
            lake,
            "rollup",
            crate::lake::rollup::rollup_schema(),
            vec![("year".into(), DataType::Int32)],
        )?),
        _ => None,
    };
    Ok(LakeTables {
        activities,
        rejects,
        superseded: superseded.transpose()?,
        rollup,
        public,
        any_superseded,
    })
}

/// Where `activity_rollup` is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Rollup {
    /// The rollup files each commit writes (computed from the items for a
    /// lake written before them).
    #[default]
    Stored,
    /// Always computed from the items: the same answers, slower; what the
    /// tests compare the stored rollup with.
    FromActivities,
}

/// `submissions`: the ledger of the snapshot; a scan reads only the
/// columns its statement needs (the ledger of a national lake has 100,000
/// rows of 64-character ids that `reporting_rate` never reads), each set of
/// columns once per session, from the file opened with the snapshot.
pub(super) struct LedgerTable {
    snapshot: Arc<Snapshot>,
    schema: SchemaRef,
    read: std::sync::Mutex<std::collections::HashMap<Vec<usize>, Arc<MemTable>>>,
}

impl std::fmt::Debug for LedgerTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LedgerTable")
    }
}

impl LedgerTable {
    pub(super) fn new(snapshot: Arc<Snapshot>) -> LedgerTable {
        LedgerTable {
            snapshot,
            schema: view_types(&submissions_schema()),
            read: Default::default(),
        }
    }

    /// The rows with the columns `indices` of [`Self::schema`].
    /// Every column of the ledger, in memory (for a statement that runs on
    /// the cluster, see [`super::cluster`]).
    #[cfg(feature = "cluster")]
    pub(super) fn all(&self) -> Result<Arc<MemTable>, QueryError> {
        let all: Vec<usize> = (0..self.schema.fields().len()).collect();
        self.columns(&all)
    }

    fn columns(&self, indices: &[usize]) -> Result<Arc<MemTable>, QueryError> {
        if let Some(t) = self.read.lock().ok().and_then(|r| r.get(indices).cloned()) {
            return Ok(t);
        }
        let schema = Arc::new(self.schema.project(indices)?);
        let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
        let unreadable =
            |e: String| QueryError::Lake(crate::msg!("query-ledger-unreadable", error = e));
        let batches = self
            .snapshot
            .ledger
            .columns(&names)
            .map_err(|e| unreadable(e.to_string()))?
            .iter()
            .map(|b| {
                if indices.is_empty() {
                    // COUNT(*): the rows, no column
                    let rows =
                        arrow::array::RecordBatchOptions::new().with_row_count(Some(b.num_rows()));
                    RecordBatch::try_new_with_options(schema.clone(), vec![], &rows)
                        .map_err(|e| unreadable(e.to_string()))
                } else {
                    conform(b, &schema).map_err(unreadable)
                }
            })
            .collect::<Result<Vec<_>, _>>()?;
        let table = Arc::new(MemTable::try_new(schema, vec![batches])?);
        if let Ok(mut read) = self.read.lock() {
            read.insert(indices.to_vec(), table.clone());
        }
        Ok(table)
    }
}

#[async_trait::async_trait]
impl datafusion::catalog::TableProvider for LedgerTable {
    fn schema(&self) -> SchemaRef {
        self.schema.clone()
    }

    fn table_type(&self) -> datafusion::datasource::TableType {
        datafusion::datasource::TableType::Base
    }

    async fn scan(
        &self,
        state: &dyn datafusion::catalog::Session,
        projection: Option<&Vec<usize>>,
        filters: &[datafusion::prelude::Expr],
        limit: Option<usize>,
    ) -> datafusion::error::Result<Arc<dyn datafusion::physical_plan::ExecutionPlan>> {
        let all: Vec<usize> = (0..self.schema.fields().len()).collect();
        let indices = projection.unwrap_or(&all);
        let table = self
            .columns(indices)
            .map_err(|e| datafusion::error::DataFusionError::Execution(e.to_string()))?;
        table.scan(state, None, filters, limit).await
    }
}

/// `file_totals`: one row per figure of a file's totals row, beside the
/// sum of the items read above it (the ledger's `file_totals`, see
/// [`crate::lake::FileTotal`]): `submission_id`, `source_row`, `label`,
/// `field` (`quantity` or `reach`), `stated`, `items_sum`, `items`,
/// `rows_refused`, `agrees`. Every version of every report; join
/// `submissions` for the current ones.
pub(super) fn file_totals(snapshot: &Snapshot) -> Result<super::columns::Table, QueryError> {
    use super::columns::{field, mem, text};
    use arrow::array::{Array, AsArray, BooleanArray, Int64Array};
    let unreadable =
        |e: String| QueryError::Lake(crate::msg!("query-ledger-unreadable", error = e));
    let batches = snapshot
        .ledger
        .columns(&["submission_id", "file_totals"])
        .map_err(|e| unreadable(e.to_string()))?;
    let mut rows: Vec<(String, crate::lake::FileTotal)> = Vec::new();
    for b in &batches {
        let Some(json) = b.column_by_name("file_totals") else {
            continue;
        };
        let ids = arrow::compute::cast(b.column(0), &DataType::Utf8)
            .map_err(|e| unreadable(e.to_string()))?;
        let json =
            arrow::compute::cast(json, &DataType::Utf8).map_err(|e| unreadable(e.to_string()))?;
        let (ids, json) = (ids.as_string::<i32>(), json.as_string::<i32>());
        for i in (0..b.num_rows()).filter(|&i| json.is_valid(i)) {
            let totals: Vec<crate::lake::FileTotal> =
                serde_json::from_str(json.value(i)).map_err(|e| unreadable(e.to_string()))?;
            rows.extend(totals.into_iter().map(|t| (ids.value(i).to_string(), t)));
        }
    }
    let ints = |f: fn(&crate::lake::FileTotal) -> i64| -> arrow::array::ArrayRef {
        Arc::new(Int64Array::from_iter_values(rows.iter().map(|(_, t)| f(t))))
    };
    mem(
        vec![
            field("submission_id", DataType::Utf8, false),
            field("source_row", DataType::Int64, false),
            field("label", DataType::Utf8, false),
            field("field", DataType::Utf8, false),
            field("stated", DataType::Int64, false),
            field("items_sum", DataType::Int64, false),
            field("items", DataType::Int64, false),
            field("rows_refused", DataType::Int64, false),
            field("agrees", DataType::Boolean, false),
        ],
        vec![
            text(rows.iter().map(|(id, _)| id.clone()).collect()),
            ints(|t| t.source_row),
            text(rows.iter().map(|(_, t)| t.label.clone()).collect()),
            text(rows.iter().map(|(_, t)| t.field.clone()).collect()),
            ints(|t| t.stated),
            ints(|t| t.items_sum),
            ints(|t| t.items),
            ints(|t| t.rows_refused),
            Arc::new(BooleanArray::from_iter(
                rows.iter().map(|(_, t)| Some(t.agrees())),
            )),
        ],
    )
}

#[cfg(test)]
mod tests {
    use datafusion::catalog::TableProvider;

    use super::*;
    use crate::ingest::{IngestOptions, ingest};
    use crate::reference::Reference;

    /// A lake with one report and its correction, in a temporary folder.
    fn corrected_lake(dir: &std::path::Path) -> Lake {
        let csv = "Ngày,Chủ đề,Hình thức,Số lượng\n05/07/2023,ethnic,Tin,2\n";
        let first = dir.join("pvhtt-nam-po_2023-07.csv");
        std::fs::write(&first, csv).unwrap();
        let second = dir.join("pvhtt-nam-po_2023-07_sua.csv");
        std::fs::write(&second, format!("{csv}06/07/2023,general,Bài,1\n")).unwrap();
        let lake = Lake::new(dir.join("lake"));
        let reference = Reference::bundled().unwrap();
        for (file, day) in [(first, "2023-07-10"), (second, "2023-07-12")] {
            let opts = IngestOptions {
                overrides: crate::ingest::Overrides {
                    received_at: chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok(),
                    ..Default::default()
                },
                ..Default::default()
            };
            ingest(&[file], &lake, &reference, &opts, |_, _, _| {}).unwrap();
        }
        lake
    }

    #[tokio::test]
    async fn a_snapshot_sees_its_files_its_superseded_ids_and_its_ledger() {
        let dir = tempfile::tempdir().unwrap();
        let lake = corrected_lake(dir.path());
        let snapshot = Arc::new(lake.snapshot().unwrap().unwrap());
        let ctx = SessionContext::new();
        let t = lake_tables(&ctx, &lake, &snapshot, Rollup::Stored).unwrap();
        assert!(t.any_superseded);
        assert!(t.rollup.is_some());
        assert_eq!(t.rejects.schema().field(4).name(), "reason");
        let ids = t.superseded.expect("superseded ids");
        ctx.register_table("superseded", ids).unwrap();
        let n = ctx
            .sql("SELECT * FROM superseded")
            .await
            .unwrap()
            .count()
            .await
            .unwrap();
        assert_eq!(n, 1);
        // the ledger: both versions; a scan reads only the columns asked
        let ledger = LedgerTable::new(snapshot.clone());
        assert_eq!(ledger.schema().field(0).data_type(), &DataType::Utf8View);
        let two = ledger.columns(&[0, 3]).unwrap();
        assert_eq!(two.schema().fields().len(), 2);
        ctx.register_table("ledger", Arc::new(ledger)).unwrap();
        let rows = ctx
            .sql("SELECT COUNT(*) AS n FROM ledger WHERE superseded_by IS NULL")
            .await
            .unwrap()
            .collect()
            .await
            .unwrap();
        let n = arrow::compute::cast(rows[0].column(0), &DataType::Int64).unwrap();
        assert_eq!(
            n.as_any()
                .downcast_ref::<arrow::array::Int64Array>()
                .unwrap()
                .value(0),
            1
        );
        // computed from the items instead, there is no rollup table
        let ctx = SessionContext::new();
        let t = lake_tables(&ctx, &lake, &snapshot, Rollup::FromActivities).unwrap();
        assert!(t.rollup.is_none());
    }
}
