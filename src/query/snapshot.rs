//! The lake as one reader's snapshot sees it. Queries read the local disk
//! (or the bucket) through [`SnapshotStore`], whose listings of the lake's data folders hold
//! only the files the snapshot's ledger lists: files a crashed run left, a
//! run still writing, or a compaction replaced are never read, and the
//! ledger (`submissions`) is the one read with the snapshot, so every table
//! belongs to the same commit.

use std::collections::HashSet;
use std::fmt;
use std::sync::Arc;

use async_trait::async_trait;
use futures::future::ready;
use futures::stream::{BoxStream, StreamExt};
use object_store::local::LocalFileSystem;
use object_store::path::Path;
use object_store::{
    CopyOptions, GetOptions, GetResult, ListResult, MultipartUpload, ObjectMeta, ObjectStore,
    PutMultipartOptions, PutOptions, PutPayload, PutResult, Result,
};

/// The lake's store (the local file system, or the bucket on object
/// storage), with the lake's data folders filtered.
#[derive(Debug)]
pub(super) struct SnapshotStore {
    inner: Arc<dyn ObjectStore>,
    rule: Arc<Rule>,
}

#[derive(Debug)]
struct Rule {
    /// Folders in which only committed files are listed.
    guarded: Vec<Path>,
    committed: HashSet<Path>,
}

impl Rule {
    fn visible(&self, location: &Path) -> bool {
        self.committed.contains(location)
            || !self.guarded.iter().any(|g| location.prefix_matches(g))
    }
}

impl SnapshotStore {
    /// `root` is the local lake's canonical path; `guarded` its data
    /// folders and `committed` the ledger's files, both relative to it.
    pub(super) fn local(
        root: &std::path::Path,
        guarded: &[&str],
        committed: &[String],
    ) -> std::result::Result<SnapshotStore, object_store::path::Error> {
        let path = |rel: &str| Path::from_absolute_path(root.join(rel));
        Ok(SnapshotStore::new(
            Arc::new(LocalFileSystem::new()),
            guarded.iter().map(|g| path(g)).collect::<Result<_, _>>()?,
            committed
                .iter()
                .map(|c| path(c))
                .collect::<Result<_, _>>()?,
        ))
    }

    /// `inner` with only the `committed` objects listed under the
    /// `guarded` prefixes.
    pub(super) fn new(
        inner: Arc<dyn ObjectStore>,
        guarded: Vec<Path>,
        committed: HashSet<Path>,
    ) -> SnapshotStore {
        SnapshotStore {
            inner,
            rule: Arc::new(Rule { guarded, committed }),
        }
    }
}

impl fmt::Display for SnapshotStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SnapshotStore({})", self.inner)
    }
}

#[async_trait]
impl ObjectStore for SnapshotStore {
    async fn put_opts(
        &self,
        location: &Path,
        payload: PutPayload,
        opts: PutOptions,
    ) -> Result<PutResult> {
        self.inner.put_opts(location, payload, opts).await
    }

    async fn put_multipart_opts(
        &self,
        location: &Path,
        opts: PutMultipartOptions,
    ) -> Result<Box<dyn MultipartUpload>> {
        self.inner.put_multipart_opts(location, opts).await
    }

    async fn get_opts(&self, location: &Path, options: GetOptions) -> Result<GetResult> {
        self.inner.get_opts(location, options).await
    }

    fn delete_stream(
        &self,
        locations: BoxStream<'static, Result<Path>>,
    ) -> BoxStream<'static, Result<Path>> {
        self.inner.delete_stream(locations)
    }

    fn list(&self, prefix: Option<&Path>) -> BoxStream<'static, Result<ObjectMeta>> {
        let rule = self.rule.clone();
        self.inner
            .list(prefix)
            .filter(move |meta| {
                ready(match meta {
                    Ok(meta) => rule.visible(&meta.location),
                    Err(_) => true,
                })
            })
            .boxed()
    }

    async fn list_with_delimiter(&self, prefix: Option<&Path>) -> Result<ListResult> {
        let mut listed = self.inner.list_with_delimiter(prefix).await?;
        listed
            .objects
            .retain(|meta| self.rule.visible(&meta.location));
        Ok(listed)
    }

    async fn copy_opts(&self, from: &Path, to: &Path, options: CopyOptions) -> Result<()> {
        self.inner.copy_opts(from, to, options).await
    }
}
