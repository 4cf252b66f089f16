# The command line: clap's headings, common parse errors, and the help of
# every command (cli-<command>) and argument (cli-<command>-arg-<argument>).
cli-heading-usage = Usage:
cli-heading-options = Options
cli-heading-arguments = Arguments
cli-heading-commands = Commands
cli-help = Print help
cli-version = Print version
cli-error-unknown-argument = unexpected argument '{ $arg }': check its spelling in the help
cli-error-unknown-command = unknown command '{ $command }': see the commands in the help
cli-error-did-you-mean = did you mean '{ $name }'?
cli-error-invalid-value = '{ $value }' is not a value of { $arg }: write one of { $valid }
cli-error-missing-argument = { $arg } is required
cli-error-bad-value = { $arg }: { $why }
cli-error-try-help = For more, run the command with '--help'.

# The help of every command and argument, and clap's notes after an argument's help.
cli = Analytics pipeline over the human-rights communication reports of Điện Biên province
cli-ingest = Validate submitted report files and add them to the lake
cli-ingest-arg-paths = Report files, or folders of them (.xlsx, .xls, .ods, .csv, .tsv, .txt, .json, .ndjson, Word .docx, HTML tables as .html or .xls)
cli-ingest-arg-lake = The lake folder
cli-ingest-arg-unit = The unit that sent the files (a unit code or name); wins over the files
cli-ingest-arg-period = The period reported on: 2023-07 (monthly) or 2023 (annual)
cli-ingest-arg-received-at = The date the report was received (YYYY-MM-DD or dd/mm/yyyy)
cli-ingest-arg-dry-run = Check the files and print what would happen, without writing
cli-ingest-arg-strict = Exit with status 2 when any row or file was refused
cli-ingest-arg-no-wait = Fail at once if another run is writing to the lake, instead of waiting
cli-ingest-arg-batch-items = Commit every time this many items have been read: the bound on memory
cli-ingest-arg-max-file-mb = Refuse files larger than this many MB without reading them
cli-ingest-arg-reference = Reference data folder (units.csv, unit_lineage.csv and year folders such as 2023/); default: the bundled data
cli-sql = Run read-only SQL over the lake (an interactive prompt without SQL)
cli-sql-arg-sql = The SQL to run (several statements separated by ;); - reads standard input
cli-sql-arg-file = Read the SQL from a file
cli-sql-arg-timer = Print each statement's run time on standard error, as DuckDB's `.timer on` does (at the prompt: `.timer on`, `.timer off`)
cli-sql-arg-lake = The lake folder
cli-sql-arg-format = How to print the answer
cli-sql-arg-output = Write the answer to this file instead of standard output
cli-sql-arg-reference = Reference data folder (units.csv, unit_lineage.csv and year folders such as 2023/); default: the bundled data
cli-query = Run a named query from queries/
cli-query-arg-name = The query's name (see baocao queries)
cli-query-arg-params = A parameter, as key=value (e.g. --param year=2023); repeat for more
cli-query-arg-lake = The lake folder
cli-query-arg-format = How to print the answer
cli-query-arg-output = Write the answer to this file instead of standard output
cli-query-arg-reference = Reference data folder (units.csv, unit_lineage.csv and year folders such as 2023/); default: the bundled data
cli-queries = List the named queries with what they answer
cli-summary = Write the annual provincial summary: charts, HTML page, workbook
cli-summary-arg-year = The year to summarise
cli-summary-arg-lake = The lake folder
cli-summary-arg-out = Where to write the charts and documents
cli-summary-arg-reference = Reference data folder (units.csv, unit_lineage.csv and year folders such as 2023/); default: the bundled data
cli-trends = Write the trend files that scheduled jobs publish (Parquet, CSV, manifest)
cli-trends-arg-lake = The lake folder
cli-trends-arg-out = The folder the trend files go to; it is replaced whole
cli-trends-arg-as-of = What "now" is (YYYY-MM-DD or dd/mm/yyyy): submissions received later and later months are left out [default: today]
cli-trends-arg-no-wait = Fail at once if another run is writing the same folder (or an ingest the lake), instead of waiting
cli-trends-arg-reference = Reference data folder (units.csv, unit_lineage.csv and year folders such as 2023/); default: the bundled data
cli-compact = Rewrite the lake's small files into few large sorted ones
cli-compact-arg-lake = The lake folder
cli-compact-arg-no-wait = Fail at once if another run is using the lake, instead of waiting
cli-gen = Generate a large corpus of reports and its reference data (for scale tests)
cli-gen-arg-out = Where to write inbox/ (the reports) and reference/ (one folder per year)
cli-gen-arg-provinces = How many provinces (the first is the bundled Điện Biên)
cli-gen-arg-units-per-province = Units per province (49 in the bundled province; more repeat its kinds)
cli-gen-arg-years = Campaign years, from 2023 on
cli-gen-arg-items-per-report = About how many items a report holds, on average
cli-gen-arg-seed = The random seed: the same seed gives the same files
cli-demo = Run the pipeline on the bundled sample reports
cli-demo-arg-out = Where to write the demo's inbox, lake, summary and trend files
cli-demo-arg-reference = Reference data folder (units.csv, unit_lineage.csv and year folders such as 2023/); default: the bundled data
cli-reference = Make, check and compare reference folders (units register, campaign years)
cli-reference-new = Write a reference folder with a new campaign year made from an earlier one
cli-reference-new-arg-year = The new campaign year, e.g. 2026
cli-reference-new-arg-from = The campaign year to start from (themes, forms, keyword rules, obligations)
cli-reference-new-arg-out = The folder to write (it must not exist, or be empty)
cli-reference-new-arg-reference = Reference data folder (units.csv, unit_lineage.csv and year folders such as 2023/); default: the bundled data
cli-reference-check = Check a reference folder: files, fields, dates, lineage, obligations
cli-reference-check-arg-dir = The folder to check; default: the bundled reference data
cli-reference-diff = Say what changed between two campaigns: units, peak periods, obligations
cli-reference-diff-arg-a = The earlier campaign: a year of --reference, or a campaign folder
cli-reference-diff-arg-b = The later campaign: a year of --reference, or a campaign folder
cli-reference-diff-arg-reference = Reference data folder (units.csv, unit_lineage.csv and year folders such as 2023/); default: the bundled data
cli-arg-lang = The language baocao speaks: vi (Vietnamese, the default) or en
cli-note-default = [default: { $value }]
cli-note-env = [env: { $name }]
cli-note-values = [possible values: { $values }]

# What the commands print for a person, and the context of their errors.
# Counts the English output printed without grouping (tests and scripts read
# them) are written NUMBER($n, useGrouping: "false").
cli-no-reference = cannot load the reference data
cli-no-answer-to-write = the SQL produced no answer to write
cli-wrote-rows = wrote { NUMBER($rows, useGrouping: "false") } rows to { $path }
cli-wrote = wrote { $path }
cli-no-runtime = cannot start the async runtime
cli-not-a-day = '{ $value }' is not a date: write YYYY-MM-DD or dd/mm/yyyy
cli-not-a-period = '{ $value }' is not a period: write 2023-07 or 2023
cli-not-a-param = '{ $value }' is not key=value (e.g. year=2023)
cli-progress-files = files
cli-cannot-load = cannot load { $path }
cli-ingest-stopped = ingest into { $lake } stopped; the lake holds what was committed before (nothing half-written), and the same command run again goes on from there
cli-no-lake = there is no lake at { $lake }: ingest reports first (baocao ingest PATH --lake { $lake }), or run baocao demo
cli-compact-stopped = compaction of { $lake } stopped; the lake is as it was (its rows and answers are unchanged)
cli-orphans-removed = removed { NUMBER($n, useGrouping: "false") } file(s) an interrupted run had left behind
cli-rollup-built = built the rollup of { NUMBER($n, useGrouping: "false") } data file(s) written before it (the named queries read it)
cli-nothing-to-compact = { $lake }: nothing to compact (no folder has small files to merge)
cli-no-small-files = { $lake }: no folder has small files to merge
cli-compacted-folder = { $folder }: { NUMBER($before, useGrouping: "false") } files -> { NUMBER($after, useGrouping: "false") } ({ NUMBER($rows, useGrouping: "false") } rows)
cli-done-in = done in { $seconds } s
cli-demo-no-samples = cannot write the sample reports to { $inbox }
cli-demo-samples = wrote { NUMBER($n, useGrouping: "false") } sample report files to { $inbox }
cli-demo-ingest-failed = the demo's ingest failed
cli-demo-no-answer = the query gave no answer
cli-demo-landed = What landed in { $lake }:
cli-demo-submissions = { NUMBER($current, useGrouping: "false") } current submissions from { NUMBER($units, useGrouping: "false") } units ({ NUMBER($superseded, useGrouping: "false") } superseded by corrections)
cli-demo-items = { NUMBER($items, useGrouping: "false") } activities, quantity { NUMBER($quantity, useGrouping: "false") }
cli-demo-formats = reports by format: { $formats }
cli-demo-refused = { NUMBER($rows, useGrouping: "false") } { $rows ->
        [one] row
       *[other] rows
    } and { NUMBER($files, useGrouping: "false") } { $files ->
        [one] file
       *[other] files
    } refused (baocao query rejects_summary)
cli-demo-coverage = Coverage by theme, 2023
cli-demo-reporting-rate = Reporting rate, 2023
cli-demo-query-title = { $title } (baocao query { $query } --lake { $lake }):
cli-demo-summary = The 2023 summary ({ NUMBER($files, useGrouping: "false") } files) is in { $out }: open summary.html, and bao-cao-2023.docx for the report to edit and sign
cli-demo-trends = The trend files as of { $day } ({ NUMBER($files, useGrouping: "false") } files, { NUMBER($alerts, useGrouping: "false") } alerts) are in { $out }: baocao trends --lake { $lake } --as-of { $day } writes them again
cli-demo-ask = Ask your own questions: baocao sql --lake { $lake }
cli-gen-wrote = wrote { $files } report files ({ $items } items, { $bad } bad rows, { $corrections } corrections, { $mb } MB) from { $units } units to { $inbox } in { $seconds } s
cli-gen-next = ingest them with: baocao ingest { $inbox } --reference { $reference } --lake LAKE
cli-reference-cannot-make = cannot make the { $year } campaign
cli-reference-wrote = wrote { $out } ({ NUMBER($files, useGrouping: "false") } files): the register, the campaigns { $years }, and { $year } made from { $from }
cli-reference-then = then: baocao reference check { $out } ; baocao reference diff { $from } { $year } --reference { $out }
cli-reference-bundled = the bundled reference data
cli-reference-warning = warning: { $text }
cli-reference-error = error: { $text }
cli-reference-checked = { $dir }: { NUMBER($errors, useGrouping: "false") } error(s), { NUMBER($warnings, useGrouping: "false") } warning(s)
cli-reference-no-campaign = there is no { $year } campaign in { $origin } (it has: { $years })
cli-reference-not-a-year = '{ $arg }' is neither a campaign year ({ $years }) nor a folder
cli-reference-several-campaigns = { $arg } holds the campaigns { $years }: name years instead, e.g. baocao reference diff 2023 2026 --reference { $arg }
cli-sql-cannot-read-file = cannot read the SQL file { $path }
cli-sql-prompt-command = { $command } is a command of the interactive prompt (baocao sql with no SQL, in a terminal); here use SQL, e.g. SHOW TABLES, and --timer for run times
cli-sql-run-time = Run Time (s): real { $seconds }
cli-sql-cannot-read-stdin = cannot read SQL from standard input
cli-sql-no-prompt = cannot start the interactive prompt
cli-sql-welcome = baocao SQL (read-only). End statements with ;  .tables lists tables, .timer on times statements, .quit leaves.
cli-sql-timer-usage = usage: .timer on|off
cli-sql-prompt-failed = the interactive prompt failed
