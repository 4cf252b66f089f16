-- trend_peak_monthly: For each peak period, the quantity on its themes month by month up to the as-of day, whether the month is in the window, and its lift over the months outside it (the trend file peak_monthly).
--
-- Parameters:
--   $as_of DATE (default today) the day the figures are as of
-- Columns: month, peak_code, in_window, quantity, lift
-- What the lake held on the as-of day: each report's version current then
-- (received_at on or before it, not yet replaced: see submission_versions),
-- activities dated up to that day, and every month from the first with
-- activity to the as-of month (the months table), zero where nothing happened.
-- Peaks whose window overlaps those months are listed. A month is in the
-- window when the two overlap; lift (window months only) is the month's
-- quantity over the mean monthly quantity of the listed months outside the
-- window, empty when there are none or they had nothing.
WITH used AS (
    SELECT submission_id FROM submission_versions
    WHERE received_at <= $as_of AND (current_until IS NULL OR current_until > $as_of)
),
acts AS (
    SELECT a.theme_code, a.quantity, a.year * 12 + a.month - 1 AS month_index
    FROM activities_all a JOIN used u ON u.submission_id = a.submission_id
    WHERE a.activity_date <= $as_of
),
spine AS (
    SELECT month, month_index, month_start, month_end FROM months
    WHERE month_index >= (SELECT MIN(month_index) FROM acts) AND month_start <= $as_of
),
peaks AS (
    SELECT p.peak_code, p.start_date, p.end_date FROM peak_periods p
    WHERE p.start_date <= $as_of AND p.end_date >= (SELECT MIN(month_start) FROM spine)
),
cells AS (
    SELECT p.peak_code, s.month, s.month_index,
           s.month_start <= p.end_date AND s.month_end >= p.start_date AS in_window,
           COALESCE(SUM(a.quantity), 0) AS quantity
    FROM peaks p
    CROSS JOIN spine s
    LEFT JOIN (
        SELECT pt.peak_code, a.month_index, a.quantity
        FROM acts a JOIN peak_themes pt ON pt.theme_code = a.theme_code
    ) a ON a.peak_code = p.peak_code AND a.month_index = s.month_index
    GROUP BY p.peak_code, p.start_date, p.end_date, s.month, s.month_index, s.month_start, s.month_end
),
outside AS (
    SELECT peak_code, AVG(CAST(quantity AS DOUBLE)) AS monthly_rate
    FROM cells WHERE NOT in_window GROUP BY peak_code
)
SELECT
    c.month,
    c.peak_code,
    c.in_window,
    c.quantity,
    CASE WHEN c.in_window THEN ROUND(c.quantity / NULLIF(o.monthly_rate, 0), 2) END AS lift
FROM cells c
LEFT JOIN outside o ON o.peak_code = c.peak_code
ORDER BY c.month, c.peak_code
