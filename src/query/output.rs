//! Printing answers through Arrow's own writers: `table` for people (pretty
//! print), `csv` with a header row, `json` as one array of row objects
//! (dates `YYYY-MM-DD`, numbers as numbers, nulls as null), and `parquet`
//! to a file.

use std::io::Write;
use std::path::Path;

use arrow::csv::WriterBuilder as CsvWriterBuilder;
use arrow::json::WriterBuilder as JsonWriterBuilder;
use arrow::json::writer::JsonArray;
use arrow::util::pretty::pretty_format_batches;
use parquet::arrow::ArrowWriter;

use super::error::QueryError;
use super::result::QueryResult;

/// The output formats of `sql` and `query`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Json,
    Parquet,
}

fn out_err(path: &str) -> impl Fn(std::io::Error) -> QueryError + '_ {
    move |source| QueryError::Output {
        path: path.to_string(),
        source,
    }
}

/// Writes one answer in a text format.
pub fn write(result: &QueryResult, format: Format, out: &mut dyn Write) -> Result<(), QueryError> {
    let shown = crate::i18n::tr("query-the-output");
    let to = out_err(&shown);
    match format {
        Format::Table => {
            if result.num_rows() == 0 {
                let names: Vec<&str> = result
                    .schema
                    .fields()
                    .iter()
                    .map(|f| f.name().as_str())
                    .collect();
                writeln!(
                    out,
                    "{}",
                    crate::msg!("query-no-rows", columns = names.join(", "))
                )
                .map_err(&to)?;
            } else {
                writeln!(out, "{}", pretty_format_batches(&result.batches)?).map_err(&to)?;
                let n = result.num_rows();
                writeln!(out, "{}", crate::msg!("query-rows", n = n)).map_err(&to)?;
            }
        }
        Format::Csv => {
            let mut w = CsvWriterBuilder::new()
                .with_header(true)
                .with_date_format("%Y-%m-%d".into())
                .build(out);
            if result.batches.is_empty() {
                let header: Vec<&str> = result
                    .schema
                    .fields()
                    .iter()
                    .map(|f| f.name().as_str())
                    .collect();
                let inner = w.into_inner();
                writeln!(inner, "{}", header.join(",")).map_err(&to)?;
            } else {
                for b in &result.batches {
                    w.write(b)?;
                }
            }
        }
        Format::Json => {
            let buf = json_array(result)?;
            out.write_all(&buf).map_err(&to)?;
            writeln!(out).map_err(&to)?;
        }
        Format::Parquet => {
            return Err(QueryError::Param(crate::msg!("query-parquet-needs-output")));
        }
    }
    Ok(())
}

/// The answer as one JSON array of row objects (`[]` when empty): dates
/// `YYYY-MM-DD`, numbers as numbers, nulls as null.
pub fn json_array(result: &QueryResult) -> Result<Vec<u8>, QueryError> {
    let mut buf = Vec::new();
    {
        let mut w = JsonWriterBuilder::new()
            .with_explicit_nulls(true)
            .build::<_, JsonArray>(&mut buf);
        for b in &result.batches {
            w.write(b)?;
        }
        w.finish()?;
    }
    if buf.is_empty() {
        buf.extend_from_slice(b"[]");
    }
    Ok(buf)
}

/// Writes one answer to a file, atomically (see [`crate::atomic`]): the
/// file appears whole or not at all. Parquet with arrow-rs' default
/// settings (an analyst's extract, not a lake file).
pub fn write_file(result: &QueryResult, format: Format, path: &Path) -> Result<(), QueryError> {
    let shown = path.display().to_string();
    crate::atomic::write_atomic(path, None, |file| match format {
        Format::Parquet => (|| {
            let mut w = ArrowWriter::try_new(&mut *file, result.schema.clone(), None)?;
            for b in &result.batches {
                w.write(b)?;
            }
            w.close().map(|_| ())
        })()
        .map_err(|e| QueryError::OutputFormat {
            path: shown.clone(),
            message: crate::i18n::Msg::verbatim(e.to_string()),
        }),
        other => write(result, other, file),
    })
}
