-- gaps: What is missing in a year: units that reported nothing, units with nothing on a theme, themes with nothing inside a peak window that concerns them, and offices owing monthly reports (the culture offices until 2025, the communes and wards after) silent for two months or more.
--
-- Parameters:
--   $year INT (default 2023) the year of the activities and reporting periods
-- Columns: gap, subject, name, detail, months
-- gap is one of unit_silent_all_year, unit_without_theme, peak_without_theme, office_silent.
-- Units and themes are read from activity_rollup (grain 'theme'); peaks need the items' dates.
WITH year_unit_themes AS (
    SELECT DISTINCT unit_code, theme_code FROM activity_rollup WHERE grain = 'theme' AND year = $year
),
year_activities AS (
    SELECT theme_code, activity_date FROM activities WHERE year = $year
),
obliged AS (
    SELECT DISTINCT e.unit_code, u.name_vi
    FROM expected_reports e JOIN units u ON u.unit_code = e.unit_code
    WHERE e.period_kind = 'annual' AND e.period = CAST($year AS VARCHAR)
),
active AS (
    SELECT DISTINCT unit_code FROM year_unit_themes
),
missing_months AS (
    SELECT unit_code, period,
           CAST(substr(period, 1, 4) AS BIGINT) * 12 + CAST(substr(period, 6, 2) AS BIGINT) AS month_index
    FROM reporting_status
    WHERE period_kind = 'monthly' AND status = 'missing' AND starts_with(period, CAST($year AS VARCHAR))
),
silent_runs AS (
    SELECT unit_code, MIN(period) AS first_period, MAX(period) AS last_period, COUNT(*) AS months
    FROM (
        SELECT unit_code, period, month_index,
               month_index - ROW_NUMBER() OVER (PARTITION BY unit_code ORDER BY month_index) AS run
        FROM missing_months
    ) runs
    GROUP BY unit_code, run
    HAVING COUNT(*) >= 2
)
SELECT 'unit_silent_all_year' AS gap, o.unit_code AS subject, o.name_vi AS name,
       'no activity reported' AS detail, CAST(NULL AS BIGINT) AS months
FROM obliged o
WHERE o.unit_code NOT IN (SELECT unit_code FROM active)
UNION ALL
SELECT 'unit_without_theme', o.unit_code, o.name_vi, t.theme_code, CAST(NULL AS BIGINT)
FROM obliged o
CROSS JOIN themes t
WHERE o.unit_code IN (SELECT unit_code FROM active)
  AND NOT EXISTS (SELECT 1 FROM year_unit_themes a WHERE a.unit_code = o.unit_code AND a.theme_code = t.theme_code)
UNION ALL
SELECT 'peak_without_theme', p.peak_code, p.name_vi, pt.theme_code, CAST(NULL AS BIGINT)
FROM peak_periods p
JOIN peak_themes pt ON pt.peak_code = p.peak_code
WHERE date_part('year', p.start_date) <= $year AND date_part('year', p.end_date) >= $year
  AND NOT EXISTS (
      SELECT 1 FROM year_activities a
      WHERE a.theme_code = pt.theme_code AND a.activity_date BETWEEN p.start_date AND p.end_date)
UNION ALL
SELECT 'office_silent', r.unit_code, u.name_vi, concat(r.first_period, ' .. ', r.last_period), r.months
FROM silent_runs r
JOIN units u ON u.unit_code = r.unit_code
ORDER BY gap, subject, detail
