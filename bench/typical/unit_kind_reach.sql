-- unit_kind_reach: People reached per kind of unit in one province and year (a join with units).
SELECT u.unit_kind, COUNT(*) AS items, SUM(a.reach) AS reach
FROM activities a
JOIN units u ON u.unit_code = a.unit_code
WHERE a.year = 2024 AND a.unit_code LIKE 'lai-chau-%'
GROUP BY u.unit_kind
ORDER BY reach DESC, u.unit_kind
