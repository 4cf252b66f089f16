-- top_units_per_theme: The five units with the most work on each theme in a year, nationally (a window query).
SELECT theme_code, unit_code, quantity, rank
FROM (
    SELECT theme_code, unit_code, SUM(quantity) AS quantity,
           ROW_NUMBER() OVER (PARTITION BY theme_code ORDER BY SUM(quantity) DESC, unit_code) AS rank
    FROM activities
    WHERE year = 2024
    GROUP BY theme_code, unit_code
) ranked
WHERE rank <= 5
ORDER BY theme_code, rank
