# Questions to the lake: SQL errors, named queries and their parameters, query output. English.
query-no-lake = there is no lake at { $lake }: ingest reports first (baocao ingest PATH --lake { $lake }), or run baocao demo
query-read-only = baocao only reads the lake: { $what } is refused; ask with SELECT
query-statement-ddl = a statement that creates, changes or drops a table or view (CREATE, ALTER, DROP)
query-statement-dml = a statement that writes or copies data (INSERT, UPDATE, DELETE, COPY)
query-statement-other = a statement that changes the engine's settings or state (SET)
query-no-sql = there is no SQL to run: give a statement, --file FILE, or - to read standard input
query-unknown = unknown query '{ $name }'{ $suggestion }; the named queries are: { $known } (see baocao queries)
query-did-you-mean = {" "}(did you mean '{ $name }'?)
query-bad-query-file = the named query file { $file } is malformed: { $message }
query-cannot-write = cannot write { $path } (check that its folder exists and can be written, and that the disk has room)
query-cannot-write-format = cannot write { $path }: { $message }
query-the-output = the output
query-no-rows = (no rows; columns: { $columns })
query-rows = { $n ->
    [one] { $n } row
   *[other] { $n } rows
 }
query-parquet-needs-output = --format parquet writes a file: add --output FILE.parquet
query-cannot-open = cannot open { $path }: { $error }
query-ledger-unreadable = the lake's ledger cannot be read ({ $error }); restore the lake from a backup
query-no-reference-folder = the reference folder { $folder } does not exist; give --reference the folder that holds units.csv and the year folders, or leave --reference out for the bundled data
query-reference-unloadable = cannot load the reference data: { $error }; correct the folder (baocao reference check FOLDER lists every problem), or leave --reference out for the bundled data
query-syntax-error = SQL syntax error: { $error }
query-data-file-damaged = a data file of the lake cannot be read ({ $error }); it was damaged outside baocao: restore the lake from a backup (DuckDB's SELECT count(*) FROM 'LAKE/*/**/*.parquet' names the damaged file)
query-hint-table-nearest = hint: did you mean '{ $name }'? the tables are { $tables }
query-hint-tables = hint: the tables are { $tables }
query-no-catalog = DataFusion has no catalog { $catalog }
query-only-comments = the SQL holds only comments: give a statement after them
query-param-not-valid = the parameter { $name } = '{ $value }' is not a valid { $kind }
query-file-first-line = the first line must be `-- name: what the query answers`
query-file-name-mismatch = the header names '{ $name }' but the file is { $stem }.sql
query-file-not-utf8 = not UTF-8
query-takes-none = it takes no parameters
query-takes-only = it takes only { $params }
query-no-such-param = { $query } has no parameter '{ $param }'{ $suggestion }; { $takes }
query-param-needed = { $query } needs --param { $param }=... ({ $doc })
query-param-not-int = the parameter { $param } must be a whole number, not '{ $value }'
query-param-not-date = the parameter { $param } must be a date YYYY-MM-DD (or dd/mm/yyyy, today, or none), not '{ $value }'
query-say-reason-lang = say_reason: '{ $lang }' is not a language baocao speaks: write 'vi' or 'en'
query-say-arguments = say(id, name, value, ...): give the message id, then a name and a value for each argument
query-session-closed = the session has closed
query-param-not-number = the parameter { $param } must be a number (such as 3 or 2.5), not '{ $value }'
query-param-not-a-choice = the parameter { $param } cannot be '{ $value }'{ $suggestion }: it takes { $choices }
query-include-unknown = it includes '{ $name }', which is no other named query
query-include-param = it includes { $name }, whose parameter ${ $param } it does not declare
quality-rule-finding = does not meet the rule: { $rule } (the unit's figure: { $left }; compared with: { $right })
quality-rule-finding-text = does not meet the rule: { $rule } (the unit's entry: { $lefttext }; compared with: { $righttext })
quality-outlier = the { $field ->
        [reach] reach
        [duration_min] duration (minutes)
       *[other] quantity
    } { $value } lies outside the usual range ({ $lower } to { $upper }) of { $n } { $field ->
        [quantity] monthly reports
       *[other] items of the same form
    } { $baseline ->
        [unit] of the unit itself
       *[other] of units of the same kind
    } ({ $algorithm ->
        [z] mean
       *[other] median
    } { $center }): check it with the unit
quality-outlier-bounds = the { $field ->
        [reach] reach
        [duration_min] duration (minutes)
       *[other] quantity
    } { $value } is outside the limits set for this form and kind of unit ({ $lower } to { $upper }): check it with the unit
quality-total-mismatch = the totals row ('{ $label }', line { $row }) states a { $field ->
        [reach] reach
       *[other] quantity
    } of { $stated }, but the { $items ->
        [one] one item
       *[other] { $items } items
    } above it add up to { $sum }{ $refused ->
        [0] {""}
       *[other] {" "}({ $refused } rows above it were refused, which may explain it)
    }
query-param-above = the parameter { $param } must be above { $limit }, not '{ $value }'
query-param-at-least = the parameter { $param } must be at least { $limit }, not '{ $value }'
cluster-no-version = version { $n } of the ledger of { $lake } is gone (more than an hour old): run the statement again
cluster-store-scheme = the cluster reads lakes on s3:// only, not { $scheme }://
cluster-scheduler-listening = Ballista scheduler listening on { $addr } (baocao query NAME --lake s3://... --cluster df://{ $addr })
cluster-executor-listening = Ballista executor serving on { $addr }, registered with the scheduler at { $scheduler }
cluster-table-cannot-go = the table { $table } cannot be sent to the cluster ({ $error }); run the statement without --cluster
cluster-needs-s3 = --cluster runs the statement on other machines, which cannot read the local folder { $lake }: give --lake s3://BUCKET/PREFIX
cluster-unreachable = cannot reach the cluster's scheduler at { $url }: { $error }; start it with baocao cluster scheduler, or check the address
cluster-not-built = this baocao was built without the distributed engine, so it cannot use { $url }; build it with `cargo build --release --features cluster`, or leave out --cluster
cluster-failed = the cluster at { $url } could not run the statement: { $error }
