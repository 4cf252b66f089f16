-- coverage_by_peak: For each peak period and each theme it concerns: quantity inside the window, the monthly rate inside and outside it in the same year, and the lift (inside rate / outside rate).
--
-- Parameters:
--   $year INT (default 2023) the year whose peak windows and activities are compared
-- Columns: peak_code, peak, theme_code, start_date, end_date, months_inside, quantity_inside, quantity_outside, rate_inside, rate_outside, lift
-- A window that covers the whole year has no outside: rate_outside and lift are empty.
WITH windows AS (
    SELECT
        p.peak_code, p.name_vi, p.start_date, p.end_date, pt.theme_code,
        CAST((date_part('year', p.end_date) * 12 + date_part('month', p.end_date))
           - (date_part('year', p.start_date) * 12 + date_part('month', p.start_date)) + 1 AS BIGINT) AS months_inside
    FROM peak_periods p
    JOIN peak_themes pt ON pt.peak_code = p.peak_code
    WHERE date_part('year', p.start_date) <= $year AND date_part('year', p.end_date) >= $year
),
year_activities AS (
    SELECT theme_code, activity_date, quantity FROM activities WHERE year = $year
),
split AS (
    SELECT
        w.peak_code, w.name_vi, w.theme_code, w.start_date, w.end_date, w.months_inside,
        COALESCE(SUM(CASE WHEN a.activity_date BETWEEN w.start_date AND w.end_date THEN a.quantity END), 0)     AS quantity_inside,
        COALESCE(SUM(CASE WHEN a.activity_date NOT BETWEEN w.start_date AND w.end_date THEN a.quantity END), 0) AS quantity_outside
    FROM windows w
    LEFT JOIN year_activities a ON a.theme_code = w.theme_code
    GROUP BY w.peak_code, w.name_vi, w.theme_code, w.start_date, w.end_date, w.months_inside
)
SELECT
    peak_code,
    name_vi AS peak,
    theme_code,
    start_date,
    end_date,
    months_inside,
    quantity_inside,
    quantity_outside,
    ROUND(CAST(quantity_inside AS DOUBLE) / months_inside, 2)                     AS rate_inside,
    ROUND(CAST(quantity_outside AS DOUBLE) / NULLIF(12 - months_inside, 0), 2)   AS rate_outside,
    ROUND((CAST(quantity_inside AS DOUBLE) / months_inside)
          / NULLIF(CAST(quantity_outside AS DOUBLE) / NULLIF(12 - months_inside, 0), 0), 2) AS lift
FROM split
ORDER BY start_date, peak_code, theme_code
