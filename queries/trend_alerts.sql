-- trend_alerts: What a person should act on as of a day: offices owing monthly reports silent two months or more, themes that fell by half against their 3-month average, peak windows half over with under half the expected coverage, refused rows not yet corrected, figures the outlier check flags (the trend file alerts).
--
-- Parameters:
--   $as_of DATE (default today) the day the alerts are as of
-- Columns: kind, subject, detail, since
-- What the lake held on the as-of day: each report's version current then
-- (received_at on or before it, not yet replaced: see submission_versions),
-- activities dated up to that day, and every month from the first with
-- activity to the as-of month (the months table), zero where nothing happened.
-- kind is silent_office (subject a unit), theme_drop (a theme), peak_shortfall
-- (a peak), uncorrected_rejects (a unit, or the file refused whole), outlier
-- (a unit: a figure data_quality would flag); since is
-- the day the matter began. The rules are beside each part below. detail is
-- said in baocao's language (say(): the messages trends-alert-* of locales/).
WITH used AS (
    SELECT submission_id, unit_code, period_kind, period, received_at, source_file
    FROM submission_versions
    WHERE received_at <= $as_of AND (current_until IS NULL OR current_until > $as_of)
),
acts AS (
    SELECT a.theme_code, a.activity_date, a.quantity, a.year * 12 + a.month - 1 AS month_index
    FROM used u JOIN lake.activities a ON a.submission_id = u.submission_id
    WHERE a.activity_date <= $as_of
),
spine AS (
    SELECT month, month_index, month_start, month_end FROM months
    WHERE month_index >= (SELECT MIN(month_index) FROM acts) AND month_start <= $as_of
),
-- silent_office: the monthly reports due by the as-of day and not received
-- by then, the latest ones running, of the offices that report monthly (the
-- culture offices until 2025, the communes and wards after) and still exist
-- on the as-of day: an abolished office is not silent.
dues AS (
    SELECT e.unit_code, e.period, e.due_date, r.period IS NOT NULL AS received
    FROM expected_reports e
    JOIN units u ON u.unit_code = e.unit_code
                AND (u.valid_to IS NULL OR u.valid_to >= $as_of)
    LEFT JOIN (SELECT DISTINCT unit_code, period FROM used) r
           ON r.unit_code = e.unit_code AND r.period = e.period
    WHERE e.period_kind = 'monthly' AND e.due_date <= $as_of
),
last_report AS (
    SELECT unit_code,
           MAX(CASE WHEN received THEN due_date END) AS last_due,
           MAX(CASE WHEN received THEN period END)   AS last_period
    FROM dues GROUP BY unit_code
),
silent_office AS (
    SELECT
        'silent_office' AS kind,
        d.unit_code AS subject,
        CASE WHEN l.last_period IS NULL
             THEN say('trends-alert-silent-none',
                      'periods', string_agg(d.period, ', ' ORDER BY d.period), 'months', COUNT(*))
             ELSE say('trends-alert-silent',
                      'periods', string_agg(d.period, ', ' ORDER BY d.period), 'months', COUNT(*),
                      'last', l.last_period) END AS detail,
        MIN(d.due_date) AS since
    FROM dues d JOIN last_report l ON l.unit_code = d.unit_code
    WHERE NOT d.received AND (l.last_due IS NULL OR d.due_date > l.last_due)
    GROUP BY d.unit_code, l.last_period
    HAVING COUNT(*) >= 2
),
-- Monthly reports are due on the 15th and cover activity up to the 14th,
-- so on the as-of day activity is complete up to the last 14th whose report
-- was due by then: theme_drop and peak_shortfall judge only that far.
reported_through AS (
    SELECT CAST(MAX(month_start) + INTERVAL '13 days' AS DATE) AS day
    FROM months WHERE month_start + INTERVAL '14 days' <= $as_of
),
-- theme_drop: the last month complete by then, against the three before it.
judged_month AS (
    SELECT MAX(m.month_index) AS month_index
    FROM months m CROSS JOIN reported_through r WHERE m.month_end <= r.day
),
theme_months AS (
    SELECT s.month, s.month_index, s.month_start, t.theme_code,
           COALESCE(SUM(a.quantity), 0) AS quantity
    FROM spine s
    CROSS JOIN themes t
    LEFT JOIN acts a ON a.month_index = s.month_index AND a.theme_code = t.theme_code
    GROUP BY s.month, s.month_index, s.month_start, t.theme_code
),
theme_baseline AS (
    SELECT *,
           AVG(quantity) OVER before_3 AS avg_before,
           COUNT(*) OVER before_3      AS months_before,
           FIRST_VALUE(month) OVER before_3 AS first_before,
           LAG(month) OVER (PARTITION BY theme_code ORDER BY month_index) AS last_before
    FROM theme_months
    WINDOW before_3 AS (PARTITION BY theme_code ORDER BY month_index ROWS BETWEEN 3 PRECEDING AND 1 PRECEDING)
),
theme_drop AS (
    SELECT
        'theme_drop' AS kind,
        b.theme_code AS subject,
        say('trends-alert-theme-drop', 'month', b.month, 'quantity', b.quantity,
            'average', ROUND(b.avg_before, 2), 'first', b.first_before, 'last', b.last_before) AS detail,
        b.month_start AS since
    FROM theme_baseline b JOIN judged_month j ON j.month_index = b.month_index
    WHERE b.months_before = 3 AND b.quantity < 0.5 * b.avg_before
),
-- peak_shortfall: a window at least half over on the as-of day and not yet
-- ended, whose quantity up to the reported-through day is under half what
-- the pace of the same themes before the window (from the first month
-- with data) would give for those days.
peak_pace AS (
    SELECT
        p.peak_code, p.start_date, p.end_date,
        p.end_date - p.start_date + 1        AS window_days,
        $as_of - p.start_date + 1            AS days_over,
        MIN(r.day) - p.start_date + 1        AS days_reported,
        p.start_date - MIN(f.first_day)      AS days_before,
        COALESCE(SUM(CASE WHEN a.activity_date BETWEEN p.start_date AND r.day THEN a.quantity END), 0) AS quantity_inside,
        COALESCE(SUM(CASE WHEN a.activity_date < p.start_date THEN a.quantity END), 0)                 AS quantity_before
    FROM peak_periods p
    CROSS JOIN reported_through r
    CROSS JOIN (SELECT MIN(month_start) AS first_day FROM spine) f
    LEFT JOIN (
        SELECT pt.peak_code, a.activity_date, a.quantity
        FROM acts a JOIN peak_themes pt ON pt.theme_code = a.theme_code
    ) a ON a.peak_code = p.peak_code
    WHERE p.start_date <= $as_of AND p.end_date >= $as_of
    GROUP BY p.peak_code, p.start_date, p.end_date
),
peak_shortfall AS (
    SELECT
        'peak_shortfall' AS kind,
        peak_code AS subject,
        say('trends-alert-peak-shortfall', 'day', days_over, 'days', window_days,
            'quantity', quantity_inside, 'reported', days_reported,
            'expected', ROUND(CAST(quantity_before AS DOUBLE) * days_reported / days_before, 1)) AS detail,
        start_date AS since
    FROM peak_pace
    WHERE days_over * 2 >= window_days
      AND days_reported > 0
      AND days_before >= 28
      AND quantity_inside * 2 * days_before < quantity_before * days_reported
),
-- outlier: a figure of a report current on the as-of day that the outlier
-- check flags (the outliers query at its defaults, every figure, the
-- as-of day's year, the lake as it was on the as-of day); since is the
-- day the report was received.
outlier_rows AS (
    -- include: outliers (year = CAST(date_part('year', $as_of) AS BIGINT), field = 'all', algorithm = 'mod_z', threshold = 3.0, baseline_years = 3, min_history = 12)
),
outlier AS (
    SELECT
        'outlier' AS kind,
        o.unit_code AS subject,
        say('trends-alert-outlier', 'field', o.field, 'value', o.value,
            'file', u.source_file, 'row', COALESCE(CAST(o.source_row AS VARCHAR), 'none'),
            'median', round(o.median, 1)) AS detail,
        u.received_at AS since
    FROM outlier_rows o JOIN used u ON u.submission_id = o.submission_id
),
-- uncorrected_rejects: refused rows of a report still current (no
-- correction received), and whole files refused whose bytes were never
-- accepted since (as when re-sent with --unit).
row_rejects AS (
    SELECT
        'uncorrected_rejects' AS kind,
        u.unit_code AS subject,
        say('trends-alert-rows-refused', 'rows', COUNT(*), 'period', u.period,
            'file', u.source_file, 'first', CAST(MIN(r.source_row) AS VARCHAR),
            'reason', first_value(say_reason(r.reason_args, r.reason) ORDER BY r.source_row)) AS detail,
        u.received_at AS since
    FROM rejects r JOIN used u ON u.submission_id = r.submission_id
    WHERE r.source_row IS NOT NULL
    GROUP BY u.unit_code, u.period, u.source_file, u.received_at
),
file_rejects AS (
    SELECT
        'uncorrected_rejects' AS kind,
        r.source_file AS subject,
        say('trends-alert-file-refused',
            'reason', first_value(say_reason(r.reason_args, r.reason) ORDER BY r.ingested_at)) AS detail,
        CAST(MIN(r.ingested_at) AS DATE) AS since
    FROM rejects r
    WHERE r.source_row IS NULL
      AND CAST(r.ingested_at AS DATE) <= $as_of
      AND r.submission_id NOT IN (SELECT submission_id FROM submissions WHERE received_at <= $as_of)
    GROUP BY r.submission_id, r.source_file
)
SELECT kind, subject, detail, since FROM (
    SELECT * FROM silent_office
    UNION ALL SELECT * FROM theme_drop
    UNION ALL SELECT * FROM peak_shortfall
    UNION ALL SELECT * FROM row_rejects
    UNION ALL SELECT * FROM file_rejects
    UNION ALL SELECT * FROM outlier
)
ORDER BY kind, since, subject, detail
