//! What an analyst or a clerk types in Vietnamese: `vn_fold` in SQL finds
//! a title however it was typed, and a mistyped name (a table, a column, a
//! named query, a parameter; in a report, a unit, a theme, a form) is
//! answered with the name nearest it.

use serde_json::{Value, json};

use super::support::Workdir;

/// A July report of Tuần Giáo whose titles are typed three ways: Unicode
/// precomposed (NFC), decomposed (NFD, as macOS and some web forms send
/// it) and with the look-alike `Ð` (U+00D0) for `Đ`.
fn lake_of_three_typings() -> Workdir {
    let w = Workdir::new();
    let nfd = "Tuye\u{302}n truye\u{302}\u{300}n pho\u{300}ng, cho\u{302}\u{301}ng mua ba\u{301}n ngu\u{31b}o\u{31b}\u{300}i";
    let csv = format!(
        "Ngày,Chủ đề,Hình thức,Tên tin bài,Số lượng\n\
         03/07/2023,trafficking,Tin,Cảnh giác MUA BÁN NGƯỜI qua mạng,2\n\
         10/07/2023,trafficking,Tuyên truyền lưu động,\"{nfd}\",1\n\
         17/07/2023,ethnic,Bài,\u{d0}ồng bào vùng cao đón Tết,1\n"
    );
    w.write("inbox/pvhtt-tuan-giao_2023-07.csv", csv.as_bytes());
    let run = w.run(&["ingest", "inbox", "--received-at", "2023-07-14"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    w
}

fn json_of(w: &Workdir, sql: &str) -> Value {
    let run = w.run(&["sql", sql, "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

#[test]
fn vn_fold_finds_a_title_however_it_was_typed() {
    let w = lake_of_three_typings();
    assert_eq!(
        json_of(
            &w,
            "SELECT source_row FROM activities WHERE vn_fold(title) LIKE '%mua ban nguoi%' ORDER BY source_row"
        ),
        json!([{"source_row": 2}, {"source_row": 3}])
    );
    // the plain LIKE finds only the one typed as the query is
    assert_eq!(
        json_of(
            &w,
            "SELECT COUNT(*) AS n FROM activities WHERE title LIKE '%mua bán người%'"
        ),
        json!([{"n": 1}])
    );
    assert_eq!(
        json_of(
            &w,
            "SELECT vn_fold(title) AS t FROM activities WHERE source_row = 4"
        ),
        json!([{"t": "dong bao vung cao don tet"}])
    );
}

#[test]
fn a_mistyped_table_query_or_parameter_names_the_one_meant() {
    let w = lake_of_three_typings();
    let table = w.run(&["sql", "SELECT * FROM activites"]);
    assert_eq!(table.code, 1);
    assert!(
        table
            .stderr
            .contains("hint: did you mean 'activities'? the tables are activities,"),
        "{}",
        table.stderr
    );
    let column = w.run(&["sql", "SELECT titel FROM activities"]);
    assert_eq!(column.code, 1);
    assert!(
        column.stderr.contains("Did you mean 'activities.title'?"),
        "{}",
        column.stderr
    );
    let query = w.run(&["query", "reporting_rat"]);
    assert_eq!(query.code, 1);
    assert!(
        query.stderr.contains(
            "unknown query 'reporting_rat' (did you mean 'reporting_rate'?); the named queries are:"
        ),
        "{}",
        query.stderr
    );
    let param = w.run(&["query", "reporting_rate", "--param", "yaer=2023"]);
    assert_eq!(param.code, 1, "{}", param.stderr);
    assert!(
        param
            .stderr
            .contains("reporting_rate has no parameter 'yaer' (did you mean 'year'?)"),
        "{}",
        param.stderr
    );
    // nothing near: no guess
    let far = w.run(&["query", "weather"]);
    assert!(
        far.stderr
            .contains("unknown query 'weather'; the named queries are:"),
        "{}",
        far.stderr
    );
}

#[test]
fn a_mistyped_unit_theme_or_form_in_a_report_names_the_one_meant() {
    let w = Workdir::new();
    w.write(
        "inbox/a/bao-cao-thang-7.csv",
        "Đơn vị: Phòng Văn hóa - Thông tin huyện Tuầng Giáo\nKỳ báo cáo: Tháng 7/2023\n\nNgày,Chủ đề,Hình thức,Tên tin bài\n03/07/2023,general,Tin,Tin\n"
            .as_bytes(),
    );
    let run = w.run(&["ingest", "inbox/a", "--received-at", "2023-07-14"]);
    assert!(
        run.stderr.contains(
            "is not in the reference list of units (did you mean 'Phòng Văn hóa - Thông tin huyện Tuần Giáo'?)"
        ),
        "{}",
        run.stderr
    );
    w.write(
        "inbox/b/pvhtt-tuan-giao_2023-07.csv",
        "Ngày,Chủ đề,Hình thức,Tên tin bài\n03/07/2023,trafficing,Tin,Tin một\n04/07/2023,general,Phóng xự,Phóng sự hai\n05/07/2023,general,Tin,Tin ba\n"
            .as_bytes(),
    );
    let run = w.run(&["ingest", "inbox/b", "--received-at", "2023-07-14"]);
    assert!(
        run.stderr.contains(
            "row 2: The theme 'trafficing' is not a theme code, label or sub-theme (did you mean 'trafficking'? codes: religion,"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "row 3: The form 'Phóng xự' is not in the list of forms (did you mean 'Phóng sự'?): Tin, Bài,"
        ),
        "{}",
        run.stderr
    );
}
