# Dates: the end of a sentence that starts with a date cell's text (why it
# is not a date), the refusals of item dates, the notes on a date column,
# and dates and months in words. English.

date-not-real = is not a real date
date-not-a-serial = is not a date (a number that is not an Excel date serial)
date-not-a-date = is not a date
date-time-of-day = is a time of day, not a date
date-not-a-real-time = is not a real time of day
date-not-a-real-month = is not a real month
date-unreadable = is not a date: write dd/mm/yyyy, yyyy-mm-dd or tháng 7/2023
date-missing = the activity date is missing
date-activity-why = the activity date { $why }
date-activity-cell-why = the activity date '{ $cell }' { $why }
date-outside-period = the activity date '{ $cell }' ({ $shown }) is outside the period this file reports on, { $period } (items dated { $window }): check the date, or send the item with the report for its own period
date-no-year = the activity date '{ $cell }' has no year, and no such day falls in the period this file reports on, { $period } ({ $window }): write dd/mm/yyyy
date-ambiguous-order = the activity date '{ $cell }' could be { $first } or { $second }, and its column has dates written both day-first and month-first: write it as dd/mm/yyyy
date-only-month-first = the activity date '{ $cell }' only makes sense month-first ({ $date }), but other dates in its column are day-first: write every date as dd/mm/yyyy
date-locale-swapped = the activity date cell holds { $stored }, but its column is typed day-first (its other dates are written dd/mm/yyyy) and a spreadsheet set to month-first may have read '{ $typed }' the other way round: it could be { $stored } or { $other }; type it again as text dd/mm/yyyy (or set the spreadsheet to Vietnamese) and send the file again
date-note-month-first = dates read month-first (mm/dd/yyyy, as a US-locale Windows writes them): read day-first, { $wrong } of { $total } would be impossible or outside { $period } ({ $window }); month-first, every one fits
date-note-turned-round = { $n ->
    [one] { $n } date cell of the date column has its
   *[other] { $n } date cells of the date column have their
    } day and month turned round by a spreadsheet set to month-first, while the column's text dates are typed day-first: read as typed ({ $dates })
date-read-as = { $stored } as { $typed }

## Dates and months in words
date-month-name = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
    }
date-day = { $day } { $month }
date-long = { $day } { $month } { $year }
date-month = { $month } { $year }
date-window = { $start } to { $end } { $year }
date-window-years = { $start } to { $end }
