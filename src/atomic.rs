//! Files that appear whole or not at all: written under a temporary name
//! beside their final one, flushed to disk, renamed into place, and their
//! folder flushed, so that a reader (or a crash) sees the old file, the new
//! one, or none, never half of one. Every file baocao writes for others to
//! read goes through [`write_atomic`]: the lake's data files and ledger,
//! query outputs, the summary's and the trend jobs' files.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Why an atomic write failed: what was being done, to which path, and the
/// operating system's error (whose kind says a full disk or a read-only
/// folder).
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::msg!("lake-io", action = crate::msg!("lake-action", action = *action), path = path.display().to_string(), error = error.to_string(), hint = crate::i18n::Msg::verbatim("")))]
pub struct WriteError {
    pub action: &'static str,
    pub path: PathBuf,
    #[source]
    pub error: std::io::Error,
}

/// The temporary name a file is written under before it is renamed to
/// `path`: `path` with `.tmp` added, which no reader of the lake lists.
pub fn temporary(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".tmp");
    PathBuf::from(name)
}

/// Writes `path` atomically: creates its folder, calls `write` on a new
/// temporary file beside it, flushes it, renames it to `path` and flushes
/// the folder. When `crash_points` names a point (e.g. `ledger`), the
/// crash points `<name>-before-rename` and `<name>-renamed` are passed (see
/// [`crate::fault`]). On failure the temporary file is removed (a full disk
/// gets its space back) and `path` is as it was. `write`'s own errors come
/// back as they are; the steps around it fail with a [`WriteError`],
/// converted to the caller's error type.
pub fn write_atomic<E: From<WriteError>>(
    path: &Path,
    crash_points: Option<&str>,
    write: impl FnOnce(&mut File) -> Result<(), E>,
) -> Result<(), E> {
    let err = |action, path: &Path| {
        let path = path.to_path_buf();
        move |error| {
            E::from(WriteError {
                action,
                path,
                error,
            })
        }
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(err("create", dir))?;
    let tmp = temporary(path);
    let written = (|| {
        let mut file = File::create(&tmp).map_err(err("create", &tmp))?;
        write(&mut file)?;
        file.sync_all().map_err(err("sync", &tmp))
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    if let Some(name) = crash_points {
        crate::fault::point(&format!("{name}-before-rename"));
    }
    fs::rename(&tmp, path).map_err(err("rename", &tmp))?;
    if let Some(name) = crash_points {
        crate::fault::point(&format!("{name}-renamed"));
    }
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(err("sync", dir))
}

/// `bytes` written to `path` atomically (see [`write_atomic`]).
pub fn write_bytes(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let tmp = temporary(path);
    write_atomic(path, None, |f| {
        f.write_all(bytes).map_err(|error| WriteError {
            action: "write",
            path: tmp,
            error,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("a.txt");
        write_bytes(&path, b"old").unwrap();
        let failed = write_atomic(&path, None, |f| {
            f.write_all(b"half").unwrap();
            Err(WriteError {
                action: "write",
                path: temporary(&path),
                error: std::io::Error::other("stopped"),
            })
        });
        let e = failed.unwrap_err();
        assert_eq!(e.action, "write");
        assert_eq!(fs::read(&path).unwrap(), b"old");
        assert!(!temporary(&path).exists());
        write_bytes(&path, b"new").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
    }
}
