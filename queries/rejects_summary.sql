-- rejects_summary: What was refused and is still to follow up with the unit, grouped by unit and kind of refusal (reason_code): refused rows of current reports, and refused files not accepted since.
--
-- Parameters: none
-- Columns: unit_code, reason_code, reason_kind, rows_refused, files_refused, example_file, example_reason, example_reason_en
-- example_reason is as the run that refused it wrote it; example_reason_en the same refusal said in English.
-- reason_kind says what the code means (the reason_codes table). Refusals recorded before the lake had
-- reason codes (contract v1) have none: they group under '(not recorded)', with the example reason to read.
WITH outstanding AS (
    SELECT s.unit_code, r.source_file, r.source_row, r.reason, r.reason_en, r.reason_code
    FROM rejects r
    JOIN submissions s ON s.submission_id = r.submission_id
    WHERE r.source_row IS NOT NULL AND s.superseded_by IS NULL
    UNION ALL
    SELECT CAST(NULL AS VARCHAR), r.source_file, r.source_row, r.reason, r.reason_en, r.reason_code
    FROM rejects r
    WHERE r.source_row IS NULL
      AND r.submission_id NOT IN (SELECT submission_id FROM submissions)
)
SELECT
    COALESCE(o.unit_code, '(unknown unit)')          AS unit_code,
    COALESCE(o.reason_code, '(not recorded)')        AS reason_code,
    COALESCE(MIN(c.description), 'A refusal recorded before reason codes: read the example reason.') AS reason_kind,
    COUNT(o.source_row)                              AS rows_refused,
    COUNT(*) - COUNT(o.source_row)                   AS files_refused,
    MIN(o.source_file)                               AS example_file,
    MIN(o.reason)                                    AS example_reason,
    first_value(o.reason_en ORDER BY o.reason)       AS example_reason_en
FROM outstanding o
LEFT JOIN reason_codes c ON c.reason_code = o.reason_code
GROUP BY 1, 2
ORDER BY rows_refused + files_refused DESC, unit_code, reason_code
