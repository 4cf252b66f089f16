-- rejects_summary: What was refused and is still to follow up with the unit, grouped by unit and kind of reason: refused rows of current reports, and refused files not accepted since.
--
-- Parameters: none
-- Columns: unit_code, reason_kind, rows_refused, files_refused, example_file, example_reason
-- reason_kind is the reason with the quoted values and numbers blanked, so that alike reasons group.
WITH outstanding AS (
    SELECT s.unit_code, r.source_file, r.source_row, r.reason
    FROM rejects r
    JOIN submissions s ON s.submission_id = r.submission_id
    WHERE r.source_row IS NOT NULL AND s.superseded_by IS NULL
    UNION ALL
    SELECT CAST(NULL AS VARCHAR), r.source_file, r.source_row, r.reason
    FROM rejects r
    WHERE r.source_row IS NULL
      AND r.submission_id NOT IN (SELECT submission_id FROM submissions)
)
SELECT
    COALESCE(unit_code, '(unknown unit)') AS unit_code,
    regexp_replace(regexp_replace(reason, '''[^'']*''', '''…''', 'g'), '[0-9]+', 'N', 'g') AS reason_kind,
    COUNT(source_row)                     AS rows_refused,
    COUNT(*) - COUNT(source_row)          AS files_refused,
    MIN(source_file)                      AS example_file,
    MIN(reason)                           AS example_reason
FROM outstanding
GROUP BY 1, 2
ORDER BY rows_refused + files_refused DESC, unit_code, reason_kind
