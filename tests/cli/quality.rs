//! Data quality (the contract's section 8: flag, never refuse, never pass
//! in silence) on a small lake whose figures are chosen so that every
//! statistic is computed by hand: the outliers query's z-scores and
//! modified z-scores, the unit kind's baseline where a unit's own is too
//! short, min-max bounds from a reference folder's `bounds.csv`, each
//! shipped validation rule firing and not firing, a file's totals row that
//! agrees and one that does not, `data_quality` listing every finding, the
//! trend alert, and the Word report's follow-up table read back with
//! python-docx. Every figure stays stored.

use serde_json::{Map, Value, json};

use super::support::{Workdir, python_json, v};

/// Sở Y tế's twelve meetings: eleven reach 100 to 200, one reaches 15,000
/// (150 typed with two zeros too many). By hand: mean 16,600 / 12 =
/// 1,383.33; population variance (225,244,000 / 12) - 1,383.33^2 =
/// 16,856,722.2, standard deviation 4,105.69; z of 15,000 =
/// 13,616.67 / 4,105.69 = 3.3165, of the others at most 0.313. Sorted,
/// the median is (140 + 160) / 2 = 150; the deviations from it sorted are
/// 10 10 10 10 30 30 30 30 50 50 50 14,850, so the MAD is 30 and the
/// modified z-score of 15,000 is 0.6745 x 14,850 / 30 = 333.88 (of 200:
/// 1.12).
const SO_Y_TE: [i64; 12] = [
    100, 120, 140, 160, 180, 200, 100, 120, 140, 160, 180, 15_000,
];

fn meetings(unit: &str, received: &str, reaches: &[i64], more: &[Value]) -> Vec<u8> {
    let mut items: Vec<Value> = reaches
        .iter()
        .enumerate()
        .map(|(i, r)| {
            json!({"date": format!("2023-{:02}-10", i % 10 + 1), "theme": "general",
                   "form": "Hội nghị", "title": format!("Hội nghị {}", i + 1),
                   "quantity": 1, "reach": r})
        })
        .collect();
    items.extend(more.iter().cloned());
    serde_json::to_vec(
        &json!({"unit": unit, "period": "2023", "received_at": received, "items": items}),
    )
    .unwrap()
}

/// The lake: Sở Y tế's meetings; Sở Tư pháp's three meetings (150, 160,
/// 170: too few for its own baseline), a news item with a duration and a
/// radio programme with one; Tuần Giáo's July report (quantity 2 + 3 + 2
/// = 7, its totals row says 9) and annual report (quantity 5, less than
/// July's 7); Mường Chà's August report (3, its totals row says 3) and
/// annual report (4, not less than 3).
fn quality_lake() -> Workdir {
    let w = Workdir::new();
    w.write(
        "inbox/a/so-y-te_2023.json",
        &meetings("Sở Y tế", "2023-11-01", &SO_Y_TE, &[]),
    );
    let extra = [
        json!({"date": "2023-11-20", "theme": "general", "form": "Tin", "title": "Tin có thời lượng",
               "quantity": 1, "duration": 30}),
        json!({"date": "2023-12-20", "theme": "general", "form": "Chương trình phát thanh",
               "title": "Chương trình phát thanh", "quantity": 1, "duration": 15}),
    ];
    w.write(
        "inbox/a/so-tu-phap_2023.json",
        &meetings("Sở Tư pháp", "2023-12-28", &[150, 160, 170], &extra),
    );
    let annual = |unit: &str, received: &str, quantities: &[i64]| {
        let items: Vec<Value> = quantities
            .iter()
            .enumerate()
            .map(|(i, q)| {
                json!({"date": format!("2023-0{}-05", i + 2), "theme": "ethnic",
                       "form": "Tuyên truyền lưu động", "title": "Tuyên truyền", "quantity": q})
            })
            .collect();
        serde_json::to_vec(
            &json!({"unit": unit, "period": "2023", "received_at": received, "items": items}),
        )
        .unwrap()
    };
    w.write(
        "inbox/a/pvhtt-tuan-giao_2023.json",
        &annual(
            "Phòng Văn hóa - Thông tin huyện Tuần Giáo",
            "2023-11-03",
            &[2, 3],
        ),
    );
    w.write(
        "inbox/a/pvhtt-muong-cha_2023.json",
        &annual(
            "Phòng Văn hóa - Thông tin huyện Mường Chà",
            "2023-11-03",
            &[4],
        ),
    );
    assert_eq!(w.run(&["ingest", "inbox/a"]).code, 0);
    let header = "Ngày,Chủ đề,Hình thức,Tên tin bài,Số lượng\n";
    w.write(
        "inbox/b/pvhtt-tuan-giao_2023-07.csv",
        format!(
            "{header}03/07/2023,ethnic,Tin,Tin một,2\n05/07/2023,ethnic,Tin,Tin hai,3\n\
             10/07/2023,ethnic,Tin,Tin ba,2\nTổng cộng,,,,9\n"
        )
        .as_bytes(),
    );
    w.write(
        "inbox/c/pvhtt-muong-cha_2023-08.csv",
        format!("{header}03/08/2023,ethnic,Tin,Tin một,1\n07/08/2023,ethnic,Tin,Tin hai,2\nTổng cộng,,,,3\n")
            .as_bytes(),
    );
    w
}

fn rows(w: &Workdir, args: &[&str]) -> Vec<Map<String, Value>> {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let run = w.run(&all);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout))
}

/// `baocao query outliers` with `params` (`name=value`), its rows.
fn outliers(w: &Workdir, params: &[&str]) -> Vec<Map<String, Value>> {
    let mut args = vec!["query", "outliers"];
    for p in params {
        args.extend(["--param", p]);
    }
    rows(w, &args)
}

fn num(r: &Map<String, Value>, key: &str) -> f64 {
    v(r, key)
        .as_f64()
        .unwrap_or_else(|| panic!("{key}: {:?}", v(r, key)))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6 * b.abs().max(1.0)
}

/// The ingest of the two monthly reports: the disagreeing total is named
/// in the per-file summary, and nothing is refused for it.
fn ingest_monthly(w: &Workdir) -> (String, String) {
    let b = w.run(&["ingest", "inbox/b", "--received-at", "2023-07-12"]);
    assert_eq!(b.code, 0, "{}", b.stderr);
    let c = w.run(&["ingest", "inbox/c", "--received-at", "2023-08-14"]);
    assert_eq!(c.code, 0, "{}", c.stderr);
    (b.stdout + &b.stderr, c.stdout + &c.stderr)
}

#[test]
fn the_typed_wrong_reach_is_flagged_by_both_algorithms_and_nothing_else() {
    let w = quality_lake();
    ingest_monthly(&w);
    let z = outliers(&w, &["algorithm=z"]);
    assert_eq!(z.len(), 1, "{z:?}");
    let r = &z[0];
    assert_eq!(v(r, "unit_code"), json!("so-y-te"));
    assert_eq!(v(r, "form_code"), json!("meeting"));
    assert_eq!(v(r, "baseline"), json!("unit"));
    assert_eq!(v(r, "baseline_n"), json!(12));
    assert_eq!(num(r, "value"), 15_000.0);
    assert!(close(num(r, "mean"), 16_600.0 / 12.0));
    assert!((num(r, "std_dev") - 4_105.693_9).abs() < 1e-3, "{r:?}");
    assert_eq!(num(r, "z_score"), 3.32);
    assert_eq!(num(r, "median"), 150.0);
    assert_eq!(num(r, "mad"), 30.0);
    assert_eq!(num(r, "modified_z_score"), 333.88);
    assert!((num(r, "upper_bound") - (16_600.0 / 12.0 + 3.0 * 4_105.693_9)).abs() < 1e-2);
    assert_eq!(v(r, "title"), json!("Hội nghị 12"));
    assert_eq!(v(r, "algorithm"), json!("z"));
    assert!(
        v(r, "source_file")
            .as_str()
            .unwrap()
            .ends_with("so-y-te_2023.json")
    );

    let m = outliers(&w, &[]);
    assert_eq!(m.len(), 1, "{m:?}");
    let r = &m[0];
    assert_eq!(v(r, "algorithm"), json!("mod_z"));
    assert_eq!(num(r, "value"), 15_000.0);
    // median -+ 3 x MAD / 0.6745
    // (rounded to 4 decimals)
    assert!((num(r, "lower_bound") - (150.0 - 90.0 / 0.6745)).abs() < 1e-4);
    assert!((num(r, "upper_bound") - (150.0 + 90.0 / 0.6745)).abs() < 1e-4);

    // a threshold above the z-score flags nothing; a decimal one, written
    // as Vietnamese write it, is read
    assert!(outliers(&w, &["algorithm=z", "threshold=3,4"]).is_empty());
    assert_eq!(outliers(&w, &["algorithm=z", "threshold=3.3"]).len(), 1);
}

#[test]
fn the_lake_as_of_a_day_is_judged_on_what_it_held_that_day() {
    let w = quality_lake();
    // Sở Y tế's report came in on 1 November: on 31 October nothing to judge
    let before = outliers(&w, &["as_of=2023-10-31"]);
    assert!(before.is_empty(), "{before:?}");
    let after = outliers(&w, &["as_of=2023-11-30"]);
    assert_eq!(after.len(), 1, "{after:?}");
    assert_eq!(num(&after[0], "modified_z_score"), 333.88);
}

#[test]
fn a_unit_with_too_little_history_is_judged_against_its_kind() {
    let w = quality_lake();
    // Sở Tư pháp's 150, 160 and 170 beside Sở Y tế's twelve: the fifteen
    // departments' meetings sorted have median 160 (the 8th); deviations
    // sorted 0 0 0 10 10 20 20 20 20 40 40 40 60 60 14,840: MAD 20; 150
    // and 170 score 0.6745 x 10 / 20 = 0.34
    let r = outliers(&w, &["threshold=0.3", "min_history=12"]);
    let tu_phap: Vec<_> = r
        .iter()
        .filter(|r| v(r, "unit_code") == json!("so-tu-phap"))
        .collect();
    let values: Vec<f64> = tu_phap.iter().map(|r| num(r, "value")).collect();
    assert_eq!(values, [150.0, 170.0], "{tu_phap:?}");
    for r in tu_phap {
        assert_eq!(v(r, "baseline"), json!("unit_kind"));
        assert_eq!(v(r, "baseline_n"), json!(15));
        assert_eq!((num(r, "median"), num(r, "mad")), (160.0, 20.0));
        assert_eq!(num(r, "modified_z_score"), 0.34);
    }
}

#[test]
fn min_max_reads_the_bounds_of_the_reference_folder() {
    let w = quality_lake();
    let bundled = outliers(&w, &["algorithm=min_max"]);
    // the bundled bounds: a meeting reaches 1 to 5,000 people
    assert_eq!(bundled.len(), 1, "{bundled:?}");
    assert_eq!(
        (
            num(&bundled[0], "lower_bound"),
            num(&bundled[0], "upper_bound")
        ),
        (1.0, 5_000.0)
    );
    w.bundled_reference("ref");
    w.write(
        "ref/bounds.csv",
        b"field,form_code,unit_kind,min,max\nreach,meeting,department,110,190\n",
    );
    let min_max_ref = [
        "query",
        "outliers",
        "--param",
        "algorithm=min_max",
        "--reference",
        "ref",
    ];
    let own = rows(&w, &min_max_ref);
    let mut values: Vec<f64> = own.iter().map(|r| num(r, "value")).collect();
    values.sort_by(f64::total_cmp);
    assert_eq!(values, [100.0, 100.0, 200.0, 15_000.0], "{own:?}");
    assert!(
        own.iter()
            .all(|r| num(r, "lower_bound") == 110.0 && num(r, "upper_bound") == 190.0)
    );
    // a bound that cannot be read names its file, line and field
    w.write(
        "ref/bounds.csv",
        b"field,form_code,unit_kind,min,max\nreach,meeting,department,190,110\n",
    );
    let bad = w.run(&min_max_ref);
    assert_eq!(bad.code, 1);
    assert!(
        bad.stderr.contains("bounds.csv") && bad.stderr.contains("190"),
        "{}",
        bad.stderr
    );
}

#[test]
fn an_unknown_algorithm_is_refused_with_the_ones_there_are() {
    let w = quality_lake();
    let run = w.run(&["query", "outliers", "--param", "algorithm=modz"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("'modz'") && run.stderr.contains("z, mod_z, min_max"),
        "{}",
        run.stderr
    );
    let run = w.run(&["query", "outliers", "--param", "threshold=ba"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("threshold"), "{}", run.stderr);
    // a threshold of 0 would flag every figure, a baseline of 0 years none
    let run = w.run(&["query", "outliers", "--param", "threshold=0"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("the parameter threshold must be above 0, not '0'"),
        "{}",
        run.stderr
    );
    let run = w.run(&["query", "data_quality", "--param", "baseline_years=0"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("the parameter baseline_years must be at least 1, not '0'"),
        "{}",
        run.stderr
    );
}

#[test]
fn every_finding_is_listed_once_and_every_figure_stays_stored() {
    let w = quality_lake();
    let (tuan_giao, muong_cha) = ingest_monthly(&w);
    // the per-file summary names the total that disagrees, in English too
    assert!(
        tuan_giao.contains("9") && tuan_giao.contains("7"),
        "{tuan_giao}"
    );
    assert!(tuan_giao.contains("Tổng cộng"), "{tuan_giao}");
    assert!(!muong_cha.contains("Tổng cộng"), "{muong_cha}");

    let found = rows(&w, &["query", "data_quality"]);
    let mut kinds: Vec<(String, String, String)> = found
        .iter()
        .map(|r| {
            (
                v(r, "kind").as_str().unwrap().to_string(),
                v(r, "check_code").as_str().unwrap().to_string(),
                v(r, "unit_code").as_str().unwrap().to_string(),
            )
        })
        .collect();
    kinds.sort();
    let want = [
        ("outlier", "mod_z", "so-y-te"),
        ("rule", "annual_covers_monthly", "pvhtt-tuan-giao"),
        ("rule", "duration_broadcast_only", "so-tu-phap"),
        ("rule", "meeting_reach_bound", "so-y-te"),
        ("total_mismatch", "quantity", "pvhtt-tuan-giao"),
    ]
    .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()));
    assert_eq!(kinds, want, "{found:?}");
    let by = |check: &str| {
        found
            .iter()
            .find(|r| v(r, "check_code") == json!(check))
            .unwrap()
    };
    let total = by("quantity");
    assert_eq!((num(total, "value"), num(total, "expected")), (9.0, 7.0));
    assert_eq!(v(total, "source_row"), json!(5));
    assert_eq!(v(total, "period"), json!("2023-07"));
    assert!(
        total["detail"]
            .as_str()
            .unwrap()
            .contains("states a quantity of 9, but the 3 items above it add up to 7")
    );
    let annual = by("annual_covers_monthly");
    assert_eq!((num(annual, "value"), num(annual, "expected")), (5.0, 7.0));
    let bound = by("meeting_reach_bound");
    assert_eq!(
        (num(bound, "value"), num(bound, "expected")),
        (15_000.0, 5_000.0)
    );
    let duration = by("duration_broadcast_only");
    assert_eq!(v(duration, "item"), json!("Tin có thời lượng"));
    assert!(
        duration["detail"]
            .as_str()
            .unwrap()
            .starts_with("does not meet the rule: A duration")
    );

    // as an official reads them: in Vietnamese
    let vi = w.run_vi(&["query", "data_quality", "--format", "json"]);
    assert!(
        vi.stdout
            .contains("chưa đúng yêu cầu: Thời lượng (phút) chỉ có ở chương trình"),
        "{}",
        vi.stdout
    );
    assert!(
        vi.stdout
            .contains("ghi số lượng là 9, nhưng cộng 3 mục phía trên được 7")
    );

    // nothing refused, every figure as read
    let subs = rows(
        &w,
        &[
            "sql",
            "SELECT SUM(rows_rejected) AS r, COUNT(*) AS n FROM submissions",
        ],
    );
    assert_eq!((v(&subs[0], "r"), v(&subs[0], "n")), (json!(0), json!(6)));
    let stored = rows(
        &w,
        &["sql", "SELECT reach FROM activities WHERE reach = 15000"],
    );
    assert_eq!(stored.len(), 1);
    let totals = rows(
        &w,
        &[
            "sql",
            "SELECT stated, items_sum, agrees FROM file_totals ORDER BY stated",
        ],
    );
    assert_eq!(
        totals,
        [
            json!({"stated": 3, "items_sum": 3, "agrees": true}),
            json!({"stated": 9, "items_sum": 7, "agrees": false})
        ]
        .map(|v| v.as_object().unwrap().clone())
    );
}

#[test]
fn the_trend_alerts_name_the_flagged_figure() {
    let w = quality_lake();
    let alerts = rows(
        &w,
        &["query", "trend_alerts", "--param", "as_of=2023-12-31"],
    );
    let outliers: Vec<_> = alerts
        .iter()
        .filter(|r| v(r, "kind") == json!("outlier"))
        .collect();
    assert_eq!(outliers.len(), 1, "{alerts:?}");
    assert_eq!(v(outliers[0], "subject"), json!("so-y-te"));
    assert_eq!(v(outliers[0], "since"), json!("2023-11-01"));
    assert!(
        outliers[0]["detail"]
            .as_str()
            .unwrap()
            .contains("The reach 15,000 in "),
        "{alerts:?}"
    );
    // before the report came in, nothing
    let before = rows(
        &w,
        &["query", "trend_alerts", "--param", "as_of=2023-10-31"],
    );
    assert!(before.iter().all(|r| v(r, "kind") != json!("outlier")));
}

const READ_TABLES: &str = r#"
import json, sys, docx
d = docx.Document(sys.argv[1])
print(json.dumps([[[c.text for c in r.cells] for r in t.rows] for t in d.tables]))
"#;

#[test]
fn the_word_report_lists_the_findings_and_marks_the_award_candidate() {
    let w = quality_lake();
    ingest_monthly(&w);
    let run = w.run_vi(&["summary", "--year", "2023", "--out", "out"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let script = READ_TABLES.replace("sys.argv[1]", "\"out/bao-cao-2023.docx\"");
    let Some(tables) = python_json(w.dir.path(), "docx", &script) else {
        return; // python_json said loudly why (never under CI=true)
    };
    let tables = tables.as_array().unwrap();
    let find = |heading: &str| {
        tables
            .iter()
            .find(|t| t[0].as_array().unwrap().iter().any(|c| c == heading))
            .unwrap_or_else(|| panic!("no table headed {heading}: {tables:?}"))
            .as_array()
            .unwrap()
    };
    let follow_up = find("Loại vấn đề");
    assert_eq!(
        follow_up[0],
        json!([
            "Loại vấn đề",
            "Đơn vị",
            "Kỳ",
            "Tệp",
            "Dòng",
            "Nội dung",
            "Chi tiết"
        ])
    );
    assert_eq!(follow_up.len(), 6, "{follow_up:?}");
    let mismatch = follow_up
        .iter()
        .find(|r| r[0] == "Dòng tổng không khớp")
        .expect("the totals row");
    assert_eq!(mismatch[2], "07/2023");
    assert_eq!(mismatch[3], "pvhtt-tuan-giao_2023-07.csv");
    assert_eq!(mismatch[4], "5");
    let said = mismatch[6].as_str().unwrap();
    assert!(said.contains("là 9") && said.contains("được 7"), "{said}");
    assert!(
        follow_up
            .iter()
            .filter(|r| r[0] == "Chưa đúng quy tắc kiểm tra")
            .count()
            == 3
    );
    // the award candidates: the 15,000 meeting tops its theme, marked
    let awards = find("Cần kiểm tra");
    let top = awards
        .iter()
        .find(|r| r.as_array().unwrap().iter().any(|c| c == "Hội nghị 12"))
        .unwrap();
    assert!(
        top.as_array()
            .unwrap()
            .last()
            .unwrap()
            .as_str()
            .unwrap()
            .starts_with("cần kiểm tra:")
    );
    let plain = awards
        .iter()
        .find(|r| r.as_array().unwrap().iter().any(|c| c == "Hội nghị 6"))
        .unwrap();
    assert_eq!(plain.as_array().unwrap().last().unwrap(), "");
}

#[test]
fn a_rule_may_name_exactly_the_columns_of_its_scope_view() {
    let w = quality_lake();
    for (scope, columns) in baocao::reference::quality::SCOPE_COLUMNS {
        let view = match scope {
            "item" => "rule_items",
            "submission" => "rule_submissions",
            _ => "rule_unit_years",
        };
        let run = w.run(&[
            "sql",
            &format!("SELECT * FROM {view} LIMIT 0"),
            "--format",
            "csv",
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let header: Vec<&str> = run.stdout.lines().next().unwrap().split(',').collect();
        assert_eq!(header, columns, "{view}");
    }
}

#[test]
fn where_most_figures_are_equal_the_mean_absolute_deviation_stands_in() {
    // 23 meetings reach 100, one 1,000: the median is 100 and so is more
    // than half, so the MAD is 0; the mean absolute deviation from the
    // median is 900 / 24 = 37.5, and the modified z-score of 1,000 is
    // 900 / (1.253314 x 37.5) = 19.15 (Iglewicz and Hoaglin)
    let w = Workdir::new();
    let mut reaches = vec![100; 23];
    reaches.push(1_000);
    w.write(
        "inbox/so-y-te_2023.json",
        &meetings("Sở Y tế", "2023-11-01", &reaches, &[]),
    );
    assert_eq!(w.run(&["ingest", "inbox"]).code, 0);
    let found = outliers(&w, &[]);
    assert_eq!(found.len(), 1, "{found:?}");
    let r = &found[0];
    assert_eq!((num(r, "value"), num(r, "mad")), (1_000.0, 0.0));
    assert_eq!(num(r, "modified_z_score"), 19.15);
    assert!((num(r, "upper_bound") - (100.0 + 3.0 * 1.253_314 * 37.5)).abs() < 1e-3);
}

#[test]
fn a_running_total_is_not_checked_against_the_rows_above() {
    let w = Workdir::new();
    w.write(
        "inbox/pvhtt-tuan-giao_2023-07.csv",
        "Ngày,Chủ đề,Hình thức,Tên tin bài,Số lượng\n03/07/2023,ethnic,Tin,Tin một,2\n\
         Cộng từ đầu năm,,,,40\nLũy kế,,,,40\nTổng cộng,,,,2\n"
            .as_bytes(),
    );
    let run = w.run(&["ingest", "inbox", "--received-at", "2023-07-12"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let totals = rows(
        &w,
        &["sql", "SELECT label, stated, agrees FROM file_totals"],
    );
    assert_eq!(
        totals,
        [json!({"label": "Tổng cộng", "stated": 2, "agrees": true})
            .as_object()
            .unwrap()
            .clone()]
    );
}
