//! A run's commit: its data files written (one per year partition, sorted
//! as [`tables::ACTIVITIES_ORDER`] says), then the ledger replaced with the
//! new submissions, supersession marked and the new file list. Files no
//! commit lists (a crashed run's, a compaction's replaced ones) are removed
//! when no reader can still be reading them.

use std::collections::HashSet;
use std::fs;

use chrono::Datelike;

use crate::domain::{Period, UnitCode};

use super::error::{LakeError, io};
use super::layout::{Batch, DATA_FOLDERS, LEDGER, Lake, LakeState, relative, walk};
use super::ledger;
use super::lock::LakeLock;
use super::rollup;
use super::tables::{self, ActivityRecord, SubmissionRecord};
use super::writer;

fn arrow_err(rel: &str) -> impl Fn(arrow::error::ArrowError) -> LakeError + '_ {
    move |e| LakeError::Data {
        path: rel.to_string(),
        message: e.to_string(),
    }
}

impl Lake {
    /// Removes data files no commit lists: those a crashed run left behind
    /// (temporary files, files written before the ledger) and those a
    /// compaction replaced. Needs the lock. While readers hold snapshots
    /// that may list the replaced files nothing is removed (the files are
    /// invisible to later readers anyway); a later run removes them.
    pub fn remove_orphans(&self, state: &LakeState, _lock: &LakeLock) -> Result<usize, LakeError> {
        let Some(_no_readers) = self.no_readers()? else {
            tracing::debug!("readers are open; leaving files no commit lists to a later run");
            return Ok(0);
        };
        let committed: HashSet<&str> = state.files.iter().map(String::as_str).collect();
        let mut removed = 0;
        for dir in DATA_FOLDERS.iter().chain(&["submissions"]) {
            for path in walk(&self.root.join(dir))? {
                let rel = relative(&self.root, &path);
                let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
                let ours = name.starts_with("part-") || name.ends_with(".tmp");
                if ours && rel != LEDGER && !committed.contains(rel.as_str()) {
                    fs::remove_file(&path).map_err(io("remove", &path))?;
                    removed += 1;
                }
            }
        }
        Ok(removed)
    }

    /// Writes a run's data files, then replaces the ledger: the commit.
    /// A failed write (a full disk, a folder turned read-only) leaves the
    /// lake as the last commit left it: the files this commit wrote are
    /// removed again.
    pub fn commit(
        &self,
        state: &LakeState,
        batch: Batch,
        lock: &LakeLock,
    ) -> Result<LakeState, LakeError> {
        self.undo_on_error(lock, || self.write_commit(state, batch))
    }

    /// Runs `write`; if it fails, removes whatever it wrote that the ledger
    /// on disk does not list (best effort: a later run removes the rest),
    /// and returns its error.
    pub(crate) fn undo_on_error<T>(
        &self,
        lock: &LakeLock,
        write: impl FnOnce() -> Result<T, LakeError>,
    ) -> Result<T, LakeError> {
        let result = write();
        if result.is_err()
            && let Ok(now) = self.read_state()
        {
            let _ = self.remove_orphans(&now, lock);
        }
        result
    }

    fn write_commit(&self, state: &LakeState, batch: Batch) -> Result<LakeState, LakeError> {
        let mut files = state.files.clone();
        if !state.rollup {
            files.extend(self.write_missing_rollup(state, &batch.run_id)?);
        }
        // the run's items by year partition, moved (not copied)
        let mut by_year: std::collections::BTreeMap<i32, Vec<ActivityRecord>> = Default::default();
        for a in batch.activities {
            by_year
                .entry(a.activity.activity_date.year())
                .or_default()
                .push(a);
        }
        for (year, rows) in by_year {
            let rel = format!("activities/year={year}/part-{}.parquet", batch.run_id);
            let data = tables::activities_batch(&rows).map_err(arrow_err(&rel))?;
            drop(rows);
            let order =
                writer::sort_order(&data, tables::ACTIVITIES_ORDER).map_err(arrow_err(&rel))?;
            writer::write_file(
                &self.root,
                &rel,
                data.schema(),
                writer::in_order(&data, &order),
                vec![],
                None,
            )?;
            files.push(rel);
            let rel = format!("rollup/year={year}/part-{}.parquet", batch.run_id);
            self.write_rollup(&rel, &[data])?;
            files.push(rel);
        }
        if !batch.rejects.is_empty() {
            // in the order they were read: file by file, row by row
            let rel = format!("rejects/part-{}.parquet", batch.run_id);
            let data = tables::rejects_batch(&batch.rejects);
            writer::write_file(
                &self.root,
                &rel,
                tables::rejects_schema(),
                [data],
                vec![],
                None,
            )?;
            files.push(rel);
        }
        crate::fault::point("commit-data-written");
        let mut submissions = state.submissions.clone();
        submissions.extend(batch.submissions);
        mark_superseded(&mut submissions);
        crate::fault::point("commit-superseded-marked");
        let mut refused_files = state.refused_files.clone();
        refused_files.extend(
            batch
                .rejects
                .iter()
                .filter(|r| r.source_row.is_none())
                .map(|r| (r.submission_id.clone(), r.reason_code.code().to_string())),
        );
        let new_state = LakeState {
            submissions,
            files,
            refused_files,
            rollup: true,
        };
        ledger::write(self, &new_state)?;
        Ok(new_state)
    }
}

impl Lake {
    /// Writes the rollup of `activities` batches as the data file `rel`.
    pub(super) fn write_rollup(
        &self,
        rel: &str,
        activities: &[arrow::array::RecordBatch],
    ) -> Result<(), LakeError> {
        let data = rollup::rollup_batch(activities).map_err(arrow_err(rel))?;
        let order = writer::sort_order(&data, rollup::ROLLUP_ORDER).map_err(arrow_err(rel))?;
        writer::write_file(
            &self.root,
            rel,
            data.schema(),
            writer::in_order(&data, &order),
            vec![],
            None,
        )
    }

    /// For a lake written before the rollup: the rollup of every committed
    /// activities file, one rollup file each (named after `run`), returned
    /// for the commit's file list.
    pub(super) fn write_missing_rollup(
        &self,
        state: &LakeState,
        run: &str,
    ) -> Result<Vec<String>, LakeError> {
        let mut written = Vec::new();
        let sources: Vec<&String> = state
            .files
            .iter()
            .filter(|f| f.starts_with("activities/"))
            .collect();
        if !sources.is_empty() {
            tracing::info!("{}", crate::msg!("lake-building-rollup", n = sources.len()));
        }
        for (n, f) in sources.into_iter().enumerate() {
            let Some((folder, _)) = f.rsplit_once('/') else {
                continue;
            };
            let year = folder.trim_start_matches("activities/");
            let batches = self.read_data_file(f)?;
            let rel = format!("rollup/{year}/part-{run}-rollup-{n}.parquet");
            self.write_rollup(&rel, &batches)?;
            written.push(rel);
        }
        Ok(written)
    }

    /// Every row of a committed data file.
    pub(super) fn read_data_file(
        &self,
        rel: &str,
    ) -> Result<Vec<arrow::array::RecordBatch>, LakeError> {
        use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
        let path = self.root.join(rel);
        let bad = |e: &dyn std::fmt::Display| LakeError::Data {
            path: rel.to_string(),
            message: e.to_string(),
        };
        let file = fs::File::open(&path).map_err(io("open", &path))?;
        let reader = ParquetRecordBatchReaderBuilder::try_new(file)
            .and_then(|b| b.build())
            .map_err(|e| bad(&e))?;
        reader.map(|b| b.map_err(|e| bad(&e))).collect()
    }
}

/// For each unit and period, the submission with the latest `received_at`
/// (the later ingested on a tie) is current; the others point to it.
pub fn mark_superseded(subs: &mut [SubmissionRecord]) {
    use std::collections::HashMap;
    let mut current: HashMap<(UnitCode, Period), usize> = HashMap::new();
    for (i, s) in subs.iter().enumerate() {
        let key = (s.unit_code.clone(), s.period);
        match current.get(&key) {
            Some(&j) if subs[j].received_at > s.received_at => {}
            _ => {
                current.insert(key, i);
            }
        }
    }
    let ids: Vec<String> = subs.iter().map(|s| s.submission_id.clone()).collect();
    for s in subs.iter_mut() {
        let cur = current[&(s.unit_code.clone(), s.period)];
        s.superseded_by = (ids[cur] != s.submission_id).then(|| ids[cur].clone());
    }
}
