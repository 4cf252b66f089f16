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
-- Whole months are read from activity_rollup, the month $as_of falls in from the items: the figures of activities.
WITH used AS (
    SELECT submission_id FROM submission_versions
    WHERE received_at <= $as_of AND (current_until IS NULL OR current_until > $as_of)
),
-- one pass over the lake: quantity by theme and month, and the first
-- month with any activity
theme_months AS (
    SELECT theme_code, month_index,
           SUM(quantity)                               AS quantity,
           MIN(month_index) OVER ()                    AS first_index
    FROM (
        -- the months that ended by $as_of, from the rollup
        SELECT r.theme_code, r.year * 12 + r.month - 1 AS month_index, r.quantity
        FROM used u JOIN lake.activity_rollup r ON r.submission_id = u.submission_id
        WHERE r.grain = 'theme'
          AND (r.year * 12 + r.month < CAST(date_part('year', $as_of) * 12 + date_part('month', $as_of) AS INT)
               OR (r.year * 12 + r.month = CAST(date_part('year', $as_of) * 12 + date_part('month', $as_of) AS INT)
                   AND date_part('month', CAST($as_of AS DATE) + INTERVAL '1 day') <> date_part('month', $as_of)))
        UNION ALL
        -- the month $as_of falls in, unless it is its last day, from the items
        SELECT a.theme_code, a.year * 12 + a.month - 1, a.quantity
        FROM used u JOIN lake.activities a ON a.submission_id = u.submission_id
        WHERE date_part('month', CAST($as_of AS DATE) + INTERVAL '1 day') = date_part('month', $as_of)
          AND a.year = CAST(date_part('year', $as_of) AS INT)
          AND a.month = CAST(date_part('month', $as_of) AS INT)
          AND a.activity_date <= $as_of
    ) x
    GROUP BY theme_code, month_index
),
-- every month of every peak up to the as-of day; the months before the
-- first with activity are dropped below
grid AS (
    SELECT p.peak_code, p.start_date, p.end_date, m.month, m.month_index, m.month_start, m.month_end
    FROM peak_periods p CROSS JOIN months m
    WHERE m.month_start <= $as_of
),
joined AS (
    SELECT g.peak_code, g.start_date, g.end_date, g.month, g.month_index, g.month_start, g.month_end,
           COALESCE(SUM(CASE WHEN pt.peak_code IS NOT NULL THEN x.quantity END), 0) AS quantity,
           MIN(MIN(x.first_index)) OVER ()                                          AS first_index
    FROM grid g
    LEFT JOIN theme_months x ON x.month_index = g.month_index
    LEFT JOIN peak_themes pt ON pt.peak_code = g.peak_code AND pt.theme_code = x.theme_code
    GROUP BY g.peak_code, g.start_date, g.end_date, g.month, g.month_index, g.month_start, g.month_end
),
cells AS (
    SELECT peak_code, month, month_index, quantity,
           month_start <= end_date AND month_end >= start_date AS in_window
    FROM joined
    WHERE month_index >= first_index
      -- peaks whose window overlaps the months listed
      AND start_date <= $as_of
      AND date_part('year', end_date) * 12 + date_part('month', end_date) - 1 >= first_index
),
rated AS (
    SELECT *,
           AVG(CASE WHEN NOT in_window THEN CAST(quantity AS DOUBLE) END)
               OVER (PARTITION BY peak_code) AS outside_rate
    FROM cells
)
SELECT
    month,
    peak_code,
    in_window,
    quantity,
    CASE WHEN in_window THEN ROUND(quantity / NULLIF(outside_rate, 0), 2) END AS lift
FROM rated
-- a code can name two windows (one per campaign year): in_window breaks the tie
ORDER BY month, peak_code, in_window
