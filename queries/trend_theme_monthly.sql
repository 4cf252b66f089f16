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
-- Whole months are read from activity_rollup, the month $as_of falls in from the items: the figures of activities.
WITH used AS (
    SELECT submission_id FROM submission_versions
    WHERE received_at <= $as_of AND (current_until IS NULL OR current_until > $as_of)
),
-- one pass over the lake: the activities of those versions, by theme,
-- month and unit, then by theme and month (two plain groupings are faster
-- than a COUNT(DISTINCT))
theme_unit_months AS (
    SELECT theme_code, month_index, unit_code,
           SUM(items)                     AS items,
           SUM(quantity)                  AS quantity,
           SUM(reach)                     AS reach
    FROM (
        -- the months that ended by $as_of, from the rollup
        SELECT r.theme_code, r.year * 12 + r.month - 1 AS month_index, r.unit_code, r.items, r.quantity, r.reach
        FROM used u JOIN lake.activity_rollup r ON r.submission_id = u.submission_id
        WHERE r.grain = 'theme'
          AND (r.year * 12 + r.month < CAST(date_part('year', $as_of) * 12 + date_part('month', $as_of) AS INT)
               OR (r.year * 12 + r.month = CAST(date_part('year', $as_of) * 12 + date_part('month', $as_of) AS INT)
                   AND date_part('month', CAST($as_of AS DATE) + INTERVAL '1 day') <> date_part('month', $as_of)))
        UNION ALL
        -- the month $as_of falls in, unless it is its last day, from the items
        SELECT a.theme_code, a.year * 12 + a.month - 1, a.unit_code, 1, a.quantity, a.reach
        FROM used u JOIN lake.activities a ON a.submission_id = u.submission_id
        WHERE date_part('month', CAST($as_of AS DATE) + INTERVAL '1 day') = date_part('month', $as_of)
          AND a.year = CAST(date_part('year', $as_of) AS INT)
          AND a.month = CAST(date_part('month', $as_of) AS INT)
          AND a.activity_date <= $as_of
    ) x
    GROUP BY theme_code, month_index, unit_code
),
theme_months AS (
    SELECT theme_code, month_index,
           SUM(items)                     AS items,
           SUM(quantity)                  AS quantity,
           COALESCE(SUM(reach), 0)        AS reach,
           COUNT(*)                       AS units_reporting
    FROM theme_unit_months
    GROUP BY theme_code, month_index
),
grid AS (
    SELECT m.month, m.month_index, t.theme_code,
           COALESCE(x.items, 0)           AS items,
           COALESCE(x.quantity, 0)        AS quantity,
           COALESCE(x.reach, 0)           AS reach,
           COALESCE(x.units_reporting, 0) AS units_reporting,
           MIN(x.month_index) OVER ()     AS first_index
    FROM months m
    CROSS JOIN themes t
    LEFT JOIN theme_months x ON x.month_index = m.month_index AND x.theme_code = t.theme_code
    WHERE m.month_start <= $as_of
),
cells AS (
    SELECT * FROM grid WHERE month_index >= first_index
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
