//! `baocao sql`: formats, read-only refusals, errors, and partition pruning.

use serde_json::{Value, json};

use super::query::fixture_lake;
use super::support::{Workdir, read_rows, v};

#[test]
fn every_format_prints_the_same_answer() {
    let w = fixture_lake();
    let sql = "SELECT theme_code, SUM(quantity) AS quantity, MIN(activity_date) AS first FROM activities GROUP BY theme_code ORDER BY theme_code";
    let json_out = w.run(&["sql", sql, "--format", "json"]);
    assert_eq!(json_out.code, 0, "{}", json_out.stderr);
    let rows: Vec<Value> = serde_json::from_str(&json_out.stdout).unwrap();
    assert_eq!(
        rows[0],
        json!({"theme_code": "commitments", "quantity": 1, "first": "2023-09-11"})
    );
    assert_eq!(rows.len(), 6);

    let csv = w.run(&["sql", sql, "--format", "csv"]);
    let lines: Vec<&str> = csv.stdout.lines().collect();
    assert_eq!(lines[0], "theme_code,quantity,first");
    assert_eq!(lines[1], "commitments,1,2023-09-11");
    assert_eq!(lines.len(), 7);

    let table = w.run(&["sql", sql]);
    assert!(
        table
            .stdout
            .contains("| commitments | 1        | 2023-09-11 |"),
        "{}",
        table.stdout
    );
    assert!(table.stdout.ends_with("6 rows\n"), "{}", table.stdout);

    let out = w.run(&[
        "sql",
        sql,
        "--format",
        "parquet",
        "--output",
        "answer.parquet",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let back = read_rows(&w.path("answer.parquet"));
    assert_eq!(back.len(), 6);
    assert_eq!(v(&back[0], "quantity"), json!(1));
    let no_file = w.run(&["sql", sql, "--format", "parquet"]);
    assert_eq!(no_file.code, 1);
    assert!(
        no_file
            .stderr
            .contains("--format parquet writes a file: add --output FILE.parquet"),
        "{}",
        no_file.stderr
    );
}

#[test]
fn sql_from_a_file_and_from_stdin() {
    let w = fixture_lake();
    w.write(
        "q.sql",
        b"-- how many\nSELECT COUNT(*) AS n FROM activities;\n",
    );
    let run = w.run(&["sql", "--file", "q.sql", "--format", "csv"]);
    assert_eq!(run.stdout, "n\n11\n", "{}", run.stderr);
    let out = assert_cmd::Command::cargo_bin("baocao")
        .unwrap()
        .current_dir(w.dir.path())
        .env("BAOCAO_LANG", "en")
        .args(["sql", "-", "--format", "csv"])
        .write_stdin("SELECT COUNT(*) AS n FROM submissions; SELECT 1 AS one")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "n\n6\none\n1\n");
}

#[test]
fn nothing_that_writes_or_changes_state_is_allowed() {
    let w = fixture_lake();
    for sql in [
        "CREATE TABLE t AS SELECT 1",
        "CREATE EXTERNAL TABLE x STORED AS CSV LOCATION '/etc/passwd'",
        "INSERT INTO submissions SELECT * FROM submissions",
        "COPY (SELECT 1) TO 'out.csv'",
        "DROP VIEW activities",
        "SET datafusion.execution.batch_size = 1",
    ] {
        let run = w.run(&["sql", sql]);
        assert_eq!(run.code, 1, "{sql} must be refused");
        assert!(
            run.stderr
                .starts_with("baocao: baocao only reads the lake:"),
            "{sql}: {}",
            run.stderr
        );
    }
    assert!(!w.path("out.csv").exists());
    let arbitrary = w.run(&["sql", "SELECT * FROM '/etc/passwd'"]);
    assert_eq!(arbitrary.code, 1, "{}", arbitrary.stdout);
}

#[test]
fn bad_sql_says_where_and_lists_the_tables() {
    let w = fixture_lake();
    let run = w.run(&["sql", "SELEC 1"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.starts_with("baocao: "), "{}", run.stderr);
    assert!(run.stderr.contains("SELEC"), "{}", run.stderr);
    let run = w.run(&["sql", "SELECT * FROM activites"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("activites"), "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "hint: did you mean 'activities'? the tables are activities, activities_all, submissions, rejects, units"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn named_query_errors() {
    let w = fixture_lake();
    let run = w.run(&["query", "coverage_by_them"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.starts_with("baocao: unknown query 'coverage_by_them' (did you mean 'coverage_by_theme'?); the named queries are: coverage_by_form, coverage_by_peak,"), "{}", run.stderr);
    let run = w.run(&["query", "coverage_by_theme", "--param", "yeer=2023"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "baocao: coverage_by_theme has no parameter 'yeer' (did you mean 'year'?); it takes only year\n"
    );
    let run = w.run(&["query", "coverage_by_theme", "--param", "year=two"]);
    assert_eq!(
        run.stderr,
        "baocao: the parameter year must be a whole number, not 'two'\n"
    );
    let run = w.run(&["queries"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout
            .lines()
            .any(|l| l.starts_with("coverage_by_peak ") && l.ends_with("[year=2023]")),
        "{}",
        run.stdout
    );
    assert_eq!(run.stdout.lines().count(), 19);
}

#[test]
fn a_missing_lake_is_a_clear_error() {
    let w = Workdir::new();
    let run = w.run(&["sql", "SELECT 1", "--lake", "nowhere"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "baocao: there is no lake at nowhere: ingest reports first (baocao ingest PATH --lake nowhere), or run baocao demo\n"
    );
}

#[test]
fn a_year_filter_prunes_partitions() {
    // two year partitions, with a 2024 campaign made from the 2023 one
    let w2 = Workdir::new();
    w2.reference_copy("2023", |_, text| text);
    w2.reference_copy("2024", |_, text| {
        text.replace("2023-", "2024-").replace(",2023,", ",2024,")
    });
    w2.fixture("so-y-te_2023.json", "so-y-te_2023.json");
    w2.write(
        "inbox/pvhtt-nam-po_2024-01.csv",
        "Ngày,Chủ đề,Hình thức\n05/01/2024,general,Tin\n".as_bytes(),
    );
    let run = w2.run(&[
        "ingest",
        "inbox",
        "--received-at",
        "2024-01-10",
        "--reference",
        "ref",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let explain = w2.run(&[
        "sql",
        // (a sum: a count the planner answers from the files' statistics)
        "EXPLAIN SELECT SUM(quantity) FROM activities WHERE year = 2024",
        "--reference",
        "ref",
    ]);
    assert_eq!(explain.code, 0, "{}", explain.stderr);
    assert!(explain.stdout.contains("year=2024"), "{}", explain.stdout);
    assert!(
        !explain.stdout.contains("year=2023"),
        "the 2023 partition is read: {}",
        explain.stdout
    );
    let n = w2.run(&[
        "sql",
        "SELECT COUNT(*) AS n FROM activities WHERE year = 2024",
        "--reference",
        "ref",
        "--format",
        "csv",
    ]);
    assert_eq!(n.stdout, "n\n1\n");
}

#[test]
fn a_mistyped_reference_folder_comment_only_sql_and_prompt_commands_are_said_plainly() {
    let w = fixture_lake();
    // the reference is read only when a statement needs it, but a folder
    // that is not there is said at once
    let run = w.run(&["sql", "SELECT 1", "--reference", "no-such-folder"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("the reference folder no-such-folder does not exist")
            && run
                .stderr
                .contains("leave --reference out for the bundled data"),
        "{}",
        run.stderr
    );
    // a folder whose files are broken: the loader's sentence, not the engine's
    w.write("broken/units.csv", b"unit_code,name_vi\n");
    let run = w.run(&["sql", "SELECT COUNT(*) FROM units", "--reference", "broken"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .starts_with("baocao: cannot load the reference data: "),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("Execution error"), "{}", run.stderr);
    assert!(
        run.stderr.contains("baocao reference check"),
        "{}",
        run.stderr
    );
    // ... while a statement that reads no reference table runs
    let run = w.run(&[
        "sql",
        "SELECT COUNT(*) AS n FROM activities",
        "--reference",
        "broken",
        "--format",
        "csv",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = w.run(&["sql", "-- only a comment"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("the SQL holds only comments"),
        "{}",
        run.stderr
    );
    let run = w.run(&["sql", ".tables"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains(".tables is a command of the interactive prompt")
            && run.stderr.contains("SHOW TABLES"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_timer_prints_each_statements_run_time_on_stderr() {
    let w = fixture_lake();
    let run = w.run(&[
        "sql",
        "-- two statements\nSELECT 1; SELECT COUNT(*) FROM activities",
        "--timer",
        "--format",
        "csv",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let times: Vec<f64> = run
        .stderr
        .lines()
        .filter_map(|l| l.strip_prefix("Run Time (s): real "))
        .map(|t| t.parse().expect("seconds"))
        .collect();
    assert_eq!(times.len(), 2, "{}", run.stderr);
    assert!(times.iter().all(|t| *t >= 0.0), "{times:?}");
    assert_eq!(
        run.stdout.lines().filter(|l| !l.is_empty()).count(),
        4,
        "{}",
        run.stdout
    );
}
