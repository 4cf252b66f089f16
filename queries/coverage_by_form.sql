-- coverage_by_form: The mix of forms in a year (news, articles, broadcasts, outreach, ...): items, quantity, reach and share of the quantity.
--
-- Parameters:
--   $year INT (default 2023) the year of the activities
-- Columns: form_code, form, items, quantity, reach, units, share_pct
-- Read from activity_rollup (grain 'form'): the figures of activities, a few rows per report.
WITH year_activities AS (
    SELECT * FROM activity_rollup WHERE grain = 'form' AND year = $year
),
year_total AS (
    SELECT SUM(quantity) AS quantity FROM year_activities
)
SELECT
    f.form_code,
    f.name_vi                        AS form,
    COALESCE(SUM(a.items), 0)     AS items,
    COALESCE(SUM(a.quantity), 0)     AS quantity,
    COALESCE(SUM(a.reach), 0)        AS reach,
    COUNT(DISTINCT a.unit_code)      AS units,
    ROUND(100.0 * COALESCE(SUM(a.quantity), 0) / NULLIF((SELECT quantity FROM year_total), 0), 1) AS share_pct
FROM forms f
LEFT JOIN year_activities a ON a.form_code = f.form_code
GROUP BY f.form_code, f.name_vi
ORDER BY quantity DESC, f.form_code
