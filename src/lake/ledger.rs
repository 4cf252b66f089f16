//! The submissions ledger, `submissions/submissions.parquet`: one row per
//! accepted file, and in its Parquet metadata the list of committed data
//! files. Replacing it is the commit. Written by the lake's one writer
//! ([`super::writer`]) and read back with the same `parquet` crate.

use std::collections::{BTreeMap, HashSet};
use std::fs::File;

use arrow::array::{Array, AsArray, RecordBatch};
use arrow::datatypes::Int64Type;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::file::metadata::ParquetMetaDataReader;

use super::error::LakeError;
use super::layout::{LEDGER, Lake, LakeState, Source};
use super::remote::{LEDGER_VERSIONS, Remote};
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
/// On object storage: the data files compaction replaced, with when (a
/// JSON object of Unix seconds).
const RETIRED_KEY: &str = "baocao.retired";

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
        version: raw.version,
        retired: raw.retired,
        kept_theirs: Vec::new(),
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
    /// The version read (on object storage; 0 for a local lake).
    pub version: u64,
    /// On object storage: files compaction replaced, and when.
    pub retired: BTreeMap<String, i64>,
    path: String,
    file: Source,
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
            path: self.path.clone(),
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
/// committed to). On object storage, the latest version.
pub(super) fn open(lake: &Lake) -> Result<Option<RawLedger>, LakeError> {
    if let Some(remote) = &lake.remote {
        return open_remote(remote);
    }
    let path = lake.ledger_path();
    let shown = path.display().to_string();
    let file = match File::open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(LakeError::Ledger {
                path: shown,
                message: e.to_string(),
            });
        }
    };
    parse(Source::File(file), shown, 0).map(Some)
}

/// The latest version of a ledger on object storage (a version pruned
/// between listing and fetching: the listing again).
fn open_remote(remote: &Remote) -> Result<Option<RawLedger>, LakeError> {
    for _ in 0..5 {
        let Some((version, meta)) = remote.ledger_versions()?.pop() else {
            return Ok(None);
        };
        let rel = remote.rel(&meta.location);
        if let Some(bytes) = remote.get(&rel)? {
            return parse(Source::Bytes(bytes), remote.path(&rel).to_string(), version).map(Some);
        }
    }
    Err(LakeError::Ledger {
        path: remote.path(LEDGER_VERSIONS).to_string(),
        message: crate::msg!("lake-file-missing").to_string(),
    })
}

/// Version `version` of a ledger on object storage (`None` if it is gone).
pub(super) fn open_version(remote: &Remote, version: u64) -> Result<Option<RawLedger>, LakeError> {
    let rel = version_name(version);
    match remote.get(&rel)? {
        Some(bytes) => {
            parse(Source::Bytes(bytes), remote.path(&rel).to_string(), version).map(Some)
        }
        None => Ok(None),
    }
}

fn parse(file: Source, path: String, version: u64) -> Result<RawLedger, LakeError> {
    let bad = |message: String| LakeError::Ledger {
        path: path.clone(),
        message,
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
    let retired = value(RETIRED_KEY)
        .and_then(|v| serde_json::from_str(v).ok())
        .unwrap_or_default();
    let files: Vec<String> = value(FILES_KEY)
        .map(serde_json::from_str)
        .transpose()
        .map_err(|e| bad(crate::msg!("lake-ledger-files-json", error = e.to_string()).to_string()))?
        .unwrap_or_default();
    Ok(RawLedger {
        files,
        rollup,
        superseded,
        superseded_ids,
        version,
        retired,
        path,
        file,
    })
}

/// The name of the ledger's version `version` on object storage.
pub(super) fn version_name(version: u64) -> String {
    format!("{LEDGER_VERSIONS}/{version:020}.parquet")
}

/// Writes `state` as the ledger: the commit. Locally (under the lock) it
/// replaces `submissions/submissions.parquet` and always succeeds. On
/// object storage it creates version `state.version`, only if no other
/// writer has: `Ok(false)` when one has (the caller re-reads and retries);
/// then the plain copy `submissions/submissions.parquet` follows.
pub(super) fn write(lake: &Lake, state: &LakeState) -> Result<bool, LakeError> {
    let metadata = metadata(state);
    let Some(remote) = &lake.remote else {
        writer::write_file(
            &lake.root,
            LEDGER,
            submissions_schema(),
            [submissions_batch(&state.submissions)],
            metadata,
            Some("ledger"),
        )?;
        return Ok(true);
    };
    let bytes = writer::encode(
        LEDGER,
        submissions_schema(),
        [submissions_batch(&state.submissions)],
        metadata,
    )?;
    crate::fault::point("ledger-before-rename");
    if !remote.put(&version_name(state.version), bytes.clone(), true)? {
        return Ok(false);
    }
    crate::fault::point("ledger-renamed");
    publish_copy(remote, state.version, bytes)?;
    Ok(true)
}

/// Puts the latest version at `submissions/submissions.parquet` again, for
/// a run killed between a commit and its copy (every writer does this
/// first).
pub(super) fn republish_copy(remote: &Remote) -> Result<(), LakeError> {
    let Some((version, meta)) = remote.ledger_versions()?.pop() else {
        return Ok(());
    };
    match remote.get(&remote.rel(&meta.location))? {
        Some(bytes) => publish_copy(remote, version, bytes),
        None => Ok(()),
    }
}

/// Puts version `version` at `submissions/submissions.parquet` for plain
/// readers; if a later version was committed meanwhile, that one instead,
/// so the copy never stays behind the versions.
fn publish_copy(remote: &Remote, version: u64, bytes: bytes::Bytes) -> Result<(), LakeError> {
    let (mut version, mut bytes) = (version, bytes);
    for _ in 0..5 {
        remote.put(LEDGER, bytes.clone(), false)?;
        match remote.ledger_versions()?.pop() {
            Some((latest, meta)) if latest > version => {
                let Some(newer) = remote.get(&remote.rel(&meta.location))? else {
                    continue;
                };
                (version, bytes) = (latest, newer);
            }
            _ => return Ok(()),
        }
    }
    Ok(())
}

fn metadata(state: &LakeState) -> Vec<(String, String)> {
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
    // a file retired longer than the grace is an ordinary orphan now
    let now = chrono::Utc::now().timestamp();
    let retired: BTreeMap<&String, &i64> = state
        .retired
        .iter()
        .filter(|(_, t)| now - **t < super::remote::GRACE_SECS)
        .collect();
    if !retired.is_empty() {
        metadata.push((
            RETIRED_KEY.to_string(),
            serde_json::to_string(&retired).unwrap_or_else(|_| "{}".into()),
        ));
    }
    metadata
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
        let bad = |message: String| LakeError::Ledger {
            path: rel.clone(),
            message,
        };
        let file = lake.open_file(rel)?;
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
