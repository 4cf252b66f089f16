-- coverage_by_unit: The unit x theme matrix of a year, one row per unit and theme: quantity per unit and theme, zero where a unit said nothing on a theme, so a gap shows.
--
-- Parameters:
--   $year INT (default 2023) the year of the activities
-- Columns: unit_code, unit, unit_kind, theme_code, quantity, unit_total
-- Every unit that existed in the year is listed, reporting or not, once per
-- theme of the reference data (and per theme code the year's activities
-- hold that the reference data no longer lists), so a theme added to the
-- reference folder appears without a change here. `unit_total` is the
-- unit's quantity over all themes. The summary turns the rows into the
-- unit x theme table (one column per theme) of its heat map and workbook.
WITH year_activities AS (
    SELECT unit_code, theme_code, SUM(quantity) AS quantity
    FROM activities
    WHERE year = $year
    GROUP BY unit_code, theme_code
),
year_units AS (
    SELECT unit_code, name_vi, unit_kind
    FROM units
    WHERE valid_from <= make_date($year, 12, 31)
      AND (valid_to IS NULL OR valid_to >= make_date($year, 1, 1))
),
year_themes AS (
    SELECT theme_code FROM themes
    UNION
    SELECT theme_code FROM year_activities
),
cells AS (
    SELECT u.unit_code,
           u.name_vi                  AS unit,
           u.unit_kind,
           t.theme_code,
           COALESCE(a.quantity, 0)    AS quantity
    FROM year_units u
    CROSS JOIN year_themes t
    LEFT JOIN year_activities a
           ON a.unit_code = u.unit_code AND a.theme_code = t.theme_code
)
SELECT unit_code,
       unit,
       unit_kind,
       theme_code,
       quantity,
       SUM(quantity) OVER (PARTITION BY unit_code) AS unit_total
FROM cells
ORDER BY unit_kind, unit_total DESC, unit_code, theme_code
