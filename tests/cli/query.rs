//! The SQL surface on a small lake whose every figure was computed by hand
//! from the fixture files (see the table in `fixture_lake`).

use serde_json::{Map, Value, json};

use super::support::{Workdir, v};

/// Ingests five reports and one correction, and one file that names no unit.
///
/// Current items (the correction replaces the first Tuần Giáo July report):
/// | unit        | date        | theme        | form            | qty | reach | language |
/// | tuan-giao   | 2023-07-05  | trafficking  | news            | 2   | 1234  | thai     |
/// | tuan-giao   | 2023-07-06  | religion*    | article         | 1   | 1500  | vi       |
/// | tuan-giao   | 2023-07 (m) | general      | mobile_outreach | 3   |       | hmong    |
/// | tuan-giao   | 2023-07-28  | ethnic       | news            | 1   |       | vi       |
/// | muong-cha   | 2023-08-02  | ethnic       | radio           | 1   | 2500  | thai     |
/// | muong-cha   | 2023-08-09  | trafficking  | radio_play      | 2   |       | vi       |
/// | dai-ptth    | 2023-03-10  | labour       | tv              | 1   | 12000 | vi       |
/// | dai-ptth    | 2023-09-11  | commitments  | reportage       | 1   | 8000  | vi       |
/// | so-y-te     | 2023-04-07  | ethnic       | meeting         | 1   | 350   | vi       |
/// | so-y-te     | 2023-10-10  | general      | portal_post     | 1   |       | vi       |
/// | ttxvn       | 2023-07-20  | religion     | news            | 4   |       | vi       |
/// 11 items, quantity 18. Received: tuan-giao 2023-07 on 07-10 (the
/// correction on 07-12), muong-cha 2023-08 on 08-14, dai-ptth 2023 on
/// 11-01, so-y-te 2023 on 11-06 (late), ttxvn 2023 on 10-30.
pub fn fixture_lake() -> Workdir {
    let w = Workdir::new();
    let first = w.fixture(
        "pvhtt-tuan-giao_2023-07.csv",
        "a/pvhtt-tuan-giao_2023-07.csv",
    );
    assert_eq!(
        w.run(&["ingest", "inbox/a", "--received-at", "2023-07-10"])
            .code,
        0
    );
    let fixed = std::fs::read_to_string(first)
        .unwrap()
        .replace("31/02/2023", "28/07/2023");
    w.write("inbox/b/pvhtt-tuan-giao_2023-07_sua.csv", fixed.as_bytes());
    assert_eq!(
        w.run(&["ingest", "inbox/b", "--received-at", "2023-07-12"])
            .code,
        0
    );
    for f in [
        "bao-cao-thang-8-muong-cha.csv",
        "dai-ptth.txt",
        "so-y-te_2023.json",
        "ttxvn.ndjson",
        "no-unit.csv",
    ] {
        w.fixture(f, &format!("c/{f}"));
    }
    assert_eq!(w.run(&["ingest", "inbox/c"]).code, 0);
    w
}

fn json_rows(w: &Workdir, args: &[&str]) -> Vec<Map<String, Value>> {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let run = w.run(&all);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout))
}

fn query(w: &Workdir, name: &str, params: &[&str]) -> Vec<Map<String, Value>> {
    let mut args = vec!["query", name];
    for p in params {
        args.extend(["--param", p]);
    }
    json_rows(w, &args)
}

fn find<'a>(rows: &'a [Map<String, Value>], key: &str, value: &str) -> &'a Map<String, Value> {
    rows.iter()
        .find(|r| v(r, key) == json!(value))
        .unwrap_or_else(|| panic!("no row with {key} = {value}"))
}

#[test]
fn views_see_current_reports_and_keep_superseded_ones() {
    let w = fixture_lake();
    let rows = json_rows(
        &w,
        &[
            "sql",
            "SELECT (SELECT COUNT(*) FROM activities) AS current_items, (SELECT SUM(quantity) FROM activities) AS quantity, (SELECT COUNT(*) FROM activities_all) AS all_items, (SELECT COUNT(*) FROM submissions) AS submissions, (SELECT COUNT(*) FROM rejects) AS rejects",
        ],
    );
    assert_eq!(rows[0], json!({"current_items": 11, "quantity": 18, "all_items": 14, "submissions": 6, "rejects": 3}).as_object().unwrap().clone());
}

#[test]
fn coverage_by_theme_has_the_hand_computed_figures() {
    let w = fixture_lake();
    let rows = query(&w, "coverage_by_theme", &["year=2023"]);
    let order: Vec<Value> = rows.iter().map(|r| v(r, "theme_code")).collect();
    assert_eq!(
        order,
        vec![
            json!("religion"),
            json!("general"),
            json!("trafficking"),
            json!("ethnic"),
            json!("commitments"),
            json!("labour")
        ]
    );
    let e = find(&rows, "theme_code", "ethnic");
    assert_eq!(
        (
            v(e, "items"),
            v(e, "quantity"),
            v(e, "reach"),
            v(e, "units"),
            v(e, "share_pct")
        ),
        (json!(3), json!(3), json!(2850), json!(3), json!(16.7))
    );
    let r = find(&rows, "theme_code", "religion");
    assert_eq!(
        (
            v(r, "items"),
            v(r, "quantity"),
            v(r, "reach"),
            v(r, "units"),
            v(r, "share_pct")
        ),
        (json!(2), json!(5), json!(1500), json!(2), json!(27.8))
    );
    assert_eq!(v(r, "theme"), json!("Quyền tự do tín ngưỡng, tôn giáo"));
    // the default year is 2023
    assert_eq!(query(&w, "coverage_by_theme", &[]), rows);
    // another year has no activities: every theme listed with zeros
    let empty = query(&w, "coverage_by_theme", &["year=2024"]);
    assert_eq!(empty.len(), 6);
    assert!(
        empty
            .iter()
            .all(|r| v(r, "quantity") == json!(0) && v(r, "share_pct").is_null())
    );
}

#[test]
fn coverage_by_subtheme_form_and_language() {
    let w = fixture_lake();
    let subs = query(&w, "coverage_by_subtheme", &[]);
    assert_eq!(subs.len(), 16);
    let h = find(&subs, "subtheme_code", "commitments.hrc_term");
    assert_eq!(
        (v(h, "items"), v(h, "quantity"), v(h, "reach")),
        (json!(1), json!(1), json!(8000))
    );
    assert_eq!(
        v(
            find(&subs, "subtheme_code", "ethnic.education_health"),
            "reach"
        ),
        json!(350)
    );
    assert_eq!(
        subs.iter()
            .map(|r| v(r, "items").as_i64().unwrap())
            .sum::<i64>(),
        2
    );

    let forms = query(&w, "coverage_by_form", &["year=2023"]);
    assert_eq!(forms.len(), 14);
    let news = &forms[0];
    assert_eq!(
        (
            v(news, "form_code"),
            v(news, "items"),
            v(news, "quantity"),
            v(news, "reach"),
            v(news, "units"),
            v(news, "share_pct")
        ),
        (
            json!("news"),
            json!(3),
            json!(7),
            json!(1234),
            json!(2),
            json!(38.9)
        )
    );
    assert_eq!(
        forms
            .iter()
            .map(|r| v(r, "quantity").as_i64().unwrap())
            .sum::<i64>(),
        18
    );

    let langs = query(&w, "language_coverage", &[]);
    let vi = &langs[0];
    assert_eq!(
        (
            v(vi, "language_code"),
            v(vi, "items"),
            v(vi, "quantity"),
            v(vi, "reach"),
            v(vi, "duration_min"),
            v(vi, "units")
        ),
        (
            json!("vi"),
            json!(8),
            json!(12),
            json!(21850),
            json!(2.5),
            json!(5)
        )
    );
    let thai = find(&langs, "language_code", "thai");
    assert_eq!(
        (
            v(thai, "items"),
            v(thai, "quantity"),
            v(thai, "reach"),
            v(thai, "duration_min")
        ),
        (json!(2), json!(3), json!(3734), json!(15.0))
    );
    assert_eq!(
        v(find(&langs, "language_code", "hmong"), "quantity"),
        json!(3)
    );
    assert_eq!(v(find(&langs, "language_code", "khmu"), "items"), json!(0));
}

#[test]
fn coverage_by_unit_shows_every_unit_with_zero_cells() {
    let w = fixture_lake();
    let rows = query(&w, "coverage_by_unit", &["year=2023"]);
    // 49 units of 2023, each once per theme of the reference data
    assert_eq!(rows.len(), 49 * 6);
    let cell = |unit: &str, theme: &str| {
        let row = rows
            .iter()
            .find(|r| r["unit_code"] == json!(unit) && r["theme_code"] == json!(theme))
            .unwrap_or_else(|| panic!("no row for {unit} and {theme}"));
        (row["quantity"].clone(), row["unit_total"].clone())
    };
    let tg: Vec<_> = [
        "religion",
        "ethnic",
        "trafficking",
        "labour",
        "commitments",
        "general",
    ]
    .iter()
    .map(|t| cell("pvhtt-tuan-giao", t))
    .collect();
    assert_eq!(
        tg,
        [1, 1, 2, 0, 0, 3]
            .iter()
            .map(|q| (json!(q), json!(7)))
            .collect::<Vec<_>>()
    );
    assert_eq!(cell("so-noi-vu", "general"), (json!(0), json!(0)));
    assert_eq!(cell("ttxvn-dien-bien", "religion").0, json!(4));
}

#[test]
fn coverage_by_peak_compares_inside_and_outside_each_window() {
    let w = fixture_lake();
    let rows = query(&w, "coverage_by_peak", &["year=2023"]);
    assert_eq!(rows.len(), 10);
    let pick = |peak: &str, theme: &str| {
        rows.iter()
            .find(|r| v(r, "peak_code") == json!(peak) && v(r, "theme_code") == json!(theme))
            .unwrap()
            .clone()
    };
    let cerd = pick("cerd", "ethnic");
    assert_eq!(
        (
            v(&cerd, "months_inside"),
            v(&cerd, "quantity_inside"),
            v(&cerd, "quantity_outside"),
            v(&cerd, "rate_inside"),
            v(&cerd, "rate_outside"),
            v(&cerd, "lift")
        ),
        (
            json!(5),
            json!(2),
            json!(1),
            json!(0.4),
            json!(0.14),
            json!(2.8)
        )
    );
    let general = pick("iccpr", "general");
    assert_eq!(
        (
            v(&general, "quantity_inside"),
            v(&general, "quantity_outside"),
            v(&general, "rate_inside"),
            v(&general, "lift")
        ),
        (json!(3), json!(1), json!(1.0), json!(9.0))
    );
    let religion = pick("iccpr", "religion");
    assert_eq!(
        (
            v(&religion, "quantity_inside"),
            v(&religion, "rate_inside"),
            v(&religion, "rate_outside"),
            v(&religion, "lift")
        ),
        (json!(5), json!(1.67), json!(0.0), Value::Null)
    );
    let upr = pick("upr", "general");
    assert_eq!(
        (
            v(&upr, "months_inside"),
            v(&upr, "quantity_inside"),
            v(&upr, "rate_outside"),
            v(&upr, "lift")
        ),
        (json!(12), json!(4), Value::Null, Value::Null)
    );
    assert_eq!(v(&upr, "start_date"), json!("2023-01-01"));
    // the table an analyst reads
    let run = w.run(&["query", "coverage_by_peak", "--param", "year=2023"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("| peak_code  | peak"), "{}", run.stdout);
    assert!(run.stdout.contains("10 rows"), "{}", run.stdout);
}

#[test]
fn reporting_status_and_rate_the_dhis2_way() {
    let w = fixture_lake();
    let status = query(&w, "reporting_status", &["year=2023"]);
    assert_eq!(status.len(), 119);
    let count = |s: &str| status.iter().filter(|r| v(r, "status") == json!(s)).count();
    assert_eq!(
        (count("on_time"), count("late"), count("missing")),
        (4, 1, 114)
    );
    let tg = status
        .iter()
        .find(|r| {
            v(r, "unit_code") == json!("pvhtt-tuan-giao") && v(r, "period") == json!("2023-07")
        })
        .unwrap();
    // the correction arrived on 07-12, but the first receipt (07-10) counts
    assert_eq!(
        (v(tg, "received_at"), v(tg, "due_date"), v(tg, "status")),
        (json!("2023-07-10"), json!("2023-07-15"), json!("on_time"))
    );
    let yte = status
        .iter()
        .find(|r| v(r, "unit_code") == json!("so-y-te"))
        .unwrap();
    assert_eq!(
        (v(yte, "status"), v(yte, "days_late")),
        (json!("late"), json!(1))
    );

    let rate = query(&w, "reporting_rate", &["year=2023"]);
    let row = |pk: &str, uk: &str| {
        rate.iter()
            .find(|r| v(r, "period_kind") == json!(pk) && v(r, "unit_kind") == json!(uk))
            .unwrap()
            .clone()
    };
    let all = row("all", "all");
    assert_eq!(
        (
            v(&all, "expected"),
            v(&all, "received"),
            v(&all, "on_time"),
            v(&all, "late"),
            v(&all, "missing"),
            v(&all, "reporting_rate_pct"),
            v(&all, "on_time_rate_pct")
        ),
        (
            json!(119),
            json!(5),
            json!(4),
            json!(1),
            json!(114),
            json!(4.2),
            json!(3.4)
        )
    );
    let annual = row("annual", "all");
    assert_eq!(
        (
            v(&annual, "expected"),
            v(&annual, "received"),
            v(&annual, "reporting_rate_pct"),
            v(&annual, "on_time_rate_pct")
        ),
        (json!(49), json!(3), json!(6.1), json!(4.1))
    );
    let dep = row("annual", "department");
    assert_eq!(
        (
            v(&dep, "expected"),
            v(&dep, "received"),
            v(&dep, "on_time"),
            v(&dep, "reporting_rate_pct")
        ),
        (json!(22), json!(1), json!(0), json!(4.5))
    );
    let monthly = row("monthly", "culture_office");
    assert_eq!(
        (
            v(&monthly, "expected"),
            v(&monthly, "received"),
            v(&monthly, "on_time_rate_pct")
        ),
        (json!(70), json!(2), json!(2.9))
    );
    assert_eq!(
        v(&row("annual", "central_press"), "reporting_rate_pct"),
        json!(20.0)
    );
}

#[test]
fn gaps_lists_silent_units_missing_themes_and_silent_offices() {
    let w = fixture_lake();
    let rows = query(&w, "gaps", &["year=2023"]);
    let count = |g: &str| rows.iter().filter(|r| v(r, "gap") == json!(g)).count();
    assert_eq!(
        (
            count("unit_silent_all_year"),
            count("unit_without_theme"),
            count("peak_without_theme"),
            count("office_silent")
        ),
        (44, 19, 0, 11)
    );
    let ttxvn: Vec<Value> = rows
        .iter()
        .filter(|r| v(r, "subject") == json!("ttxvn-dien-bien"))
        .map(|r| v(r, "detail"))
        .collect();
    assert_eq!(
        ttxvn,
        vec![
            json!("commitments"),
            json!("ethnic"),
            json!("general"),
            json!("labour"),
            json!("trafficking")
        ]
    );
    let silent: Vec<(Value, Value, Value)> = rows
        .iter()
        .filter(|r| {
            v(r, "gap") == json!("office_silent")
                && (v(r, "subject") == json!("pvhtt-muong-cha")
                    || v(r, "subject") == json!("pvhtt-tuan-giao"))
        })
        .map(|r| (v(r, "subject"), v(r, "detail"), v(r, "months")))
        .collect();
    assert_eq!(
        silent,
        vec![
            (
                json!("pvhtt-muong-cha"),
                json!("2023-06 .. 2023-07"),
                json!(2)
            ),
            (
                json!("pvhtt-muong-cha"),
                json!("2023-09 .. 2023-12"),
                json!(4)
            ),
            (
                json!("pvhtt-tuan-giao"),
                json!("2023-08 .. 2023-12"),
                json!(5)
            ),
        ]
    );
}

#[test]
fn gaps_inside_peak_windows() {
    let w = Workdir::new();
    w.fixture("so-y-te_2023.json", "so-y-te_2023.json");
    assert_eq!(w.run(&["ingest", "inbox"]).code, 0);
    let rows = query(&w, "gaps", &["year=2023"]);
    let peaks: Vec<(Value, Value)> = rows
        .iter()
        .filter(|r| v(r, "gap") == json!("peak_without_theme"))
        .map(|r| (v(r, "subject"), v(r, "detail")))
        .collect();
    let want = [
        ("cat", "commitments"),
        ("cat", "general"),
        ("cerd", "ethnic"),
        ("hrc_udhr75", "commitments"),
        ("iccpr", "ethnic"),
        ("iccpr", "general"),
        ("iccpr", "religion"),
        ("upr", "commitments"),
    ];
    assert_eq!(
        peaks,
        want.iter()
            .map(|(p, t)| (json!(p), json!(t)))
            .collect::<Vec<_>>()
    );
}

#[test]
fn monthly_trend_top_works_and_rejects_summary() {
    let w = fixture_lake();
    let trend = query(&w, "monthly_trend", &["year=2023"]);
    assert_eq!(trend.len(), 72);
    let july_religion = trend
        .iter()
        .find(|r| v(r, "month") == json!(7) && v(r, "theme_code") == json!("religion"))
        .unwrap();
    assert_eq!(
        (
            v(july_religion, "period"),
            v(july_religion, "items"),
            v(july_religion, "quantity"),
            v(july_religion, "reach")
        ),
        (json!("2023-07"), json!(2), json!(5), json!(1500))
    );
    let january: i64 = trend
        .iter()
        .filter(|r| v(r, "month") == json!(1))
        .map(|r| v(r, "quantity").as_i64().unwrap())
        .sum();
    assert_eq!(january, 0);
    assert_eq!(
        trend
            .iter()
            .map(|r| v(r, "quantity").as_i64().unwrap())
            .sum::<i64>(),
        18
    );

    let top = query(&w, "top_works", &["year=2023", "limit=1"]);
    let got: Vec<(Value, Value)> = top
        .iter()
        .map(|r| (v(r, "theme_code"), v(r, "reach")))
        .collect();
    assert_eq!(
        got,
        vec![
            (json!("commitments"), json!(8000)),
            (json!("ethnic"), json!(2500)),
            (json!("labour"), json!(12000)),
            (json!("religion"), json!(1500)),
            (json!("trafficking"), json!(1234)),
        ]
    );
    let ethnic: Vec<Value> = query(&w, "top_works", &[])
        .iter()
        .filter(|r| v(r, "theme_code") == json!("ethnic"))
        .map(|r| v(r, "reach"))
        .collect();
    assert_eq!(ethnic, vec![json!(2500), json!(350)]);

    let rejects = query(&w, "rejects_summary", &[]);
    assert_eq!(
        rejects.len(),
        2,
        "the superseded report's refused row is no longer to follow up: {rejects:?}"
    );
    assert_eq!(
        (v(&rejects[0], "unit_code"), v(&rejects[0], "files_refused")),
        (json!("(unknown unit)"), json!(1))
    );
    assert_eq!(
        (v(&rejects[0], "reason_code"), v(&rejects[0], "reason_kind")),
        (
            json!("unit.missing"),
            json!("The file does not say which unit sent it.")
        )
    );
    assert_eq!(
        v(&rejects[0], "example_reason"),
        json!(
            "The file does not say which unit sent it: add a line 'Đơn vị: <unit name>' above the table, a 'Đơn vị' column, name the file <unit_code>_<period>.csv (e.g. pvhtt-tuan-giao_2023-07.csv), or pass --unit."
        )
    );
    assert_eq!(
        (
            v(&rejects[1], "unit_code"),
            v(&rejects[1], "reason_code"),
            v(&rejects[1], "rows_refused")
        ),
        (json!("ttxvn-dien-bien"), json!("theme.ambiguous"), json!(1))
    );
}
