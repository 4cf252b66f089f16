# How a file is read: its format, its size, its sheets and tables, its header. English.

## Which reader reads a file (src/ingest/sniff.rs)
read-file-empty = The file is empty (0 bytes): ask the unit to send it again.
read-file-old-excel = The file is named .{ $ext } but is an Excel 2.x-4.0 worksheet, a format from before 1995 that baocao does not read: open it in Excel or LibreOffice, save it as .xlsx and ingest it again.
read-file-not-a-table = The file is named .{ $ext } but is { $what }: ask the unit for the table as Excel (.xlsx) or CSV.
read-file-binary = The file is named .{ $ext } but holds binary data, not text or a workbook: check that it is the right file, and send the table as .xlsx, .csv or .json.
read-file-spreadsheet-xml = The file is an Excel 2003 XML spreadsheet, which is not read: open it in Excel, save it as .xlsx and ingest it again.
read-file-is-word = The file is named .{ $ext } but is a Word document: rename it to .docx and ingest it again (its table of activities is then read).
read-file-is-ods = The file is named .{ $ext } but is a LibreOffice spreadsheet: rename it to .ods and ingest it again.
read-file-is-xlsx = The file is named .{ $ext } but is an Excel workbook: rename it to .xlsx (or save it from Excel as CSV) and ingest it again.
read-file-doc = The file is an old Word 97-2003 document (.doc): open it in Word, save it as .docx (its table of activities is then read) and ingest it again.
read-file-is-doc = The file is named .{ $ext } but is an old Word 97-2003 document: open it in Word, save it as .docx and ingest it again.
read-file-not-ods = The file is named .{ $ext } but is not a LibreOffice spreadsheet: if it is a CSV, rename it to .csv; otherwise save it again from LibreOffice Calc as .ods.
read-file-not-docx = The file is named .{ $ext } but is not a Word document: if it is a CSV, rename it to .csv; otherwise save it again from Word as .docx.
read-file-not-xlsx = The file is named .{ $ext } but is not an Excel workbook: if it is a CSV, rename it to .csv; otherwise save it again from Excel as .xlsx.
read-file-is-xls = The file is named .{ $ext } but is an Excel 97-2003 workbook: rename it to .xls and ingest it again.
read-formats = .xlsx, .xls, .ods, .csv, .tsv, .txt, .json, .docx or .html
read-file-no-extension = The file has no extension, so its format is unknown: name it after what it is ({ $formats }).
read-file-unsupported = Files of type .{ $ext } are not read: send the report as { $formats }.
read-file-encrypted-word = The Word document is protected with a password, so its contents cannot be read: ask the unit to remove the password (in Word: File, Info, Protect Document, Encrypt with Password, then an empty password) and to send it again.
read-file-encrypted-libreoffice = The LibreOffice file is protected with a password, so its contents cannot be read: ask the unit to remove the password (in LibreOffice: File, Save As, without "Save with password") and to send it again.
read-file-encrypted-workbook = The workbook is protected with a password, so its contents cannot be read: ask the unit to remove the password (in Excel: File, Info, Protect Workbook, Encrypt with Password, then an empty password) and to send it again.
# What a file is, when it is not a table
read-kind-pdf = a PDF document
read-kind-png = a PNG image
read-kind-jpeg = a JPEG image
read-kind-gif = a GIF image
read-kind-gzip = a gzip archive
read-kind-rar = a RAR archive
read-kind-7zip = a 7-Zip archive
read-kind-program = a program
read-kind-rtf = a Rich Text document
read-kind-powerpoint = a PowerPoint presentation
read-kind-odt = a LibreOffice text document (.odt): save it as .docx, whose table of activities is read, or send the table as .ods
read-kind-zip = a zip archive (unpack it and send the report inside)
# The format a file is, for notes
read-format-xlsx = an Excel workbook (.xlsx)
read-format-xls = an Excel 97-2003 workbook (.xls)
read-format-ods = a LibreOffice spreadsheet (.ods)
read-format-docx = a Word document (.docx)
read-format-html = an HTML table (a web page, as web systems export "Excel")
read-format-txt = text with separated columns
read-format-other = another format

## What a file may cost to read (src/ingest/limits.rs)
read-megabytes = { $whole }.{ $tenth } MB
read-file-too-big = The file is { $size }, more than the { $max } a report may be (a report of 10,000 items is about 2 MB): check that it is the right file, split it, or raise the limit with --max-file-mb.
read-grid-too-large = the tables of the file span { $cells } cells or more from their first used cell to their last, more than the { $max } a report may (a report of 10,000 items spans about 200,000): it is not a report, or a stray value sits far from the table; delete it and send the file again
read-too-many-columns = the table has more than { $max } columns ({ $found } or more), far more than a report's twenty or so: check that it is the right file, or delete the extra columns and send it again
read-line-too-long = line { $line } is { $size } long, longer than any report row can be ({ $max } at most): check that it is the right file and that its line breaks survived
read-cause-with-error = { $cause }: { $error }
read-damaged-xls = the workbook cannot be opened as an Excel 97-2003 workbook ({ $why }); it may be damaged or cut short: open it in Excel, save it again and resend it
read-damaged-ods = the workbook cannot be opened as a LibreOffice spreadsheet ({ $why }); it may be damaged or cut short: open it in LibreOffice Calc, save it again as .ods and resend it
read-damaged-docx = the Word document cannot be opened ({ $why }); it may be damaged or cut short: open it in Word, save it again as .docx and resend it
read-damaged-xlsx = the workbook cannot be opened ({ $why }); it may be damaged or cut short: open it in Excel, save it again as .xlsx and resend it
read-cause-packed = its packed contents are broken or cut short
read-cause-xml = its inner text is not well-formed
read-cause-container = its container of parts is broken
read-cause-values = it holds values the program that should have written it never writes
read-cause-other = its contents do not read as what its name says
read-unpacks-too-big = the workbook unpacks to { $size } or more, more than the { $max } any report needs: it is not a report (or it was made to exhaust memory); check the file and send it again
read-unpacks-too-big-docx = the Word document unpacks to { $size } or more, more than the { $max } any report needs: it is not a report (or it was made to exhaust memory); check the file and send it again

## Delimited text and text cells (src/ingest/readers/delimited.rs, text.rs, output.rs)
read-file-blank = the file holds no text, only blank space
read-no-header = no header row was found: { $why }
read-no-header-why = the table needs column names such as Ngày, Hình thức, Chủ đề and Tên tin bài (at least two of them)
read-detail-separated = { $encoding }, { $separator }-separated
read-detail-tab-separated = { $encoding }, tab-separated
read-note-legacy-encoding = the file is in the legacy { $encoding } encoding, not Unicode: read as such
read-note-legacy-cells = { $n ->
        [one] { $n } cell
       *[other] { $n } cells
    } typed in the legacy { $encoding } encoding converted to Unicode (e.g. '{ $before }' is '{ $after }')

## Workbooks (src/ingest/readers/workbook.rs)
read-sheet-past-last-row = sheet "{ $sheet }" has rows past Excel's last row ({ $max }): it is damaged; save the workbook again from Excel and resend it
read-sheet-damaged = sheet "{ $sheet }" cannot be read ({ $cause }: { $error }); it may be damaged: save the workbook again from Excel and resend it
read-note-code-page = the workbook declares code page { $page }, which Excel 97-2003 workbooks do not use for their text: its text is read as the Unicode it is
read-no-sheet-with-table = no sheet holds a table (looked in { $visible ->
        [one] { $visible } visible sheet
       *[other] { $visible } visible sheets
    }): { $why }
read-no-sheet-with-table-hidden = no sheet holds a table (looked in { $visible ->
        [one] { $visible } visible sheet
       *[other] { $visible } visible sheets
    } ({ $hidden ->
        [one] hidden sheet
       *[other] hidden sheets
    } { $names } not read: hidden sheets are not reports)): { $why }
read-several-sheets = the workbook holds tables of activities on { $n } visible sheets ({ $names }), and a file is one report (one unit, one period): send each report in its own file, or hide or delete the sheets that are not this report
read-note-1904 = the workbook counts dates from 1904 (as Excel for Mac saved it): its date serials are read that way
read-note-hidden-sheets = { $n ->
        [one] hidden sheet
       *[other] hidden sheets
    } { $names } not read: hidden sheets are not reports
read-note-best-sheet = sheet "{ $sheet }" read, its table matching the contract best; also a table on { $others }
read-note-covered-cells = { $n ->
        [one] { $n } cell under merged cells holds
       *[other] { $n } cells under merged cells hold
    } what the sheet does not show (row { $row }, column { $column }: '{ $text }'): not read
read-detail-sheet = sheet "{ $sheet }"

## Excel 97-2003 workbooks measured before they are read (src/ingest/readers/measure.rs)
read-xls-encrypted = the workbook is protected with a password, so its cells cannot be read: ask the unit to remove the password (in Excel: File, Info, Protect Workbook, Encrypt with Password, then an empty password) and to send it again
read-xls-is-doc = the file is a Word 97-2003 document (.doc), not a workbook: open it in Word, save it as .docx (its table of activities is then read) and resend it
read-xls-no-workbook = it holds no workbook
read-xls-record-past-end = a record runs past the end of the file
read-xls-sheet-past-end = a sheet starts past the end of the workbook
read-xls-row-length = a row of numbers does not match its length
read-xls-dimensions = a sheet of the workbook says it spans rows { $first } to { $last } and { $columns } columns, which an Excel 97-2003 workbook cannot hold ({ $rows-max } rows, { $columns-max } columns): the file is damaged; open it in Excel, save it again and resend it

## Word documents and web pages (src/ingest/readers/document.rs, html.rs)
read-html-too-big = the web page is { $size }, more than the { $max } a report exported as a table can be (an export of 10,000 items is about 4 MB): check that it is the right file, or export the report as Excel or CSV
read-doc-too-many-rows = the document has more than { $max } paragraphs and table rows, far more than any report: check that it is the right file
read-page-too-many-rows = the page has more than { $max } paragraphs and table rows, far more than any report: check that it is the right file
read-doc-no-table = the Word document has no table: the activities and their figures must be in a table (columns such as Ngày, Hình thức, Chủ đề, Tên tin bài, Số lượng), since the narrative is not read for figures; ask the unit to put them in a table in the document, or to send the table as Excel
read-page-no-table = the web page has no table: the activities must be in a table with column names such as Ngày, Hình thức, Chủ đề and Tên tin bài; export the report again as a table, or send it as Excel or CSV
read-doc-two-tables = the document holds two tables of activities, table { $first } and table { $second } with text between them; a report's activities must be in one table (a table continued over a page is read as one): join them and send the report again
read-page-two-tables = the page holds two tables of activities, table { $first } and table { $second } with text between them; a report's activities must be in one table (a table continued over a page is read as one): join them and send the report again
read-doc-no-header = none of the { $tables ->
        [one] { $tables } table
       *[other] { $tables } tables
    } of the document has a header: { $why }
read-page-no-header = none of the { $tables ->
        [one] { $tables } table
       *[other] { $tables } tables
    } of the page has a header: { $why }
read-detail-table = table { $table } of { $tables }
read-detail-html-table = HTML table { $table } of { $tables }
read-detail-tables = tables { $first }-{ $last } of { $tables }, one table continued
read-detail-html-tables = HTML tables { $first }-{ $last } of { $tables }, one table continued

## JSON and NDJSON (src/ingest/readers/json.rs)
read-json-no-items = the JSON holds no items
read-json-no-known-fields = the JSON items have no known fields: name them like the columns, e.g. date, theme, form, title (or Ngày, Chủ đề, Hình thức, Tên tin bài)
read-json-items-not-a-list = "items" must be a list of objects, one per activity
read-json-no-list = the JSON holds neither an object with "items" nor a list of items
read-json-cut-short = the JSON is cut short ({ $error }); resend the complete file
read-not-json = the file is not JSON ({ $error }) and no line of it is a JSON item: if it holds a table, send it as .csv or .xlsx
read-json-too-many-fields = the { $items } items use { $names } different field names between them, too many to lay out as a table: give every item the same fields (date, theme, form, title, ...)
read-json-item-not-object = this item is not an object of named fields
read-ndjson-bad-line = line { $line } is not valid JSON (it breaks off at character { $column }): write each item as one JSON object on its own line
read-detail-json-array = JSON array

## Names a table's columns get, and words said inside other sentences
read-column-numbered = column { $column }
read-column-hidden = { $name } (hidden column)
read-shared-formula = (shared formula)
read-panic-without-message = a panic without a message
