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
use super::remote::{GRACE_SECS, Remote};
use super::rollup;
use super::tables::{self, SubmissionRecord};
use super::writer;

fn arrow_err(rel: &str) -> impl Fn(arrow::error::ArrowError) -> LakeError + '_ {
    move |e| LakeError::Data {
        path: rel.to_string(),
        message: e.to_string(),
    }
}

/// How many times a writer on object storage tries the next ledger version
/// before it gives up ([`LakeError::Contended`]).
const COMMIT_ATTEMPTS: usize = 30;

impl Lake {
    /// Removes data files no commit lists: those a crashed run left behind
    /// (temporary files, files written before the ledger) and those a
    /// compaction replaced. Needs the lock. While readers hold snapshots
    /// that may list the replaced files nothing is removed (the files are
    /// invisible to later readers anyway); a later run removes them. On
    /// object storage see [`Lake::remove_remote_orphans`].
    pub fn remove_orphans(&self, state: &LakeState, _lock: &LakeLock) -> Result<usize, LakeError> {
        if let Some(remote) = &self.remote {
            return self.remove_remote_orphans(remote, state);
        }
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

    /// On object storage, removes the data files no ledger version lists
    /// and no live run is writing (a killed run's), the files a compaction
    /// replaced more than [`GRACE_SECS`] ago, and the ledger versions that
    /// have not been the latest for as long; and puts the latest version's
    /// plain copy in place again (a run may have been killed before it). The leases are listed first,
    /// then the files, then the latest version is read, so a file a run
    /// committed and then released is always seen committed.
    fn remove_remote_orphans(
        &self,
        remote: &Remote,
        _state: &LakeState,
    ) -> Result<usize, LakeError> {
        let live = remote.live_runs()?;
        let mut candidates = Vec::new();
        for dir in DATA_FOLDERS {
            candidates.extend(remote.list(dir)?);
        }
        let latest = self.read_state()?;
        let now = chrono::Utc::now().timestamp();
        let committed: HashSet<&str> = latest.files.iter().map(String::as_str).collect();
        let mut removed = 0;
        for meta in candidates {
            let rel = remote.rel(&meta.location);
            let name = meta.location.filename().unwrap_or("");
            let kept = committed.contains(rel.as_str())
                || !name.starts_with("part-")
                || live.iter().any(|t| name.contains(t.as_str()))
                || latest
                    .retired
                    .get(&rel)
                    .is_some_and(|t| now - t < GRACE_SECS);
            if !kept {
                remote.delete(&rel)?;
                removed += 1;
            }
        }
        for (version, meta) in remote.ledger_versions()? {
            if version < latest.version && now - meta.last_modified.timestamp() >= GRACE_SECS {
                remote.delete(&remote.rel(&meta.location))?;
            }
        }
        ledger::republish_copy(remote)?;
        Ok(removed)
    }

    /// Writes a run's data files, then the ledger: the commit. A failed
    /// write (a full disk, a folder turned read-only) leaves the lake as
    /// the last commit left it: the files this commit wrote are removed
    /// again. On object storage, a commit another writer beat is tried
    /// again on top of that writer's (see [`super::remote`]).
    pub fn commit(
        &self,
        state: &LakeState,
        batch: Batch,
        lock: &LakeLock,
    ) -> Result<LakeState, LakeError> {
        self.undo_on_error(lock, || self.write_commit(state, batch, lock))
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

    /// Writes `rel` with the lake's one writer: locally atomically (see
    /// [`writer::write_file`]), on object storage as one upload.
    pub(super) fn put_file<I>(
        &self,
        rel: &str,
        schema: arrow::datatypes::SchemaRef,
        batches: I,
    ) -> Result<(), LakeError>
    where
        I: IntoIterator<Item = Result<arrow::array::RecordBatch, arrow::error::ArrowError>>,
    {
        match &self.remote {
            None => writer::write_file(&self.root, rel, schema, batches, vec![], None),
            Some(remote) => {
                let bytes = writer::encode(rel, schema, batches, vec![])?;
                remote.put(rel, bytes, false).map(|_| ())
            }
        }
    }

    /// Removes the data file `rel` (nothing if it is gone).
    pub(super) fn remove_file(&self, rel: &str) -> Result<(), LakeError> {
        match &self.remote {
            None => {
                let path = self.root.join(rel);
                match fs::remove_file(&path) {
                    Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                        Err(io("remove", &path)(e))
                    }
                    _ => Ok(()),
                }
            }
            Some(remote) => remote.delete(rel),
        }
    }

    /// The name a run's files carry: its id, and on object storage its
    /// lease's token (see [`Lake::remove_remote_orphans`]).
    pub(super) fn run_name(run_id: &str, lock: &LakeLock) -> String {
        match lock.token() {
            Some(token) => format!("{run_id}-{token}"),
            None => run_id.to_string(),
        }
    }

    fn write_commit(
        &self,
        state: &LakeState,
        mut batch: Batch,
        lock: &LakeLock,
    ) -> Result<LakeState, LakeError> {
        let run = Lake::run_name(&batch.run_id, lock);
        if let Some(lease) = lock.lease() {
            // each batch says the run is alive, so a long ingest's files
            // are never taken for a dead run's
            lease.renew()?;
        }
        let mut base = state.clone();
        let mut upgrade = if base.rollup {
            Vec::new()
        } else {
            self.write_missing_rollup(&base, &run)?
        };
        // on object storage `state` may hold what other writers committed
        // since this run read the lake: the same files, ingested there
        let mut kept_theirs = drop_committed(&mut batch, &base);
        // the run's items by year partition, in place (not copied)
        batch
            .activities
            .sort_by_key(|a| a.activity.activity_date.year());
        let mut written = self.write_batch(&batch, &run)?;
        crate::fault::point("commit-data-written");
        for attempt in 1.. {
            if batch.submissions.is_empty()
                && batch.rejects.is_empty()
                && upgrade.is_empty()
                && base.rollup
            {
                // everything was committed by others meanwhile
                return Ok(LakeState {
                    kept_theirs,
                    ..base
                });
            }
            let mut submissions = base.submissions.clone();
            submissions.extend(batch.submissions.iter().cloned());
            mark_superseded(&mut submissions);
            crate::fault::point("commit-superseded-marked");
            let mut refused_files = base.refused_files.clone();
            refused_files.extend(
                batch
                    .rejects
                    .iter()
                    .filter(|r| r.source_row.is_none())
                    .map(|r| (r.submission_id.clone(), r.reason_code.code().to_string())),
            );
            let mut files = base.files.clone();
            files.extend(upgrade.iter().cloned());
            files.extend(written.iter().cloned());
            let new_state = LakeState {
                submissions,
                files,
                refused_files,
                rollup: true,
                version: base.version + 1,
                retired: base.retired.clone(),
                kept_theirs: kept_theirs.clone(),
            };
            if ledger::write(self, &new_state)? {
                return Ok(new_state);
            }
            // another writer committed this version first
            if attempt >= COMMIT_ATTEMPTS {
                return Err(LakeError::Contended {
                    lake: self.root.display().to_string(),
                    attempts: attempt,
                });
            }
            tracing::info!("{}", crate::msg!("lake-lost-race"));
            if let Some(lease) = lock.lease() {
                lease.renew()?;
            }
            std::thread::sleep(std::time::Duration::from_millis(
                20 * attempt as u64 + u64::from(std::process::id() % 17),
            ));
            base = self.read_state()?;
            if base.rollup {
                for f in upgrade.drain(..) {
                    self.remove_file(&f)?;
                }
            }
            let dropped = drop_committed(&mut batch, &base);
            if !dropped.is_empty() {
                kept_theirs.extend(dropped);
                for f in written.drain(..) {
                    self.remove_file(&f)?;
                }
                written = self.write_batch(&batch, &format!("{run}-a{attempt}"))?;
            }
        }
        unreachable!("the commit loop returns")
    }

    /// Writes `batch`'s data files (its items sorted by year), named after
    /// `run`: per year an activities file and its rollup, and one file of
    /// refusals. Returns their paths inside the lake.
    fn write_batch(&self, batch: &Batch, run: &str) -> Result<Vec<String>, LakeError> {
        let mut files = Vec::new();
        for rows in batch
            .activities
            .chunk_by(|a, b| a.activity.activity_date.year() == b.activity.activity_date.year())
        {
            let year = rows[0].activity.activity_date.year();
            let rel = format!("activities/year={year}/part-{run}.parquet");
            let data = tables::activities_batch(rows).map_err(arrow_err(&rel))?;
            let order =
                writer::sort_order(&data, tables::ACTIVITIES_ORDER).map_err(arrow_err(&rel))?;
            self.put_file(&rel, data.schema(), writer::in_order(&data, &order))?;
            files.push(rel);
            let rel = format!("rollup/year={year}/part-{run}.parquet");
            self.write_rollup(&rel, &[data])?;
            files.push(rel);
        }
        if !batch.rejects.is_empty() {
            // in the order they were read: file by file, row by row
            let rel = format!("rejects/part-{run}.parquet");
            let data = tables::rejects_batch(&batch.rejects);
            self.put_file(&rel, tables::rejects_schema(), [data])?;
            files.push(rel);
        }
        Ok(files)
    }
}

/// Drops from `batch` what the commit `base` already holds (the same bytes
/// ingested by another writer meanwhile, a whole-file refusal already
/// recorded). Returns the submissions dropped (the files of a refusal
/// dropped, too); when there are any, the batch's files must be written
/// again.
fn drop_committed(batch: &mut Batch, base: &LakeState) -> Vec<String> {
    let known: HashSet<&str> = base
        .submissions
        .iter()
        .map(|s| s.submission_id.as_str())
        .collect();
    let before = (batch.submissions.len(), batch.rejects.len());
    let mut dropped: Vec<String> = batch
        .submissions
        .iter()
        .filter(|s| known.contains(s.submission_id.as_str()))
        .map(|s| s.submission_id.clone())
        .collect();
    batch
        .submissions
        .retain(|s| !known.contains(s.submission_id.as_str()));
    batch
        .activities
        .retain(|a| !known.contains(a.submission_id.as_str()));
    batch.rejects.retain(|r| {
        let refused_there = r.source_row.is_none()
            && base
                .refused_files
                .contains(&(r.submission_id.clone(), r.reason_code.code().to_string()));
        if refused_there {
            dropped.push(r.submission_id.clone());
        }
        !known.contains(r.submission_id.as_str()) && !refused_there
    });
    if before != (batch.submissions.len(), batch.rejects.len()) {
        tracing::info!("{}", crate::msg!("lake-kept-theirs", n = dropped.len()));
    }
    dropped
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
        self.put_file(rel, data.schema(), writer::in_order(&data, &order))
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
        let bad = |e: &dyn std::fmt::Display| LakeError::Data {
            path: rel.to_string(),
            message: e.to_string(),
        };
        let file = self.open_file(rel)?;
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
