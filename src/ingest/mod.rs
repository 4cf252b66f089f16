//! `ingest`: submitted report files become rows in the lake. Each file goes
//! through one reader (by format), then the one normaliser, on every core;
//! the run commits accepted submissions, refused rows and refused files in
//! batches of at most about [`BATCH_ITEMS`] items, each batch atomically.
//! Same bytes twice change nothing; a newer report for the same unit and
//! period supersedes the older one, which stays, marked.

mod body;
mod dates;
mod guard;
mod header;
mod legacy;
mod limits;
mod normalise;
mod readers;
mod reason;
mod report;
mod table;
mod template;
mod values;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime, Utc};
use sha2::{Digest, Sha256};

use crate::lake::{
    ActivityRecord, Batch, Lake, LakeError, LakeState, RejectRecord, SubmissionRecord,
};
use crate::reference::Reference;
pub use legacy::{Legacy, Verdict, detect as detect_legacy};
pub use normalise::{Activity, Overrides, Refusal, activity_id};
pub use reason::{Problem, ReasonCode};
pub use report::{FileReport, FileStatus, IngestReport};

/// What stops a whole ingest run (a bad file never does: it is refused).
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{0} does not exist: check the path")]
    Missing(String),
    #[error(
        "{0} is not a file or a folder (a pipe, socket or device): name report files or folders of them"
    )]
    NotAFile(String),
    #[error(
        "cannot read {path}: {error}; check that it is still there and that this user may read it, then run again"
    )]
    Unreadable { path: String, error: std::io::Error },
    #[error(transparent)]
    Lake(#[from] LakeError),
}

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

pub use limits::MAX_FILE_BYTES;

/// Why a path inside a folder is not read.
pub const SKIPPED_LINK: &str = "a symbolic link; links inside a folder are not followed, so that an inbox cannot lead outside itself: copy the file into the folder, or name it on the command line";
pub const SKIPPED_SPECIAL: &str =
    "not a regular file (a pipe, socket or device): only report files are read";

/// What the paths given to `ingest` hold.
#[derive(Debug, Default)]
pub struct Inbox {
    /// The files to read, in path order.
    pub files: Vec<PathBuf>,
    /// Paths inside folders that are not read, with why.
    pub skipped: Vec<(PathBuf, &'static str)>,
}

/// The files a list of paths names: files as given, folders' files (and
/// their sub-folders'), hidden files skipped, in path order; and the paths
/// inside folders that are not read (symbolic links, pipes, devices), with
/// why. A path named on the command line is followed if it is a link (the
/// user chose it) but must lead to a file or a folder.
/// The lake folder itself is skipped, so `baocao ingest .` next to the
/// lake never reads the lake's own files as reports.
pub fn expand_paths(paths: &[PathBuf], lake: &Path) -> Result<Inbox, IngestError> {
    let lake = std::fs::canonicalize(lake).ok();
    let (mut out, mut skipped) = (Vec::new(), Vec::new());
    for p in paths {
        let meta =
            std::fs::metadata(p).map_err(|_| IngestError::Missing(p.display().to_string()))?;
        if meta.is_dir() {
            let mut found = Vec::new();
            collect_dir(p, lake.as_deref(), &mut found, &mut skipped)?;
            found.sort();
            out.extend(found);
        } else if meta.is_file() {
            out.push(p.clone());
        } else {
            return Err(IngestError::NotAFile(p.display().to_string()));
        }
    }
    skipped.sort();
    Ok(Inbox {
        files: out,
        skipped,
    })
}

fn collect_dir(
    dir: &Path,
    lake: Option<&Path>,
    out: &mut Vec<PathBuf>,
    skipped: &mut Vec<(PathBuf, &'static str)>,
) -> Result<(), IngestError> {
    let unreadable = |error| IngestError::Unreadable {
        path: dir.display().to_string(),
        error,
    };
    for entry in std::fs::read_dir(dir).map_err(unreadable)? {
        let entry = entry.map_err(unreadable)?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        // the entry itself, not where a link leads
        let kind = entry.file_type().map_err(unreadable)?;
        if kind.is_symlink() {
            skipped.push((path, SKIPPED_LINK));
        } else if kind.is_dir() {
            if lake.is_some_and(|l| std::fs::canonicalize(&path).is_ok_and(|p| p == l)) {
                continue;
            }
            collect_dir(&path, lake, out, skipped)?;
        } else if kind.is_file() {
            out.push(path);
        } else {
            skipped.push((path, SKIPPED_SPECIAL));
        }
    }
    Ok(())
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
            raw: serde_json::json!({ "file_name": file_name, "size_bytes": size }).to_string(),
            reason: crate::text::sentence(&problem.text),
            reason_code: problem.code,
            ingested_at: now,
        },
    }
}

/// The start of the reason a file is refused for when its reader panicked.
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
            let reason = format!(
                "{READER_STOPPED} ({} at {}); it may be damaged: open it in Excel or a text editor, save it again and resend it, and send the file to the baocao maintainers.",
                p.message, p.location
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
    if format != named_format(&ext) {
        out.notes.insert(
            0,
            format!(
                "the file is named .{ext} but is {}: read as such",
                format_name(format)
            ),
        );
    }
    let modified = file_date(path);
    let n = match normalise::normalise(&out, &file_name, id, modified, &opts.overrides, reference) {
        Ok(n) => n,
        Err(problem) => return refuse(problem),
    };
    let format = if format == "json" && out.detail == "NDJSON" {
        "ndjson"
    } else {
        format
    };
    let sub = SubmissionRecord {
        submission_id: id.to_string(),
        unit_code: n.unit.0.clone(),
        period_kind: n.period.kind().to_string(),
        period: n.period.to_string(),
        received_at: n.received_at,
        source_file: source_file.clone(),
        format: format.to_string(),
        rows_read: n.rows_read() as i64,
        rows_accepted: n.activities.len() as i64,
        rows_rejected: n.refusals.len() as i64,
        superseded_by: None,
        ingested_at: now,
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

type ReadFn = fn(&[u8]) -> Result<readers::ReadOutput, Problem>;

/// The extensions read, for messages.
const READ: &str = ".xlsx, .xls, .ods, .csv, .tsv, .txt, .json, .docx or .html";

/// The reader for a file, from its extension, checked against its first
/// bytes so that a workbook named `.csv` is caught rather than misread.
/// Within a family the bytes decide, as Excel and Word decide when they
/// open a file: a spreadsheet name (`.xls`, `.xlsx`, `.ods`) may hold an
/// Excel 97-2003 workbook, an `.xlsx` or `.ods` workbook, an HTML table
/// (what web systems' "Xuất Excel" save as `.xls`) or, for `.xls`, text
/// separated by tabs; a Word name (`.docx`, `.doc`) a Word document or
/// HTML. The format returned is what the bytes are.
fn sniff(ext: &str, bytes: &[u8]) -> Result<(&'static str, ReadFn), Problem> {
    use ReasonCode::*;
    let refuse = |code, text: String| Err(Problem::new(code, text));
    if bytes.is_empty() {
        return refuse(
            FileEmpty,
            "The file is empty (0 bytes): ask the unit to send it again.".into(),
        );
    }
    let is_ole = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    let zip = bytes.starts_with(b"PK\x03\x04").then(|| zip_kind(bytes));
    if let Some(Zip::Other(what)) = zip {
        return refuse(
            FileNotATable,
            format!(
                "The file is named .{ext} but is {what}: ask the unit for the table as Excel (.xlsx) or CSV."
            ),
        );
    }
    if let Some((_, what)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return refuse(
            FileNotATable,
            format!(
                "The file is named .{ext} but is {what}: ask the unit for the table as Excel (.xlsx) or CSV."
            ),
        );
    }
    let spreadsheet_xml = {
        let head = &bytes[..bytes.len().min(4096)];
        head.windows(5).any(|w| w == b"<?xml") && head.windows(9).any(|w| w == b"<Workbook")
    };
    let html = zip.is_none() && !is_ole && !spreadsheet_xml && readers::looks_like_html(bytes);
    let text = matches!(ext, "csv" | "tsv" | "txt" | "json" | "ndjson" | "jsonl");
    if (text || ext == "xls") && zip.is_none() && !is_ole && !html && readers::is_binary(bytes) {
        return refuse(
            FileNotATable,
            format!(
                "The file is named .{ext} but holds binary data, not text or a workbook: check that it is the right file, and send the table as .xlsx, .csv or .json."
            ),
        );
    }
    let sheet = matches!(ext, "xls" | "xlsx" | "xlsm" | "ods");
    let word = matches!(ext, "docx" | "doc");
    match ext {
        _ if sheet && spreadsheet_xml => refuse(FileUnsupportedType, "The file is an Excel 2003 XML spreadsheet, which is not read: open it in Excel, save it as .xlsx and ingest it again.".into()),
        _ if sheet && matches!(zip, Some(Zip::Workbook | Zip::Damaged)) => Ok(("xlsx", readers::read_xlsx)),
        _ if sheet && zip == Some(Zip::Ods) => Ok(("ods", readers::read_ods)),
        _ if sheet && is_ole => Ok(("xls", readers::read_xls)),
        _ if (sheet || word) && html => Ok(("html", readers::read_html)),
        _ if word && matches!(zip, Some(Zip::Word | Zip::Damaged)) => Ok(("docx", readers::read_docx)),
        _ if (sheet || word || text) && zip == Some(Zip::Word) => refuse(FileWrongExtension, format!(
            "The file is named .{ext} but is a Word document: rename it to .docx and ingest it again (its table of activities is then read)."
        )),
        _ if (sheet || text || word) && zip == Some(Zip::Ods) => refuse(FileWrongExtension, format!(
            "The file is named .{ext} but is a LibreOffice spreadsheet: rename it to .ods and ingest it again."
        )),
        _ if (sheet || text || word) && zip.is_some() => refuse(FileWrongExtension, format!(
            "The file is named .{ext} but is an Excel workbook: rename it to .xlsx (or save it from Excel as CSV) and ingest it again."
        )),
        "xls" => Ok(("txt", readers::read_delimited)),
        "doc" if is_ole => refuse(FileUnsupportedType, "The file is an old Word 97-2003 document (.doc): open it in Word, save it as .docx (its table of activities is then read) and ingest it again.".into()),
        _ if word && is_ole => refuse(FileWrongExtension, format!("The file is named .{ext} but is an old Word 97-2003 document: open it in Word, save it as .docx and ingest it again.")),
        _ if sheet || word => refuse(FileWrongExtension, format!(
            "The file is named .{ext} but is not {}: if it is a CSV, rename it to .csv; otherwise save it again from {}.",
            match ext {
                "ods" => "a LibreOffice spreadsheet",
                "docx" | "doc" => "a Word document",
                _ => "an Excel workbook",
            },
            match ext {
                "ods" => "LibreOffice Calc as .ods",
                "docx" | "doc" => "Word as .docx",
                _ => "Excel as .xlsx",
            }
        )),
        _ if text && is_ole => refuse(FileWrongExtension, format!(
            "The file is named .{ext} but is an Excel 97-2003 workbook: rename it to .xls and ingest it again."
        )),
        "htm" | "html" => Ok(("html", readers::read_html)),
        "csv" => Ok(("csv", readers::read_delimited)),
        "tsv" => Ok(("tsv", readers::read_delimited)),
        "txt" => Ok(("txt", readers::read_delimited)),
        "json" | "ndjson" | "jsonl" => Ok(("json", readers::read_json)),
        "" => refuse(FileNoExtension, format!("The file has no extension, so its format is unknown: name it after what it is ({READ}).")),
        other => refuse(FileUnsupportedType, format!("Files of type .{other} are not read: send the report as {READ}.")),
    }
}

/// A format as a person would name it, for notes.
fn format_name(format: &str) -> &'static str {
    match format {
        "xlsx" => "an Excel workbook (.xlsx)",
        "xls" => "an Excel 97-2003 workbook (.xls)",
        "ods" => "a LibreOffice spreadsheet (.ods)",
        "docx" => "a Word document (.docx)",
        "html" => "an HTML table (a web page, as web systems export \"Excel\")",
        "txt" => "text with separated columns",
        _ => "another format",
    }
}

/// The format an extension names (`xlsm` is `xlsx`, `htm` is `html`).
fn named_format(ext: &str) -> &str {
    match ext {
        "xlsm" => "xlsx",
        "htm" => "html",
        "ndjson" | "jsonl" => "json",
        e => e,
    }
}

/// What a file is, by its first bytes, when it is not a table.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1F\x8B", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
    (b"\x7FELF", "a program"),
    (b"{\\rtf", "a Rich Text document"),
];

/// What a zip file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zip {
    /// An Excel workbook (`xl/`) or another Office package.
    Workbook,
    /// A zip too damaged to tell: the reader its name points to says how.
    Damaged,
    /// A LibreOffice spreadsheet (its `mimetype` says so).
    Ods,
    /// A Word document (`word/`).
    Word,
    /// Not a report: what it is, for the message.
    Other(&'static str),
}

fn zip_kind(bytes: &[u8]) -> Zip {
    use std::io::Read;
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Zip::Damaged;
    };
    let names: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .collect();
    let has = |prefix: &str| names.iter().any(|n| n.starts_with(prefix));
    let mut mimetype = String::new();
    if let Ok(entry) = zip.by_name("mimetype") {
        let _ = entry.take(100).read_to_string(&mut mimetype);
    }
    if has("xl/") {
        Zip::Workbook
    } else if has("word/") {
        Zip::Word
    } else if has("ppt/") {
        Zip::Other("a PowerPoint presentation")
    } else if mimetype.contains("opendocument.spreadsheet") {
        Zip::Ods
    } else if mimetype.contains("opendocument.text") {
        Zip::Other(
            "a LibreOffice text document (.odt): save it as .docx, whose table of activities is read, or send the table as .ods",
        )
    } else if has("[Content_Types].xml") {
        Zip::Workbook
    } else {
        Zip::Other("a zip archive (unpack it and send the report inside)")
    }
}

/// Items held in memory before they are committed: a run commits every
/// time this many accepted items have accumulated (and at the end), so its
/// memory is bounded by one batch, not by the number of files.
pub const BATCH_ITEMS: usize = 250_000;

/// Files read and parsed together, by every core, before their outcomes are
/// applied in path order.
const CHUNK_FILES: usize = 256;

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
                    (s.unit_code.clone(), s.period.clone()),
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
            let writer = scope.spawn(move || -> Result<(LakeState, bool), LakeError> {
                let mut state = start;
                let mut n = 0;
                for mut batch in rx {
                    batch.run_id = format!("{run_id}-{n}");
                    state = lake.commit(&state, batch, lock)?;
                    crate::fault::point("ingest-batch-committed");
                    n += 1;
                }
                Ok((state, n > 0))
            });
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
            let (state, committed) = writer
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
            read?;
            report.committed = committed;
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
                    let again = ctx
                        .before
                        .refused_files
                        .contains(&(reject.submission_id.clone(), reject.reason.clone()));
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
                    fr.unit = Some(sub.unit_code.clone());
                    fr.period = Some(sub.period.clone());
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

/// Files to read together: up to [`CHUNK_FILES`] files or `max_bytes`
/// bytes, so that a chunk of big exports does not overshoot a batch.
fn chunks(files: &[PathBuf], max_bytes: u64) -> Vec<&[PathBuf]> {
    let mut out = Vec::new();
    let (mut start, mut bytes) = (0, 0u64);
    for (i, f) in files.iter().enumerate() {
        bytes += std::fs::metadata(f).map_or(0, |m| m.len());
        if i + 1 - start >= CHUNK_FILES || bytes >= max_bytes {
            out.push(&files[start..=i]);
            start = i + 1;
            bytes = 0;
        }
    }
    if start < files.len() {
        out.push(&files[start..]);
    }
    out
}

/// The date a file was last modified, for `received_at` when nothing else says.
pub fn file_date(path: &Path) -> Option<NaiveDate> {
    let t = std::fs::metadata(path).ok()?.modified().ok()?;
    Some(chrono::DateTime::<Utc>::from(t).date_naive())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zip_of(names: &[&str]) -> Vec<u8> {
        use std::io::Write;
        let mut out = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        for name in names {
            zip.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
                .unwrap();
        }
        zip.finish().unwrap();
        out.into_inner()
    }

    /// Within a family the bytes decide which reader reads the file.
    #[test]
    fn the_bytes_decide_within_a_family() {
        let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        let html = b"<html><body><table><tr><td>Ngay</td></tr></table></body></html>";
        let cases: Vec<(&str, Vec<u8>, Result<&str, ReasonCode>)> = vec![
            ("xls", ole.to_vec(), Ok("xls")),
            ("xlsx", ole.to_vec(), Ok("xls")),
            ("xls", html.to_vec(), Ok("html")),
            ("htm", html.to_vec(), Ok("html")),
            ("doc", html.to_vec(), Ok("html")),
            ("xls", b"Ngay\tHinh thuc\n".to_vec(), Ok("txt")),
            ("xls", zip_of(&["xl/workbook.xml"]), Ok("xlsx")),
            ("ods", zip_of(&["mimetype", "content.xml"]), Ok("ods")),
            ("xlsx", zip_of(&["mimetype", "content.xml"]), Ok("ods")),
            ("docx", zip_of(&["word/document.xml"]), Ok("docx")),
            ("xlsx", zip_of(&["word/document.xml"]), Err(ReasonCode::FileWrongExtension)),
            ("docx", zip_of(&["xl/workbook.xml"]), Err(ReasonCode::FileWrongExtension)),
            ("doc", ole.to_vec(), Err(ReasonCode::FileUnsupportedType)),
            ("xlsx", b"Ngay,Hinh thuc\n".to_vec(), Err(ReasonCode::FileWrongExtension)),
            ("xls", b"\x00\x01\x02binary\x00".to_vec(), Err(ReasonCode::FileNotATable)),
            (
                "xls",
                b"<?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"><Table/></Workbook>".to_vec(),
                Err(ReasonCode::FileUnsupportedType),
            ),
        ];
        for (ext, bytes, want) in cases {
            let got = sniff(ext, &bytes)
                .map(|(format, _)| format)
                .map_err(|p| p.code);
            assert_eq!(got, want, ".{ext}");
        }
    }
}
