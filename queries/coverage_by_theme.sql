-- coverage_by_theme: What was covered per theme in a year: items, quantity, reach, units that covered it, and the theme's share of the year's quantity.
--
-- Parameters:
--   $year INT (default 2023) the year of the activities
-- Columns: theme_code, theme, items, quantity, reach, units, share_pct
-- Every theme is listed, with zeros when nothing was reported on it; a theme
-- code the year's activities hold that the reference data no longer lists
-- is listed too, named by its code, so the shares add up to 100.
-- Only current reports count (corrections replace what they correct).
-- Read from activity_rollup (grain 'theme'): the figures of activities, a few rows per report.
WITH year_activities AS (
    SELECT * FROM activity_rollup WHERE grain = 'theme' AND year = $year
),
year_total AS (
    SELECT SUM(quantity) AS quantity FROM year_activities
),
-- the reference's themes, and any theme code the year's activities hold
-- that the reference no longer lists (named by its code), so that the
-- themes always add up to the year's total
year_themes AS (
    SELECT theme_code, name_vi FROM themes
    UNION ALL
    SELECT DISTINCT a.theme_code, a.theme_code AS name_vi
    FROM year_activities a
    LEFT JOIN themes known ON known.theme_code = a.theme_code
    WHERE known.theme_code IS NULL
)
SELECT
    t.theme_code,
    t.name_vi                              AS theme,
    COALESCE(SUM(a.items), 0)           AS items,
    COALESCE(SUM(a.quantity), 0)           AS quantity,
    COALESCE(SUM(a.reach), 0)              AS reach,
    COUNT(DISTINCT a.unit_code)            AS units,
    ROUND(100.0 * COALESCE(SUM(a.quantity), 0) / NULLIF((SELECT quantity FROM year_total), 0), 1) AS share_pct
FROM year_themes t
LEFT JOIN year_activities a ON a.theme_code = t.theme_code
GROUP BY t.theme_code, t.name_vi
ORDER BY quantity DESC, t.theme_code
