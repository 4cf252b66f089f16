-- province_theme: Work per theme in one province and year, with the theme's name.
SELECT t.name_vi AS theme, COUNT(*) AS items, SUM(a.quantity) AS quantity, SUM(a.reach) AS reach
FROM activities a
JOIN themes t ON t.theme_code = a.theme_code
WHERE a.year = 2024 AND a.unit_code LIKE 'lai-chau-%'
GROUP BY t.name_vi
ORDER BY quantity DESC, theme
