-- province_monthly: Items and work month by month in one province and year.
SELECT month, COUNT(*) AS items, SUM(quantity) AS quantity, COUNT(DISTINCT unit_code) AS units
FROM activities
WHERE year = 2024 AND unit_code LIKE 'lai-chau-%'
GROUP BY month
ORDER BY month
