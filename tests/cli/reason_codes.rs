//! Every kind of refusal is produced by some file, and lands in
//! `rejects.reason_code` (read back with the parquet crate) beside its
//! sentence; a lake written before reason codes still opens.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Value, json};

use super::support::{Workdir, v};

/// A report file around `rows` (CSV lines under a header of `columns`),
/// from the unit and for the period given.
fn csv(unit: &str, period: &str, columns: &str, rows: &[&str]) -> Vec<u8> {
    let mut s = format!("Đơn vị: {unit}\nKỳ báo cáo: {period}\n{columns}\n");
    for r in rows {
        s.push_str(r);
        s.push('\n');
    }
    s.into_bytes()
}

/// What Excel saves when a workbook is given a password: the encrypted
/// package inside an OLE compound file (here with an empty package).
fn encrypted_workbook() -> Vec<u8> {
    let mut file = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).expect("cfb");
    file.create_stream("/EncryptionInfo").expect("stream");
    file.create_stream("/EncryptedPackage").expect("stream");
    file.flush().expect("flush");
    file.into_inner().into_inner()
}

#[test]
fn every_reason_code_is_produced_by_some_file() {
    let w = Workdir::new();
    // a reference where two units share an alias and one has ended
    w.reference_copy("2023", |name, text| {
        if name == "units.csv" {
            text.replace(
                "Sở Nội vụ,department,,2023-01-01,,",
                "Sở Nội vụ,department,,2023-01-01,,Sở NV",
            )
            .replace(
                "Sở Ngoại vụ,department,,2023-01-01,,",
                "Sở Ngoại vụ,department,,2023-01-01,,Sở NV",
            )
            .replace(
                "so-y-te,Sở Y tế,department,,2023-01-01,,",
                "so-y-te,Sở Y tế,department,,2022-01-01,2022-12-31,",
            )
        } else {
            text
        }
    });
    // a 2025 campaign folder with its own register and lineage
    w.reference_copy("2025", |_, text| text);
    w.write(
        "ref/2025/unit_lineage.csv",
        &std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("data/reference/unit_lineage.csv"),
        )
        .expect("lineage"),
    );
    let fixture = |name: &str| {
        std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures")
                .join(name),
        )
        .expect("fixture")
    };
    let head = "Ngày,Chủ đề,Hình thức,Tên tin bài,Số lượng,Lượt tiếp cận";
    // (file, bytes, the code each of its refusals must carry, in row order)
    let mut files: Vec<(String, Vec<u8>, Vec<&str>)> = vec![
        ("f01.csv".into(), vec![], vec!["file.empty"]),
        ("f02.csv".into(), b"  \n \n".to_vec(), vec!["file.blank"]),
        ("f03.csv".into(), b"\x89PNG\r\n\x1a\nrest".to_vec(), vec!["file.not_a_table"]),
        ("f04.xlsx".into(), b"Ngay,Hinh thuc\n".to_vec(), vec!["file.wrong_extension"]),
        // v3: a workbook protected with a password is `file.encrypted`
        // (`file.old_excel` is now an Excel 2.x-4.0 worksheet, f05b)
        ("f05.xlsx".into(), encrypted_workbook(), vec!["file.encrypted"]),
        ("f05b.xls".into(), excel4_worksheet(), vec!["file.old_excel"]),
        ("f06.odt".into(), b"odt text".to_vec(), vec!["file.unsupported_type"]),
        ("f07".into(), b"no extension".to_vec(), vec!["file.no_extension"]),
        ("f08.csv".into(), vec![b'x'; (1 << 20) + 10], vec!["file.too_big"]),
        (
            "f09.csv".into(),
            format!("Ngày,Hình thức{}\n", ",c".repeat(1000)).into_bytes(),
            vec!["file.too_large"],
        ),
        (
            "f10.xlsx".into(),
            fixture("real-world/01-date1904-mac.xlsx")[..3000].to_vec(),
            vec!["file.damaged"],
        ),
        ("f12.json".into(), b"hello world".to_vec(), vec!["file.not_json"]),
        ("f13.csv".into(), b"a,b\n1,2\n".to_vec(), vec!["file.no_table"]),
        ("so-tu-phap_2023.csv".into(), b"Ngay,Hinh thuc,Chu de\n".to_vec(), vec!["file.no_rows"]),
        ("f15.csv".into(), b"Don vi: So Tu phap\nNgay,Hinh thuc\n01/03/2023,Tin\n".to_vec(), vec!["period.missing"]),
        ("f16.csv".into(), csv("Sở Tư pháp", "Tháng 13/2023", head, &["01/03/2023,general,Tin,a,1,"]), vec!["period.invalid"]),
        ("f17.csv".into(), csv("Sở Tư pháp", "2019", head, &["01/03/2019,general,Tin,a,1,"]), vec!["period.no_reference"]),
        ("f18.csv".into(), b"Ky bao cao: Nam 2023\nNgay,Hinh thuc\n01/03/2023,Tin\n".to_vec(), vec!["unit.missing"]),
        ("f19.csv".into(), csv("Sở Không Có", "2023", head, &["01/03/2023,general,Tin,a,1,"]), vec!["unit.unknown"]),
        ("f20.csv".into(), csv("Sở NV", "2023", head, &["01/03/2023,general,Tin,a,1,"]), vec!["unit.ambiguous"]),
        ("f21.csv".into(), csv("Sở Y tế", "2023", head, &["01/03/2023,general,Tin,a,1,"]), vec!["unit.not_valid"]),
        // a 2025 report from a department merged on 1 March 2025
        ("f21b.csv".into(), csv("Sở Kế hoạch và Đầu tư", "Tháng 8/2025", head, &["01/08/2025,general,Tin,a,1,"]), vec!["unit.abolished"]),
        // its 2025 annual report: February is its own, August is not
        ("f21c.csv".into(), csv("Sở Kế hoạch và Đầu tư", "Năm 2025", head, &["01/02/2025,general,Tin,a,1,", "01/08/2025,general,Tin,a,1,"]), vec!["date.outside_unit"]),
        (
            "f22.csv".into(),
            b"Don vi: So Tu phap\nKy bao cao: 2023\nNgay gui: hom qua\nNgay,Hinh thuc,Chu de\n01/03/2023,Tin,general\n".to_vec(),
            vec!["received.invalid"],
        ),
        (
            "so-tu-phap_2023.ndjson".into(),
            b"{\"date\":\"01/03/2023\",\"form\":\"Tin\",\"theme\":\"general\"}\n{oops\n".to_vec(),
            vec!["row.malformed"],
        ),
        (
            "f24.csv".into(),
            csv(
                "Sở Tư pháp",
                "2023",
                "Đơn vị,Kỳ báo cáo,Ngày,Chủ đề,Hình thức",
                &[
                    "Sở Tư pháp,2023,01/03/2023,general,Tin",
                    "Sở Y tế,2023,02/03/2023,general,Tin",
                    "Sở Tư pháp,2022,03/03/2023,general,Tin",
                ],
            ),
            vec!["row.other_unit", "row.other_period"],
        ),
        (
            "f25.csv".into(),
            csv(
                "Sở Tư pháp",
                "Tháng 7/2023",
                "Ngày,Chủ đề,Nội dung cụ thể,Ưu tiên HĐNQ,Hình thức,Tên tin bài,Số lượng,Lượt tiếp cận,Thời lượng",
                &[
                    ",general,,,Tin,a,1,,",
                    "31/02/2023,general,,,Tin,a,1,,",
                    "05/07/2019,general,,,Tin,a,1,,",
                    "05/07/2023,nothing,,,Tin,a,1,,",
                    "05/07/2023,,,,Tin,Tin tổng hợp,1,,",
                    "05/07/2023,,,,Tin,Người lao động dân tộc thiểu số có việc làm,1,,",
                    "05/07/2023,general,không có,,Tin,a,1,,",
                    "05/07/2023,labour,trafficking.results,,Tin,a,1,,",
                    "05/07/2023,general,,9,Tin,a,1,,",
                    "05/07/2023,general,,,,a,1,,",
                    "05/07/2023,general,,,Video clip,a,1,,",
                    "05/07/2023,general,,,Tin,a,,,",
                    "05/07/2023,general,,,Tin,a,0,,",
                    "05/07/2023,general,,,Tin,a,1,-5,",
                    "05/07/2023,general,,,Tin,a,1,,nửa giờ",
                    "05/07/2023,general,,,Tin,C¶nh gi¸c víi ®®® ÷÷÷,1,,",
                    "06/07/2023,general,,,Tin,a,1,,",
                ],
            ),
            vec![
                "date.missing",
                "date.invalid",
                "date.outside_period",
                "theme.unknown",
                "theme.missing",
                "theme.ambiguous",
                "subtheme.unknown",
                "subtheme.mismatch",
                "hrc_priority.invalid",
                "form.missing",
                "form.unknown",
                "quantity.missing",
                "quantity.invalid",
                "reach.invalid",
                "duration.invalid",
                "text.legacy_encoding_unconvertible",
            ],
        ),
        (
            "f26.csv".into(),
            csv(
                "Sở Tư pháp",
                "Tháng 8/2023",
                "Ngày,Chủ đề,Hình thức",
                &["15/08/2023,general,Tin", "8/20/2023,general,Tin"],
            ),
            vec!["date.month_first_ambiguous"],
        ),
        // v3: a file whose every row is refused is refused whole, so the
        // row's code comes from a file with an item beside it: a JSON item
        // that states a quantity-like field instead of the quantity
        (
            "so-tu-phap_2023_f27.ndjson".into(),
            "{\"date\":\"01/03/2023\",\"theme\":\"general\",\"form\":\"Tin\",\"quantity\":2}\n{\"date\":\"02/03/2023\",\"theme\":\"general\",\"form\":\"Tin\",\"Số lượng sản phẩm in\":5}\n".as_bytes().to_vec(),
            vec!["quantity.column_unclear"],
        ),
        (
            "so-tu-phap_2023_f27b.json".into(),
            b"[\"hi\", \"bye\"]".to_vec(),
            vec!["file.no_items"],
        ),
        (
            "f28.xlsx".into(),
            fixture("real-world/26-formulas-without-results.xlsx"),
            vec!["cell.formula_without_value", "cell.formula_without_value"],
        ),
        (
            "f29.xlsx".into(),
            fixture("real-world/24-merged-body-cells.xlsx"),
            vec!["cell.merged_figure", "cell.merged_figure"],
        ),
    ];
    files.push((
        // (a JSON item that gives its quantity twice, beside one that does not)
        "so-tu-phap_2023_f30.ndjson".into(),
        "{\"date\":\"01/03/2023\",\"theme\":\"general\",\"form\":\"Tin\",\"quantity\":2}\n{\"date\":\"02/03/2023\",\"theme\":\"general\",\"form\":\"Tin\",\"quantity\":2,\"SL\":10}\n".as_bytes().to_vec(),
        vec!["column.ambiguous"],
    ));
    files.push((
        "f31.csv".into(),
        csv(
            "Sở Tư pháp",
            "2023",
            "Ngày,Chủ đề,Hình thức,Số lượng,Lượt tiếp cận",
            &[
                "01/03/2023,general,Tin,2,300",
                "02/03/2023,general,Tin,2,1,200",
            ],
        ),
        vec!["row.too_many_cells"],
    ));
    files.push((
        "f32.xlsx".into(),
        two_reports(),
        vec!["file.several_reports"],
    ));
    // what the sheet hides, formulas never calculated, dates turned round
    files.push(("f34.xlsx".into(), hidden_row(), vec!["row.hidden"]));
    files.push((
        "f35.xlsx".into(),
        uncalculated_formula(),
        vec!["cell.formula_not_calculated"],
    ));
    files.push((
        "f36.xlsx".into(),
        turned_date(),
        vec!["date.locale_swapped"],
    ));
    // what a section of plans lists is not done
    files.push((
        "f33.csv".into(),
        csv(
            "Sở Tư pháp",
            "Tháng 7/2023",
            "STT,Ngày,Chủ đề,Hình thức",
            &[
                "I,Kết quả tuyên truyền,,",
                "1,05/07/2023,general,Tin",
                "II,Kế hoạch tuyên truyền tháng 8,,",
                "1,10/08/2023,general,Tin",
            ],
        ),
        vec!["row.planned"],
    ));
    // a reader that panics (only debug builds check overflow; release wraps)
    if cfg!(debug_assertions) {
        files.push((
            "f11.xlsx".into(),
            baocao::samples::fuzz_workbook(&fixture("hostile/calamine-overflow-sheet.bin")),
            vec!["file.reader_stopped"],
        ));
    }
    for (name, bytes, _) in &files {
        w.write(&format!("inbox/{name}"), bytes);
    }
    let run = w.run(&[
        "ingest",
        "inbox",
        "--reference",
        "ref",
        "--max-file-mb",
        "1",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    let mut by_file: BTreeMap<String, Vec<(i64, String, String)>> = BTreeMap::new();
    for r in w.rows("lake/rejects") {
        let file = v(&r, "source_file").as_str().unwrap().to_string();
        let name = file.rsplit('/').next().unwrap().to_string();
        let reason = v(&r, "reason").as_str().unwrap().to_string();
        let code = match v(&r, "reason_code") {
            Value::String(c) => c,
            other => panic!("{name}: reason_code {other} for «{reason}»"),
        };
        // every refusal is a sentence
        assert!(reason.ends_with('.'), "{reason}");
        by_file.entry(name).or_default().push((
            v(&r, "source_row").as_i64().unwrap_or(0),
            code,
            reason,
        ));
    }
    let mut seen = BTreeSet::new();
    for (name, _, want) in &files {
        let mut got = by_file.remove(name).unwrap_or_default();
        got.sort();
        let codes: Vec<&str> = got.iter().map(|(_, c, _)| c.as_str()).collect();
        assert_eq!(codes, *want, "{name}: {got:?}");
        seen.extend(want.iter().map(|c| c.to_string()));
    }
    assert!(by_file.is_empty(), "refusals of no file above: {by_file:?}");
    // every code the library lists is produced here, but one no file can
    // cause (a file always has a modification time) and, in release
    // builds, the reader panic
    let all: BTreeSet<String> = baocao::ingest::ReasonCode::ALL
        .iter()
        .map(|c| c.code().to_string())
        .filter(|c| c != "received.missing")
        .filter(|c| cfg!(debug_assertions) || c != "file.reader_stopped")
        .collect();
    assert_eq!(seen, all);

    // the SQL surface names them too
    let run = w.run(&[
        "sql",
        "SELECT reason_code, COUNT(*) AS n FROM rejects JOIN reason_codes USING (reason_code) GROUP BY 1 ORDER BY 1",
        "--reference",
        "ref",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let counted: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(counted.len(), all.len());
    let formula = counted
        .iter()
        .find(|r| r["reason_code"] == json!("cell.formula_without_value"))
        .unwrap();
    assert_eq!(formula["n"], json!(2));
}

#[test]
fn a_lake_written_before_reason_codes_still_opens_and_groups() {
    // a rejects file as contract v1 wrote it: no reason_code column
    let w = Workdir::new();
    w.write(
        "inbox/pvhtt-nam-po_2023-07.csv",
        "Ngày,Chủ đề,Hình thức\n05/07/2023,general,Tin\n31/02/2023,general,Tin\n".as_bytes(),
    );
    let run = w.run(&["ingest", "inbox", "--received-at", "2023-07-10"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rejects: Vec<std::path::PathBuf> = std::fs::read_dir(w.path("lake/rejects"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(rejects.len(), 1);
    drop_column(&rejects[0], "reason_code");
    assert!(
        !super::support::read_rows(&rejects[0])[0].contains_key("reason_code"),
        "the file is as v1 wrote it"
    );

    let run = w.run(&[
        "sql",
        "SELECT source_row, reason_code, reason FROM rejects",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rows: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        rows,
        vec![
            json!({"source_row": 3, "reason_code": null, "reason": "The activity date '31/02/2023' is not a real date."})
        ]
    );
    let run = w.run(&["query", "rejects_summary", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rows: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(rows[0]["reason_code"], json!("(not recorded)"));
    assert_eq!(rows[0]["rows_refused"], json!(1));

    // a new refusal beside it, then a compaction: both kept, the old one null
    w.write(
        "inbox/pvhtt-nam-po_2023-08.csv",
        "Ngày,Chủ đề,Hình thức\n05/08/2023,general,Tin\n05/08/2023,general,Video clip\n".as_bytes(),
    );
    assert_eq!(
        w.run(&["ingest", "inbox", "--received-at", "2023-08-10"])
            .code,
        0
    );
    let run = w.run(&["compact"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut codes: Vec<Value> = w
        .rows("lake/rejects")
        .iter()
        .map(|r| v(r, "reason_code"))
        .collect();
    codes.sort_by_key(|c| c.to_string());
    assert_eq!(codes, vec![json!("form.unknown"), Value::Null]);
}

/// An Excel 4.0 worksheet: a BIFF4 BOF record (worksheet) and an EOF, as
/// no program of today writes one.
fn excel4_worksheet() -> Vec<u8> {
    vec![
        0x09, 0x04, 0x06, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x0A, 0x00, 0x00, 0x00,
    ]
}

/// A Sở Tư pháp 2023 report of two items, `rows` written by XlsxWriter's
/// Rust port under `Ngày | Chủ đề | Hình thức | Số lượng`, then `more`.
fn report(more: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Đơn vị: Sở Tư pháp").unwrap();
    sheet
        .write_string(1, 0, "Kỳ báo cáo: Tháng 7/2023")
        .unwrap();
    for (c, h) in ["Ngày", "Chủ đề", "Hình thức", "Số lượng"]
        .iter()
        .enumerate()
    {
        sheet.write_string(3, c as u16, *h).unwrap();
    }
    for (r, day) in ["13/07/2023", "20/07/2023"].iter().enumerate() {
        let r = 4 + r as u32;
        sheet.write_string(r, 0, *day).unwrap();
        sheet.write_string(r, 1, "general").unwrap();
        sheet.write_string(r, 2, "Tin").unwrap();
        sheet.write_number(r, 3, 1.0).unwrap();
    }
    more(sheet);
    book.save_to_buffer().unwrap()
}

/// Row 6 hidden.
fn hidden_row() -> Vec<u8> {
    report(|s| {
        s.set_row_hidden(5).unwrap();
    })
}

/// A third item whose quantity is a formula XlsxWriter never calculated
/// (its stored result is 0).
fn uncalculated_formula() -> Vec<u8> {
    report(|s| {
        s.write_string(6, 0, "21/07/2023").unwrap();
        s.write_string(6, 1, "general").unwrap();
        s.write_string(6, 2, "Tin").unwrap();
        s.write_formula(6, 3, "=D5+D6").unwrap();
    })
}

/// A third item whose date is a real date cell (5 July as a month-first
/// spreadsheet read `07/05/2023`), in a column typed day-first: read as
/// typed it would be 7 May, outside the report's period.
fn turned_date() -> Vec<u8> {
    report(|s| {
        let day = rust_xlsxwriter::ExcelDateTime::from_ymd(2023, 7, 5).unwrap();
        let format = rust_xlsxwriter::Format::new().set_num_format("mm/dd/yyyy");
        s.write_datetime_with_format(6, 0, &day, &format).unwrap();
        s.write_string(6, 1, "general").unwrap();
        s.write_string(6, 2, "Tin").unwrap();
        s.write_number(6, 3, 1.0).unwrap();
    })
}

/// A workbook with a table of activities on each of two visible sheets.
fn two_reports() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    for month in ["T6", "T7"] {
        let sheet = book.add_worksheet();
        sheet.set_name(month).unwrap();
        for (c, h) in ["Ngày", "Chủ đề", "Hình thức"].iter().enumerate() {
            sheet.write_string(0, c as u16, *h).unwrap();
        }
        for (c, v) in ["05/07/2023", "general", "Tin"].iter().enumerate() {
            sheet.write_string(1, c as u16, *v).unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

/// Rewrites a Parquet file without one of its columns, with the parquet
/// crate (as an older baocao would have written it).
fn drop_column(path: &std::path::Path, column: &str) {
    use parquet::arrow::ArrowWriter;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    let file = std::fs::File::open(path).unwrap();
    let reader = ParquetRecordBatchReaderBuilder::try_new(file)
        .unwrap()
        .build()
        .unwrap();
    let batches: Vec<arrow::array::RecordBatch> = reader.map(|b| b.unwrap()).collect();
    let keep: Vec<usize> = batches[0]
        .schema()
        .fields()
        .iter()
        .enumerate()
        .filter(|(_, f)| f.name() != column)
        .map(|(i, _)| i)
        .collect();
    let projected: Vec<_> = batches.iter().map(|b| b.project(&keep).unwrap()).collect();
    let out = std::fs::File::create(path).unwrap();
    let mut writer = ArrowWriter::try_new(out, projected[0].schema(), None).unwrap();
    for b in &projected {
        writer.write(b).unwrap();
    }
    writer.close().unwrap();
}

/// A refusal is said again in either language (contract section 7): from
/// the values `reason_args` keeps, or, in a lake written before they were
/// kept, as the sentence stored.
#[test]
fn a_refusal_is_said_in_either_language_even_in_a_lake_written_before_reason_args() {
    let w = Workdir::new();
    w.write(
        "inbox/pvhtt-nam-po_2023-07.csv",
        "Ngày,Chủ đề,Hình thức\n05/07/2023,general,Tin\n31/02/2023,general,Tin\n".as_bytes(),
    );
    // a run in the default language: Vietnamese
    let run = w.run_vi(&["ingest", "inbox", "--received-at", "2023-07-10"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let july = "Ngày thực hiện hoạt động '31/02/2023' không phải là một ngày có thật.";
    assert!(
        run.stderr.contains(&format!("dòng 3: {july}")),
        "{}",
        run.stderr
    );

    // the values are kept: said again in English
    let said = |w: &Workdir| -> Vec<Value> {
        let run = w.run(&[
            "sql",
            "SELECT reason, reason_vi, reason_en FROM rejects ORDER BY source_file",
            "--format",
            "json",
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        serde_json::from_str(&run.stdout).unwrap()
    };
    assert_eq!(
        said(&w),
        vec![json!({
            "reason": july,
            "reason_vi": july,
            "reason_en": "The activity date '31/02/2023' is not a real date."
        })]
    );

    // the same file as a lake written before reason_args: the stored
    // sentence in both columns
    let rejects: Vec<std::path::PathBuf> = std::fs::read_dir(w.path("lake/rejects"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(rejects.len(), 1);
    drop_column(&rejects[0], "reason_args");
    assert_eq!(
        said(&w),
        vec![json!({"reason": july, "reason_vi": july, "reason_en": july})]
    );

    // a run in English beside it: its refusal is said in Vietnamese too
    w.write(
        "inbox/pvhtt-nam-po_2023-08.csv",
        "Ngày,Chủ đề,Hình thức\n05/08/2023,general,Tin\n05/08/2023,general,Video clip\n".as_bytes(),
    );
    let run = w.run(&[
        "ingest",
        "inbox",
        "--received-at",
        "2023-08-10",
        "--lang",
        "en",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rows = said(&w);
    assert_eq!(rows.len(), 2);
    let forms = "Tin, Bài, Phóng sự, Chương trình phát thanh, Chương trình truyền hình, Tin bài trên Cổng/Trang TTĐT, Nền tảng số, mạng xã hội, Ấn phẩm xuất bản, Bảng tin điện tử, Tiểu phẩm, Kịch truyền thanh, Tuyên truyền lưu động, Hội nghị, tọa đàm, tập huấn, Khác";
    let en = format!("The form 'Video clip' is not in the list of forms: {forms}.");
    assert_eq!(
        rows[1],
        json!({
            "reason": en,
            "reason_vi": format!("Hình thức 'Video clip' không có trong danh mục hình thức: {forms}."),
            "reason_en": en,
        })
    );
}
