-- coverage_by_unit: The unit x theme matrix of a year, one row per unit and theme: quantity per unit and theme, zero where a unit said nothing on a theme, so a gap shows.
--
-- Parameters:
--   $year INT (default 2023) the year of the activities
--   $units_as_of DATE (default none) roll the year up to the units of this day (e.g. today) through unit_lineage; none lists the year's own units
-- Columns: unit_code, unit, unit_kind, theme_code, quantity, unit_total, rolled_from, fate, successors_as_of
-- Every unit that existed in the year is listed, reporting or not, once per
-- theme of the reference data (and per theme code the year's activities
-- hold that the reference data no longer lists), so a theme added to the
-- reference folder appears without a change here. `unit_total` is the
-- unit's quantity over all themes. The summary turns the rows into the
-- unit x theme table (one column per theme) of its heat map and workbook.
--
-- With $units_as_of, the rows are the units that existed on that day, and
-- each unit of the year counts for the one unit its work went to
-- (unit_rollup: merged, renamed, or abolished into one successor; through
-- several changes too): `rolled_from` lists the codes whose figures a row
-- holds besides its own. A unit whose work was split between several
-- units is never assigned to one of them: it keeps its own row with `fate`
-- split and the units it went to in `successors_as_of`; so does a unit that
-- ended without successor (`ended`) or did not exist yet (`not_yet`). The
-- year's total is the same either way. Compare 2023 with 2026 on today's
-- map: --param year=2023 --param units_as_of=today, then year=2026.
-- Read from activity_rollup (grain 'theme'): the figures of activities, a few rows per report.
WITH year_activities AS (
    SELECT unit_code, theme_code, SUM(quantity) AS quantity
    FROM activity_rollup
    WHERE grain = 'theme' AND year = $year
    GROUP BY unit_code, theme_code
),
rolled AS (
    SELECT a.unit_code                                   AS source_code,
           a.theme_code,
           a.quantity,
           COALESCE(CASE WHEN r.fate = 'successor' THEN r.unit_code_as_of END,
                    a.unit_code)                         AS unit_code,
           COALESCE(r.fate, 'same')                      AS fate,
           r.successors_as_of
    FROM year_activities a
    LEFT JOIN unit_rollup r
           ON r.unit_code = a.unit_code
          AND r.as_of_from <= $units_as_of
          AND (r.as_of_to IS NULL OR r.as_of_to >= $units_as_of)
),
year_units AS (
    SELECT unit_code, name_vi, unit_kind,
           'same' AS fate, CAST(NULL AS VARCHAR) AS successors_as_of
    FROM units
    WHERE ($units_as_of IS NULL
           AND valid_from <= make_date($year, 12, 31)
           AND (valid_to IS NULL OR valid_to >= make_date($year, 1, 1)))
       OR ($units_as_of IS NOT NULL
           AND valid_from <= $units_as_of
           AND (valid_to IS NULL OR valid_to >= $units_as_of))
    UNION ALL
    SELECT DISTINCT u.unit_code, u.name_vi, u.unit_kind, r.fate, r.successors_as_of
    FROM rolled r
    JOIN units u ON u.unit_code = r.unit_code
    WHERE r.fate IN ('split', 'ended', 'not_yet')
),
rolled_pairs AS (
    SELECT DISTINCT unit_code, source_code
    FROM rolled
    WHERE source_code <> unit_code
),
rolled_from AS (
    SELECT unit_code,
           string_agg(source_code, '|' ORDER BY source_code) AS rolled_from
    FROM rolled_pairs
    GROUP BY unit_code
),
unit_quantities AS (
    SELECT unit_code, theme_code, SUM(quantity) AS quantity
    FROM rolled
    GROUP BY unit_code, theme_code
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
           COALESCE(a.quantity, 0)    AS quantity,
           f.rolled_from,
           u.fate,
           u.successors_as_of
    FROM year_units u
    CROSS JOIN year_themes t
    LEFT JOIN unit_quantities a
           ON a.unit_code = u.unit_code AND a.theme_code = t.theme_code
    LEFT JOIN rolled_from f ON f.unit_code = u.unit_code
)
SELECT unit_code,
       unit,
       unit_kind,
       theme_code,
       quantity,
       SUM(quantity) OVER (PARTITION BY unit_code) AS unit_total,
       rolled_from,
       fate,
       successors_as_of
FROM cells
ORDER BY unit_kind, unit_total DESC, unit_code, theme_code
