# Ingest: the per-file summary and totals `baocao ingest` prints, the
# inbox, the run's errors and the refusals of dates and values. English.
# Counts that the English output printed without grouping (scripts and
# tests read them) are written NUMBER($n, useGrouping: "false").

## The per-file summary (a status word, the path, what became of the rows)
ingest-file-ok = ok       { $path }  [{ $what }; { $detail }]: { $counts }
ingest-count-accepted = { NUMBER($n, useGrouping: "false") } accepted
ingest-count-refused = { NUMBER($n, useGrouping: "false") } refused
ingest-count-skipped = { NUMBER($n, useGrouping: "false") } template/total { $n ->
    [one] row
   *[other] rows
    } skipped
ingest-count-headings = { NUMBER($n, useGrouping: "false") } section { $n ->
    [one] heading
   *[other] headings
    }
ingest-file-same = same     { $path }  [{ $what }]: already in the lake, nothing changed
ingest-file-duplicate = same     { $path }: the same bytes as a file above, read once
ingest-file-refused = REFUSED  { $path }: { $why }
ingest-file-refused-again = refused  { $path } (again, already recorded): { $why }
ingest-skipped = skipped  { $path }: { $why }
ingest-note = note: { $note }
ingest-row = row { $row }
ingest-more-refused = ... and { NUMBER($n, useGrouping: "false") } more refused rows (see the rejects table)
ingest-supersedes = supersedes { $old }
ingest-replaces-with-nothing = this report states no activity, and it replaces a report of { NUMBER($items, useGrouping: "false") } { $items ->
    [one] item
   *[other] items
    }: check with the unit that it is meant to
ingest-not-current = kept but not current: a report received later for { $what } is already in the lake
ingest-unlisted = ({ NUMBER($n, useGrouping: "false") } files read without remark are not listed: more than { NUMBER($most, useGrouping: "false") } files)
ingest-lake = lake: { $path }
ingest-orphans-removed = removed { NUMBER($n, useGrouping: "false") } file(s) an interrupted run had left behind
ingest-totals = { NUMBER($files, useGrouping: "false") } { $files ->
    [one] file
   *[other] files
    }: { NUMBER($ingested, useGrouping: "false") } { $dry ->
    [yes] would be ingested (dry run: nothing written)
   *[no] ingested
    }, { NUMBER($same, useGrouping: "false") } already in the lake, { NUMBER($refused, useGrouping: "false") } refused; { NUMBER($items, useGrouping: "false") } { $items ->
    [one] item
   *[other] items
    } accepted, { NUMBER($rows, useGrouping: "false") } { $rows ->
    [one] row
   *[other] rows
    } refused; { NUMBER($corrections, useGrouping: "false") } { $corrections ->
    [one] correction
   *[other] corrections
    }

## The inbox: paths inside a folder that are not read
ingest-skipped-link = a symbolic link; links inside a folder are not followed, so that an inbox cannot lead outside itself: copy the file into the folder, or name it on the command line
ingest-skipped-special = not a regular file (a pipe, socket or device): only report files are read

## What stops a whole run
ingest-error-missing = { $path } does not exist: check the path
ingest-error-not-a-file = { $path } is not a file or a folder (a pipe, socket or device): name report files or folders of them
ingest-error-unreadable = cannot read { $path }: { $error }; check that it is still there and that this user may read it, then run again

## A file refused whole by the run
ingest-reader-stopped = The file could not be read: the reader stopped on it ({ $panic } at { $location }); it may be damaged: open it in Excel or a text editor, save it again and resend it, and send the file to the baocao maintainers.
ingest-named-as = the file is named .{ $ext } but is { $format }: read as such

## A cell that cannot be read (the end of a sentence that starts with the cell)
ingest-cell-formula = is a formula with no stored result (the workbook was saved without calculating it): open the file in Excel, let it calculate, save it again and resend it
ingest-value-too-large = is too large to be a count: check the figure
ingest-value-too-large-plain = is too large
ingest-value-above-most = is larger than any report's row can count ({ $most } at most): check the figure
ingest-value-ambiguous-time = is ambiguous as a time: write the minutes (90), or hours, minutes and seconds (1:30:00)
ingest-value-ambiguous-minutes = could be { $a }.{ $b } minutes or { $a }{ $b } minutes: write { $a }{ $b } for { $a }{ $b } minutes, or { $a },{ $short } for less
ingest-value-time = is a time, not a number
ingest-value-not-whole = is not a whole number
ingest-value-not-a-number = is not a number
ingest-value-split-whole = is not one whole number (a space or a line break splits it)
ingest-value-split-number = is not one number (a space or a line break splits it)
ingest-value-spreadsheet-error = is a spreadsheet error, not a number: correct the formula in Excel or LibreOffice, save the file again and resend it

## The contract's fields, as messages name them
