-- data_quality: Every figure of a year to check with the units (flagged, never refused, never passed in silence): unusual figures, figures that do not meet a validation rule, and files whose own totals row disagrees with their items, each with a sentence.
--
-- Parameters:
--   $year INT (default 2023) the year checked
--   $field TEXT [reach|quantity|duration_min|all] (default all) the figures the outlier check reads (see outliers)
--   $algorithm TEXT [z|mod_z|min_max] (default mod_z) the outlier algorithm (see outliers)
--   $threshold NUMBER [>0] (default 3) the outlier threshold (see outliers)
--   $baseline_years INT [>=1] (default 3) the years of history an outlier's baseline holds (see outliers)
--   $min_history INT [>=1] (default 12) the fewest figures a unit's own baseline needs (see outliers)
-- Columns: kind, check_code, unit_code, unit, period, submission_id, source_file, source_row, activity_id, item, field, value, expected, detail
-- kind is `outlier` (check_code: the algorithm; the rows of the outliers
-- query with these parameters; item is a month's `YYYY-MM` for a quantity), `rule` (check_code: the rule's code in
-- validation_rules.csv; value and expected are its two sides where they
-- are numbers) or `total_mismatch` (check_code: the figure; value is what
-- the file's totals row states, expected the sum of the items read above
-- it). Only current reports are checked; the year of a rule's finding is
-- its item's or report's, that of a totals row its report's period.
-- detail says the finding in baocao's language (say(): the messages
-- quality-* of locales/). Nothing here refuses or changes a figure.
WITH outlier_rows AS (
    -- include: outliers (as_of = CAST(NULL AS DATE))
),
findings AS (
    SELECT 'outlier' AS kind, algorithm AS check_code, unit_code, submission_id, source_row,
           activity_id,
           -- a month's quantity: its month
           COALESCE(title, substr(CAST(activity_date AS VARCHAR), 1, 7)) AS item, field, value,
           CASE WHEN value > upper_bound THEN upper_bound ELSE lower_bound END AS expected,
           say(CASE WHEN algorithm = 'min_max' THEN 'quality-outlier-bounds'
                    ELSE 'quality-outlier' END,
               'field', field, 'value', value, 'algorithm', algorithm,
               'score', round(CASE WHEN algorithm = 'z' THEN z_score ELSE modified_z_score END, 1),
               'baseline', baseline, 'n', baseline_n,
               'center', round(CASE WHEN algorithm = 'z' THEN mean ELSE median END, 1),
               'lower', round(GREATEST(lower_bound, 0), 1), 'upper', round(upper_bound, 1)) AS detail
    FROM outlier_rows
    UNION ALL
    SELECT 'rule', rule_code, unit_code, submission_id, source_row, activity_id, title,
           CAST(NULL AS VARCHAR), TRY_CAST(left_value AS DOUBLE), TRY_CAST(right_value AS DOUBLE),
           detail
    FROM validation_findings
    WHERE year = $year
    UNION ALL
    SELECT 'total_mismatch', t.field AS check_code, s.unit_code, t.submission_id, t.source_row,
           CAST(NULL AS VARCHAR), t.label, t.field, CAST(t.stated AS DOUBLE),
           CAST(t.items_sum AS DOUBLE),
           say('quality-total-mismatch', 'row', CAST(t.source_row AS VARCHAR), 'label', t.label,
               'field', t.field, 'stated', t.stated, 'sum', t.items_sum, 'items', t.items,
               'refused', t.rows_refused)
    FROM file_totals t
    JOIN submissions s ON s.submission_id = t.submission_id
    WHERE NOT t.agrees AND s.superseded_by IS NULL
      AND CAST(substr(s.period, 1, 4) AS INT) = $year
)
SELECT
    f.kind,
    f.check_code,
    f.unit_code,
    u.name_vi AS unit,
    s.period,
    f.submission_id,
    s.source_file,
    f.source_row,
    f.activity_id,
    f.item,
    f.field,
    f.value,
    f.expected,
    f.detail
FROM findings f
LEFT JOIN submissions s ON s.submission_id = f.submission_id
LEFT JOIN units u ON u.unit_code = f.unit_code
ORDER BY f.kind, f.unit_code, s.period, f.source_row, f.check_code, f.item, f.value, f.detail
