-- language_coverage: Output per broadcast language in a year (Vietnamese and the ethnic languages of Điện Biên: Thái, Mông, Khơ Mú, ...): items, quantity, reach, minutes on air, units.
--
-- Parameters:
--   $year INT (default 2023) the year of the activities
-- Columns: language_code, language, items, quantity, reach, duration_min, units
-- Read from activity_rollup (grain 'language'): the figures of activities, a few rows per report.
WITH year_activities AS (
    SELECT * FROM activity_rollup WHERE grain = 'language' AND year = $year
)
SELECT
    l.language_code,
    l.name_vi                          AS language,
    COALESCE(SUM(a.items), 0)       AS items,
    COALESCE(SUM(a.quantity), 0)       AS quantity,
    COALESCE(SUM(a.reach), 0)          AS reach,
    COALESCE(SUM(a.duration_min), 0)   AS duration_min,
    COUNT(DISTINCT a.unit_code)        AS units
FROM languages l
LEFT JOIN year_activities a ON a.language = l.language_code
GROUP BY l.language_code, l.name_vi
ORDER BY CASE WHEN l.language_code = 'vi' THEN 0 ELSE 1 END, quantity DESC, l.language_code
