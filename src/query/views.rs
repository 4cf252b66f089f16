//! The views of the contract's section 5 over the lake's tables: the
//! current items and their rollup, every version of every report with
//! the day it stopped being current, and the reporting status of every
//! expected report. Each is planned once per session, when a statement
//! first names it.

/// A view: its name and the SELECT that defines it.
pub(super) struct View {
    pub name: &'static str,
    pub body: String,
}

/// The views of the contract's section 5. Rows of data files a crashed run
/// left (not in the ledger) are invisible through both activity views: the
/// snapshot's file system lists only the files the ledger lists, so
/// `lake.activities` holds only committed rows, and `activities` needs no
/// join with the ledger unless some report was superseded; then only the
/// superseded submissions (few) are hashed, and each item is looked up
/// among them.
pub(super) fn views(any_superseded: bool) -> Vec<View> {
    let current = |table: &str| {
        if any_superseded {
            format!(
                "SELECT a.*
  FROM lake.superseded superseded
  RIGHT ANTI JOIN {table} a ON a.submission_id = superseded.submission_id"
            )
        } else {
            format!("SELECT * FROM {table}")
        }
    };
    let view = |name, body: &str| View {
        name,
        body: body.to_string(),
    };
    vec![
        view("activities_all", "SELECT * FROM lake.activities"),
        // every refusal, with its reason said in each language (contract
        // section 7): from `reason_args` where the run kept them, else the
        // sentence stored (lakes written before v3)
        view(
            "rejects",
            "SELECT submission_id, source_file, source_row, raw, reason, reason_code,
       ingested_at, reason_args,
       say_reason(reason_args, reason, 'vi') AS reason_vi,
       say_reason(reason_args, reason, 'en') AS reason_en
FROM lake.rejects",
        ),
        view("activities", &current("lake.activities")),
        // the rollup of the current reports (see lake::rollup)
        view("activity_rollup", &current("lake.activity_rollup")),
        // Every version of every report with the day it stopped being current
        // (`current_until`, the `received_at` of the next version of the same unit
        // and period; null while current), so that "current on day D" is
        // `received_at <= D AND (current_until IS NULL OR current_until > D)`.
        // Versions are ordered as ingest marks them: by `received_at`, and on a
        // tie the one the ledger holds current last.
        view(
            "submission_versions",
            "SELECT s.*,
       LEAD(received_at) OVER (
         PARTITION BY unit_code, period
         ORDER BY received_at, superseded_by IS NULL, ingested_at, submission_id
       ) AS current_until
FROM submissions s",
        ),
        view(
            "reporting_status",
            "WITH received AS (
  SELECT unit_code, period, MIN(received_at) AS received_at
  FROM submissions GROUP BY unit_code, period)
SELECT e.unit_code, e.period_kind, e.period, e.due_date, r.received_at,
       COALESCE(r.received_at <= e.due_date, false) AS on_time,
       CASE WHEN r.received_at IS NULL THEN 'missing'
            WHEN r.received_at <= e.due_date THEN 'on_time'
            ELSE 'late' END AS status
FROM expected_reports e
LEFT JOIN received r ON r.unit_code = e.unit_code AND r.period = e.period",
        ),
    ]
    .into_iter()
    .chain(super::quality::scope_views())
    .collect()
}

/// `lake.activity_rollup` computed from the items, when there are no
/// rollup files to read (see [`Rollup`]).
pub(super) fn computed_rollup() -> View {
    View {
        name: "activity_rollup",
        body: crate::lake::rollup::rollup_sql("lake.activities"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn current_items_need_the_superseded_ids_only_when_there_are_some() {
        let body = |any| {
            views(any)
                .into_iter()
                .find(|v| v.name == "activities")
                .map(|v| v.body)
                .unwrap()
        };
        assert_eq!(body(false), "SELECT * FROM lake.activities");
        assert!(body(true).contains("RIGHT ANTI JOIN lake.activities"));
        let names: Vec<&str> = views(false).iter().map(|v| v.name).collect();
        assert_eq!(
            names,
            [
                "activities_all",
                "rejects",
                "activities",
                "activity_rollup",
                "submission_versions",
                "reporting_status",
                "rule_items",
                "rule_submissions",
                "rule_unit_years"
            ]
        );
        assert_eq!(computed_rollup().name, "activity_rollup");
    }
}
