//! The formats of contract section 3.1, in files written by their real
//! writers (`tests/fixtures/formats/make_fixtures.py`: xlwt for `.xls`,
//! odfpy for `.ods`, python-docx for `.docx`, an HTML "Xuất Excel"
//! export), each ingested alone and read back with the parquet crate: every
//! figure as worked out by hand from the file (the fixtures' README), the
//! per-file summary's line and notes. Then one folder with a report of
//! each format, and `lake_overview` naming them.

use serde_json::{Value, json};

use super::real_world::{Reading, ingest_fixture, item};
use super::support::{Workdir, v};

fn read(name: &str, flags: &[&str]) -> Reading {
    ingest_fixture(&format!("formats/{name}"), flags)
}

fn the_monthly_xls(r: &Reading) {
    r.is("pvhtt-muong-nhe", "2023-07", 3, 0).items(&[
        item(
            8,
            "2023-07-05",
            "trafficking",
            false,
            "news",
            "Tuyên truyền phòng, chống mua bán người ở xã Chung Chải",
            2,
            Some(1250),
        ),
        item(
            9,
            "2023-07-12",
            "ethnic",
            false,
            "radio",
            "Chương trình phát thanh tiếng Thái về quyền của đồng bào dân tộc thiểu số",
            1,
            Some(3400),
        ),
        item(
            10,
            "2023-07-20",
            "general",
            false,
            "article",
            "Quyền con người trong Hiến pháp năm 2013",
            1,
            None,
        ),
    ]);
    assert_eq!(
        r.column("language"),
        vec![json!("vi"), json!("thai"), json!("vi")]
    );
    // `Ngày gửi:` beside a date cell
    assert_eq!(v(&r.submission, "received_at"), json!("2023-08-10"));
    assert_eq!(v(&r.submission, "format"), json!("xls"));
}

#[test]
fn an_xls_monthly_report_with_a_title_block_and_a_thai_row() {
    let r = read("01-bao-cao-thang-7.xls", &[]);
    the_monthly_xls(&r);
    r.says(&["[pvhtt-muong-nhe 2023-07; xls, sheet \"Báo cáo\"]: 3 accepted\n"]);
}

#[test]
fn an_xls_declaring_a_vietnamese_code_page_is_still_unicode() {
    // calamine decodes BIFF8 text with the declared code page: without
    // forcing UTF-16 every letter of this file came out with a NUL after it
    let r = read("02-code-page-1258.xls", &[]);
    the_monthly_xls(&r);
    r.says(&["note: the workbook declares code page 1258, which Excel 97-2003 workbooks do not use for their text: its text is read as the Unicode it is"]);
}

#[test]
fn an_xls_hidden_sheet_is_not_the_report() {
    read("03-hidden-sheet.xls", &["--received-at", "2023-09-12"])
        .is("pvhtt-tuan-giao", "2023-08", 2, 0)
        .items(&[
            item(
                5,
                "2023-08-03",
                "religion",
                false,
                "article",
                "Chính sách tôn giáo của Đảng và Nhà nước",
                1,
                None,
            ),
            item(
                6,
                "2023-08-15",
                "trafficking",
                false,
                "news",
                "Cảnh giác với thủ đoạn lừa đi làm việc ở nước ngoài",
                3,
                None,
            ),
        ])
        .says(&[
            "[pvhtt-tuan-giao 2023-08; xls, sheet \"BaoCao\"]: 2 accepted\n",
            "note: hidden sheet \"Thang7\" not read: hidden sheets are not reports",
        ]);
}

#[test]
fn tcvn3_titles_inside_an_xls_are_converted() {
    // the class of case 07 (legacy text in workbook cells), in BIFF8
    read("09-tcvn3-trong-xls.xls", &["--received-at", "2023-09-10"])
        .is("pvhtt-muong-nhe", "2023-08", 2, 0)
        .items(&[
            item(
                5,
                "2023-08-02",
                "trafficking",
                false,
                "news",
                "Cảnh giác với thủ đoạn mua bán người qua mạng xã hội",
                2,
                None,
            ),
            item(
                6,
                "2023-08-09",
                "ethnic",
                false,
                "article",
                "Chính sách hỗ trợ đồng bào dân tộc thiểu số vùng cao",
                1,
                None,
            ),
        ])
        .says(&["note: 2 cells typed in the legacy TCVN3 (ABC) encoding converted to Unicode"]);
}

#[test]
fn an_xls_formula_without_a_stored_result_refuses_its_row() {
    // the class of case 05 in BIFF8: xlwt, like openpyxl, calculates nothing
    read("10-cong-thuc.xls", &["--received-at", "2023-11-01"])
        .is("so-tu-phap", "2023", 1, 1)
        .items(&[item(6, "2023-09-22", "general", false, "meeting", "Kỷ niệm Tuyên ngôn quốc tế nhân quyền", 1, Some(95))])
        .refused(&[(
            5,
            "cell.formula_without_value",
            "The cell 'Lượt tiếp cận' (=E5*90) is a formula with no stored result (the workbook was saved without calculating it): open the file in Excel, let it calculate, save it again and resend it.",
        )]);
}

/// v3 (contract 3.2, "what the sheet shows is what it holds"): a hidden
/// row is refused as `row.hidden`, never counted (v2 read it and named it).
#[test]
fn a_hidden_row_is_refused_in_xls_and_ods() {
    for name in ["14-dong-an.xls", "15-dong-an.ods"] {
        read(name, &["--received-at", "2023-09-12"])
            .is("pvhtt-tuan-giao", "2023-08", 2, 1)
            .items(&[
                item(5, "2023-08-03", "trafficking", false, "news", "Hiện", 1, None),
                item(7, "2023-08-17", "trafficking", false, "news", "Hiện", 3, None),
            ])
            .refused(&[(
                6,
                "row.hidden",
                "This row is hidden in the sheet: what the sheet does not show is not part of this report, so it is not counted; if it belongs to this report, show the row and send the file again.",
            )]);
    }
}

#[test]
fn an_ods_cell_is_what_it_shows() {
    let r = read("16-o-hien-thi.ods", &["--received-at", "2023-12-01"]);
    r.is("dai-ptth-dien-bien", "2023", 1, 1)
        // a number cell showing #DIV/0! over a value of 0 is the error
        .refused(&[(
            4,
            "reach.invalid",
            "The reach '#DIV/0!' is a spreadsheet error, not a number: correct the formula in Excel or LibreOffice, save the file again and resend it.",
        )])
        .says(&["note: 1 cell under merged cells holds what the sheet does not show (row 5, column 4: 'NỘI DUNG BỊ CHE'): not read"]);
    // `Tin` merged over the title column: no title shown, none read; a time
    // cell of 01:30:00 is 90 minutes
    assert_eq!(r.column("title"), vec![Value::Null]);
    assert_eq!(r.column("form_code"), vec![json!("news")]);
    assert_eq!(r.column("reach"), vec![json!(300)]);
    assert_eq!(r.column("duration_min"), vec![json!(90.0)]);
}

#[test]
fn an_ods_annual_report_with_a_merged_two_row_header() {
    let r = read("04-bao-cao-nam.ods", &[]);
    r.is("so-tu-phap", "2023", 3, 0)
        .items(&[
            item(7, "2023-03-15", "commitments", false, "meeting", "Hội nghị phổ biến Công ước chống tra tấn", 2, Some(180)),
            item(8, "2023-06-01", "labour", false, "publication", "Tờ rơi về quyền của người lao động đi làm việc ở nước ngoài", 1500, None),
            item(9, "2023-09-22", "general", false, "meeting", "Tọa đàm kỷ niệm 75 năm Tuyên ngôn quốc tế nhân quyền", 1, Some(95)),
        ])
        .says(&[
            "[so-tu-phap 2023; ods, sheet \"Biểu 01\"]: 3 accepted\n",
            "note: the header takes rows 5 to 6: read \"Kết quả / Số lượng\" as the quantity, \"Kết quả / Số người tham dự\" as the reach",
        ]);
    assert_eq!(v(&r.submission, "received_at"), json!("2023-11-02"));
}

#[test]
fn a_word_report_with_narrative_and_merged_cells() {
    // the letterhead names the unit, the title the period; a cell of two
    // paragraphs is one title; the date of item 1 is merged down over item 2
    let r = read("05-bao-cao-word.docx", &[]);
    r.is("pvhtt-dien-bien-dong", "2023-10", 3, 0)
        .items(&[
            item(8, "2023-10-03", "ethnic", false, "mobile_outreach", "Tuyên truyền lưu động tại xã Phì Nhừ (phối hợp Đồn Biên phòng)", 4, Some(1200)),
            item(9, "2023-10-03", "trafficking", false, "news", "Phòng, chống mua bán người dịp cuối năm", 2, None),
            item(10, "2023-10-25", "general", false, "article", "Bảo đảm quyền con người trong xây dựng nông thôn mới", 1, Some(850)),
        ])
        .says(&[
            "[pvhtt-dien-bien-dong 2023-10; docx, table 1 of 1]: 3 accepted\n",
            "note: the header takes rows 6 to 7: read \"Kết quả / Số lượng\" as the quantity, \"Kết quả / Lượt tiếp cận\" as the reach",
        ]);
    assert_eq!(v(&r.submission, "received_at"), json!("2023-11-09"));
    // the narrative's "12 buổi" and "2.000 lượt người" are not figures
    let total: i64 = r.column("quantity").iter().filter_map(|q| q.as_i64()).sum();
    assert_eq!(total, 7);
}

#[test]
fn a_word_table_continued_over_a_page_is_one_table() {
    // lines: 2 paragraphs, the first table (3 rows), the page break, the
    // second table (its repeated header at line 7)
    read("06-bang-noi-tiep.docx", &["--received-at", "2023-12-15"])
        .is("so-tu-phap", "2023", 4, 0)
        .items(&[
            item(
                4,
                "2023-03-15",
                "commitments",
                false,
                "meeting",
                "Phổ biến Công ước chống tra tấn",
                2,
                None,
            ),
            item(
                5,
                "2023-06-01",
                "labour",
                false,
                "publication",
                "Quyền của người lao động",
                1500,
                None,
            ),
            item(
                8,
                "2023-09-22",
                "general",
                false,
                "meeting",
                "Kỷ niệm Tuyên ngôn quốc tế nhân quyền",
                1,
                None,
            ),
            item(
                9,
                "2023-12-10",
                "general",
                false,
                "article",
                "Ngày Quyền con người",
                3,
                None,
            ),
        ])
        .says(&["[so-tu-phap 2023; docx, tables 1-2 of 2, one table continued]: 4 accepted\n"]);
}

#[test]
fn a_word_letterhead_table_hidden_text_and_a_cell_of_two_figures() {
    // lines: the letterhead table (1), the title (2), the first table (3-5:
    // header, column numbers, item), the page break (6), the second table
    // (7-9: its header and numbers again, then the item)
    read("11-tieu-de-dang-bang.docx", &["--received-at", "2023-11-01"])
        .is("so-tu-phap", "2023", 1, 1)
        // the reach cell shows 800: a "0" after it is hidden text
        .items(&[item(5, "2023-03-15", "commitments", false, "meeting", "Phổ biến Công ước chống tra tấn", 2, Some(800))])
        // a quantity cell of two paragraphs, 2 and 3, is not twenty-three
        .refused(&[(9, "quantity.invalid", "The quantity '2 / 3' is not one whole number (a space or a line break splits it).")])
        .says(&["[so-tu-phap 2023; docx, tables 2-3 of 3, one table continued]: 1 accepted, 1 refused, 1 template/total row skipped\n"]);
}

#[test]
fn what_a_careful_reader_does_not_read_in_a_word_cell() {
    read("12-sua-chua.docx", &["--received-at", "2023-11-01"])
        .is("pvhtt-tuan-giao", "2023-10", 2, 2)
        .items(&[
            // a "1" hidden by a character style before the 2 Word shows
            item(4, "2023-10-02", "trafficking", false, "news", "Hidden by a style", 2, None),
            // a 3 struck out, 4 beside it
            item(5, "2023-10-09", "general", false, "article", "Struck out and corrected", 4, None),
        ])
        .refused(&[
            // 15 with a raised footnote mark 1 is not 151
            (6, "quantity.invalid", "The quantity '15 / 1' is not one whole number (a space or a line break splits it)."),
            // 12 over 500 in two paragraphs is not 12500
            (7, "quantity.invalid", "The quantity '12 / 500' is not one whole number (a space or a line break splits it)."),
        ]);
}

#[test]
fn a_utf16_web_page_named_xls_with_hidden_struck_and_rounded_cells() {
    read("13-trang-web-utf16.xls", &["--received-at", "2023-12-01"])
        .is("so-tu-phap", "2023", 2, 2)
        .items(&[
            // a "9" in a class the style sheet hides; the date's x:num 45000
            item(4, "2023-03-15", "general", false, "meeting", "A hidden class", 2, None),
            // shown "9/7/2023" (month-first), saved as serial 45176
            item(5, "2023-09-07", "general", false, "article", "A date shown month-first", 4, None),
        ])
        .refused(&[
            (6, "quantity.invalid", "The quantity '15 / 1' is not one whole number (a space or a line break splits it)."),
            // shown as 3, saved as 2.6
            (7, "quantity.invalid", "The quantity '2.6' is not a whole number."),
        ])
        .says(&["[so-tu-phap 2023; HTML table 1 of 1, UTF-16LE]: 2 accepted, 2 refused\n"]);
}

#[test]
fn a_word_report_without_a_table_is_refused_with_the_sentence_and_kept() {
    let w = Workdir::new();
    w.fixture("formats/07-khong-co-bang.docx", "07-khong-co-bang.docx");
    let run = w.run(&["ingest", "inbox"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let why = "The Word document has no table: the activities and their figures must be in a table (columns such as Ngày, Hình thức, Chủ đề, Tên tin bài, Số lượng), since the narrative is not read for figures; ask the unit to put them in a table in the document, or to send the table as Excel.";
    assert!(
        run.stderr
            .contains(&format!("REFUSED  inbox/07-khong-co-bang.docx: {why}")),
        "{}",
        run.stderr
    );
    let rejects = w.rows("lake/rejects");
    assert_eq!(rejects.len(), 1);
    assert_eq!(v(&rejects[0], "reason"), json!(why));
    assert_eq!(v(&rejects[0], "reason_code"), json!("file.no_table"));
    assert!(w.rows("lake/activities").is_empty());
    // the file stays where it was sent
    assert!(w.path("inbox/07-khong-co-bang.docx").is_file());
}

#[test]
fn a_web_export_named_xls_is_read_as_the_html_table_it_is() {
    read("08-xuat-excel.xls", &["--received-at", "2023-10-10"])
        .is("pvhtt-tuan-giao", "2023-09", 3, 0)
        .items(&[
            item(6, "2023-09-05", "trafficking", false, "portal_post", "Tuần Giáo: ra quân phòng, chống mua bán người", 1, Some(2345)),
            item(7, "2023-09-18", "religion", false, "social_post", "Chính sách tự do tín ngưỡng, tôn giáo & đời sống đồng bào", 3, Some(12000)),
            item(8, "2023-09-30", "ethnic", false, "news", "Hỗ trợ đồng bào dân tộc thiểu số tại xã Quài Tở", 2, None),
        ])
        .says(&[
            "[pvhtt-tuan-giao 2023-09; HTML table 1 of 1, UTF-8]: 3 accepted\n",
            "note: the file is named .xls but is an HTML table (a web page, as web systems export \"Excel\"): read as such",
            "note: the header takes rows 4 to 5: read \"Kết quả / Số lượng\" as the quantity, \"Kết quả / Lượt xem\" as the reach",
        ]);
}

#[test]
fn a_folder_with_a_report_in_each_format() {
    let w = Workdir::new();
    for name in [
        "01-bao-cao-thang-7.xls",
        "04-bao-cao-nam.ods",
        "05-bao-cao-word.docx",
        "08-xuat-excel.xls",
    ] {
        w.fixture(&format!("formats/{name}"), name);
    }
    w.fixture("real-world/01-date1904-mac.xlsx", "01-date1904-mac.xlsx");
    w.fixture("pvhtt-tuan-giao_2023-07.csv", "pvhtt-tuan-giao_2023-07.csv");
    let run = w.run(&["ingest", "inbox", "--received-at", "2023-12-01"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for line in [
        "[pvhtt-muong-nhe 2023-07; xls, sheet \"Báo cáo\"]: 3 accepted\n",
        "[so-tu-phap 2023; ods, sheet \"Biểu 01\"]: 3 accepted\n",
        "[pvhtt-dien-bien-dong 2023-10; docx, table 1 of 1]: 3 accepted\n",
        "[pvhtt-tuan-giao 2023-09; HTML table 1 of 1, UTF-8]: 3 accepted\n",
        "[pvhtt-muong-cha 2023-07; xlsx, sheet \"Báo cáo\"]: 3 accepted\n",
        "[pvhtt-tuan-giao 2023-07; csv, UTF-8, ','-separated]: 3 accepted, 1 refused\n",
        "6 files: 6 ingested",
    ] {
        assert!(
            run.stderr.contains(line),
            "missing «{line}» in:\n{}",
            run.stderr
        );
    }
    let mut formats: Vec<(String, String)> = w
        .rows("lake/submissions")
        .iter()
        .map(|s| {
            (
                v(s, "source_file").as_str().unwrap_or("").to_string(),
                v(s, "format").as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    formats.sort();
    assert_eq!(
        formats,
        [
            ("inbox/01-bao-cao-thang-7.xls", "xls"),
            ("inbox/01-date1904-mac.xlsx", "xlsx"),
            ("inbox/04-bao-cao-nam.ods", "ods"),
            ("inbox/05-bao-cao-word.docx", "docx"),
            ("inbox/08-xuat-excel.xls", "html"),
            ("inbox/pvhtt-tuan-giao_2023-07.csv", "csv"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    // the named query says it too: six current reports, one of each, with
    // 3 items each (the CSV's fourth row is dated 31/02)
    let q = w.run(&["query", "lake_overview", "--format", "json"]);
    assert_eq!(q.code, 0, "{}", q.stderr);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&q.stdout).expect("json");
    assert_eq!(rows[0]["current_submissions"], json!(6));
    assert_eq!(rows[0]["items"], json!(18));
    assert_eq!(rows[0]["rows_refused"], json!(1));
    assert_eq!(
        rows[0]["formats"],
        json!("csv 1, docx 1, html 1, ods 1, xls 1, xlsx 1")
    );
}
