//! A query's answer as the writers take it: its schema and batches, text
//! as `Utf8` (the contract's text type), and how long it took.

use std::sync::Arc;

use arrow::array::{Array, RecordBatch};
use arrow::datatypes::SchemaRef;

use super::error::QueryError;

/// A query's answer.
#[derive(Debug, Clone)]
pub struct QueryResult {
    pub schema: SchemaRef,
    pub batches: Vec<RecordBatch>,
    /// How long the statement took, from planning to its last batch
    /// (printing apart): what `sql --timer` shows.
    pub elapsed: std::time::Duration,
}

impl QueryResult {
    pub fn num_rows(&self) -> usize {
        self.batches.iter().map(|b| b.num_rows()).sum()
    }

    /// The first row's value of an integer column, for headline figures.
    pub fn first_i64(&self, column: &str) -> Option<i64> {
        let col = self.first_as(column, arrow::datatypes::DataType::Int64)?;
        let ints = col.as_any().downcast_ref::<arrow::array::Int64Array>()?;
        (!ints.is_null(0)).then(|| ints.value(0))
    }

    /// The first row's value of a text column (`None` if absent or null).
    pub fn first_str(&self, column: &str) -> Option<String> {
        let col = self.first_as(column, arrow::datatypes::DataType::Utf8)?;
        let text = col.as_any().downcast_ref::<arrow::array::StringArray>()?;
        (!text.is_null(0)).then(|| text.value(0).to_string())
    }

    /// A column of the first non-empty batch, cast to `to`.
    fn first_as(
        &self,
        column: &str,
        to: arrow::datatypes::DataType,
    ) -> Option<arrow::array::ArrayRef> {
        let batch = self.batches.iter().find(|b| b.num_rows() > 0)?;
        arrow::compute::cast(batch.column_by_name(column)?, &to).ok()
    }
}

/// An answer with its `Utf8View` columns (the engine's text) as `Utf8`,
/// the contract's text type, for every writer and reader downstream.
pub(super) fn as_utf8(
    schema: SchemaRef,
    batches: Vec<RecordBatch>,
) -> Result<QueryResult, QueryError> {
    use arrow::datatypes::{DataType, Schema};
    if !schema
        .fields()
        .iter()
        .any(|f| f.data_type() == &DataType::Utf8View)
    {
        return Ok(QueryResult {
            schema,
            batches,
            elapsed: Default::default(),
        });
    }
    let fields: Vec<_> = schema
        .fields()
        .iter()
        .map(|f| match f.data_type() {
            DataType::Utf8View => f.as_ref().clone().with_data_type(DataType::Utf8),
            _ => f.as_ref().clone(),
        })
        .collect();
    let to = Arc::new(Schema::new_with_metadata(fields, schema.metadata().clone()));
    let batches = batches
        .iter()
        .map(|b| {
            let columns = b
                .columns()
                .iter()
                .zip(to.fields())
                .map(|(c, f)| arrow::compute::cast(c, f.data_type()))
                .collect::<Result<Vec<_>, _>>()?;
            RecordBatch::try_new(to.clone(), columns)
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(QueryResult {
        schema: to,
        batches,
        elapsed: Default::default(),
    })
}
