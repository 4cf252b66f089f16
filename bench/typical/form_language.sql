-- form_language: Items per form and language in a year, nationally.
SELECT form_code, language, COUNT(*) AS items, SUM(quantity) AS quantity
FROM activities
WHERE year = 2024
GROUP BY form_code, language
ORDER BY form_code, language
