-- coverage_by_theme: What was covered per theme in a year: items, quantity, reach, units that covered it, and the theme's share of the year's quantity.
--
-- Parameters:
--   $year INT (default 2023) the year of the activities
-- Columns: theme_code, theme, items, quantity, reach, units, share_pct
-- Every theme is listed, with zeros when nothing was reported on it.
-- Only current reports count (corrections replace what they correct).
WITH year_activities AS (
    SELECT * FROM activities WHERE year = $year
),
year_total AS (
    SELECT SUM(quantity) AS quantity FROM year_activities
)
SELECT
    t.theme_code,
    t.name_vi                              AS theme,
    COUNT(a.activity_id)                   AS items,
    COALESCE(SUM(a.quantity), 0)           AS quantity,
    COALESCE(SUM(a.reach), 0)              AS reach,
    COUNT(DISTINCT a.unit_code)            AS units,
    ROUND(100.0 * COALESCE(SUM(a.quantity), 0) / NULLIF((SELECT quantity FROM year_total), 0), 1) AS share_pct
FROM themes t
LEFT JOIN year_activities a ON a.theme_code = t.theme_code
GROUP BY t.theme_code, t.name_vi
ORDER BY quantity DESC, t.theme_code
