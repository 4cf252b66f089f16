//! The lake on S3-compatible object storage (`--lake s3://bucket/prefix`,
//! cargo feature `s3`), through `object_store`, the crate DataFusion reads
//! with. Object storage has no rename and no lock, so a commit there is a
//! conditional write of the ledger's next version:
//!
//! - every commit writes `_baocao/ledger/<version>.parquet` (20 digits)
//!   with `PutMode::Create` (`If-None-Match: *`): of two writers that read
//!   the same version, one creates the next and the other is told it exists;
//! - readers take the highest version; its metadata lists the committed data
//!   files, which a writer uploads whole under names of its own run before
//!   the ledger names them (an uploaded object appears whole or not at all);
//! - a writer that loses re-reads the latest version, drops what the winner
//!   already committed (the same files ingested twice), marks supersession
//!   again and tries the next version;
//! - each writing run holds a lease (`_baocao/runs/<token>.json`) whose token
//!   is part of its data files' names; a file no version lists whose run
//!   holds no live lease is an orphan, which the next writer removes; files
//!   a compaction replaced, and versions no longer the latest, are kept
//!   [`GRACE_SECS`] for readers still reading them.
//!
//! `submissions/submissions.parquet` is a copy of the latest version, for
//! plain Parquet readers (pyarrow, DuckDB) that do not know the versions.

use std::collections::HashSet;
use std::future::Future;
use std::sync::{Arc, OnceLock};

use bytes::Bytes;
use futures::TryStreamExt;
use object_store::path::Path as ObjectPath;
use object_store::{ObjectMeta, ObjectStore, ObjectStoreExt, PutMode, PutOptions, PutPayload};

use super::error::LakeError;

/// The folder of the ledger's versions, under the lake's prefix.
pub const LEDGER_VERSIONS: &str = "_baocao/ledger";
/// The folder of the writing runs' leases.
pub const LEASES: &str = "_baocao/runs";
/// How long a data file a compaction replaced, or a ledger version that is
/// no longer the latest, stays for readers that may still be reading it;
/// also how long a lease lives without being renewed.
pub const GRACE_SECS: i64 = 3600;

/// A lake's place in object storage: the store (one bucket), the bucket's
/// URL (`s3://bucket`, under which DataFusion finds the store) and the
/// lake's prefix inside it.
#[derive(Debug)]
pub struct Remote {
    pub store: Arc<dyn ObjectStore>,
    /// `s3://bucket`.
    pub bucket_url: String,
    /// The lake's folder inside the bucket (empty for the bucket's root).
    pub prefix: String,
}

/// The runtime every request to object storage runs on, whoever asks (the
/// synchronous lake code, or DataFusion's own runtime): its connections
/// live as long as the process.
pub fn io_runtime() -> &'static tokio::runtime::Runtime {
    static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("baocao-store")
            .enable_all()
            .build()
            .unwrap_or_else(|e| panic!("cannot start the object storage runtime: {e}"))
    })
}

/// Runs `future` on [`io_runtime`] and waits for it, from synchronous code
/// or from inside another runtime.
pub fn run<F>(future: F) -> F::Output
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    let handle = io_runtime().spawn(future);
    match futures::executor::block_on(handle) {
        Ok(out) => out,
        Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
        Err(e) => panic!("an object storage request was cancelled: {e}"),
    }
}

impl Remote {
    /// The lake at `url` (`s3://bucket/prefix`), with the endpoint, region
    /// and credentials of the standard `AWS_*` variables (`AWS_ENDPOINT_URL`,
    /// `AWS_REGION`, `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, plain
    /// HTTP only with `AWS_ALLOW_HTTP=true`). Nothing is asked of the store
    /// yet.
    ///
    /// # Errors
    /// [`LakeError::Location`] for a URL that names no bucket, or a build
    /// without the `s3` feature.
    pub fn open_s3(url: &str) -> Result<Remote, LakeError> {
        let rest = url.strip_prefix("s3://").unwrap_or(url);
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        if bucket.is_empty() {
            return Err(LakeError::Location {
                lake: url.to_string(),
                message: crate::msg!("lake-s3-no-bucket"),
            });
        }
        let store = s3_store(url, bucket)?;
        Ok(Remote {
            store,
            bucket_url: format!("s3://{bucket}"),
            prefix: prefix.trim_matches('/').to_string(),
        })
    }

    /// A remote lake over any store (tests use object_store's in-memory
    /// one), under `bucket_url`.
    pub fn with_store(store: Arc<dyn ObjectStore>, bucket_url: &str, prefix: &str) -> Remote {
        Remote {
            store,
            bucket_url: bucket_url.to_string(),
            prefix: prefix.trim_matches('/').to_string(),
        }
    }

    /// `s3://bucket/prefix`, as the user gave it.
    pub fn url(&self) -> String {
        if self.prefix.is_empty() {
            self.bucket_url.clone()
        } else {
            format!("{}/{}", self.bucket_url, self.prefix)
        }
    }

    /// `s3://bucket/prefix/rel`: the URL of `rel` (a path inside the lake).
    pub fn url_of(&self, rel: &str) -> String {
        format!("{}/{}", self.bucket_url, self.path(rel))
    }

    /// The object `rel` (a path inside the lake) names.
    pub fn path(&self, rel: &str) -> ObjectPath {
        if self.prefix.is_empty() {
            ObjectPath::from(rel)
        } else {
            ObjectPath::from(format!("{}/{rel}", self.prefix))
        }
    }

    /// `location` as a path inside the lake.
    pub fn rel(&self, location: &ObjectPath) -> String {
        let full = location.as_ref();
        if self.prefix.is_empty() {
            full.to_string()
        } else {
            full.strip_prefix(&self.prefix)
                .map(|r| r.trim_start_matches('/'))
                .unwrap_or(full)
                .to_string()
        }
    }

    fn error(&self, e: object_store::Error) -> LakeError {
        LakeError::Store {
            lake: self.url(),
            message: e.to_string(),
        }
    }

    /// The bytes of `rel`, or `None` when there is no such object.
    ///
    /// # Errors
    /// [`LakeError::Store`] when the store cannot be reached or refuses.
    pub fn get(&self, rel: &str) -> Result<Option<Bytes>, LakeError> {
        let store = self.store.clone();
        let path = self.path(rel);
        match run(async move {
            let got = store.get(&path).await?;
            got.bytes().await
        }) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(self.error(e)),
        }
    }

    /// Uploads `bytes` as `rel`. With `create`, only if there is no such
    /// object yet: `Ok(false)` when there is (another writer made it first).
    ///
    /// # Errors
    /// [`LakeError::Store`] when the store cannot be reached or refuses.
    pub fn put(&self, rel: &str, bytes: Bytes, create: bool) -> Result<bool, LakeError> {
        let store = self.store.clone();
        let path = self.path(rel);
        let mode = if create {
            PutMode::Create
        } else {
            PutMode::Overwrite
        };
        match run(async move {
            let opts = PutOptions {
                mode,
                ..Default::default()
            };
            store.put_opts(&path, PutPayload::from(bytes), opts).await
        }) {
            Ok(_) => Ok(true),
            Err(object_store::Error::AlreadyExists { .. }) if create => Ok(false),
            Err(e) => Err(self.error(e)),
        }
    }

    /// Every object under the folder `rel`.
    ///
    /// # Errors
    /// [`LakeError::Store`] when the store cannot be reached or refuses.
    pub fn list(&self, rel: &str) -> Result<Vec<ObjectMeta>, LakeError> {
        let store = self.store.clone();
        let path = self.path(rel);
        run(async move { store.list(Some(&path)).try_collect::<Vec<_>>().await })
            .map_err(|e| self.error(e))
    }

    /// Removes `rel` (nothing if it is already gone).
    ///
    /// # Errors
    /// [`LakeError::Store`] when the store cannot be reached or refuses.
    pub fn delete(&self, rel: &str) -> Result<(), LakeError> {
        let store = self.store.clone();
        let path = self.path(rel);
        match run(async move { store.delete(&path).await }) {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(self.error(e)),
        }
    }

    /// The ledger's versions, oldest first: (version, object).
    ///
    /// # Errors
    /// [`LakeError::Store`] when the store cannot be reached or refuses.
    pub fn ledger_versions(&self) -> Result<Vec<(u64, ObjectMeta)>, LakeError> {
        let mut versions: Vec<(u64, ObjectMeta)> = self
            .list(LEDGER_VERSIONS)?
            .into_iter()
            .filter_map(|meta| {
                let v = meta
                    .location
                    .filename()?
                    .strip_suffix(".parquet")?
                    .parse()
                    .ok()?;
                Some((v, meta))
            })
            .collect();
        versions.sort_by_key(|(v, _)| *v);
        Ok(versions)
    }

    /// The tokens of the leases of runs still writing; the leases of runs
    /// that died (on this machine, a process that is gone; anywhere, a lease
    /// not renewed for [`GRACE_SECS`]) are removed.
    ///
    /// # Errors
    /// [`LakeError::Store`] when the store cannot be reached or refuses.
    pub fn live_runs(&self) -> Result<HashSet<String>, LakeError> {
        let mut live = HashSet::new();
        let now = chrono::Utc::now().timestamp();
        for meta in self.list(LEASES)? {
            let rel = self.rel(&meta.location);
            let Some(token) = meta
                .location
                .filename()
                .and_then(|f| f.strip_suffix(".json"))
                .map(str::to_string)
            else {
                continue;
            };
            let lease: Option<LeaseRecord> = self
                .get(&rel)?
                .and_then(|b| serde_json::from_slice(&b).ok());
            let alive = lease.is_some_and(|l| {
                let renewed = l.renewed.max(meta.last_modified.timestamp());
                now - renewed < GRACE_SECS && (l.host != host_name() || process_alive(l.pid))
            });
            if alive {
                live.insert(token);
            } else {
                tracing::debug!("removing the lease of a run that died: {rel}");
                self.delete(&rel)?;
            }
        }
        Ok(live)
    }
}

/// What a lease says: which machine and process runs, since when, and when
/// it last said it was alive (Unix seconds).
#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct LeaseRecord {
    host: String,
    pid: u32,
    started: i64,
    renewed: i64,
}

/// A writing run's lease on a remote lake, removed when dropped (a killed
/// run's lease is removed by the next writer, see [`Remote::live_runs`]).
#[derive(Debug)]
pub struct Lease {
    remote: Arc<Remote>,
    /// Part of the name of every data file the run writes.
    pub token: String,
    started: i64,
}

impl Lease {
    /// Takes a new lease on `remote`.
    ///
    /// # Errors
    /// [`LakeError::Store`] when the store cannot be reached or refuses.
    pub fn take(remote: Arc<Remote>) -> Result<Lease, LakeError> {
        use sha2::Digest;
        let started = chrono::Utc::now();
        let seed = format!(
            "{}/{}/{}",
            host_name(),
            std::process::id(),
            started.timestamp_nanos_opt().unwrap_or_default()
        );
        let token = format!("r{}", &hex::encode(sha2::Sha256::digest(seed))[..12]);
        let lease = Lease {
            remote,
            token,
            started: started.timestamp(),
        };
        lease.renew()?;
        Ok(lease)
    }

    /// Says the run is still alive.
    ///
    /// # Errors
    /// [`LakeError::Store`] when the store cannot be reached or refuses.
    pub fn renew(&self) -> Result<(), LakeError> {
        let record = LeaseRecord {
            host: host_name(),
            pid: std::process::id(),
            started: self.started,
            renewed: chrono::Utc::now().timestamp(),
        };
        let body = serde_json::to_vec(&record).unwrap_or_default();
        self.remote
            .put(&self.rel(), Bytes::from(body), false)
            .map(|_| ())
    }

    fn rel(&self) -> String {
        format!("{LEASES}/{}.json", self.token)
    }
}

impl Drop for Lease {
    fn drop(&mut self) {
        let _ = self.remote.delete(&self.rel());
    }
}

/// This machine's name, as leases record it.
pub fn host_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .map(|h| h.trim().to_string())
        .unwrap_or_default()
}

/// False only when the process is known to be gone (Linux's `/proc`).
fn process_alive(pid: u32) -> bool {
    let proc = std::path::Path::new("/proc");
    !proc.join("self").exists() || proc.join(pid.to_string()).exists()
}

#[cfg(feature = "s3")]
fn s3_store(url: &str, _bucket: &str) -> Result<Arc<dyn ObjectStore>, LakeError> {
    use object_store::aws::AmazonS3Builder;
    use object_store::client::SpawnedReqwestConnector;
    use object_store::{BackoffConfig, RetryConfig};
    // a mistyped endpoint fails in seconds, not after object_store's
    // default three minutes of retries
    let retry = RetryConfig {
        backoff: BackoffConfig::default(),
        max_retries: 4,
        retry_timeout: std::time::Duration::from_secs(30),
    };
    let mut builder = AmazonS3Builder::from_env()
        .with_url(url)
        .with_retry(retry)
        .with_http_connector(SpawnedReqwestConnector::new(io_runtime().handle().clone()));
    if std::env::var_os("AWS_REGION").is_none() && std::env::var_os("AWS_DEFAULT_REGION").is_none()
    {
        builder = builder.with_region("us-east-1");
    }
    builder
        .build()
        .map(|s| Arc::new(s) as Arc<dyn ObjectStore>)
        .map_err(|e| LakeError::Location {
            lake: url.to_string(),
            message: crate::i18n::Msg::verbatim(e.to_string()),
        })
}

#[cfg(not(feature = "s3"))]
fn s3_store(url: &str, _bucket: &str) -> Result<Arc<dyn ObjectStore>, LakeError> {
    Err(LakeError::Location {
        lake: url.to_string(),
        message: crate::msg!("lake-s3-not-built"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Period, UnitCode};
    use crate::lake::{Batch, Lake, SubmissionRecord};
    use chrono::NaiveDate;
    use object_store::memory::InMemory;

    fn lake() -> Lake {
        Lake::on(Arc::new(Remote::with_store(
            Arc::new(InMemory::new()),
            "s3://kho",
            "lake",
        )))
    }

    /// A report of `unit` for `month` of 2023, received on `day` of the
    /// next month, as a one-submission batch.
    fn batch(id: &str, unit: &str, month: u32, day: u32) -> Batch {
        let received = NaiveDate::from_ymd_opt(2023, month + 1, day).unwrap();
        Batch {
            run_id: format!("run-{id}"),
            submissions: vec![SubmissionRecord {
                submission_id: id.into(),
                unit_code: UnitCode(unit.into()),
                period: Period::Month { year: 2023, month },
                received_at: received,
                source_file: format!("{id}.csv"),
                format: "csv".into(),
                rows_read: 0,
                rows_accepted: 0,
                rows_rejected: 0,
                superseded_by: None,
                ingested_at: received.and_hms_opt(9, 0, 0).unwrap(),
                file_totals: vec![],
            }],
            activities: vec![],
            rejects: vec![],
        }
    }

    #[test]
    fn two_writers_at_once_lose_no_commit() {
        let lake = lake();
        std::thread::scope(|scope| {
            for writer in ["a", "b"] {
                let lake = &lake;
                scope.spawn(move || {
                    let lock = lake.lock(false).unwrap();
                    let mut state = lake.read_state().unwrap();
                    for n in 0..15 {
                        // both writers also send the same report "same-n"
                        let b = if n % 5 == 0 {
                            batch(&format!("same-{n}"), "so-y-te", 7, 1)
                        } else {
                            batch(&format!("{writer}-{n}"), writer, 1 + n % 10, n)
                        };
                        state = lake.commit(&state, b, &lock).unwrap();
                    }
                });
            }
        });
        let state = lake.read_state().unwrap();
        let mut ids: Vec<&str> = state
            .submissions
            .iter()
            .map(|s| s.submission_id.as_str())
            .collect();
        ids.sort();
        // 12 of each writer's own reports, and 3 shared ones once each
        let mut expected: Vec<String> = ["a", "b"]
            .iter()
            .flat_map(|w| {
                (0..15)
                    .filter(|n| n % 5 != 0)
                    .map(move |n| format!("{w}-{n}"))
            })
            .chain((0..15).step_by(5).map(|n| format!("same-{n}")))
            .collect();
        expected.sort();
        assert_eq!(ids, expected);
        // one version per commit that added something: 27 submissions,
        // the 3 shared ones each committed once
        assert_eq!(state.version, 27);
        let remote = lake.remote().unwrap();
        assert_eq!(remote.ledger_versions().unwrap().len(), 27);
        // the plain copy is the latest version
        let copy = remote.get(crate::lake::LEDGER).unwrap().unwrap();
        let latest = remote.get(&super::super::ledger::version_name(27)).unwrap();
        assert_eq!(Some(copy), latest);
        // no lease is left behind
        assert!(remote.list(LEASES).unwrap().is_empty());
    }

    #[test]
    fn a_later_report_supersedes_across_writers() {
        let lake = lake();
        let first = lake.lock(false).unwrap();
        let second = lake.lock(false).unwrap();
        let empty = lake.read_state().unwrap();
        // both start from the empty lake; the second loses and re-marks
        lake.commit(&empty, batch("old", "so-y-te", 7, 10), &first)
            .unwrap();
        let state = lake
            .commit(&empty, batch("new", "so-y-te", 7, 20), &second)
            .unwrap();
        let old = state
            .submissions
            .iter()
            .find(|s| s.submission_id == "old")
            .unwrap();
        assert_eq!(old.superseded_by.as_deref(), Some("new"));
        assert_eq!(state.version, 2);
    }

    #[test]
    fn the_next_writer_removes_a_dead_runs_files_and_keeps_a_live_ones() {
        let lake = lake();
        let remote = lake.remote().unwrap().clone();
        let live = lake.lock(false).unwrap();
        let token = live.token().unwrap().to_string();
        let state = lake
            .commit(
                &lake.read_state().unwrap(),
                batch("x", "so-y-te", 7, 1),
                &live,
            )
            .unwrap();
        let body = Bytes::from_static(b"PAR1");
        let dead_file = "activities/year=2023/part-20230101-rdeadbeef0000.parquet";
        let live_file = format!("activities/year=2023/part-20230101-{token}.parquet");
        remote.put(dead_file, body.clone(), false).unwrap();
        remote.put(&live_file, body.clone(), false).unwrap();
        // a lease a process on this machine left when it was killed
        let dead_lease = LeaseRecord {
            host: host_name(),
            pid: u32::MAX - 1,
            started: 0,
            renewed: chrono::Utc::now().timestamp(),
        };
        remote
            .put(
                &format!("{LEASES}/rdeadbeef0000.json"),
                Bytes::from(serde_json::to_vec(&dead_lease).unwrap()),
                false,
            )
            .unwrap();
        let next = lake.lock(false).unwrap();
        assert_eq!(lake.remove_orphans(&state, &next).unwrap(), 1);
        assert_eq!(remote.get(dead_file).unwrap(), None);
        assert!(remote.get(&live_file).unwrap().is_some());
        assert!(
            remote
                .get(&format!("{LEASES}/rdeadbeef0000.json"))
                .unwrap()
                .is_none()
        );
    }
}
