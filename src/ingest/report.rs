//! What an ingest run did, file by file, and its rendering for stderr: one
//! line per file (accepted, refused, superseded, why; for a big run only the
//! files with something to say) and a total line.

use std::collections::HashMap;
use std::fmt::Write;
use std::path::Path;

use crate::i18n::{Lang, Msg};
use crate::lake::LakeState;
use crate::msg;

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
    /// Paths inside the given folders that were not read, with why (a
    /// message id, [`crate::ingest::SKIPPED_LINK`]).
    pub skipped: Vec<(String, &'static str)>,
}

impl IngestReport {
    /// Files this run read that another run, writing to the same lake on
    /// object storage at the same time, committed first: reported as
    /// already in the lake, as they would have been a moment later.
    pub(super) fn kept_theirs(&mut self, ids: &[String]) {
        if ids.is_empty() {
            return;
        }
        let ids: std::collections::HashSet<&str> = ids.iter().map(String::as_str).collect();
        for f in &mut self.files {
            if f.status == FileStatus::Ingested
                && f.submission_id
                    .as_deref()
                    .is_some_and(|id| ids.contains(id))
            {
                f.status = FileStatus::AlreadyIngested;
            }
        }
    }

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

    /// The per-file summary, for stderr, in the process's language.
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
            let _ = writeln!(out, "  {}", f.status_line(crate::i18n::current()));
            let said = |m: Msg| format!("{INDENT}{m}");
            for note in &f.notes {
                let _ = writeln!(out, "{}", said(msg!("ingest-note", note = note)));
            }
            for (row, why) in f.reasons.iter().take(5) {
                let row = row
                    .map(|r| msg!("ingest-row", row = r.to_string()).to_string())
                    .unwrap_or_default();
                let _ = writeln!(out, "{INDENT}{row}: {why}");
            }
            if f.reasons.len() > 5 {
                let n = f.reasons.len() - 5;
                let _ = writeln!(out, "{}", said(msg!("ingest-more-refused", n = n)));
            }
            for (old, items) in &f.supersedes {
                let _ = writeln!(out, "{}", said(msg!("ingest-supersedes", old = old)));
                if f.rows_accepted == 0 && *items > 0 {
                    let replaced = msg!("ingest-replaces-with-nothing", items = *items);
                    let _ = writeln!(out, "{}", said(msg!("ingest-note", note = replaced)));
                }
            }
            if f.superseded_by.is_some() {
                let _ = writeln!(
                    out,
                    "{}",
                    said(msg!("ingest-not-current", what = f.unit_period()))
                );
            }
        }
        for (path, why) in &self.skipped {
            let why = crate::i18n::tr(why);
            let _ = writeln!(out, "  {}", msg!("ingest-skipped", path = path, why = why));
        }
        if unlisted > 0 {
            let _ = writeln!(
                out,
                "  {}",
                msg!("ingest-unlisted", n = unlisted, most = LIST_ALL)
            );
        }
        let _ = writeln!(out, "{}", self.totals());
        if self.committed {
            let _ = writeln!(
                out,
                "{}",
                msg!("ingest-lake", path = lake.display().to_string())
            );
        }
        if self.orphans_removed > 0 {
            let _ = writeln!(
                out,
                "{}",
                msg!("ingest-orphans-removed", n = self.orphans_removed)
            );
        }
        out
    }

    /// The run's totals: files by what became of them, items accepted,
    /// rows refused and corrections (`3 files: 1 ingested, ...; 1 item
    /// accepted, 2 rows refused; 0 corrections`).
    pub fn totals(&self) -> Msg {
        let ingested = self.count(|s| *s == FileStatus::Ingested);
        let same = self.count(|s| matches!(s, FileStatus::AlreadyIngested | FileStatus::Duplicate));
        let refused =
            self.count(|s| matches!(s, FileStatus::Refused(_) | FileStatus::AlreadyRefused(_)));
        let corrections = self
            .files
            .iter()
            .filter(|f| !f.supersedes.is_empty())
            .count();
        msg!(
            "ingest-totals",
            files = self.files.len(),
            ingested = ingested,
            dry = if self.dry_run { "yes" } else { "no" },
            same = same,
            refused = refused,
            items = self.rows_accepted(),
            rows = self.rows_refused(),
            corrections = corrections
        )
    }
}

/// Where the lines under a file's line start.
const INDENT: &str = "             ";

impl FileReport {
    /// `unit period`, or nothing when the file named neither.
    fn unit_period(&self) -> String {
        match (&self.unit, &self.period) {
            (Some(u), Some(p)) => format!("{u} {p}"),
            _ => String::new(),
        }
    }

    /// The file's line in `lang`: its status, path and what became of its
    /// rows.
    fn status_line(&self, lang: Lang) -> String {
        let path = self.path.as_str();
        let what = self.unit_period();
        let line = match &self.status {
            FileStatus::Ingested => {
                let mut counts = vec![msg!("ingest-count-accepted", n = self.rows_accepted)];
                if self.rows_refused > 0 {
                    counts.push(msg!("ingest-count-refused", n = self.rows_refused));
                }
                if self.ignored > 0 {
                    counts.push(msg!("ingest-count-skipped", n = self.ignored));
                }
                if self.headings > 0 {
                    counts.push(msg!("ingest-count-headings", n = self.headings));
                }
                let counts: Vec<String> = counts.iter().map(|m| m.say(lang)).collect();
                msg!(
                    "ingest-file-ok",
                    path = path,
                    what = what,
                    detail = self.detail.as_str(),
                    counts = counts.join(", ")
                )
            }
            FileStatus::AlreadyIngested => msg!("ingest-file-same", path = path, what = what),
            FileStatus::Duplicate => msg!("ingest-file-duplicate", path = path),
            FileStatus::Refused(why) => msg!("ingest-file-refused", path = path, why = why),
            FileStatus::AlreadyRefused(why) => {
                msg!("ingest-file-refused-again", path = path, why = why)
            }
        };
        line.say(lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> IngestReport {
        let mut ok = FileReport::new(Path::new("inbox/a.csv"));
        ok.unit = Some("so-tu-phap".into());
        ok.period = Some("2023-07".into());
        ok.detail = "csv".into();
        ok.rows_accepted = 1;
        ok.rows_refused = 2;
        ok.ignored = 1;
        ok.reasons = vec![(Some(5), "x".into())];
        let mut bad = FileReport::new(Path::new("inbox/b.txt"));
        bad.status = FileStatus::Refused("y".into());
        IngestReport {
            files: vec![ok, bad],
            ..Default::default()
        }
    }

    #[test]
    fn the_totals_are_said_in_both_languages() {
        let r = report();
        assert_eq!(
            r.totals().say(Lang::En),
            "2 files: 1 ingested, 0 already in the lake, 1 refused; 1 item accepted, 2 rows refused; 0 corrections"
        );
        assert_eq!(
            r.totals().say(Lang::Vi),
            "2 tệp: 1 tệp được nhập, 0 tệp đã có trong kho, 1 tệp bị từ chối; 1 mục được nhận, 2 dòng bị từ chối; 0 bản sửa đổi"
        );
        let dry = IngestReport { dry_run: true, ..r };
        assert!(
            dry.totals()
                .say(Lang::Vi)
                .contains("1 tệp sẽ được nhập (chạy thử: không ghi gì)")
        );
    }

    #[test]
    fn a_files_line_is_said_in_both_languages() {
        let r = report();
        assert_eq!(
            r.files[0].status_line(Lang::En),
            "ok       inbox/a.csv  [so-tu-phap 2023-07; csv]: 1 accepted, 2 refused, 1 template/total row skipped"
        );
        assert_eq!(
            r.files[0].status_line(Lang::Vi),
            "nhận     inbox/a.csv  [so-tu-phap 2023-07; csv]: 1 mục được nhận, 2 dòng bị từ chối, 1 dòng mẫu hoặc dòng tổng được bỏ qua"
        );
        assert_eq!(r.files[1].status_line(Lang::Vi), "TỪ CHỐI  inbox/b.txt: y");
    }

    #[test]
    fn big_counts_are_grouped_in_vietnamese_only() {
        let mut r = report();
        r.files[0].rows_accepted = 250_000;
        assert!(r.totals().say(Lang::En).contains("250000 items accepted"));
        assert!(r.totals().say(Lang::Vi).contains("250.000 mục được nhận"));
    }
}
