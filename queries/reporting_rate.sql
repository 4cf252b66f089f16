-- reporting_rate: Reporting completeness and timeliness the DHIS2 way, per kind of report and unit kind and overall: reports expected, received, received on time, reporting rate and on-time rate.
--
-- Parameters:
--   $year INT (default 2023) the year of the reporting periods
-- Columns: period_kind, unit_kind, expected, received, on_time, late, missing, reporting_rate_pct, on_time_rate_pct
-- Rates are shares of the expected reports; 'all' rows total the rows above them.
WITH status AS (
    SELECT rs.period_kind, u.unit_kind, rs.status
    FROM reporting_status rs
    JOIN units u ON u.unit_code = rs.unit_code
    WHERE starts_with(rs.period, CAST($year AS VARCHAR))
),
rolled AS (
    SELECT
        period_kind                                               AS rolled_period_kind,
        unit_kind                                                 AS rolled_unit_kind,
        COUNT(*)                                                  AS expected,
        SUM(CASE WHEN status <> 'missing' THEN 1 ELSE 0 END)      AS received,
        SUM(CASE WHEN status = 'on_time' THEN 1 ELSE 0 END)       AS on_time,
        SUM(CASE WHEN status = 'late' THEN 1 ELSE 0 END)          AS late,
        SUM(CASE WHEN status = 'missing' THEN 1 ELSE 0 END)       AS missing
    FROM status
    GROUP BY ROLLUP (period_kind, unit_kind)
)
SELECT
    COALESCE(rolled_period_kind, 'all')               AS period_kind,
    COALESCE(rolled_unit_kind, 'all')                 AS unit_kind,
    expected,
    received,
    on_time,
    late,
    missing,
    ROUND(100.0 * received / expected, 1)             AS reporting_rate_pct,
    ROUND(100.0 * on_time / expected, 1)              AS on_time_rate_pct
FROM rolled
ORDER BY rolled_period_kind IS NULL, rolled_period_kind, rolled_unit_kind IS NULL, rolled_unit_kind
