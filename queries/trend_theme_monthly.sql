-- trend_theme_monthly: Each theme month by month up to the as-of day, with its 3-month average and its change on the month before and on the same month a year earlier (the trend file theme_monthly).
--
-- Parameters:
--   $as_of DATE (default today) the day the figures are as of
-- Columns: month, theme_code, items, quantity, reach, units_reporting, quantity_3m_avg, mom_change, yoy_change
-- What the lake held on the as-of day: each report's version current then
-- (received_at on or before it, not yet replaced: see submission_versions),
-- activities dated up to that day, and every month from the first with
-- activity to the as-of month (the months table), zero where nothing happened.
-- quantity_3m_avg averages the month and the two before it (empty for the
-- first two months); mom_change and yoy_change are relative changes
-- (0.25 = a quarter more, -1 = nothing this month), empty where the month
-- compared with is outside the data or had nothing.
WITH used AS (
    SELECT submission_id FROM submission_versions
    WHERE received_at <= $as_of AND (current_until IS NULL OR current_until > $as_of)
),
acts AS (
    SELECT a.theme_code, a.unit_code, a.activity_id, a.quantity, a.reach,
           a.year * 12 + a.month - 1 AS month_index
    FROM activities_all a JOIN used u ON u.submission_id = a.submission_id
    WHERE a.activity_date <= $as_of
),
spine AS (
    SELECT month, month_index FROM months
    WHERE month_index >= (SELECT MIN(month_index) FROM acts) AND month_start <= $as_of
),
cells AS (
    SELECT s.month, s.month_index, t.theme_code,
           COUNT(a.activity_id)          AS items,
           COALESCE(SUM(a.quantity), 0)  AS quantity,
           COALESCE(SUM(a.reach), 0)     AS reach,
           COUNT(DISTINCT a.unit_code)   AS units_reporting
    FROM spine s
    CROSS JOIN themes t
    LEFT JOIN acts a ON a.month_index = s.month_index AND a.theme_code = t.theme_code
    GROUP BY s.month, s.month_index, t.theme_code
)
SELECT
    month, theme_code, items, quantity, reach, units_reporting,
    CASE WHEN COUNT(*) OVER trailing_3 = 3 THEN ROUND(AVG(quantity) OVER trailing_3, 2) END AS quantity_3m_avg,
    ROUND(CAST(quantity AS DOUBLE) / NULLIF(LAG(quantity, 1) OVER by_month, 0) - 1, 4) AS mom_change,
    ROUND(CAST(quantity AS DOUBLE) / NULLIF(LAG(quantity, 12) OVER by_month, 0) - 1, 4) AS yoy_change
FROM cells
WINDOW by_month AS (PARTITION BY theme_code ORDER BY month_index),
       trailing_3 AS (PARTITION BY theme_code ORDER BY month_index ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)
ORDER BY month, theme_code
