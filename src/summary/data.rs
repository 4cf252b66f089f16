//! The figures of the summary, as the named queries answer them: each
//! query's answer decoded once into typed rows ([`Answer`]) that the
//! charts, the page, the workbook, the Markdown and the Word report all
//! read, so every document shows the same numbers as `baocao query`. The
//! unit x theme table is pivoted here, one column per theme of the
//! reference data.

use std::collections::{BTreeMap, HashMap};

use super::answer::{Answer, Cell, Kind, at};
use super::error::SummaryError;
use crate::i18n::{Lang, Msg};
use crate::msg;
use crate::query::{QueryError, Session, named};

/// Every table the summary shows, for one year.
#[derive(Debug, Clone)]
pub struct SummaryData {
    pub year: i32,
    pub overview: Answer,
    pub themes: Answer,
    pub subthemes: Answer,
    /// One row per unit, a column per theme ([`SummaryData::unit_themes`])
    /// and `total`: `coverage_by_unit`'s rows pivoted.
    pub units: Answer,
    /// The day whose units `units` shows (a year that spans a change of
    /// units), or none for the year's own units.
    pub units_as_of: Option<chrono::NaiveDate>,
    /// The theme columns of `units`: the campaign's themes in their order,
    /// then any theme code the year's activities hold that it does not list.
    pub unit_themes: Vec<String>,
    pub peaks: Answer,
    pub forms: Answer,
    pub languages: Answer,
    pub trend: Answer,
    pub rate: Answer,
    pub status: Answer,
    pub gaps: Answer,
    pub top: Answer,
    pub rejects: Answer,
    /// `data_quality`'s findings of the year, every column (the workbook).
    pub quality: Answer,
    /// The same findings in the columns a reader acts on (`kind`, `unit`,
    /// `period`, `source_file`, `source_row`, `item`, `detail`): the
    /// documents' follow-up section.
    pub follow_up: Answer,
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
        unit_names: &BTreeMap<String, String>,
    ) -> Result<SummaryData, SummaryError> {
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
                Ok::<_, SummaryError>(Answer::from_result(name, last)?)
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
            quality: run("data_quality").await?,
            follow_up: Answer::new("data_quality", Vec::new(), Vec::new()),
        })
    }

    /// Marks the award candidates whose figures data-quality flags (an
    /// outlier or a broken rule on the same item): `top` gains the column
    /// `check`, the finding's sentence (null for a figure nothing flags),
    /// and `follow_up` is made from `quality`. The sentences are said in
    /// the language the findings were loaded in.
    pub fn mark_findings(&mut self) -> Result<(), SummaryError> {
        let q = &self.quality;
        let (item, detail) = (q.text("activity_id")?.0, q.text("detail")?.0);
        let mut flagged: HashMap<&str, &str> = HashMap::new();
        for r in &q.rows {
            if !r[item].is_null() {
                flagged.entry(r[item].text()).or_insert(r[detail].text());
            }
        }
        // the id only finds the item: the documents show the mark instead
        let top = &self.top;
        let id = top.text("activity_id")?.0;
        let mut columns = top.columns.clone();
        columns.remove(id);
        columns.push(("check".to_string(), Kind::Text));
        let rows = top
            .rows
            .iter()
            .map(|r| {
                let mut row = r.clone();
                row.remove(id);
                row.push(match flagged.get(r[id].text()) {
                    Some(said) => {
                        Cell::Text(msg!("summary-needs-checking", finding = *said).to_string())
                    }
                    None => Cell::Null,
                });
                row
            })
            .collect();
        let top = Answer::new(&top.query, columns, rows);
        let keep = [
            "kind",
            "unit",
            "period",
            "source_file",
            "source_row",
            "item",
            "detail",
        ];
        let picked: Vec<usize> = keep
            .iter()
            .map(|c| q.col(c).map(|c| c.0))
            .collect::<Result<_, _>>()?;
        // the file by its name: the folder it was ingested from is the
        // department's, not the reader's
        let file = q.text("source_file")?.0;
        let named = |i: usize, cell: &Cell| match cell {
            Cell::Text(path) if i == file => Cell::Text(
                std::path::Path::new(path)
                    .file_name()
                    .map_or(path.clone(), |n| n.to_string_lossy().into_owned()),
            ),
            other => other.clone(),
        };
        let follow_up = Answer::new(
            "data_quality",
            picked.iter().map(|&i| q.columns[i].clone()).collect(),
            q.rows
                .iter()
                .map(|r| picked.iter().map(|&i| named(i, &r[i])).collect())
                .collect(),
        );
        self.top = top;
        self.follow_up = follow_up;
        Ok(())
    }

    /// The refusals to follow up, said in the document's language `l`.
    /// In Vietnamese: each kind (`reason_kind`) by its code's Vietnamese
    /// description ([`crate::domain::ReasonCode::describe_vi`]), and
    /// without the example sentence (a lake written before issue 27's
    /// messages holds it in English only; the file and unit say where to
    /// look), so a Vietnamese document carries no English sentence. In
    /// English: the example said in English (`example_reason_en`), whatever
    /// the language of the run that refused it. Either way the document
    /// shows one example column.
    pub fn rejects_in(&mut self, l: Lang) -> Result<(), SummaryError> {
        let r = &self.rejects;
        let (code, kind, example) = (
            r.text("reason_code")?.0,
            r.text("reason_kind")?.0,
            r.col("example_reason")?.0,
        );
        // a query file from before the English example: its example as it is
        let english = r.col("example_reason_en").ok().map(|c| c.0);
        let keep = |i: usize| Some(i) != english && (l == Lang::En || i != example);
        let columns = r
            .columns
            .iter()
            .enumerate()
            .filter(|(i, _)| keep(*i))
            .map(|(_, c)| c.clone())
            .collect();
        let rows = r
            .rows
            .iter()
            .map(|row| {
                let said = match l {
                    Lang::Vi => Some(
                        crate::domain::ReasonCode::from_code(row[code].text())
                            .map(|c| c.describe_vi().to_string())
                            .unwrap_or_else(|| msg!("summary-reason-before-codes").say(l)),
                    ),
                    Lang::En => None,
                };
                row.iter()
                    .enumerate()
                    .filter(|(i, _)| keep(*i))
                    .map(|(i, c)| match (&said, english) {
                        (Some(said), _) if i == kind => Cell::Text(said.clone()),
                        (None, Some(en)) if i == example && !row[en].is_null() => row[en].clone(),
                        _ => c.clone(),
                    })
                    .collect()
            })
            .collect();
        self.rejects = Answer::new(&r.query, columns, rows);
        Ok(())
    }

    /// Items of the year (all themes).
    pub fn items(&self) -> Result<f64, SummaryError> {
        Ok(self.themes.sum(self.themes.number("items")?))
    }
}

/// One unit of the pivoted table: code, label, kind, total, and its
/// quantity per theme.
type UnitRow = (Cell, String, Cell, Cell, HashMap<String, Cell>);

/// `coverage_by_unit`'s rows (one per unit and theme, in the query's order
/// of units) as one row per unit: `unit_code`, `unit`, `unit_kind`, a
/// column per theme holding its quantity, and `total` (the query's
/// `unit_total`). The theme columns are `themes` (the campaign's) in order,
/// then any other theme code with a quantity in the rows (a code the
/// campaign does not list, in the order met); they are returned too. A row
/// without a unit, a theme or a quantity, or a campaign theme the rows do
/// not cover, is an error, never a zero.
pub(super) fn pivot_units(
    long: &Answer,
    themes: &[String],
    unit_names: &BTreeMap<String, String>,
) -> Result<(Answer, Vec<String>), SummaryError> {
    let bad = |why: Msg| {
        SummaryError::Query(QueryError::Sql {
            message: msg!("summary-pivot", why = why).to_string(),
        })
    };
    let (unit_code, unit, kind) = (
        long.text("unit_code")?,
        long.text("unit")?,
        long.text("unit_kind")?,
    );
    let (theme_code, quantity, total) = (
        long.text("theme_code")?,
        long.number("quantity")?,
        long.number("unit_total")?,
    );
    // rolled up to a later day's units (rows without these columns are the
    // year's own units)
    let fate = long.text("fate").ok();
    let successors = long.text("successors_as_of").ok();
    let mut columns: Vec<String> = themes.to_vec();
    let mut units: Vec<UnitRow> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for r in &long.rows {
        let (code, theme) = (at(r, unit_code).text(), at(r, theme_code).text());
        if code.is_empty() || theme.is_empty() {
            return Err(bad(msg!("summary-pivot-no-code")));
        }
        let q = at(r, quantity);
        if q.is_null() {
            return Err(bad(msg!("summary-pivot-no-quantity")));
        }
        // another year's theme, with nothing this year: not a column
        if !columns.iter().any(|c| c == theme) && q.number().is_some_and(|q| q != 0.0) {
            columns.push(theme.to_string());
        }
        let i = match index.get(code) {
            Some(&i) => i,
            None => {
                if at(r, total).is_null() {
                    return Err(bad(msg!("summary-pivot-no-total")));
                }
                // a unit split between several keeps its row, labelled with
                // where its work went
                let name = at(r, unit).text();
                let label = match fate.map(|f| at(r, f).text()) {
                    Some("split") => {
                        let to = successors
                            .map(|s| at(r, s).text())
                            .unwrap_or_default()
                            .split('|')
                            .map(|c| unit_names.get(c).cloned().unwrap_or(c.to_string()))
                            .collect::<Vec<_>>()
                            .join(", ");
                        format!("{name} → {to}")
                    }
                    Some("ended") => format!("{name} → —"),
                    _ => name.to_string(),
                };
                units.push((
                    at(r, unit_code).clone(),
                    label,
                    at(r, kind).clone(),
                    at(r, total).clone(),
                    HashMap::new(),
                ));
                index.insert(code.to_string(), units.len() - 1);
                units.len() - 1
            }
        };
        units[i].4.insert(theme.to_string(), q.clone());
    }
    let mut rows = Vec::with_capacity(units.len());
    for (code, label, kind, total, by_theme) in units {
        let mut row = vec![code, Cell::Text(label), kind];
        for theme in &columns {
            match by_theme.get(theme) {
                Some(q) => row.push(q.clone()),
                // a theme with a quantity for some unit: the others have none
                None if !themes.contains(theme) => row.push(Cell::Int(0)),
                // a theme the query had no row for: the query lists every
                // theme for every unit, so this is a theme it did not know
                None => {
                    return Err(bad(msg!("summary-pivot-no-theme", theme = theme.clone())));
                }
            }
        }
        row.push(total);
        rows.push(row);
    }
    let quantity_kind = long.kind(quantity);
    let mut names: Vec<(String, Kind)> = ["unit_code", "unit", "unit_kind"]
        .iter()
        .map(|s| (s.to_string(), Kind::Text))
        .collect();
    names.extend(columns.iter().map(|c| (c.clone(), quantity_kind)));
    names.push(("total".into(), quantity_kind));
    Ok((Answer::new(&long.query, names, rows), columns))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn long(rows: &[(&str, &str, i64, i64)]) -> Answer {
        let text = |s: &str| (s.to_string(), Kind::Text);
        let int = |s: &str| (s.to_string(), Kind::Int);
        Answer::new(
            "coverage_by_unit",
            vec![
                text("unit_code"),
                text("unit"),
                text("unit_kind"),
                text("theme_code"),
                int("quantity"),
                int("unit_total"),
            ],
            rows.iter()
                .map(|(u, t, q, total)| {
                    vec![
                        Cell::Text(u.to_string()),
                        Cell::Text(u.to_uppercase()),
                        Cell::Text("district".into()),
                        Cell::Text(t.to_string()),
                        Cell::Int(*q),
                        Cell::Int(*total),
                    ]
                })
                .collect(),
        )
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
            t.names(),
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
        assert_eq!(t.rows[0][5], Cell::Int(7));
        assert_eq!(t.rows[0][6], Cell::Int(9));
        assert_eq!(t.rows[1][3], Cell::Int(1));
    }

    #[test]
    fn a_missing_cell_is_an_error_not_a_zero() {
        let rows = long(&[("a", "ethnic", 2, 2), ("b", "religion", 1, 1)]);
        let themes = vec!["religion".to_string(), "ethnic".to_string()];
        let e = pivot_units(&rows, &themes, &Default::default())
            .unwrap_err()
            .to_string();
        assert!(e.contains("no quantity for theme"), "{e}");
        // a query that lost its quantity column: named, never read as zero
        let mut no_quantity = long(&[("a", "ethnic", 2, 2)]);
        no_quantity.columns[4].0 = "qty".into();
        assert_eq!(
            pivot_units(&no_quantity, &themes, &Default::default())
                .unwrap_err()
                .to_string(),
            "the answer of coverage_by_unit has no column quantity, which the summary reads"
        );
    }
}
