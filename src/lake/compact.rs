//! `compact`: many ingest runs leave many small files in a partition; this
//! rewrites them into few large ones, sorted by the columns queries filter
//! and join on, with the lake's one writer (the settings of ingested files). Every row is kept as it was
//! (supersession lives in the ledger, which only changes its file list).
//! The new files are written under names no reader picks up, fsynced and
//! renamed; the ledger's new file list is the commit; the old files are
//! removed after it (or by the next run, if this one is killed).

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use arrow::compute::concat_batches;
use arrow::datatypes::SchemaRef;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

use super::error::LakeError;
use super::layout::{Lake, LakeState};
use super::ledger;
use super::lock::LakeLock;
use super::rollup::{ROLLUP_ORDER, rollup_schema};
use super::tables::{ACTIVITIES_ORDER, REJECTS_ORDER, activities_schema, conform, rejects_schema};
use super::writer;

/// Rows per compacted file: large enough for few files, small enough that
/// sorting one file's rows stays within a few hundred MB.
pub const TARGET_ROWS: usize = 1_000_000;

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
    /// Rollup files written for a lake that had none (see [`super::rollup`]).
    pub rollup_built: usize,
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
        let mut state = self.read_state()?;
        let orphans_removed = self.remove_orphans(&state, lock)?;
        let run = Lake::run_name(
            &chrono::Utc::now().format("%Y%m%dT%H%M%S%6f").to_string(),
            lock,
        );
        // a lake written before the rollup gets it now
        let upgraded = !state.rollup;
        let mut rollup_built = 0;
        if upgraded {
            let written = self.write_missing_rollup(&state, &run)?;
            rollup_built = written.len();
            state.files.extend(written);
            state.rollup = true;
        }
        let mut by_folder: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for f in &state.files {
            let folder = f.rsplit_once('/').map_or("", |(d, _)| d).to_string();
            by_folder.entry(folder).or_default().push(f.clone());
        }
        let mut files = Vec::new();
        let mut report = CompactReport {
            orphans_removed,
            rollup_built,
            ..Default::default()
        };
        // (group of files, the file it becomes, its schema and order)
        let mut merges: Vec<(Vec<String>, String, SchemaRef, &[&str])> = Vec::new();
        for (folder, members) in by_folder {
            let (schema, order) = if folder.starts_with("activities/") {
                (activities_schema(), ACTIVITIES_ORDER)
            } else if folder.starts_with("rollup/") {
                (rollup_schema(), ROLLUP_ORDER)
            } else {
                (rejects_schema(), REJECTS_ORDER)
            };
            let sized: Vec<(String, usize)> = members
                .iter()
                .map(|f| Ok((f.clone(), self.row_count(f)?)))
                .collect::<Result<_, LakeError>>()?;
            let groups = plan(&sized);
            if groups.iter().all(|g| g.len() == 1) {
                files.extend(members);
                continue;
            }
            for (n, group) in groups.iter().enumerate() {
                if group.len() == 1 {
                    files.push(group[0].clone());
                    continue;
                }
                let rel = format!("{folder}/part-compact-{run}-{n}.parquet");
                files.push(rel.clone());
                merges.push((group.clone(), rel, schema.clone(), order));
            }
            report.folders.push(CompactedFolder {
                folder,
                files_before: members.len(),
                files_after: groups.len(),
                rows: sized.iter().map(|(_, n)| n).sum(),
            });
        }
        // the merges are independent: one per core, each holding one
        // merged file's rows
        let next = AtomicUsize::new(0);
        let workers = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(merges.len());
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..workers)
                .map(|_| {
                    scope.spawn(|| -> Result<(), LakeError> {
                        while let Some((group, rel, schema, order)) =
                            merges.get(next.fetch_add(1, Ordering::Relaxed))
                        {
                            self.merge(group, rel, schema, order)?;
                            crate::fault::point("compact-file-written");
                        }
                        Ok(())
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
                .collect::<Result<Vec<()>, LakeError>>()
        })?;
        if report.folders.is_empty() && !upgraded {
            return Ok(report);
        }
        crate::fault::point("compact-before-commit");
        let outputs: Vec<(&[String], &str)> = merges
            .iter()
            .map(|(group, rel, _, _)| (group.as_slice(), rel.as_str()))
            .collect();
        let mut new_state = LakeState {
            files,
            version: state.version + 1,
            ..state
        };
        for attempt in 1.. {
            if self.remote.is_some() {
                let now = chrono::Utc::now().timestamp();
                for (group, _) in &outputs {
                    for f in group.iter() {
                        new_state.retired.insert(f.clone(), now);
                    }
                }
            }
            if ledger::write(self, &new_state)? {
                break;
            }
            // another writer committed first: compact on top of its commit
            // if it left the merged files as they were
            let base = self.read_state()?;
            let present: std::collections::HashSet<&str> =
                base.files.iter().map(String::as_str).collect();
            let intact = outputs
                .iter()
                .all(|(group, _)| group.iter().all(|f| present.contains(f.as_str())));
            if !intact || upgraded || attempt >= 30 {
                for (_, rel) in &outputs {
                    self.remove_file(rel)?;
                }
                return Err(LakeError::Contended {
                    lake: self.root.display().to_string(),
                    attempts: attempt,
                });
            }
            tracing::info!("{}", crate::msg!("lake-lost-race"));
            let mut files = Vec::new();
            for f in &base.files {
                match outputs.iter().find(|(group, _)| group.contains(f)) {
                    Some((group, rel)) if &group[0] == f => files.push(rel.to_string()),
                    Some(_) => {}
                    None => files.push(f.clone()),
                }
            }
            new_state = LakeState {
                files,
                version: base.version + 1,
                ..base
            };
        }
        self.remove_orphans(&new_state, lock)?;
        Ok(report)
    }

    fn row_count(&self, rel: &str) -> Result<usize, LakeError> {
        let file = self.open_file(rel)?;
        let builder = ParquetRecordBatchReaderBuilder::try_new(file).map_err(data_err(rel))?;
        Ok(builder.metadata().file_metadata().num_rows() as usize)
    }

    /// Reads `group`, sorts the rows by `order` and writes them to `rel`
    /// with the lake's one writer.
    fn merge(
        &self,
        group: &[String],
        rel: &str,
        schema: &SchemaRef,
        order: &[&str],
    ) -> Result<(), LakeError> {
        let mut batches = Vec::new();
        for f in group {
            let file = self.open_file(f)?;
            let reader = ParquetRecordBatchReaderBuilder::try_new(file)
                .and_then(|b| b.build())
                .map_err(data_err(f))?;
            for batch in reader {
                let batch = batch.map_err(data_err(f))?;
                batches.push(conform(&batch, schema).map_err(data_err(f))?);
            }
        }
        let arrow_err = data_err::<arrow::error::ArrowError>(rel);
        let all = concat_batches(schema, &batches).map_err(&arrow_err)?;
        drop(batches);
        let indices = writer::sort_order(&all, order).map_err(&arrow_err)?;
        self.put_file(rel, schema.clone(), writer::in_order(&all, &indices))
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
