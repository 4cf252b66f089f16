//! What an ingest run did, file by file, and its rendering for stderr: one
//! line per file (accepted, refused, superseded, why; for a big run only the
//! files with something to say) and a total line.

use std::collections::HashMap;
use std::fmt::Write;
use std::path::Path;

use crate::lake::LakeState;
use crate::text::plural;

/// Up to this many files, every file gets its line; above, only those with
/// something to say (refused rows or files, corrections, skipped rows).
const LIST_ALL: usize = 100;

/// What happened to one file.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum FileStatus {
    #[default]
    Ingested,
    /// The same bytes are already in the lake: nothing changed.
    AlreadyIngested,
    /// The same bytes appeared earlier in this run.
    Duplicate,
    /// The whole file was refused, with why.
    Refused(String),
    /// Refused before for the same reason; not recorded again.
    AlreadyRefused(String),
}

/// One file's line in the summary.
#[derive(Debug, Clone, Default)]
pub struct FileReport {
    pub path: String,
    pub detail: String,
    pub submission_id: Option<String>,
    pub unit: Option<String>,
    pub period: Option<String>,
    pub rows_accepted: usize,
    pub rows_refused: usize,
    pub ignored: usize,
    /// Section heading rows, not items.
    pub headings: usize,
    pub reasons: Vec<(Option<i64>, String)>,
    /// How the file was read (converted text, a 1904 workbook, columns
    /// that look like a field but are not read as it), one sentence each.
    pub notes: Vec<String>,
    pub status: FileStatus,
    /// The submissions this one replaced, when it is a correction: their
    /// files and how many items each held.
    pub supersedes: Vec<(String, usize)>,
    /// Set when a report already in the lake is newer than this one.
    pub superseded_by: Option<String>,
}

impl FileReport {
    pub fn new(path: &Path) -> FileReport {
        FileReport {
            path: shown(path),
            ..Default::default()
        }
    }
}

/// A path as the report prints it: one line whatever the name holds (a
/// line break or other control character is shown escaped, bytes that are
/// not UTF-8 as U+FFFD).
pub(super) fn shown(path: &Path) -> String {
    path.to_string_lossy()
        .chars()
        .flat_map(|c| {
            if c.is_control() {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

/// The whole run.
#[derive(Debug, Clone, Default)]
pub struct IngestReport {
    pub files: Vec<FileReport>,
    pub dry_run: bool,
    pub committed: bool,
    pub orphans_removed: usize,
    /// Paths inside the given folders that were not read, with why.
    pub skipped: Vec<(String, &'static str)>,
}

impl IngestReport {
    /// Notes, per ingested file, which reports it replaced in this run and
    /// whether a later report already replaces it.
    pub(super) fn note_supersession(&mut self, before: &LakeState, after: &LakeState) {
        let was: HashMap<&str, Option<&str>> = before
            .submissions
            .iter()
            .map(|s| (s.submission_id.as_str(), s.superseded_by.as_deref()))
            .collect();
        let mut newly: HashMap<&str, Vec<(String, usize)>> = HashMap::new();
        let mut now: HashMap<&str, Option<&String>> = HashMap::new();
        for s in &after.submissions {
            now.insert(s.submission_id.as_str(), s.superseded_by.as_ref());
            if let Some(by) = s.superseded_by.as_deref()
                && was.get(s.submission_id.as_str()) != Some(&Some(by))
            {
                newly
                    .entry(by)
                    .or_default()
                    .push((s.source_file.clone(), s.rows_accepted.max(0) as usize));
            }
        }
        for fr in &mut self.files {
            let Some(id) = fr.submission_id.as_deref() else {
                continue;
            };
            fr.superseded_by = now.get(id).copied().flatten().cloned();
            fr.supersedes = newly.remove(id).unwrap_or_default();
        }
    }

    pub fn count(&self, f: impl Fn(&FileStatus) -> bool) -> usize {
        self.files.iter().filter(|r| f(&r.status)).count()
    }

    pub fn rows_accepted(&self) -> usize {
        self.files.iter().map(|f| f.rows_accepted).sum()
    }

    pub fn rows_refused(&self) -> usize {
        self.files.iter().map(|f| f.rows_refused).sum()
    }

    /// Files refused whole in this run (not those already recorded).
    pub fn files_refused(&self) -> usize {
        self.count(|s| matches!(s, FileStatus::Refused(_)))
    }

    /// True when anything was refused: a row or a file (for `--strict`).
    pub fn anything_refused(&self) -> bool {
        self.rows_refused() > 0
            || self.count(|s| matches!(s, FileStatus::Refused(_) | FileStatus::AlreadyRefused(_)))
                > 0
    }

    /// The per-file summary, for stderr.
    pub fn render(&self, lake: &Path) -> String {
        let mut out = String::new();
        let list_all = self.files.len() <= LIST_ALL;
        let mut unlisted = 0;
        for f in &self.files {
            let remarkable = f.rows_refused > 0
                || f.ignored > 0
                || !f.notes.is_empty()
                || !f.supersedes.is_empty()
                || f.superseded_by.is_some()
                || !matches!(f.status, FileStatus::Ingested | FileStatus::AlreadyIngested);
            if !list_all && !remarkable {
                unlisted += 1;
                continue;
            }
            let what = match (&f.unit, &f.period) {
                (Some(u), Some(p)) => format!("{u} {p}"),
                _ => String::new(),
            };
            let _ = match &f.status {
                FileStatus::Ingested => {
                    let mut line = format!(
                        "  ok       {}  [{what}; {}]: {} accepted",
                        f.path, f.detail, f.rows_accepted
                    );
                    if f.rows_refused > 0 {
                        let _ = write!(line, ", {} refused", f.rows_refused);
                    }
                    if f.ignored > 0 {
                        let _ = write!(
                            line,
                            ", {} template/total row{} skipped",
                            f.ignored,
                            plural(f.ignored)
                        );
                    }
                    if f.headings > 0 {
                        let _ = write!(
                            line,
                            ", {} section heading{}",
                            f.headings,
                            plural(f.headings)
                        );
                    }
                    writeln!(out, "{line}")
                }
                FileStatus::AlreadyIngested => writeln!(
                    out,
                    "  same     {}  [{what}]: already in the lake, nothing changed",
                    f.path
                ),
                FileStatus::Duplicate => writeln!(
                    out,
                    "  same     {}: the same bytes as a file above, read once",
                    f.path
                ),
                FileStatus::Refused(why) => writeln!(out, "  REFUSED  {}: {why}", f.path),
                FileStatus::AlreadyRefused(why) => writeln!(
                    out,
                    "  refused  {} (again, already recorded): {why}",
                    f.path
                ),
            };
            for note in &f.notes {
                let _ = writeln!(out, "             note: {note}");
            }
            for (row, why) in f.reasons.iter().take(5) {
                let row = row.map(|r| format!("row {r}")).unwrap_or_default();
                let _ = writeln!(out, "             {row}: {why}");
            }
            if f.reasons.len() > 5 {
                let _ = writeln!(
                    out,
                    "             ... and {} more refused rows (see the rejects table)",
                    f.reasons.len() - 5
                );
            }
            for (old, items) in &f.supersedes {
                let _ = writeln!(out, "             supersedes {old}");
                if f.rows_accepted == 0 && *items > 0 {
                    let _ = writeln!(
                        out,
                        "             note: this report states no activity, and it replaces a report of {items} item{}: check with the unit that it is meant to",
                        plural(*items)
                    );
                }
            }
            if f.superseded_by.is_some() {
                let _ = writeln!(
                    out,
                    "             kept but not current: a report received later for {what} is already in the lake"
                );
            }
        }
        for (path, why) in &self.skipped {
            let _ = writeln!(out, "  skipped  {path}: {why}");
        }
        if unlisted > 0 {
            let _ = writeln!(
                out,
                "  ({unlisted} files read without remark are not listed: more than {LIST_ALL} files)"
            );
        }
        let _ = writeln!(out, "{}", self.totals());
        if self.committed {
            let _ = writeln!(out, "lake: {}", lake.display());
        }
        if self.orphans_removed > 0 {
            let _ = writeln!(
                out,
                "removed {} file(s) an interrupted run had left behind",
                self.orphans_removed
            );
        }
        out
    }

    /// The run's totals: files by what became of them, items accepted,
    /// rows refused and corrections.
    fn totals(&self) -> String {
        let ingested = self.count(|s| *s == FileStatus::Ingested);
        let same = self.count(|s| matches!(s, FileStatus::AlreadyIngested | FileStatus::Duplicate));
        let refused =
            self.count(|s| matches!(s, FileStatus::Refused(_) | FileStatus::AlreadyRefused(_)));
        let superseding = self
            .files
            .iter()
            .filter(|f| !f.supersedes.is_empty())
            .count();
        let verb = if self.dry_run {
            "would be ingested (dry run: nothing written)"
        } else {
            "ingested"
        };
        format!(
            "{} file{}: {ingested} {verb}, {same} already in the lake, {refused} refused; {} item{} accepted, {} row{} refused; {superseding} correction{}",
            self.files.len(),
            plural(self.files.len()),
            self.rows_accepted(),
            plural(self.rows_accepted()),
            self.rows_refused(),
            plural(self.rows_refused()),
            plural(superseding),
        )
    }
}
