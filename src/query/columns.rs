//! The pieces every in-memory table of the session is made of: text as
//! `Utf8View`, the type DataFusion reads Parquet text as (so that no
//! column is cast between the engine's reader and the query), dates as
//! `Date32`, and one batch in a `MemTable`.

use std::sync::Arc;

use arrow::array::{ArrayRef, Date32Array, RecordBatch, StringViewArray};
use arrow::datatypes::{DataType, Field, Schema, SchemaRef};
use chrono::NaiveDate;
use datafusion::datasource::MemTable;

use super::error::QueryError;
use crate::lake::tables::days;

pub(super) fn text(v: Vec<String>) -> ArrayRef {
    Arc::new(StringViewArray::from_iter_values(v))
}

pub(super) fn opt_text(v: Vec<Option<String>>) -> ArrayRef {
    Arc::new(v.into_iter().collect::<StringViewArray>())
}

pub(super) fn dates(v: Vec<Option<NaiveDate>>) -> ArrayRef {
    Arc::new(Date32Array::from(
        v.into_iter().map(|d| d.map(days)).collect::<Vec<_>>(),
    ))
}

pub(super) fn field(name: &str, t: DataType, nullable: bool) -> Field {
    // text is read as the engine reads Parquet text
    let t = if t == DataType::Utf8 {
        DataType::Utf8View
    } else {
        t
    };
    Field::new(name, t, nullable)
}

/// A table, as DataFusion takes it.
pub(super) type Table = Arc<dyn datafusion::catalog::TableProvider>;

pub(super) fn mem(fields: Vec<Field>, columns: Vec<ArrayRef>) -> Result<Table, QueryError> {
    let schema: SchemaRef = Arc::new(Schema::new(fields));
    let batch = RecordBatch::try_new(schema.clone(), columns)?;
    Ok(Arc::new(MemTable::try_new(schema, vec![vec![batch]])?))
}

/// `schema` with its text columns as `Utf8View`.
pub(super) fn view_types(schema: &Schema) -> SchemaRef {
    Arc::new(Schema::new(
        schema
            .fields()
            .iter()
            .map(|f| match f.data_type() {
                DataType::Utf8 => f.as_ref().clone().with_data_type(DataType::Utf8View),
                _ => f.as_ref().clone(),
            })
            .collect::<Vec<_>>(),
    ))
}
