-- outliers: Figures recorded exactly as sent but far from what the same unit usually reports (or units of its kind, when it has few figures): the reach or duration of an item, or the quantity of a monthly report.
--
-- Parameters:
--   $year INT (default 2023) the year whose figures are checked
--   $field TEXT [reach|quantity|duration_min|all] (default reach) the figure: reach or duration_min of each item, quantity of each monthly report (every form together), or all three
--   $algorithm TEXT [z|mod_z|min_max] (default mod_z) z: the z-score on the mean and standard deviation; mod_z: the modified z-score on the median and the median absolute deviation; min_max: outside the bounds of bounds.csv
--   $threshold NUMBER [>0] (default 3) how far a z-score or modified z-score may go (DHIS2's default, 3)
--   $baseline_years INT [>=1] (default 3) the years of history the baseline holds, ending with $year
--   $min_history INT [>=1] (default 12) the fewest figures a unit's own baseline needs: with fewer, the figures of every unit of its kind (for the same form) are the baseline
--   $as_of DATE (default none) see the lake as it was on this day: the reports current then, items dated up to it (none: as it is now)
-- Columns: unit_code, unit, unit_kind, form_code, field, period, activity_date, title, activity_id, submission_id, source_file, source_row, value, baseline, baseline_n, mean, std_dev, median, mad, z_score, modified_z_score, lower_bound, upper_bound, algorithm
-- The baseline of a figure is every figure of the same field and form that
-- the same unit's current reports (those current on $as_of) hold in the
-- $baseline_years years up to $year, the figure itself included, as DHIS2 computes it; `baseline` says
-- whose it was: `unit`, or `unit_kind` (every unit of its kind, the same
-- form) when the unit has fewer than $min_history figures of that form.
-- A monthly report's quantity is one figure of form '*' (every form
-- together); an annual report is checked against its monthly reports by
-- the rule annual_covers_monthly instead (its months are not a month's
-- report).
-- z_score = |value - mean| / std_dev (the population standard deviation);
-- modified_z_score = 0.6745 x |value - median| / mad (the median of
-- |value - median|). A figure is an outlier when its score is at least
-- $threshold and its baseline holds at least $min_history figures (z,
-- mod_z), or when it lies outside [min, max] of bounds.csv for its form
-- and unit kind (min_max). lower_bound and upper_bound are the algorithm's:
-- mean +- threshold x std_dev, median +- threshold x mad / 0.6745, or min
-- and max. Where more than half the figures are equal (mad 0), the
-- modified z-score divides by 1.253314 x the mean absolute deviation from
-- the median instead (Iglewicz and Hoaglin's fallback, as IBM SPSS does);
-- a baseline whose figures are all equal flags nothing. With the figure in
-- its own baseline, a z-score of n figures cannot pass (n-1)/sqrt(n), so 3
-- needs at least 11 figures: hence the default $min_history. Quantity is
-- read from the rollup, reach and duration from the items. Every figure
-- stays stored: this only flags.
WITH reports AS (
    -- the reports the check sees: current now, or current on $as_of
    SELECT submission_id, unit_code, period_kind, period
    FROM submission_versions
    WHERE received_at <= COALESCE($as_of, received_at)
      AND (current_until IS NULL OR current_until > COALESCE($as_of, current_until))
),
items AS (
    -- now: the current items as they are (a third faster than the join)
    SELECT a.*
    FROM activities a
    WHERE $as_of IS NULL AND a.year <= $year AND a.year + $baseline_years > $year
    UNION ALL
    -- on $as_of: the items of the reports current then, dated up to it
    -- (the reports, a few per unit, first: the side the join hashes)
    SELECT a.*
    FROM reports r JOIN lake.activities a ON a.submission_id = r.submission_id
    WHERE $as_of IS NOT NULL AND a.year <= $year AND a.year + $baseline_years > $year
      AND a.activity_date <= $as_of
),
observed AS (
    SELECT unit_code, form_code, year, submission_id, activity_id, source_row,
           activity_date, title, 'reach' AS field, CAST(reach AS DOUBLE) AS value
    FROM items
    WHERE ($field = 'reach' OR $field = 'all') AND reach IS NOT NULL
    UNION ALL
    SELECT unit_code, form_code, year, submission_id, activity_id, source_row,
           activity_date, title, 'duration_min' AS field, duration_min AS value
    FROM items
    WHERE ($field = 'duration_min' OR $field = 'all') AND duration_min IS NOT NULL
    UNION ALL
    -- one figure per monthly report: its quantity, every form together
    -- (form_code '*'), in its period's month
    SELECT s.unit_code, '*' AS form_code, CAST(substr(s.period, 1, 4) AS INT) AS year,
           s.submission_id, CAST(NULL AS VARCHAR) AS activity_id,
           CAST(NULL AS BIGINT) AS source_row, to_date(s.period || '-01') AS activity_date,
           CAST(NULL AS VARCHAR) AS title, 'quantity' AS field,
           CAST(SUM(q.quantity) AS DOUBLE) AS value
    FROM reports s
    JOIN lake.activity_rollup q ON q.submission_id = s.submission_id
    WHERE ($field = 'quantity' OR $field = 'all') AND q.grain = 'form'
      AND s.period_kind = 'monthly'
      AND CAST(substr(s.period, 1, 4) AS INT) <= $year
      AND CAST(substr(s.period, 1, 4) AS INT) + $baseline_years > $year
    GROUP BY s.unit_code, s.period, s.submission_id
),
figures AS (
    -- the units (a few hundred rows) first: the side the join hashes
    SELECT o.*, COALESCE(u.unit_kind, '?') AS unit_kind, o.value AS x
    FROM units u RIGHT JOIN observed o ON u.unit_code = o.unit_code
),
-- the baselines: each unit's and each kind's statistics, then the spread
-- of its figures about its median (MAD); a CTE is computed again wherever
-- a join names it, so each pass reads only the figures' keys and values
unit_stats AS (
    -- (a unit has one kind: grouping by it costs nothing and keeps it)
    SELECT field, unit_code, unit_kind, form_code, COUNT(*) AS n, AVG(x) AS mean,
           STDDEV_POP(x) AS std_dev, MEDIAN(x) AS median
    FROM figures GROUP BY field, unit_code, unit_kind, form_code
),
unit_spread AS (
    SELECT s.field, s.unit_code, s.form_code, MEDIAN(ABS(f.x - s.median)) AS mad,
           AVG(ABS(f.x - s.median)) AS mean_ad
    FROM unit_stats s
    JOIN figures f ON f.field = s.field AND f.unit_code = s.unit_code AND f.form_code = s.form_code
    GROUP BY s.field, s.unit_code, s.form_code
),
kind_stats AS (
    SELECT field, unit_kind, form_code, COUNT(*) AS n, AVG(x) AS mean,
           STDDEV_POP(x) AS std_dev, MEDIAN(x) AS median
    FROM figures GROUP BY field, unit_kind, form_code
),
kind_spread AS (
    SELECT s.field, s.unit_kind, s.form_code, MEDIAN(ABS(f.x - s.median)) AS mad,
           AVG(ABS(f.x - s.median)) AS mean_ad
    FROM kind_stats s
    JOIN figures f ON f.field = s.field AND f.unit_kind = s.unit_kind AND f.form_code = s.form_code
    GROUP BY s.field, s.unit_kind, s.form_code
),
baselines AS (
    -- each unit's own, or its kind's where its own is too short
    SELECT us.field, us.unit_code, us.form_code,
           CASE WHEN us.n >= $min_history THEN 'unit' ELSE 'unit_kind' END AS baseline,
           CASE WHEN us.n >= $min_history THEN us.n ELSE ks.n END AS baseline_n,
           CASE WHEN us.n >= $min_history THEN us.mean ELSE ks.mean END AS mean,
           CASE WHEN us.n >= $min_history THEN us.std_dev ELSE ks.std_dev END AS std_dev,
           CASE WHEN us.n >= $min_history THEN us.median ELSE ks.median END AS median,
           CASE WHEN us.n >= $min_history THEN um.mad ELSE km.mad END AS mad,
           CASE WHEN us.n >= $min_history THEN um.mean_ad ELSE km.mean_ad END AS mean_ad
    FROM unit_stats us
    JOIN unit_spread um ON um.field = us.field AND um.unit_code = us.unit_code AND um.form_code = us.form_code
    LEFT JOIN kind_stats ks ON ks.field = us.field AND ks.unit_kind = us.unit_kind AND ks.form_code = us.form_code
    LEFT JOIN kind_spread km ON km.field = us.field AND km.unit_kind = us.unit_kind AND km.form_code = us.form_code
),
scored AS (
    SELECT f.*, b.baseline, b.baseline_n, b.mean, b.std_dev, b.median, b.mad,
           ABS(f.x - b.mean) / NULLIF(b.std_dev, 0) AS z_score,
           -- MAD 0 (more than half the figures equal): the mean absolute
           -- deviation x 1.253314 in its place (Iglewicz and Hoaglin)
           CASE WHEN b.mad > 0 THEN 0.6745 * ABS(f.x - b.median) / b.mad
                ELSE ABS(f.x - b.median) / NULLIF(1.253314 * b.mean_ad, 0) END AS modified_z_score,
           CASE $algorithm
               WHEN 'z' THEN b.mean - $threshold * b.std_dev
               WHEN 'mod_z' THEN b.median - $threshold * CASE WHEN b.mad > 0 THEN b.mad / 0.6745
                                                              ELSE 1.253314 * b.mean_ad END
               END AS lower_x,
           CASE $algorithm
               WHEN 'z' THEN b.mean + $threshold * b.std_dev
               WHEN 'mod_z' THEN b.median + $threshold * CASE WHEN b.mad > 0 THEN b.mad / 0.6745
                                                              ELSE 1.253314 * b.mean_ad END
               END AS upper_x,
           bo.min, bo.max
    FROM baselines b
    JOIN figures f ON f.field = b.field AND f.unit_code = b.unit_code AND f.form_code = b.form_code
    LEFT JOIN bounds bo ON bo.field = f.field AND bo.form_code = f.form_code AND bo.unit_kind = f.unit_kind
    WHERE f.year = $year
),
flagged AS (
    SELECT *,
           CASE WHEN $algorithm = 'min_max' THEN min ELSE lower_x END AS lower_bound,
           CASE WHEN $algorithm = 'min_max' THEN max ELSE upper_x END AS upper_bound
    FROM scored
    WHERE CASE $algorithm
              WHEN 'z' THEN z_score >= $threshold AND baseline_n >= $min_history
              WHEN 'mod_z' THEN modified_z_score >= $threshold AND baseline_n >= $min_history
              ELSE value < min OR value > max END
)
SELECT
    f.unit_code,
    u.name_vi AS unit,
    NULLIF(f.unit_kind, '?') AS unit_kind,
    f.form_code,
    f.field,
    s.period,
    f.activity_date,
    f.title,
    f.activity_id,
    f.submission_id,
    s.source_file,
    f.source_row,
    f.value,
    f.baseline,
    f.baseline_n,
    -- rounded: sums of decimals in another order differ in the last digit
    round(f.mean, 4) AS mean,
    round(f.std_dev, 4) AS std_dev,
    round(f.median, 4) AS median,
    round(f.mad, 4) AS mad,
    round(f.z_score, 2) AS z_score,
    round(f.modified_z_score, 2) AS modified_z_score,
    round(f.lower_bound, 4) AS lower_bound,
    round(f.upper_bound, 4) AS upper_bound,
    CAST($algorithm AS VARCHAR) AS algorithm
FROM flagged f
JOIN submissions s ON s.submission_id = f.submission_id
LEFT JOIN units u ON u.unit_code = f.unit_code
ORDER BY f.field, f.unit_code, f.activity_date, f.source_row
