-- trend_unit_monthly: Each unit month by month up to the as-of day: items, quantity, reach, themes covered and whether its monthly report for that month had arrived (the trend file unit_monthly).
--
-- Parameters:
--   $as_of DATE (default today) the day the figures are as of
-- Columns: month, unit_code, items, quantity, reach, themes_covered, reported
-- What the lake held on the as-of day: each report's version current then
-- (received_at on or before it, not yet replaced: see submission_versions),
-- activities dated up to that day, and every month from the first with
-- activity to the as-of month (the months table), zero where nothing happened.
-- Units are listed for the months they exist (valid_from, valid_to);
-- reported is true when a monthly report for that month had been received.
WITH used AS (
    SELECT submission_id, unit_code, period_kind, period FROM submission_versions
    WHERE received_at <= $as_of AND (current_until IS NULL OR current_until > $as_of)
),
acts AS (
    SELECT a.unit_code, a.theme_code, a.activity_id, a.quantity, a.reach,
           a.year * 12 + a.month - 1 AS month_index
    FROM activities_all a JOIN used u ON u.submission_id = a.submission_id
    WHERE a.activity_date <= $as_of
),
spine AS (
    SELECT month, month_index, month_start, month_end FROM months
    WHERE month_index >= (SELECT MIN(month_index) FROM acts) AND month_start <= $as_of
),
grid AS (
    SELECT s.month, s.month_index, u.unit_code
    FROM spine s
    JOIN units u ON u.valid_from <= s.month_end AND (u.valid_to IS NULL OR u.valid_to >= s.month_start)
),
monthly_reports AS (
    SELECT DISTINCT unit_code, period FROM used WHERE period_kind = 'monthly'
)
SELECT
    g.month,
    g.unit_code,
    COUNT(a.activity_id)           AS items,
    COALESCE(SUM(a.quantity), 0)   AS quantity,
    COALESCE(SUM(a.reach), 0)      AS reach,
    COUNT(DISTINCT a.theme_code)   AS themes_covered,
    r.period IS NOT NULL           AS reported
FROM grid g
LEFT JOIN acts a ON a.unit_code = g.unit_code AND a.month_index = g.month_index
LEFT JOIN monthly_reports r ON r.unit_code = g.unit_code AND r.period = g.month
GROUP BY g.month, g.unit_code, r.period
ORDER BY g.month, g.unit_code
