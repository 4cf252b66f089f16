//! The submissions ledger, `submissions/submissions.parquet`: one row per
//! accepted file, and in its Parquet metadata the list of committed data
//! files. Replacing it is the commit. Written by the lake's one writer
//! ([`super::writer`]) and read back with the same `parquet` crate.

use std::collections::HashSet;
use std::fs::File;

use arrow::array::{Array, AsArray, RecordBatch};
use arrow::datatypes::Int64Type;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::file::metadata::ParquetMetaDataReader;

use super::error::LakeError;
use super::layout::{LEDGER, Lake, LakeState};
use super::tables::{
    conform, rejects_schema, submissions_batch, submissions_from_batch, submissions_schema,
};
use super::writer;

/// The ledger's path inside the lake.
const FILES_KEY: &str = "baocao.files";
/// Present (`1`) when every submission has its rollup rows.
const ROLLUP_KEY: &str = "baocao.rollup";
/// How many submissions are superseded.
const SUPERSEDED_KEY: &str = "baocao.superseded";
/// Which submissions are superseded (a JSON array of ids), so that a
/// query of the current items needs none of the ledger's rows.
const SUPERSEDED_IDS_KEY: &str = "baocao.superseded_ids";

impl Lake {
    /// Reads the ledger (an empty state for a new lake).
    pub fn read_state(&self) -> Result<LakeState, LakeError> {
        read(self)
    }
}

pub(super) fn read(lake: &Lake) -> Result<LakeState, LakeError> {
    let Some(raw) = open(lake)? else {
        return Ok(LakeState::default());
    };
    let bad = |message: String| LakeError::Ledger {
        path: lake.ledger_path().display().to_string(),
        message,
    };
    let mut submissions = Vec::new();
    for batch in &raw.batches()? {
        submissions.extend(submissions_from_batch(batch).map_err(bad)?);
    }
    let refused_files = read_refused_files(lake, &raw.files)?;
    Ok(LakeState {
        submissions,
        files: raw.files,
        refused_files,
        rollup: raw.rollup,
    })
}

/// The ledger as one commit left it: its metadata, read when it is opened
/// (the list of committed files, whether the rollup is whole, how many
/// submissions are superseded), and its rows, read on demand from the same
/// open file, so that both belong to that commit even if a later commit
/// replaces the ledger meanwhile.
pub struct RawLedger {
    pub files: Vec<String>,
    /// Every submission has its rollup rows ([`super::LakeState::rollup`]).
    pub rollup: bool,
    /// How many submissions a later version superseded (`None` for a ledger
    /// written before the count was kept: read the rows).
    pub superseded: Option<usize>,
    /// Their ids (`None` for a ledger written before they were kept).
    pub superseded_ids: Option<Vec<String>>,
    path: std::path::PathBuf,
    file: File,
}

impl RawLedger {
    /// The ledger's rows, as stored (older ledgers may lack later columns:
    /// see [`super::tables::conform`]).
    ///
    /// # Errors
    /// A ledger that cannot be read, with its path.
    pub fn batches(&self) -> Result<Vec<RecordBatch>, LakeError> {
        self.read(None)
    }

    /// The ledger's rows, only the columns named that it has (a column a
    /// later contract added is absent from an older ledger).
    ///
    /// # Errors
    /// A ledger that cannot be read, with its path.
    pub fn columns(&self, names: &[&str]) -> Result<Vec<RecordBatch>, LakeError> {
        self.read(Some(names))
    }

    fn read(&self, names: Option<&[&str]>) -> Result<Vec<RecordBatch>, LakeError> {
        use parquet::arrow::ProjectionMask;
        let bad = |message: String| LakeError::Ledger {
            path: self.path.display().to_string(),
            message,
        };
        let file = self.file.try_clone().map_err(|e| bad(e.to_string()))?;
        let mut builder =
            ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| bad(e.to_string()))?;
        if let Some(names) = names {
            let roots: Vec<usize> = names
                .iter()
                .filter_map(|n| builder.schema().index_of(n).ok())
                .collect();
            let mask = ProjectionMask::roots(builder.parquet_schema(), roots);
            builder = builder.with_projection(mask);
        }
        let reader = builder.build().map_err(|e| bad(e.to_string()))?;
        reader
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| bad(e.to_string()))
    }
}

/// Opens the ledger and reads its metadata (`None` for a lake nothing was
/// committed to).
pub(super) fn open(lake: &Lake) -> Result<Option<RawLedger>, LakeError> {
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
    let metadata = ParquetMetaDataReader::new()
        .parse_and_finish(&file)
        .map_err(|e| bad(e.to_string()))?;
    let kv = metadata.file_metadata().key_value_metadata();
    let value = |key: &str| {
        kv.and_then(|kv| kv.iter().find(|k| k.key == key))
            .and_then(|k| k.value.as_deref())
    };
    let rollup = value(ROLLUP_KEY) == Some("1");
    let superseded = value(SUPERSEDED_KEY).and_then(|v| v.parse().ok());
    let superseded_ids = value(SUPERSEDED_IDS_KEY).and_then(|v| serde_json::from_str(v).ok());
    let files: Vec<String> = value(FILES_KEY)
        .map(serde_json::from_str)
        .transpose()
        .map_err(|e| bad(crate::msg!("lake-ledger-files-json", error = e.to_string()).to_string()))?
        .unwrap_or_default();
    Ok(Some(RawLedger {
        files,
        rollup,
        superseded,
        superseded_ids,
        path,
        file,
    }))
}

pub(super) fn write(lake: &Lake, state: &LakeState) -> Result<(), LakeError> {
    let files = serde_json::to_string(&state.files).unwrap_or_else(|_| "[]".into());
    let superseded: Vec<&str> = state
        .submissions
        .iter()
        .filter(|s| s.superseded_by.is_some())
        .map(|s| s.submission_id.as_str())
        .collect();
    let mut metadata = vec![
        (FILES_KEY.to_string(), files),
        (SUPERSEDED_KEY.to_string(), superseded.len().to_string()),
        (
            SUPERSEDED_IDS_KEY.to_string(),
            serde_json::to_string(&superseded).unwrap_or_else(|_| "[]".into()),
        ),
    ];
    if state.rollup {
        metadata.push((ROLLUP_KEY.to_string(), "1".to_string()));
    }
    writer::write_file(
        &lake.root,
        LEDGER,
        submissions_schema(),
        [submissions_batch(&state.submissions)],
        metadata,
        Some("ledger"),
    )
}

/// Whole-file refusals already in committed reject files, as
/// (submission_id, reason_code), so that the same bytes refused twice for
/// the same kind of reason are recorded once, in whichever language.
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
            let codes = column("reason_code").as_string::<i32>();
            for i in 0..batch.num_rows() {
                // the kind, whatever language the sentence was said in (a
                // file written before v2 keeps only the sentence)
                let kind = if codes.is_valid(i) {
                    codes.value(i)
                } else if reasons.is_valid(i) {
                    reasons.value(i)
                } else {
                    continue;
                };
                if ids.is_valid(i) && rows.is_null(i) {
                    out.insert((ids.value(i).to_string(), kind.to_string()));
                }
            }
        }
    }
    Ok(out)
}
