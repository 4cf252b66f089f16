//! A run: files read, hashed and (unless already in the lake) parsed on
//! every core a chunk at a time, each through its reader and the one
//! normaliser; their outcomes applied in path order; batches handed to a
//! writer thread that commits them while reading goes on.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::{NaiveDateTime, Utc};
use sha2::{Digest, Sha256};

use super::error::IngestError;
use super::guard;
use super::inbox::{Inbox, chunks, expand_paths, file_date};
use super::limits::{self, MAX_FILE_BYTES};
use super::normalise::{self, Overrides};
use super::reason::{Problem, ReasonCode};
use super::report::{self, FileReport, FileStatus, IngestReport};
use super::sniff::{Format, sniff};
use crate::lake::{
    ActivityRecord, Batch, Lake, LakeError, LakeState, RejectRecord, SubmissionRecord,
};
use crate::reference::Reference;

/// How to run an ingest.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    pub overrides: Overrides,
    /// Validate and report, write nothing.
    pub dry_run: bool,
    /// Fail at once instead of waiting when another run holds the lock.
    pub no_wait: bool,
    /// Commit every time this many items have accumulated; 0 means
    /// [`BATCH_ITEMS`].
    pub batch_items: usize,
    /// Refuse files larger than this, unread; 0 means [`MAX_FILE_BYTES`].
    pub max_file_bytes: u64,
}

/// The outcome of reading one file, before the lake is touched.
enum Outcome {
    Accepted {
        sub: SubmissionRecord,
        activities: Vec<ActivityRecord>,
        rejects: Vec<RejectRecord>,
        ignored: usize,
        headings: usize,
        detail: String,
        notes: Vec<String>,
    },
    Refused {
        reject: RejectRecord,
    },
}

/// What one file's bytes become, without the lake: how many rows would be
/// accepted and refused, or why the whole file would be refused. The same
/// path as `ingest` (format by extension and first bytes, the reader, the
/// normaliser); used by the fuzz targets and their regression test.
pub fn read_bytes(
    file_name: &str,
    bytes: &[u8],
    reference: &Reference,
) -> Result<(usize, usize), String> {
    let id = hex::encode(Sha256::digest(bytes));
    let now = NaiveDateTime::default();
    match process(
        Path::new(file_name),
        bytes,
        &id,
        now,
        reference,
        &IngestOptions::default(),
    ) {
        Outcome::Accepted {
            activities,
            rejects,
            ..
        } => Ok((activities.len(), rejects.len())),
        Outcome::Refused { reject } => Err(reject.reason),
    }
}

/// A file refused whole, with why.
fn refused(path: &Path, size: u64, id: &str, now: NaiveDateTime, problem: Problem) -> Outcome {
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    Outcome::Refused {
        reject: RejectRecord {
            submission_id: id.to_string(),
            source_file: path.display().to_string(),
            source_row: None,
            raw: {
                let mut raw = serde_json::json!({ "file_name": file_name, "size_bytes": size });
                if let (Some(detail), Some(map)) = (problem.detail.clone(), raw.as_object_mut()) {
                    map.insert("detail".into(), *detail);
                }
                raw.to_string()
            },
            reason: crate::text::sentence(&problem.text()),
            reason_args: Some(serde_json::json!([problem.msg]).to_string()),
            reason_code: problem.code,
            ingested_at: now,
        },
    }
}

/// The start of the reason a file is refused for when its reader panicked,
/// as it is said in English (`ingest-reader-stopped`).
pub const READER_STOPPED: &str = "The file could not be read: the reader stopped on it";

/// Reads, validates and normalises one file; a reader that panics on it
/// refuses the file instead of stopping the run.
fn process(
    path: &Path,
    bytes: &[u8],
    id: &str,
    now: NaiveDateTime,
    reference: &Reference,
    opts: &IngestOptions,
) -> Outcome {
    guard::guarded(|| read_and_normalise(path, bytes, id, now, reference, opts)).unwrap_or_else(
        |p| {
            let reason = crate::msg!(
                "ingest-reader-stopped",
                panic = p.message,
                location = p.location
            );
            let problem = Problem::new(ReasonCode::FileReaderStopped, reason);
            refused(path, bytes.len() as u64, id, now, problem)
        },
    )
}

fn read_and_normalise(
    path: &Path,
    bytes: &[u8],
    id: &str,
    now: NaiveDateTime,
    reference: &Reference,
    opts: &IngestOptions,
) -> Outcome {
    let source_file = path.display().to_string();
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let refuse = |problem: Problem| refused(path, bytes.len() as u64, id, now, problem);
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let (format, read) = match sniff(&ext, bytes) {
        Ok(f) => f,
        Err(reason) => return refuse(reason),
    };
    let mut out = match read(bytes) {
        Ok(out) => out,
        Err(problem) => return refuse(problem),
    };
    if Format::named(&ext) != Some(format) {
        out.notes.insert(
            0,
            crate::msg!(
                "ingest-named-as",
                ext = ext.as_str(),
                format = format.describe()
            )
            .to_string(),
        );
    }
    let modified = file_date(path);
    let mut n =
        match normalise::normalise(&out, &file_name, id, modified, &opts.overrides, reference) {
            Ok(n) => n,
            Err(problem) => return refuse(problem),
        };
    let format = match format {
        Format::Json if out.detail == "NDJSON" => Format::Ndjson,
        f => f,
    }
    .as_str();
    let sub = SubmissionRecord {
        submission_id: id.to_string(),
        unit_code: n.unit.clone(),
        period: n.period,
        received_at: n.received_at,
        source_file: source_file.clone(),
        format: format.to_string(),
        rows_read: n.rows_read() as i64,
        rows_accepted: n.activities.len() as i64,
        rows_rejected: n.refusals.len() as i64,
        superseded_by: None,
        ingested_at: now,
        file_totals: std::mem::take(&mut n.totals),
    };
    let activities = n
        .activities
        .into_iter()
        .map(|activity| ActivityRecord {
            submission_id: id.to_string(),
            unit_code: n.unit.clone(),
            activity,
        })
        .collect();
    let rejects = n
        .refusals
        .into_iter()
        .map(|r| RejectRecord {
            submission_id: id.to_string(),
            source_file: source_file.clone(),
            source_row: r.source_row,
            raw: r.raw,
            reason: r.reason,
            reason_args: Some(serde_json::to_string(&r.reason_args).unwrap_or_default()),
            reason_code: r.code,
            ingested_at: now,
        })
        .collect();
    Outcome::Accepted {
        sub,
        activities,
        rejects,
        ignored: n.ignored_rows,
        headings: n.headings,
        // the format first, as the bytes are (a web export named .xls is html)
        detail: if out.detail.to_lowercase().starts_with(format) {
            out.detail
        } else {
            format!("{format}, {}", out.detail)
        },
        notes: n.notes,
    }
}

/// Items held in memory before they are committed: a run commits every
/// time this many accepted items have accumulated (and at the end), so its
/// memory is bounded by one batch, not by the number of files.
pub const BATCH_ITEMS: usize = 250_000;

/// ... or this many bytes of files, whichever comes first.
const CHUNK_BYTES: u64 = 16 << 20;

/// One file as a worker left it.
enum Read {
    /// Already in the lake: not parsed again.
    Known(String),
    New(String, Box<Outcome>),
}

/// Reads, hashes and (unless already in the lake) parses `files` on every
/// core; the answers come back in the order of `files`.
fn read_chunk(
    files: &[PathBuf],
    known: &HashMap<String, (String, String)>,
    now: NaiveDateTime,
    reference: &Reference,
    opts: &IngestOptions,
) -> Result<Vec<Read>, IngestError> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let max_bytes = match opts.max_file_bytes {
        0 => MAX_FILE_BYTES,
        n => n,
    };
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let work = || -> Result<Vec<(usize, Read)>, IngestError> {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(path) = files.get(i) else {
                return Ok(done);
            };
            let unreadable = |error| IngestError::Unreadable {
                path: path.display().to_string(),
                error,
            };
            let size = std::fs::metadata(path).map_err(unreadable)?.len();
            let read = if size > max_bytes {
                // hashed as it streams by, never held in memory
                let mut hasher = Sha256::new();
                std::io::copy(
                    &mut std::fs::File::open(path).map_err(unreadable)?,
                    &mut hasher,
                )
                .map_err(unreadable)?;
                let id = hex::encode(hasher.finalize());
                let problem = Problem::new(
                    ReasonCode::FileTooBig,
                    limits::file_too_big(size, max_bytes),
                );
                Read::New(id.clone(), Box::new(refused(path, size, &id, now, problem)))
            } else {
                let bytes = std::fs::read(path).map_err(unreadable)?;
                let id = hex::encode(Sha256::digest(&bytes));
                if known.contains_key(&id) {
                    Read::Known(id)
                } else {
                    let outcome = process(path, &bytes, &id, now, reference, opts);
                    Read::New(id, Box::new(outcome))
                }
            };
            done.push((i, read));
        }
    };
    let mut all: Vec<(usize, Read)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers).map(|_| scope.spawn(work)).collect();
        let mut all = Vec::new();
        for h in handles {
            match h.join() {
                Ok(part) => all.extend(part?),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        Ok::<_, IngestError>(all)
    })?;
    all.sort_by_key(|(i, _)| *i);
    Ok(all.into_iter().map(|(_, r)| r).collect())
}

/// What the reading side of a run needs to know.
struct RunContext<'a> {
    before: &'a LakeState,
    known: HashMap<String, (String, String)>,
    now: NaiveDateTime,
    reference: &'a Reference,
    opts: &'a IngestOptions,
    batch_items: usize,
}

/// Ingests files and folders into the lake (or, with `dry_run`, only says
/// what would happen). `progress` is called as files are read.
///
/// Files are read and parsed on every core, a chunk at a time; each time
/// about `batch_items` items have accumulated, the batch goes to a writer
/// thread that commits it while reading goes on (at most one batch waits),
/// so memory holds about two batches, whatever the number of files.
pub fn ingest(
    paths: &[PathBuf],
    lake: &Lake,
    reference: &Reference,
    opts: &IngestOptions,
    mut progress: impl FnMut(usize, usize, &Path),
) -> Result<IngestReport, IngestError> {
    let Inbox { files, skipped } = expand_paths(paths, &lake.root)?;
    let lock = if opts.dry_run {
        None
    } else {
        Some(lake.lock(!opts.no_wait)?)
    };
    let before = lake.read_state()?;
    let orphans_removed = match &lock {
        Some(lock) => lake.remove_orphans(&before, lock)?,
        None => 0,
    };
    let now = Utc::now().naive_utc();
    let run_id = format!("{}-{}", now.format("%Y%m%dT%H%M%S%6f"), std::process::id());
    let ctx = RunContext {
        before: &before,
        known: before
            .submissions
            .iter()
            .map(|s| {
                (
                    s.submission_id.clone(),
                    (s.unit_code.0.clone(), s.period.to_string()),
                )
            })
            .collect(),
        now,
        reference,
        opts,
        batch_items: if opts.batch_items == 0 {
            BATCH_ITEMS
        } else {
            opts.batch_items
        },
    };
    let mut report = IngestReport {
        dry_run: opts.dry_run,
        orphans_removed,
        skipped: skipped
            .iter()
            .map(|(p, why)| (report::shown(p), *why))
            .collect(),
        ..Default::default()
    };
    let after = match &lock {
        None => {
            // dry run: what the ledger would say
            let batch = read_files(&files, &ctx, &mut report, &mut progress, |_| true)?;
            let mut state = before.clone();
            state.submissions.extend(batch.submissions);
            crate::lake::mark_superseded(&mut state.submissions);
            state
        }
        Some(lock) => std::thread::scope(|scope| {
            let (tx, rx) = std::sync::mpsc::sync_channel::<Batch>(1);
            let start = before.clone();
            let run_id = &run_id;
            let writer = scope.spawn(
                move || -> Result<(LakeState, bool, Vec<String>), LakeError> {
                    let mut state = start;
                    let mut n = 0;
                    // on object storage: files another run committed meanwhile
                    let mut theirs = Vec::new();
                    for mut batch in rx {
                        batch.run_id = format!("{run_id}-{n}");
                        state = lake.commit(&state, batch, lock)?;
                        theirs.append(&mut state.kept_theirs);
                        crate::fault::point("ingest-batch-committed");
                        n += 1;
                    }
                    Ok((state, n > 0, theirs))
                },
            );
            let read = read_files(&files, &ctx, &mut report, &mut progress, |batch| {
                tx.send(batch).is_ok()
            })
            .map(|batch| {
                if !batch.submissions.is_empty() || !batch.rejects.is_empty() {
                    // a closed channel means the writer failed: join says why
                    let _ = tx.send(batch);
                }
            });
            drop(tx);
            let (state, committed, theirs) = writer
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
            read?;
            report.committed = committed;
            report.kept_theirs(&theirs);
            Ok::<_, IngestError>(state)
        })?,
    };
    report.note_supersession(&before, &after);
    Ok(report)
}

/// Reads `files` a chunk at a time, hands each full batch to `flush` (which
/// says false when the writer has stopped) and returns the last, partial
/// batch.
fn read_files(
    files: &[PathBuf],
    ctx: &RunContext,
    report: &mut IngestReport,
    progress: &mut impl FnMut(usize, usize, &Path),
    mut flush: impl FnMut(Batch) -> bool,
) -> Result<Batch, IngestError> {
    let mut seen: HashSet<String> = HashSet::new();
    let mut batch = Batch::default();
    let mut done = 0;
    // no item takes less than 64 bytes in a file: a chunk holds at most
    // about a batch, so small batches commit often
    let chunk_bytes = CHUNK_BYTES.min((ctx.batch_items as u64).saturating_mul(64));
    for chunk in chunks(files, chunk_bytes) {
        progress(done, files.len(), &chunk[0]);
        done += chunk.len();
        let reads = read_chunk(chunk, &ctx.known, ctx.now, ctx.reference, ctx.opts)?;
        for (path, read) in chunk.iter().zip(reads) {
            let mut fr = FileReport::new(path);
            let (id, outcome) = match read {
                Read::Known(id) => {
                    let (unit, period) = &ctx.known[&id];
                    fr.unit = Some(unit.clone());
                    fr.period = Some(period.clone());
                    fr.status = FileStatus::AlreadyIngested;
                    report.files.push(fr);
                    continue;
                }
                Read::New(id, outcome) => (id, *outcome),
            };
            if !seen.insert(id.clone()) {
                fr.status = FileStatus::Duplicate;
                report.files.push(fr);
                continue;
            }
            match outcome {
                Outcome::Refused { reject } => {
                    let again = ctx.before.refused_files.contains(&(
                        reject.submission_id.clone(),
                        reject.reason_code.code().to_string(),
                    ));
                    fr.status = if again {
                        FileStatus::AlreadyRefused(reject.reason.clone())
                    } else {
                        FileStatus::Refused(reject.reason.clone())
                    };
                    if !again {
                        batch.rejects.push(reject);
                    }
                }
                Outcome::Accepted {
                    sub,
                    activities,
                    rejects,
                    ignored,
                    headings,
                    detail,
                    notes,
                } => {
                    fr.unit = Some(sub.unit_code.0.clone());
                    fr.period = Some(sub.period.to_string());
                    fr.detail = detail;
                    fr.notes = notes;
                    fr.headings = headings;
                    fr.rows_accepted = sub.rows_accepted as usize;
                    fr.rows_refused = sub.rows_rejected as usize;
                    fr.ignored = ignored;
                    fr.reasons = rejects
                        .iter()
                        .map(|r| (r.source_row, r.reason.clone()))
                        .collect();
                    fr.submission_id = Some(id.clone());
                    fr.status = FileStatus::Ingested;
                    batch.submissions.push(sub);
                    batch.activities.extend(activities);
                    batch.rejects.extend(rejects);
                }
            }
            report.files.push(fr);
        }
        if !ctx.opts.dry_run
            && batch.activities.len() >= ctx.batch_items
            && !flush(std::mem::take(&mut batch))
        {
            return Ok(Batch::default());
        }
    }
    progress(files.len(), files.len(), Path::new(""));
    Ok(batch)
}
