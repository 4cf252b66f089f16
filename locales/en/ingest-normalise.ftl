# The normaliser: a file's unit, period and received date, what its columns
# mean, and why a row (or the whole file) is refused; the notes of the
# per-file summary. English.

## Words a sentence names things by

normalise-field-unit = unit
normalise-field-period = period
normalise-field-received-at = received date
normalise-field-activity-date = activity date
normalise-field-theme = theme
normalise-field-subtheme = sub-theme
normalise-field-hrc-priority = HRC priority
normalise-field-form = form
normalise-field-channel = channel
normalise-field-title = title
normalise-field-quantity = quantity
normalise-field-reach = reach
normalise-field-duration = duration
normalise-field-language = language
normalise-field-url = link
normalise-field-notes = notes
normalise-place-sheet = sheet
normalise-place-page = page
normalise-place-document = document
normalise-cell = cell
# a day: $day and $month with two digits
normalise-date = { $year }-{ $month }-{ $day }
normalise-and = { $first } and { $second }
normalise-span-closed = from { $from } to { $to }
normalise-span-open = from { $from } on

## Where the unit or period was found

normalise-from-flag = given on the command line
normalise-from-column = from the unit/period column
normalise-from-envelope = from the JSON fields
normalise-from-preamble = from the lines above the table
normalise-from-title = from the title line
normalise-from-letterhead = from the letterhead
normalise-from-file-name = from the file name
normalise-source-flag = the command line
normalise-source-column = the unit/period column
normalise-source-envelope = the JSON fields
normalise-source-preamble = the lines above the table
normalise-source-title = the title line
normalise-source-letterhead = the letterhead
normalise-source-file-name = the file name

## The file's metadata

normalise-disagree-period = according to { $source } the period is { $other }, according to { $by } { $period }: read as { $period }
normalise-disagree-unit = according to { $source } the unit is { $other }, according to { $by } { $unit }: read as { $unit }
normalise-period-span = the title '{ $title }' names several months or part of a year, and a file is the report of one month, one quarter or one year: say which with a line 'Kỳ báo cáo: Tháng 7/2023' (or 'Năm 2023'), or pass --period
normalise-period-missing-json = the file does not say which period it reports on: add a field "period": "2023-07" (or "2023") beside "items", or to each item, name the file <unit_code>_<period>.json (e.g. pvhtt-tuan-giao_2023-07.json), or pass --period
normalise-period-missing = the file does not say which period it reports on: add a line 'Kỳ báo cáo: Tháng 7/2023' (or 'Năm 2023') above the table, a 'Kỳ báo cáo' column, name the file <unit_code>_<period>.csv (e.g. pvhtt-tuan-giao_2023-07.csv), or pass --period
normalise-period-invalid = the period '{ $text }' ({ $source }) is not a period: write 2023-07 or Tháng 7/2023 (a month), Quý III/2023 (a quarter) or 2023
normalise-no-reference = there is no reference data for { $year } (this run has: { $years }): make its campaign folder with `baocao reference new { $year } --from { $latest }`, fill it from the letter, and pass --reference
normalise-unit-missing-json = the file does not say which unit sent it: add a field "unit" beside "items", or to each item, name the file <unit_code>_<period>.json (e.g. pvhtt-tuan-giao_2023-07.json), or pass --unit
normalise-unit-missing = the file does not say which unit sent it: add a line 'Đơn vị: <unit name>' above the table, a 'Đơn vị' column, name the file <unit_code>_<period>.csv (e.g. pvhtt-tuan-giao_2023-07.csv), or pass --unit
normalise-unit-ambiguous = the unit '{ $text }' ({ $source }) could be any of { $units }: pass --unit with the right code
normalise-unit-unknown = the unit '{ $text }' ({ $source }) is not in the reference list of units: check the name, or pass --unit with a code from units.csv
normalise-unit-unknown-near = the unit '{ $text }' ({ $source }) is not in the reference list of units (did you mean '{ $near }'?): check the name, or pass --unit with a code from units.csv
normalise-received-invalid = the received date '{ $cell }' is not a date: write dd/mm/yyyy
normalise-received-missing = the file does not say when it was received and its modification time is unknown: pass --received-at
# $what: what became of the unit ("was merged into ... on ..."); $now: normalise-unit-now-belongs, or nothing
normalise-unit-abolished = the unit '{ $text }' ({ $source }) is { $code } ({ $name }), which no longer existed in { $period }: it { $what }{ $now }. { $advice }
normalise-unit-now-belongs = ; in { $period } its work belongs to { $units }
normalise-advice-successor = If { $unit } sent it, write its name in the file or pass --unit { $unit }
normalise-advice-check = Check who sent it and pass --unit with that unit's code
normalise-advice-successors = Pass --unit with the code of the successor that sent it
normalise-unit-existed = { $unit } existed { $span }
normalise-unit-not-valid = the unit '{ $text }' ({ $source }) did not exist in { $period }: { $spans }. Check the period, or pass --unit with the code of the unit that sent it

## What the header says (notes)

normalise-looks-like-held = column "{ $name }" looks like the { $field } but is not read as it: the { $field } is column "{ $held }" (kept in extra)
normalise-looks-like = column "{ $name }" looks like the { $field } but is not one of its names, so it is not read as it (kept in extra); if it is the { $field }, name it '{ $heading }'
normalise-header-rows = the header takes rows { $start } to { $end }
normalise-header-rows-read = the header takes rows { $start } to { $end }: read { $columns }
normalise-header-read-as = "{ $name }" as the { $field }
normalise-column-repeats = column "{ $name }" also names the { $field }, which column "{ $held }" holds: it is kept in extra
normalise-column-hidden = column "{ $name }" is hidden in the { $place }: what the { $place } does not show is not read as a field of the report (its values are kept in extra)
normalise-column-no-heading = column { $column } has no heading: its values are kept in extra
normalise-no-column-like = no column is named as the { $field }; { $names } looks like one: name it '{ $heading }'
normalise-no-column = the table has no { $field } column: add one named '{ $heading }'

## The rows (notes)

normalise-continued = { $count ->
        [one] an item
       *[other] items
    } drawn over two rows or more (cells merged down, the text continued): read as one item each ({ $rows })
normalise-continues = row { $line } continues row { $item }
normalise-after-received = { $count ->
        [one] an item is
       *[other] items are
    } dated after the report was received ({ $received }): check that { $count ->
        [one] it was
       *[other] they were
    } done, not planned ({ $count ->
        [one] row
       *[other] rows
    } { $rows })
normalise-other-languages = { $count ->
        [one] language
       *[other] languages
    } { $labels } counted as other (another ethnic-minority language), the label kept in extra
normalise-rounded = { $count } { $count ->
        [one] figure
       *[other] figures
    } within floating-point noise of a whole number, as a computed figure is stored (e.g. { $example }), read as { $count ->
        [one] that whole number
       *[other] those whole numbers
    }
normalise-states-no-activity = the report states no activity for its period (no item rows): it counts as received, with no items

## A file refused whole

normalise-no-data-rows = the table has a header row but no data rows: fill in one row per activity
# $first: the first refused row's reason (normalise-no-items-row); $others: one of normalise-no-items-*, or nothing
normalise-no-items = every row of the file is refused ({ $count } { $count ->
        [one] row
       *[other] rows
    }), so it holds no item that can be read: it is not counted as received, and the report of { $unit } for { $period } already in the lake, if any, stays current. { $first } { $others }
normalise-no-items-row = Row { $row }: { $reason }
normalise-no-items-first = { $reason }
normalise-no-items-same-one = The other row is refused for the same kind of reason.
normalise-no-items-same = The other { $count } rows are refused for the same kind of reason.
normalise-no-items-another-one = The other row is refused for another reason (see rejects.raw).
normalise-no-items-another = The other { $count } rows are refused, each for its own reason (see rejects.raw).

## A row refused

normalise-row-planned = this row is under the heading '{ $heading }': what is planned is not an activity done, so it is not counted; report it in the period it is done
normalise-row-hidden-filter = this row is hidden in the { $place } by its filter ({ $range }): what the { $place } does not show is not part of this report, so it is not counted; if it belongs to this report, clear the filter and send the file again
normalise-row-hidden = this row is hidden in the { $place }: what the { $place } does not show is not part of this report, so it is not counted; if it belongs to this report, show the row and send the file again
normalise-row-incomplete = the row is incomplete
normalise-columns-ambiguous = { $count } columns name the { $field } ({ $names }) and nothing tells which holds this report's figure: keep one, or head them 'Kế hoạch' and 'Kết quả' (a hidden column counts too)
normalise-formula-no-value = the { $count ->
        [one] cell
       *[other] cells
    } { $cells } { $count ->
        [one] is
       *[other] are
    } a formula with no stored result (the workbook was saved without calculating it): open the file in Excel, let it calculate, save it again and resend it
normalise-formula-disagrees = the { $count ->
        [one] cell
       *[other] cells
    } { $cells } { $count ->
        [one] is
       *[other] are
    } a formula whose stored result no spreadsheet computed (the result it holds is not what the formula gives from the sheet's own figures, as in files written by programs that do not calculate): open the file in Excel or LibreOffice, recalculate it (Ctrl+Shift+F9), save it again and resend it
normalise-formula-recalculation = the { $count ->
        [one] cell
       *[other] cells
    } { $cells } { $count ->
        [one] is
       *[other] are
    } a formula whose stored result no spreadsheet computed (the workbook asks to be recalculated when it is opened, as files written by programs do, and nothing shows that the result it holds is what the formula gives): open the file in Excel or LibreOffice, save it again and resend it
normalise-legacy-unconvertible = the { $column } '{ $value }' looks typed in the legacy { $encoding } encoding but does not convert to Vietnamese: retype it in Unicode (Unikey set to Unicode) and send the file again
normalise-too-many-cells = the row has { $cells } cells but the table { $columns } columns: a value probably holds the separator '{ $separator }' unquoted (a number written 1{ $separator }200, a title with a '{ $separator }' in it); put that value in quotes, or write 1.200, and send the file again
normalise-given-twice = the item gives the { $field } twice, { $given }: keep one
normalise-given-as = '{ $value }' as { $key }
normalise-other-unit = this row names the unit '{ $named }' but the file is the report of { $unit }: send each unit's rows in its own file
normalise-other-period = this row names the period '{ $named }' but the file reports on { $period }
normalise-date-after-unit = the item is dated { $date }, but { $unit } existed { $span }: an item of that day belongs in the report of the unit that existed then
normalise-date-after-unit-became = the item is dated { $date }, but { $unit } existed { $span } (it { $what }): an item of that day belongs in the report of the unit that existed then
normalise-quantity-unclear = no column is named as the quantity, but { $names } { $count ->
        [one] looks
       *[other] look
    } like one, so the quantity cannot be read: if it counts the items, name it 'Số lượng' (or 'SL') and send the file again
normalise-quantity-hidden = the quantity column { $names } is hidden in the sheet, so the report shows no quantity and none can be read: show the column and send the file again
normalise-quantity-empty = the quantity is empty, and the table has a quantity column ('{ $column }'): fill in how many items the row counts, 1 or more
normalise-quantity-below-one = the quantity { $quantity } is not allowed: it counts items, so it is 1 or more
normalise-quantity-invalid = the quantity '{ $cell }' { $why }
normalise-quantity-unstated = the item states no quantity, but { $names } looks like one: name it 'quantity' (or 'Số lượng')
normalise-figure-negative = the { $field } { $value } is negative
normalise-figure-invalid = the { $field } '{ $cell }' { $why }
normalise-figure-merged = the { $field } is one cell merged over rows { $first } to { $last }, and a figure cannot be shared out between activities: give each row its own { $heading }
normalise-form-missing = the form is missing
normalise-form-unknown = the form '{ $form }' is not in the list of forms: { $forms }
normalise-form-unknown-near = the form '{ $form }' is not in the list of forms (did you mean '{ $near }'?): { $forms }
normalise-subtheme-unknown = the sub-theme '{ $subtheme }' is not in the list of sub-themes (subthemes.csv)
normalise-theme-unknown = the theme '{ $theme }' is not a theme code, label or sub-theme (codes: { $codes })
normalise-theme-unknown-near = the theme '{ $theme }' is not a theme code, label or sub-theme (did you mean '{ $near }'? codes: { $codes })
normalise-theme-ambiguous = the theme is empty and the title matches several themes ({ $themes }): fill in the theme
normalise-theme-missing = the theme is empty and cannot be inferred from the title: fill in the theme
normalise-subtheme-mismatch = the sub-theme { $subtheme } belongs to the theme { $belongs }, not { $theme }
normalise-hrc-invalid = the HRC priority '{ $cell }' is not a group number from 1 to 8
normalise-total-mismatch = the totals row ('{ $label }', line { $row }) states a { $field ->
        [reach] reach
       *[other] quantity
    } of { $stated }, but the { $items ->
        [one] one item
       *[other] { $items } items
    } read above it add up to { $sum }{ $refused ->
        [0] : the figures are kept as read; check the file's arithmetic
       *[other] {" "}({ $refused } rows above it were refused, which may explain it): the figures are kept as read
    } (baocao query data_quality lists it)
