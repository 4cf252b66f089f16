//! The tables analysts see: the reference data as in-memory tables (units,
//! themes, forms, peak periods, expected reports, ...) and the lake's
//! Parquet folders as listing tables, with the views the contract names.

use std::collections::BTreeMap;
use std::sync::Arc;

use arrow::array::{ArrayRef, Date32Array, Float64Array, Int32Array, RecordBatch, StringArray};
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
use super::snapshot::SnapshotStore;
use crate::lake::tables::{activities_schema, conform, days, rejects_schema, submissions_schema};
use crate::lake::{Lake, Snapshot};
use crate::reference::{Fate, Reference};

fn text(v: Vec<String>) -> ArrayRef {
    Arc::new(StringArray::from(v))
}

fn opt_text(v: Vec<Option<String>>) -> ArrayRef {
    Arc::new(StringArray::from(v))
}

fn dates(v: Vec<Option<NaiveDate>>) -> ArrayRef {
    Arc::new(Date32Array::from(
        v.into_iter().map(|d| d.map(days)).collect::<Vec<_>>(),
    ))
}

fn field(name: &str, t: DataType, nullable: bool) -> Field {
    Field::new(name, t, nullable)
}

fn register_mem(
    ctx: &SessionContext,
    name: &str,
    fields: Vec<Field>,
    columns: Vec<ArrayRef>,
) -> Result<(), QueryError> {
    let schema: SchemaRef = Arc::new(Schema::new(fields));
    let batch = RecordBatch::try_new(schema.clone(), columns)?;
    let table = MemTable::try_new(schema, vec![vec![batch]])?;
    ctx.register_table(name, Arc::new(table))?;
    Ok(())
}

/// Registers the reference tables. With several campaign years, a code's
/// latest year wins for units, themes, forms and languages; peak periods
/// and expected reports are kept for every year.
pub fn register_reference(ctx: &SessionContext, reference: &Reference) -> Result<(), QueryError> {
    let mut units = BTreeMap::new();
    let mut themes = BTreeMap::new();
    let mut subthemes = BTreeMap::new();
    let mut forms = BTreeMap::new();
    let mut languages = BTreeMap::new();
    let mut hrc = BTreeMap::new();
    let mut peaks = Vec::new();
    let mut peak_themes = Vec::new();
    let mut expected = Vec::new();
    // the register first, then any campaign folder's own units.csv (the
    // layout before the register): a code's latest row wins
    for r in reference.registers() {
        for u in &r.units {
            units.insert(u.code.0.clone(), u.clone());
        }
    }
    for c in reference.campaigns.values() {
        for t in &c.themes {
            themes.insert(t.code.0.clone(), t.clone());
        }
        for s in &c.subthemes {
            subthemes.insert(s.code.clone(), s.clone());
        }
        for f in &c.forms {
            forms.insert(f.code.clone(), f.clone());
        }
        for l in &c.languages {
            languages.insert(l.code.clone(), l.clone());
        }
        for h in &c.hrc_priorities {
            hrc.insert(h.number, h.clone());
        }
        for p in &c.peaks {
            peaks.push(p.clone());
            for t in &p.themes {
                peak_themes.push((p.code.clone(), t.0.clone()));
            }
        }
        expected.extend(c.expected_reports());
    }
    peak_themes.sort();
    peak_themes.dedup();
    let units: Vec<_> = units.into_values().collect();
    register_mem(
        ctx,
        "units",
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
    )?;
    register_lineage(ctx, reference)?;
    let themes: Vec<_> = themes.into_values().collect();
    register_mem(
        ctx,
        "themes",
        vec![
            field("theme_code", DataType::Utf8, false),
            field("name_vi", DataType::Utf8, false),
            field("name_en", DataType::Utf8, false),
        ],
        vec![
            text(themes.iter().map(|t| t.code.0.clone()).collect()),
            text(themes.iter().map(|t| t.name_vi.clone()).collect()),
            text(themes.iter().map(|t| t.name_en.clone()).collect()),
        ],
    )?;
    let subthemes: Vec<_> = subthemes.into_values().collect();
    register_mem(
        ctx,
        "subthemes",
        vec![
            field("subtheme_code", DataType::Utf8, false),
            field("theme_code", DataType::Utf8, false),
            field("name_vi", DataType::Utf8, false),
        ],
        vec![
            text(subthemes.iter().map(|s| s.code.clone()).collect()),
            text(subthemes.iter().map(|s| s.theme.0.clone()).collect()),
            text(subthemes.iter().map(|s| s.name_vi.clone()).collect()),
        ],
    )?;
    for (name, code_col, rows) in [
        ("forms", "form_code", forms),
        ("languages", "language_code", languages),
    ] {
        let rows: Vec<_> = rows.into_values().collect();
        register_mem(
            ctx,
            name,
            vec![
                field(code_col, DataType::Utf8, false),
                field("name_vi", DataType::Utf8, false),
            ],
            vec![
                text(rows.iter().map(|f| f.code.clone()).collect()),
                text(rows.iter().map(|f| f.name_vi.clone()).collect()),
            ],
        )?;
    }
    let hrc: Vec<_> = hrc.into_values().collect();
    register_mem(
        ctx,
        "hrc_priorities",
        vec![
            field("hrc_priority", DataType::Int32, false),
            field("name_vi", DataType::Utf8, false),
            field("name_en", DataType::Utf8, false),
        ],
        vec![
            Arc::new(Int32Array::from(
                hrc.iter().map(|h| h.number as i32).collect::<Vec<_>>(),
            )),
            text(hrc.iter().map(|h| h.name_vi.clone()).collect()),
            text(hrc.iter().map(|h| h.name_en.clone()).collect()),
        ],
    )?;
    register_mem(
        ctx,
        "peak_periods",
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
    )?;
    register_mem(
        ctx,
        "peak_themes",
        vec![
            field("peak_code", DataType::Utf8, false),
            field("theme_code", DataType::Utf8, false),
        ],
        vec![
            text(peak_themes.iter().map(|(p, _)| p.clone()).collect()),
            text(peak_themes.iter().map(|(_, t)| t.clone()).collect()),
        ],
    )?;
    register_mem(
        ctx,
        "expected_reports",
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
    )?;
    register_reason_codes(ctx)?;
    register_months(ctx)
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
/// without one); and `unit_rollup`: for each unit and each span of days
/// (`as_of_from` to `as_of_to`, inclusive, null while open), where its
/// work belongs on any day of the span, following the lineage: `fate`
/// `same` (the unit existed), `successor` (all of it to `unit_code_as_of`),
/// `split` (parts to each of `successors_as_of`, never one), `ended` (no
/// successor) or `not_yet` (the unit did not exist yet).
fn register_lineage(ctx: &SessionContext, reference: &Reference) -> Result<(), QueryError> {
    let mut lineage = Vec::new();
    let mut rollup: Vec<RollupRow> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for r in reference.registers() {
        for l in &r.lineage {
            if !lineage.contains(l) {
                lineage.push(l.clone());
            }
        }
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
    register_mem(
        ctx,
        "unit_lineage",
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
    )?;
    register_mem(
        ctx,
        "unit_rollup",
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
fn register_reason_codes(ctx: &SessionContext) -> Result<(), QueryError> {
    let all = crate::domain::ReasonCode::ALL;
    register_mem(
        ctx,
        "reason_codes",
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
fn register_months(ctx: &SessionContext) -> Result<(), QueryError> {
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
    register_mem(
        ctx,
        "months",
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
) -> Result<Arc<ListingTable>, QueryError> {
    let path = lake.root.join(dir);
    let abs = std::fs::canonicalize(&path)
        .map_err(|e| QueryError::Lake(format!("cannot open {}: {e}", path.display())))?;
    let url = ListingTableUrl::parse(format!("{}/", abs.display()))?;
    let options = ListingOptions::new(Arc::new(ParquetFormat::default()))
        .with_file_extension(".parquet")
        .with_table_partition_cols(partitions);
    let config = ListingTableConfig::new(url)
        .with_listing_options(options)
        .with_schema(schema);
    Ok(Arc::new(ListingTable::try_new(config)?))
}

/// Registers the lake's tables as `snapshot` sees them, and the views over
/// them.
pub async fn register_lake(
    ctx: &SessionContext,
    lake: &Lake,
    snapshot: &Snapshot,
) -> Result<(), QueryError> {
    let root = std::fs::canonicalize(&lake.root)
        .map_err(|e| QueryError::Lake(format!("cannot open {}: {e}", lake.root.display())))?;
    let store = SnapshotStore::new(&root, &["activities", "rejects"], &snapshot.ledger.files)
        .map_err(|e| QueryError::Lake(format!("cannot open {}: {e}", root.display())))?;
    ctx.register_object_store(ObjectStoreUrl::local_filesystem().as_ref(), Arc::new(store));
    ctx.sql("CREATE SCHEMA lake").await?;
    let activities = listing(
        lake,
        "activities",
        activities_schema(),
        vec![("year".into(), DataType::Int32)],
    )?;
    ctx.register_table("lake.activities", activities)?;
    let schema = submissions_schema();
    let ledger = snapshot
        .ledger
        .batches
        .iter()
        .map(|b| conform(b, &schema))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| {
            QueryError::Lake(format!(
                "the lake's ledger cannot be read ({e}); restore the lake from a backup"
            ))
        })?;
    ctx.register_table(
        "submissions",
        Arc::new(MemTable::try_new(schema, vec![ledger])?),
    )?;
    ctx.register_table(
        "rejects",
        listing(lake, "rejects", rejects_schema(), vec![])?,
    )?;
    for view in VIEWS {
        ctx.sql(view).await?.collect().await?;
    }
    Ok(())
}

/// The views of the contract's section 5. Rows of data files a crashed run
/// left (not in the ledger) are invisible through both activity views.
const VIEWS: &[&str] = &[
    // A join with the ledger on the build side (one row per submission, so
    // no row is repeated): DataFusion hashes the ledger, not the activities.
    "CREATE VIEW activities_all AS
       SELECT a.* FROM submissions s
       JOIN lake.activities a ON a.submission_id = s.submission_id",
    "CREATE VIEW activities AS
       SELECT a.* FROM submissions s
       JOIN lake.activities a ON a.submission_id = s.submission_id
       WHERE s.superseded_by IS NULL",
    // Every version of every report with the day it stopped being current
    // (`current_until`, the `received_at` of the next version of the same unit
    // and period; null while current), so that "current on day D" is
    // `received_at <= D AND (current_until IS NULL OR current_until > D)`.
    // Versions are ordered as ingest marks them: by `received_at`, and on a
    // tie the one the ledger holds current last.
    "CREATE VIEW submission_versions AS
       SELECT s.*,
              LEAD(received_at) OVER (
                PARTITION BY unit_code, period
                ORDER BY received_at, superseded_by IS NULL, ingested_at, submission_id
              ) AS current_until
       FROM submissions s",
    "CREATE VIEW reporting_status AS
       WITH received AS (
         SELECT unit_code, period, MIN(received_at) AS received_at
         FROM submissions GROUP BY unit_code, period)
       SELECT e.unit_code, e.period_kind, e.period, e.due_date, r.received_at,
              COALESCE(r.received_at <= e.due_date, false) AS on_time,
              CASE WHEN r.received_at IS NULL THEN 'missing'
                   WHEN r.received_at <= e.due_date THEN 'on_time'
                   ELSE 'late' END AS status
       FROM expected_reports e
       LEFT JOIN received r ON r.unit_code = e.unit_code AND r.period = e.period",
];
