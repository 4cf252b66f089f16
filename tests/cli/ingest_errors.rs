//! Every class of bad input: the exact sentence a person reads in
//! `rejects.reason`, nothing lost, and the exit codes of the contract.

use serde_json::{Value, json};

use super::ingest::titled_workbook;
use super::support::{Workdir, sha256_hex, sorted_by, v};

/// Ingests one bad file and returns its whole-file rejection reason.
fn refused_file_reason(w: &Workdir, name: &str) -> String {
    let rejects: Vec<_> = w
        .rows("lake/rejects")
        .into_iter()
        .filter(|r| {
            v(r, "source_row") == Value::Null
                && v(r, "source_file").as_str().unwrap().ends_with(name)
        })
        .collect();
    assert_eq!(rejects.len(), 1, "one whole-file rejection for {name}");
    v(&rejects[0], "reason").as_str().unwrap().to_string()
}

#[test]
fn every_bad_file_is_refused_with_a_sentence_that_says_what_to_do() {
    let w = Workdir::new();
    w.fixture("no-unit.csv", "no-unit.csv");
    w.fixture("pvhtt-nam-po_2023-08.csv", "pvhtt-nam-po_2023-08.csv");
    w.fixture("pvhtt-nam-po_2023-09.csv", "pvhtt-nam-po_2023-09.csv");
    w.fixture("pvhtt-nam-po_2023-10.pdf", "pvhtt-nam-po_2023-10.pdf");
    w.fixture("pvhtt-nam-po_2023-11.csv", "pvhtt-nam-po_2023-11.csv");
    let book = titled_workbook();
    w.write("inbox/pvhtt-nam-po_2023-12.csv", &book);
    w.write("inbox/pvhtt-nam-po_2023-06.xlsx", &book[..book.len() / 2]);
    w.write(
        "inbox/pvhtt-nam-po_2023-05.xlsx",
        "Ngày,Hình thức\n01/05/2023,Tin\n".as_bytes(),
    );
    w.write(
        "inbox/pvhtt-nam-po_2023-04.docx",
        b"PK\x03\x04 not a report",
    );
    w.write("inbox/ghi-chu", b"hello");
    let run = w.run(&["ingest", "inbox", "--strict"]);
    assert_eq!(
        run.code, 2,
        "--strict with refusals exits 2: {}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("10 files: 0 ingested, 0 already in the lake, 10 refused"),
        "{}",
        run.stderr
    );

    assert_eq!(
        refused_file_reason(&w, "no-unit.csv"),
        "The file does not say which unit sent it: add a line 'Đơn vị: <unit name>' above the table, a 'Đơn vị' column, name the file <unit_code>_<period>.csv (e.g. pvhtt-tuan-giao_2023-07.csv), or pass --unit."
    );
    assert_eq!(
        refused_file_reason(&w, "pvhtt-nam-po_2023-08.csv"),
        "The file holds no text, only blank space."
    );
    assert_eq!(
        refused_file_reason(&w, "pvhtt-nam-po_2023-09.csv"),
        "The table has a header row but no data rows: fill in one row per activity."
    );
    assert_eq!(
        refused_file_reason(&w, "pvhtt-nam-po_2023-10.pdf"),
        "The file is named .pdf but is a PDF document: ask the unit for the table as Excel (.xlsx) or CSV."
    );
    assert_eq!(
        refused_file_reason(&w, "pvhtt-nam-po_2023-11.csv"),
        "The file is empty (0 bytes): ask the unit to send it again."
    );
    assert_eq!(
        refused_file_reason(&w, "pvhtt-nam-po_2023-12.csv"),
        "The file is named .csv but is an Excel workbook: rename it to .xlsx (or save it from Excel as CSV) and ingest it again."
    );
    let truncated = refused_file_reason(&w, "pvhtt-nam-po_2023-06.xlsx");
    assert!(
        truncated.starts_with("The workbook cannot be opened ("),
        "{truncated}"
    );
    assert!(truncated.ends_with("it may be damaged or cut short: open it in Excel, save it again as .xlsx and resend it."), "{truncated}");
    assert_eq!(
        refused_file_reason(&w, "pvhtt-nam-po_2023-05.xlsx"),
        "The file is named .xlsx but is not an Excel workbook: if it is a CSV, rename it to .csv; otherwise save it again from Excel as .xlsx."
    );
    let broken_word = refused_file_reason(&w, "pvhtt-nam-po_2023-04.docx");
    assert!(
        broken_word.starts_with("The Word document cannot be opened (")
            && broken_word.ends_with("it may be damaged or cut short: open it in Word, save it again as .docx and resend it."),
        "{broken_word}"
    );
    assert_eq!(
        refused_file_reason(&w, "ghi-chu"),
        "The file has no extension, so its format is unknown: name it after what it is (.xlsx, .xls, .ods, .csv, .tsv, .txt, .json, .docx or .html)."
    );
    // the refused file is identified by its bytes and left where it was
    let rejects = w.rows("lake/rejects");
    let empty = rejects
        .iter()
        .find(|r| {
            v(r, "source_file")
                .as_str()
                .unwrap()
                .ends_with("2023-11.csv")
        })
        .unwrap();
    assert_eq!(v(empty, "submission_id"), json!(sha256_hex(b"")));
    assert!(w.path("inbox/pvhtt-nam-po_2023-11.csv").exists());
    assert!(w.rows("lake/submissions").is_empty());
}

#[test]
fn bad_rows_are_refused_one_by_one_and_the_rest_lands() {
    let w = Workdir::new();
    w.fixture(
        "pvhtt-nam-po_2023-07_bad-rows.csv",
        "pvhtt-nam-po_2023-07_bad-rows.csv",
    );
    let run = w.run(&["ingest", "inbox", "--received-at", "2023-07-14"]);
    assert_eq!(
        run.code, 0,
        "without --strict refusals do not fail the run: {}",
        run.stderr
    );
    assert!(
        run.stderr.contains("1 accepted, 4 refused"),
        "{}",
        run.stderr
    );
    let rejects = sorted_by(w.rows("lake/rejects"), "source_row");
    let reasons: Vec<(i64, String)> = rejects
        .iter()
        .map(|r| {
            (
                v(r, "source_row").as_i64().unwrap(),
                v(r, "reason").as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(reasons.len(), 4);
    assert_eq!(reasons[0].0, 2);
    assert!(
        reasons[0]
            .1
            .starts_with("The form 'Video clip' is not in the list of forms: Tin, Bài, Phóng sự,"),
        "{}",
        reasons[0].1
    );
    assert_eq!(
        reasons[1],
        (
            3,
            "The activity date '32/07/2023' is not a real date.".to_string()
        )
    );
    assert_eq!(
        reasons[2],
        (
            4,
            "The quantity -3 is not allowed: it counts items, so it is 1 or more.".to_string()
        )
    );
    assert_eq!(
        reasons[3],
        (5, "The theme is empty and the title matches several themes (ethnic, labour): fill in the theme.".to_string())
    );
    let s = &w.rows("lake/submissions")[0];
    assert_eq!(
        (
            v(s, "rows_read"),
            v(s, "rows_accepted"),
            v(s, "rows_rejected")
        ),
        (json!(5), json!(1), json!(4))
    );
    let acts = w.rows("lake/activities");
    assert_eq!(acts.len(), 1);
    assert_eq!(v(&acts[0], "title"), json!("Bốn"));
}

#[test]
fn strict_exits_2_only_when_something_was_refused() {
    let w = Workdir::new();
    w.fixture("so-y-te_2023.json", "so-y-te_2023.json");
    assert_eq!(w.run(&["ingest", "inbox", "--strict"]).code, 0);
}

#[test]
fn flags_win_over_what_the_file_says() {
    let w = Workdir::new();
    w.fixture("no-unit.csv", "no-unit.csv");
    let run = w.run(&[
        "ingest",
        "inbox",
        "--unit",
        "Phòng VH-TT huyện Nậm Pồ",
        "--received-at",
        "10/07/2023",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let s = &w.rows("lake/submissions")[0];
    assert_eq!(v(s, "unit_code"), json!("pvhtt-nam-po"));
    assert_eq!(v(s, "period"), json!("2023-07"));
    assert_eq!(v(s, "received_at"), json!("2023-07-10"));
}

#[test]
fn user_errors_exit_1_with_a_message() {
    let w = Workdir::new();
    let run = w.run(&["ingest", "no-such-folder"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.starts_with("baocao: "), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("no-such-folder does not exist: check the path"),
        "{}",
        run.stderr
    );
    let run = w.run(&["ingest", "x.csv", "--period", "July"]);
    assert_eq!(
        run.code, 2,
        "clap's own usage errors exit 2: {}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("'July' is not a period: write 2023-07 or 2023"),
        "{}",
        run.stderr
    );
}

#[test]
fn broken_reference_data_names_file_line_and_field() {
    let w = Workdir::new();
    w.reference_copy("2023", |name, text| {
        if name == "units.csv" {
            text.replacen(",district,", ",huyen,", 2)
        } else {
            text
        }
    });
    w.fixture("so-y-te_2023.json", "so-y-te_2023.json");
    let run = w.run(&["ingest", "inbox", "--reference", "ref"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("/2023/units.csv line 2, field `unit_kind`: 'huyen' is not one of district, culture_office"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_lake_url_baocao_cannot_use_is_refused_before_anything_is_written() {
    let w = Workdir::new();
    w.fixture("so-y-te_2023.json", "so-y-te_2023.json");
    let run = w.run(&["ingest", "inbox", "--lake", "gs://kho/lake"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("cannot use gs://kho/lake as a lake")
            && run.stderr.contains("a local folder or s3://BUCKET/PREFIX"),
        "{}",
        run.stderr
    );
    let run = w.run(&["query", "lake_overview", "--lake", "s3://"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("s3://BUCKET/PREFIX"), "{}", run.stderr);
    // nothing was made on the local disk (before, a folder `gs:` appeared)
    assert!(!w.path("gs:").exists() && !w.path("s3:").exists());
}

#[cfg(not(feature = "s3"))]
#[test]
fn an_s3_lake_in_a_build_without_s3_says_how_to_build_it() {
    let w = Workdir::new();
    let run = w.run_vi(&["query", "lake_overview", "--lake", "s3://kho/lake"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("cargo build --release --features s3"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("lưu trữ đối tượng"), "{}", run.stderr);
    assert!(!w.path("s3:").exists());
}
