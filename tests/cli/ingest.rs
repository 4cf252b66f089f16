//! Ingest of every accepted format, checked value by value against what the
//! fixture files say (computed by hand), read back with the parquet crate.

use serde_json::{Value, json};

use super::support::{Workdir, sha256_hex, sorted_by, v};

#[test]
fn utf8_csv_rows_land_with_their_exact_values() {
    let w = Workdir::new();
    let file = w.fixture("pvhtt-tuan-giao_2023-07.csv", "pvhtt-tuan-giao_2023-07.csv");
    let run = w.run(&["ingest", "inbox", "--received-at", "2023-07-10"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("pvhtt-tuan-giao 2023-07"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("3 accepted, 1 refused"),
        "{}",
        run.stderr
    );

    let subs = w.rows("lake/submissions");
    assert_eq!(subs.len(), 1);
    let s = &subs[0];
    let id = sha256_hex(&std::fs::read(&file).unwrap());
    assert_eq!(v(s, "submission_id"), json!(id));
    assert_eq!(v(s, "unit_code"), json!("pvhtt-tuan-giao"));
    assert_eq!(v(s, "period_kind"), json!("monthly"));
    assert_eq!(v(s, "period"), json!("2023-07"));
    assert_eq!(v(s, "received_at"), json!("2023-07-10"));
    assert_eq!(v(s, "format"), json!("csv"));
    assert_eq!(
        (
            v(s, "rows_read"),
            v(s, "rows_accepted"),
            v(s, "rows_rejected")
        ),
        (json!(4), json!(3), json!(1))
    );
    assert_eq!(v(s, "superseded_by"), Value::Null);

    let acts = sorted_by(w.rows("lake/activities"), "source_row");
    assert_eq!(acts.len(), 3);
    let a = &acts[0];
    assert_eq!(v(a, "year"), json!("2023"));
    assert_eq!(v(a, "source_row"), json!(2));
    assert_eq!(v(a, "activity_date"), json!("2023-07-05"));
    assert_eq!(v(a, "date_precision"), json!("day"));
    assert_eq!(v(a, "month"), json!(7));
    assert_eq!(v(a, "theme_code"), json!("trafficking"));
    assert_eq!(v(a, "theme_inferred"), json!(false));
    assert_eq!(v(a, "form_code"), json!("news"));
    assert_eq!(v(a, "title"), json!("Phòng, chống mua bán người"));
    assert_eq!(v(a, "quantity"), json!(2));
    assert_eq!(v(a, "reach"), json!(1234));
    assert_eq!(v(a, "language"), json!("thai"));
    assert_eq!(v(a, "extra"), json!(r#"{"Người thực hiện":"Lò Văn A"}"#));
    assert_eq!(v(a, "unit_code"), json!("pvhtt-tuan-giao"));
    assert_eq!(v(a, "submission_id"), json!(id));

    let b = &acts[1];
    assert_eq!(v(b, "theme_code"), json!("religion"));
    assert_eq!(v(b, "theme_inferred"), json!(true));
    assert_eq!(v(b, "form_code"), json!("article"));
    assert_eq!(v(b, "reach"), json!(1500));
    assert_eq!(v(b, "language"), json!("vi"));
    assert_eq!(v(b, "extra"), Value::Null);

    let c = &acts[2];
    assert_eq!(v(c, "activity_date"), json!("2023-07-01"));
    assert_eq!(v(c, "date_precision"), json!("month"));
    assert_eq!(v(c, "theme_code"), json!("general"));
    assert_eq!(v(c, "form_code"), json!("mobile_outreach"));
    assert_eq!(v(c, "quantity"), json!(3));
    assert_eq!(v(c, "reach"), Value::Null);
    assert_eq!(v(c, "language"), json!("hmong"));
    assert_eq!(v(c, "notes"), json!("đợt 1 hai xã"));

    let rejects = w.rows("lake/rejects");
    assert_eq!(rejects.len(), 1);
    assert_eq!(v(&rejects[0], "source_row"), json!(6));
    assert_eq!(
        v(&rejects[0], "reason"),
        json!("The activity date '31/02/2023' is not a real date.")
    );
    let raw: Value = serde_json::from_str(v(&rejects[0], "raw").as_str().unwrap()).unwrap();
    assert_eq!(raw["Ngày"], json!("31/02/2023"));
    assert_eq!(raw["Tên tin bài"], json!("Ngày không có thật"));
}

#[test]
fn windows_1258_csv_with_preamble_lines() {
    let w = Workdir::new();
    w.fixture(
        "bao-cao-thang-8-muong-cha.csv",
        "bao-cao-thang-8-muong-cha.csv",
    );
    let run = w.run(&["ingest", "inbox"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("windows-1258, ';'-separated"),
        "{}",
        run.stderr
    );
    let s = &w.rows("lake/submissions")[0];
    assert_eq!(v(s, "unit_code"), json!("pvhtt-muong-cha"));
    assert_eq!(v(s, "period"), json!("2023-08"));
    assert_eq!(v(s, "received_at"), json!("2023-08-14"));
    let acts = sorted_by(w.rows("lake/activities"), "source_row");
    assert_eq!(acts.len(), 2);
    // decoded, then composed: the stored title is NFC, equal to the literal
    assert_eq!(v(&acts[0], "title"), json!("Bảo tồn văn hóa Thái"));
    assert_eq!(v(&acts[0], "theme_code"), json!("ethnic"));
    assert_eq!(v(&acts[0], "form_code"), json!("radio"));
    assert_eq!(v(&acts[0], "reach"), json!(2500));
    assert_eq!(v(&acts[0], "duration_min"), json!(15.0));
    assert_eq!(v(&acts[0], "language"), json!("thai"));
    assert_eq!(v(&acts[1], "theme_code"), json!("trafficking"));
    assert_eq!(v(&acts[1], "form_code"), json!("radio_play"));
    assert_eq!(v(&acts[1], "quantity"), json!(2));
    assert_eq!(v(&acts[1], "duration_min"), json!(2.5));
    assert_eq!(v(&acts[1], "language"), json!("vi"));
}

#[test]
fn utf16_unicode_text_with_metadata_columns() {
    let w = Workdir::new();
    w.fixture("dai-ptth.txt", "dai-ptth.txt");
    let run = w.run(&["ingest", "inbox"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let s = &w.rows("lake/submissions")[0];
    assert_eq!(v(s, "unit_code"), json!("dai-ptth-dien-bien"));
    assert_eq!(v(s, "period_kind"), json!("annual"));
    assert_eq!(v(s, "period"), json!("2023"));
    assert_eq!(v(s, "received_at"), json!("2023-11-01"));
    assert_eq!(v(s, "format"), json!("txt"));
    let acts = sorted_by(w.rows("lake/activities"), "source_row");
    assert_eq!(acts.len(), 2);
    assert_eq!(
        (
            v(&acts[0], "theme_code"),
            v(&acts[0], "form_code"),
            v(&acts[0], "reach")
        ),
        (json!("labour"), json!("tv"), json!(12000))
    );
    assert_eq!(v(&acts[1], "theme_code"), json!("commitments"));
    assert_eq!(v(&acts[1], "subtheme_code"), json!("commitments.hrc_term"));
    assert_eq!(v(&acts[1], "form_code"), json!("reportage"));
}

#[test]
fn json_envelope_and_ndjson() {
    let w = Workdir::new();
    w.fixture("so-y-te_2023.json", "so-y-te_2023.json");
    w.fixture("ttxvn.ndjson", "ttxvn.ndjson");
    let run = w.run(&["ingest", "inbox"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let subs = sorted_by(w.rows("lake/submissions"), "unit_code");
    assert_eq!(v(&subs[0], "unit_code"), json!("so-y-te"));
    assert_eq!(v(&subs[0], "format"), json!("json"));
    assert_eq!(v(&subs[0], "received_at"), json!("2023-11-06"));
    assert_eq!(v(&subs[1], "unit_code"), json!("ttxvn-dien-bien"));
    assert_eq!(v(&subs[1], "format"), json!("ndjson"));
    assert_eq!(
        (v(&subs[1], "rows_accepted"), v(&subs[1], "rows_rejected")),
        (json!(1), json!(1))
    );

    let acts = w.rows("lake/activities");
    let yte: Vec<_> = sorted_by(
        acts.iter()
            .filter(|a| v(a, "unit_code") == json!("so-y-te"))
            .cloned()
            .collect(),
        "source_row",
    );
    assert_eq!(yte.len(), 2);
    assert_eq!(
        v(&yte[0], "subtheme_code"),
        json!("ethnic.education_health")
    );
    assert_eq!(v(&yte[0], "hrc_priority"), json!(6));
    assert_eq!(v(&yte[0], "form_code"), json!("meeting"));
    assert_eq!(v(&yte[0], "reach"), json!(350));
    assert_eq!(v(&yte[1], "form_code"), json!("portal_post"));
    assert_eq!(v(&yte[1], "quantity"), json!(1));
    assert_eq!(v(&yte[1], "url"), json!("https://soyte.dienbien.gov.vn/a"));
    let tt: Vec<_> = acts
        .iter()
        .filter(|a| v(a, "unit_code") == json!("ttxvn-dien-bien"))
        .collect();
    assert_eq!(
        (
            v(tt[0], "theme_code"),
            v(tt[0], "quantity"),
            v(tt[0], "activity_date")
        ),
        (json!("religion"), json!(4), json!("2023-07-20"))
    );

    let rejects = w.rows("lake/rejects");
    assert_eq!(rejects.len(), 1);
    assert_eq!(v(&rejects[0], "source_row"), json!(2));
    assert_eq!(
        v(&rejects[0], "reason"),
        json!(
            "The theme is empty and the title matches several themes (ethnic, labour): fill in the theme."
        )
    );
}

/// An XLSX as offices make it: a title block, the header on row 8, a row of
/// column numbers, real Excel dates, and a totals row.
pub fn titled_workbook() -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    sheet
        .write_string(0, 0, "ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN")
        .unwrap();
    sheet
        .write_string(1, 0, "PHÒNG VĂN HÓA - THÔNG TIN HUYỆN ĐIỆN BIÊN ĐÔNG")
        .unwrap();
    sheet
        .write_string(2, 0, "BÁO CÁO KẾT QUẢ TRUYỀN THÔNG VỀ QUYỀN CON NGƯỜI")
        .unwrap();
    sheet.write_string(3, 0, "Tháng 9 năm 2023").unwrap();
    sheet.write_string(4, 0, "Đơn vị:").unwrap();
    sheet
        .write_string(4, 1, "Phòng VH-TT H. Điện Biên Đông")
        .unwrap();
    sheet.write_string(5, 0, "Ngày gửi: 12/09/2023").unwrap();
    for (c, h) in [
        "STT",
        "Ngày thực hiện",
        "Chủ đề",
        "Hình thức",
        "Tên tin bài",
        "Số lượng",
        "Lượt tiếp cận",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(7, c as u16, *h).unwrap();
        sheet
            .write_string(8, c as u16, format!("({})", c + 1))
            .unwrap();
    }
    let rows = [
        (
            (2023, 8, 20),
            "Quyền của đồng bào dân tộc thiểu số",
            "Bảng tin",
            "Bảng tin xã Phì Nhừ",
            3.0,
            1200.0,
        ),
        (
            (2023, 9, 2),
            "general",
            "Tuyên truyền lưu động",
            "Ngày hội quyền con người",
            1.0,
            450.0,
        ),
    ];
    for (i, ((y, m, d), theme, form, title, q, reach)) in rows.iter().enumerate() {
        let r = 9 + i as u32;
        sheet.write_number(r, 0, (i + 1) as f64).unwrap();
        sheet
            .write_datetime_with_format(r, 1, ExcelDateTime::from_ymd(*y, *m, *d).unwrap(), &date)
            .unwrap();
        sheet.write_string(r, 2, *theme).unwrap();
        sheet.write_string(r, 3, *form).unwrap();
        sheet.write_string(r, 4, *title).unwrap();
        sheet.write_number(r, 5, *q).unwrap();
        sheet.write_number(r, 6, *reach).unwrap();
    }
    sheet.write_string(11, 1, "Tổng cộng").unwrap();
    sheet.write_number(11, 5, 4.0).unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn xlsx_with_a_title_block_and_real_dates() {
    let w = Workdir::new();
    w.write("inbox/bao-cao-t9.xlsx", &titled_workbook());
    let run = w.run(&["ingest", "inbox"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("2 accepted, 2 template/total rows skipped"),
        "{}",
        run.stderr
    );
    let s = &w.rows("lake/submissions")[0];
    assert_eq!(v(s, "unit_code"), json!("pvhtt-dien-bien-dong"));
    assert_eq!(v(s, "period"), json!("2023-09"));
    assert_eq!(v(s, "received_at"), json!("2023-09-12"));
    assert_eq!(
        (
            v(s, "rows_read"),
            v(s, "rows_accepted"),
            v(s, "rows_rejected")
        ),
        (json!(2), json!(2), json!(0))
    );
    let acts = sorted_by(w.rows("lake/activities"), "source_row");
    // Excel rows 10 and 11 (1-based), under the header on row 8 and the numbers on row 9
    assert_eq!(v(&acts[0], "source_row"), json!(10));
    assert_eq!(v(&acts[0], "activity_date"), json!("2023-08-20"));
    assert_eq!(v(&acts[0], "form_code"), json!("e_bulletin"));
    assert_eq!(v(&acts[0], "quantity"), json!(3));
    assert_eq!(v(&acts[0], "reach"), json!(1200));
    assert_eq!(v(&acts[0], "extra"), json!(r#"{"STT":1}"#));
    assert_eq!(v(&acts[1], "activity_date"), json!("2023-09-02"));
    assert_eq!(v(&acts[1], "theme_code"), json!("general"));
}

#[test]
fn the_same_bytes_twice_change_nothing() {
    let w = Workdir::new();
    w.fixture("bao-cao-thang-8-muong-cha.csv", "a.csv");
    w.fixture("so-y-te_2023.json", "so-y-te_2023.json");
    w.fixture("no-unit.csv", "no-unit.csv");
    assert_eq!(w.run(&["ingest", "inbox"]).code, 0);
    let before = w.snapshot("lake");
    let again = w.run(&["ingest", "inbox"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        again
            .stderr
            .contains("already in the lake, nothing changed"),
        "{}",
        again.stderr
    );
    assert!(
        again
            .stderr
            .contains("0 ingested, 2 already in the lake, 1 refused"),
        "{}",
        again.stderr
    );
    assert_eq!(w.snapshot("lake"), before);
    // a copy under another name is the same submission
    w.fixture("bao-cao-thang-8-muong-cha.csv", "copy-of-a.csv");
    assert_eq!(w.run(&["ingest", "inbox/copy-of-a.csv"]).code, 0);
    assert_eq!(w.snapshot("lake"), before);
}

#[test]
fn a_later_report_for_the_same_unit_and_period_supersedes_the_earlier() {
    let w = Workdir::new();
    let first = w.fixture("pvhtt-tuan-giao_2023-07.csv", "pvhtt-tuan-giao_2023-07.csv");
    assert_eq!(
        w.run(&["ingest", "inbox", "--received-at", "2023-07-10"])
            .code,
        0
    );
    // the correction: the impossible date fixed
    let fixed = std::fs::read_to_string(&first)
        .unwrap()
        .replace("31/02/2023", "28/07/2023");
    let second = w.write("inbox2/pvhtt-tuan-giao_2023-07_sua.csv", fixed.as_bytes());
    let run = w.run(&["ingest", "inbox2", "--received-at", "2023-07-12"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("supersedes inbox/pvhtt-tuan-giao_2023-07.csv"),
        "{}",
        run.stderr
    );
    // a copy received earlier than the current one arrives late: kept, not current
    let stale = w.write(
        "inbox3/pvhtt-tuan-giao_2023-07_cu.csv",
        format!("{fixed}\n").as_bytes(),
    );
    let run = w.run(&["ingest", "inbox3", "--received-at", "2023-07-09"]);
    assert!(
        run.stderr.contains("kept but not current"),
        "{}",
        run.stderr
    );

    let id1 = sha256_hex(&std::fs::read(&first).unwrap());
    let id2 = sha256_hex(&std::fs::read(&second).unwrap());
    let id3 = sha256_hex(&std::fs::read(&stale).unwrap());
    let subs = w.rows("lake/submissions");
    assert_eq!(subs.len(), 3);
    let by_id = |id: &str| {
        subs.iter()
            .find(|s| v(s, "submission_id") == json!(id))
            .unwrap()
            .clone()
    };
    assert_eq!(v(&by_id(&id1), "superseded_by"), json!(id2));
    assert_eq!(v(&by_id(&id2), "superseded_by"), Value::Null);
    assert_eq!(v(&by_id(&id3), "superseded_by"), json!(id2));
    // every row stays in the lake: 3 + 4 + 4 activities
    assert_eq!(w.rows("lake/activities").len(), 11);
    for s in &subs {
        assert_eq!(
            v(s, "rows_read").as_i64().unwrap(),
            v(s, "rows_accepted").as_i64().unwrap() + v(s, "rows_rejected").as_i64().unwrap()
        );
    }
}

#[test]
fn dry_run_writes_nothing() {
    let w = Workdir::new();
    w.fixture("so-y-te_2023.json", "so-y-te_2023.json");
    let run = w.run(&["ingest", "inbox", "--dry-run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("1 would be ingested (dry run: nothing written)"),
        "{}",
        run.stderr
    );
    assert!(!w.path("lake").exists());
}

#[test]
fn files_an_interrupted_run_left_are_removed_and_never_counted() {
    let w = Workdir::new();
    w.fixture("so-y-te_2023.json", "so-y-te_2023.json");
    assert_eq!(w.run(&["ingest", "inbox"]).code, 0);
    let committed = w.snapshot("lake");
    // what a run killed after renaming its data file but before the ledger leaves
    let orphan = w.write(
        "lake/activities/year=2023/part-20990101T000000000000-1.parquet",
        &std::fs::read(committed.keys().find(|k| k.contains("activities")).unwrap()).unwrap(),
    );
    let tmp = w.write("lake/rejects/part-x.parquet.tmp", b"half");
    w.fixture("ttxvn.ndjson", "ttxvn.ndjson");
    let run = w.run(&["ingest", "inbox"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("removed 2 file(s) an interrupted run had left behind"),
        "{}",
        run.stderr
    );
    assert!(!orphan.exists() && !tmp.exists());
    assert_eq!(w.rows("lake/activities").len(), 3);
}

#[test]
fn ingesting_the_folder_that_holds_the_lake_skips_the_lake() {
    let w = Workdir::new();
    w.fixture("so-y-te_2023.json", "so-y-te_2023.json");
    // the inbox holds the lake: the second run must not read the lake's files as reports
    assert_eq!(w.run(&["ingest", "inbox", "--lake", "inbox/lake"]).code, 0);
    let again = w.run(&["ingest", "inbox", "--lake", "inbox/lake", "--strict"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        again
            .stderr
            .contains("\n1 file: 0 ingested, 1 already in the lake, 0 refused"),
        "{}",
        again.stderr
    );
}
