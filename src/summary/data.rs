//! The figures of the summary, as the named queries answer them: each query
//! result becomes a small table of JSON values that the charts, the page,
//! the workbook and the Markdown all read, so every document shows the same
//! numbers as `baocao query`.

use serde_json::{Map, Value};

use crate::query::{QueryError, QueryResult, Session, named};

/// One answer: column names in order and the rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub name: String,
    pub columns: Vec<String>,
    pub rows: Vec<Map<String, Value>>,
}

impl Table {
    pub fn from_result(name: &str, r: &QueryResult) -> Result<Table, QueryError> {
        let columns = r.schema.fields().iter().map(|f| f.name().clone()).collect();
        let buf = crate::query::output::json_array(r)?;
        let rows = serde_json::from_slice(&buf).map_err(|e| QueryError::Sql {
            message: format!("cannot read the answer of {name}: {e}"),
        })?;
        Ok(Table {
            name: name.to_string(),
            columns,
            rows,
        })
    }

    pub fn num(row: &Map<String, Value>, col: &str) -> f64 {
        row.get(col).and_then(Value::as_f64).unwrap_or(0.0)
    }

    pub fn text(row: &Map<String, Value>, col: &str) -> String {
        match row.get(col) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Null) | None => String::new(),
            Some(v) => v.to_string(),
        }
    }
}

/// Every table the summary shows, for one year.
#[derive(Debug, Clone)]
pub struct SummaryData {
    pub year: i32,
    pub overview: Table,
    pub themes: Table,
    pub subthemes: Table,
    pub units: Table,
    pub peaks: Table,
    pub forms: Table,
    pub languages: Table,
    pub trend: Table,
    pub rate: Table,
    pub status: Table,
    pub gaps: Table,
    pub top: Table,
    pub rejects: Table,
}

impl SummaryData {
    /// Runs the named queries for `year`.
    pub async fn load(session: &Session, year: i32) -> Result<SummaryData, QueryError> {
        let y = year.to_string();
        let run = |name: &'static str| {
            let y = y.clone();
            async move {
                let q = named::find(name)?;
                let given: Vec<(String, String)> = if q.params.iter().any(|p| p.name == "year") {
                    vec![("year".into(), y)]
                } else {
                    vec![]
                };
                let params = q.bind(&given)?;
                let results = session.run(&q.sql, &params).await?;
                let last = results.last().ok_or(QueryError::Empty)?;
                Table::from_result(name, last)
            }
        };
        Ok(SummaryData {
            year,
            overview: run("lake_overview").await?,
            themes: run("coverage_by_theme").await?,
            subthemes: run("coverage_by_subtheme").await?,
            units: run("coverage_by_unit").await?,
            peaks: run("coverage_by_peak").await?,
            forms: run("coverage_by_form").await?,
            languages: run("language_coverage").await?,
            trend: run("monthly_trend").await?,
            rate: run("reporting_rate").await?,
            status: run("reporting_status").await?,
            gaps: run("gaps").await?,
            top: run("top_works").await?,
            rejects: run("rejects_summary").await?,
        })
    }

    /// Items of the year (all themes).
    pub fn items(&self) -> f64 {
        self.themes
            .rows
            .iter()
            .map(|r| Table::num(r, "items"))
            .sum()
    }
}
