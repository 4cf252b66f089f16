# The annual summary: the HTML page, the Markdown copy, the Word report,
# the charts and the summary's errors. English.

## Kinds of unit, report periods, statuses and gaps (by code)
summary-kind-district = District committees
summary-kind-culture-office = Culture offices
summary-kind-press = Provincial newspaper
summary-kind-broadcaster = Provincial broadcaster
summary-kind-central-press = Central press offices
summary-kind-department = Departments
summary-kind-commune = Commune committees
summary-kind-ward = Ward committees
summary-all = All
summary-period-kind-annual = Annual
summary-period-kind-monthly = Monthly
summary-status-on-time = On time
summary-status-late = Late
summary-status-missing = Missing
summary-gap-unit-silent-all-year = Unit silent all year
summary-gap-unit-without-theme = Unit without the theme
summary-gap-peak-without-theme = Peak period without the theme
summary-gap-office-silent = Months running without a report
summary-no-activity = no activity reported
summary-unknown-unit = (unknown unit)
summary-yes = true
summary-no = false
# a day and a month as the documents write them (zero-padded, as text)
summary-date = { $year }-{ $month }-{ $day }
summary-month = { $year }-{ $month }
summary-month-short = { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
    [12] Dec
   *[other] { $month }
}

## Column headings (by column name)
summary-col-theme = Theme
summary-col-items = Items
summary-col-quantity = Quantity
summary-col-reach = Reach
summary-col-units = Units
summary-col-share-pct = Share (%)
summary-col-unit = Unit
summary-col-total = Total
summary-col-period = Period
summary-col-theme-code = Theme
summary-col-peak = Peak period
summary-col-start-date = From
summary-col-end-date = To
summary-col-quantity-inside = Inside
summary-col-quantity-outside = Outside
summary-col-rate-inside = Rate inside
summary-col-rate-outside = Rate outside
summary-col-lift = Lift
summary-col-period-kind = Report
summary-col-unit-kind = Unit kind
summary-col-expected = Expected
summary-col-received = Received
summary-col-on-time = On time
summary-col-late = Late
summary-col-missing = Missing
summary-col-reporting-rate-pct = Reporting rate (%)
summary-col-on-time-rate-pct = On-time rate (%)
summary-col-due-date = Due
summary-col-received-at = Received
summary-col-status = Status
summary-col-form = Form
summary-col-language = Language
summary-col-duration-min = Minutes
summary-col-subtheme = Sub-theme
summary-col-gap = Gap
summary-col-subject = Subject
summary-col-name = Name
summary-col-detail = Detail
summary-col-months = Months
summary-col-rank = Rank
summary-col-title = Title
summary-col-unit-code = Unit
summary-col-form-code = Form
summary-col-activity-date = Date
summary-col-url = Link
summary-col-reason-code = Reason code
summary-col-reason-kind = Reason
summary-col-rows-refused = Rows refused
summary-col-files-refused = Files refused
summary-col-example-file = Example file
summary-col-example-reason = Example reason
# the Word report names counts by what they count
summary-col-items-paper = Items
summary-col-units-paper = Units

## Charts
summary-foot = Source: baocao, reports of the units ({ $source }) · made on { $stamp }
summary-chart-themes-title = Quantity of items per theme, { $year }
summary-chart-themes-subtitle = Themes of section 2.1 of the Department's letter
summary-chart-themes-axis = Quantity (items, articles, sessions, ...)
summary-chart-units-title = Quantity per unit and theme, { $year }
summary-chart-units-subtitle = Empty cell: the unit reported nothing on that theme
summary-chart-units-subtitle-as-of = Empty cell: nothing reported · units as of { $day } (→: a unit that was split)
summary-units-top = the { $shown } of { $all } units with most (all: summary.xlsx)
summary-chart-monthly-title = Quantity per month and theme, { $year }
summary-chart-monthly-subtitle = Shaded: the peak communication periods (section 2.2)
summary-axis-quantity = Quantity
summary-chart-peaks-title = Monthly rate inside and outside the peak periods, { $year }
summary-chart-peaks-subtitle = Each group: a peak period and a theme it concerns; —: a window over the whole year has no months outside it
summary-chart-peaks-axis = Average quantity per month
summary-peaks-inside = Inside the window
summary-peaks-outside = Outside it (same year)
summary-chart-reporting-title = Reports received per kind of unit, { $year }
summary-chart-reporting-subtitle = Annual reports (due 5 Nov) and the culture offices' monthly reports (due the 15th)
summary-chart-reporting-axis = Reports
summary-reporting-group-monthly = { $kind } (monthly)
summary-reporting-group-annual = { $kind } (annual)
summary-chart-offices-title = Monthly reports of the culture offices, { $year }
summary-chart-offices-subtitle = Each cell: one month's report (due the 15th)
summary-chart-forms-title = Forms of communication, { $year }
summary-chart-forms-subtitle = News, articles, broadcasts, mobile outreach, ...
summary-chart-languages-title = Output in ethnic-minority languages, { $year }
summary-chart-languages-subtitle = Quantity per language of broadcast or publication; in Vietnamese: { $vietnamese }
summary-units-note = Units as of { $day }: a merged unit counts for its successor; a split unit keeps its own row (→ where its work went).

## Headline figures and closing sections
summary-headline-items = Items
summary-headline-quantity = Quantity
summary-headline-reach = Reach
summary-headline-units = Units reporting activity
summary-headline-reporting-rate = Reporting rate (%)
summary-headline-on-time-rate = On-time rate (%)
summary-section-gaps = Gaps
summary-section-awards = Award candidates (section 2.3)
summary-section-rejects = Refused rows to follow up with the units
summary-reason-before-codes = A refusal written before reason codes: see the original file.

## The page and the Markdown copy
summary-title = Summary of communication on human rights, { $year }
summary-intro = Điện Biên province. Figures from the reports units sent to the Department of Information and Communications; made on { $stamp }
summary-made-on = Made on { $stamp }
summary-by-theme = Theme by theme
summary-theme-figures = Items: { $items } · Quantity: { $quantity } · Reach: { $reach } · Units: { $units }
summary-by-peak = Peak period by peak period

## The Word report
summary-reporting-none = No reports were owed in { $year }.
summary-reporting = Reports the agencies, units and localities owed in { $year }: { $expected }; received { $received } ({ $rate }%), of which { $on-time } on time and { $late } late; missing { $missing }.
summary-missing-unit = - { $unit }: { $periods }
summary-missing-years = { $years }
summary-missing-months = { $months }
summary-missing-both = { $years }, { $months }
summary-docx-number = No.: .../{ $symbol }
summary-docx-nation = SOCIALIST REPUBLIC OF VIET NAM
summary-docx-motto = Independence - Freedom - Happiness
summary-docx-place-date = { $place }, date: .../.../...
summary-docx-report = REPORT
summary-docx-title = Results of communication on human rights, { $year }
summary-docx-opening = Following the letter on communication on human rights in { $year }, and from the reports of the agencies, units and localities, the { $issuer } reports as follows:
summary-docx-heading-reporting = I. REPORTING
summary-docx-all-sent = Every unit sent every report.
summary-docx-missing-units = Units whose reports are missing:
summary-docx-heading-results = II. RESULTS OF THE COMMUNICATION
summary-docx-caption = Chart { $n }. { $title }
summary-docx-monthly-sheet = Month-by-month figures: sheet { $sheet } of summary.xlsx.
summary-docx-by-subtheme = By sub-theme:
summary-docx-heading-follow-up = III. POINTS TO FOLLOW UP
summary-docx-none = None.
summary-docx-heading-assessment = IV. ASSESSMENT
summary-docx-heading-proposals = V. PROPOSALS
summary-docx-recipients = To:

## Errors
summary-error-empty-year = the lake holds no activity for { $year }: ingest that year's reports first, or choose another --year
summary-error-no-campaign = there is no reference data for { $year }, so its themes and peak periods are unknown
summary-error-io = cannot write { $path }: { $error }; check that the folder can be written (or give another --out) and that the disk has room
summary-error-workbook = cannot write the workbook { $path }: { $error }
summary-error-draw = cannot draw { $file }: { $error }
summary-error-draw-write = cannot write { $path }: { $error }
summary-answer-missing = the answer of { $query } has no column { $column }, which the summary reads
summary-answer-kind = the column { $column } of { $query } holds { $found }, where the summary reads { $wanted }
summary-answer-unreadable = the answer of { $query } cannot be read: { $error }
summary-cells-numbers = numbers
summary-cells-text = text
summary-cells-dates = dates
summary-cells-bool = true or false
summary-pivot = cannot read the answer of coverage_by_unit: { $why }
summary-pivot-no-code = a row has no unit_code or theme_code
summary-pivot-no-quantity = a row has no quantity
summary-pivot-no-total = a row has no unit_total
summary-pivot-no-theme = no quantity for theme { $theme }
summary-needs-checking = needs checking: { $finding }
summary-col-item = Item
summary-col-check = Needs checking
summary-quality-kind-outlier = Unusual figure
summary-quality-kind-rule = Rule not met
summary-quality-kind-total-mismatch = Totals row disagrees
summary-section-quality = Figures to check with the units (recorded exactly as sent, but unlikely)
summary-col-kind = Issue
summary-col-source-file = File
summary-col-source-row = Row
