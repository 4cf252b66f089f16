//! The validation rules of the contract's section 8 as SQL: the views a
//! rule's sides are written over (one per scope: `rule_items`,
//! `rule_submissions`, `rule_unit_years`) and `validation_findings`, every
//! rule of `validation_rules.csv` compiled to one SELECT of the rows that
//! break it, the SELECTs joined with UNION ALL. A rule is data: its sides
//! are SQL expressions over its scope's columns, checked when a statement
//! first names `validation_findings` (an error names the rule).

use super::views::View;
use crate::reference::Rule;

/// The name of the view of every rule's findings.
pub(super) const FINDINGS: &str = "validation_findings";

/// The columns every scope view ends with, so that one finding row fits
/// them all: `unit_code`, `unit_kind`, `year`, `submission_id`,
/// `activity_id`, `source_row`, `title` (null where the scope has none).
///
/// `rule_items`: each current item with its unit's kind and the bounds of
/// its form and unit kind (`bound_reach_min`, `bound_reach_max`,
/// `bound_duration_min`, `bound_duration_max`: from `bounds`; null where
/// none is set). The columns of each view are
/// [`crate::reference::quality::SCOPE_COLUMNS`]. The small
/// tables come first: the side each join hashes.
///
/// `rule_submissions`: each current report with the sums of its items
/// (`items`, `quantity`, `reach`, `duration_min`, from the rollup) beside
/// the ledger's `period_kind`, `period`, `received_at`, `rows_read`,
/// `rows_accepted`, `rows_rejected`.
///
/// `rule_unit_years`: each unit and year with a current annual report:
/// its quantity (`annual_quantity`) and the quantity of the same unit's
/// current monthly reports of that year (`monthly_quantity`, null when
/// there are none; `monthly_reports`), counting their items dated in the
/// months before the month the annual report was received: what the
/// annual report could sum.
pub(super) fn scope_views() -> Vec<View> {
    vec![
        View {
            name: "rule_items",
            body: "SELECT ib.*, db.min AS bound_duration_min, db.max AS bound_duration_max
FROM bounds db
RIGHT JOIN (
    SELECT ia.*, rb.min AS bound_reach_min, rb.max AS bound_reach_max
    FROM bounds rb
    RIGHT JOIN (
        SELECT a.activity_id, a.submission_id, a.unit_code, u.unit_kind, a.year, a.month,
               a.activity_date, a.form_code, a.title, a.source_row, a.quantity, a.reach,
               a.duration_min
        FROM units u RIGHT JOIN activities a ON u.unit_code = a.unit_code
    ) ia ON rb.field = 'reach' AND rb.form_code = ia.form_code AND rb.unit_kind = ia.unit_kind
) ib ON db.field = 'duration_min' AND db.form_code = ib.form_code AND db.unit_kind = ib.unit_kind"
                .to_string(),
        },
        View {
            name: "rule_submissions",
            body: "SELECT s.submission_id, s.unit_code, u.unit_kind, s.period_kind, s.period,
       CAST(substr(s.period, 1, 4) AS INT) AS year, s.received_at, s.rows_read,
       s.rows_accepted, s.rows_rejected, r.items, r.quantity, r.reach, r.duration_min,
       CAST(NULL AS VARCHAR) AS activity_id, CAST(NULL AS BIGINT) AS source_row,
       CAST(NULL AS VARCHAR) AS title
FROM submissions s
LEFT JOIN units u ON u.unit_code = s.unit_code
LEFT JOIN (
    SELECT submission_id, SUM(items) AS items, SUM(quantity) AS quantity,
           SUM(reach) AS reach, SUM(duration_min) AS duration_min
    FROM activity_rollup WHERE grain = 'form' GROUP BY submission_id
) r ON r.submission_id = s.submission_id
WHERE s.superseded_by IS NULL"
                .to_string(),
        },
        View {
            name: "rule_unit_years",
            body: "WITH annual AS (
    SELECT unit_code, unit_kind, year, submission_id, received_at, quantity
    FROM rule_submissions WHERE period_kind = 'annual'
),
monthly AS (
    SELECT an.submission_id, SUM(r.quantity) AS quantity,
           COUNT(DISTINCT r.submission_id) AS reports
    FROM annual an
    JOIN rule_submissions m ON m.unit_code = an.unit_code AND m.year = an.year
                           AND m.period_kind = 'monthly'
    JOIN activity_rollup r ON r.submission_id = m.submission_id AND r.grain = 'form'
    WHERE r.year * 12 + r.month < EXTRACT(YEAR FROM an.received_at) * 12
                                  + EXTRACT(MONTH FROM an.received_at)
    GROUP BY an.submission_id
)
SELECT an.unit_code, an.unit_kind, an.year, an.submission_id,
       an.quantity AS annual_quantity, m.quantity AS monthly_quantity,
       COALESCE(m.reports, 0) AS monthly_reports,
       CAST(NULL AS VARCHAR) AS activity_id, CAST(NULL AS BIGINT) AS source_row,
       CAST(NULL AS VARCHAR) AS title
FROM annual an LEFT JOIN monthly m ON m.submission_id = an.submission_id"
                .to_string(),
        },
    ]
}

/// A text as an SQL literal.
fn literal(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// The condition under which a row breaks `rule` (its sides `l`, `r`).
fn broken(rule: &Rule, l: &str, r: &str) -> String {
    let op = match rule.operator.as_str() {
        "compulsory_pair" => return format!("(({l}) IS NULL) <> (({r}) IS NULL)"),
        "exclusive_pair" => return format!("({l}) IS NOT NULL AND ({r}) IS NOT NULL"),
        "equal_to" => "=",
        "not_equal_to" => "<>",
        "greater_than" => ">",
        "greater_than_or_equal_to" => ">=",
        "less_than" => "<",
        _ => "<=",
    };
    match rule.missing_value_strategy.as_str() {
        "SKIP_IF_ANY_VALUE_MISSING" => {
            format!("({l}) IS NOT NULL AND ({r}) IS NOT NULL AND NOT (({l}) {op} ({r}))")
        }
        "SKIP_IF_ALL_VALUES_MISSING" => format!(
            "NOT (({l}) IS NULL AND ({r}) IS NULL) AND NOT (COALESCE({l}, 0) {op} COALESCE({r}, 0))"
        ),
        _ => format!("NOT (COALESCE({l}, 0) {op} COALESCE({r}, 0))"),
    }
}

/// `validation_findings`: one row per current item, report or unit-year
/// that breaks a rule: `rule_code`, `scope`, the scope's key columns (see
/// [`scope_views`]), `left_value` and `right_value` (as text) and
/// `detail`, the sentence in the session's language
/// (`quality-rule-finding`: the rule's description and both values).
pub(super) fn findings_view(rules: &[Rule]) -> View {
    let selects: Vec<String> = rules
        .iter()
        .map(|rule| {
            let (l, r) = (&rule.left, &rule.right);
            format!(
                "SELECT {code} AS rule_code, {scope} AS scope, unit_code, unit_kind,
       CAST(year AS INT) AS year, submission_id, activity_id, source_row, title,
       CAST({l} AS VARCHAR) AS left_value, CAST({r} AS VARCHAR) AS right_value,
       say(CASE WHEN TRY_CAST({l} AS DOUBLE) IS NOT NULL AND TRY_CAST({r} AS DOUBLE) IS NOT NULL
                THEN 'quality-rule-finding' ELSE 'quality-rule-finding-text' END,
           'rule', CASE lang() WHEN 'vi' THEN {vi} ELSE {en} END,
           'left', TRY_CAST({l} AS DOUBLE), 'right', TRY_CAST({r} AS DOUBLE),
           'lefttext', COALESCE(CAST({l} AS VARCHAR), '-'),
           'righttext', COALESCE(CAST({r} AS VARCHAR), '-')) AS detail
FROM rule_{view} WHERE {broken}",
                code = literal(&rule.code),
                scope = literal(&rule.scope),
                vi = literal(&rule.description_vi),
                en = literal(&rule.description_en),
                view = match rule.scope.as_str() {
                    "item" => "items",
                    "submission" => "submissions",
                    _ => "unit_years",
                },
                broken = broken(rule, l, r),
            )
        })
        .collect();
    let body = if selects.is_empty() {
        "SELECT CAST(NULL AS VARCHAR) AS rule_code, CAST(NULL AS VARCHAR) AS scope,
       CAST(NULL AS VARCHAR) AS unit_code, CAST(NULL AS VARCHAR) AS unit_kind,
       CAST(NULL AS INT) AS year, CAST(NULL AS VARCHAR) AS submission_id,
       CAST(NULL AS VARCHAR) AS activity_id, CAST(NULL AS BIGINT) AS source_row,
       CAST(NULL AS VARCHAR) AS title, CAST(NULL AS VARCHAR) AS left_value,
       CAST(NULL AS VARCHAR) AS right_value, CAST(NULL AS VARCHAR) AS detail
WHERE false"
            .to_string()
    } else {
        selects.join("\nUNION ALL\n")
    };
    View {
        name: FINDINGS,
        body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(operator: &str, missing: &str) -> Rule {
        Rule {
            code: "r".into(),
            scope: "item".into(),
            description_vi: "Mô tả 'trích'".into(),
            description_en: "Description".into(),
            left: "reach".into(),
            operator: operator.into(),
            right: "reach_max".into(),
            missing_value_strategy: missing.into(),
        }
    }

    #[test]
    fn each_missing_value_strategy_and_pair_reads_as_dhis2_says() {
        let r = |op, missing| broken(&rule(op, missing), "l", "r");
        assert_eq!(
            r("less_than_or_equal_to", "SKIP_IF_ANY_VALUE_MISSING"),
            "(l) IS NOT NULL AND (r) IS NOT NULL AND NOT ((l) <= (r))"
        );
        assert_eq!(
            r("equal_to", "NEVER_SKIP"),
            "NOT (COALESCE(l, 0) = COALESCE(r, 0))"
        );
        assert!(
            r("greater_than", "SKIP_IF_ALL_VALUES_MISSING")
                .starts_with("NOT ((l) IS NULL AND (r) IS NULL)")
        );
        assert_eq!(
            r("compulsory_pair", "NEVER_SKIP"),
            "((l) IS NULL) <> ((r) IS NULL)"
        );
        assert_eq!(
            r("exclusive_pair", "NEVER_SKIP"),
            "(l) IS NOT NULL AND (r) IS NOT NULL"
        );
    }

    #[test]
    fn quotes_in_a_description_stay_in_their_literal() {
        let v = findings_view(&[rule("less_than", "NEVER_SKIP")]);
        assert!(v.body.contains("'Mô tả ''trích'''"));
        assert!(v.body.contains("FROM rule_items WHERE"));
        assert!(findings_view(&[]).body.ends_with("WHERE false"));
    }
}
