-- coverage_by_subtheme: What was covered per sub-theme in a year (items that named a sub-theme), within each theme.
--
-- Parameters:
--   $year INT (default 2023) the year of the activities
-- Columns: theme_code, subtheme_code, subtheme, items, quantity, reach, units
-- Every sub-theme is listed, with zeros when nothing named it.
-- Read from activity_rollup (grain 'theme'): the figures of activities, a few rows per report.
WITH year_activities AS (
    SELECT * FROM activity_rollup WHERE grain = 'theme' AND year = $year
)
SELECT
    s.theme_code,
    s.subtheme_code,
    s.name_vi                      AS subtheme,
    COALESCE(SUM(a.items), 0)   AS items,
    COALESCE(SUM(a.quantity), 0)   AS quantity,
    COALESCE(SUM(a.reach), 0)      AS reach,
    COUNT(DISTINCT a.unit_code)    AS units
FROM subthemes s
LEFT JOIN year_activities a ON a.subtheme_code = s.subtheme_code
GROUP BY s.theme_code, s.subtheme_code, s.name_vi
ORDER BY s.theme_code, quantity DESC, s.subtheme_code
