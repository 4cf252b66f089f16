//! `compact`: many ingest runs leave many small files in a partition; this
//! rewrites them into few large ones, sorted by the columns queries filter
//! and join on, with row-group statistics. Every row is kept as it was
//! (supersession lives in the ledger, which only changes its file list).
//! The new files are written under names no reader picks up, fsynced and
//! renamed; the ledger's new file list is the commit; the old files are
//! removed after it (or by the next run, if this one is killed).

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::path::Path;
use std::sync::Arc;

use arrow::array::{ArrayRef, RecordBatch};
use arrow::compute::{SortColumn, cast, concat_batches, lexsort_to_indices, take_record_batch};
use arrow::datatypes::Schema;
use parquet::arrow::ArrowWriter;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::{EnabledStatistics, WriterProperties};

use super::{Lake, LakeError, LakeLock, LakeState, io, ledger};
use crate::query::tables::{ADDED_COLUMNS, activities_schema, rejects_schema};

/// Rows per compacted file: large enough for few files, small enough that
/// sorting one file's rows stays within a few hundred MB.
pub const TARGET_ROWS: usize = 1_000_000;

/// Rows per row group: the unit DataFusion and DuckDB skip by statistics.
const ROW_GROUP_ROWS: usize = 128 * 1024;

/// What compaction did to one folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompactedFolder {
    pub folder: String,
    pub files_before: usize,
    pub files_after: usize,
    pub rows: usize,
}

/// What compaction did.
#[derive(Debug, Clone, Default)]
pub struct CompactReport {
    pub folders: Vec<CompactedFolder>,
    pub orphans_removed: usize,
}

fn data_err<E: std::fmt::Display>(path: &str) -> impl Fn(E) -> LakeError + '_ {
    move |e| LakeError::Data {
        path: path.to_string(),
        message: e.to_string(),
    }
}

impl Lake {
    /// Rewrites the small files of each partition (and of `rejects/`) into
    /// files of about [`TARGET_ROWS`] rows. Needs the lock.
    pub fn compact(&self, lock: &LakeLock) -> Result<CompactReport, LakeError> {
        self.undo_on_error(lock, || self.compact_locked(lock))
    }

    fn compact_locked(&self, lock: &LakeLock) -> Result<CompactReport, LakeError> {
        let state = self.read_state()?;
        let orphans_removed = self.remove_orphans(&state, lock)?;
        let mut by_folder: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for f in &state.files {
            let folder = f.rsplit_once('/').map_or("", |(d, _)| d).to_string();
            by_folder.entry(folder).or_default().push(f.clone());
        }
        let run = chrono::Utc::now().format("%Y%m%dT%H%M%S%6f").to_string();
        let mut files = Vec::new();
        let mut report = CompactReport {
            orphans_removed,
            ..Default::default()
        };
        for (folder, members) in by_folder {
            let (schema, keys): (Schema, &[&str]) = if folder.starts_with("activities/") {
                (
                    activities_schema(),
                    &["unit_code", "activity_date", "submission_id", "source_row"],
                )
            } else {
                (
                    rejects_schema(),
                    &["ingested_at", "source_file", "source_row"],
                )
            };
            let sized: Vec<(String, usize)> = members
                .iter()
                .map(|f| Ok((f.clone(), self.row_count(f)?)))
                .collect::<Result<_, LakeError>>()?;
            let groups = plan(&sized);
            let merged = groups.iter().filter(|g| g.len() > 1).count();
            if merged == 0 {
                files.extend(members);
                continue;
            }
            let mut after = 0;
            for (n, group) in groups.iter().enumerate() {
                if group.len() == 1 {
                    files.push(group[0].clone());
                    after += 1;
                    continue;
                }
                let rel = format!("{folder}/part-compact-{run}-{n}.parquet");
                self.merge(group, &rel, &schema, keys)?;
                crate::fault::point("compact-file-written");
                files.push(rel);
                after += 1;
            }
            report.folders.push(CompactedFolder {
                folder,
                files_before: members.len(),
                files_after: after,
                rows: sized.iter().map(|(_, n)| n).sum(),
            });
        }
        if report.folders.is_empty() {
            return Ok(report);
        }
        crate::fault::point("compact-before-commit");
        let new_state = LakeState { files, ..state };
        ledger::write(self, &new_state)?;
        self.remove_orphans(&new_state, lock)?;
        Ok(report)
    }

    fn row_count(&self, rel: &str) -> Result<usize, LakeError> {
        let path = self.root.join(rel);
        let file = File::open(&path).map_err(io("open", &path))?;
        let builder = ParquetRecordBatchReaderBuilder::try_new(file).map_err(data_err(rel))?;
        Ok(builder.metadata().file_metadata().num_rows() as usize)
    }

    /// Reads `group`, sorts the rows by `keys` and writes them to `rel`
    /// atomically (a `.tmp` name, fsync, rename, fsync of the folder).
    fn merge(
        &self,
        group: &[String],
        rel: &str,
        schema: &Schema,
        keys: &[&str],
    ) -> Result<(), LakeError> {
        let schema = Arc::new(schema.clone());
        let mut batches = Vec::new();
        for f in group {
            let path = self.root.join(f);
            let file = File::open(&path).map_err(io("open", &path))?;
            let reader = ParquetRecordBatchReaderBuilder::try_new(file)
                .and_then(|b| b.build())
                .map_err(data_err(f))?;
            for batch in reader {
                let batch = batch.map_err(data_err(f))?;
                batches.push(conform(&batch, &schema).map_err(data_err(f))?);
            }
        }
        let arrow_err = data_err::<arrow::error::ArrowError>(rel);
        let all = concat_batches(&schema, &batches).map_err(&arrow_err)?;
        drop(batches);
        let columns: Vec<SortColumn> = keys
            .iter()
            .filter_map(|k| all.column_by_name(k))
            .map(|c| SortColumn {
                values: c.clone(),
                options: None,
            })
            .collect();
        let order = lexsort_to_indices(&columns, None).map_err(&arrow_err)?;
        let sorted = take_record_batch(&all, &order).map_err(&arrow_err)?;
        drop(all);

        let path = self.root.join(rel);
        let tmp = Path::new(&format!("{}.tmp", path.display())).to_path_buf();
        let props = WriterProperties::builder()
            .set_compression(Compression::ZSTD(ZstdLevel::default()))
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
            .set_statistics_enabled(EnabledStatistics::Page)
            .build();
        let mut file = File::create(&tmp).map_err(io("create", &tmp))?;
        let mut w = ArrowWriter::try_new(&mut file, schema, Some(props)).map_err(data_err(rel))?;
        w.write(&sorted).map_err(data_err(rel))?;
        w.close().map_err(data_err(rel))?;
        file.sync_all().map_err(io("sync", &tmp))?;
        drop(file);
        fs::rename(&tmp, &path).map_err(io("rename", &tmp))?;
        let dir = path.parent().unwrap_or(&self.root);
        File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(io("sync", dir))
    }
}

/// Groups a folder's files, in order, into runs of at most `TARGET_ROWS`
/// rows; a file already half that size or more stays as it is.
fn plan(files: &[(String, usize)]) -> Vec<Vec<String>> {
    let mut groups: Vec<Vec<String>> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut rows = 0;
    for (f, n) in files {
        if *n >= TARGET_ROWS / 2 {
            groups.push(vec![f.clone()]);
            continue;
        }
        if rows + n > TARGET_ROWS && !current.is_empty() {
            groups.push(std::mem::take(&mut current));
            rows = 0;
        }
        current.push(f.clone());
        rows += n;
    }
    if !current.is_empty() {
        groups.push(current);
    }
    groups
}

/// The batch with the lake's declared column types (whatever string layout
/// the writer of the file chose), columns in the declared order.
fn conform(batch: &RecordBatch, schema: &Arc<Schema>) -> Result<RecordBatch, String> {
    let columns: Vec<ArrayRef> = schema
        .fields()
        .iter()
        .map(|f| match batch.column_by_name(f.name()) {
            Some(col) => cast(col, f.data_type()).map_err(|e| format!("column {}: {e}", f.name())),
            // a column added to the contract after the file was written
            None if ADDED_COLUMNS.contains(&f.name().as_str()) => Ok(arrow::array::new_null_array(
                f.data_type(),
                batch.num_rows(),
            )),
            None => Err(format!("column {} is missing", f.name())),
        })
        .collect::<Result<_, String>>()?;
    RecordBatch::try_new(schema.clone(), columns).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_files_are_packed_and_big_ones_left_alone() {
        let files: Vec<(String, usize)> = [
            ("a", 300_000),
            ("b", 400_000),
            ("c", 600_000),
            ("d", 350_000),
            ("e", 100_000),
        ]
        .iter()
        .map(|(f, n)| (f.to_string(), *n))
        .collect();
        let groups = plan(&files);
        assert_eq!(
            groups,
            vec![
                vec!["c".to_string()],
                vec!["a".to_string(), "b".to_string()],
                vec!["d".to_string(), "e".to_string()]
            ]
        );
    }
}
