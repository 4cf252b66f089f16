//! The lake's three tables, each defined once: its Arrow schema (the
//! columns of the contract's section 4, in order), its typed record, and
//! the conversion both ways. Ingest builds records, the writer turns them
//! into batches, compaction and queries read the files with these schemas,
//! and the ledger reads its rows back into records.
//!
//! | table | folder | record |
//! |---|---|---|
//! | `activities` | `activities/year=YYYY/` | [`ActivityRecord`] |
//! | `submissions` | `submissions/submissions.parquet` (the ledger) | [`SubmissionRecord`] |
//! | `rejects` | `rejects/` | [`RejectRecord`] |

use std::sync::{Arc, LazyLock};

use arrow::array::{
    Array, ArrayRef, AsArray, BooleanArray, Date32Array, Float64Array, Int32Array, Int64Array,
    RecordBatch, StringArray, TimestampMicrosecondArray, new_null_array,
};
use arrow::compute::cast;
use arrow::datatypes::{
    DataType, Date32Type, Field, Float64Type, Int32Type, Int64Type, Schema, SchemaRef, TimeUnit,
    TimestampMicrosecondType,
};
use arrow::error::ArrowError;
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime};

use crate::domain::{DatePrecision, Period, ReasonCode, ThemeCode, UnitCode};

/// One accepted item as the normaliser reads it (the columns of
/// `activities` apart from the submission and unit it belongs to).
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    /// `<submission_id>-<source_row>`: stable across re-ingests.
    pub activity_id: String,
    pub activity_date: NaiveDate,
    pub date_precision: DatePrecision,
    pub theme_code: ThemeCode,
    pub subtheme_code: Option<String>,
    pub theme_inferred: bool,
    /// The HRC priority group, 1 to 8.
    pub hrc_priority: Option<i32>,
    pub form_code: String,
    pub channel: Option<String>,
    pub title: Option<String>,
    /// Works or events, 1 or more.
    pub quantity: i64,
    /// People reached, 0 or more.
    pub reach: Option<i64>,
    /// Minutes.
    pub duration_min: Option<f64>,
    pub language: String,
    pub url: Option<String>,
    pub notes: Option<String>,
    /// Columns the contract does not name, as a JSON object.
    pub extra: Option<String>,
    /// The row's line (text) or row number (workbooks) in the file, from 1.
    pub source_row: i64,
}

/// One row of `activities`: an accepted item with the submission it
/// belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityRecord {
    pub submission_id: String,
    pub unit_code: UnitCode,
    pub activity: Activity,
}

/// One row of `submissions/` (the ledger): one accepted file.
#[derive(Debug, Clone, PartialEq)]
pub struct SubmissionRecord {
    /// SHA-256 of the file's bytes, hex.
    pub submission_id: String,
    pub unit_code: UnitCode,
    /// The period reported on; `period_kind` and `period` are stored.
    pub period: Period,
    pub received_at: NaiveDate,
    pub source_file: String,
    /// What the bytes are: `xlsx`, `xls`, `ods`, `csv`, `tsv`, `txt`,
    /// `json`, `ndjson`, `docx` or `html`.
    pub format: String,
    pub rows_read: i64,
    pub rows_accepted: i64,
    pub rows_rejected: i64,
    /// The submission that replaced this one for its unit and period.
    pub superseded_by: Option<String>,
    /// UTC.
    pub ingested_at: NaiveDateTime,
    /// The file's own totals rows, each compared with the items read
    /// (v3: the ledger's `file_totals`, JSON; empty for a file without a
    /// totals row and for reports ingested before).
    pub file_totals: Vec<FileTotal>,
}

/// One figure of a file's own totals row (`Tổng cộng`, `Cộng`, `Tổng số`)
/// beside the sum of the items ingest read from the same table: a
/// difference is a data-quality finding (`total_mismatch`, the contract's
/// section 8), never a refusal.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct FileTotal {
    /// The totals row's line in the file (as `source_row` counts).
    pub source_row: i64,
    /// The row's label as written (`Tổng cộng`).
    pub label: String,
    /// `quantity` or `reach`.
    pub field: String,
    /// The figure the totals row states.
    pub stated: i64,
    /// The sum of that figure over the items accepted above the row (from
    /// the table's start, or, for a sub-total, from the totals row before).
    pub items_sum: i64,
    /// How many items that sum holds.
    pub items: i64,
    /// Rows above the totals row that were refused (their figures are in
    /// no sum).
    pub rows_refused: i64,
}

impl FileTotal {
    /// The totals row agrees with the items.
    pub fn agrees(&self) -> bool {
        self.stated == self.items_sum
    }
}

/// One row of `rejects/`: a refused row, or (with no `source_row`) a
/// refused file.
#[derive(Debug, Clone, PartialEq)]
pub struct RejectRecord {
    pub submission_id: String,
    pub source_file: String,
    pub source_row: Option<i64>,
    /// The row's cells as JSON (the file's name and size for a file).
    pub raw: String,
    /// The sentence a person reads.
    pub reason: String,
    /// The kind of refusal (`rejects.reason_code`).
    pub reason_code: ReasonCode,
    /// What the sentence says, to say it again in either language
    /// (`rejects.reason_args`, v3): a JSON array of messages
    /// ([`crate::i18n::Msg`]); null in lakes written before v3.
    pub reason_args: Option<String>,
    /// UTC.
    pub ingested_at: NaiveDateTime,
}

/// A nullable text column, as every text column of the lake is.
pub(super) fn text(name: &str) -> Field {
    Field::new(name, DataType::Utf8, true)
}

/// A nullable column of type `t`.
pub(super) fn typed(name: &str, t: DataType) -> Field {
    Field::new(name, t, true)
}

fn timestamp(name: &str) -> Field {
    typed(name, DataType::Timestamp(TimeUnit::Microsecond, None))
}

static ACTIVITIES: LazyLock<SchemaRef> = LazyLock::new(|| {
    Arc::new(Schema::new(vec![
        text("activity_id"),
        text("submission_id"),
        text("unit_code"),
        typed("activity_date", DataType::Date32),
        text("date_precision"),
        typed("month", DataType::Int32),
        text("theme_code"),
        text("subtheme_code"),
        typed("theme_inferred", DataType::Boolean),
        typed("hrc_priority", DataType::Int32),
        text("form_code"),
        text("channel"),
        text("title"),
        typed("quantity", DataType::Int64),
        typed("reach", DataType::Int64),
        typed("duration_min", DataType::Float64),
        text("language"),
        text("url"),
        text("notes"),
        text("extra"),
        typed("source_row", DataType::Int64),
    ]))
});

static SUBMISSIONS: LazyLock<SchemaRef> = LazyLock::new(|| {
    Arc::new(Schema::new(vec![
        text("submission_id"),
        text("unit_code"),
        text("period_kind"),
        text("period"),
        typed("received_at", DataType::Date32),
        text("source_file"),
        text("format"),
        typed("rows_read", DataType::Int64),
        typed("rows_accepted", DataType::Int64),
        typed("rows_rejected", DataType::Int64),
        text("superseded_by"),
        timestamp("ingested_at"),
        // v3: the file's totals rows (JSON of [`FileTotal`]); null when none
        text("file_totals"),
    ]))
});

static REJECTS: LazyLock<SchemaRef> = LazyLock::new(|| {
    Arc::new(Schema::new(vec![
        text("submission_id"),
        text("source_file"),
        typed("source_row", DataType::Int64),
        text("raw"),
        text("reason"),
        // v2 of the contract; files written before it lack the column,
        // which then reads as null
        text("reason_code"),
        timestamp("ingested_at"),
        // v3: the values the sentence names, to say it in either language
        text("reason_args"),
    ]))
});

/// The columns of `activities` files (the `year` partition column apart).
pub fn activities_schema() -> SchemaRef {
    ACTIVITIES.clone()
}

/// The columns of the ledger, `submissions/submissions.parquet`.
pub fn submissions_schema() -> SchemaRef {
    SUBMISSIONS.clone()
}

/// The columns of `rejects` files.
pub fn rejects_schema() -> SchemaRef {
    REJECTS.clone()
}

/// The order rows are written in, within a file: the columns queries filter
/// and join on first, so that row-group statistics prune well. Ingest and
/// compaction both sort by these.
pub const ACTIVITIES_ORDER: &[&str] =
    &["unit_code", "activity_date", "submission_id", "source_row"];

/// See [`ACTIVITIES_ORDER`].
pub const REJECTS_ORDER: &[&str] = &["ingested_at", "source_file", "source_row"];

/// Columns the contract added after lakes were first written (v2:
/// `rejects.reason_code`; v3: `rejects.reason_args`, `submissions.file_totals`): files without them still open, the column read
/// as null.
pub const ADDED_COLUMNS: &[&str] = &["reason_code", "reason_args", "file_totals"];

/// Columns of free text or unique ids, whose values seldom repeat: written
/// without a dictionary. Every other column (codes, dates, small numbers)
/// is dictionary-encoded.
pub const FREE_TEXT_COLUMNS: &[&str] = &[
    "activity_id",
    "title",
    "url",
    "notes",
    "extra",
    "raw",
    "reason",
    "reason_args",
];

/// A date as Arrow's `Date32` counts it: days since 1970-01-01.
pub(crate) fn days(d: NaiveDate) -> i32 {
    d.num_days_from_ce() - EPOCH_DAYS_FROM_CE
}

/// Days from 0001-01-01 to 1970-01-01.
const EPOCH_DAYS_FROM_CE: i32 = 719_163;

fn day(days: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(days.checked_add(EPOCH_DAYS_FROM_CE)?)
}

fn micros(t: NaiveDateTime) -> i64 {
    t.and_utc().timestamp_micros()
}

fn strings<'a>(values: impl Iterator<Item = Option<&'a str>>) -> ArrayRef {
    Arc::new(values.collect::<StringArray>())
}

fn batch(schema: SchemaRef, columns: Vec<ArrayRef>) -> Result<RecordBatch, ArrowError> {
    RecordBatch::try_new(schema, columns)
}

/// Rows of `activities` as one batch of [`activities_schema`], in the order
/// given (the writer sorts).
pub fn activities_batch(rows: &[ActivityRecord]) -> Result<RecordBatch, ArrowError> {
    let a = || rows.iter().map(|r| &r.activity);
    batch(
        activities_schema(),
        vec![
            strings(a().map(|x| Some(x.activity_id.as_str()))),
            strings(rows.iter().map(|r| Some(r.submission_id.as_str()))),
            strings(rows.iter().map(|r| Some(r.unit_code.0.as_str()))),
            Arc::new(Date32Array::from_iter_values(
                a().map(|x| days(x.activity_date)),
            )),
            strings(a().map(|x| Some(x.date_precision.as_str()))),
            Arc::new(Int32Array::from_iter_values(
                a().map(|x| x.activity_date.month() as i32),
            )),
            strings(a().map(|x| Some(x.theme_code.0.as_str()))),
            strings(a().map(|x| x.subtheme_code.as_deref())),
            Arc::new(
                a().map(|x| Some(x.theme_inferred))
                    .collect::<BooleanArray>(),
            ),
            Arc::new(a().map(|x| x.hrc_priority).collect::<Int32Array>()),
            strings(a().map(|x| Some(x.form_code.as_str()))),
            strings(a().map(|x| x.channel.as_deref())),
            strings(a().map(|x| x.title.as_deref())),
            Arc::new(Int64Array::from_iter_values(a().map(|x| x.quantity))),
            Arc::new(a().map(|x| x.reach).collect::<Int64Array>()),
            Arc::new(a().map(|x| x.duration_min).collect::<Float64Array>()),
            strings(a().map(|x| Some(x.language.as_str()))),
            strings(a().map(|x| x.url.as_deref())),
            strings(a().map(|x| x.notes.as_deref())),
            strings(a().map(|x| x.extra.as_deref())),
            Arc::new(Int64Array::from_iter_values(a().map(|x| x.source_row))),
        ],
    )
}

/// Rows of the ledger as one batch of [`submissions_schema`].
pub fn submissions_batch(rows: &[SubmissionRecord]) -> Result<RecordBatch, ArrowError> {
    let periods: Vec<String> = rows.iter().map(|r| r.period.to_string()).collect();
    let totals: Vec<Option<String>> = rows
        .iter()
        .map(|r| {
            (!r.file_totals.is_empty())
                .then(|| serde_json::to_string(&r.file_totals))
                .transpose()
                .map_err(|e| ArrowError::ExternalError(Box::new(e)))
        })
        .collect::<Result<_, _>>()?;
    batch(
        submissions_schema(),
        vec![
            strings(rows.iter().map(|r| Some(r.submission_id.as_str()))),
            strings(rows.iter().map(|r| Some(r.unit_code.0.as_str()))),
            strings(rows.iter().map(|r| Some(r.period.kind()))),
            strings(periods.iter().map(|p| Some(p.as_str()))),
            Arc::new(Date32Array::from_iter_values(
                rows.iter().map(|r| days(r.received_at)),
            )),
            strings(rows.iter().map(|r| Some(r.source_file.as_str()))),
            strings(rows.iter().map(|r| Some(r.format.as_str()))),
            Arc::new(Int64Array::from_iter_values(
                rows.iter().map(|r| r.rows_read),
            )),
            Arc::new(Int64Array::from_iter_values(
                rows.iter().map(|r| r.rows_accepted),
            )),
            Arc::new(Int64Array::from_iter_values(
                rows.iter().map(|r| r.rows_rejected),
            )),
            strings(rows.iter().map(|r| r.superseded_by.as_deref())),
            Arc::new(TimestampMicrosecondArray::from_iter_values(
                rows.iter().map(|r| micros(r.ingested_at)),
            )),
            strings(totals.iter().map(|t| t.as_deref())),
        ],
    )
}

/// Rows of `rejects` as one batch of [`rejects_schema`].
pub fn rejects_batch(rows: &[RejectRecord]) -> Result<RecordBatch, ArrowError> {
    batch(
        rejects_schema(),
        vec![
            strings(rows.iter().map(|r| Some(r.submission_id.as_str()))),
            strings(rows.iter().map(|r| Some(r.source_file.as_str()))),
            Arc::new(rows.iter().map(|r| r.source_row).collect::<Int64Array>()),
            strings(rows.iter().map(|r| Some(r.raw.as_str()))),
            strings(rows.iter().map(|r| Some(r.reason.as_str()))),
            strings(rows.iter().map(|r| Some(r.reason_code.code()))),
            Arc::new(TimestampMicrosecondArray::from_iter_values(
                rows.iter().map(|r| micros(r.ingested_at)),
            )),
            strings(rows.iter().map(|r| r.reason_args.as_deref())),
        ],
    )
}

/// `batch` with the columns of `schema`, in its order and types, whatever
/// string layout the file's writer chose (lakes written before v3 hold
/// polars' view strings). A column of [`ADDED_COLUMNS`] a file lacks reads
/// as null; any other missing column is an error naming it.
pub fn conform(batch: &RecordBatch, schema: &SchemaRef) -> Result<RecordBatch, String> {
    let columns: Vec<ArrayRef> = schema
        .fields()
        .iter()
        .map(|f| match batch.column_by_name(f.name()) {
            Some(col) if col.data_type() == f.data_type() => Ok(col.clone()),
            Some(col) => cast(col, f.data_type()).map_err(|e| {
                crate::msg!(
                    "lake-column-cast",
                    column = f.name().as_str(),
                    error = e.to_string()
                )
                .to_string()
            }),
            None if ADDED_COLUMNS.contains(&f.name().as_str()) => {
                Ok(new_null_array(f.data_type(), batch.num_rows()))
            }
            None => Err(crate::msg!("lake-column-missing", column = f.name().as_str()).to_string()),
        })
        .collect::<Result<_, String>>()?;
    RecordBatch::try_new(schema.clone(), columns).map_err(|e| e.to_string())
}

/// `column NAME is empty in row N` (and the like), said in the process's
/// language: the reason a damaged file cannot be read.
fn row_problem(id: &str, column: &str, i: usize) -> String {
    crate::msg!(id, column = column, row = (i + 1).to_string()).to_string()
}

/// Reads the columns of one conformed batch by name.
struct Columns<'a>(&'a RecordBatch);

impl<'a> Columns<'a> {
    fn get(&self, name: &str) -> &'a ArrayRef {
        // conform() guarantees every column of the schema
        self.0
            .column_by_name(name)
            .unwrap_or_else(|| panic!("conformed batch lacks {name}"))
    }

    fn text(&self, name: &str, i: usize) -> Option<String> {
        let a = self.get(name).as_string::<i32>();
        a.is_valid(i).then(|| a.value(i).to_string())
    }

    fn required(&self, name: &str, i: usize) -> Result<String, String> {
        self.text(name, i)
            .ok_or_else(|| row_problem("lake-column-empty", name, i))
    }

    fn int<T: arrow::datatypes::ArrowPrimitiveType>(
        &self,
        name: &str,
        i: usize,
    ) -> Option<T::Native> {
        let a = self.get(name).as_primitive::<T>();
        a.is_valid(i).then(|| a.value(i))
    }

    fn date(&self, name: &str, i: usize) -> Result<NaiveDate, String> {
        self.int::<Date32Type>(name, i)
            .and_then(day)
            .ok_or_else(|| row_problem("lake-column-not-date", name, i))
    }

    fn time(&self, name: &str, i: usize) -> Result<NaiveDateTime, String> {
        self.int::<TimestampMicrosecondType>(name, i)
            .and_then(DateTime::from_timestamp_micros)
            .map(|t| t.naive_utc())
            .ok_or_else(|| row_problem("lake-column-not-time", name, i))
    }
}

/// Rows of a batch of `activities` (in any string layout) as records.
/// Errors name the column and row that is missing or unreadable.
pub fn activities_from_batch(batch: &RecordBatch) -> Result<Vec<ActivityRecord>, String> {
    let b = conform(batch, &activities_schema())?;
    let c = Columns(&b);
    let inferred = c.get("theme_inferred").as_boolean();
    (0..b.num_rows())
        .map(|i| {
            let precision = c.required("date_precision", i)?;
            Ok(ActivityRecord {
                submission_id: c.required("submission_id", i)?,
                unit_code: UnitCode(c.required("unit_code", i)?),
                activity: Activity {
                    activity_id: c.required("activity_id", i)?,
                    activity_date: c.date("activity_date", i)?,
                    date_precision: DatePrecision::parse(&precision).ok_or_else(|| {
                        crate::msg!("lake-bad-precision", value = format!("{precision:?}"))
                            .to_string()
                    })?,
                    theme_code: ThemeCode(c.required("theme_code", i)?),
                    subtheme_code: c.text("subtheme_code", i),
                    theme_inferred: inferred.is_valid(i) && inferred.value(i),
                    hrc_priority: c.int::<Int32Type>("hrc_priority", i),
                    form_code: c.required("form_code", i)?,
                    channel: c.text("channel", i),
                    title: c.text("title", i),
                    quantity: c
                        .int::<Int64Type>("quantity", i)
                        .ok_or_else(|| row_problem("lake-column-empty", "quantity", i))?,
                    reach: c.int::<Int64Type>("reach", i),
                    duration_min: c.int::<Float64Type>("duration_min", i),
                    language: c.required("language", i)?,
                    url: c.text("url", i),
                    notes: c.text("notes", i),
                    extra: c.text("extra", i),
                    source_row: c.int::<Int64Type>("source_row", i).unwrap_or(0),
                },
            })
        })
        .collect()
}

/// Rows of a batch of the ledger (in any string layout) as records.
pub fn submissions_from_batch(batch: &RecordBatch) -> Result<Vec<SubmissionRecord>, String> {
    let b = conform(batch, &submissions_schema())?;
    let c = Columns(&b);
    (0..b.num_rows())
        .map(|i| {
            let period = c.required("period", i)?;
            Ok(SubmissionRecord {
                submission_id: c.required("submission_id", i)?,
                unit_code: UnitCode(c.required("unit_code", i)?),
                period: Period::parse(&period).ok_or_else(|| {
                    crate::msg!(
                        "lake-bad-period",
                        value = format!("{period:?}"),
                        row = (i + 1).to_string()
                    )
                    .to_string()
                })?,
                received_at: c.date("received_at", i)?,
                source_file: c.required("source_file", i)?,
                format: c.required("format", i)?,
                rows_read: c.int::<Int64Type>("rows_read", i).unwrap_or(0),
                rows_accepted: c.int::<Int64Type>("rows_accepted", i).unwrap_or(0),
                rows_rejected: c.int::<Int64Type>("rows_rejected", i).unwrap_or(0),
                superseded_by: c.text("superseded_by", i),
                ingested_at: c.time("ingested_at", i)?,
                file_totals: match c.text("file_totals", i) {
                    Some(json) => serde_json::from_str(&json).map_err(|e| {
                        row_problem("lake-column-unreadable", "file_totals", i)
                            + ": "
                            + &e.to_string()
                    })?,
                    None => Vec::new(),
                },
            })
        })
        .collect()
}

/// Rows of a batch of `rejects` (in any string layout) as records. A row
/// written before v2 has no `reason_code`: an error says so.
pub fn rejects_from_batch(batch: &RecordBatch) -> Result<Vec<RejectRecord>, String> {
    let b = conform(batch, &rejects_schema())?;
    let c = Columns(&b);
    (0..b.num_rows())
        .map(|i| {
            let code = c.required("reason_code", i)?;
            Ok(RejectRecord {
                submission_id: c.required("submission_id", i)?,
                source_file: c.required("source_file", i)?,
                source_row: c.int::<Int64Type>("source_row", i),
                raw: c.required("raw", i)?,
                reason: c.required("reason", i)?,
                reason_code: ReasonCode::from_code(&code).ok_or_else(|| {
                    crate::msg!("lake-bad-reason-code", value = format!("{code:?}")).to_string()
                })?,
                reason_args: c.text("reason_args", i),
                ingested_at: c.time("ingested_at", i)?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lake::writer::write_file;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn t(y: i32, m: u32, day: u32, h: u32, min: u32, s: u32, us: u32) -> NaiveDateTime {
        d(y, m, day).and_hms_micro_opt(h, min, s, us).unwrap()
    }

    /// Writes `batch` with the lake's writer and reads it back.
    fn through_parquet(batch: RecordBatch) -> RecordBatch {
        let dir = tempfile::tempdir().unwrap();
        write_file(
            dir.path(),
            "t/part-1.parquet",
            batch.schema(),
            [Ok(batch)],
            vec![],
            None,
        )
        .unwrap();
        let file = std::fs::File::open(dir.path().join("t/part-1.parquet")).unwrap();
        let batches: Vec<RecordBatch> = ParquetRecordBatchReaderBuilder::try_new(file)
            .unwrap()
            .build()
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(batches.len(), 1);
        batches.into_iter().next().unwrap()
    }

    #[test]
    fn activities_round_trip_through_parquet() {
        let full = ActivityRecord {
            submission_id: "ab12".into(),
            unit_code: UnitCode("pvhtt-tuan-giao".into()),
            activity: Activity {
                activity_id: "ab12-3".into(),
                activity_date: d(2023, 7, 5),
                date_precision: DatePrecision::Day,
                theme_code: ThemeCode("ethnic".into()),
                subtheme_code: Some("ethnic.language".into()),
                theme_inferred: true,
                hrc_priority: Some(4),
                form_code: "tin".into(),
                channel: Some("Đài huyện".into()),
                title: Some("Tuyên truyền về quyền của đồng bào dân tộc thiểu số".into()),
                quantity: 2,
                reach: Some(1234),
                duration_min: Some(12.5),
                language: "thai".into(),
                url: Some("https://example.vn/a".into()),
                notes: Some("đợt 1\nhai xã".into()),
                extra: Some(r#"{"Người thực hiện":"Lò Văn A"}"#.into()),
                source_row: 3,
            },
        };
        let mut sparse = full.clone();
        sparse.activity = Activity {
            activity_id: "ab12-4".into(),
            activity_date: d(2023, 7, 1),
            date_precision: DatePrecision::Month,
            subtheme_code: None,
            theme_inferred: false,
            hrc_priority: None,
            channel: None,
            title: None,
            reach: None,
            duration_min: None,
            url: None,
            notes: None,
            extra: None,
            source_row: 4,
            ..full.activity.clone()
        };
        let rows = vec![full, sparse];
        let batch = through_parquet(activities_batch(&rows).unwrap());
        assert_eq!(batch.schema(), activities_schema());
        // the month column is the date's month
        let month = batch
            .column_by_name("month")
            .unwrap()
            .as_primitive::<Int32Type>();
        assert_eq!((month.value(0), month.value(1)), (7, 7));
        assert_eq!(activities_from_batch(&batch).unwrap(), rows);
    }

    #[test]
    fn submissions_round_trip_through_parquet() {
        let a = SubmissionRecord {
            submission_id: "ab12".into(),
            unit_code: UnitCode("so-y-te".into()),
            period: Period::Month {
                year: 2023,
                month: 7,
            },
            received_at: d(2023, 8, 10),
            source_file: "inbox/Báo cáo tháng 7.xlsx".into(),
            format: "xlsx".into(),
            rows_read: 12,
            rows_accepted: 10,
            rows_rejected: 2,
            superseded_by: Some("cd34".into()),
            ingested_at: t(2023, 8, 11, 9, 30, 5, 123_456),
            file_totals: vec![FileTotal {
                source_row: 14,
                label: "Tổng cộng".into(),
                field: "quantity".into(),
                stated: 9,
                items_sum: 7,
                items: 3,
                rows_refused: 0,
            }],
        };
        let b = SubmissionRecord {
            submission_id: "cd34".into(),
            period: Period::Year(2023),
            superseded_by: None,
            file_totals: vec![],
            ..a.clone()
        };
        let c = SubmissionRecord {
            submission_id: "ef56".into(),
            period: Period::Quarter {
                year: 2023,
                quarter: 3,
            },
            ..b.clone()
        };
        let rows = vec![a, b, c];
        let batch = through_parquet(submissions_batch(&rows).unwrap());
        let kinds = batch
            .column_by_name("period_kind")
            .unwrap()
            .as_string::<i32>();
        assert_eq!(
            (kinds.value(0), kinds.value(1), kinds.value(2)),
            ("monthly", "annual", "other")
        );
        assert_eq!(submissions_from_batch(&batch).unwrap(), rows);
    }

    #[test]
    fn rejects_round_trip_through_parquet() {
        let row = RejectRecord {
            submission_id: "ab12".into(),
            source_file: "inbox/a.csv".into(),
            source_row: Some(7),
            raw: r#"{"Ngày":"31/02/2023"}"#.into(),
            reason: "Row 7: the date '31/02/2023' is not a date.".into(),
            reason_code: ReasonCode::DateInvalid,
            reason_args: Some(r#"[{"id":"x","args":{"cell":"31/02/2023"}}]"#.into()),
            ingested_at: t(2023, 8, 11, 9, 30, 5, 0),
        };
        let file = RejectRecord {
            source_row: None,
            reason_code: ReasonCode::FileEmpty,
            reason_args: None,
            ..row.clone()
        };
        let rows = vec![row, file];
        let batch = through_parquet(rejects_batch(&rows).unwrap());
        assert_eq!(rejects_from_batch(&batch).unwrap(), rows);
    }

    /// Lakes written before v3 hold view strings (polars wrote them) and,
    /// before v2, no reason_code: both still read.
    #[test]
    fn older_files_are_conformed_to_the_schema() {
        use arrow::array::StringViewArray;
        let rows = vec![RejectRecord {
            submission_id: "ab12".into(),
            source_file: "a.csv".into(),
            source_row: None,
            raw: "{}".into(),
            reason: "The file is empty.".into(),
            reason_code: ReasonCode::FileEmpty,
            reason_args: None,
            ingested_at: t(2023, 1, 1, 0, 0, 0, 0),
        }];
        let batch = rejects_batch(&rows).unwrap();
        let mut fields = Vec::new();
        let mut columns: Vec<ArrayRef> = Vec::new();
        for (f, c) in batch.schema().fields().iter().zip(batch.columns()) {
            if f.name() == "reason_code" {
                continue;
            }
            if f.data_type() == &DataType::Utf8 {
                let view: StringViewArray = c.as_string::<i32>().iter().collect();
                fields.push(Field::new(f.name(), DataType::Utf8View, true));
                columns.push(Arc::new(view));
            } else {
                fields.push(f.as_ref().clone());
                columns.push(c.clone());
            }
        }
        let old = RecordBatch::try_new(Arc::new(Schema::new(fields)), columns).unwrap();
        let conformed = conform(&old, &rejects_schema()).unwrap();
        assert_eq!(conformed.schema(), rejects_schema());
        assert_eq!(
            conformed
                .column_by_name("reason_code")
                .unwrap()
                .null_count(),
            1
        );
        assert_eq!(
            conformed
                .column_by_name("reason")
                .unwrap()
                .as_string::<i32>()
                .value(0),
            "The file is empty."
        );
        let e = rejects_from_batch(&old).unwrap_err();
        assert!(e.contains("reason_code is empty"), "{e}");
    }

    #[test]
    fn dates_count_days_from_1970() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(days(d(1970, 1, 1)), 0);
        assert_eq!(days(d(2023, 7, 15)), 19_553);
        assert_eq!(day(19_553), Some(d(2023, 7, 15)));
        assert_eq!(day(-1), Some(d(1969, 12, 31)));
    }
}
