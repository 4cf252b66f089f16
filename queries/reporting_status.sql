-- reporting_status: Every report the letter expects in a year, with when it arrived and whether it was on time, late or missing.
--
-- Parameters:
--   $year INT (default 2023) the year of the reporting periods
-- Columns: unit_code, unit, unit_kind, period_kind, period, due_date, received_at, days_late, status
-- A corrected report counts from its first receipt; reports nobody asked for are not listed.
SELECT
    rs.unit_code,
    u.name_vi     AS unit,
    u.unit_kind,
    rs.period_kind,
    rs.period,
    rs.due_date,
    rs.received_at,
    CASE WHEN rs.received_at > rs.due_date
         THEN rs.received_at - rs.due_date END AS days_late,
    rs.status
FROM reporting_status rs
JOIN units u ON u.unit_code = rs.unit_code
WHERE starts_with(rs.period, CAST($year AS VARCHAR))
ORDER BY rs.period_kind, rs.period, u.unit_kind, rs.unit_code
