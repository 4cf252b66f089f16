-- lake_overview: What the lake holds at a glance: current and superseded reports, units that reported, current items and their quantity, refused rows and files, and the formats the current reports came in.
--
-- Parameters: none
-- Columns: current_submissions, superseded_submissions, units, items, quantity, rows_refused, files_refused, formats
-- (formats: each format of the current reports with their count, most first, e.g. "xlsx 40, csv 38, docx 3";
-- a format is what the file's bytes are: a web export named .xls is html)
-- Items and quantity are read from activity_rollup (grain 'language', the smallest): the figures of activities.
SELECT
    (SELECT COUNT(*) FROM submissions WHERE superseded_by IS NULL)      AS current_submissions,
    (SELECT COUNT(*) FROM submissions WHERE superseded_by IS NOT NULL)  AS superseded_submissions,
    (SELECT COUNT(DISTINCT unit_code) FROM submissions)                 AS units,
    (SELECT COALESCE(SUM(items), 0) FROM activity_rollup WHERE grain = 'language')    AS items,
    (SELECT COALESCE(SUM(quantity), 0) FROM activity_rollup WHERE grain = 'language') AS quantity,
    (SELECT COUNT(*) FROM rejects WHERE source_row IS NOT NULL)         AS rows_refused,
    (SELECT COUNT(*) FROM rejects WHERE source_row IS NULL)             AS files_refused,
    (SELECT string_agg(format || ' ' || CAST(n AS VARCHAR), ', ' ORDER BY n DESC, format)
       FROM (SELECT format, COUNT(*) AS n
               FROM submissions
              WHERE superseded_by IS NULL
              GROUP BY format))                                         AS formats
