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
-- Whole months are read from activity_rollup, the month $as_of falls in from the items: the figures of activities.
WITH used AS (
    SELECT submission_id, unit_code, period_kind, period FROM submission_versions
    WHERE received_at <= $as_of AND (current_until IS NULL OR current_until > $as_of)
),
-- the activities of those versions, by unit, month and theme, then by unit
-- and month (two plain groupings are faster than a COUNT(DISTINCT))
unit_theme_months AS (
    SELECT unit_code, month_index, theme_code,
           SUM(items)                     AS items,
           SUM(quantity)                  AS quantity,
           SUM(reach)                     AS reach
    FROM (
        -- the months that ended by $as_of, from the rollup
        SELECT r.unit_code, r.year * 12 + r.month - 1 AS month_index, r.theme_code, r.items, r.quantity, r.reach
        FROM used u JOIN lake.activity_rollup r ON r.submission_id = u.submission_id
        WHERE r.grain = 'theme'
          AND (r.year * 12 + r.month < CAST(date_part('year', $as_of) * 12 + date_part('month', $as_of) AS INT)
               OR (r.year * 12 + r.month = CAST(date_part('year', $as_of) * 12 + date_part('month', $as_of) AS INT)
                   AND date_part('month', CAST($as_of AS DATE) + INTERVAL '1 day') <> date_part('month', $as_of)))
        UNION ALL
        -- the month $as_of falls in, unless it is its last day, from the items
        SELECT a.unit_code, a.year * 12 + a.month - 1, a.theme_code, 1, a.quantity, a.reach
        FROM used u JOIN lake.activities a ON a.submission_id = u.submission_id
        WHERE date_part('month', CAST($as_of AS DATE) + INTERVAL '1 day') = date_part('month', $as_of)
          AND a.year = CAST(date_part('year', $as_of) AS INT)
          AND a.month = CAST(date_part('month', $as_of) AS INT)
          AND a.activity_date <= $as_of
    ) x
    GROUP BY unit_code, month_index, theme_code
),
unit_months AS (
    SELECT unit_code, month_index,
           SUM(items)                     AS items,
           SUM(quantity)                  AS quantity,
           COALESCE(SUM(reach), 0)        AS reach,
           COUNT(*)                       AS themes_covered,
           MIN(month_index)               AS first_index
    FROM unit_theme_months
    GROUP BY unit_code, month_index
),
monthly_reports AS (
    SELECT DISTINCT unit_code, period FROM used WHERE period_kind = 'monthly'
),
-- the months from the first with activity (a second, cheap read of the
-- aggregate: a window over every unit and month would hold far more)
spine AS (
    SELECT month, month_index, month_start, month_end FROM months
    WHERE month_start <= $as_of AND month_index >= (SELECT MIN(first_index) FROM unit_months)
)
SELECT
    s.month,
    u.unit_code,
    COALESCE(x.items, 0)          AS items,
    COALESCE(x.quantity, 0)       AS quantity,
    COALESCE(x.reach, 0)          AS reach,
    COALESCE(x.themes_covered, 0) AS themes_covered,
    r.period IS NOT NULL          AS reported
FROM spine s
JOIN units u ON u.valid_from <= s.month_end AND (u.valid_to IS NULL OR u.valid_to >= s.month_start)
LEFT JOIN unit_months x ON x.unit_code = u.unit_code AND x.month_index = s.month_index
LEFT JOIN monthly_reports r ON r.unit_code = u.unit_code AND r.period = s.month
ORDER BY s.month, u.unit_code
