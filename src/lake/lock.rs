//! The lake's two locks: the writers' lock (`_baocao/lock`, one run that
//! writes at a time, waiting or failing at once) and the readers' lock
//! (`_baocao/readers`, shared by every open snapshot, so that no run removes
//! a file a query may still read).

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::error::{LakeError, io};
use super::layout::{DATA_FOLDERS, Lake};
use super::ledger::{self, RawLedger};
use super::remote::Lease;

/// A reader's consistent view of the lake (see [`Lake::snapshot`]).
pub struct Snapshot {
    pub ledger: RawLedger,
    _readers: Option<File>,
}

/// Held while a run writes; released when dropped (or when the process
/// dies). On object storage it is a lease, not a lock: writers there do not
/// wait for each other, their commits are conditional (see
/// [`super::remote`]).
#[derive(Debug)]
pub struct LakeLock {
    _file: Option<File>,
    lease: Option<Lease>,
}

impl LakeLock {
    /// The lease's token, part of every file the run writes (object
    /// storage only).
    pub fn token(&self) -> Option<&str> {
        self.lease.as_ref().map(|l| l.token.as_str())
    }

    /// The run's lease on object storage.
    pub fn lease(&self) -> Option<&Lease> {
        self.lease.as_ref()
    }
}

impl Lake {
    /// Takes the lake's lock, creating the lake's folders first. With
    /// `wait`, blocks until another run finishes, saying so on stderr. On
    /// object storage, takes a lease instead.
    pub fn lock(&self, wait: bool) -> Result<LakeLock, LakeError> {
        if let Some(remote) = &self.remote {
            return Ok(LakeLock {
                _file: None,
                lease: Some(Lease::take(remote.clone())?),
            });
        }
        let meta = self.root.join("_baocao");
        fs::create_dir_all(&meta).map_err(io("create", &meta))?;
        for dir in DATA_FOLDERS.iter().chain(&["submissions"]) {
            let d = self.root.join(dir);
            fs::create_dir_all(&d).map_err(io("create", &d))?;
        }
        let readers = self.readers_path();
        fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&readers)
            .map_err(io("create", &readers))?;
        let path = meta.join("lock");
        let mut file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(&path)
            .map_err(io("open", &path))?;
        self.acquire(&file, &path, false, wait)?;
        file.set_len(0).map_err(io("write", &path))?;
        writeln!(file, "pid {}", std::process::id()).map_err(io("write", &path))?;
        Ok(LakeLock {
            _file: Some(file),
            lease: None,
        })
    }

    pub(super) fn readers_path(&self) -> PathBuf {
        self.root.join("_baocao").join("readers")
    }

    /// What a reader sees: the ledger of the last commit and the data files
    /// it lists, read from one open file. While the snapshot is held no run
    /// removes those files (a run that finds readers leaves the files it
    /// would remove to a later run), so a query never meets a half-written
    /// or vanished file. `None` for a lake nothing was committed to.
    pub fn snapshot(&self) -> Result<Option<Snapshot>, LakeError> {
        if self.remote.is_some() {
            // files a reader may still read stay GRACE_SECS after they are
            // replaced (see super::remote)
            return Ok(ledger::open(self)?.map(|ledger| Snapshot {
                ledger,
                _readers: None,
            }));
        }
        let path = self.readers_path();
        let readers = match File::open(&path) {
            Ok(f) => {
                // only a run removing files holds it exclusively, briefly
                lock_file(&f, true, true, || {}).map_err(io("lock", &path))?;
                Some(f)
            }
            // a lake no run has written to since readers were locked
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(io("open", &path)(e)),
        };
        Ok(ledger::open(self)?.map(|ledger| Snapshot {
            ledger,
            _readers: readers,
        }))
    }

    /// On object storage: version `version` of the ledger, as a snapshot
    /// (`None` when there is no such version: pruned, or never written).
    ///
    /// # Errors
    /// The store cannot be reached, or the version cannot be read.
    pub fn snapshot_at(&self, version: u64) -> Result<Option<RawLedger>, LakeError> {
        match &self.remote {
            Some(remote) => ledger::open_version(remote, version),
            None => ledger::open(self),
        }
    }

    /// The readers' lock taken exclusively if no reader holds it now.
    pub(super) fn no_readers(&self) -> Result<Option<File>, LakeError> {
        let path = self.readers_path();
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(io("open", &path))?;
        let free = lock_file(&file, false, false, || {}).map_err(io("lock", &path))?;
        Ok(free.then_some(file))
    }

    fn acquire(&self, file: &File, path: &Path, shared: bool, wait: bool) -> Result<(), LakeError> {
        let got = lock_file(file, shared, wait, || {
            // the holder wrote its pid when it took the lock
            let holder = fs::read_to_string(path)
                .ok()
                .and_then(|s| s.lines().next().map(str::to_string))
                .filter(|l| l.starts_with("pid "))
                .map(|l| format!(" ({l})"))
                .unwrap_or_default();
            eprintln!(
                "baocao: {}",
                crate::msg!(
                    "lake-waiting",
                    holder = holder,
                    lake = self.root.display().to_string()
                )
            )
        })
        .map_err(io("lock", path))?;
        if got {
            Ok(())
        } else {
            Err(LakeError::Busy(self.root.display().to_string()))
        }
    }
}

/// Locks `file` (shared or exclusive). Taken at once: `Ok(true)`. Held by
/// another process: with `wait`, says so through `waiting` and blocks until
/// it is free (`Ok(true)`); without, `Ok(false)`. The lock goes with the
/// file handle, and with the process if it dies.
pub fn lock_file(
    file: &File,
    shared: bool,
    wait: bool,
    waiting: impl FnOnce(),
) -> std::io::Result<bool> {
    let attempt = if shared {
        file.try_lock_shared()
    } else {
        file.try_lock()
    };
    match attempt {
        Ok(()) => Ok(true),
        Err(fs::TryLockError::WouldBlock) if wait => {
            waiting();
            if shared {
                file.lock_shared()
            } else {
                file.lock()
            }
            .map(|()| true)
        }
        Err(fs::TryLockError::WouldBlock) => Ok(false),
        Err(fs::TryLockError::Error(e)) => Err(e),
    }
}
