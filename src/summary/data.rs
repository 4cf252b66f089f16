//! The figures of the summary, as the named queries answer them: each
//! query's answer becomes a small table of typed cells, read from its Arrow
//! columns, that the charts, the page, the workbook and the Markdown all
//! read, so every document shows the same numbers as `baocao query`. The
//! unit x theme table is pivoted here, one column per theme of the
//! reference data.

use arrow::array::{Array, ArrayRef, AsArray};
use arrow::compute::cast;
use arrow::datatypes::{Float64Type, Int64Type};
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
    /// The answer's rows, cell by cell from its Arrow columns: integers as
    /// whole numbers, floating-point columns as decimals (a whole value
    /// stays a decimal, so `100.0` prints as `100,0`), text and booleans as
    /// they are, dates `YYYY-MM-DD`, nulls as null.
    pub fn from_result(name: &str, r: &QueryResult) -> Result<Table, QueryError> {
        let columns: Vec<String> = r.schema.fields().iter().map(|f| f.name().clone()).collect();
        let mut rows = Vec::new();
        for b in &r.batches {
            let cells: Vec<Vec<Value>> = b
                .columns()
                .iter()
                .map(|c| cells(c.as_ref()))
                .collect::<Result<_, _>>()?;
            for i in 0..b.num_rows() {
                rows.push(
                    columns
                        .iter()
                        .zip(&cells)
                        .map(|(name, col)| (name.clone(), col[i].clone()))
                        .collect(),
                );
            }
        }
        Ok(Table {
            name: name.to_string(),
            columns,
            rows,
        })
    }

    /// A number of `row`; null (nothing to sum) is 0. A column the row does
    /// not have is a fault of the summary's code, not of the data: it stops
    /// the run rather than draw a zero.
    pub fn num(row: &Map<String, Value>, col: &str) -> f64 {
        match row.get(col) {
            Some(v) => v.as_f64().unwrap_or(0.0),
            None => {
                panic!("the summary reads a column {col} that the query's answer does not have")
            }
        }
    }

    /// A text of `row` (numbers written out; null as empty). A missing
    /// column stops the run, as in [`Table::num`].
    pub fn text(row: &Map<String, Value>, col: &str) -> String {
        match row.get(col) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Null) => String::new(),
            Some(v) => v.to_string(),
            None => {
                panic!("the summary reads a column {col} that the query's answer does not have")
            }
        }
    }
}

/// One Arrow column as cells.
fn cells(col: &dyn Array) -> Result<Vec<Value>, QueryError> {
    use arrow::datatypes::DataType as T;
    let n = col.len();
    let typed: Option<ArrayRef> = match col.data_type() {
        T::Int8 | T::Int16 | T::Int32 | T::Int64 | T::UInt8 | T::UInt16 | T::UInt32 | T::UInt64 => {
            Some(cast(col, &T::Int64)?)
        }
        T::Float16 | T::Float32 | T::Float64 | T::Decimal128(..) | T::Decimal256(..) => {
            Some(cast(col, &T::Float64)?)
        }
        _ => None,
    };
    let out = match (col.data_type(), &typed) {
        (_, Some(t)) if t.data_type() == &T::Int64 => {
            let a = t.as_primitive::<Int64Type>();
            (0..n)
                .map(|i| {
                    if a.is_null(i) {
                        Value::Null
                    } else {
                        Value::from(a.value(i))
                    }
                })
                .collect()
        }
        (_, Some(t)) => {
            let a = t.as_primitive::<Float64Type>();
            (0..n)
                .map(|i| {
                    if a.is_null(i) {
                        Value::Null
                    } else {
                        serde_json::Number::from_f64(a.value(i)).map_or(Value::Null, Value::Number)
                    }
                })
                .collect()
        }
        (T::Boolean, None) => {
            let a = col.as_boolean();
            (0..n)
                .map(|i| {
                    if a.is_null(i) {
                        Value::Null
                    } else {
                        Value::Bool(a.value(i))
                    }
                })
                .collect()
        }
        _ => {
            let text = cast(col, &T::Utf8)?;
            let a = text.as_string::<i32>();
            (0..n)
                .map(|i| {
                    if a.is_null(i) {
                        Value::Null
                    } else {
                        Value::String(a.value(i).to_string())
                    }
                })
                .collect()
        }
    };
    Ok(out)
}

/// Every table the summary shows, for one year.
#[derive(Debug, Clone)]
pub struct SummaryData {
    pub year: i32,
    pub overview: Table,
    pub themes: Table,
    pub subthemes: Table,
    /// One row per unit, a column per theme ([`SummaryData::unit_themes`])
    /// and `total`: `coverage_by_unit`'s rows pivoted.
    pub units: Table,
    /// The day whose units `units` shows (a year that spans a change of
    /// units), or none for the year's own units.
    pub units_as_of: Option<chrono::NaiveDate>,
    /// The theme columns of `units`: the campaign's themes in their order,
    /// then any theme code the year's activities hold that it does not list.
    pub unit_themes: Vec<String>,
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
    /// Runs the named queries for `year`; `themes` are the campaign's theme
    /// codes, in order, the columns of the unit x theme table. With
    /// `units_as_of`, the unit x theme table rolls the year's units up to
    /// those of that day (`coverage_by_unit`'s `$units_as_of`), a split unit
    /// labelled with its successors' names (`unit_names`: code to name).
    pub async fn load(
        session: &Session,
        year: i32,
        themes: &[String],
        units_as_of: Option<chrono::NaiveDate>,
        unit_names: &std::collections::BTreeMap<String, String>,
    ) -> Result<SummaryData, QueryError> {
        let y = year.to_string();
        let as_of = units_as_of.map(|d| d.to_string());
        let run = |name: &'static str| {
            let y = y.clone();
            let as_of = as_of.clone();
            async move {
                let q = named::find(name)?;
                let mut given: Vec<(String, String)> = Vec::new();
                for p in &q.params {
                    match (p.name.as_str(), &as_of) {
                        ("year", _) => given.push(("year".into(), y.clone())),
                        ("units_as_of", Some(d)) => given.push(("units_as_of".into(), d.clone())),
                        _ => {}
                    }
                }
                let params = q.bind(&given)?;
                let results = session.run(&q.sql, &params).await?;
                let last = results.last().ok_or(QueryError::Empty)?;
                Table::from_result(name, last)
            }
        };
        let (units, unit_themes) =
            pivot_units(&run("coverage_by_unit").await?, themes, unit_names)?;
        Ok(SummaryData {
            year,
            overview: run("lake_overview").await?,
            themes: run("coverage_by_theme").await?,
            subthemes: run("coverage_by_subtheme").await?,
            units,
            units_as_of,
            unit_themes,
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

/// `coverage_by_unit`'s rows (one per unit and theme, in the query's order
/// of units) as one row per unit: `unit_code`, `unit`, `unit_kind`, a
/// column per theme holding its quantity, and `total` (the query's
/// `unit_total`). The theme columns are `themes` (the campaign's) in order,
/// then any other theme code with a quantity in the rows (a code the
/// campaign does not list, in the order met); they are returned too. A row
/// without a unit, a theme or a quantity, or a campaign theme the rows do
/// not cover, is an error, never a zero.
pub(super) fn pivot_units(
    long: &Table,
    themes: &[String],
    unit_names: &std::collections::BTreeMap<String, String>,
) -> Result<(Table, Vec<String>), QueryError> {
    let bad = |what: String| QueryError::Sql {
        message: format!("cannot read the answer of coverage_by_unit: {what}"),
    };
    let mut columns: Vec<String> = themes.to_vec();
    let mut units: Vec<Map<String, Value>> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = Default::default();
    for r in &long.rows {
        let field = |name: &str| {
            r.get(name)
                .filter(|v| !v.is_null())
                .cloned()
                .ok_or_else(|| bad(format!("a row has no {name}")))
        };
        let unit = Table::text(r, "unit_code");
        let theme = Table::text(r, "theme_code");
        if unit.is_empty() || theme.is_empty() {
            return Err(bad("a row has no unit_code or theme_code".into()));
        }
        let quantity = field("quantity")?;
        // another year's theme, with nothing this year: not a column
        if !columns.contains(&theme) && quantity.as_f64().is_some_and(|q| q != 0.0) {
            columns.push(theme.clone());
        }
        let i = match index.get(&unit) {
            Some(&i) => i,
            None => {
                let mut row = Map::new();
                for name in ["unit_code", "unit", "unit_kind"] {
                    row.insert(name.into(), r.get(name).cloned().unwrap_or(Value::Null));
                }
                // rolled up to a later day's units: a unit split between
                // several keeps its row, labelled with where its work went
                // (rows without the column are the year's own units)
                match r.get("fate").and_then(Value::as_str).unwrap_or("same") {
                    "split" => {
                        let to = Table::text(r, "successors_as_of")
                            .split('|')
                            .map(|code| unit_names.get(code).cloned().unwrap_or(code.to_string()))
                            .collect::<Vec<_>>()
                            .join(", ");
                        let label = format!("{} → {to}", Table::text(r, "unit"));
                        row.insert("unit".into(), Value::from(label));
                    }
                    "ended" => {
                        let label = format!("{} → —", Table::text(r, "unit"));
                        row.insert("unit".into(), Value::from(label));
                    }
                    _ => {}
                }
                row.insert("total".into(), field("unit_total")?);
                units.push(row);
                index.insert(unit, units.len() - 1);
                units.len() - 1
            }
        };
        units[i].insert(theme, quantity);
    }
    for row in &mut units {
        for theme in &columns {
            // a theme with a quantity for some unit: the others have none
            if !themes.contains(theme) {
                row.entry(theme.clone()).or_insert(Value::from(0));
                continue;
            }
            // a theme the query had no row for: the query lists every
            // theme for every unit, so this is a theme it did not know
            if !row.contains_key(theme) {
                return Err(bad(format!("no quantity for theme {theme}")));
            }
        }
    }
    let mut names: Vec<String> = ["unit_code", "unit", "unit_kind"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    names.extend(columns.iter().cloned());
    names.push("total".into());
    // the theme columns before `total`, as the workbook shows them
    let rows = units
        .into_iter()
        .map(|mut row| {
            let mut ordered = Map::new();
            for n in &names {
                ordered.insert(n.clone(), row.remove(n).unwrap_or(Value::Null));
            }
            ordered
        })
        .collect();
    Ok((
        Table {
            name: long.name.clone(),
            columns: names,
            rows,
        },
        columns,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn long(rows: &[(&str, &str, i64, i64)]) -> Table {
        Table {
            name: "coverage_by_unit".into(),
            columns: vec![],
            rows: rows
                .iter()
                .map(|(u, t, q, total)| {
                    json!({"unit_code": u, "unit": u.to_uppercase(), "unit_kind": "district",
                           "theme_code": t, "quantity": q, "unit_total": total})
                    .as_object()
                    .cloned()
                    .unwrap_or_default()
                })
                .collect(),
        }
    }

    #[test]
    fn a_theme_the_campaign_adds_becomes_a_column_with_its_figures() {
        let rows = long(&[
            ("a", "ethnic", 2, 9),
            ("a", "religion", 0, 9),
            ("a", "climate", 7, 9),
            ("a", "water", 0, 9),
            ("b", "ethnic", 0, 1),
            ("b", "religion", 1, 1),
            ("b", "climate", 0, 1),
            ("b", "water", 0, 1),
        ]);
        let themes = vec!["religion".to_string(), "ethnic".to_string()];
        let (t, cols) = pivot_units(&rows, &themes, &Default::default()).unwrap();
        // `water`, another year's theme with nothing this year, is no column
        assert_eq!(cols, ["religion", "ethnic", "climate"]);
        assert_eq!(
            t.columns,
            [
                "unit_code",
                "unit",
                "unit_kind",
                "religion",
                "ethnic",
                "climate",
                "total"
            ]
        );
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0]["climate"], json!(7));
        assert_eq!(t.rows[0]["total"], json!(9));
        assert_eq!(t.rows[1]["religion"], json!(1));
    }

    #[test]
    fn a_missing_cell_is_an_error_not_a_zero() {
        let rows = long(&[("a", "ethnic", 2, 2), ("b", "religion", 1, 1)]);
        let themes = vec!["religion".to_string(), "ethnic".to_string()];
        let e = pivot_units(&rows, &themes, &Default::default())
            .unwrap_err()
            .to_string();
        assert!(e.contains("no quantity for theme"), "{e}");
    }
}
