//! The inbox: the files a list of paths names (folders walked, hidden
//! files, links and special files skipped with why, the lake itself never
//! read as a report), and the chunks they are read in.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, Utc};

use super::error::IngestError;

/// Why a path inside a folder is not read: the id of a message of
/// `locales/*/ingest.ftl`, said with [`crate::i18n::tr`].
pub const SKIPPED_LINK: &str = "ingest-skipped-link";
pub const SKIPPED_SPECIAL: &str = "ingest-skipped-special";

/// What the paths given to `ingest` hold.
#[derive(Debug, Default)]
pub struct Inbox {
    /// The files to read, in path order.
    pub files: Vec<PathBuf>,
    /// Paths inside folders that are not read, with why (a message id).
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

/// Files read and parsed together, by every core, before their outcomes are
/// applied in path order.
pub(super) const CHUNK_FILES: usize = 256;

/// Files to read together: up to [`CHUNK_FILES`] files or `max_bytes`
/// bytes, so that a chunk of big exports does not overshoot a batch.
pub(super) fn chunks(files: &[PathBuf], max_bytes: u64) -> Vec<&[PathBuf]> {
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
