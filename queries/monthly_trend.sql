-- monthly_trend: Quantity per theme and month of a year, every month and theme listed (zero where nothing happened), to see trends and peaks.
--
-- Parameters:
--   $year INT (default 2023) the year of the activities
-- Columns: month, period, theme_code, items, quantity, reach
WITH months AS (
    SELECT CAST(value AS INT) AS month FROM generate_series(1, 12)
),
year_activities AS (
    SELECT month, theme_code, activity_id, quantity, reach FROM activities WHERE year = $year
)
SELECT
    m.month,
    concat(CAST($year AS VARCHAR), '-', lpad(CAST(m.month AS VARCHAR), 2, '0')) AS period,
    t.theme_code,
    COUNT(a.activity_id)            AS items,
    COALESCE(SUM(a.quantity), 0)    AS quantity,
    COALESCE(SUM(a.reach), 0)       AS reach
FROM months m
CROSS JOIN themes t
LEFT JOIN year_activities a ON a.month = m.month AND a.theme_code = t.theme_code
GROUP BY m.month, t.theme_code
ORDER BY m.month, t.theme_code
