//! The submissions ledger, `submissions/submissions.parquet`: one row per
//! accepted file, and in its Parquet metadata the list of committed data
//! files. Replacing it is the commit. Written by the lake's one writer
//! ([`super::writer`]) and read back with the same `parquet` crate.

use std::collections::HashSet;
use std::fs::File;

use arrow::array::{Array, AsArray, RecordBatch};
use arrow::datatypes::{Int64Type, SchemaRef};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

use super::tables::{
    conform, rejects_schema, submissions_batch, submissions_from_batch, submissions_schema,
};
use super::{Lake, LakeError, LakeState};

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
        submissions.extend(submissions_from_batch(batch).map_err(bad)?);
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
    let files = serde_json::to_string(&state.files).unwrap_or_else(|_| "[]".into());
    super::writer::write_file(
        &lake.root,
        LEDGER,
        submissions_schema(),
        [submissions_batch(&state.submissions)],
        vec![(FILES_KEY.to_string(), files)],
        Some("ledger"),
    )
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
            let batch = conform(&batch, &rejects_schema()).map_err(bad)?;
            let column = |name: &str| batch.column(rejects_schema().index_of(name).unwrap_or(0));
            let ids = column("submission_id").as_string::<i32>();
            let rows = column("source_row").as_primitive::<Int64Type>();
            let reasons = column("reason").as_string::<i32>();
            for i in 0..batch.num_rows() {
                if ids.is_valid(i) && rows.is_null(i) && reasons.is_valid(i) {
                    out.insert((ids.value(i).to_string(), reasons.value(i).to_string()));
                }
            }
        }
    }
    Ok(out)
}
