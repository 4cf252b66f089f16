//! Report files shaped like what offices really send (`tests/fixtures/
//! real-world/`: the seven cases of `../shared/cases/real-world/` and a
//! second example of each class, made by other writers: openpyxl, glibc's
//! iconv, VNI by hand), each ingested and read back with the parquet crate:
//! every figure, date, title and refusal as worked out by hand from the
//! file, and the per-file summary's notes.

use serde_json::{Map, Value, json};

use super::support::{Run, Workdir, sorted_by, v};

/// One accepted item as the file means it.
pub(super) struct Item {
    row: i64,
    date: &'static str,
    theme: &'static str,
    inferred: bool,
    form: &'static str,
    title: &'static str,
    quantity: i64,
    reach: Option<i64>,
}

#[allow(clippy::too_many_arguments)]
pub(super) const fn item(
    row: i64,
    date: &'static str,
    theme: &'static str,
    inferred: bool,
    form: &'static str,
    title: &'static str,
    quantity: i64,
    reach: Option<i64>,
) -> Item {
    Item {
        row,
        date,
        theme,
        inferred,
        form,
        title,
        quantity,
        reach,
    }
}

/// What ingest made of one file.
pub(super) struct Reading {
    pub(super) run: Run,
    pub(super) submission: Map<String, Value>,
    pub(super) items: Vec<Map<String, Value>>,
    refused: Vec<Map<String, Value>>,
}

/// Ingests `tests/fixtures/real-world/<name>` as the cases' README says
/// (received 2023-12-01) and reads the lake back.
fn ingest(name: &str) -> Reading {
    ingest_fixture(
        &format!("real-world/{name}"),
        &["--received-at", "2023-12-01"],
    )
}

/// Ingests `tests/fixtures/<rel>` alone (with `flags`) and reads the lake back.
pub(super) fn ingest_fixture(rel: &str, flags: &[&str]) -> Reading {
    let w = Workdir::new();
    let name = rel.rsplit('/').next().unwrap_or(rel);
    w.fixture(rel, name);
    let run = w.run(&[&["ingest", "inbox"][..], flags].concat());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let subs = w.rows("lake/submissions");
    assert_eq!(subs.len(), 1, "{rel}: {}", run.stderr);
    Reading {
        run,
        submission: subs[0].clone(),
        items: sorted_by(w.rows("lake/activities"), "source_row"),
        refused: sorted_by(w.rows("lake/rejects"), "source_row"),
    }
}

impl Reading {
    pub(super) fn is(&self, unit: &str, period: &str, accepted: usize, refused: usize) -> &Self {
        let s = &self.submission;
        assert_eq!(
            (v(s, "unit_code"), v(s, "period")),
            (json!(unit), json!(period)),
            "{}",
            self.run.stderr
        );
        assert_eq!(
            (
                v(s, "rows_read"),
                v(s, "rows_accepted"),
                v(s, "rows_rejected")
            ),
            (json!(accepted + refused), json!(accepted), json!(refused)),
            "{}",
            self.run.stderr
        );
        assert_eq!(self.items.len(), accepted);
        assert_eq!(self.refused.len(), refused);
        self
    }

    pub(super) fn items(&self, want: &[Item]) -> &Self {
        assert_eq!(self.items.len(), want.len(), "{}", self.run.stderr);
        for (got, want) in self.items.iter().zip(want) {
            let row = want.row;
            assert_eq!(v(got, "source_row"), json!(row));
            assert_eq!(v(got, "activity_date"), json!(want.date), "row {row}");
            assert_eq!(v(got, "date_precision"), json!("day"), "row {row}");
            assert_eq!(v(got, "theme_code"), json!(want.theme), "row {row}");
            assert_eq!(v(got, "theme_inferred"), json!(want.inferred), "row {row}");
            assert_eq!(v(got, "form_code"), json!(want.form), "row {row}");
            assert_eq!(v(got, "title"), json!(want.title), "row {row}");
            assert_eq!(v(got, "quantity"), json!(want.quantity), "row {row}");
            assert_eq!(v(got, "reach"), json!(want.reach), "row {row}");
        }
        self
    }

    /// The refused rows: (row, reason_code, reason).
    pub(super) fn refused(&self, want: &[(i64, &str, &str)]) -> &Self {
        let got: Vec<(Value, Value, Value)> = self
            .refused
            .iter()
            .map(|r| (v(r, "source_row"), v(r, "reason_code"), v(r, "reason")))
            .collect();
        let want: Vec<(Value, Value, Value)> = want
            .iter()
            .map(|(row, code, reason)| (json!(row), json!(code), json!(reason)))
            .collect();
        assert_eq!(got, want);
        self
    }

    /// The per-file summary says each of these lines.
    pub(super) fn says(&self, lines: &[&str]) -> &Self {
        for line in lines {
            assert!(
                self.run.stderr.contains(line),
                "missing «{line}» in:\n{}",
                self.run.stderr
            );
        }
        self
    }

    pub(super) fn column(&self, name: &str) -> Vec<Value> {
        self.items.iter().map(|r| v(r, name)).collect()
    }
}

// ---- the seven cases of ../shared/cases/real-world/ ----

#[test]
fn case_01_a_1904_workbook_is_not_filed_under_2019() {
    ingest("01-date1904-mac.xlsx")
        .is("pvhtt-muong-cha", "2023-07", 3, 0)
        .items(&[
            item(9, "2023-07-05", "trafficking", false, "news", "Cảnh giác thủ đoạn mua bán người qua mạng", 2, Some(1200)),
            item(10, "2023-07-12", "ethnic", false, "radio", "Chính sách hỗ trợ đồng bào vùng cao", 1, Some(3500)),
            item(11, "2023-07-20", "religion", false, "mobile_outreach", "Tuyên truyền tại xã Sa Lông", 3, Some(450)),
        ])
        .says(&[
            "[pvhtt-muong-cha 2023-07; xlsx, sheet \"Báo cáo\"]: 3 accepted",
            "note: the workbook counts dates from 1904 (as Excel for Mac saved it): its date serials are read that way",
        ]);
}

#[test]
fn case_02_a_hidden_list_sheet_is_not_the_report() {
    let r = ingest("02-hidden-list-sheet.xlsx");
    r.is("pvhtt-tuan-giao", "2023-08", 3, 0)
        .items(&[
            item(
                9,
                "2023-08-03",
                "trafficking",
                false,
                "news",
                "Cảnh giác với lời mời đi làm việc ở nước ngoài",
                2,
                Some(800),
            ),
            item(
                10,
                "2023-08-10",
                "ethnic",
                false,
                "radio",
                "Bản tin tiếng Thái về chính sách dân tộc",
                4,
                Some(2600),
            ),
            item(
                11,
                "2023-08-24",
                "general",
                false,
                "meeting",
                "Tọa đàm 75 năm Tuyên ngôn thế giới về nhân quyền",
                1,
                Some(120),
            ),
        ])
        .says(&[
            "[pvhtt-tuan-giao 2023-08; xlsx, sheet \"BaoCao\"]: 3 accepted",
            "note: hidden sheet \"DanhMuc\" not read: hidden sheets are not reports",
        ]);
    assert_eq!(
        r.column("language"),
        vec![json!("vi"), json!("thai"), json!("vi")]
    );
}

#[test]
fn case_03_a_two_row_merged_header_names_the_quantity_and_the_reach() {
    let r = ingest("03-two-row-merged-header.xlsx");
    r.is("so-ldtbxh", "2023", 3, 0)
        .items(&[
            item(9, "2023-03-15", "labour", false, "meeting", "Tập huấn pháp luật về người lao động đi làm việc ở nước ngoài", 2, Some(180)),
            item(10, "2023-06-20", "labour", false, "portal_post", "Lương tối thiểu vùng năm 2023", 4, Some(2350)),
            item(11, "2023-10-10", "trafficking", false, "publication", "Phát tờ rơi cảnh giác mua bán người tại các chợ phiên", 500, None),
        ])
        .says(&[
            "[so-ldtbxh 2023; xlsx, sheet \"Bieu 01\"]: 3 accepted\n",
            "note: the header takes rows 7 to 8: read \"Kết quả / Số lượng\" as the quantity, \"Kết quả / Số người tham dự\" as the reach",
        ]);
    assert_eq!(
        r.column("notes"),
        vec![Value::Null, Value::Null, json!("500 tờ")]
    );
}

#[test]
fn case_05_computed_figures_are_the_numbers_excel_shows() {
    let r = ingest("05-formula-float-artifact.xlsx");
    r.is("so-vhttdl", "2023", 3, 0)
        .items(&[
            item(8, "2023-05-12", "general", false, "meeting", "Hội nghị tuyên truyền 75 năm Tuyên ngôn thế giới về nhân quyền", 1, Some(3500)),
            item(9, "2023-07-18", "ethnic", false, "mobile_outreach", "Tuyên truyền văn hóa các dân tộc tại huyện Nậm Pồ", 2, Some(1960)),
            item(10, "2023-11-09", "commitments", false, "portal_post", "Việt Nam thực hiện các công ước quốc tế về quyền con người", 3, Some(860)),
        ])
        .says(&[
            "note: column \"Tỷ lệ tiếp cận\" looks like the reach but is not read as it: the reach is column \"Lượt tiếp cận\" (kept in extra)",
            "note: 2 figures within floating-point noise of a whole number, as a computed figure is stored (e.g. 3500.0000000000005), read as those whole numbers",
        ]);
    assert_eq!(
        r.column("extra"),
        vec![
            json!(r#"{"STT":1,"Dân số địa bàn":12500,"Tỷ lệ tiếp cận":0.28}"#),
            json!(r#"{"STT":2,"Dân số địa bàn":5600,"Tỷ lệ tiếp cận":0.35}"#),
            json!(r#"{"STT":3}"#),
        ]
    );
}

#[test]
fn case_07_tcvn3_titles_in_a_unicode_workbook_are_converted() {
    let r = ingest("07-tcvn3-vntime-titles.xlsx");
    r.is("pvhtt-muong-cha", "2023-09", 3, 0)
        .items(&[
            item(8, "2023-09-04", "trafficking", false, "news", "Cảnh giác với thủ đoạn mua bán người qua mạng xã hội", 2, None),
            item(9, "2023-09-11", "ethnic", false, "radio", "Chính sách hỗ trợ đồng bào dân tộc thiểu số vùng cao", 1, None),
            item(10, "2023-09-18", "trafficking", true, "article", "Tuyên truyền phòng, chống mua bán người tại xã Sa Lông", 1, None),
        ])
        .says(&[
            "note: 5 cells typed in the legacy TCVN3 (ABC) encoding converted to Unicode (e.g. 'C¶nh gi¸c víi thñ ®o¹n mua b¸n ng\u{ad}êi qua...' is 'Cảnh giác với thủ đoạn mua bán người qua...')",
        ]);
    assert_eq!(
        r.column("notes"),
        vec![
            json!("phát trên loa truyền thanh xã"),
            Value::Null,
            json!("chủ đề để trống")
        ]
    );
}

#[test]
fn case_11_offset_date_times_count_on_their_local_date() {
    let r = ingest("11-odk-datetime-offset.ndjson");
    r.is("pvhtt-muong-nhe", "2023-07", 3, 0).items(&[
        item(
            1,
            "2023-07-01",
            "ethnic",
            false,
            "mobile_outreach",
            "Tuyên truyền tại bản Huổi Lụ",
            1,
            Some(140),
        ),
        item(
            2,
            "2023-07-14",
            "trafficking",
            false,
            "meeting",
            "Hội nghị phòng chống mua bán người xã Sín Thầu",
            1,
            Some(65),
        ),
        item(
            3,
            "2023-07-31",
            "general",
            false,
            "news",
            "Tin tổng hợp tháng 7",
            3,
            None,
        ),
    ]);
    assert_eq!(v(&r.submission, "format"), json!("ndjson"));
}

#[test]
fn case_12_headings_with_unit_notes_and_line_breaks() {
    let r = ingest("12-header-unit-notes.xlsx");
    r.is("dai-ptth-dien-bien", "2023-08", 3, 0).items(&[
        item(
            7,
            "2023-08-04",
            "ethnic",
            false,
            "tv",
            "Phóng sự tiếng Thái: hỗ trợ sinh kế vùng cao",
            3,
            Some(12000),
        ),
        item(
            8,
            "2023-08-11",
            "trafficking",
            false,
            "radio",
            "Chuyên mục phòng, chống mua bán người",
            2,
            Some(8500),
        ),
        item(
            9,
            "2023-08-25",
            "labour",
            false,
            "news",
            "Tuyển lao động đi làm việc tại Hàn Quốc",
            5,
            None,
        ),
    ]);
    assert_eq!(
        r.column("duration_min"),
        vec![json!(15.0), json!(10.0), Value::Null]
    );
    // nothing but the row numbers is left over
    assert_eq!(
        r.column("extra"),
        vec![
            json!(r#"{"STT":1}"#),
            json!(r#"{"STT":2}"#),
            json!(r#"{"STT":3}"#)
        ]
    );
}

// ---- a second example of each class, made by other writers ----

#[test]
fn date_system_a_1904_annual_report_with_a_bare_serial_and_its_period_in_the_title() {
    // 43803 is 2023-12-05 counted from 1904 (and 2019-12-04 from 1900)
    ingest("21-date1904-annual-title-period.xlsx")
        .is("so-tu-phap", "2023", 3, 0)
        .items(&[
            item(
                7,
                "2023-02-14",
                "commitments",
                false,
                "meeting",
                "Phổ biến Công ước chống tra tấn",
                1,
                Some(85),
            ),
            item(
                8,
                "2023-09-30",
                "religion",
                false,
                "portal_post",
                "Luật Tín ngưỡng, tôn giáo",
                2,
                None,
            ),
            item(
                9,
                "2023-12-05",
                "general",
                false,
                "meeting",
                "Tọa đàm Ngày Nhân quyền thế giới",
                1,
                Some(60),
            ),
        ])
        .says(&["note: the workbook counts dates from 1904"]);
}

#[test]
fn sheets_a_very_hidden_copy_and_visible_list_sheets_are_passed_over() {
    ingest("22-visible-lists-very-hidden-copy.xlsx")
        .is("ubnd-h-muong-ang", "2023", 2, 0)
        .items(&[
            item(6, "2023-03-12", "trafficking", false, "news", "Cảnh giác mua bán người dịp Tết", 3, Some(2400)),
            item(7, "2023-05-19", "labour", false, "mobile_outreach", "Tư vấn xuất khẩu lao động", 1, Some(350)),
        ])
        .says(&[
            "[ubnd-h-muong-ang 2023; xlsx, sheet \"BaoCao\"]: 2 accepted",
            "note: hidden sheet \"BanCu\" not read: hidden sheets are not reports",
            "note: sheet \"BaoCao\" read, its table matching the contract best; also a table on \"DanhMuc\"",
        ]);
}

#[test]
fn header_and_body_a_csv_with_two_header_rows_sections_totals_and_a_title_period() {
    let r = ingest("23-csv-two-row-header-sections.csv");
    r.is("pvhtt-dien-bien-dong", "2023-10", 4, 1)
        .items(&[
            // under "I. Phòng, chống mua bán người": the file names the theme
            item(9, "2023-10-03", "trafficking", false, "news", "Cảnh giác thủ đoạn lừa đi làm thuê", 2, Some(1500)),
            item(10, "2023-10-12", "trafficking", false, "radio", "Phát thanh tiếng Mông", 1, Some(3200)),
            // under "II. Quyền của đồng bào dân tộc thiểu số"; September is in October's window
            item(12, "2023-09-20", "ethnic", false, "mobile_outreach", "Chiếu phim lưu động tại bản Phì Nhừ", 1, Some(420)),
            // names its own theme
            item(14, "2023-10-25", "general", false, "meeting", "Tọa đàm 75 năm Tuyên ngôn", 1, Some(80)),
        ])
        .refused(&[(
            13,
            "date.outside_period",
            "The activity date '05/08/2023' (5 August 2023) is outside the period this file reports on, 2023-10 (items dated 1 September to 31 October 2023): check the date, or send the item with the report for its own period.",
        )])
        .says(&[
            "[pvhtt-dien-bien-dong 2023-10; csv, UTF-8, ';'-separated]: 4 accepted, 1 refused, 2 template/total rows skipped, 2 section headings",
            "note: the header takes rows 5 to 6: read \"Kết quả / SL\" as the quantity, \"Kết quả / Số lượt người nghe, xem\" as the reach",
        ]);
}

#[test]
fn header_and_body_merged_cells_give_their_value_down_but_a_merged_figure_is_refused() {
    let merged = "reach is one cell merged over rows 9 to 10, and a figure cannot be shared out between activities: give each row its own Lượt tiếp cận.";
    ingest("24-merged-body-cells.xlsx")
        .is("so-gddt", "2023", 3, 2)
        .items(&[
            item(
                8,
                "2023-03-15",
                "ethnic",
                false,
                "meeting",
                "Tập huấn giáo viên vùng cao",
                1,
                Some(120),
            ),
            // the section's theme wins over the title's keywords (ethnic)
            item(
                12,
                "2023-12-10",
                "general",
                false,
                "article",
                "Giáo dục quyền con người trong nhà trường",
                3,
                Some(5000),
            ),
            item(
                13,
                "2023-12-11",
                "general",
                false,
                "reportage",
                "Học sinh dân tộc thiểu số được hỗ trợ",
                1,
                Some(900),
            ),
        ])
        .refused(&[
            (9, "cell.merged_figure", &format!("The {merged}")),
            (10, "cell.merged_figure", &format!("The {merged}")),
        ])
        .says(&[
            "[so-gddt 2023; xlsx, sheet \"Sheet1\"]: 3 accepted, 2 refused, 2 section headings",
        ]);
}

#[test]
fn float_noise_in_json_numbers_and_a_real_fraction() {
    ingest("25-json-float-noise.json")
        .is("so-y-te", "2023", 2, 1)
        .items(&[
            item(1, "2023-06-02", "ethnic", false, "mobile_outreach", "Khám bệnh lưu động vùng cao", 2, Some(1960)),
            item(2, "2023-08-19", "labour", false, "meeting", "An toàn lao động ngành y", 1, Some(240)),
        ])
        .refused(&[(3, "quantity.invalid", "The quantity '2.5' is not a whole number.")])
        .says(&["note: 3 figures within floating-point noise of a whole number, as a computed figure is stored (e.g. 2.0000000000000004), read as those whole numbers"]);
}

#[test]
fn formulas_saved_without_a_result_refuse_their_rows() {
    ingest("26-formulas-without-results.xlsx")
        .is("so-noi-vu", "2023", 1, 2)
        .items(&[item(5, "2023-06-06", "commitments", false, "meeting", "Phổ biến báo cáo UPR", 1, Some(150))])
        .refused(&[
            (4, "cell.formula_without_value", "The cell 'Lượt tiếp cận' (=F4*G4) is a formula with no stored result (the workbook was saved without calculating it): open the file in Excel, let it calculate, save it again and resend it."),
            (6, "cell.formula_without_value", "The cell 'Số lượng' (=1+1) is a formula with no stored result (the workbook was saved without calculating it): open the file in Excel, let it calculate, save it again and resend it."),
        ]);
}

#[test]
fn legacy_text_a_csv_in_tcvn3_bytes() {
    let r = ingest("27-csv-tcvn3-bytes.csv");
    r.is("pvhtt-tua-chua", "2023-11", 3, 0)
        .items(&[
            item(
                4,
                "2023-11-02",
                "trafficking",
                false,
                "news",
                "Cảnh giác với lời rủ rê đi làm ăn xa",
                2,
                Some(900),
            ),
            item(
                5,
                "2023-11-09",
                "ethnic",
                true,
                "article",
                "Đồng bào dân tộc thiểu số phát triển kinh tế",
                1,
                None,
            ),
            item(
                6,
                "2023-10-16",
                "religion",
                false,
                "radio",
                "Hoạt động tôn giáo đúng pháp luật",
                1,
                Some(1200),
            ),
        ])
        .says(&[
            "[pvhtt-tua-chua 2023-11; csv, TCVN3 (ABC), ','-separated]: 3 accepted",
            "note: the file is in the legacy TCVN3 (ABC) encoding, not Unicode: read as such",
        ]);
    assert_eq!(
        r.column("language"),
        vec![json!("hmong"), json!("vi"), json!("thai")]
    );
}

#[test]
fn legacy_text_vni_in_the_cells_of_a_unicode_workbook() {
    let r = ingest("28-vni-cells.xlsx");
    r.is("pvhtt-muong-lay", "2023-12", 2, 0)
        .items(&[
            item(5, "2023-12-05", "trafficking", false, "news", "Tuyên truyền phòng chống mua bán người tại bản Huổi Min", 2, None),
            item(6, "2023-12-12", "labour", true, "article", "Chính sách hỗ trợ người lao động đi làm việc ở nước ngoài", 1, None),
        ])
        .says(&["note: 6 cells typed in the legacy VNI-Windows encoding converted to Unicode (e.g. 'BAÙO CAÙO KEÁT QUAÛ TUYEÂN TRUYEÀN' is 'BÁO CÁO KẾT QUẢ TUYÊN TRUYỀN')"]);
    assert_eq!(r.column("language"), vec![json!("thai"), json!("vi")]);
}

#[test]
fn dates_a_us_locale_csv_is_read_month_first_as_a_whole_column() {
    ingest("29-csv-us-locale-dates.csv")
        .is("pvhtt-muong-nhe", "2023-07", 3, 0)
        .items(&[
            item(4, "2023-07-05", "trafficking", false, "news", "Warning on trafficking via social networks", 1, Some(300)),
            item(5, "2023-07-28", "ethnic", false, "radio", "Hmong-language radio programme", 2, Some(1200)),
            item(6, "2023-06-30", "general", false, "meeting", "Human rights day preparation", 1, Some(45)),
        ])
        .says(&["note: dates read month-first (mm/dd/yyyy, as a US-locale Windows writes them): read day-first, 3 of 3 would be impossible or outside 2023-07 (1 June to 31 July 2023); month-first, every one fits"]);
}

#[test]
fn dates_a_column_written_both_ways_refuses_what_it_cannot_settle() {
    ingest("30-csv-mixed-date-orders.csv")
        .is("pvhtt-nam-po", "2023-08", 3, 2)
        .items(&[
            item(4, "2023-08-15", "trafficking", false, "news", "Tin một", 1, None),
            // 3 August: 8 March month-first is outside August's report
            item(6, "2023-08-03", "ethnic", false, "article", "Bài ba", 1, None),
            item(8, "2023-08-10", "general", false, "news", "Tin năm", 1, None),
        ])
        .refused(&[
            (5, "date.month_first_ambiguous", "The activity date '8/20/2023' only makes sense month-first (20 August 2023), but other dates in its column are day-first: write every date as dd/mm/yyyy."),
            (7, "date.month_first_ambiguous", "The activity date '8/7/2023' could be 8 July 2023 or 7 August 2023, and its column has dates written both day-first and month-first: write it as dd/mm/yyyy."),
        ]);
}

#[test]
fn dates_offsets_count_on_their_local_date_and_must_fit_the_year() {
    let r = ingest("31-json-offsets.json");
    r.is("ttxvn-dien-bien", "2023", 3, 1)
        .items(&[
            // 00:10 on 1 January in Hà Nội is still 2022 in UTC
            item(1, "2023-01-01", "general", false, "news", "Chúc mừng năm mới", 1, None),
            item(2, "2023-12-31", "ethnic", false, "reportage", "Tết ở bản vùng cao", 1, Some(4000)),
            item(3, "2023-06-15", "religion", false, "article", "Lễ hội truyền thống", 2, None),
        ])
        .refused(&[(4, "date.outside_period", "The activity date '2022-12-31T23:30:00+07:00' (31 December 2022) is outside the period this file reports on, 2023 (items dated 1 January to 31 December 2023): check the date, or send the item with the report for its own period.")]);
    // the flag wins over the file's own received date
    assert_eq!(v(&r.submission, "received_at"), json!("2023-12-01"));
}

#[test]
fn headings_abbreviated_wrapped_and_with_notes_and_a_rate_beside_the_reach() {
    let r = ingest("32-header-notes-abbreviations.xlsx");
    r.is("bao-dien-bien-phu", "2023-06", 3, 0)
        .items(&[
            item(6, "2023-06-03", "ethnic", false, "reportage", "Mùa vàng trên ruộng bậc thang", 1, Some(15000)),
            item(7, "2023-06-20", "trafficking", false, "article", "Đường dây mua bán người bị triệt phá", 2, Some(21000)),
            // 28 May is in June's reporting window
            item(8, "2023-05-28", "labour", false, "news", "Hội chợ việc làm", 3, None),
        ])
        .says(&["note: column \"Tỷ lệ tiếp cận (%)\" looks like the reach but is not read as it: the reach is column \"Số lượt người nghe, xem\" (kept in extra)"]);
    assert_eq!(
        r.column("duration_min"),
        vec![json!(8.0), Value::Null, Value::Null]
    );
    assert_eq!(
        r.column("extra"),
        vec![
            json!(r#"{"Tỷ lệ tiếp cận (%)":12.5}"#),
            Value::Null,
            Value::Null
        ]
    );
}

/// v3 (contract 3.2): a file whose every row is refused reads nothing and
/// is refused whole (`file.no_items`); its rows' refusals are kept in the
/// refusal's `raw`.
#[test]
fn no_silent_default_a_quantity_column_nobody_named_refuses_the_rows() {
    let unclear = "No column is named as the quantity, but 'Số lượng sản phẩm in ấn' looks like one, so the quantity cannot be read: if it counts the items, name it 'Số lượng' (or 'SL') and send the file again.";
    refused_whole(
        "real-world/33-csv-unclear-quantity-column.csv",
        &["--received-at", "2023-12-01"],
    )
    .rows(&[
        (4, "quantity.column_unclear", unclear),
        (5, "quantity.column_unclear", unclear),
    ]);
}

/// What ingest made of a file refused whole because every row of it was
/// refused: the file's refusal, and its rows' refusals kept in its raw.
pub(super) struct RefusedWhole {
    pub(super) run: Run,
    pub(super) reject: Map<String, Value>,
}

/// Ingests `tests/fixtures/<rel>` alone; it must be refused whole as
/// `file.no_items`, nothing of it in the lake but the refusal.
pub(super) fn refused_whole(rel: &str, flags: &[&str]) -> RefusedWhole {
    let w = Workdir::new();
    let name = rel.rsplit('/').next().unwrap_or(rel);
    w.fixture(rel, name);
    let run = w.run(&[&["ingest", "inbox"][..], flags].concat());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        !w.path("lake/submissions/submissions.parquet").exists()
            || w.rows("lake/submissions").is_empty(),
        "{rel}: no submission"
    );
    assert!(!w.path("lake/activities").exists() || w.rows("lake/activities").is_empty());
    let rejects = w.rows("lake/rejects");
    assert_eq!(rejects.len(), 1, "{}", run.stderr);
    let reject = rejects[0].clone();
    assert_eq!(
        v(&reject, "reason_code"),
        json!("file.no_items"),
        "{}",
        run.stderr
    );
    assert_eq!(v(&reject, "source_row"), Value::Null);
    RefusedWhole { run, reject }
}

impl RefusedWhole {
    /// The rows' refusals the file's refusal keeps: (row, code, reason).
    pub(super) fn rows(&self, want: &[(i64, &str, &str)]) -> &Self {
        let raw: Value = serde_json::from_str(v(&self.reject, "raw").as_str().unwrap()).unwrap();
        let got: Vec<(Value, Value, Value)> = raw["detail"]["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["source_row"].clone(),
                    r["reason_code"].clone(),
                    r["reason"].clone(),
                )
            })
            .collect();
        let want: Vec<(Value, Value, Value)> = want
            .iter()
            .map(|(row, code, reason)| (json!(row), json!(code), json!(reason)))
            .collect();
        assert_eq!(got, want, "{}", self.run.stderr);
        self
    }

    /// The file's refusal says this.
    pub(super) fn reason(&self, want: &str) -> &Self {
        assert_eq!(v(&self.reject, "reason"), json!(want));
        self
    }
}

#[test]
fn no_silent_default_unreadable_quantities_and_look_alike_letters() {
    // the unit is written with Ð (U+00D0) and a no-break space, the form with a zero-width space
    ingest("34-csv-unreadable-quantities-look-alikes.csv")
        .is("dai-ptth-dien-bien", "2023-09", 1, 2)
        .items(&[item(6, "2023-09-18", "trafficking", false, "news", "Cảnh giác mua bán người", 1, Some(800))])
        .refused(&[
            (4, "quantity.missing", "The quantity is empty, and the table has a quantity column ('Số lượng'): fill in how many items the row counts, 1 or more."),
            (5, "quantity.invalid", "The quantity 'hai' is not a whole number."),
        ]);
}
