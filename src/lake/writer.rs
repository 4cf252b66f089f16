//! The lake's one Parquet writer configuration. Every data file of the lake
//! (an ingest run's partition files, compaction's merged files, the
//! ledger) is written here, with arrow-rs, with the same settings, so that
//! an ingested partition and a compacted one look the same to every reader
//! (DataFusion, DuckDB, polars, pyarrow): the same column types (plain
//! strings, never view strings), row groups, statistics and encodings.

use std::fs::File;
use std::path::Path;

use arrow::array::{RecordBatch, UInt32Array};
use arrow::compute::{SortColumn, lexsort_to_indices, take_record_batch};
use arrow::datatypes::SchemaRef;
use arrow::error::ArrowError;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::errors::ParquetError;
use parquet::file::metadata::KeyValue;
use parquet::file::properties::{EnabledStatistics, WriterProperties, WriterVersion};
use parquet::schema::types::ColumnPath;

use super::error::{LakeError, io};
use super::tables::FREE_TEXT_COLUMNS;
use crate::atomic::write_atomic;

/// Rows per row group: the unit DataFusion and DuckDB skip by statistics.
pub const ROW_GROUP_ROWS: usize = 128 * 1024;

/// The zstd level of every data file (zstd's own default).
pub const ZSTD_LEVEL: i32 = 3;

/// The writer settings of every lake file: zstd, row groups of
/// [`ROW_GROUP_ROWS`] rows, min/max statistics per page (and so a page
/// index), dictionary encoding for every column but the free-text and id
/// columns of [`FREE_TEXT_COLUMNS`], and `metadata` as the file's key-value
/// metadata (the ledger's file list).
pub fn writer_properties(metadata: Vec<(String, String)>) -> WriterProperties {
    let mut builder = WriterProperties::builder()
        .set_writer_version(WriterVersion::PARQUET_1_0)
        .set_compression(Compression::ZSTD(
            ZstdLevel::try_new(ZSTD_LEVEL).unwrap_or_default(),
        ))
        .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
        .set_statistics_enabled(EnabledStatistics::Page)
        .set_dictionary_enabled(true)
        .set_created_by(format!("baocao {}", env!("CARGO_PKG_VERSION")));
    for column in FREE_TEXT_COLUMNS {
        builder = builder
            .set_column_dictionary_enabled(ColumnPath::from(vec![column.to_string()]), false);
    }
    if !metadata.is_empty() {
        builder = builder.set_key_value_metadata(Some(
            metadata
                .into_iter()
                .map(|(k, v)| KeyValue::new(k, v))
                .collect(),
        ));
    }
    builder.build()
}

/// The order of `batch`'s rows sorted by the columns `order` names (those
/// it has), ascending, nulls first.
pub fn sort_order(batch: &RecordBatch, order: &[&str]) -> Result<UInt32Array, ArrowError> {
    let columns: Vec<SortColumn> = order
        .iter()
        .filter_map(|k| batch.column_by_name(k))
        .map(|c| SortColumn {
            values: c.clone(),
            options: None,
        })
        .collect();
    if columns.is_empty() {
        return Ok((0..batch.num_rows() as u32).collect());
    }
    lexsort_to_indices(&columns, None)
}

/// `batch`'s rows in the order of `indices`, a row group at a time, so
/// that a sorted copy of a large batch is never held whole.
pub fn in_order<'a>(
    batch: &'a RecordBatch,
    indices: &'a UInt32Array,
) -> impl Iterator<Item = Result<RecordBatch, ArrowError>> + 'a {
    (0..indices.len())
        .step_by(ROW_GROUP_ROWS)
        .map(move |start| {
            let len = ROW_GROUP_ROWS.min(indices.len() - start);
            take_record_batch(batch, &indices.slice(start, len))
        })
}

/// Writes `batches` (all of `schema`) to `root/rel` as one Parquet file
/// with [`writer_properties`], atomically (see [`write_atomic`]); the
/// ledger passes `crash_points` `ledger`. A failed write underneath (a full
/// disk) is an I/O error of the file, so its hint says what to do; a batch
/// that cannot be built or encoded is an error of the data file.
pub fn write_file<I>(
    root: &Path,
    rel: &str,
    schema: SchemaRef,
    batches: I,
    metadata: Vec<(String, String)>,
    crash_points: Option<&str>,
) -> Result<(), LakeError>
where
    I: IntoIterator<Item = Result<RecordBatch, ArrowError>>,
{
    let path = root.join(rel);
    let tmp = crate::atomic::temporary(&path);
    write_atomic(&path, crash_points, |file: &mut File| {
        write_to(file, rel, &tmp, schema, batches, metadata)
    })
}

/// `batches` encoded as the Parquet file `rel` would be by [`write_file`],
/// in memory: an object to upload whole to object storage.
///
/// # Errors
/// A batch that cannot be built or encoded, as an error of the data file.
pub fn encode<I>(
    rel: &str,
    schema: SchemaRef,
    batches: I,
    metadata: Vec<(String, String)>,
) -> Result<bytes::Bytes, LakeError>
where
    I: IntoIterator<Item = Result<RecordBatch, ArrowError>>,
{
    let mut out = Vec::new();
    write_to(&mut out, rel, Path::new(rel), schema, batches, metadata)?;
    Ok(bytes::Bytes::from(out))
}

fn write_to<W, I>(
    sink: W,
    rel: &str,
    shown: &Path,
    schema: SchemaRef,
    batches: I,
    metadata: Vec<(String, String)>,
) -> Result<(), LakeError>
where
    W: std::io::Write + Send,
    I: IntoIterator<Item = Result<RecordBatch, ArrowError>>,
{
    let data = |message: String| LakeError::Data {
        path: rel.to_string(),
        message,
    };
    // the I/O error underneath a Parquet error, so that a full disk is
    // named as one
    let parquet = |e: ParquetError| match e {
        ParquetError::External(inner) => match inner.downcast::<std::io::Error>() {
            Ok(error) => io("write", shown)(*error),
            Err(other) => data(other.to_string()),
        },
        other => data(other.to_string()),
    };
    let props = writer_properties(metadata);
    let mut w = ArrowWriter::try_new(sink, schema, Some(props)).map_err(parquet)?;
    for b in batches {
        w.write(&b.map_err(|e| data(e.to_string()))?)
            .map_err(parquet)?;
    }
    w.close().map_err(parquet)?;
    Ok(())
}
