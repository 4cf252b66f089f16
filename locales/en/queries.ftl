# What each named query (queries/*.sql) answers, as `baocao queries` lists it:
# named-<query name, '_' as '-'>. The SQL file's header comment says the same in English.
named-coverage-by-form = The mix of forms in a year (news, articles, broadcasts, outreach, ...): items, quantity, reach and share of the quantity.
named-coverage-by-peak = For each peak period and each theme it concerns: quantity inside the window, the monthly rate inside and outside it in the same year, and the lift (inside rate / outside rate).
named-coverage-by-subtheme = What was covered per sub-theme in a year (items that named a sub-theme), within each theme.
named-coverage-by-theme = What was covered per theme in a year: items, quantity, reach, units that covered it, and the theme's share of the year's quantity.
named-coverage-by-unit = The unit x theme matrix of a year, one row per unit and theme: quantity per unit and theme, zero where a unit said nothing on a theme, so a gap shows.
named-gaps = What is missing in a year: units that reported nothing, units with nothing on a theme, themes with nothing inside a peak window that concerns them, and offices owing monthly reports (the culture offices until 2025, the communes and wards after) silent for two months or more.
named-lake-overview = What the lake holds at a glance: current and superseded reports, units that reported, current items and their quantity, refused rows and files, and the formats the current reports came in.
named-language-coverage = Output per broadcast language in a year (Vietnamese and the ethnic languages of Điện Biên: Thái, Mông, Khơ Mú, ...): items, quantity, reach, minutes on air, units.
named-monthly-trend = Quantity per theme and month of a year, every month and theme listed (zero where nothing happened), to see trends and peaks.
named-rejects-summary = What was refused and is still to follow up with the unit, grouped by unit and kind of refusal (reason_code): refused rows of current reports, and refused files not accepted since.
named-reporting-rate = Reporting completeness and timeliness the DHIS2 way, per kind of report and unit kind and overall: reports expected, received, received on time, reporting rate and on-time rate.
named-reporting-status = Every report the letter expects in a year, with when it arrived and whether it was on time, late or missing.
named-top-works = Candidates for the awards of section 2.3 of the letter: per theme, the works with the largest reach in a year.
named-trend-alerts = What a person should act on as of a day: offices owing monthly reports silent two months or more, themes that fell by half against their 3-month average, peak windows half over with under half the expected coverage, refused rows not yet corrected, figures the outlier check flags (the trend file alerts).
named-trend-peak-monthly = For each peak period, the quantity on its themes month by month up to the as-of day, whether the month is in the window, and its lift over the months outside it (the trend file peak_monthly).
named-trend-theme-monthly = Each theme month by month up to the as-of day, with its 3-month average and its change on the month before and on the same month a year earlier (the trend file theme_monthly).
named-trend-unit-monthly = Each unit month by month up to the as-of day: items, quantity, reach, themes covered and whether its monthly report for that month had arrived (the trend file unit_monthly).
named-outliers = Figures recorded exactly as sent but far from what the same unit usually reports (or units of its kind, when it has few figures): the reach or duration of an item, or the quantity of a monthly report.
named-data-quality = Every figure of a year to check with the units (flagged, never refused, never passed in silence): unusual figures, figures that do not meet a validation rule, and files whose own totals row disagrees with their items, each with a sentence.
