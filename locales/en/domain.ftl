# The domain's words every stage says: a reporting period.
period-month = { $year }-{ NUMBER($month, minimumIntegerDigits: 2) }
period-quarter = { $year }-Q{ $quarter }
period-year = { $year }
