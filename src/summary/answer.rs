//! Each named query's answer, decoded once from its Arrow columns into
//! typed cells that keep integers, decimals, dates and text apart, and a
//! null as a null: "no value" is a value the charts and documents must
//! handle, never a zero. A column the summary reads is looked up once, by
//! name and kind; one the answer lacks, or that holds another kind, is an
//! error naming the query and the column.

use arrow::array::{Array, AsArray};
use arrow::compute::cast;
use arrow::datatypes::{DataType, Date32Type, Float64Type, Int64Type};
use chrono::NaiveDate;

use crate::i18n::Msg;
use crate::msg;
use crate::query::QueryResult;

/// One cell of an answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Int(i64),
    /// A decimal column's value (a whole one stays a decimal: `100,0`).
    Decimal(f64),
    Text(String),
    Date(NaiveDate),
    Bool(bool),
}

impl Cell {
    /// The number a numeric cell holds; none for a null (or any other).
    pub fn number(&self) -> Option<f64> {
        match self {
            Cell::Int(n) => Some(*n as f64),
            Cell::Decimal(f) => Some(*f),
            _ => None,
        }
    }

    /// The text a text cell holds; empty for a null (or any other).
    pub fn text(&self) -> &str {
        match self {
            Cell::Text(s) => s,
            _ => "",
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Cell::Null)
    }
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Int,
    Decimal,
    Text,
    Date,
    Bool,
}

impl Kind {
    fn of(t: &DataType) -> Kind {
        use DataType as T;
        match t {
            T::Int8
            | T::Int16
            | T::Int32
            | T::Int64
            | T::UInt8
            | T::UInt16
            | T::UInt32
            | T::UInt64 => Kind::Int,
            T::Float16 | T::Float32 | T::Float64 | T::Decimal128(..) | T::Decimal256(..) => {
                Kind::Decimal
            }
            T::Date32 | T::Date64 => Kind::Date,
            T::Boolean => Kind::Bool,
            _ => Kind::Text,
        }
    }

    /// What a column of this kind holds, in words.
    fn describe(self) -> Msg {
        match self {
            Kind::Int | Kind::Decimal => msg!("summary-cells-numbers"),
            Kind::Text => msg!("summary-cells-text"),
            Kind::Date => msg!("summary-cells-dates"),
            Kind::Bool => msg!("summary-cells-bool"),
        }
    }
}

/// Why the summary cannot read an answer: a fault of the summary's code or
/// of a query file, named so that it can be found.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AnswerError {
    #[error(
        "{}",
        msg!("summary-answer-missing", query = query.clone(), column = column.clone())
    )]
    Missing { query: String, column: String },
    #[error(
        "{}",
        msg!(
            "summary-answer-kind",
            query = query.clone(),
            column = column.clone(),
            found = found.describe(),
            wanted = wanted.describe()
        )
    )]
    Kind {
        query: String,
        column: String,
        found: Kind,
        wanted: Kind,
    },
    #[error(
        "{}",
        msg!("summary-answer-unreadable", query = query.clone(), error = message.clone())
    )]
    Arrow { query: String, message: String },
}

/// A column of an answer, checked to exist (and hold what is read from it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Col(pub(super) usize);

/// One query's answer: its columns (name and kind) and rows of cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// The named query that answered.
    pub query: String,
    pub columns: Vec<(String, Kind)>,
    pub rows: Vec<Vec<Cell>>,
}

impl Answer {
    /// Decodes `result`, the answer of `query`.
    pub fn from_result(query: &str, result: &QueryResult) -> Result<Answer, AnswerError> {
        let columns: Vec<(String, Kind)> = result
            .schema
            .fields()
            .iter()
            .map(|f| (f.name().clone(), Kind::of(f.data_type())))
            .collect();
        let bad = |e: arrow::error::ArrowError| AnswerError::Arrow {
            query: query.to_string(),
            message: e.to_string(),
        };
        let mut rows = Vec::new();
        for b in &result.batches {
            let decoded: Vec<Vec<Cell>> = b
                .columns()
                .iter()
                .zip(&columns)
                .map(|(c, (_, kind))| cells(c.as_ref(), *kind))
                .collect::<Result<_, _>>()
                .map_err(bad)?;
            for i in 0..b.num_rows() {
                rows.push(decoded.iter().map(|col| col[i].clone()).collect());
            }
        }
        Ok(Answer {
            query: query.to_string(),
            columns,
            rows,
        })
    }

    /// An answer of these columns and rows (a table the summary makes).
    pub fn new(query: &str, columns: Vec<(String, Kind)>, rows: Vec<Vec<Cell>>) -> Answer {
        Answer {
            query: query.to_string(),
            columns,
            rows,
        }
    }

    /// The same answer with only the rows `keep` chooses.
    pub fn filtered(&self, keep: impl Fn(&[Cell]) -> bool) -> Answer {
        Answer {
            rows: self.rows.iter().filter(|r| keep(r)).cloned().collect(),
            ..self.clone()
        }
    }

    /// What the column `col` holds.
    pub fn kind(&self, col: Col) -> Kind {
        self.columns[col.0].1
    }

    /// The names of the columns, in order.
    pub fn names(&self) -> Vec<&str> {
        self.columns.iter().map(|(n, _)| n.as_str()).collect()
    }

    /// The column `name`, whatever it holds.
    pub fn col(&self, name: &str) -> Result<Col, AnswerError> {
        self.columns
            .iter()
            .position(|(n, _)| n == name)
            .map(Col)
            .ok_or_else(|| AnswerError::Missing {
                query: self.query.clone(),
                column: name.to_string(),
            })
    }

    /// The column `name`, which must hold numbers.
    pub fn number(&self, name: &str) -> Result<Col, AnswerError> {
        self.of_kind(name, &[Kind::Int, Kind::Decimal])
    }

    /// The column `name`, which must hold text.
    pub fn text(&self, name: &str) -> Result<Col, AnswerError> {
        self.of_kind(name, &[Kind::Text])
    }

    fn of_kind(&self, name: &str, kinds: &[Kind]) -> Result<Col, AnswerError> {
        let col = self.col(name)?;
        let found = self.columns[col.0].1;
        if kinds.contains(&found) {
            Ok(col)
        } else {
            Err(AnswerError::Kind {
                query: self.query.clone(),
                column: name.to_string(),
                found,
                wanted: kinds[0],
            })
        }
    }

    /// The cell of `row` in the column named `name`, or a null where the
    /// answer has no such column (for a formatter that looks around).
    pub fn get<'r>(&self, row: &'r [Cell], name: &str) -> &'r Cell {
        self.columns
            .iter()
            .position(|(n, _)| n == name)
            .and_then(|i| row.get(i))
            .unwrap_or(&Cell::Null)
    }

    /// The sum of a numeric column's values (nulls add nothing).
    pub fn sum(&self, col: Col) -> f64 {
        self.rows.iter().filter_map(|r| at(r, col).number()).sum()
    }
}

/// The cell of `row` in column `col`.
pub fn at(row: &[Cell], col: Col) -> &Cell {
    row.get(col.0).unwrap_or(&Cell::Null)
}

/// One Arrow column as cells of `kind`.
fn cells(col: &dyn Array, kind: Kind) -> Result<Vec<Cell>, arrow::error::ArrowError> {
    let n = col.len();
    let null = |i: usize| col.is_null(i);
    Ok(match kind {
        Kind::Int => {
            let a = cast(col, &DataType::Int64)?;
            let a = a.as_primitive::<Int64Type>();
            (0..n)
                .map(|i| {
                    if null(i) {
                        Cell::Null
                    } else {
                        Cell::Int(a.value(i))
                    }
                })
                .collect()
        }
        Kind::Decimal => {
            let a = cast(col, &DataType::Float64)?;
            let a = a.as_primitive::<Float64Type>();
            (0..n)
                .map(|i| {
                    if null(i) {
                        Cell::Null
                    } else {
                        Cell::Decimal(a.value(i))
                    }
                })
                .collect()
        }
        Kind::Date => {
            let a = cast(col, &DataType::Date32)?;
            let a = a.as_primitive::<Date32Type>();
            (0..n)
                .map(
                    |i| match (null(i), Date32Type::to_naive_date_opt(a.value(i))) {
                        (false, Some(d)) => Cell::Date(d),
                        _ => Cell::Null,
                    },
                )
                .collect()
        }
        Kind::Bool => {
            let a = col.as_boolean();
            (0..n)
                .map(|i| {
                    if null(i) {
                        Cell::Null
                    } else {
                        Cell::Bool(a.value(i))
                    }
                })
                .collect()
        }
        Kind::Text => {
            let a = cast(col, &DataType::Utf8)?;
            let a = a.as_string::<i32>();
            (0..n)
                .map(|i| {
                    if null(i) {
                        Cell::Null
                    } else {
                        Cell::Text(a.value(i).to_string())
                    }
                })
                .collect()
        }
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use arrow::array::{Date32Array, Float64Array, Int64Array, RecordBatch, StringArray};
    use arrow::datatypes::{Field, Schema};

    use super::*;

    fn result() -> QueryResult {
        let schema = Arc::new(Schema::new(vec![
            Field::new("peak_code", DataType::Utf8, false),
            Field::new("quantity_inside", DataType::Int64, false),
            Field::new("rate_outside", DataType::Float64, true),
            Field::new("start_date", DataType::Date32, false),
        ]));
        let batch = RecordBatch::try_new(
            schema.clone(),
            vec![
                Arc::new(StringArray::from(vec!["cerd", "upr"])),
                Arc::new(Int64Array::from(vec![12, 30])),
                Arc::new(Float64Array::from(vec![Some(2.0), None])),
                Arc::new(Date32Array::from(vec![19539, 19358])),
            ],
        )
        .unwrap();
        QueryResult {
            schema,
            batches: vec![batch],
            elapsed: Default::default(),
        }
    }

    #[test]
    fn cells_keep_their_kind_and_a_null_stays_null() {
        let a = Answer::from_result("coverage_by_peak", &result()).unwrap();
        assert_eq!(
            a.rows[0],
            [
                Cell::Text("cerd".into()),
                Cell::Int(12),
                Cell::Decimal(2.0),
                Cell::Date(NaiveDate::from_ymd_opt(2023, 7, 1).unwrap()),
            ]
        );
        // a year-long window has no months outside it: no rate, not zero
        let rate = a.number("rate_outside").unwrap();
        assert_eq!(at(&a.rows[1], rate), &Cell::Null);
        assert_eq!(at(&a.rows[1], rate).number(), None);
        assert_eq!(a.sum(a.number("quantity_inside").unwrap()), 42.0);
        assert_eq!(a.sum(rate), 2.0);
    }

    #[test]
    fn a_missing_or_mistyped_column_names_the_query_and_column() {
        let a = Answer::from_result("coverage_by_peak", &result()).unwrap();
        assert_eq!(
            a.number("lift").unwrap_err().to_string(),
            "the answer of coverage_by_peak has no column lift, which the summary reads"
        );
        assert_eq!(
            a.number("peak_code").unwrap_err().to_string(),
            "the column peak_code of coverage_by_peak holds text, where the summary reads numbers"
        );
        assert_eq!(
            a.text("start_date").unwrap_err().to_string(),
            "the column start_date of coverage_by_peak holds dates, where the summary reads text"
        );
        assert!(a.text("peak_code").is_ok());
        assert_eq!(a.get(&a.rows[0], "nowhere"), &Cell::Null);
    }
}
