-- coverage_by_unit: The unit x theme matrix of a year: quantity per unit and theme, zero where a unit said nothing on a theme, so a gap shows.
--
-- Parameters:
--   $year INT (default 2023) the year of the activities
-- Columns: unit_code, unit, unit_kind, religion, ethnic, trafficking, labour, commitments, general, total
-- Every unit that existed in the year is listed, reporting or not.
WITH year_activities AS (
    SELECT unit_code, theme_code, quantity FROM activities WHERE year = $year
)
SELECT
    u.unit_code,
    u.name_vi   AS unit,
    u.unit_kind,
    COALESCE(SUM(CASE WHEN a.theme_code = 'religion'    THEN a.quantity END), 0) AS religion,
    COALESCE(SUM(CASE WHEN a.theme_code = 'ethnic'      THEN a.quantity END), 0) AS ethnic,
    COALESCE(SUM(CASE WHEN a.theme_code = 'trafficking' THEN a.quantity END), 0) AS trafficking,
    COALESCE(SUM(CASE WHEN a.theme_code = 'labour'      THEN a.quantity END), 0) AS labour,
    COALESCE(SUM(CASE WHEN a.theme_code = 'commitments' THEN a.quantity END), 0) AS commitments,
    COALESCE(SUM(CASE WHEN a.theme_code = 'general'     THEN a.quantity END), 0) AS general,
    COALESCE(SUM(a.quantity), 0)                                                 AS total
FROM units u
LEFT JOIN year_activities a ON a.unit_code = u.unit_code
WHERE u.valid_from <= make_date($year, 12, 31)
  AND (u.valid_to IS NULL OR u.valid_to >= make_date($year, 1, 1))
GROUP BY u.unit_code, u.name_vi, u.unit_kind
ORDER BY u.unit_kind, total DESC, u.unit_code
