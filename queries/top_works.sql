-- top_works: Candidates for the awards of section 2.3 of the letter: per theme, the works with the largest reach in a year.
--
-- Parameters:
--   $year INT (default 2023) the year of the activities
--   $limit INT (default 5) how many works per theme
-- Columns: theme_code, theme, rank, title, unit_code, unit, form_code, activity_date, reach, url, activity_id
-- Works without a reach figure cannot be ranked and are left out; ties go to the earlier work.
-- A reach that data_quality flags (a reach typed with two zeros too many
-- ranks high) is marked in the summary's documents by activity_id.
-- The ranking sorts only each theme's reach figures: the $limit-th largest
-- reach of a theme is its threshold, and only the works at or above it (a
-- few, ties included) are ranked with their titles; a theme with fewer
-- works than $limit has no threshold and all of them are ranked.
WITH reach_ranks AS (
    SELECT theme_code, reach,
           ROW_NUMBER() OVER (PARTITION BY theme_code ORDER BY reach DESC) AS n
    FROM activities
    WHERE year = $year AND reach IS NOT NULL
),
thresholds AS (
    SELECT theme_code, reach AS floor FROM reach_ranks WHERE n = $limit
),
ranked AS (
    SELECT
        a.theme_code, a.title, a.unit_code, a.form_code, a.activity_date, a.reach, a.url,
        a.activity_id,
        ROW_NUMBER() OVER (PARTITION BY a.theme_code ORDER BY a.reach DESC, a.activity_date, a.activity_id) AS rank
    -- the thresholds (six rows) first: the side the join hashes
    FROM thresholds t
    RIGHT JOIN activities a ON a.theme_code = t.theme_code
    WHERE a.year = $year AND a.reach IS NOT NULL
      AND (t.floor IS NULL OR a.reach >= t.floor)
)
SELECT
    r.theme_code,
    t.name_vi   AS theme,
    r.rank,
    r.title,
    r.unit_code,
    u.name_vi   AS unit,
    r.form_code,
    r.activity_date,
    r.reach,
    r.url,
    r.activity_id
FROM ranked r
JOIN themes t ON t.theme_code = r.theme_code
LEFT JOIN units u ON u.unit_code = r.unit_code
WHERE r.rank <= $limit
ORDER BY r.theme_code, r.rank
