-- province_year_count: How many current items and how much work one province reported in a year.
-- (Lai Châu is the second province of `baocao gen`; its unit codes begin with lai-chau-.)
SELECT COUNT(*) AS items, SUM(quantity) AS quantity, SUM(reach) AS reach
FROM activities
WHERE year = 2024 AND unit_code LIKE 'lai-chau-%'
