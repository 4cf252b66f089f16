//! The tables analysts see: the reference data as in-memory tables (units,
//! themes, forms, peak periods, expected reports, ...) and the lake's
//! Parquet folders as listing tables, with the views the contract names.
//! Each is built by itself, when a statement first names it
//! ([`super::catalog`]): a query pays only for the tables it reads.
//!
//! Text columns are `Utf8View`, the type DataFusion reads Parquet text
//! as, so that no column is cast between the engine's reader and the
//! query; answers are handed back as `Utf8` ([`super::Session::run`]).

use std::collections::BTreeMap;
use std::sync::Arc;

use arrow::array::{ArrayRef, Date32Array, Float64Array, Int32Array, RecordBatch, StringViewArray};
use arrow::datatypes::{DataType, Field, Schema, SchemaRef};
use chrono::NaiveDate;
use datafusion::datasource::MemTable;
use datafusion::datasource::file_format::parquet::ParquetFormat;
use datafusion::datasource::listing::{
    ListingOptions, ListingTable, ListingTableConfig, ListingTableUrl,
};
use datafusion::prelude::SessionContext;

use datafusion::execution::object_store::ObjectStoreUrl;

use super::QueryError;
use super::catalog::View;
use super::snapshot::SnapshotStore;
use crate::lake::tables::{activities_schema, conform, days, rejects_schema, submissions_schema};
use crate::lake::{Lake, Snapshot};
use crate::reference::{Fate, Reference};

fn text(v: Vec<String>) -> ArrayRef {
    Arc::new(StringViewArray::from_iter_values(v))
}

fn opt_text(v: Vec<Option<String>>) -> ArrayRef {
    Arc::new(v.into_iter().collect::<StringViewArray>())
}

fn dates(v: Vec<Option<NaiveDate>>) -> ArrayRef {
    Arc::new(Date32Array::from(
        v.into_iter().map(|d| d.map(days)).collect::<Vec<_>>(),
    ))
}

fn field(name: &str, t: DataType, nullable: bool) -> Field {
    // text is read as the engine reads Parquet text
    let t = if t == DataType::Utf8 {
        DataType::Utf8View
    } else {
        t
    };
    Field::new(name, t, nullable)
}

/// An in-memory table, as DataFusion takes it.
pub(super) type Table = Arc<dyn datafusion::catalog::TableProvider>;

fn mem(fields: Vec<Field>, columns: Vec<ArrayRef>) -> Result<Table, QueryError> {
    let schema: SchemaRef = Arc::new(Schema::new(fields));
    let batch = RecordBatch::try_new(schema.clone(), columns)?;
    Ok(Arc::new(MemTable::try_new(schema, vec![vec![batch]])?))
}

/// `schema` with its text columns as `Utf8View`.
pub(super) fn view_types(schema: &Schema) -> SchemaRef {
    Arc::new(Schema::new(
        schema
            .fields()
            .iter()
            .map(|f| match f.data_type() {
                DataType::Utf8 => f.as_ref().clone().with_data_type(DataType::Utf8View),
                _ => f.as_ref().clone(),
            })
            .collect::<Vec<_>>(),
    ))
}

/// The tables built from the reference data (see [`reference_table`]).
pub(super) const REFERENCE_TABLES: &[&str] = &[
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
];

/// The tables that need neither the reference nor the lake.
pub(super) const FIXED_TABLES: &[&str] = &["reason_codes", "months"];

/// A table of [`FIXED_TABLES`] (`None` for another name).
pub(super) fn fixed_table(name: &str) -> Result<Option<Table>, QueryError> {
    match name {
        "reason_codes" => reason_codes().map(Some),
        "months" => months().map(Some),
        _ => Ok(None),
    }
}

/// A table of [`REFERENCE_TABLES`] built from `reference` (`None` for
/// another name). With several campaign years, a code's latest year wins
/// for units, themes, forms and languages; peak periods and expected
/// reports are kept for every year.
pub(super) fn reference_table(
    name: &str,
    reference: &Reference,
) -> Result<Option<Table>, QueryError> {
    let campaigns = || reference.campaigns.values();
    let table = match name {
        "units" => units(reference)?,
        "unit_lineage" => unit_lineage(reference)?,
        "unit_rollup" => unit_rollup(reference)?,
        "themes" => {
            let rows: BTreeMap<_, _> = campaigns()
                .flat_map(|c| &c.themes)
                .map(|t| (t.code.0.clone(), t))
                .collect();
            let rows: Vec<_> = rows.into_values().collect();
            mem(
                vec![
                    field("theme_code", DataType::Utf8, false),
                    field("name_vi", DataType::Utf8, false),
                    field("name_en", DataType::Utf8, false),
                ],
                vec![
                    text(rows.iter().map(|t| t.code.0.clone()).collect()),
                    text(rows.iter().map(|t| t.name_vi.clone()).collect()),
                    text(rows.iter().map(|t| t.name_en.clone()).collect()),
                ],
            )?
        }
        "subthemes" => {
            let rows: BTreeMap<_, _> = campaigns()
                .flat_map(|c| &c.subthemes)
                .map(|s| (s.code.clone(), s))
                .collect();
            let rows: Vec<_> = rows.into_values().collect();
            mem(
                vec![
                    field("subtheme_code", DataType::Utf8, false),
                    field("theme_code", DataType::Utf8, false),
                    field("name_vi", DataType::Utf8, false),
                ],
                vec![
                    text(rows.iter().map(|s| s.code.clone()).collect()),
                    text(rows.iter().map(|s| s.theme.0.clone()).collect()),
                    text(rows.iter().map(|s| s.name_vi.clone()).collect()),
                ],
            )?
        }
        "forms" | "languages" => {
            let (code_col, rows): (_, BTreeMap<_, _>) = if name == "forms" {
                let rows = campaigns().flat_map(|c| &c.forms);
                (
                    "form_code",
                    rows.map(|f| (f.code.clone(), f.name_vi.clone())).collect(),
                )
            } else {
                let rows = campaigns().flat_map(|c| &c.languages);
                (
                    "language_code",
                    rows.map(|l| (l.code.clone(), l.name_vi.clone())).collect(),
                )
            };
            mem(
                vec![
                    field(code_col, DataType::Utf8, false),
                    field("name_vi", DataType::Utf8, false),
                ],
                vec![
                    text(rows.keys().cloned().collect()),
                    text(rows.into_values().collect()),
                ],
            )?
        }
        "hrc_priorities" => {
            let rows: BTreeMap<_, _> = campaigns()
                .flat_map(|c| &c.hrc_priorities)
                .map(|h| (h.number, h))
                .collect();
            let rows: Vec<_> = rows.into_values().collect();
            mem(
                vec![
                    field("hrc_priority", DataType::Int32, false),
                    field("name_vi", DataType::Utf8, false),
                    field("name_en", DataType::Utf8, false),
                ],
                vec![
                    Arc::new(Int32Array::from(
                        rows.iter().map(|h| h.number as i32).collect::<Vec<_>>(),
                    )),
                    text(rows.iter().map(|h| h.name_vi.clone()).collect()),
                    text(rows.iter().map(|h| h.name_en.clone()).collect()),
                ],
            )?
        }
        "peak_periods" => {
            let peaks: Vec<_> = campaigns().flat_map(|c| &c.peaks).collect();
            mem(
                vec![
                    field("peak_code", DataType::Utf8, false),
                    field("name_vi", DataType::Utf8, false),
                    field("name_en", DataType::Utf8, false),
                    field("start_date", DataType::Date32, false),
                    field("end_date", DataType::Date32, false),
                ],
                vec![
                    text(peaks.iter().map(|p| p.code.clone()).collect()),
                    text(peaks.iter().map(|p| p.name_vi.clone()).collect()),
                    text(peaks.iter().map(|p| p.name_en.clone()).collect()),
                    dates(peaks.iter().map(|p| Some(p.start)).collect()),
                    dates(peaks.iter().map(|p| Some(p.end)).collect()),
                ],
            )?
        }
        "peak_themes" => {
            let mut rows: Vec<(String, String)> = campaigns()
                .flat_map(|c| &c.peaks)
                .flat_map(|p| p.themes.iter().map(|t| (p.code.clone(), t.0.clone())))
                .collect();
            rows.sort();
            rows.dedup();
            mem(
                vec![
                    field("peak_code", DataType::Utf8, false),
                    field("theme_code", DataType::Utf8, false),
                ],
                vec![
                    text(rows.iter().map(|(p, _)| p.clone()).collect()),
                    text(rows.iter().map(|(_, t)| t.clone()).collect()),
                ],
            )?
        }
        "expected_reports" => {
            let expected: Vec<_> = campaigns().flat_map(|c| c.expected_reports()).collect();
            mem(
                vec![
                    field("unit_code", DataType::Utf8, false),
                    field("period_kind", DataType::Utf8, false),
                    field("period", DataType::Utf8, false),
                    field("due_date", DataType::Date32, false),
                ],
                vec![
                    text(expected.iter().map(|e| e.unit.0.clone()).collect()),
                    text(
                        expected
                            .iter()
                            .map(|e| e.period.kind().to_string())
                            .collect(),
                    ),
                    text(expected.iter().map(|e| e.period.to_string()).collect()),
                    dates(expected.iter().map(|e| Some(e.due)).collect()),
                ],
            )?
        }
        _ => return Ok(None),
    };
    Ok(Some(table))
}

/// `units`: the register first, then any campaign folder's own units.csv
/// (the layout before the register): a code's latest row wins.
fn units(reference: &Reference) -> Result<Table, QueryError> {
    let mut units = BTreeMap::new();
    for r in reference.registers() {
        for u in &r.units {
            units.insert(u.code.0.clone(), u);
        }
    }
    let units: Vec<_> = units.into_values().collect();
    mem(
        vec![
            field("unit_code", DataType::Utf8, false),
            field("name_vi", DataType::Utf8, false),
            field("unit_kind", DataType::Utf8, false),
            field("parent_code", DataType::Utf8, true),
            field("valid_from", DataType::Date32, false),
            field("valid_to", DataType::Date32, true),
            field("admin_code", DataType::Utf8, true),
            field("status", DataType::Utf8, true),
        ],
        vec![
            text(units.iter().map(|u| u.code.0.clone()).collect()),
            text(units.iter().map(|u| u.name_vi.clone()).collect()),
            text(units.iter().map(|u| u.kind.to_string()).collect()),
            opt_text(
                units
                    .iter()
                    .map(|u| u.parent.as_ref().map(|p| p.0.clone()))
                    .collect(),
            ),
            dates(units.iter().map(|u| Some(u.valid_from)).collect()),
            dates(units.iter().map(|u| u.valid_to).collect()),
            opt_text(units.iter().map(|u| u.admin_code.clone()).collect()),
            opt_text(
                units
                    .iter()
                    .map(|u| Some(u.status.clone()).filter(|s| !s.is_empty()))
                    .collect(),
            ),
        ],
    )
}

/// One row of `unit_rollup`: unit, first and last day of the span, the
/// one unit its work belongs to, the units it was split between, the fate.
type RollupRow = (
    String,
    NaiveDate,
    Option<NaiveDate>,
    Option<String>,
    Option<String>,
    &'static str,
);

/// `unit_lineage`: what became of each unit that ended, one row per
/// predecessor and successor (`successor_code` null for a unit abolished
/// without one).
fn unit_lineage(reference: &Reference) -> Result<Table, QueryError> {
    let mut lineage = Vec::new();
    for r in reference.registers() {
        for l in &r.lineage {
            if !lineage.contains(&l) {
                lineage.push(l);
            }
        }
    }
    mem(
        vec![
            field("predecessor_code", DataType::Utf8, false),
            field("successor_code", DataType::Utf8, true),
            field("change_date", DataType::Date32, false),
            field("change_kind", DataType::Utf8, false),
            field("share", DataType::Float64, true),
            field("status", DataType::Utf8, true),
        ],
        vec![
            text(lineage.iter().map(|l| l.predecessor.0.clone()).collect()),
            opt_text(
                lineage
                    .iter()
                    .map(|l| l.successor.as_ref().map(|s| s.0.clone()))
                    .collect(),
            ),
            dates(lineage.iter().map(|l| Some(l.date)).collect()),
            text(
                lineage
                    .iter()
                    .map(|l| l.kind.as_str().to_string())
                    .collect(),
            ),
            Arc::new(Float64Array::from(
                lineage.iter().map(|l| l.share).collect::<Vec<_>>(),
            )),
            opt_text(
                lineage
                    .iter()
                    .map(|l| Some(l.status.clone()).filter(|s| !s.is_empty()))
                    .collect(),
            ),
        ],
    )
}

/// `unit_rollup`: for each unit and each span of days (`as_of_from` to
/// `as_of_to`, inclusive, null while open), where its work belongs on any
/// day of the span, following the lineage: `fate` `same` (the unit
/// existed), `successor` (all of it to `unit_code_as_of`), `split` (parts
/// to each of `successors_as_of`, never one), `ended` (no successor) or
/// `not_yet` (the unit did not exist yet).
fn unit_rollup(reference: &Reference) -> Result<Table, QueryError> {
    let mut rollup: Vec<RollupRow> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for r in reference.registers() {
        let days = r.turning_days();
        let first = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default();
        for u in &r.units {
            if !seen.insert(u.code.clone()) {
                continue;
            }
            let mut spans: Vec<(NaiveDate, Fate)> = vec![(first, Fate::NotYet)];
            for d in &days {
                let fate = r.fate_on(&u.code, *d);
                if spans.last().map(|(_, f)| f) != Some(&fate) {
                    spans.push((*d, fate));
                }
            }
            for (i, (from, fate)) in spans.iter().enumerate() {
                let to = spans.get(i + 1).and_then(|(next, _)| next.pred_opt());
                let (one, many, name) = match fate {
                    Fate::Same => (Some(u.code.0.clone()), None, "same"),
                    Fate::One(s) => (Some(s.0.clone()), None, "successor"),
                    Fate::Split(list) => (
                        None,
                        Some(
                            list.iter()
                                .map(|c| c.0.as_str())
                                .collect::<Vec<_>>()
                                .join("|"),
                        ),
                        "split",
                    ),
                    Fate::Ended => (None, None, "ended"),
                    Fate::NotYet => (None, None, "not_yet"),
                };
                rollup.push((u.code.0.clone(), *from, to, one, many, name));
            }
        }
    }
    mem(
        vec![
            field("unit_code", DataType::Utf8, false),
            field("as_of_from", DataType::Date32, false),
            field("as_of_to", DataType::Date32, true),
            field("unit_code_as_of", DataType::Utf8, true),
            field("successors_as_of", DataType::Utf8, true),
            field("fate", DataType::Utf8, false),
        ],
        vec![
            text(rollup.iter().map(|r| r.0.clone()).collect()),
            dates(rollup.iter().map(|r| Some(r.1)).collect()),
            dates(rollup.iter().map(|r| r.2).collect()),
            opt_text(rollup.iter().map(|r| r.3.clone()).collect()),
            opt_text(rollup.iter().map(|r| r.4.clone()).collect()),
            text(rollup.iter().map(|r| r.5.to_string()).collect()),
        ],
    )
}

/// `reason_codes`: every kind of refusal `rejects.reason_code` can hold,
/// with what it means (the list in `domain::ReasonCode`).
fn reason_codes() -> Result<Table, QueryError> {
    let all = crate::domain::ReasonCode::ALL;
    mem(
        vec![
            field("reason_code", DataType::Utf8, false),
            field("description", DataType::Utf8, false),
        ],
        vec![
            text(all.iter().map(|c| c.code().to_string()).collect()),
            text(all.iter().map(|c| c.describe().to_string()).collect()),
        ],
    )
}

/// The first and last year of the `months` calendar.
pub const CALENDAR_YEARS: (i32, i32) = (2000, 2099);

/// `months`: one row per calendar month of [`CALENDAR_YEARS`], the spine
/// that trend queries join to so that a month without activity shows as a
/// zero rather than as a missing row (`generate_series` only takes literals).
fn months() -> Result<Table, QueryError> {
    let mut label = Vec::new();
    let (mut start, mut end) = (Vec::new(), Vec::new());
    let (mut year, mut month, mut index) = (Vec::new(), Vec::new(), Vec::new());
    for y in CALENDAR_YEARS.0..=CALENDAR_YEARS.1 {
        for m in 1..=12u32 {
            let first = NaiveDate::from_ymd_opt(y, m, 1);
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(y, m + 1, 1)
            };
            label.push(format!("{y}-{m:02}"));
            start.push(first);
            end.push(next.and_then(|n| n.pred_opt()));
            year.push(y);
            month.push(m as i32);
            index.push(y * 12 + m as i32 - 1);
        }
    }
    let int = |v: Vec<i32>| -> ArrayRef { Arc::new(Int32Array::from(v)) };
    mem(
        vec![
            field("month", DataType::Utf8, false),
            field("month_start", DataType::Date32, false),
            field("month_end", DataType::Date32, false),
            field("year", DataType::Int32, false),
            field("month_of_year", DataType::Int32, false),
            field("month_index", DataType::Int32, false),
        ],
        vec![
            text(label),
            dates(start),
            dates(end),
            int(year),
            int(month),
            int(index),
        ],
    )
}

fn listing(
    lake: &Lake,
    dir: &str,
    schema: SchemaRef,
    partitions: Vec<(String, DataType)>,
) -> Result<Table, QueryError> {
    let path = lake.root.join(dir);
    let abs = std::fs::canonicalize(&path)
        .map_err(|e| QueryError::Lake(format!("cannot open {}: {e}", path.display())))?;
    let url = ListingTableUrl::parse(format!("{}/", abs.display()))?;
    let options = ListingOptions::new(Arc::new(ParquetFormat::default()))
        .with_file_extension(".parquet")
        .with_table_partition_cols(partitions);
    let config = ListingTableConfig::new(url)
        .with_listing_options(options)
        .with_schema(view_types(&schema));
    Ok(Arc::new(ListingTable::try_new(config)?))
}

/// The lake's tables as `snapshot` sees them: `lake.activities` (every
/// committed row, each version of each report), and `submissions` (the
/// ledger read with the snapshot) and `rejects` for the default schema.
/// Registers the snapshot's view of the file system with `ctx`.
pub(super) struct LakeTables {
    pub activities: Table,
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
    let root = std::fs::canonicalize(&lake.root)
        .map_err(|e| QueryError::Lake(format!("cannot open {}: {e}", lake.root.display())))?;
    let store = SnapshotStore::new(&root, crate::lake::DATA_FOLDERS, &snapshot.ledger.files)
        .map_err(|e| QueryError::Lake(format!("cannot open {}: {e}", root.display())))?;
    ctx.register_object_store(ObjectStoreUrl::local_filesystem().as_ref(), Arc::new(store));
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
                .map_err(|e| QueryError::Lake(e.to_string()))?;
            ledger
                .iter()
                .any(|b| b.num_columns() == 1 && b.column(0).null_count() < b.num_rows())
        }
    };
    let mut public: std::collections::HashMap<&'static str, Table> = Default::default();
    public.insert(
        "rejects",
        listing(lake, "rejects", rejects_schema(), vec![])?,
    );
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
    fn columns(&self, indices: &[usize]) -> Result<Arc<MemTable>, QueryError> {
        if let Some(t) = self.read.lock().ok().and_then(|r| r.get(indices).cloned()) {
            return Ok(t);
        }
        let schema = Arc::new(self.schema.project(indices)?);
        let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
        let unreadable = |e: String| {
            QueryError::Lake(format!(
                "the lake's ledger cannot be read ({e}); restore the lake from a backup"
            ))
        };
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

/// The views of the contract's section 5. Rows of data files a crashed run
/// left (not in the ledger) are invisible through both activity views: the
/// snapshot's file system lists only the files the ledger lists, so
/// `lake.activities` holds only committed rows, and `activities` needs no
/// join with the ledger unless some report was superseded; then only the
/// superseded submissions (few) are hashed, and each item is looked up
/// among them.
pub(super) fn views(any_superseded: bool) -> Vec<View> {
    let current = |table: &str| {
        if any_superseded {
            format!(
                "SELECT a.*
  FROM lake.superseded superseded
  RIGHT ANTI JOIN {table} a ON a.submission_id = superseded.submission_id"
            )
        } else {
            format!("SELECT * FROM {table}")
        }
    };
    let view = |name, body: &str| View {
        name,
        body: body.to_string(),
    };
    vec![
        view("activities_all", "SELECT * FROM lake.activities"),
        view("activities", &current("lake.activities")),
        // the rollup of the current reports (see lake::rollup)
        view("activity_rollup", &current("lake.activity_rollup")),
        // Every version of every report with the day it stopped being current
        // (`current_until`, the `received_at` of the next version of the same unit
        // and period; null while current), so that "current on day D" is
        // `received_at <= D AND (current_until IS NULL OR current_until > D)`.
        // Versions are ordered as ingest marks them: by `received_at`, and on a
        // tie the one the ledger holds current last.
        view(
            "submission_versions",
            "SELECT s.*,
       LEAD(received_at) OVER (
         PARTITION BY unit_code, period
         ORDER BY received_at, superseded_by IS NULL, ingested_at, submission_id
       ) AS current_until
FROM submissions s",
        ),
        view(
            "reporting_status",
            "WITH received AS (
  SELECT unit_code, period, MIN(received_at) AS received_at
  FROM submissions GROUP BY unit_code, period)
SELECT e.unit_code, e.period_kind, e.period, e.due_date, r.received_at,
       COALESCE(r.received_at <= e.due_date, false) AS on_time,
       CASE WHEN r.received_at IS NULL THEN 'missing'
            WHEN r.received_at <= e.due_date THEN 'on_time'
            ELSE 'late' END AS status
FROM expected_reports e
LEFT JOIN received r ON r.unit_code = e.unit_code AND r.period = e.period",
        ),
    ]
}

/// `lake.activity_rollup` computed from the items, when there are no
/// rollup files to read (see [`Rollup`]).
pub(super) fn computed_rollup() -> View {
    View {
        name: "activity_rollup",
        body: crate::lake::rollup::rollup_sql("lake.activities"),
    }
}
