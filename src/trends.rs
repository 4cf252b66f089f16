//! `trends`: the files a scheduled job writes for dashboards and next
//! year's planning: `theme_monthly`, `unit_monthly`, `peak_monthly` and
//! `alerts`, each as Parquet and as CSV (UTF-8 with a BOM, for Excel), and
//! a `manifest.json`. The figures come from the named queries `trend_*` in
//! `queries/`, run as of one day.
//!
//! A job schedulers can trust: the same lake and as-of day give the same
//! bytes; the files are built in a hidden folder beside the output folder
//! and swapped in with one rename, so a reader sees the old set or the new
//! one, never half of each, and a run killed on the way leaves the old set;
//! a lock keeps two runs on one output folder apart, and a shared lock on
//! the lake keeps an ingest from changing it between the queries.

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use datafusion::common::ScalarValue;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use serde::Serialize;
use sha2::{Digest, Sha256};
use tracing::info;

use crate::i18n::Msg;
use crate::lake::{Lake, LakeError, WriteTrouble};
use crate::msg;
use crate::query::output::{Format, write};
use crate::query::{QueryError, QueryResult, Session, named};
use std::sync::Arc;

use crate::reference::Reference;

/// The trend files, each with the named query that computes it.
pub const FILES: [(&str, &str); 4] = [
    ("theme_monthly", "trend_theme_monthly"),
    ("unit_monthly", "trend_unit_monthly"),
    ("peak_monthly", "trend_peak_monthly"),
    ("alerts", "trend_alerts"),
];

/// The manifest's file name.
pub const MANIFEST: &str = "manifest.json";

/// The submissions current on the as-of day: what the trend queries read.
const SUBMISSIONS_USED: &str = "SELECT submission_id, received_at FROM submission_versions
    WHERE received_at <= $as_of AND (current_until IS NULL OR current_until > $as_of)
    ORDER BY submission_id";

/// What can go wrong writing the trend files.
#[derive(Debug, thiserror::Error)]
pub enum TrendsError {
    #[error(transparent)]
    Query(#[from] QueryError),
    #[error(transparent)]
    Lake(#[from] LakeError),
    #[error("{}", msg!("lake-io", action = crate::lake::action_msg(action), path = path.clone(), error = error.to_string(), hint = out_hint(error)))]
    Io {
        action: &'static str,
        path: String,
        error: std::io::Error,
    },
    #[error("{}", msg!("trends-cannot-write", path = path.clone(), error = message.clone()))]
    Write { path: String, message: String },
    #[error("{}", msg!("trends-busy", out = .0.clone()))]
    Busy(String),
    #[error("{}", msg!("trends-not-trends-folder", out = .0.clone(), manifest = MANIFEST))]
    NotTrendsFolder(String),
    #[error("{}", msg!("trends-bad-out", out = .0.clone()))]
    BadOut(String),
}

/// What to do when the output folder cannot be written; the previous set
/// is untouched either way.
fn out_hint(e: &std::io::Error) -> Msg {
    match WriteTrouble::of(e.kind()) {
        Some(WriteTrouble::Full) => msg!("trends-hint-full"),
        Some(WriteTrouble::ReadOnly) => msg!("trends-hint-read-only"),
        None => Msg::verbatim(""),
    }
}

fn io(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> TrendsError {
    let path = path.display().to_string();
    move |error| TrendsError::Io {
        action,
        path,
        error,
    }
}

/// How to run.
#[derive(Debug, Clone)]
pub struct TrendsOptions {
    /// The output folder, replaced whole.
    pub out: PathBuf,
    /// What "now" is: later submissions (by `received_at`) and later months
    /// are left out.
    pub as_of: NaiveDate,
    /// Wait for another run (or an ingest) to finish instead of failing.
    pub wait: bool,
}

/// `manifest.json`: what was written, from what.
#[derive(Debug, Clone, Serialize)]
pub struct Manifest {
    pub tool: String,
    pub as_of: String,
    pub lake: String,
    pub files: Vec<ManifestFile>,
    pub submissions: SubmissionsUsed,
}

/// One file of the set.
#[derive(Debug, Clone, Serialize)]
pub struct ManifestFile {
    pub name: String,
    pub rows: usize,
    pub bytes: usize,
    pub sha256: String,
}

/// The submissions the figures were computed from.
#[derive(Debug, Clone, Serialize)]
pub struct SubmissionsUsed {
    pub count: usize,
    pub latest_received_at: Option<String>,
    pub ids: Vec<String>,
}

/// Computes the trend files as of `opts.as_of` and swaps them into
/// `opts.out`; returns the manifest written.
pub async fn run(
    lake: &Lake,
    reference: &Arc<Reference>,
    opts: &TrendsOptions,
) -> Result<Manifest, TrendsError> {
    if !lake.exists() {
        return Err(QueryError::NoLake(lake.root.display().to_string()).into());
    }
    let (parent, name) = split_out(&opts.out)?;
    check_replaceable(&opts.out)?;
    fs::create_dir_all(&parent).map_err(io("create", &parent))?;
    let _out_lock = lock_output(&parent, &name, &opts.out, opts.wait)?;
    let removed = remove_leftovers(&parent, &name)?;
    if removed > 0 {
        info!(
            "{}",
            msg!("trends-removed-leftovers", n = removed, name = name.clone())
        );
    }
    let as_of = opts.as_of.format("%Y-%m-%d").to_string();
    info!(
        "{}",
        msg!(
            "trends-reading",
            day = as_of.clone(),
            lake = lake.root.display().to_string(),
            out = opts.out.display().to_string()
        )
    );

    // One session, one snapshot of the lake, for every query.
    let session = Session::open(lake, reference).await?;
    let param = [("as_of".to_string(), as_of.clone())];
    let mut tables = Vec::new();
    for (stem, query) in FILES {
        let q = named::find(query)?;
        let result = single(session.run(&q.sql, &q.bind(&param)?).await?, query)?;
        info!(
            "{}",
            msg!(
                "trends-file-rows",
                file = stem,
                n = result.num_rows(),
                query = query
            )
        );
        tables.push((stem, result));
    }
    let as_of_value =
        ScalarValue::Date32(Some((opts.as_of - NaiveDate::default()).num_days() as i32));
    let used = single(
        session
            .run(
                SUBMISSIONS_USED,
                &[("as_of".into(), as_of.clone(), as_of_value)],
            )
            .await?,
        "submissions_used",
    )?;
    drop(session);
    let submissions = submissions_used(&used)?;
    let latest = match &submissions.latest_received_at {
        Some(day) => msg!("trends-latest", day = day.clone()),
        None => msg!("trends-latest-none"),
    };
    info!(
        "{}",
        msg!(
            "trends-submissions",
            n = submissions.count,
            day = as_of.clone(),
            latest = latest
        )
    );

    let tmp = parent.join(format!(".{name}.tmp-{}", std::process::id()));
    let written = write_set(&tmp, &tables, &as_of, lake, submissions)
        .and_then(|manifest| replace_dir(&tmp, &opts.out, &parent, &name).map(|()| manifest));
    let manifest = match written {
        Ok(m) => m,
        Err(e) => {
            // a full disk: give the space back; the old set is untouched
            let _ = fs::remove_dir_all(&tmp);
            return Err(e);
        }
    };
    sync_dir(&parent)?;
    info!(
        "{}",
        msg!(
            "trends-wrote",
            n = manifest.files.len(),
            manifest = MANIFEST,
            out = opts.out.display().to_string()
        )
    );
    Ok(manifest)
}

/// Writes the files and the manifest into `tmp`, each fsynced.
fn write_set(
    tmp: &Path,
    tables: &[(&str, QueryResult)],
    as_of: &str,
    lake: &Lake,
    submissions: SubmissionsUsed,
) -> Result<Manifest, TrendsError> {
    fs::create_dir(tmp).map_err(io("create", tmp))?;
    let mut files = Vec::new();
    for (stem, result) in tables {
        let parquet = parquet_bytes(result, as_of, stem)?;
        let mut csv = "\u{feff}".as_bytes().to_vec();
        write(result, Format::Csv, &mut csv)?;
        for (ext, bytes) in [("parquet", parquet), ("csv", csv)] {
            let file = format!("{stem}.{ext}");
            write_synced(&tmp.join(&file), &bytes)?;
            files.push(ManifestFile {
                name: file,
                rows: result.num_rows(),
                bytes: bytes.len(),
                sha256: hex::encode(Sha256::digest(&bytes)),
            });
        }
    }
    crate::fault::point("trends-files-written");
    let manifest = Manifest {
        tool: format!("baocao {}", env!("CARGO_PKG_VERSION")),
        as_of: as_of.to_string(),
        lake: fs::canonicalize(&lake.root)
            .unwrap_or_else(|_| lake.root.clone())
            .display()
            .to_string(),
        files,
        submissions,
    };
    let mut json = serde_json::to_vec_pretty(&manifest).map_err(|e| TrendsError::Write {
        path: tmp.join(MANIFEST).display().to_string(),
        message: e.to_string(),
    })?;
    json.push(b'\n');
    write_synced(&tmp.join(MANIFEST), &json)?;
    sync_dir(tmp)?;
    crate::fault::point("trends-before-swap");
    Ok(manifest)
}

fn single(mut results: Vec<QueryResult>, query: &str) -> Result<QueryResult, TrendsError> {
    results.pop().ok_or_else(|| {
        TrendsError::Query(QueryError::Sql {
            message: msg!("trends-no-answer", query = query).to_string(),
        })
    })
}

/// The output folder's parent (created if need be) and its name.
fn split_out(out: &Path) -> Result<(PathBuf, String), TrendsError> {
    let name = out
        .file_name()
        .and_then(|n| n.to_str())
        .filter(|n| !n.is_empty() && *n != "." && *n != "..")
        .ok_or_else(|| TrendsError::BadOut(out.display().to_string()))?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Ok((parent, name.to_string()))
}

/// The lock beside the output folder (`.NAME.lock`), held until dropped or
/// until the process ends.
fn lock_output(parent: &Path, name: &str, out: &Path, wait: bool) -> Result<File, TrendsError> {
    let path = parent.join(format!(".{name}.lock"));
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(io("open", &path))?;
    let got = crate::lake::lock_file(&file, false, wait, || {
        info!(
            "{}",
            msg!("trends-waiting", out = out.display().to_string())
        )
    })
    .map_err(io("lock", &path))?;
    if got {
        Ok(file)
    } else {
        Err(TrendsError::Busy(out.display().to_string()))
    }
}

/// Removes the hidden folders a killed run left beside the output folder.
/// Needs the output lock.
fn remove_leftovers(parent: &Path, name: &str) -> Result<usize, TrendsError> {
    let prefixes = [format!(".{name}.tmp-"), format!(".{name}.old-")];
    let mut removed = 0;
    for entry in fs::read_dir(parent).map_err(io("read", parent))? {
        let entry = entry.map_err(io("read", parent))?;
        let file_name = entry.file_name();
        let Some(n) = file_name.to_str() else {
            continue;
        };
        if prefixes.iter().any(|p| n.starts_with(p.as_str())) {
            let path = entry.path();
            fs::remove_dir_all(&path).map_err(io("remove", &path))?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// The output folder is replaced whole: refuse one that holds anything but
/// a previous set of trend files.
fn check_replaceable(out: &Path) -> Result<(), TrendsError> {
    let Ok(meta) = fs::symlink_metadata(out) else {
        return Ok(());
    };
    if !meta.is_dir() {
        return Err(TrendsError::NotTrendsFolder(out.display().to_string()));
    }
    let empty = fs::read_dir(out).map_err(io("read", out))?.next().is_none();
    if empty || out.join(MANIFEST).is_file() {
        Ok(())
    } else {
        Err(TrendsError::NotTrendsFolder(out.display().to_string()))
    }
}

/// One Parquet file in memory: zstd, one row group, the as-of day in the
/// file's metadata. The writer adds nothing that changes between runs.
fn parquet_bytes(result: &QueryResult, as_of: &str, stem: &str) -> Result<Vec<u8>, TrendsError> {
    let err = |e: parquet::errors::ParquetError| TrendsError::Write {
        path: format!("{stem}.parquet"),
        message: e.to_string(),
    };
    let props = WriterProperties::builder()
        .set_compression(Compression::ZSTD(ZstdLevel::default()))
        .set_key_value_metadata(Some(vec![KeyValue::new(
            "baocao.as_of".to_string(),
            as_of.to_string(),
        )]))
        .build();
    let mut buf = Vec::new();
    let mut w = ArrowWriter::try_new(&mut buf, result.schema.clone(), Some(props)).map_err(err)?;
    for b in &result.batches {
        w.write(b).map_err(err)?;
    }
    w.close().map_err(err)?;
    Ok(buf)
}

fn submissions_used(result: &QueryResult) -> Result<SubmissionsUsed, TrendsError> {
    use arrow::array::{Array, Date32Array, StringArray};
    use arrow::util::display::array_value_to_string;
    let mut ids = Vec::new();
    let mut latest: Option<String> = None;
    for b in &result.batches {
        let (Some(id), Some(received)) = (
            b.column(0).as_any().downcast_ref::<StringArray>(),
            b.column(1).as_any().downcast_ref::<Date32Array>(),
        ) else {
            return Err(TrendsError::Query(QueryError::Sql {
                message: msg!("trends-unexpected-columns").to_string(),
            }));
        };
        for i in 0..b.num_rows() {
            if !id.is_null(i) {
                ids.push(id.value(i).to_string());
            }
            if !received.is_null(i) {
                let day = array_value_to_string(received, i).map_err(QueryError::Arrow)?;
                if latest.as_ref().is_none_or(|l| &day > l) {
                    latest = Some(day);
                }
            }
        }
    }
    Ok(SubmissionsUsed {
        count: ids.len(),
        latest_received_at: latest,
        ids,
    })
}

fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), TrendsError> {
    crate::atomic::write_bytes(path, bytes).map_err(|e| io(e.action, &e.path)(e.error))
}

fn sync_dir(dir: &Path) -> Result<(), TrendsError> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io("sync", dir))
}

/// Puts the finished folder `new` where `out` is. On Linux the two are
/// exchanged in one `renameat2(RENAME_EXCHANGE)`, so `out` always exists
/// and holds a whole set; elsewhere (or on a file system without it) the
/// old folder is renamed aside first, leaving a moment with no `out`, never
/// one with half a set. The old set is then removed.
fn replace_dir(new: &Path, out: &Path, parent: &Path, name: &str) -> Result<(), TrendsError> {
    if fs::symlink_metadata(out).is_err() {
        return fs::rename(new, out).map_err(io("rename", new));
    }
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(CWD, new, CWD, out, RenameFlags::EXCHANGE) {
            Ok(()) => return fs::remove_dir_all(new).map_err(io("remove", new)),
            Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {}
            Err(e) => return Err(io("replace", out)(e.into())),
        }
    }
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    fs::rename(out, &old).map_err(io("rename", out))?;
    if let Err(e) = fs::rename(new, out) {
        // put the old set back: never leave no set at all
        let _ = fs::rename(&old, out);
        return Err(io("rename", new)(e));
    }
    fs::remove_dir_all(&old).map_err(io("remove", &old))
}

#[cfg(test)]
mod tests {
    use crate::i18n::{Lang, lookup};
    use crate::msg;

    #[test]
    fn an_alert_detail_is_said_in_vietnamese() {
        let silent = msg!(
            "trends-alert-silent",
            periods = "2023-07, 2023-08, 2023-09",
            months = 3,
            last = "2023-06"
        );
        assert_eq!(
            silent.say(Lang::En),
            "No monthly report for 2023-07, 2023-08, 2023-09 (3 months running); the last one received was for 2023-06."
        );
        assert_eq!(
            silent.say(Lang::Vi),
            "Không có báo cáo tháng cho các kỳ 2023-07, 2023-08, 2023-09 (3 tháng liên tiếp); báo cáo nhận được gần nhất là của kỳ 2023-06."
        );
        let drop = msg!(
            "trends-alert-theme-drop",
            month = "2023-11",
            quantity = 1200,
            average = 2466.6667,
            first = "2023-08",
            last = "2023-10"
        );
        assert_eq!(
            drop.say(Lang::Vi),
            "Số lượng kỳ 2023-11 là 1.200, chưa bằng một nửa mức trung bình 2.466,67 của các kỳ 2023-08 đến 2023-10."
        );
        // the English stays as the query wrote it before: no grouping
        assert_eq!(
            drop.say(Lang::En),
            "Quantity in 2023-11 was 1200, less than half its average of 2466.67 over 2023-08 to 2023-10."
        );
        let rows = msg!(
            "trends-alert-rows-refused",
            rows = 1,
            period = "2023-08",
            file = "muong-nhe-2023-08.xlsx",
            first = "4",
            reason = "Ngày '31/02/2023' không có thật."
        );
        assert_eq!(
            rows.say(Lang::Vi),
            "1 dòng của báo cáo kỳ 2023-08 (muong-nhe-2023-08.xlsx) bị từ chối, dòng đầu tiên là dòng 4: Ngày '31/02/2023' không có thật. Hãy gửi báo cáo đã sửa."
        );
    }

    /// Each `say('id', 'name', value, ...)` of the queries names a message
    /// of both languages, which uses each argument named.
    #[test]
    fn the_messages_the_queries_say_are_in_both_files() {
        let name = regex::Regex::new(r"^\s*'([a-z]+)'$").unwrap();
        let mut seen = 0;
        for q in crate::query::named::all().unwrap() {
            for (at, _) in q.sql.match_indices("say('") {
                // the call's text, to its closing parenthesis
                let body = &q.sql[at + 4..];
                let mut depth = 0;
                let end = body
                    .char_indices()
                    .find(|&(_, c)| {
                        depth += match c {
                            '(' => 1,
                            ')' => -1,
                            _ => 0,
                        };
                        depth < 0
                    })
                    .map(|(i, _)| i)
                    .unwrap();
                // top-level arguments: the id, then name, value, ...
                let mut args = vec![String::new()];
                let mut depth = 0;
                for c in body[..end].chars() {
                    match c {
                        ',' if depth == 0 => args.push(String::new()),
                        _ => {
                            depth += match c {
                                '(' => 1,
                                ')' => -1,
                                _ => 0,
                            };
                            args.last_mut().unwrap().push(c);
                        }
                    }
                }
                let id = args[0].trim().trim_matches('\'').to_string();
                seen += 1;
                for lang in Lang::ALL {
                    let text = crate::i18n::files(lang)
                        .into_iter()
                        .find_map(|(_, file)| file.split(&format!("\n{id} = ")).nth(1))
                        .unwrap_or_else(|| panic!("{id} is not in {lang:?}"));
                    // to the next message: a line that does not start with a space
                    let end = text
                        .match_indices('\n')
                        .find(|(i, _)| !text[i + 1..].starts_with(' '))
                        .map_or(text.len(), |(i, _)| i);
                    let text = &text[..end];
                    for a in args[1..].iter().step_by(2) {
                        let n = &name.captures(a).unwrap_or_else(|| panic!("{id}: {a}"))[1];
                        assert!(
                            text.contains(&format!("${n}")),
                            "{id} ({lang:?}) does not say {n}"
                        );
                    }
                    assert!(lookup(&id, lang).is_some());
                }
            }
        }
        assert!(seen >= 6, "{seen} messages said by the queries");
    }
}
