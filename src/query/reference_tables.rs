//! The reference data as in-memory tables analysts query: the register
//! of units with its lineage and where each unit's work belongs on any day
//! (`units`, `unit_lineage`, `unit_rollup`), each campaign's themes,
//! forms, languages, HRC priorities and peak periods, and the reports the
//! obligations expect. Each is built by itself, when a statement first
//! names it ([`super::catalog`]).

use std::collections::BTreeMap;
use std::sync::Arc;

use arrow::array::{Float64Array, Int32Array};
use arrow::datatypes::DataType;
use chrono::NaiveDate;

use super::columns::{Table, dates, field, mem, opt_text, text};
use super::error::QueryError;
use crate::reference::{Fate, Reference};

/// The tables built from the reference data (see [`reference_table`]).
pub(super) const REFERENCE_TABLES: &[&str] = &[
    "units",
    "unit_lineage",
    "unit_rollup",
    "themes",
    "subthemes",
    "forms",
    "languages",
    "hrc_priorities",
    "peak_periods",
    "peak_themes",
    "expected_reports",
    "bounds",
    "validation_rules",
];

/// A table of [`REFERENCE_TABLES`] built from `reference` (`None` for
/// another name). With several campaign years, a code's latest year wins
/// for units, themes, forms and languages; peak periods and expected
/// reports are kept for every year.
pub(super) fn reference_table(
    name: &str,
    reference: &Reference,
) -> Result<Option<Table>, QueryError> {
    let table = match name {
        "units" => units(reference)?,
        "unit_lineage" => unit_lineage(reference)?,
        "unit_rollup" => unit_rollup(reference)?,
        "themes" => themes(reference)?,
        "subthemes" => subthemes(reference)?,
        "forms" | "languages" => labelled(reference, name)?,
        "hrc_priorities" => hrc_priorities(reference)?,
        "peak_periods" => peak_periods(reference)?,
        "peak_themes" => peak_themes(reference)?,
        "expected_reports" => expected_reports(reference)?,
        "bounds" => bounds(reference)?,
        "validation_rules" => validation_rules(reference)?,
        _ => return Ok(None),
    };
    Ok(Some(table))
}

/// `bounds`: `bounds.csv` resolved for every figure, form and unit kind
/// (`field`, `form_code`, `unit_kind`, `min`, `max`, `source_line`): the
/// line that names most of them wins (see
/// [`crate::reference::QualityChecks::bound`]); a combination no line
/// bounds has no row.
fn bounds(reference: &Reference) -> Result<Table, QueryError> {
    let forms: std::collections::BTreeSet<String> = reference
        .campaigns
        .values()
        .flat_map(|c| &c.forms)
        .map(|f| f.code.clone())
        // '*': a figure of every form together (a report's quantity in a month)
        .chain(["*".to_string()])
        .collect();
    let mut rows = Vec::new();
    for field in crate::reference::quality::FIELDS {
        for form in &forms {
            for kind in crate::domain::UnitKind::ALL {
                if let Some(b) = reference.quality.bound(field, form, kind.as_str()) {
                    rows.push((
                        field,
                        form.clone(),
                        kind.as_str(),
                        b.min,
                        b.max,
                        b.line as i64,
                    ));
                }
            }
        }
    }
    mem(
        vec![
            field("field", DataType::Utf8, false),
            field("form_code", DataType::Utf8, false),
            field("unit_kind", DataType::Utf8, false),
            field("min", DataType::Float64, true),
            field("max", DataType::Float64, true),
            field("source_line", DataType::Int64, false),
        ],
        vec![
            text(rows.iter().map(|r| r.0.to_string()).collect()),
            text(rows.iter().map(|r| r.1.clone()).collect()),
            text(rows.iter().map(|r| r.2.to_string()).collect()),
            Arc::new(Float64Array::from_iter(rows.iter().map(|r| r.3))),
            Arc::new(Float64Array::from_iter(rows.iter().map(|r| r.4))),
            Arc::new(arrow::array::Int64Array::from_iter_values(
                rows.iter().map(|r| r.5),
            )),
        ],
    )
}

/// `validation_rules`: `validation_rules.csv` as read.
fn validation_rules(reference: &Reference) -> Result<Table, QueryError> {
    let rules = &reference.quality.rules;
    let col = |f: fn(&crate::reference::Rule) -> &String| {
        text(rules.iter().map(|r| f(r).clone()).collect())
    };
    mem(
        crate::reference::quality::RULE_COLUMNS
            .iter()
            .map(|n| field(n, DataType::Utf8, false))
            .collect(),
        vec![
            col(|r| &r.code),
            col(|r| &r.scope),
            col(|r| &r.description_vi),
            col(|r| &r.description_en),
            col(|r| &r.left),
            col(|r| &r.operator),
            col(|r| &r.right),
            col(|r| &r.missing_value_strategy),
        ],
    )
}

/// `themes`: code and names, a code's latest campaign winning.
fn themes(reference: &Reference) -> Result<Table, QueryError> {
    let rows: BTreeMap<_, _> = reference
        .campaigns
        .values()
        .flat_map(|c| &c.themes)
        .map(|t| (t.code.0.clone(), t))
        .collect();
    let rows: Vec<_> = rows.into_values().collect();
    mem(
        vec![
            field("theme_code", DataType::Utf8, false),
            field("name_vi", DataType::Utf8, false),
            field("name_en", DataType::Utf8, false),
        ],
        vec![
            text(rows.iter().map(|t| t.code.0.clone()).collect()),
            text(rows.iter().map(|t| t.name_vi.clone()).collect()),
            text(rows.iter().map(|t| t.name_en.clone()).collect()),
        ],
    )
}

/// `subthemes`: code, theme and names, a code's latest campaign winning.
fn subthemes(reference: &Reference) -> Result<Table, QueryError> {
    let rows: BTreeMap<_, _> = reference
        .campaigns
        .values()
        .flat_map(|c| &c.subthemes)
        .map(|s| (s.code.clone(), s))
        .collect();
    let rows: Vec<_> = rows.into_values().collect();
    mem(
        vec![
            field("subtheme_code", DataType::Utf8, false),
            field("theme_code", DataType::Utf8, false),
            field("name_vi", DataType::Utf8, false),
            field("name_en", DataType::Utf8, false),
        ],
        vec![
            text(rows.iter().map(|s| s.code.clone()).collect()),
            text(rows.iter().map(|s| s.theme.0.clone()).collect()),
            text(rows.iter().map(|s| s.name_vi.clone()).collect()),
            text(rows.iter().map(|s| s.name_en.clone()).collect()),
        ],
    )
}

/// `forms` or `languages` (`name`): code, Vietnamese and English names.
fn labelled(reference: &Reference, name: &str) -> Result<Table, QueryError> {
    let campaigns = reference.campaigns.values();
    let (code_col, rows): (_, BTreeMap<_, _>) = if name == "forms" {
        let rows = campaigns.flat_map(|c| &c.forms);
        ("form_code", rows.map(|f| (f.code.clone(), f)).collect())
    } else {
        let rows = campaigns.flat_map(|c| &c.languages);
        ("language_code", rows.map(|l| (l.code.clone(), l)).collect())
    };
    mem(
        vec![
            field(code_col, DataType::Utf8, false),
            field("name_vi", DataType::Utf8, false),
            field("name_en", DataType::Utf8, false),
        ],
        vec![
            text(rows.keys().cloned().collect()),
            text(rows.values().map(|r| r.name_vi.clone()).collect()),
            text(rows.values().map(|r| r.name_en.clone()).collect()),
        ],
    )
}

/// `hrc_priorities`: the eight priority groups of the HRC term.
fn hrc_priorities(reference: &Reference) -> Result<Table, QueryError> {
    let rows: BTreeMap<_, _> = reference
        .campaigns
        .values()
        .flat_map(|c| &c.hrc_priorities)
        .map(|h| (h.number, h))
        .collect();
    let rows: Vec<_> = rows.into_values().collect();
    mem(
        vec![
            field("hrc_priority", DataType::Int32, false),
            field("name_vi", DataType::Utf8, false),
            field("name_en", DataType::Utf8, false),
        ],
        vec![
            Arc::new(Int32Array::from(
                rows.iter().map(|h| h.number as i32).collect::<Vec<_>>(),
            )),
            text(rows.iter().map(|h| h.name_vi.clone()).collect()),
            text(rows.iter().map(|h| h.name_en.clone()).collect()),
        ],
    )
}

/// `peak_periods`: every campaign's windows.
fn peak_periods(reference: &Reference) -> Result<Table, QueryError> {
    let peaks: Vec<_> = reference
        .campaigns
        .values()
        .flat_map(|c| &c.peaks)
        .collect();
    mem(
        vec![
            field("peak_code", DataType::Utf8, false),
            field("name_vi", DataType::Utf8, false),
            field("name_en", DataType::Utf8, false),
            field("start_date", DataType::Date32, false),
            field("end_date", DataType::Date32, false),
        ],
        vec![
            text(peaks.iter().map(|p| p.code.clone()).collect()),
            text(peaks.iter().map(|p| p.name_vi.clone()).collect()),
            text(peaks.iter().map(|p| p.name_en.clone()).collect()),
            dates(peaks.iter().map(|p| Some(p.start)).collect()),
            dates(peaks.iter().map(|p| Some(p.end)).collect()),
        ],
    )
}

/// `peak_themes`: which themes each peak period concerns.
fn peak_themes(reference: &Reference) -> Result<Table, QueryError> {
    let mut rows: Vec<(String, String)> = reference
        .campaigns
        .values()
        .flat_map(|c| &c.peaks)
        .flat_map(|p| p.themes.iter().map(|t| (p.code.clone(), t.0.clone())))
        .collect();
    rows.sort();
    rows.dedup();
    mem(
        vec![
            field("peak_code", DataType::Utf8, false),
            field("theme_code", DataType::Utf8, false),
        ],
        vec![
            text(rows.iter().map(|(p, _)| p.clone()).collect()),
            text(rows.iter().map(|(_, t)| t.clone()).collect()),
        ],
    )
}

/// `expected_reports`: every report the obligations expect, every year.
fn expected_reports(reference: &Reference) -> Result<Table, QueryError> {
    let expected: Vec<_> = reference
        .campaigns
        .values()
        .flat_map(|c| c.expected_reports())
        .collect();
    mem(
        vec![
            field("unit_code", DataType::Utf8, false),
            field("period_kind", DataType::Utf8, false),
            field("period", DataType::Utf8, false),
            field("due_date", DataType::Date32, false),
        ],
        vec![
            text(expected.iter().map(|e| e.unit.0.clone()).collect()),
            text(
                expected
                    .iter()
                    .map(|e| e.period.kind().to_string())
                    .collect(),
            ),
            text(expected.iter().map(|e| e.period.to_string()).collect()),
            dates(expected.iter().map(|e| Some(e.due)).collect()),
        ],
    )
}

/// `units`: the register first, then any campaign folder's own units.csv
/// (the layout before the register): a code's latest row wins.
fn units(reference: &Reference) -> Result<Table, QueryError> {
    let mut units = BTreeMap::new();
    for r in reference.registers() {
        for u in &r.units {
            units.insert(u.code.0.clone(), u);
        }
    }
    let units: Vec<_> = units.into_values().collect();
    mem(
        vec![
            field("unit_code", DataType::Utf8, false),
            field("name_vi", DataType::Utf8, false),
            field("unit_kind", DataType::Utf8, false),
            field("parent_code", DataType::Utf8, true),
            field("valid_from", DataType::Date32, false),
            field("valid_to", DataType::Date32, true),
            field("admin_code", DataType::Utf8, true),
            field("status", DataType::Utf8, true),
        ],
        vec![
            text(units.iter().map(|u| u.code.0.clone()).collect()),
            text(units.iter().map(|u| u.name_vi.clone()).collect()),
            text(units.iter().map(|u| u.kind.to_string()).collect()),
            opt_text(
                units
                    .iter()
                    .map(|u| u.parent.as_ref().map(|p| p.0.clone()))
                    .collect(),
            ),
            dates(units.iter().map(|u| Some(u.valid_from)).collect()),
            dates(units.iter().map(|u| u.valid_to).collect()),
            opt_text(units.iter().map(|u| u.admin_code.clone()).collect()),
            opt_text(
                units
                    .iter()
                    .map(|u| Some(u.status.clone()).filter(|s| !s.is_empty()))
                    .collect(),
            ),
        ],
    )
}

/// One row of `unit_rollup`: unit, first and last day of the span, the
/// one unit its work belongs to, the units it was split between, the fate.
type RollupRow = (
    String,
    NaiveDate,
    Option<NaiveDate>,
    Option<String>,
    Option<String>,
    &'static str,
);

/// `unit_lineage`: what became of each unit that ended, one row per
/// predecessor and successor (`successor_code` null for a unit abolished
/// without one).
fn unit_lineage(reference: &Reference) -> Result<Table, QueryError> {
    let mut lineage = Vec::new();
    for r in reference.registers() {
        for l in &r.lineage {
            if !lineage.contains(&l) {
                lineage.push(l);
            }
        }
    }
    mem(
        vec![
            field("predecessor_code", DataType::Utf8, false),
            field("successor_code", DataType::Utf8, true),
            field("change_date", DataType::Date32, false),
            field("change_kind", DataType::Utf8, false),
            field("share", DataType::Float64, true),
            field("status", DataType::Utf8, true),
        ],
        vec![
            text(lineage.iter().map(|l| l.predecessor.0.clone()).collect()),
            opt_text(
                lineage
                    .iter()
                    .map(|l| l.successor.as_ref().map(|s| s.0.clone()))
                    .collect(),
            ),
            dates(lineage.iter().map(|l| Some(l.date)).collect()),
            text(
                lineage
                    .iter()
                    .map(|l| l.kind.as_str().to_string())
                    .collect(),
            ),
            Arc::new(Float64Array::from(
                lineage.iter().map(|l| l.share).collect::<Vec<_>>(),
            )),
            opt_text(
                lineage
                    .iter()
                    .map(|l| Some(l.status.clone()).filter(|s| !s.is_empty()))
                    .collect(),
            ),
        ],
    )
}

/// `unit_rollup`: for each unit and each span of days (`as_of_from` to
/// `as_of_to`, inclusive, null while open), where its work belongs on any
/// day of the span, following the lineage: `fate` `same` (the unit
/// existed), `successor` (all of it to `unit_code_as_of`), `split` (parts
/// to each of `successors_as_of`, never one), `ended` (no successor) or
/// `not_yet` (the unit did not exist yet).
fn unit_rollup(reference: &Reference) -> Result<Table, QueryError> {
    let mut rollup: Vec<RollupRow> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for r in reference.registers() {
        let days = r.turning_days();
        let first = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default();
        for u in &r.units {
            if !seen.insert(u.code.clone()) {
                continue;
            }
            let mut spans: Vec<(NaiveDate, Fate)> = vec![(first, Fate::NotYet)];
            for d in &days {
                let fate = r.fate_on(&u.code, *d);
                if spans.last().map(|(_, f)| f) != Some(&fate) {
                    spans.push((*d, fate));
                }
            }
            for (i, (from, fate)) in spans.iter().enumerate() {
                let to = spans.get(i + 1).and_then(|(next, _)| next.pred_opt());
                let (one, many, name) = match fate {
                    Fate::Same => (Some(u.code.0.clone()), None, "same"),
                    Fate::One(s) => (Some(s.0.clone()), None, "successor"),
                    Fate::Split(list) => (
                        None,
                        Some(
                            list.iter()
                                .map(|c| c.0.as_str())
                                .collect::<Vec<_>>()
                                .join("|"),
                        ),
                        "split",
                    ),
                    Fate::Ended => (None, None, "ended"),
                    Fate::NotYet => (None, None, "not_yet"),
                };
                rollup.push((u.code.0.clone(), *from, to, one, many, name));
            }
        }
    }
    mem(
        vec![
            field("unit_code", DataType::Utf8, false),
            field("as_of_from", DataType::Date32, false),
            field("as_of_to", DataType::Date32, true),
            field("unit_code_as_of", DataType::Utf8, true),
            field("successors_as_of", DataType::Utf8, true),
            field("fate", DataType::Utf8, false),
        ],
        vec![
            text(rollup.iter().map(|r| r.0.clone()).collect()),
            dates(rollup.iter().map(|r| Some(r.1)).collect()),
            dates(rollup.iter().map(|r| r.2).collect()),
            opt_text(rollup.iter().map(|r| r.3.clone()).collect()),
            opt_text(rollup.iter().map(|r| r.4.clone()).collect()),
            text(rollup.iter().map(|r| r.5.to_string()).collect()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use arrow::array::{AsArray, RecordBatch};
    use datafusion::prelude::SessionContext;

    use super::*;

    /// The rows of `table` answering `sql` (over the name `t`).
    async fn query(table: Table, sql: &str) -> Vec<RecordBatch> {
        let ctx = SessionContext::new();
        ctx.register_table("t", table).unwrap();
        ctx.sql(sql).await.unwrap().collect().await.unwrap()
    }

    fn strings(batches: &[RecordBatch]) -> Vec<String> {
        batches
            .iter()
            .flat_map(|b| {
                let c = arrow::compute::cast(b.column(0), &DataType::Utf8).unwrap();
                (0..c.len())
                    .map(|i| c.as_string::<i32>().value(i).to_string())
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    #[tokio::test]
    async fn every_reference_table_is_built_and_no_other_name() {
        let reference = Reference::bundled().unwrap();
        for name in REFERENCE_TABLES {
            assert!(
                reference_table(name, &reference).unwrap().is_some(),
                "{name}"
            );
        }
        assert!(reference_table("activities", &reference).unwrap().is_none());
        let themes = reference_table("themes", &reference).unwrap().unwrap();
        let codes = strings(&query(themes, "SELECT theme_code FROM t ORDER BY 1").await);
        assert_eq!(
            codes,
            [
                "commitments",
                "ethnic",
                "general",
                "labour",
                "religion",
                "trafficking"
            ]
        );
    }

    #[tokio::test]
    async fn the_register_and_its_lineage_as_tables() {
        let reference = Reference::bundled().unwrap();
        // the register's 96 rows; 49 units on the 2023 due date
        let units = reference_table("units", &reference).unwrap().unwrap();
        let n = query(units.clone(), "SELECT CAST(COUNT(*) AS VARCHAR) FROM t").await;
        assert_eq!(strings(&n), ["96"]);
        let valid = query(
            units,
            "SELECT CAST(COUNT(*) AS VARCHAR) FROM t WHERE valid_from <= DATE '2023-11-05' AND (valid_to IS NULL OR valid_to >= DATE '2023-11-05')",
        )
        .await;
        assert_eq!(strings(&valid), ["49"]);
        // Sở KH&ĐT merged into Sở Tài chính on 1 March 2025
        let rollup = reference_table("unit_rollup", &reference).unwrap().unwrap();
        let fate = query(
            rollup,
            "SELECT fate || ' ' || COALESCE(unit_code_as_of, '') FROM t WHERE unit_code = 'so-khdt' AND as_of_from <= DATE '2025-06-01' AND (as_of_to IS NULL OR as_of_to >= DATE '2025-06-01')",
        )
        .await;
        assert_eq!(strings(&fate), ["successor so-tai-chinh"]);
    }

    #[tokio::test]
    async fn expected_reports_of_2023() {
        let reference = Reference::bundled().unwrap();
        let expected = reference_table("expected_reports", &reference)
            .unwrap()
            .unwrap();
        // 49 annual reports and 10 culture offices x 7 months
        let n = query(
            expected,
            "SELECT period_kind || ' ' || CAST(n AS VARCHAR) FROM (SELECT period_kind, COUNT(*) AS n FROM t WHERE period LIKE '2023%' GROUP BY period_kind) ORDER BY 1",
        )
        .await;
        assert_eq!(strings(&n), ["annual 49", "monthly 70"]);
    }
}
