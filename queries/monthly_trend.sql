-- monthly_trend: Quantity per theme and month of a year, every month and theme listed (zero where nothing happened), to see trends and peaks.
--
-- Parameters:
--   $year INT (default 2023) the year of the activities
-- Columns: month, period, theme_code, items, quantity, reach
-- Read from activity_rollup (grain 'theme'): the figures of activities, a few rows per report.
WITH year_months AS (
    SELECT month_of_year AS month, month AS period FROM months WHERE year = $year
),
year_activities AS (
    SELECT month, theme_code, items, quantity, reach FROM activity_rollup WHERE grain = 'theme' AND year = $year
)
SELECT
    m.month,
    m.period,
    t.theme_code,
    COALESCE(SUM(a.items), 0)       AS items,
    COALESCE(SUM(a.quantity), 0)    AS quantity,
    COALESCE(SUM(a.reach), 0)       AS reach
FROM year_months m
CROSS JOIN themes t
LEFT JOIN year_activities a ON a.month = m.month AND a.theme_code = t.theme_code
GROUP BY m.month, m.period, t.theme_code
ORDER BY m.month, t.theme_code
