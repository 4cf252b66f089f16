# `baocao trends`: its errors, and the alerts' details (said in the process language). English.
trends-cannot-write = cannot write { $path }: { $error }
trends-busy = another baocao trends run is writing { $out }; run again when it has finished (without --no-wait it waits)
trends-not-trends-folder = { $out } holds files that are not trend files (it has no { $manifest }); baocao trends replaces its output folder whole, so choose a new or empty --out
trends-bad-out = { $out } is not a folder name baocao trends can write to; give --out a folder such as ./trends
trends-hint-full = ; the disk is full: free some space and run again; the previous trend files are unchanged
trends-hint-read-only = ; the folder is read-only for this user: ask for write access or give another --out; the previous trend files are unchanged
trends-removed-leftovers = removed { $n } unfinished folder(s) an interrupted run left beside { $name }
trends-reading = as of { $day }: reading { $lake } for { $out }
trends-file-rows = { $file }: { $n } rows (baocao query { $query })
trends-latest = latest received { $day }
trends-latest-none = latest received none
trends-submissions = { $n } submissions current on { $day } ({ $latest })
trends-wrote = wrote { $n } files and { $manifest } to { $out }
trends-no-answer = the query { $query } gave no answer
trends-waiting = another baocao trends run is writing { $out }; waiting for it to finish
trends-unexpected-columns = submission_versions has unexpected column types
trends-alert-silent-none = No monthly report for { $periods } ({ NUMBER($months, useGrouping: "false") } months running); none received yet.
trends-alert-silent = No monthly report for { $periods } ({ NUMBER($months, useGrouping: "false") } months running); the last one received was for { $last }.
trends-alert-theme-drop = Quantity in { $month } was { NUMBER($quantity, useGrouping: "false") }, less than half its average of { NUMBER($average, maximumFractionDigits: 2, useGrouping: "false") } over { $first } to { $last }.
trends-alert-peak-shortfall = Day { NUMBER($day, useGrouping: "false") } of { NUMBER($days, useGrouping: "false") }: quantity { NUMBER($quantity, useGrouping: "false") } reported for the first { NUMBER($reported, useGrouping: "false") } days, under half the { NUMBER($expected, useGrouping: "false") } that the pace before the window would give.
trends-alert-rows-refused = { $rows ->
    [one] { $rows } row
   *[other] { NUMBER($rows, useGrouping: "false") } rows
 } of the { $period } report ({ $file }) refused, first row { $first }: { $reason } Send a corrected report.
trends-alert-file-refused = The whole file was refused: { $reason }
trends-alert-outlier = { $field ->
        [reach] The reach
        [duration_min] The duration (minutes)
       *[other] The quantity of a monthly report
    } { $value } in { $file }{ $row ->
        [none] {""}
       *[other] {" "}(line { $row })
    } lies outside the usual range (median { $median }). Check it with the unit.
