//! The dated register of units (issue 15): completeness across a change of
//! units, refusals that name successors, reused names resolved by date,
//! coverage rolled up to the units of a chosen day, and the `reference`
//! commands. The figures are counted by hand from
//! `tests/fixtures/register/` (its README says what changes on 2024-07-01)
//! and from the bundled register's research (`scripts/`).

use serde_json::Value;

use crate::support::Workdir;

/// `ref/`: the fixture register at the top, and a 2024 campaign made of
/// the bundled 2023 files (peak windows moved to 2024) with the fixture's
/// obligations.
fn fixture_reference(w: &Workdir) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let fixture = root.join("tests/fixtures/register");
    for f in ["units.csv", "unit_lineage.csv"] {
        w.write(
            &format!("ref/{f}"),
            &std::fs::read(fixture.join(f)).unwrap(),
        );
    }
    for e in std::fs::read_dir(root.join("data/reference/2023")).unwrap() {
        let e = e.unwrap();
        let name = e.file_name().to_string_lossy().to_string();
        let text = match name.as_str() {
            "obligations.csv" => std::fs::read_to_string(fixture.join(&name)).unwrap(),
            "peak_periods.csv" => std::fs::read_to_string(e.path())
                .unwrap()
                .replace("2023-", "2024-"),
            _ => std::fs::read_to_string(e.path()).unwrap(),
        };
        w.write(&format!("ref/2024/{name}"), text.as_bytes());
    }
}

/// A CSV report from `unit` (as the file writes it) for `period`
/// (`Tháng 5/2024` or `Năm 2024`), sent on `sent` (dd/mm/yyyy), with one
/// row of `quantity` on `date`.
fn report(
    w: &Workdir,
    file: &str,
    unit: &str,
    period: &str,
    sent: &str,
    date: &str,
    quantity: u32,
) {
    let text = format!(
        "Đơn vị: {unit}\nKỳ báo cáo: {period}\nNgày gửi: {sent}\n\nNgày,Chủ đề,Hình thức,Tên tin bài,Số lượng\n{date},trafficking,Tin,Phòng chống mua bán người,{quantity}\n"
    );
    w.write(&format!("inbox/{file}"), text.as_bytes());
}

fn json(w: &Workdir, args: &[&str]) -> Vec<Value> {
    let run = w.run(args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout))
}

/// The rows of named query `name` with `params` (`year=2024`).
fn named(w: &Workdir, name: &str, params: &[&str], reference: &str) -> Vec<Value> {
    let mut args = vec!["query", name];
    for p in params {
        args.extend(["--param", p]);
    }
    args.extend([
        "--lake",
        "lake",
        "--reference",
        reference,
        "--format",
        "json",
    ]);
    json(w, &args)
}

/// expected, received, on time, late, missing of one `reporting_rate` row.
fn rate_row(rate: &[Value], period_kind: &str, unit_kind: &str) -> [i64; 5] {
    let r = rate
        .iter()
        .find(|r| r["period_kind"] == period_kind && r["unit_kind"] == unit_kind)
        .unwrap_or_else(|| panic!("no row {period_kind} {unit_kind}: {rate:?}"));
    ["expected", "received", "on_time", "late", "missing"].map(|c| r[c].as_i64().unwrap_or(-1))
}

fn sql(w: &Workdir, query: &str) -> Vec<Value> {
    json(
        w,
        &[
            "sql",
            query,
            "--lake",
            "lake",
            "--reference",
            "ref",
            "--format",
            "json",
        ],
    )
}

/// The reports of the fixture's 2024, ingested.
fn ingest_2024(w: &Workdir) {
    fixture_reference(w);
    // annual: the merged and the split units still report their half year
    report(
        w,
        "a.csv",
        "Sở A",
        "Năm 2024",
        "01/11/2024",
        "10/03/2024",
        3,
    );
    report(
        w,
        "b.csv",
        "Sở B",
        "Năm 2024",
        "01/11/2024",
        "11/03/2024",
        4,
    );
    report(
        w,
        "ab.csv",
        "Sở AB",
        "Năm 2024",
        "02/11/2024",
        "10/09/2024",
        5,
    );
    report(
        w,
        "s.csv",
        "Sở S",
        "Năm 2024",
        "03/11/2024",
        "12/03/2024",
        7,
    );
    report(
        w,
        "c.csv",
        "Sở C",
        "Năm 2024",
        "04/11/2024",
        "13/09/2024",
        2,
    );
    report(
        w,
        "x.csv",
        "Sở X",
        "Năm 2024",
        "08/11/2024",
        "14/09/2024",
        1,
    );
    // monthly: "Văn phòng M" is huyện M in May, xã M in July
    report(
        w,
        "m5.csv",
        "Văn phòng M",
        "Tháng 5/2024",
        "14/05/2024",
        "03/05/2024",
        1,
    );
    report(
        w,
        "p5.csv",
        "Phòng Văn hóa - Thông tin huyện M",
        "Tháng 5/2024",
        "20/05/2024",
        "04/05/2024",
        1,
    );
    report(
        w,
        "p6.csv",
        "Phòng Văn hóa - Thông tin huyện M",
        "Tháng 6/2024",
        "15/06/2024",
        "05/06/2024",
        1,
    );
    report(
        w,
        "m7.csv",
        "Văn phòng M",
        "Tháng 7/2024",
        "10/07/2024",
        "06/07/2024",
        1,
    );
    report(
        w,
        "n8.csv",
        "UBND xã N",
        "Tháng 8/2024",
        "12/08/2024",
        "07/08/2024",
        1,
    );
    // refused: bodies that no longer existed, a commune before it existed
    report(
        w,
        "old-x.csv",
        "Ban X",
        "Tháng 8/2024",
        "12/08/2024",
        "07/08/2024",
        1,
    );
    report(
        w,
        "old-m.csv",
        "UBND huyện M",
        "Tháng 8/2024",
        "12/08/2024",
        "08/08/2024",
        1,
    );
    report(
        w,
        "old-p.csv",
        "Phòng Văn hóa - Thông tin huyện M",
        "Tháng 7/2024",
        "12/07/2024",
        "08/07/2024",
        1,
    );
    report(
        w,
        "early-n.csv",
        "xã N",
        "Tháng 5/2024",
        "12/05/2024",
        "08/05/2024",
        1,
    );
    let run = w.run(&["ingest", "inbox", "--reference", "ref", "--lake", "lake"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn completeness_across_a_change_of_units_counts_each_side_by_its_own_units() {
    let w = Workdir::new();
    ingest_2024(&w);
    let rate = named(&w, "reporting_rate", &["year=2024"], "ref");
    let row = |pk: &str, uk: &str| rate_row(&rate, pk, uk);
    // annual, due 2024-11-05: only the units that exist that day owe it:
    // dept-ab, dept-c, so-x (departments) and xa-m, xa-n (communes);
    // so-x sent on 8 November, late; the communes sent nothing
    assert_eq!(row("annual", "department"), [3, 3, 2, 1, 0]);
    assert_eq!(row("annual", "commune"), [2, 0, 0, 0, 2]);
    // monthly May-June from the district and its office, July-August from
    // the communes: huyện M May on time, June missing; the office May late
    // (20 May), June on time; xã M July on time, August missing; xã N July
    // missing, August on time
    assert_eq!(row("monthly", "district"), [2, 1, 1, 0, 1]);
    assert_eq!(row("monthly", "culture_office"), [2, 2, 1, 1, 0]);
    assert_eq!(row("monthly", "commune"), [4, 2, 2, 0, 2]);
    assert_eq!(row("all", "all"), [13, 8, 6, 2, 5]);
    let all = rate.iter().find(|r| r["period_kind"] == "all").unwrap();
    assert_eq!(all["reporting_rate_pct"].as_f64(), Some(61.5), "8 of 13");
}

#[test]
fn a_report_from_a_unit_that_no_longer_existed_is_refused_naming_its_successors() {
    let w = Workdir::new();
    ingest_2024(&w);
    let rejects = sql(
        &w,
        "SELECT source_file, reason_code, reason FROM rejects ORDER BY source_file",
    );
    let reject = |file: &str| {
        rejects
            .iter()
            .find(|r| r["source_file"].as_str().is_some_and(|f| f.ends_with(file)))
            .unwrap_or_else(|| panic!("{file} not refused: {rejects:?}"))
    };
    let x = reject("old-x.csv");
    assert_eq!(x["reason_code"], "unit.abolished");
    assert_eq!(
        x["reason"],
        "The unit 'Ban X' (from the lines above the table) is ban-x (Ban X), which no longer existed in 2024-08: it was renamed so-x (Sở X) on 2024-07-01. If so-x sent it, write its name in the file or pass --unit so-x."
    );
    let m = reject("old-m.csv");
    assert_eq!(m["reason_code"], "unit.abolished");
    assert!(
        m["reason"].as_str().unwrap().contains(
            "it was abolished on 2024-07-01; its successors are xa-m (Ủy ban nhân dân xã M), xa-n (Ủy ban nhân dân xã N)"
        ),
        "{}",
        m["reason"]
    );
    let p = reject("old-p.csv");
    assert_eq!(p["reason_code"], "unit.abolished");
    assert!(
        p["reason"]
            .as_str()
            .unwrap()
            .contains("it was abolished on 2024-07-01, with no successor"),
        "{}",
        p["reason"]
    );
    let n = reject("early-n.csv");
    assert_eq!(n["reason_code"], "unit.not_valid");
    assert!(
        n["reason"]
            .as_str()
            .unwrap()
            .contains("did not exist in 2024-05: xa-n existed from 2024-07-01 on"),
        "{}",
        n["reason"]
    );
    assert_eq!(rejects.len(), 4, "{rejects:?}");
}

#[test]
fn a_name_reused_after_the_change_resolves_by_the_period() {
    let w = Workdir::new();
    ingest_2024(&w);
    let got = sql(
        &w,
        "SELECT unit_code, period FROM submissions WHERE period IN ('2024-05', '2024-07') ORDER BY period, unit_code",
    );
    let pairs: Vec<(String, String)> = got
        .iter()
        .map(|r| {
            (
                r["unit_code"].as_str().unwrap().to_string(),
                r["period"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        pairs,
        [
            ("huyen-m".to_string(), "2024-05".to_string()),
            ("pvh-m".to_string(), "2024-05".to_string()),
            ("xa-m".to_string(), "2024-07".to_string()),
        ]
    );
    // a period that spans both: the name is two units, and is not guessed
    let w2 = Workdir::new();
    fixture_reference(&w2);
    report(
        &w2,
        "y.csv",
        "Văn phòng M",
        "Năm 2024",
        "01/11/2024",
        "10/03/2024",
        1,
    );
    assert_eq!(
        w2.run(&["ingest", "inbox", "--reference", "ref", "--lake", "lake"])
            .code,
        0
    );
    let r = sql(&w2, "SELECT reason_code, reason FROM rejects");
    assert_eq!(r[0]["reason_code"], "unit.ambiguous");
    assert!(
        r[0]["reason"].as_str().unwrap().contains("huyen-m, xa-m"),
        "{}",
        r[0]["reason"]
    );
}

#[test]
fn coverage_on_a_later_map_sums_merged_units_and_keeps_a_split_unit_apart() {
    let w = Workdir::new();
    ingest_2024(&w);
    let rows = named(
        &w,
        "coverage_by_unit",
        &["year=2024", "units_as_of=2024-12-31"],
        "ref",
    );
    let unit = |code: &str| {
        rows.iter()
            .find(|r| r["unit_code"] == code && r["theme_code"] == "trafficking")
            .unwrap_or_else(|| panic!("no row for {code}"))
    };
    // Sở A và B: its own 5, Sở A's 3 and Sở B's 4
    let ab = unit("dept-ab");
    assert_eq!(ab["quantity"].as_i64(), Some(5 + 3 + 4));
    assert_eq!(ab["rolled_from"], "dept-a|dept-b");
    // Sở S split 0.7/0.3: its 7 stay on its own row, named as split
    let s = unit("dept-s");
    assert_eq!(s["quantity"].as_i64(), Some(7));
    assert_eq!(s["fate"], "split");
    assert_eq!(s["successors_as_of"], "dept-ab|dept-c");
    assert_eq!(unit("dept-c")["quantity"].as_i64(), Some(2));
    // renamed: Ban X's months under Sở X (Ban X sent nothing accepted)
    assert_eq!(unit("so-x")["quantity"].as_i64(), Some(1));
    // huyện M split between the communes: its May stays apart; its office
    // ended without successor
    assert_eq!(unit("huyen-m")["fate"], "split");
    assert_eq!(unit("huyen-m")["quantity"].as_i64(), Some(1));
    assert_eq!(unit("pvh-m")["fate"], "ended");
    assert_eq!(unit("pvh-m")["quantity"].as_i64(), Some(2));
    assert!(!rows.iter().any(|r| r["unit_code"] == "dept-a"));
    // nothing lost: 3+4+5+7+2+1 annual, 1+1+1+1+1 monthly
    let total: i64 = rows
        .iter()
        .filter(|r| r["theme_code"] == "trafficking")
        .map(|r| r["quantity"].as_i64().unwrap())
        .sum();
    assert_eq!(total, 22 + 5);
    // without the parameter: the year's own units, each with its own figure
    let own = named(&w, "coverage_by_unit", &["year=2024"], "ref");
    let a = own
        .iter()
        .find(|r| r["unit_code"] == "dept-a" && r["theme_code"] == "trafficking")
        .unwrap();
    assert_eq!(a["quantity"].as_i64(), Some(3));
    assert_eq!(
        own.iter()
            .filter(|r| r["theme_code"] == "trafficking")
            .count(),
        11,
        "every unit of 2024 once"
    );
}

#[test]
fn reference_check_names_the_file_line_and_field_of_each_broken_register() {
    let cases: [(&str, &str, &str, &str); 8] = [
        (
            "units.csv",
            "dept-c,Sở C,department,,2023-01-01,,,,confirmed,fixture",
            "dept-c,Sở C,department,,2023-01-01,,,,confirmed,fixture\ndept-c,Sở C mới,department,,2024-01-01,,,,confirmed,fixture",
            "units.csv line 7, field `unit_code`: 'dept-c' is valid from 2024-01-01 on here, and on line 6 from 2023-01-01 on: one code names one unit on any day",
        ),
        (
            "units.csv",
            "dept-a,Sở A,department,,2023-01-01,2024-06-30",
            "dept-a,Sở A,department,,2024-07-01,2024-06-30",
            "units.csv line 2, field `valid_to`: 2024-06-30 is before the unit's valid_from 2024-07-01",
        ),
        (
            "unit_lineage.csv",
            "pvh-m,,2024-07-01,abolished,,confirmed,fixture\n",
            "",
            "units.csv line 10, field `valid_to`: 'pvh-m' ends on 2024-06-30 but unit_lineage.csv does not say what became of it",
        ),
        (
            "unit_lineage.csv",
            "ban-x,so-x,",
            "ban-y,so-x,2024-07-01,renamed,,confirmed,fixture\nban-x,so-x,",
            "unit_lineage.csv line 6, field `predecessor_code`: unknown unit 'ban-y'",
        ),
        (
            "unit_lineage.csv",
            "dept-a,dept-ab,2024-07-01",
            "dept-a,dept-ab,2024-08-01",
            "unit_lineage.csv line 2, field `change_date`: 'dept-a' is valid from 2023-01-01 to 2024-06-30, so a change on 2024-08-01 does not follow its last day",
        ),
        (
            "unit_lineage.csv",
            "huyen-m,xa-n,",
            "huyen-m,dept-a,",
            "unit_lineage.csv line 8, field `successor_code`: 'dept-a' did not exist on the change date 2024-07-01",
        ),
        (
            "unit_lineage.csv",
            "ban-x,so-x,2024-07-01,renamed",
            "ban-x,so-x,2024-07-01,rebranded",
            "unit_lineage.csv line 6, field `change_kind`: 'rebranded' is not one of merged, split, renamed, abolished",
        ),
        (
            "unit_lineage.csv",
            "split,0.3,",
            "split,0.5,",
            "unit_lineage.csv line 4, field `share`: the shares of 'dept-s' add up to 1.2, more than the whole",
        ),
    ];
    for (file, from, to, want) in cases {
        let w = Workdir::new();
        fixture_reference(&w);
        let path = w.path(&format!("ref/{file}"));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{from}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
        let run = w.run(&["reference", "check", "ref"]);
        assert_eq!(run.code, 1, "{want}\n{}", run.stderr);
        // each error on stderr, the count on stdout
        assert!(
            run.stderr.contains(want),
            "want: {want}\ngot: {}",
            run.stderr
        );
        assert!(run.stdout.contains("1 error(s)"), "{}", run.stdout);
    }
    // and the unbroken fixture checks clean
    let w = Workdir::new();
    fixture_reference(&w);
    let run = w.run(&["reference", "check", "ref"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout.contains(
            "ref/units.csv: 11 units, 8 lineage rows (3 abolished, 2 merged, 1 renamed, 2 split)"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn the_bundled_register_loads_and_checks_clean() {
    let w = Workdir::new();
    let run = w.run(&["reference", "check"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    // 49 units of 2023, Sở NN&MT and Sở DT&TG, 42 communes and 3 wards; the
    // lineage: 10 districts and their 10 offices to 53 successors each
    // (4+1+8+6+4+6+5+6+5+8), 4 mergers into one department, Ban Dân tộc
    // renamed, Sở LĐTB&XH split 5 ways and Sở TT&TT 2 ways
    assert!(
        run.stdout.contains(
            "data/reference/units.csv: 96 units, 118 lineage rows (106 abolished, 4 merged, 1 renamed, 7 split)"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("the bundled reference data: 0 error(s), 0 warning(s)")
    );
    let units = sql_bundled(
        &w,
        "SELECT COUNT(*) AS n FROM units WHERE valid_from <= DATE '2023-11-05' AND (valid_to IS NULL OR valid_to >= DATE '2023-11-05')",
    );
    assert_eq!(units[0]["n"], 49);
    let units = sql_bundled(
        &w,
        "SELECT COUNT(*) AS n FROM units WHERE valid_from <= DATE '2026-11-05' AND (valid_to IS NULL OR valid_to >= DATE '2026-11-05')",
    );
    assert_eq!(units[0]["n"], 49 - 20 - 7 + 2 + 45);
}

fn sql_bundled(w: &Workdir, query: &str) -> Vec<Value> {
    if !w.path("lake").exists() {
        w.write("inbox/empty.csv", b"");
        w.run(&["ingest", "inbox", "--lake", "lake"]);
    }
    json(w, &["sql", query, "--lake", "lake", "--format", "json"])
}

#[test]
fn a_2026_campaign_made_from_2023_asks_the_new_communes_and_diff_says_so() {
    let w = Workdir::new();
    let run = w.run(&["reference", "new", "2026", "--from", "2023", "--out", "r"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("2026/peak_periods.csv holds only its header"),
        "{}",
        run.stdout
    );
    assert_eq!(
        std::fs::read_to_string(w.path("r/2026/peak_periods.csv")).unwrap(),
        "peak_code,name_vi,name_en,start_date,end_date,themes\n",
        "peak periods are never invented"
    );
    assert_eq!(
        std::fs::read_to_string(w.path("r/2026/obligations.csv")).unwrap(),
        "period_kind,unit_kinds,first_period,last_period,due_date,due_day\n\
         annual,commune|ward|press|broadcaster|central_press|department,2026,2026,2026-11-05,\n\
         monthly,commune|ward,2026-06,2026-12,,15\n"
    );
    for f in ["themes.csv", "forms.csv", "theme_keywords.csv"] {
        assert_eq!(
            std::fs::read(w.path(&format!("r/2026/{f}"))).unwrap(),
            std::fs::read(w.path(&format!("r/2023/{f}"))).unwrap(),
            "{f} copied"
        );
    }
    let check = w.run(&["reference", "check", "r"]);
    assert_eq!(check.code, 0, "{}", check.stdout);
    // 69 units: 69 annual reports, and 45 communes and wards x 7 months
    assert!(
        check
            .stdout
            .contains("2026: 69 units existed in the year, 384 reports expected, 0 peak periods"),
        "{}",
        check.stdout
    );
    assert!(
        check
            .stderr
            .contains("warning: 2026/peak_periods.csv lists no peak period")
    );
    // the 2023 issuer no longer exists in 2026: the check says so
    assert!(
        check.stderr.contains("warning: the 2026 report would be issued by Sở Thông tin và Truyền thông (so-tttt), which was split into so-khcn (Sở Khoa học và Công nghệ), so-vhttdl (Sở Văn hóa, Thể thao và Du lịch) on 2025-03-01"),
        "{}",
        check.stderr
    );
    assert!(
        run.stdout
            .contains("the 2026 report would be issued by Sở Thông tin và Truyền thông"),
        "{}",
        run.stdout
    );
    // a folder in use is not overwritten
    let again = w.run(&["reference", "new", "2026", "--from", "2023", "--out", "r"]);
    assert_eq!(again.code, 1);
    assert!(
        again.stderr.contains("this folder already holds files"),
        "{}",
        again.stderr
    );

    let diff = w.run(&["reference", "diff", "2023", "2026", "--reference", "r"]);
    assert_eq!(diff.code, 0, "{}", diff.stderr);
    for sentence in [
        "Units: 49 in 2023, 69 in 2026; 22 in both.",
        "so-khdt (Sở Kế hoạch và Đầu tư) was merged into so-tai-chinh (Sở Tài chính) on 2025-03-01.",
        "ban-dan-toc (Ban Dân tộc tỉnh) was renamed so-dttg (Sở Dân tộc và Tôn giáo) on 2025-03-01.",
        "ubnd-tx-muong-lay (Ủy ban nhân dân thị xã Mường Lay) was abolished on 2025-07-01; its successors are ubnd-phuong-muong-lay (Ủy ban nhân dân phường Mường Lay).",
        "New in 2026: ubnd-xa-muong-cha (Ủy ban nhân dân xã Mường Chà) (commune), from 2025-07-01, taking over from ubnd-h-nam-po, pvhtt-nam-po.",
        "Peak period cerd (Bảo vệ Báo cáo quốc gia thực thi Công ước chống phân biệt chủng tộc (CERD) lần thứ 5, 2023-07-01 to 2023-11-30) is in 2023 but not in 2026.",
        "2026 lists no peak period yet.",
        "Obligation in 2026: monthly reports from 2026-06 to 2026-12 from every commune, ward, due on day 15 of the month reported: 315 reports expected.",
        "Reports expected: 119 in 2023, 384 in 2026.",
    ] {
        assert!(
            diff.stdout.contains(sentence),
            "want: {sentence}\ngot:\n{}",
            diff.stdout
        );
    }
}

#[test]
fn a_2026_year_of_reports_from_the_new_communes_ingests_and_reports_completeness() {
    let w = Workdir::new();
    assert_eq!(
        w.run(&["reference", "new", "2026", "--from", "2023", "--out", "r"])
            .code,
        0
    );
    // the register read independently: the communes and wards of 2026
    let text = std::fs::read_to_string(w.path("r/units.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (code, name, kind) = (col("unit_code"), col("name_vi"), col("unit_kind"));
    let communes: Vec<(String, String, String)> = reader
        .records()
        .map(|r| r.unwrap())
        .filter(|r| r[kind] == *"commune" || r[kind] == *"ward")
        .map(|r| {
            (
                r[code].to_string(),
                r[name].to_string(),
                r[kind].to_string(),
            )
        })
        .collect();
    assert_eq!(communes.len(), 45);
    // every commune's annual report but the first two communes'; July from
    // every one, signed by its culture-society office under its committee
    let silent: Vec<&str> = communes
        .iter()
        .filter(|c| c.2 == "commune")
        .take(2)
        .map(|c| c.0.as_str())
        .collect();
    let mut sent = 0;
    for (c, n, _) in &communes {
        if !silent.contains(&c.as_str()) {
            report(
                &w,
                &format!("{c}_2026.csv"),
                n,
                "Năm 2026",
                "30/10/2026",
                "10/09/2026",
                2,
            );
            sent += 1;
        }
        let office = n.replace("Ủy ban nhân dân", "Phòng Văn hóa - Xã hội");
        report(
            &w,
            &format!("{c}_2026-07.csv"),
            &office,
            "Tháng 7/2026",
            "10/07/2026",
            "03/07/2026",
            1,
        );
    }
    let run = w.run(&["ingest", "inbox", "--reference", "r", "--lake", "lake"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rejects = json(
        &w,
        &[
            "sql",
            "SELECT * FROM rejects",
            "--lake",
            "lake",
            "--reference",
            "r",
            "--format",
            "json",
        ],
    );
    assert!(rejects.is_empty(), "{rejects:?}");
    let rate = named(&w, "reporting_rate", &["year=2026"], "r");
    let row = |pk: &str, uk: &str| {
        let [expected, received, ..] = rate_row(&rate, pk, uk);
        [expected, received]
    };
    let wards = communes.iter().filter(|c| c.2 == "ward").count() as i64;
    assert_eq!(wards, 3);
    assert_eq!(row("annual", "commune"), [42, 40]);
    assert_eq!(row("annual", "ward"), [3, 3]);
    assert_eq!(
        row("annual", "department"),
        [17, 0],
        "22 of 2023 - 7 ended + 2 new"
    );
    assert_eq!(row("monthly", "commune"), [42 * 7, 42]);
    assert_eq!(row("monthly", "ward"), [3 * 7, 3]);
    assert_eq!(row("all", "all"), [69 + 45 * 7, sent + 45]);
}

#[test]
fn the_summary_of_a_year_across_a_change_shows_the_units_of_its_last_day() {
    let w = Workdir::new();
    ingest_2024(&w);
    let run = w.run(&[
        "summary",
        "--year",
        "2024",
        "--lake",
        "lake",
        "--reference",
        "ref",
        "--out",
        "s",
        "--lang",
        "vi",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let md = std::fs::read_to_string(w.path("s/summary.md")).unwrap();
    let row = |start: &str| {
        md.lines()
            .find(|l| l.starts_with(start))
            .unwrap_or_else(|| panic!("no row {start}:\n{md}"))
            .to_string()
    };
    // Sở A và B holds its own 5 and its predecessors' 3 and 4
    assert!(
        row("| Sở A và B |").ends_with("| 12 |"),
        "{}",
        row("| Sở A và B |")
    );
    assert!(row("| Sở S → Sở A và B, Sở C |").ends_with("| 7 |"));
    assert!(
        row("| Ủy ban nhân dân huyện M → Ủy ban nhân dân xã M, Ủy ban nhân dân xã N |")
            .ends_with("| 1 |")
    );
    assert!(!md.contains("| Sở A |"), "merged into its successor");
    assert!(
        md.contains("Đơn vị theo danh mục ngày 31/12/2024"),
        "the table says which day's units"
    );
}

#[test]
fn a_2025_campaign_spans_the_reform_on_both_sides() {
    let w = Workdir::new();
    let run = w.run(&["reference", "new", "2025", "--from", "2023", "--out", "r"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // annual, due 2025-11-05: the communes and wards replace the districts
    // and their offices; monthly June-December: the offices in June, the
    // communes and wards from July
    assert_eq!(
        std::fs::read_to_string(w.path("r/2025/obligations.csv")).unwrap(),
        "period_kind,unit_kinds,first_period,last_period,due_date,due_day\n\
         annual,commune|ward|press|broadcaster|central_press|department,2025,2025,2025-11-05,\n\
         monthly,culture_office|commune|ward,2025-06,2025-12,,15\n"
    );
    let check = w.run(&["reference", "check", "r"]);
    // 69 annual; 10 offices in June, 45 communes and wards x 6 months
    assert!(
        check
            .stdout
            .contains("2025: 96 units existed in the year, 349 reports expected"),
        "{}",
        check.stdout
    );
}

#[test]
fn an_item_dated_after_its_unit_ended_is_refused() {
    let w = Workdir::new();
    fixture_reference(&w);
    let text = "Đơn vị: Sở A\nKỳ báo cáo: Năm 2024\nNgày gửi: 01/11/2024\n\nNgày,Chủ đề,Hình thức,Tên tin bài,Số lượng\n\
                10/03/2024,trafficking,Tin,Tin tháng ba,3\n10/08/2024,trafficking,Tin,Tin tháng tám,4\n";
    w.write("inbox/a.csv", text.as_bytes());
    assert_eq!(
        w.run(&["ingest", "inbox", "--reference", "ref", "--lake", "lake"])
            .code,
        0
    );
    let kept = sql(&w, "SELECT SUM(quantity) AS q FROM activities");
    assert_eq!(kept[0]["q"], 3);
    let r = sql(&w, "SELECT reason_code, reason FROM rejects");
    assert_eq!(r[0]["reason_code"], "date.outside_unit");
    assert_eq!(
        r[0]["reason"],
        "The item is dated 2024-08-10, but dept-a existed from 2023-01-01 to 2024-06-30 (it was merged into dept-ab (Sở A và B) on 2024-07-01): an item of that day belongs in the report of the unit that existed then."
    );
}
