//! `trends` on a small lake whose every figure was computed by hand (see
//! `trends_lake`); the files are read back with the parquet crate, the CSV
//! by hand, and the manifest's sums checked against the bytes.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use super::support::{Workdir, python_json, sha256_hex, v};

const HEADER: &str = "Ngày,Chủ đề,Hình thức,Số lượng,Lượt tiếp cận\n";

/// Two culture offices and a department, reports received on the days shown:
/// | file (unit_period)          | received   | items (date theme qty reach)                     |
/// | pvhtt-tuan-giao_2023-06     | 2023-06-14 | 20/05 ethnic 10; 05/06 ethnic 20 reach 1.200     |
/// | pvhtt-muong-cha_2023-06     | 2023-06-15 | 10/06 general 1 reach 50; row 3 refused (form)   |
/// | pvhtt-tuan-giao_2023-07     | 2023-07-14 | 03/07 ethnic 2; 10/07 general 30                 |
/// | pvhtt-tuan-giao_2023-08     | 2023-08-20 | 01/08 ethnic 3; 02/08 general 20; row 4 refused  |
/// | pvhtt-tuan-giao_2023-08_sua | 2023-10-02 | the correction: 01/08 ethnic 50; 02/08 general 20 |
/// | so-y-te_2023                | 2023-11-01 | 10/10 trafficking 4                              |
/// | bao-cao.csv                 | (today)    | names no unit: refused whole                     |
/// As of 2023-09-20 the correction and the annual report are not in yet.
fn trends_lake() -> (Workdir, BTreeMap<&'static str, String>) {
    let w = Workdir::new();
    let files: [(&str, &str, &str); 6] = [
        (
            "pvhtt-tuan-giao_2023-06.csv",
            "2023-06-14",
            "20/05/2023,ethnic,Tin,10,\n05/06/2023,ethnic,Tin,20,1.200\n",
        ),
        (
            "pvhtt-muong-cha_2023-06.csv",
            "2023-06-15",
            "10/06/2023,general,Tin,1,50\n12/06/2023,general,Video clip,1,\n",
        ),
        (
            "pvhtt-tuan-giao_2023-07.csv",
            "2023-07-14",
            "03/07/2023,ethnic,Tin,2,\n10/07/2023,general,Tin,30,\n",
        ),
        (
            "pvhtt-tuan-giao_2023-08.csv",
            "2023-08-20",
            "01/08/2023,ethnic,Tin,3,\n02/08/2023,general,Tin,20,\n31/02/2023,ethnic,Tin,1,\n",
        ),
        (
            "pvhtt-tuan-giao_2023-08_sua.csv",
            "2023-10-02",
            "01/08/2023,ethnic,Tin,50,\n02/08/2023,general,Tin,20,\n",
        ),
        (
            "so-y-te_2023.csv",
            "2023-11-01",
            "10/10/2023,trafficking,Tin,4,\n",
        ),
    ];
    let mut ids = BTreeMap::new();
    for (i, (name, received, rows)) in files.iter().enumerate() {
        let bytes = format!("{HEADER}{rows}");
        w.write(&format!("inbox/{i}/{name}"), bytes.as_bytes());
        ids.insert(*name, sha256_hex(bytes.as_bytes()));
        let run = w.run(&["ingest", &format!("inbox/{i}"), "--received-at", received]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    w.write(
        "inbox/x/bao-cao.csv",
        format!("{HEADER}01/07/2023,ethnic,Tin,1,\n").as_bytes(),
    );
    assert_eq!(w.run(&["ingest", "inbox/x"]).code, 0);
    (w, ids)
}

fn trends(w: &Workdir, out: &str, as_of: &str) {
    let run = w.run(&["trends", "--out", out, "--as-of", as_of]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// The rows of `OUT/NAME.parquet` with `key` = `value`, in file order.
fn rows_where(w: &Workdir, file: &str, key: &str, value: &str) -> Vec<Map<String, Value>> {
    w.rows(file)
        .into_iter()
        .filter(|r| v(r, key) == json!(value))
        .collect()
}

fn column(rows: &[Map<String, Value>], key: &str) -> Vec<Value> {
    rows.iter().map(|r| v(r, key)).collect()
}

fn manifest(w: &Workdir, out: &str) -> Value {
    serde_json::from_slice(&std::fs::read(w.path(&format!("{out}/manifest.json"))).unwrap())
        .unwrap()
}

fn ints(rows: &[Map<String, Value>], key: &str) -> Vec<i64> {
    rows.iter()
        .map(|r| {
            v(r, key)
                .as_i64()
                .unwrap_or_else(|| panic!("{key} in {r:?}"))
        })
        .collect()
}

fn bools(rows: &[Map<String, Value>], key: &str) -> Vec<bool> {
    rows.iter()
        .map(|r| {
            v(r, key)
                .as_bool()
                .unwrap_or_else(|| panic!("{key} in {r:?}"))
        })
        .collect()
}

#[test]
fn theme_monthly_lists_every_month_with_zeros_and_changes() {
    let (w, _) = trends_lake();
    trends(&w, "trends", "2023-12-31");
    let all = w.rows("trends/theme_monthly.parquet");
    // May (the first month with activity) to December, six themes each
    assert_eq!(all.len(), 8 * 6);
    let ethnic = rows_where(&w, "trends/theme_monthly.parquet", "theme_code", "ethnic");
    let months: Vec<Value> = (5..=12).map(|m| json!(format!("2023-{m:02}"))).collect();
    assert_eq!(column(&ethnic, "month"), months);
    assert_eq!(ints(&ethnic, "quantity"), [10, 20, 2, 50, 0, 0, 0, 0]);
    assert_eq!(ints(&ethnic, "items"), [1, 1, 1, 1, 0, 0, 0, 0]);
    assert_eq!(ints(&ethnic, "reach"), [0, 1200, 0, 0, 0, 0, 0, 0]);
    assert_eq!(ints(&ethnic, "units_reporting"), [1, 1, 1, 1, 0, 0, 0, 0]);
    // (10+20+2)/3, (20+2+50)/3, (2+50+0)/3, (50+0+0)/3
    assert_eq!(
        column(&ethnic, "quantity_3m_avg"),
        vec![
            Value::Null,
            Value::Null,
            json!(10.67),
            json!(24.0),
            json!(17.33),
            json!(16.67),
            json!(0.0),
            json!(0.0)
        ]
    );
    // 20/10-1, 2/20-1, 50/2-1, 0/50-1; from October the month before had nothing
    assert_eq!(
        column(&ethnic, "mom_change"),
        vec![
            Value::Null,
            json!(1.0),
            json!(-0.9),
            json!(24.0),
            json!(-1.0),
            Value::Null,
            Value::Null,
            Value::Null
        ]
    );
    assert!(all.iter().all(|r| v(r, "yoy_change").is_null()));
    let general = rows_where(&w, "trends/theme_monthly.parquet", "theme_code", "general");
    assert_eq!(
        column(&general, "mom_change")[..4],
        [Value::Null, Value::Null, json!(29.0), json!(-0.3333)]
    );
    // the CSV: a BOM, a header, the same rows
    let csv = std::fs::read(w.path("trends/theme_monthly.csv")).unwrap();
    assert_eq!(&csv[..3], b"\xEF\xBB\xBF");
    let text = String::from_utf8(csv[3..].to_vec()).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(
            "month,theme_code,items,quantity,reach,units_reporting,quantity_3m_avg,mom_change,yoy_change"
        )
    );
    assert_eq!(lines.clone().count(), 48);
    assert!(
        lines.any(|l| l == "2023-08,ethnic,1,50,0,1,24.0,24.0,"),
        "{text}"
    );
}

#[test]
fn as_of_mid_year_leaves_out_later_reports_and_months() {
    let (w, ids) = trends_lake();
    trends(&w, "trends", "2023-09-20");
    // May to September only; the correction (received 10-02) is not applied
    // and the annual report (11-01) is not in
    let ethnic = rows_where(&w, "trends/theme_monthly.parquet", "theme_code", "ethnic");
    assert_eq!(ints(&ethnic, "quantity"), [10, 20, 2, 3, 0]);
    assert_eq!(
        column(&ethnic, "mom_change"),
        vec![
            Value::Null,
            json!(1.0),
            json!(-0.9),
            json!(0.5),
            json!(-1.0)
        ]
    );
    let trafficking = rows_where(
        &w,
        "trends/theme_monthly.parquet",
        "theme_code",
        "trafficking",
    );
    assert_eq!(ints(&trafficking, "quantity"), [0; 5]);

    let units = w.rows("trends/unit_monthly.parquet");
    assert_eq!(
        units.len(),
        49 * 5,
        "every unit of the reference, every month"
    );
    let tuan_giao = rows_where(
        &w,
        "trends/unit_monthly.parquet",
        "unit_code",
        "pvhtt-tuan-giao",
    );
    assert_eq!(ints(&tuan_giao, "quantity"), [10, 20, 32, 23, 0]);
    assert_eq!(ints(&tuan_giao, "items"), [1, 1, 2, 2, 0]);
    assert_eq!(ints(&tuan_giao, "themes_covered"), [1, 1, 2, 2, 0]);
    assert_eq!(
        bools(&tuan_giao, "reported"),
        [false, true, true, true, false]
    );
    let muong_cha = rows_where(
        &w,
        "trends/unit_monthly.parquet",
        "unit_code",
        "pvhtt-muong-cha",
    );
    assert_eq!(ints(&muong_cha, "reach"), [0, 50, 0, 0, 0]);

    let manifest = manifest(&w, "trends");
    assert_eq!(manifest["as_of"], json!("2023-09-20"));
    assert_eq!(manifest["submissions"]["count"], json!(4));
    assert_eq!(
        manifest["submissions"]["latest_received_at"],
        json!("2023-08-20")
    );
    let mut used: Vec<&String> = [
        "pvhtt-tuan-giao_2023-06.csv",
        "pvhtt-muong-cha_2023-06.csv",
        "pvhtt-tuan-giao_2023-07.csv",
        "pvhtt-tuan-giao_2023-08.csv",
    ]
    .iter()
    .map(|f| &ids[f])
    .collect();
    used.sort();
    assert_eq!(manifest["submissions"]["ids"], json!(used));
}

#[test]
fn peak_monthly_marks_windows_and_lift() {
    let (w, _) = trends_lake();
    trends(&w, "trends", "2023-09-20");
    let all = w.rows("trends/peak_monthly.parquet");
    // five peak periods overlap May-September, five months each
    assert_eq!(all.len(), 25);
    let cerd = rows_where(&w, "trends/peak_monthly.parquet", "peak_code", "cerd");
    assert_eq!(ints(&cerd, "quantity"), [10, 20, 2, 3, 0]);
    assert_eq!(bools(&cerd, "in_window"), [false, false, true, true, true]);
    // outside: (10+20)/2 = 15 a month
    assert_eq!(
        column(&cerd, "lift"),
        vec![
            Value::Null,
            Value::Null,
            json!(0.13),
            json!(0.2),
            json!(0.0)
        ]
    );
    // ethnic, general and religion: outside (10 + 21)/2 = 15.5; 32/15.5, 23/15.5
    let iccpr = rows_where(&w, "trends/peak_monthly.parquet", "peak_code", "iccpr");
    assert_eq!(ints(&iccpr, "quantity"), [10, 21, 32, 23, 0]);
    assert_eq!(
        column(&iccpr, "lift"),
        vec![
            Value::Null,
            Value::Null,
            json!(2.06),
            json!(1.48),
            json!(0.0)
        ]
    );
    // a window over the whole year has no outside to compare with
    let upr = rows_where(&w, "trends/peak_monthly.parquet", "peak_code", "upr");
    assert!(
        upr.iter()
            .all(|r| v(r, "lift").is_null() && v(r, "in_window") == json!(true))
    );
}

fn alerts(w: &Workdir, out: &str) -> Vec<(String, String, String, String)> {
    w.rows(&format!("{out}/alerts.parquet"))
        .iter()
        .map(|r| {
            let s = |k: &str| v(r, k).as_str().unwrap_or_default().to_string();
            (s("kind"), s("subject"), s("detail"), s("since"))
        })
        .collect()
}

#[test]
fn alerts_of_each_kind() {
    let (w, _) = trends_lake();
    trends(&w, "mid", "2023-09-20");
    let mid = alerts(&w, "mid");
    let kinds: Vec<&str> = mid.iter().map(|a| a.0.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "peak_shortfall",
            "silent_office",
            "silent_office",
            "silent_office",
            "silent_office",
            "silent_office",
            "silent_office",
            "silent_office",
            "silent_office",
            "silent_office",
            "theme_drop",
            "uncorrected_rejects",
            "uncorrected_rejects"
        ],
        "{mid:#?}"
    );
    // CERD (ethnic), 2023-07-01 to 11-30 (153 days): on 09-20 day 82, reported
    // through 09-14 (76 days): 2 + 3 = 5 against 30 in the 61 days before
    // the window, 30 x 76 / 61 = 37.4
    assert_eq!(
        mid[0],
        (
            "peak_shortfall".into(),
            "cerd".into(),
            "Day 82 of 153: quantity 5 reported for the first 76 days, under half the 37.4 that the pace before the window would give.".into(),
            "2023-07-01".into()
        )
    );
    // eight offices sent nothing (due June to September), Mường Chà stopped after June;
    // Tuần Giáo misses only September
    assert_eq!(
        mid[1],
        (
            "silent_office".into(),
            "pvhtt-dien-bien".into(),
            "No monthly report for 2023-06, 2023-07, 2023-08, 2023-09 (4 months running); none received yet.".into(),
            "2023-06-15".into()
        )
    );
    assert_eq!(
        mid[9],
        (
            "silent_office".into(),
            "pvhtt-muong-cha".into(),
            "No monthly report for 2023-07, 2023-08, 2023-09 (3 months running); the last one received was for 2023-06.".into(),
            "2023-07-15".into()
        )
    );
    assert!(
        !mid.iter()
            .any(|a| a.1 == "pvhtt-tuan-giao" && a.0 == "silent_office")
    );
    // August is the last month complete by 09-20: ethnic 3 against (10+20+2)/3
    assert_eq!(
        mid[10],
        (
            "theme_drop".into(),
            "ethnic".into(),
            "Quantity in 2023-08 was 3, less than half its average of 10.67 over 2023-05 to 2023-07.".into(),
            "2023-08-01".into()
        )
    );
    assert_eq!(
        (mid[11].1.as_str(), mid[11].3.as_str()),
        ("pvhtt-muong-cha", "2023-06-15")
    );
    assert!(
        mid[11].2.starts_with("1 row of the 2023-06 report (")
            && mid[11].2.contains(
                "refused, first row 3: The form 'Video clip' is not in the list of forms"
            ),
        "{}",
        mid[11].2
    );
    assert_eq!(
        (mid[12].1.as_str(), mid[12].3.as_str()),
        ("pvhtt-tuan-giao", "2023-08-20")
    );
    assert!(
        mid[12].2.ends_with(
            "refused, first row 4: The activity date '31/02/2023' is not a real date. Send a corrected report."
        ),
        "{}",
        mid[12].2
    );

    // by the year's end the correction has replaced the August report, the
    // windows are over, and November fell against August-October
    trends(&w, "end", "2023-12-31");
    let end = alerts(&w, "end");
    let drops: Vec<(&str, &str)> = end
        .iter()
        .filter(|a| a.0 == "theme_drop")
        .map(|a| (a.1.as_str(), a.2.as_str()))
        .collect();
    assert_eq!(
        drops,
        [
            (
                "ethnic",
                "Quantity in 2023-11 was 0, less than half its average of 16.67 over 2023-08 to 2023-10."
            ),
            (
                "general",
                "Quantity in 2023-11 was 0, less than half its average of 6.67 over 2023-08 to 2023-10."
            ),
            (
                "trafficking",
                "Quantity in 2023-11 was 0, less than half its average of 1.33 over 2023-08 to 2023-10."
            )
        ]
    );
    assert!(!end.iter().any(|a| a.0 == "peak_shortfall"));
    let rejects: Vec<&str> = end
        .iter()
        .filter(|a| a.0 == "uncorrected_rejects")
        .map(|a| a.1.as_str())
        .collect();
    assert_eq!(rejects, ["pvhtt-muong-cha"]);
    let tuan_giao = end
        .iter()
        .find(|a| a.0 == "silent_office" && a.1 == "pvhtt-tuan-giao")
        .expect("Tuần Giáo silent since September");
    assert_eq!(
        tuan_giao.2,
        "No monthly report for 2023-09, 2023-10, 2023-11, 2023-12 (4 months running); the last one received was for 2023-08."
    );

    // a file refused whole counts from the day it was ingested: today
    let run = w.run(&["trends", "--out", "today"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let today = chrono::Local::now().date_naive().to_string();
    let whole: Vec<_> = alerts(&w, "today")
        .into_iter()
        .filter(|a| a.1.ends_with("bao-cao.csv"))
        .collect();
    assert_eq!(whole.len(), 1, "{whole:?}");
    assert!(
        whole[0].2.starts_with(
            "The whole file was refused: The file does not say which period it reports on"
        ),
        "{}",
        whole[0].2
    );
    assert_eq!(whole[0].3, today);
}

fn folder(w: &Workdir, rel: &str) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(w.path(rel))
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().to_string(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn two_runs_give_the_same_bytes_and_the_manifest_sums_them() {
    let (w, _) = trends_lake();
    trends(&w, "trends", "2023-12-31");
    let first = folder(&w, "trends");
    let names: Vec<&str> = first.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "alerts.csv",
            "alerts.parquet",
            "manifest.json",
            "peak_monthly.csv",
            "peak_monthly.parquet",
            "theme_monthly.csv",
            "theme_monthly.parquet",
            "unit_monthly.csv",
            "unit_monthly.parquet"
        ]
    );
    trends(&w, "trends", "2023-12-31");
    assert_eq!(folder(&w, "trends"), first, "a second run changed bytes");

    let manifest: Value = serde_json::from_slice(&first["manifest.json"]).unwrap();
    let files = manifest["files"].as_array().unwrap();
    assert_eq!(files.len(), 8);
    for f in files {
        let name = f["name"].as_str().unwrap();
        assert_eq!(f["sha256"], json!(sha256_hex(&first[name])), "{name}");
        assert_eq!(f["bytes"], json!(first[name].len()), "{name}");
        let rows = if name.ends_with(".parquet") {
            w.rows(&format!("trends/{name}")).len()
        } else {
            String::from_utf8_lossy(&first[name]).lines().count() - 1
        };
        assert_eq!(f["rows"], json!(rows), "{name}");
    }
    assert_eq!(
        manifest["tool"],
        json!(format!("baocao {}", env!("CARGO_PKG_VERSION")))
    );
    assert_eq!(manifest["submissions"]["count"], json!(5));
}

#[test]
fn a_killed_run_leaves_the_previous_files() {
    let (w, _) = trends_lake();
    trends(&w, "trends", "2023-12-31");
    let before = folder(&w, "trends");
    for point in ["trends-files-written", "trends-before-swap"] {
        let run = w.run_env(
            &["trends", "--out", "trends", "--as-of", "2023-09-20"],
            &[("BAOCAO_CRASH_AT", point)],
        );
        assert_ne!(run.code, 0, "the run should have died at {point}");
        assert_eq!(folder(&w, "trends"), before, "killed at {point}");
    }
    let leftovers = |w: &Workdir| {
        std::fs::read_dir(w.dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .starts_with(".trends.tmp-")
            })
            .count()
    };
    // each run clears what an earlier one left: one folder remains
    assert_eq!(leftovers(&w), 1);
    // the next run finishes the job and clears what the killed ones left
    trends(&w, "trends", "2023-09-20");
    assert_eq!(leftovers(&w), 0);
    let manifest = manifest(&w, "trends");
    assert_eq!(manifest["as_of"], json!("2023-09-20"));
}

#[test]
fn a_second_run_on_the_same_folder_waits_or_fails_with_no_wait() {
    let (w, _) = trends_lake();
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(w.path(".trends.lock"))
        .unwrap();
    lock.try_lock().unwrap();
    let run = w.run(&["trends", "--as-of", "2023-12-31", "--no-wait"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.lines().last().unwrap().starts_with(
            "baocao: another baocao trends run is writing trends; run again when it has finished"
        ),
        "{}",
        run.stderr
    );
    assert!(!w.path("trends").exists());
    drop(lock);
    trends(&w, "trends", "2023-12-31");
}

#[test]
fn bad_output_folders_and_lakes_are_refused_with_a_sentence() {
    let (w, _) = trends_lake();
    w.write("notes/keep.txt", b"mine");
    let run = w.run(&["trends", "--out", "notes", "--as-of", "2023-12-31"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr.trim_end(),
        "baocao: notes holds files that are not trend files (it has no manifest.json); baocao trends replaces its output folder whole, so choose a new or empty --out"
    );
    assert_eq!(std::fs::read(w.path("notes/keep.txt")).unwrap(), b"mine");
    let run = w.run(&["trends", "--lake", "nowhere", "--out", "t"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .starts_with("baocao: there is no lake at nowhere"),
        "{}",
        run.stderr
    );
    assert!(!w.path(".t.lock").exists() && !w.path("t").exists());
    let run = w.run(&["trends", "--as-of", "2023-02-30"]);
    assert_ne!(run.code, 0);
    assert!(
        run.stderr.contains("'2023-02-30' is not a date"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_log_has_a_timestamped_line_per_step() {
    let (w, _) = trends_lake();
    let run = w.run(&["trends", "--as-of", "31/12/2023"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert!(lines.len() >= 6, "{}", run.stderr);
    for l in &lines {
        // 2026-11-28T16:01:02.123456Z  INFO ...
        let stamp = l.split_whitespace().next().unwrap();
        assert!(
            chrono::DateTime::parse_from_rfc3339(stamp).is_ok() && l.contains(" INFO "),
            "{l}"
        );
    }
    assert!(run.stderr.contains("alerts: "), "{}", run.stderr);
    assert!(
        lines
            .last()
            .unwrap()
            .ends_with("wrote 8 files and manifest.json to trends")
    );
}

/// DuckDB opens the files with no help (CI installs the `duckdb` Python
/// package; elsewhere the test says it is skipped).
#[test]
fn duckdb_reads_the_trend_files() {
    let (w, _) = trends_lake();
    trends(&w, "trends", "2023-12-31");
    let script = r#"
import duckdb, json
out = {}
for f in ["theme_monthly", "unit_monthly", "peak_monthly", "alerts"]:
    p = duckdb.sql(f"SELECT count(*) FROM 'trends/{f}.parquet'").fetchall()[0][0]
    c = duckdb.sql(f"SELECT count(*) FROM read_csv('trends/{f}.csv')").fetchall()[0][0]
    out[f] = [p, c]
out["ethnic_q"] = duckdb.sql("SELECT sum(quantity) FROM read_csv('trends/theme_monthly.csv') WHERE theme_code = 'ethnic'").fetchall()[0][0]
out["first_col"] = duckdb.sql("SELECT column_name FROM (DESCRIBE SELECT * FROM read_csv('trends/theme_monthly.csv')) LIMIT 1").fetchall()[0][0]
print(json.dumps(out))
"#;
    let Some(got) = python_json(w.dir.path(), "duckdb", script) else {
        return;
    };
    assert_eq!(
        got,
        json!({
            "theme_monthly": [48, 48],
            "unit_monthly": [49 * 8, 49 * 8],
            "peak_monthly": [40, 40],
            "alerts": [14, 14],
            "ethnic_q": 82,
            "first_col": "month"
        })
    );
}
