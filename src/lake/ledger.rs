//! The submissions ledger, `submissions/submissions.parquet`: one row per
//! accepted file, and in its Parquet metadata the list of committed data
//! files. Replacing it is the commit. It is read back with the arrow-rs
//! `parquet` crate (the reader DataFusion uses), written with polars.

use std::collections::HashSet;
use std::fs::File;

use arrow::array::{Array, AsArray, RecordBatch};
use arrow::compute::cast;
use arrow::datatypes::{DataType, Date32Type, Int64Type, SchemaRef, TimestampMicrosecondType};
use chrono::{DateTime, NaiveDate};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

use super::{Lake, LakeError, LakeState, SubmissionRecord, submissions_frame};

/// The ledger's path inside the lake.
pub const LEDGER: &str = "submissions/submissions.parquet";
const FILES_KEY: &str = "baocao.files";

pub(super) fn read(lake: &Lake) -> Result<LakeState, LakeError> {
    let Some(raw) = read_raw(lake)? else {
        return Ok(LakeState::default());
    };
    let bad = |message: String| LakeError::Ledger {
        path: lake.ledger_path().display().to_string(),
        message,
    };
    let mut submissions = Vec::new();
    for batch in &raw.batches {
        submissions.extend(records(batch).map_err(bad)?);
    }
    let refused_files = read_refused_files(lake, &raw.files)?;
    Ok(LakeState {
        submissions,
        files: raw.files,
        refused_files,
    })
}

/// The ledger as it is stored: its rows and its list of committed files,
/// read from one open file, so both belong to the same commit.
pub struct RawLedger {
    pub schema: SchemaRef,
    pub batches: Vec<RecordBatch>,
    pub files: Vec<String>,
}

/// Reads the ledger (`None` for a lake nothing was committed to).
pub(super) fn read_raw(lake: &Lake) -> Result<Option<RawLedger>, LakeError> {
    let path = lake.ledger_path();
    let bad = |message: String| LakeError::Ledger {
        path: path.display().to_string(),
        message,
    };
    let file = match File::open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(bad(e.to_string())),
    };
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| bad(e.to_string()))?;
    let files: Vec<String> = builder
        .metadata()
        .file_metadata()
        .key_value_metadata()
        .and_then(|kv| kv.iter().find(|k| k.key == FILES_KEY))
        .and_then(|k| k.value.as_deref())
        .map(serde_json::from_str)
        .transpose()
        .map_err(|e| bad(format!("its file list is not valid JSON: {e}")))?
        .unwrap_or_default();
    let schema = builder.schema().clone();
    let reader = builder.build().map_err(|e| bad(e.to_string()))?;
    let batches = reader
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| bad(e.to_string()))?;
    Ok(Some(RawLedger {
        schema,
        batches,
        files,
    }))
}

pub(super) fn write(lake: &Lake, state: &LakeState) -> Result<(), LakeError> {
    let mut df = submissions_frame(&state.submissions).map_err(|error| LakeError::Write {
        path: LEDGER.into(),
        error,
    })?;
    let files = serde_json::to_string(&state.files).unwrap_or_else(|_| "[]".into());
    lake.write_atomic(LEDGER, &mut df, Some(vec![(FILES_KEY.to_string(), files)]))
}

/// A column as strings, whatever string layout the writer chose.
pub fn strings(batch: &RecordBatch, name: &str) -> Result<Vec<Option<String>>, String> {
    let col = batch
        .column_by_name(name)
        .ok_or_else(|| format!("column {name} is missing"))?;
    let col = cast(col, &DataType::Utf8).map_err(|e| format!("column {name}: {e}"))?;
    let arr = col.as_string::<i32>();
    Ok((0..arr.len())
        .map(|i| arr.is_valid(i).then(|| arr.value(i).to_string()))
        .collect())
}

/// A column as 64-bit integers.
pub fn ints(batch: &RecordBatch, name: &str) -> Result<Vec<Option<i64>>, String> {
    let col = batch
        .column_by_name(name)
        .ok_or_else(|| format!("column {name} is missing"))?;
    let col = cast(col, &DataType::Int64).map_err(|e| format!("column {name}: {e}"))?;
    let arr = col.as_primitive::<Int64Type>();
    Ok((0..arr.len())
        .map(|i| arr.is_valid(i).then(|| arr.value(i)))
        .collect())
}

fn records(batch: &RecordBatch) -> Result<Vec<SubmissionRecord>, String> {
    let req = |v: Vec<Option<String>>, name: &str| -> Result<Vec<String>, String> {
        v.into_iter()
            .map(|s| s.ok_or_else(|| format!("column {name} has an empty value")))
            .collect()
    };
    let id = req(strings(batch, "submission_id")?, "submission_id")?;
    let unit = req(strings(batch, "unit_code")?, "unit_code")?;
    let kind = req(strings(batch, "period_kind")?, "period_kind")?;
    let period = req(strings(batch, "period")?, "period")?;
    let source = req(strings(batch, "source_file")?, "source_file")?;
    let format = req(strings(batch, "format")?, "format")?;
    let superseded = strings(batch, "superseded_by")?;
    let read = ints(batch, "rows_read")?;
    let accepted = ints(batch, "rows_accepted")?;
    let rejected = ints(batch, "rows_rejected")?;
    let received = batch
        .column_by_name("received_at")
        .and_then(|c| c.as_primitive_opt::<Date32Type>())
        .ok_or("column received_at is not a date")?;
    let ingested = batch
        .column_by_name("ingested_at")
        .and_then(|c| c.as_primitive_opt::<TimestampMicrosecondType>())
        .ok_or("column ingested_at is not a timestamp")?;
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    let mut out = Vec::with_capacity(batch.num_rows());
    for i in 0..batch.num_rows() {
        out.push(SubmissionRecord {
            submission_id: id[i].clone(),
            unit_code: unit[i].clone(),
            period_kind: kind[i].clone(),
            period: period[i].clone(),
            received_at: epoch + chrono::Days::new(received.value(i).max(0) as u64),
            source_file: source[i].clone(),
            format: format[i].clone(),
            rows_read: read[i].unwrap_or(0),
            rows_accepted: accepted[i].unwrap_or(0),
            rows_rejected: rejected[i].unwrap_or(0),
            superseded_by: superseded[i].clone(),
            ingested_at: DateTime::from_timestamp_micros(ingested.value(i))
                .unwrap_or_default()
                .naive_utc(),
        });
    }
    Ok(out)
}

/// Whole-file refusals already in committed reject files, so that the same
/// bytes refused twice are recorded once.
fn read_refused_files(
    lake: &Lake,
    files: &[String],
) -> Result<HashSet<(String, String)>, LakeError> {
    let mut out = HashSet::new();
    for rel in files.iter().filter(|f| f.starts_with("rejects/")) {
        let path = lake.root.join(rel);
        let bad = |message: String| LakeError::Ledger {
            path: path.display().to_string(),
            message,
        };
        let file = File::open(&path).map_err(|e| bad(e.to_string()))?;
        let reader = ParquetRecordBatchReaderBuilder::try_new(file)
            .and_then(|b| b.build())
            .map_err(|e| bad(e.to_string()))?;
        for batch in reader {
            let batch = batch.map_err(|e| bad(e.to_string()))?;
            let ids = strings(&batch, "submission_id").map_err(bad)?;
            let rows = ints(&batch, "source_row").map_err(bad)?;
            let reasons = strings(&batch, "reason").map_err(bad)?;
            for ((id, row), reason) in ids.into_iter().zip(rows).zip(reasons) {
                if let (Some(id), None, Some(reason)) = (id, row, reason) {
                    out.insert((id, reason));
                }
            }
        }
    }
    Ok(out)
}
